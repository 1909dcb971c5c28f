"""Ids that writers make up for relations that have none, clear of every id in use."""

from __future__ import annotations


def fresh_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``, ... : the first not in ``taken``, which it joins.

    >>> taken = {"r1", "r1-2"}
    >>> fresh_id("r1", taken), fresh_id("r2", taken), sorted(taken)
    ('r1-3', 'r2', ['r1', 'r1-2', 'r1-3', 'r2'])
    """
    candidate, count = base, 1
    while candidate in taken:
        count += 1
        candidate = f"{base}-{count}"
    taken.add(candidate)
    return candidate
