"""Counts in messages, with the noun in the singular or plural as the count needs."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, made plural unless the count is one.

    >>> counted(1, "error"), counted(0, "warning"), counted(2, "entry", "entries")
    ('1 error', '0 warnings', '2 entries')
    """
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"
