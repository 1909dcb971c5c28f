"""``argmap cite``: the sources maps cite, as BibTeX, BibLaTeX, CSL-JSON, RIS or a reading list."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.citations.bibliography import missing_bibliographies, read_bibliography
from argmap.citations.checks import check_citations
from argmap.citations.export import EXPORT_FORMATS, export_citations
from argmap.citations.selection import cited_sources
from argmap.cli._common import EXIT_ERRORS, echo_issues, handle_errors
from argmap.cli._output import check_output, map_inputs, write_output
from argmap.cli._styles import CITATION_STYLE
from argmap.corpus.citations import corpus_cited_sources, format_reading_list
from argmap.corpus.model import Corpus
from argmap.corpus.reading import expand_map_paths, read_maps
from argmap.errors import BibliographyError, MapError

#: The export formats that are formatted lists, where each entry can say who cites it.
READING_LISTS = ("text", "markdown", "html")


def _bibliography_paths(corpus: Corpus, map_ids: list[str], extra: tuple[str, ...]) -> list[Path]:
    """The .bib files given with --bib, else those the maps name (each file once)."""
    if extra:
        return [Path(p) for p in extra]
    seen: dict[Path, None] = {}
    for map_id in map_ids:
        base = corpus.files[map_id].parent
        for name in corpus.maps[map_id].bibliography:
            seen.setdefault(Path(base / name), None)
    return list(seen)


@click.command("cite")
@click.argument("maps", nargs=-1, required=True, type=click.Path(dir_okay=True))
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
    type=CITATION_STYLE,
    default="apa",
    show_default=True,
    help="Citation style of reading lists (text, markdown, html): apa, chicago, harvard, mla,"
    " ieee, any style of the CSL collection by name, or a .csl file.",
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

    MAPS are map files or folders of them, read as one corpus with the maps they use.
    Several maps are merged, each source once; nodes a map imports from another map bring
    their citations. A reading list (text, markdown, html) that spans several maps says
    under each entry which maps and nodes cite it, with their locators. Cited keys missing
    from the bibliography are reported at the citation's line in the map, and nothing is
    written.

    \b
    Examples:
      argmap cite maps/shagina-2018-japan-sanctions.yaml -f ris -o reading.ris
      argmap cite maps/shagina-2018-japan-sanctions.yaml -f markdown -s chicago
      argmap cite maps/shagina-2018-japan-sanctions.yaml --node symbolic-sanctions --with-support
      argmap cite maps/ -f markdown
    """
    if with_support and node is None:
        raise click.UsageError("--with-support needs --node ID")
    targets = {p.resolve() for p in expand_map_paths(maps)}
    corpus = read_maps(maps)
    if corpus.errors:
        raise MapError(corpus.errors)
    given = [mid for mid, path in corpus.files.items() if path.resolve() in targets]
    involved = list(dict.fromkeys(m for g in given for m in corpus.uses_closure(g)))
    bib_paths = _bibliography_paths(corpus, involved, bib_files)
    every_map = [corpus.maps[m] for m in involved]
    inputs: list[str | Path] = [*corpus.files.values(), *bib_paths, *map_inputs(every_map)]
    if output is not None:
        check_output(output, inputs=inputs)
    if not bib_files:
        missing = [issue for amap in every_map for issue in missing_bibliographies(amap)]
        if missing:
            raise BibliographyError(missing)
    bibliography = read_bibliography(bib_paths)
    amaps = [corpus.maps[m] for m in given]
    if node is None:
        # Imported nodes bring their citations: the works a map builds on are read too.
        sources = corpus_cited_sources(corpus, bibliography, maps=given)
    else:
        sources = cited_sources(amaps, bibliography, node=node, with_support=with_support)
    wanted = {s.key for s in sources}
    selected = {c.location for s in sources for c in s.citing}
    missing = [
        issue
        for map_id in involved
        for issue in check_citations(corpus.maps[map_id], bibliography)
        if issue.location in selected
    ]
    if missing:
        echo_issues(missing)
        sys.exit(EXIT_ERRORS)
    echo_issues(
        issue
        for issue in bibliography.issues
        if any(issue.location == bibliography[k].location for k in wanted)
    )
    spans_maps = len({c.map_id for s in sources for c in s.citing}) > 1 or any(
        c.node is not None and "#" in c.node for s in sources for c in s.citing
    )
    if spans_maps and output_format in READING_LISTS:
        text = format_reading_list(sources, style=style, output=output_format)
    else:
        text = export_citations(sources, fmt=output_format, style=style)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text, inputs=inputs)


__all__ = ["cite_command"]
