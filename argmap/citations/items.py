"""The CSL-JSON items of cited sources: what every citation output starts from."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from argmap.citations.bibliography import BibEntry, Bibliography
from argmap.citations.csl import to_csl
from argmap.citations.selection import CitedSource
from argmap.errors import BibliographyError, Issue

__all__ = ["Sources", "csl_items", "entries_of"]

#: What citation outputs take: a bibliography, its entries, or the sources a map cites.
Sources = Bibliography | Iterable[CitedSource | BibEntry]


def csl_items(
    sources: Sources, *, markup: bool = False, sentence_case: bool | Literal["title"] = True
) -> list[dict[str, Any]]:
    """The CSL-JSON items of sources, in order (see :func:`~argmap.citations.csl.to_csl`).

    Args:
        sources: cited sources (from :func:`~argmap.citations.selection.cited_sources`),
            bibliography entries, or a whole bibliography.
        markup: keep case-protected words of titles as ``<span class="nocase">``.
        sentence_case: titles of English works in sentence case, as CSL expects;
            ``"title"``: only each work's own title (see :func:`~argmap.citations.csl.to_csl`).

    Raises:
        BibliographyError: a cited source has no bibliography entry; the issue is located
            at the first citation of the key in its map.
    """
    return [
        to_csl(entry, markup=markup, sentence_case=sentence_case) for entry in entries_of(sources)
    ]


def entries_of(sources: Sources, *, works_only: bool = True) -> list[BibEntry]:
    """The bibliography entries of sources, in order.

    Of a whole bibliography, without its ``@xdata`` containers and ``@set`` entries unless
    ``works_only`` is False: they hold fields or members that other entries take in, not
    works, and are items of no export but BibTeX and BibLaTeX, which write them for the
    entries that use them.

    Raises:
        BibliographyError: a cited source has no entry (located at its first citation).
    """
    if isinstance(sources, Bibliography):
        return [e for e in sources.values() if not (works_only and _is_container(e))]
    entries: list[BibEntry] = []
    missing: list[Issue] = []
    for source in sources:
        if isinstance(source, BibEntry):
            entries.append(source)
        elif source.entry is not None:
            entries.append(source.entry)
        else:
            first = source.citing[0] if source.citing else None
            missing.append(
                Issue(
                    "error",
                    f"cited key {source.key!r} is not in the bibliography",
                    code="missing-key",
                    location=first.location if first else None,
                )
            )
    if missing:
        raise BibliographyError(missing)
    return entries


def _is_container(entry: BibEntry) -> bool:
    """An ``@xdata`` or ``@set`` entry of a BibTeX file: not a work of its own."""
    return entry.csl is None and entry.type in ("xdata", "set")
