"""Formatted reading lists and in-text citations from CSL style files.

The five bundled styles (APA 7, Chicago author-date, Harvard Cite Them Right, MLA 9,
IEEE) are unchanged CSL files from the Zotero style repository; any other independent
``.csl`` file can be named by path. Items are CSL-JSON item dicts, as
:func:`argmap.citations.csl_items` produces them.

>>> item = {"id": "s", "type": "report", "title": "Japan's dilemma",
...         "author": [{"family": "Shagina", "given": "Maria"}],
...         "issued": {"date-parts": [[2018]]}}
>>> format_citation(item, style="apa", locator="1")
'(Shagina, 2018, p. 1)'
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from argmap.citations.csl_engine import Style
from argmap.citations.csl_engine._output import HTML_CSS as HTML_CSS
from argmap.citations.processor import CITATION_STYLES as CITATION_STYLES
from argmap.citations.processor import OUTPUTS as OUTPUTS
from argmap.citations.processor import CitationProcessor
from argmap.citations.processor import load_style as _load_style

if TYPE_CHECKING:
    from argmap.citations.bibliography import Bibliography
    from argmap.citations.selection import CitedSource, Citing
    from argmap.model import ArgumentMap

#: Locator labels a citation may carry (the CSL locator terms).
LABELS: Final = (
    "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation",
    "equation", "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph",
    "part", "rule", "scene", "section", "sub verbo", "supplement", "table", "timestamp",
    "title-locator", "verse", "version", "volume",
)  # fmt: skip


def format_bibliography(
    items: Sequence[Mapping[str, Any]], *, style: str, output: str = "text"
) -> str:
    """A formatted reading list of CSL-JSON items, sorted as the style says.

    Args:
        items: CSL-JSON items; their order is the citation order numeric styles number by.
        style: one of :data:`CITATION_STYLES`, or the path of an independent ``.csl`` file.
        output: one of :data:`OUTPUTS`: plain text, Markdown (escaped) or HTML (escaped).

    Returns:
        The entries, one paragraph each; in HTML a ``csl-bib-body`` div of entries.

    Raises:
        ValueError: an unknown style or output, a style without a bibliography, or an
            item that is not a mapping.
    """
    _check_output(output)
    entries = CitationProcessor(style, _checked(items)).bibliography_entries(fmt=output)
    if output == "html":
        rows = [
            f'  <div id="ref-{html.escape(key, quote=True)}" class="csl-entry">{entry}</div>'
            for key, entry in entries.items()
        ]
        return '<div class="csl-bib-body">\n' + "".join(r + "\n" for r in rows) + "</div>\n"
    return "\n\n".join(entries.values()) + "\n" if entries else ""


def html_document(body: str, *, title: str, lang: str = "en") -> str:
    """A whole HTML page around formatted references, safe to open from a file.

    The page has a doctype, its character set, a title and heading, and a strict
    Content-Security-Policy: no script, no request, and only its own style sheet (the
    classes of :data:`HTML_CSS`, allowed by hash), so that nothing in a reference can run
    or load anything.

    Args:
        body: HTML, such as :func:`format_bibliography`'s with ``output="html"``.
        title: the page's title and heading (escaped here).
        lang: the page's language.

    >>> page = html_document('<div class="csl-bib-body"></div>', title="A & B")
    >>> page.startswith("<!DOCTYPE html>"), "<h1>A &amp; B</h1>" in page
    (True, True)
    >>> "default-src 'none'" in page and "style=" not in page.split("</style>")[1]
    True
    """
    digest = base64.b64encode(hashlib.sha256(HTML_CSS.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    heading = html.escape(title, quote=False)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="argmap">\n<title>{heading}</title>\n'
        f"<style>{HTML_CSS}</style>\n</head>\n<body>\n<main>\n<h1>{heading}</h1>\n"
        f"{body.rstrip()}\n</main>\n</body>\n</html>\n"
    )


def format_references(
    items: Sequence[Mapping[str, Any]], *, style: str, output: str = "text"
) -> dict[str, str]:
    """Each item's bibliography entry by its id, in the style's order.

    The entries are those of :func:`format_bibliography` of all the items together (year
    suffixes and numbers included), for places that show them one by one, such as the
    key block of a diagram.

    >>> items = [{"id": "s", "type": "report", "title": "A delicate balancing act",
    ...           "author": [{"family": "Shagina", "given": "Maria"}],
    ...           "issued": {"date-parts": [[2018]]}}]
    >>> format_references(items, style="apa")
    {'s': 'Shagina, M. (2018). A delicate balancing act.'}
    """
    _check_output(output)
    return CitationProcessor(style, _checked(items)).bibliography_entries(fmt=output)


def format_cited(
    bibliography: Bibliography, keys: Iterable[str], *, style: str, output: str = "text"
) -> dict[str, str]:
    """The entries of the works with these keys, formatted as one list, by key.

    Keys the bibliography lacks are left out (:func:`argmap.check_citations` reports them).
    """
    from argmap.citations.items import csl_items

    entries = [bibliography[key] for key in dict.fromkeys(keys) if key in bibliography]
    if not entries:
        return {}
    return format_references(csl_items(entries), style=style, output=output)


def format_citation(
    item_or_items: Mapping[str, Any] | Sequence[Mapping[str, Any]],
    *,
    style: str,
    locator: str | None = None,
    label: str = "page",
    output: str = "text",
    among: Sequence[Mapping[str, Any]] | None = None,
) -> str:
    """An in-text citation of one or several items, e.g. "(Shagina, 2018, p. 1)" in APA.

    Args:
        item_or_items: one CSL-JSON item, or several cited together.
        style: one of :data:`CITATION_STYLES`, or the path of an independent ``.csl`` file.
        locator: where in the work, such as "1" or "12-15"; applies to every item cited.
            A locator written with its label, as in maps ("p. 1", "chap. 3", "§ 2"),
            brings its own label.
        label: what the locator counts, one of :data:`LABELS` ("page", "chapter", ...).
        output: one of :data:`OUTPUTS`.
        among: every item of the reading list the citation belongs to, so that works
            the style cannot tell apart get their year suffixes ("2018a") and numbers
            match the list; by default only the cited items.

    Raises:
        ValueError: an unknown style, output or label, an item that is not a mapping, or
            a cited item missing from ``among``.
    """
    _check_output(output)
    if label not in LABELS:
        raise ValueError(f"unknown locator label {label!r}; choose one of: {', '.join(LABELS)}")
    if locator:
        written, locator = split_locator(locator)
        label = written or label
    cited = [item_or_items] if isinstance(item_or_items, Mapping) else list(item_or_items)
    context = _checked(among if among is not None else cited)
    processor = CitationProcessor(style, context)
    cluster = []
    for n, item in enumerate(_checked(cited)):
        key = str(item.get("id", n))
        cluster.append({"id": key, "locator": locator or None, "label": label})
    try:
        return processor.cite([cluster], fmt=output)[0]
    except ValueError as exc:
        raise ValueError(str(exc).replace("processor's items", "reading list's items")) from None


def format_node_citation(
    amap: ArgumentMap,
    node: str,
    bibliography: Bibliography,
    *,
    style: str,
    output: str = "text",
    with_support: bool = False,
) -> str:
    """The in-text citation of what a node of a map cites, with its locators.

    Year suffixes and numbers are those of the map's whole reading list, so the
    citation matches ``format_bibliography`` of everything the map cites. A source a
    node cites at several places gets them all ("pp. 1, 3").

    Args:
        amap: the map.
        node: the id of the node.
        bibliography: where the map's keys resolve (:func:`argmap.read_map_bibliography`).
        style: one of :data:`CITATION_STYLES`, or the path of an independent ``.csl`` file.
        output: one of :data:`OUTPUTS`.
        with_support: also cite the sources of every node that supports this one.

    Returns:
        The citation, or "" when the node cites nothing.

    Raises:
        ValueError: an unknown style or output.
        BibliographyError: a cited key is missing from the bibliography.
    """
    from argmap.citations.items import csl_items
    from argmap.citations.selection import cited_sources

    _check_output(output)
    everything = cited_sources(amap, bibliography)
    processor = CitationProcessor(style, csl_items(everything))
    chosen = cited_sources(amap, bibliography, node=node, with_support=with_support)
    if not chosen:
        return ""
    return processor.cite([_cluster(chosen)], fmt=output)[0]


def format_node_citations(
    amap: ArgumentMap, bibliography: Bibliography, *, style: str, output: str = "text"
) -> dict[str, str]:
    """The in-text citation of every node that cites something, by node id.

    Each is :func:`format_node_citation` of the node; the style is compiled and the
    map's reading list processed once for all of them, which a page showing every
    node's citation (the HTML page of a map) needs for large maps.

    Raises:
        ValueError: an unknown style or output.
        BibliographyError: a cited key is missing from the bibliography.
    """
    from argmap.citations.items import csl_items
    from argmap.citations.selection import CitedSource, cited_sources

    _check_output(output)
    everything = cited_sources(amap, bibliography)
    processor = CitationProcessor(style, csl_items(everything))
    by_node: dict[str, dict[str, list[Citing]]] = {}
    for source in everything:
        for citing in source.citing:
            if citing.node is not None:
                by_node.setdefault(citing.node, {}).setdefault(source.key, []).append(citing)
    nodes = list(by_node)
    clusters = [
        _cluster(
            [
                CitedSource(key=key, entry=bibliography.get(key), citing=tuple(citings))
                for key, citings in by_node[node].items()
            ]
        )
        for node in nodes
    ]
    # Each node's citation stands alone: every cite is a first cite.
    return {
        node: processor.cite([cluster], fmt=output)[0]
        for node, cluster in zip(nodes, clusters, strict=True)
    }


def _cluster(chosen: Sequence[CitedSource]) -> list[dict[str, Any]]:
    """The cite items of cited sources, each with its locators, as the processor takes them."""
    cluster: list[dict[str, Any]] = []
    for source in chosen:
        cite: dict[str, Any] = {"id": source.key}
        split = [split_locator(loc) for loc in source.locators]
        labels = {label for label, _ in split}
        if split and len(labels) == 1:
            cite["locator"] = ", ".join(value for _, value in split)
            cite["label"] = next(iter(labels)) or "page"
        elif split:  # mixed labels: keep each as written, under no label
            cite["locator"] = "; ".join(source.locators)
        cluster.append(cite)
    return cluster


_LABEL_WORDS: Final = {
    "p": "page", "pp": "page", "page": "page", "pages": "page",
    "ch": "chapter", "chap": "chapter", "chaps": "chapter", "chapter": "chapter",
    "sec": "section", "secs": "section", "section": "section", "§": "section", "§§": "section",
    "para": "paragraph", "paras": "paragraph", "paragraph": "paragraph", "¶": "paragraph",
    "fig": "figure", "figs": "figure", "figure": "figure",
    "vol": "volume", "vols": "volume", "volume": "volume",
    "n": "note", "nn": "note", "note": "note",
    "l": "line", "ll": "line", "line": "line",
    "col": "column", "cols": "column", "tab": "table", "table": "table",
    "pt": "part", "pts": "part", "part": "part", "bk": "book", "book": "book",
    "v": "verse", "vv": "verse", "verse": "verse", "no": "issue", "nos": "issue",
    "s.v": "sub verbo", "s.vv": "sub verbo",
}  # fmt: skip
_LABELLED: Final = re.compile(r"^\s*([^\W\d]+(?:\.[^\W\d]+)*|§§?|¶)\.?\s*(?=\S)(.*)$")


def split_locator(locator: str) -> tuple[str | None, str]:
    """The label a locator is written with, and the rest: "p. 1" gives ("page", "1").

    >>> split_locator("p. 1"), split_locator("pp. 12-15"), split_locator("§ 2")
    (('page', '1'), ('page', '12-15'), ('section', '2'))
    >>> split_locator("12"), split_locator("Preface")
    ((None, '12'), (None, 'Preface'))
    """
    m = _LABELLED.match(locator)
    if m:
        label = _LABEL_WORDS.get(m.group(1).casefold())
        if label is not None:
            return label, m.group(2).strip()
    return None, locator.strip()


def load_style(style: str) -> Style:
    """The compiled style for a bundled style name, a style collection name or a path.

    Raises:
        ValueError: the name is not bundled and is no readable CSL file.
    """
    return _load_style(style)


def _check_output(output: str) -> None:
    if output not in OUTPUTS:
        raise ValueError(f"unknown output {output!r}; choose one of: {', '.join(OUTPUTS)}")


def _checked(items: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    out = list(items)
    for index, item in enumerate(out):
        if not isinstance(item, Mapping):
            raise ValueError(f"item {index} is a {type(item).__name__}, not a CSL-JSON mapping")
    return out
