"""Names in messages: did-you-mean hints and lists of known names, their cost bounded.

A file can name thousands of unknown ids among thousands of known ones. A hint for each
would compare every pair (a 300 KB map took minutes), and a list of every known name in
each message makes the report grow with the square of the file. So hints share a budget
of comparisons, names too long to be typed are not compared, and lists are cut short.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection

__all__ = ["COMPARISONS", "Hints", "listing"]

#: How many known names the hints of one check may compare in all: under half a second
#: at worst (ids alike enough that difflib compares each pair in full, 20 us a pair).
COMPARISONS = 20_000
#: Names longer than this are not compared: no one mistypes them by hand, and comparing
#: two of them costs the product of their lengths.
_LONGEST = 200


class Hints:
    """Did-you-mean hints, given in file order while the budget of comparisons lasts.

    >>> hints = Hints()
    >>> hints.did_you_mean("sanctons", ["sanctions", "unity"])
    "; did you mean 'sanctions'?"
    >>> Hints(budget=1).did_you_mean("sanctons", ["sanctions", "unity"])
    ''
    """

    __slots__ = ("left",)

    def __init__(self, *, budget: int = COMPARISONS) -> None:
        self.left = budget

    def closest(self, name: str, *known: Collection[str], cutoff: float = 0.6) -> str | None:
        """The name among ``known`` (one collection or several) closest to ``name``, or
        None: none is close, or the budget is spent."""
        size = sum(len(names) for names in known)
        if size > self.left:
            self.left = 0  # later hints would come out of order
            return None
        if len(name) > _LONGEST:
            return None
        self.left -= size
        candidates = [c for names in known for c in names if len(c) <= _LONGEST]
        close = difflib.get_close_matches(name, candidates, n=1, cutoff=cutoff)
        return close[0] if close else None

    def did_you_mean(self, name: str, *known: Collection[str], cutoff: float = 0.6) -> str:
        """``"; did you mean 'x'?"`` for the closest known name, or ``""``."""
        close = self.closest(name, *known, cutoff=cutoff)
        return f"; did you mean {close!r}?" if close is not None else ""


def listing(names: Collection[str], *, limit: int = 10) -> str:
    """Names for a message, sorted, the first ``limit`` of them and how many more.

    >>> listing(["b", "a"]), listing([f"n{i}" for i in range(12)], limit=3)
    ('a, b', 'n0, n1, n10 and 9 more')
    """
    ordered = sorted(names)
    shown = ", ".join(ordered[:limit])
    rest = len(ordered) - limit
    return f"{shown} and {rest:,} more" if rest > 0 else shown
