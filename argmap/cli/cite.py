"""``argmap cite``: the sources maps cite, as BibTeX, BibLaTeX, CSL-JSON, RIS or a reading list."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.citations.bibliography import missing_bibliographies, read_bibliography
from argmap.citations.checks import check_citations
from argmap.citations.export import EXPORT_FORMATS, STYLE_NAMES, export_citations
from argmap.citations.selection import cited_sources
from argmap.cli._common import EXIT_ERRORS, echo_issues, handle_errors
from argmap.cli._output import check_output, map_inputs, write_output
from argmap.errors import BibliographyError
from argmap.formats.mapfile import read_map
from argmap.model import ArgumentMap


def _bibliography_paths(amaps: list[ArgumentMap], extra: tuple[str, ...]) -> list[Path]:
    """The .bib files given with --bib, else those the maps name (each file once)."""
    if extra:
        return [Path(p) for p in extra]
    seen: dict[Path, None] = {}
    for amap in amaps:
        base = Path(amap.origin).parent if amap.origin else Path()
        for name in amap.bibliography:
            seen.setdefault(Path(base / name), None)
    return list(seen)


@click.command("cite")
@click.argument("maps", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(EXPORT_FORMATS),
    default="bibtex",
    show_default=True,
    help="Export format: a file for LaTeX or a reference manager, or a reading list.",
)
@click.option(
    "-s",
    "--style",
    type=click.Choice(STYLE_NAMES),
    default="apa",
    show_default=True,
    help="Citation style of reading lists (text, markdown, html).",
)
@click.option("-n", "--node", metavar="ID", help="Only the sources this node cites.")
@click.option(
    "--with-support",
    is_flag=True,
    help="With --node: also the sources of every node that supports it, transitively.",
)
@click.option(
    "-b",
    "--bib",
    "bib_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Bibliography file to use instead of the maps' own (repeatable).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write to FILE (atomically) instead of standard output.",
)
@handle_errors
def cite_command(
    maps: tuple[str, ...],
    output_format: str,
    style: str,
    node: str | None,
    with_support: bool,
    bib_files: tuple[str, ...],
    output: str | None,
) -> None:
    """Export the sources MAPS cite, with every key resolved in their bibliographies.

    Several maps are merged, each source once. Cited keys missing from the bibliography
    are reported at the citation's line in the map, and nothing is written.

    \b
    Examples:
      argmap cite maps/shagina-2018-japan-sanctions.yaml -f ris -o reading.ris
      argmap cite maps/shagina-2018-japan-sanctions.yaml -f markdown -s chicago
      argmap cite maps/shagina-2018-japan-sanctions.yaml --node symbolic-sanctions --with-support
    """
    if with_support and node is None:
        raise click.UsageError("--with-support needs --node ID")
    amaps = [read_map(path) for path in maps]
    bib_paths = _bibliography_paths(amaps, bib_files)
    inputs: list[str | Path] = [*maps, *bib_paths, *map_inputs(amaps)]
    if output is not None:
        check_output(output, inputs=inputs)
    if not bib_files:
        missing = [issue for amap in amaps for issue in missing_bibliographies(amap)]
        if missing:
            raise BibliographyError(missing)
    bibliography = read_bibliography(bib_paths)
    sources = cited_sources(amaps, bibliography, node=node, with_support=with_support)
    wanted = {s.key for s in sources}
    selected = {(c.map_id, c.path) for s in sources for c in s.citing}
    missing = [
        issue
        for amap in amaps
        for issue in check_citations(amap, bibliography)
        if (amap.id, issue.path) in selected
    ]
    if missing:
        echo_issues(missing)
        sys.exit(EXIT_ERRORS)
    echo_issues(
        issue
        for issue in bibliography.issues
        if any(issue.location == bibliography[k].location for k in wanted)
    )
    text = export_citations(sources, fmt=output_format, style=style)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text, inputs=inputs)


__all__ = ["cite_command"]
