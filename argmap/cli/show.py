"""``argmap show``: a readable summary of one map."""

from __future__ import annotations

import click

from argmap.analysis import summarize
from argmap.checks import check
from argmap.citations.bibliography import read_map_bibliography
from argmap.citations.export import csl_items
from argmap.citations.formatting import STYLES, format_references
from argmap.cli._common import handle_errors
from argmap.errors import BibliographyError
from argmap.formats.mapfile import read_map
from argmap.model import ArgumentMap


@click.command("show")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-s",
    "--style",
    type=click.Choice(sorted(STYLES)),
    default="apa",
    show_default=True,
    help="Citation style of the mapped work's reference.",
)
@handle_errors
def show_command(file: str, style: str) -> None:
    """Summarise a map: title, source, thesis, push and pull factors, counts, warnings."""
    amap = read_map(file)
    click.echo(summarize(amap, check(amap), source=_source_reference(amap, style)), nl=False)


def _source_reference(amap: ArgumentMap, style: str) -> str | None:
    """The mapped work as a reference, when the map's bibliography has it."""
    if amap.source is None or not amap.bibliography:
        return None
    try:
        bibliography = read_map_bibliography(amap)
    except BibliographyError:
        return None  # a summary does not need it; `argmap check` reports the problems
    entry = bibliography.get(amap.source.key)
    if entry is None:
        return None
    return format_references(csl_items([entry]), style=style)[amap.source.key]
