"""Where a map came from: its file and a locator of the positions of its values.

A map read from a file carries its :class:`Provenance` (see
:attr:`argmap.ArgumentMap.provenance`); copies of the map keep it, and it takes no part in
the map's equality: a map read from a file equals the same map built in code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from argmap.errors import Issue, Location, Path, format_path, sort_issues

__all__ = ["Locator", "Provenance", "locate_issues"]


class Locator(Protocol):
    """Finds where a value of a document was written, by its path in the map."""

    def locate(self, path: Path, *, key: bool = False) -> Location:
        """Where the value at ``path`` (its key with ``key=True``) or its nearest written
        ancestor is."""
        ...


@dataclass(frozen=True, slots=True)
class Provenance:
    """The file a map was read from (None for text without a file) and its locator.

    ``origin`` is the path as the reader was given it; ``locator`` finds the line and
    column of any value of the map's text (None for maps whose format has no positions).
    A provenance is immutable, so copies of a map share it.

    >>> Provenance("maps/a.yaml", None).origin
    'maps/a.yaml'
    """

    origin: str | None
    locator: Locator | None = None

    def locate(self, path: Path, *, key: bool = False) -> Location | None:
        """Where the value at ``path`` is written; None when nothing locates it."""
        if self.locator is not None:
            return self.locator.locate(path, key=key)
        if self.origin is not None:
            return Location(self.origin)
        return None

    def __deepcopy__(self, memo: dict[int, Any]) -> Provenance:
        return self


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
