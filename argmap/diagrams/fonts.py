"""Whether the installed fonts can draw a text: asks fontconfig's ``fc-list``.

Graphviz draws with the fonts fontconfig finds; a character no installed font covers
comes out as an empty box. :func:`missing_glyphs` finds such characters before a
diagram is drawn. It starts ``fc-list``, so it belongs with the other edges of diagrams.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from functools import cache

__all__ = ["has_fontconfig", "missing_glyphs"]

#: Characters below this are Latin, covered by every font Graphviz falls back on.
_LATIN_END = 0x0250
#: How many characters of one Unicode block are asked about together.
_SAMPLE = 8


def has_fontconfig() -> bool:
    """True when fontconfig's ``fc-list`` is installed."""
    return shutil.which("fc-list") is not None


def missing_glyphs(texts: Iterable[str]) -> list[str]:
    """The characters of the texts that no installed font can draw, in order of code point.

    Characters are asked about a block of 128 code points at a time (a few of each), so
    a long CJK text costs a few calls, not one per character. Without fontconfig the
    answer is empty (see :func:`has_fontconfig`).
    """
    if not has_fontconfig():
        return []
    blocks: dict[int, set[str]] = {}
    for text in texts:
        for char in text:
            point = ord(char)
            if point >= _LATIN_END and not char.isspace():
                blocks.setdefault(point >> 7, set()).add(char)
    missing: list[str] = []
    for chars in blocks.values():
        sample = tuple(sorted(chars)[:_SAMPLE])
        if _covered(sample):
            continue
        missing.extend(c for c in sample if not _covered((c,)))
    return sorted(missing)


@cache
def _covered(chars: tuple[str, ...]) -> bool:
    """True when some installed font has a glyph for every one of the characters."""
    charset = " ".join(f"{ord(c):x}" for c in chars)
    try:
        found = subprocess.run(
            ["fc-list", f":charset={charset}", "family"],
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return True
    return bool(found.stdout.strip())
