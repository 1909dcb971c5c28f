"""Checking a map's citations against its bibliography."""

from __future__ import annotations

from argmap._names import Hints
from argmap.citations.bibliography import Bibliography
from argmap.citations.selection import iter_citing
from argmap.errors import Issue, sort_issues
from argmap.model import ArgumentMap

__all__ = ["check_citations"]


def check_citations(amap: ArgumentMap, bibliography: Bibliography) -> list[Issue]:
    """Report every cited key that the bibliography lacks, at the citation's place in the map.

    Args:
        amap: the map whose citations (its source, nodes and relations) are checked.
        bibliography: the entries the keys must resolve to.

    Returns:
        One error per citation of a missing key, located at the key in the map file when
        the map was read from one, with the closest existing key as a suggestion.

    >>> from argmap.citations.bibliography import parse_bibliography
    >>> from argmap.model import Citation, Claim
    >>> bib = parse_bibliography("@misc{shagina2018, title={T}}")
    >>> amap = ArgumentMap(id="m", title="M",
    ...     nodes=[Claim(id="a", text="A", cites=[Citation(key="shagina2081")])])
    >>> print(check_citations(amap, bib)[0].message)
    node 'a' cites 'shagina2081', which is not in the bibliography; did you mean 'shagina2018'?
    """
    issues = []
    keys = list(bibliography)
    hints = Hints()
    for citing in iter_citing(amap):
        key = citing.citation.key
        if key in bibliography:
            continue
        if citing.node is not None:
            who = f"node {citing.node!r}"
        elif citing.relation is not None:
            who = f"relation {citing.relation!r}"
        else:
            who = "the map's source"
        message = f"{who} cites {key!r}, which is not in the bibliography"
        close = hints.closest(key, keys)
        if close is not None:
            message += f"; did you mean {close!r}?"
        elif bibliography.sources:
            message += f" ({', '.join(bibliography.sources)})"
        else:
            message += " (no .bib file was read: name them under 'bibliography:')"
        issues.append(
            Issue("error", message, code="missing-key", path=citing.path, location=citing.location)
        )
    return sort_issues(issues) if amap.provenance is not None else issues
