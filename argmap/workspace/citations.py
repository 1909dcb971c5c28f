"""Citations across a corpus: imported nodes bring their citations, and lists say who cites what."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

from argmap.citations.bibliography import Bibliography
from argmap.citations.selection import CitedSource, Citing, iter_citing, sources_from
from argmap.workspace.model import Workspace

__all__ = ["dump_cited_in", "format_reading_list", "workspace_cited_sources"]


def workspace_cited_sources(
    corpus: Workspace,
    bibliography: Bibliography | None = None,
    *,
    maps: Iterable[str] | None = None,
) -> list[CitedSource]:
    """The sources cited by maps of a corpus, the citations of the nodes they import included.

    A node a map imports (``MAP-ID#NODE-ID``) carries its citations into that map: each
    one is a :class:`~argmap.citations.selection.Citing` of the importing map whose ``node``
    is the reference (``seed#g7-solidarity``), located where the node's map writes it.

    Args:
        corpus: the maps, read with :func:`argmap.read_maps`.
        bibliography: where the keys resolve; without it every ``entry`` is None.
        maps: the ids of the maps whose sources to list, in this order; all by default.

    Returns:
        One :class:`~argmap.citations.selection.CitedSource` a key, in order of first
        citation, each with every place that cites it.

    Raises:
        KeyError: a map id is not in the corpus.

    >>> from argmap.workspace import read_maps
    >>> corpus = read_maps("maps/shagina-2018-sasakawa-sanctions-unity.yaml")
    >>> sources = workspace_cited_sources(corpus, maps=["shagina-2018-sasakawa-sanctions-unity"])
    >>> [(s.key, s.locators) for s in sources]
    [('shagina2018sanctions', []), ('shagina2018dilemma', ['p. 1'])]
    """
    wanted = list(corpus.maps) if maps is None else list(maps)
    by_key: dict[str, list[Citing]] = {}
    for map_id in wanted:
        amap = corpus.maps[map_id]
        for citing in iter_citing(amap):
            by_key.setdefault(citing.citation.key, []).append(citing)
        imported: set[str] = set()
        for ref in corpus.imports(map_id):
            key = ref.reference.key
            if key in imported or ref.target is None:
                continue
            imported.add(key)
            owner = corpus.maps[ref.reference.map_id]
            for citing in iter_citing(owner):
                if citing.node == ref.reference.node_id:
                    brought = Citing(
                        map_id,
                        citing.citation,
                        node=key,
                        path=citing.path,
                        location=citing.location,
                    )
                    by_key.setdefault(citing.citation.key, []).append(brought)
    return sources_from(by_key, bibliography)


def dump_cited_in(
    source: CitedSource, *, labels: Mapping[tuple[str, str], str] | None = None
) -> str:
    """Say which maps and nodes cite a source, with their locators.

    Args:
        source: the source and who cites it.
        labels: the title (or text) of each node by map id and node id; nodes are named
            by it, their id otherwise. An imported node is found under its own map.

    >>> from argmap.model import Citation
    >>> c = Citing("m", Citation(key="k", locator="p. 1"), node="a", path=("nodes", 0))
    >>> cited = CitedSource("k", None, (c, Citing("m", Citation(key="k"), path=())))
    >>> dump_cited_in(cited)
    'Cited in m: a (p. 1), its source'
    >>> dump_cited_in(cited, labels={("m", "a"): "Symbolic sanctions"})
    'Cited in m: Symbolic sanctions (p. 1), its source'
    """
    by_map: dict[str, dict[str, list[str]]] = {}
    for citing in source.citing:
        places = by_map.setdefault(citing.map_id, {})
        name = _place(citing, labels or {})
        locators = places.setdefault(name, [])
        if citing.locator and citing.locator not in locators:
            locators.append(citing.locator)
    parts = []
    for map_id, places in by_map.items():
        named = [
            f"{name} ({', '.join(locators)})" if locators else name
            for name, locators in places.items()
        ]
        parts.append(f"{map_id}: {', '.join(named)}")
    return "Cited in " + "; ".join(parts)


def _place(citing: Citing, labels: Mapping[tuple[str, str], str]) -> str:
    node = citing.node
    if node is not None:
        owner, sep, local = node.partition("#")
        label = labels.get((owner, local)) if sep else labels.get((citing.map_id, node))
        return label or node
    if citing.relation is not None:
        return f"relation {citing.relation}"
    return "its source"


def format_reading_list(
    sources: list[CitedSource],
    *,
    style: str,
    output: str = "text",
    labels: Mapping[tuple[str, str], str] | None = None,
) -> str:
    """A reading list of a corpus: each reference followed by the maps and nodes citing it.

    Args:
        sources: from :func:`workspace_cited_sources`, every entry found in the bibliography.
        style: a citation style (see :data:`argmap.citations.formatting.STYLES`).
        output: ``text``, ``markdown`` or ``html`` (a whole page).
        labels: node titles by map and node id, to name the citing nodes by.

    Raises:
        BibliographyError: a cited key is not in the bibliography.
    """
    from argmap.citations.formatting import format_references
    from argmap.citations.items import csl_items, entries_of

    entries = entries_of(sources)
    by_key = {s.key: s for s in sources}
    formatted = format_references(csl_items(entries), style=style, output=output)
    blocks = []
    for key, reference in formatted.items():
        where = dump_cited_in(by_key[key], labels=labels)
        if output == "html":
            blocks.append(f'{reference}\n<p class="argmap-cited-in">{html.escape(where)}</p>')
        elif output == "markdown":
            blocks.append(f"{reference}\n\n> {_markdown_escape(where)}")
        else:
            blocks.append(f"{reference}\n  {where}")
    text = "\n\n".join(blocks) + "\n"
    if output == "html":
        from argmap.citations.formatting import html_document

        return html_document(text, title="Reading list")
    return text


def _markdown_escape(text: str) -> str:
    """Escape the characters Markdown would read as markup in ids and locators."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)
