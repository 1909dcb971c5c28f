"""A table of facts about objects, kept beside them and forgotten with them."""

from __future__ import annotations

import weakref
from typing import Generic, TypeVar

T = TypeVar("T")


class SideTable(Generic[T]):
    """Values attached to objects by identity, dropped when their object is collected.

    For facts that must not take part in an object's equality (pydantic models compare
    their private attributes) and for objects that are not hashable.

    >>> class Thing:
    ...     pass
    >>> table: SideTable[str] = SideTable()
    >>> thing = Thing()
    >>> table.set(thing, "read from a.yaml")
    >>> table.get(thing)
    'read from a.yaml'
    >>> del thing
    >>> len(table)
    0
    """

    __slots__ = ("_entries",)

    def __init__(self) -> None:
        self._entries: dict[int, tuple[weakref.ref[object], T]] = {}

    def set(self, obj: object, value: T) -> None:
        """Attach ``value`` to ``obj`` for as long as ``obj`` lives."""
        key = id(obj)
        entries = self._entries

        def forget(ref: weakref.ref[object]) -> None:
            entry = entries.get(key)
            if entry is not None and entry[0] is ref:
                del entries[key]

        entries[key] = (weakref.ref(obj, forget), value)

    def get(self, obj: object) -> T | None:
        """The value attached to ``obj``, or None."""
        entry = self._entries.get(id(obj))
        if entry is None or entry[0]() is not obj:
            return None
        return entry[1]

    def __len__(self) -> int:
        return len(self._entries)
