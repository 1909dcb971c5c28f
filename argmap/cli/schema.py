"""``argmap schema``: print the JSON Schema of map files, for editors and validators."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli._common import finish, handle_errors
from argmap.commands import Output, Result
from argmap.formats.schema import dump_json_schema

__all__ = ["schema_command"]


@click.command("schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write the schema to this file instead of standard output.",
)
@handle_errors
def schema_command(output: str | None) -> None:
    """Print the JSON Schema (draft 2020-12) of argmap map files.

    Point an editor at it to check maps while typing: with the YAML language server, put
    '# yaml-language-server: $schema=PATH' at the top of a map file.
    """
    text = dump_json_schema()
    if output is None:
        finish(Result(text=text))
    finish(Result(outputs=[Output(Path(output), text)]))
