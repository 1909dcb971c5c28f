"""The characters a map's text may hold: XML 1.0's, so that every format carries them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = [
    "MAX_NESTING",
    "TOO_DEEP",
    "UNWRITABLE",
    "UNWRITABLE_HINT",
    "clean",
    "find_unwritable",
    "unwritable",
]

#: The characters no text of a map may hold: the control characters but tab, line feed and
#: carriage return; U+FFFE and U+FFFF; and UTF-16 surrogates (a JSON ``\ud800`` alone),
#: which are halves of characters. None is a character of XML 1.0, so no GraphML, GEXF or
#: SVG file could carry it; every other character is written and read back exactly by
#: each format argmap writes.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def unwritable(text: str) -> str | None:
    """What is wrong with a text holding a character of :data:`UNWRITABLE`, or None.

    >>> unwritable("a\\x1b]0;title\\x07"), unwritable("plain text") is None
    ('U+001B, a control character, at character 2', True)
    """
    found = UNWRITABLE.search(text)
    if found is None:
        return None
    code = ord(found.group())
    what = (
        "a UTF-16 surrogate (half of a character)"
        if 0xD800 <= code <= 0xDFFF
        else "a noncharacter"
        if code >= 0xFFFE
        else "a control character"
    )
    return f"U+{code:04X}, {what}, at character {found.start() + 1}"


#: How deeply lists and mappings may nest in a map (a map needs fewer than ten levels):
#: deeper data could not be written back (writers recurse) and is refused where it is read.
MAX_NESTING = 100

#: What is wrong with data nested deeper than :data:`MAX_NESTING`, for messages.
TOO_DEEP = f"lists and mappings nested more than {MAX_NESTING} levels deep"

#: Why such a character is refused, for messages.
UNWRITABLE_HINT = "remove it: no XML file (GraphML, GEXF, SVG) can carry it"


def find_unwritable(data: Any) -> Iterator[tuple[tuple[str | int, ...], str, bool]]:
    """Each string of plain data (a mapping's keys too) holding a character of
    :data:`UNWRITABLE`: its path, what is wrong with it, and whether it is a key; and the
    first list or mapping nested deeper than :data:`MAX_NESTING` (:data:`TOO_DEEP`).

    >>> [(path, key) for path, _, key in find_unwritable({"a": ["ok", "b\\x00"], "\\x01": 1})]
    [(('\\x01',), True), (('a', 1), False)]
    """
    if clean(data):
        return  # nearly all data: found in one pass that builds no paths
    pending: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while pending:
        path, value = pending.pop()
        if len(path) >= MAX_NESTING and isinstance(value, dict | list):
            yield path, TOO_DEEP, False
            continue
        if isinstance(value, dict):
            for key, child in value.items():
                if isinstance(key, str) and UNWRITABLE.search(key):
                    yield (*path, key), unwritable(key) or "", True
                pending.append(((*path, key), child))
        elif isinstance(value, list):
            pending.extend(((*path, i), child) for i, child in enumerate(value))
        elif isinstance(value, str) and UNWRITABLE.search(value):
            yield path, unwritable(value) or "", False


#: isinstance takes a tuple faster than a union.
_CONTAINERS = (dict, list)


def clean(data: Any) -> bool:
    """True when :func:`find_unwritable` finds nothing in ``data``: every string gathered
    level by level and searched at once, nesting counted by the levels."""
    if isinstance(data, str):
        return UNWRITABLE.search(data) is None
    strings: list[str] = []
    level = [data] if isinstance(data, _CONTAINERS) else []
    for _ in range(MAX_NESTING):
        if not level:
            break
        deeper: list[Any] = []
        for value in level:
            children: Iterable[Any] = value
            if isinstance(value, dict):
                try:
                    strings.append("\n".join(value))  # its keys, all strings as a rule
                except TypeError:
                    strings.extend(key for key in value if isinstance(key, str))
                children = value.values()
            for child in children:
                if isinstance(child, str):
                    strings.append(child)
                elif isinstance(child, _CONTAINERS):
                    deeper.append(child)
        level = deeper
    # A line feed joins them: it is no character of UNWRITABLE, so it makes no false match.
    return not level and UNWRITABLE.search("\n".join(strings)) is None
