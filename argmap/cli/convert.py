"""``argmap convert``: one file, or a whole folder of them, from one format to another."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import click

from argmap._plural import counted
from argmap.cli._common import finish, handle_errors
from argmap.commands.convert import convert_file, convert_folder
from argmap.errors import FormatError
from argmap.formats.registry import READABLE, WRITABLE, directory_plan, format_of


@click.command("convert")
@click.argument("source", type=click.Path())
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(),
    help="The file to write (a folder when SOURCE is a folder).",
)
@click.option(
    "--from",
    "from_format",
    type=click.Choice(READABLE),
    help="Input format (default: from the suffix, and the content of .json files).",
)
@click.option(
    "--to",
    "to_format",
    type=click.Choice(WRITABLE),
    help="Output format (default: from the output suffix; yaml for a folder).",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings.")
@handle_errors
def convert_command(
    source: str, output: str, from_format: str | None, to_format: str | None, quiet: bool
) -> None:
    """Convert SOURCE to another format: argmap YAML/JSON, AIF, Argdown, GraphML, GEXF.

    Formats follow the suffixes unless --from/--to name them: yaml (.yaml, .yml),
    json (.json), aif (.aif.json, .aif), argdown (.argdown, .ad; reading runs the
    Argdown parser), argdown-json (.argdown.json, read only), graphml (.graphml),
    gexf (.gexf). A plain .json input is recognised by its content.

    When SOURCE is a folder, every file in it (and in its sub-folders) of a format argmap
    reads is converted into the folder OUTPUT, with a progress bar; bad files are reported
    at the end and the exit status is 1 if any failed.
    """
    if Path(source).is_dir():
        _check_folder_output(Path(source), Path(output))
        if not directory_plan(
            source, output, from_format=from_format, to_format=to_format or "yaml"
        ):
            raise click.UsageError(f"{source}: no files of a format argmap reads")
        result = convert_folder(
            source,
            output,
            from_format=from_format,
            to_format=to_format or "yaml",
            progress=_progress_bar,
        )
    else:
        result = convert_file(source, output, from_format=from_format, to_format=to_format)
    finish(result, quiet=quiet)


def _progress_bar(pairs: list[tuple[Path, Path]]) -> Iterable[tuple[Path, Path]]:
    with click.progressbar(
        pairs,
        label=f"Converting {counted(len(pairs), 'file')}",
        file=sys.stderr,
        show_pos=True,
    ) as bar:
        yield from bar


def _check_folder_output(source: Path, output: Path) -> None:
    # As in render: a folder of inputs goes into a folder, never into something named
    # like a file.
    if output.exists() and not output.is_dir():
        raise click.UsageError(f"{output} is a file; give a folder with -o for a folder")
    if not output.exists() and _names_a_file(output):
        raise click.UsageError(
            f"{output} names a file, but {source} is a folder: give a folder with -o "
            "(the format with --to)"
        )


def _names_a_file(path: Path) -> bool:
    """True when the path ends in the suffix of a format argmap writes (``two.json``)."""
    try:
        format_of(path)
    except FormatError:
        return False
    return True


__all__ = ["convert_command"]
