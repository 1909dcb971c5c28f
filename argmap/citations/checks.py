"""Checking a map's citations against its bibliography, and a bibliography's fields."""

from __future__ import annotations

from argmap._names import Hints
from argmap.citations.bibliography import BibEntry, Bibliography
from argmap.citations.selection import iter_citing
from argmap.errors import Issue, sort_issues
from argmap.model import ArgumentMap
from argmap.model._text import UNWRITABLE_HINT, unwritable

__all__ = ["check_bibliography", "check_citations"]


def check_citations(amap: ArgumentMap, bibliography: Bibliography) -> list[Issue]:
    """Report every cited key that the bibliography lacks, at the citation's place in the map,
    and every field of a cited entry that holds a character no diagram can carry.

    A control character (but tab and line breaks), U+FFFE or U+FFFF in a field would be
    written into the diagram's list of works, and Graphviz would fail on it (SVG is XML):
    the field is reported at its line in the ``.bib`` file, as a map's text is.

    Args:
        amap: the map whose citations (its source, nodes and relations) are checked.
        bibliography: the entries the keys must resolve to.

    Returns:
        One error per citation of a missing key, located at the key in the map file when
        the map was read from one, with the closest existing key as a suggestion; one per
        field of a cited entry holding such a character, located in the ``.bib`` file.

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
    checked: set[str] = set()
    for citing in iter_citing(amap):
        key = citing.citation.key
        if key in bibliography:
            if key not in checked:
                checked.add(key)
                issues.extend(_unwritable_fields(key, bibliography[key]))
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


def check_bibliography(bibliography: Bibliography) -> list[Issue]:
    """Report every field of every entry that holds a character no diagram can carry.

    The fields :func:`check_citations` reports for the entries a map cites, with the same
    message at the same place (the field's line), for a bibliography checked on its own.

    >>> from argmap.citations.bibliography import parse_bibliography
    >>> bib = parse_bibliography("@misc{k,\\n  title={A\\x07B}}", filename="r.bib")
    >>> print(check_bibliography(bib)[0])
    r.bib:2: error: entry 'k': field 'title' holds U+0007, a control character, at character 2; ...
    """
    return [
        issue for key, entry in bibliography.items() for issue in _unwritable_fields(key, entry)
    ]


def _unwritable_fields(key: str, entry: BibEntry) -> list[Issue]:
    issues = []
    for name, value in entry.fields.items():
        problem = unwritable(value)
        if problem is not None:
            issues.append(
                Issue(
                    "error",
                    f"entry {key!r}: field {name!r} holds {problem}; {UNWRITABLE_HINT}",
                    code="unwritable",
                    location=entry.field_location(name),
                )
            )
    return issues
