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

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from argmap.citations.csl_engine import Processor, Style, to_html, to_markdown, to_text
from argmap.citations.csl_engine._output import Token

if TYPE_CHECKING:
    from argmap.citations.bibliography import Bibliography
    from argmap.citations.selection import CitedSource, Citing
    from argmap.model import ArgumentMap

_STYLE_DIR: Final = Path(__file__).resolve().parent / "styles"

#: The bundled styles: name -> the CSL file it is rendered from.
CITATION_STYLES: Final[Mapping[str, Path]] = MappingProxyType(
    {
        "apa": _STYLE_DIR / "apa.csl",
        "chicago": _STYLE_DIR / "chicago-author-date.csl",
        "harvard": _STYLE_DIR / "harvard-cite-them-right.csl",
        "mla": _STYLE_DIR / "modern-language-association.csl",
        "ieee": _STYLE_DIR / "ieee.csl",
    }
)

#: The output formats of reading lists and citations.
OUTPUTS: Final = ("text", "markdown", "html")

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
    compiled = load_style(style)
    _check_output(output)
    processor = Processor(compiled, _checked(items))
    entries = processor.entries()
    if output == "html":
        rows = [
            f'  <div id="ref-{html.escape(e.id, quote=True)}" class="csl-entry">'
            f"{to_html(e.tokens)}</div>"
            for e in entries
        ]
        return '<div class="csl-bib-body">\n' + "".join(r + "\n" for r in rows) + "</div>\n"
    render = to_markdown if output == "markdown" else to_text
    return "\n\n".join(render(e.tokens) for e in entries) + "\n" if entries else ""


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
    compiled = load_style(style)
    _check_output(output)
    render = {"html": to_html, "markdown": to_markdown}.get(output, to_text)
    return {e.id: render(e.tokens) for e in Processor(compiled, _checked(items)).entries()}


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
    compiled = load_style(style)
    _check_output(output)
    if label not in LABELS:
        raise ValueError(f"unknown locator label {label!r}; choose one of: {', '.join(LABELS)}")
    if locator:
        written, locator = split_locator(locator)
        label = written or label
    cited = [item_or_items] if isinstance(item_or_items, Mapping) else list(item_or_items)
    context = _checked(among if among is not None else cited)
    processor = Processor(compiled, context)
    positions = {key: index for index, key in enumerate(processor.ids)}
    indices = []
    for n, item in enumerate(_checked(cited)):
        key = str(item.get("id", n))
        if key not in positions:
            raise ValueError(f"the cited item {key!r} is not among the reading list's items")
        indices.append(positions[key])
    tokens = processor.citation(indices, locator=locator or None, label=label)
    return _render(tokens, output)


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

    compiled = load_style(style)
    _check_output(output)
    everything = cited_sources(amap, bibliography)
    processor = Processor(compiled, csl_items(everything))
    positions = {key: index for index, key in enumerate(processor.ids)}
    chosen = cited_sources(amap, bibliography, node=node, with_support=with_support)
    indices = [positions[source.key] for source in chosen]
    if not indices:
        return ""
    locators = _locators(chosen, positions)
    return _render(processor.citation(indices, locators=locators), output)


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

    compiled = load_style(style)
    _check_output(output)
    everything = cited_sources(amap, bibliography)
    processor = Processor(compiled, csl_items(everything))
    positions = {key: index for index, key in enumerate(processor.ids)}
    by_node: dict[str, dict[str, list[Citing]]] = {}
    for source in everything:
        for citing in source.citing:
            if citing.node is not None:
                by_node.setdefault(citing.node, {}).setdefault(source.key, []).append(citing)
    result = {}
    for node, keys in by_node.items():
        chosen = [
            CitedSource(key=key, entry=bibliography.get(key), citing=tuple(citings))
            for key, citings in keys.items()
        ]
        indices = [positions[source.key] for source in chosen]
        tokens = processor.citation(indices, locators=_locators(chosen, positions))
        result[node] = _render(tokens, output)
    return result


def _locators(
    chosen: Sequence[CitedSource], positions: Mapping[str, int]
) -> dict[int, tuple[str | None, str]]:
    """The locator of each cited source, by its position, as the processor takes them."""
    locators: dict[int, tuple[str | None, str]] = {}
    for source in chosen:
        split = [split_locator(loc) for loc in source.locators]
        labels = {label for label, _ in split}
        if split and len(labels) == 1:
            locators[positions[source.key]] = (
                ", ".join(value for _, value in split),
                next(iter(labels)) or "page",
            )
        elif split:  # mixed labels: keep each as written, under no label
            locators[positions[source.key]] = ("; ".join(source.locators), "page")
    return locators


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
    """The compiled style for a bundled style name or a ``.csl`` path.

    Raises:
        ValueError: the name is not bundled and is no readable CSL file.
    """
    path = CITATION_STYLES.get(style)
    if path is None:
        candidate = Path(style)
        if candidate.suffix != ".csl" or not candidate.is_file():
            raise ValueError(
                f"unknown style {style!r}; choose one of: {', '.join(CITATION_STYLES)}"
                " (or give the path of a .csl file)"
            )
        path = candidate
    return _compile(str(path.resolve()), path.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _compile(path: str, mtime: int) -> Style:
    # Compiling a style is a one-off cost per process; the mtime keys out edited files.
    del mtime
    try:
        return Style.from_path(Path(path))
    except (OSError, SyntaxError) as exc:
        raise ValueError(f"{path}: not a readable CSL style: {exc}") from exc
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from exc


def _check_output(output: str) -> None:
    if output not in OUTPUTS:
        raise ValueError(f"unknown output {output!r}; choose one of: {', '.join(OUTPUTS)}")


def _checked(items: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    out = list(items)
    for index, item in enumerate(out):
        if not isinstance(item, Mapping):
            raise ValueError(f"item {index} is a {type(item).__name__}, not a CSL-JSON mapping")
    return out


def _render(tokens: list[Token], output: str) -> str:
    if output == "html":
        return to_html(tokens)
    if output == "markdown":
        return to_markdown(tokens)
    return to_text(tokens)
