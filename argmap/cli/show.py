"""``argmap show``: a readable summary of a map, or of each map of a folder."""

from __future__ import annotations

import click

from argmap.cli._common import finish, handle_errors, require_files
from argmap.cli._styles import CITATION_STYLE
from argmap.commands.show import show_files

__all__ = ["show_command"]


@click.command("show")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "-s",
    "--style",
    type=CITATION_STYLE,
    default="apa",
    show_default=True,
    help="Citation style of the mapped work's reference.",
)
@handle_errors
def show_command(files: tuple[str, ...], style: str) -> None:
    """Summarise maps: title, source, thesis, push and pull factors, counts, problems.

    FILES are map files or folders of them, read with the maps they use: a map's
    references to them resolve, its factors include those it imports, and it lists what it
    builds on. Several maps end with a line about them all. Exits 1 when a map has errors.
    """
    require_files(files)
    finish(show_files(files, style=style))
