"""``argmap show``: a readable summary of a map, or of each map of a corpus."""

from __future__ import annotations

import click

from argmap.analysis import summarize
from argmap.citations.formatting import format_cited
from argmap.cli._common import handle_errors, try_map_bibliography
from argmap.cli._styles import CITATION_STYLE
from argmap.corpus.reading import expand_map_paths, read_maps
from argmap.corpus.summary import issues_of, summarize_corpus, summarize_uses
from argmap.errors import MapError
from argmap.model import ArgumentMap


@click.command("show")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
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
    """Summarise maps: title, source, thesis, push and pull factors, counts, warnings.

    FILES are map files or folders of them, read as one corpus: a map's references to
    the maps it uses resolve, and it lists what it builds on. Several maps end with a
    line about the corpus.
    """
    targets = {p.resolve() for p in expand_map_paths(files)}
    corpus = read_maps(files)
    shown = [mid for mid, path in corpus.files.items() if path.resolve() in targets]
    if len(shown) < len(targets):
        raise MapError(corpus.errors)  # a map given did not read: say why, show nothing
    for n, map_id in enumerate(shown):
        amap = corpus.maps[map_id]
        if n:
            click.echo()
        text = summarize(amap, issues_of(corpus, map_id), source=_source_reference(amap, style))
        click.echo(text, nl=False)
        uses = summarize_uses(corpus, map_id)
        if uses:
            click.echo("\n" + uses, nl=False)
    if len(shown) > 1:
        click.echo("\n" + summarize_corpus(corpus), nl=False)


def _source_reference(amap: ArgumentMap, style: str) -> str | None:
    """The mapped work as a reference, when the map's bibliography has it."""
    if amap.source is None:
        return None
    # A summary does without it; `argmap check` reports a bibliography's problems.
    bibliography, _ = try_map_bibliography(amap)
    if bibliography is None:
        return None
    return format_cited(bibliography, [amap.source.key], style=style).get(amap.source.key)
