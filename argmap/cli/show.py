"""``argmap show``: a readable summary of one map."""

from __future__ import annotations

import click

from argmap.analysis import summarize
from argmap.citations.formatting import CITATION_STYLES, format_cited
from argmap.cli._common import handle_errors, try_map_bibliography
from argmap.errors import Issue
from argmap.formats.mapfile import read_map
from argmap.model import ArgumentMap


@click.command("show")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-s",
    "--style",
    type=click.Choice(sorted(CITATION_STYLES)),
    default="apa",
    show_default=True,
    help="Citation style of the mapped work's reference.",
)
@handle_errors
def show_command(file: str, style: str) -> None:
    """Summarise a map: title, source, thesis, push and pull factors, counts, warnings."""
    warnings: list[Issue] = []
    amap = read_map(file, warnings=warnings)
    click.echo(summarize(amap, warnings, source=_source_reference(amap, style)), nl=False)


def _source_reference(amap: ArgumentMap, style: str) -> str | None:
    """The mapped work as a reference, when the map's bibliography has it."""
    if amap.source is None:
        return None
    # A summary does without it; `argmap check` reports a bibliography's problems.
    bibliography, _ = try_map_bibliography(amap)
    if bibliography is None:
        return None
    return format_cited(bibliography, [amap.source.key], style=style).get(amap.source.key)
