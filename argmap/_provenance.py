"""Where a map came from (its file and the positions of its values), kept beside the map.

A map's value is its content: two maps with the same nodes are equal wherever they were
read from. So the file name and the locator live in a side table keyed by the map
object, not on the map (pydantic compares private attributes too); a copy of a map read
from a file is a map built in code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from argmap._sidetable import SideTable
from argmap.errors import Issue, Location, Path, format_path, sort_issues


class Locator(Protocol):
    """Finds where a value of a document was written, by its path in the map."""

    def locate(self, path: Path, *, key: bool = False) -> Location:
        """Where the value at ``path`` (its key with ``key=True``) or its nearest written
        ancestor is."""
        ...


@dataclass(frozen=True, slots=True)
class Provenance:
    """The file a map was read from (None for text without a file) and its locator."""

    origin: str | None
    locator: Locator | None


_PROVENANCE: SideTable[Provenance] = SideTable()


def remember(amap: object, provenance: Provenance) -> None:
    """Record where ``amap`` came from, for as long as ``amap`` lives."""
    _PROVENANCE.set(amap, provenance)


def provenance_of(amap: object) -> Provenance | None:
    """Where ``amap`` came from; None for a map built in code."""
    return _PROVENANCE.get(amap)


def locate_issues(issues: Iterable[Issue], locator: Locator) -> list[Issue]:
    """Path-only issues made located ones, in file order: the one step from path to line.

    An issue that already has a location keeps it. An unknown field is located at its key;
    other values at the value, or at their nearest written ancestor. Paths the message
    names as a second place (``Issue.related``) are replaced by their line.
    """
    located = []
    for issue in issues:
        if issue.location is None:
            location = locator.locate(issue.path, key=issue.code == "unknown-field")
            message = issue.message
            for path in issue.related:
                line = locator.locate(path).line
                if line is not None:
                    message = message.replace(format_path(path), f"line {line}")
            issue = replace(issue, message=message, location=location)
        located.append(issue)
    return sort_issues(located)
