"""``argmap show``: a readable summary of one map."""

from __future__ import annotations

import click

from argmap.analysis import summarize
from argmap.checks import check
from argmap.cli._common import handle_errors
from argmap.formats.mapfile import read_map


@click.command("show")
@click.argument("file", type=click.Path(dir_okay=False))
@handle_errors
def show_command(file: str) -> None:
    """Summarise a map: title, source, thesis, push and pull factors, counts, warnings."""
    amap = read_map(file)
    click.echo(summarize(amap, check(amap)), nl=False)
