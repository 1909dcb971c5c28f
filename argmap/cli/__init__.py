"""The ``argmap`` command line: each command parses its options, calls the library, prints."""

from __future__ import annotations

import click

from argmap import __version__
from argmap.cli.check import check_command
from argmap.cli.cite import cite_command
from argmap.cli.convert import convert_command
from argmap.cli.render import render_command
from argmap.cli.schema import schema_command
from argmap.cli.show import show_command


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="argmap")
def main() -> None:
    """argmap: argument maps with citations.

    Check map files, summarise them, draw them as diagrams and export their citations.
    """


main.add_command(check_command)
main.add_command(cite_command)
main.add_command(convert_command)
main.add_command(render_command)
main.add_command(schema_command)
main.add_command(show_command)
