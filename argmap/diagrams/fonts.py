"""Whether the installed fonts can draw a text: asks fontconfig's ``fc-list``.

Graphviz draws with the fonts fontconfig finds; a character no installed font covers
comes out as an empty box. :func:`missing_glyphs` finds such characters before a
diagram is drawn. It starts ``fc-list``, so it belongs with the other edges of diagrams.
"""

from __future__ import annotations

import bisect
import shutil
import subprocess
from collections.abc import Iterable

__all__ = ["has_fontconfig", "missing_glyphs", "parse_charsets"]

#: Characters below this are Latin, covered by every font Graphviz falls back on.
_LATIN_END = 0x0250


def has_fontconfig() -> bool:
    """True when fontconfig's ``fc-list`` is installed."""
    return shutil.which("fc-list") is not None


def parse_charsets(text: str) -> list[tuple[int, int]]:
    """The code point ranges that ``fc-list --format '%{charset}\\n'`` lists, merged.

    Each line is one font's character set, as hexadecimal code points and ranges; the
    result is their union as sorted, disjoint ``(first, last)`` ranges.

    >>> parse_charsets("20-7e a0-17f\\n41-5a 4e00-9fff\\n\\n180")
    [(32, 126), (160, 384), (19968, 40959)]
    """
    ranges: list[tuple[int, int]] = []
    for word in text.split():
        low, _, high = word.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            continue
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for first, last in ranges:
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def missing_glyphs(texts: Iterable[str]) -> list[str]:
    """The characters of the texts that no installed font can draw, in order of code point.

    One ``fc-list`` call lists the character set of every installed font; a character
    is missing when none of them has it (Graphviz falls back from font to font for each
    character). Without fontconfig the answer is empty (see :func:`has_fontconfig`).
    """
    if not has_fontconfig():
        return []
    wanted = {
        char for text in texts for char in text if ord(char) >= _LATIN_END and not char.isspace()
    }
    if not wanted:
        return []
    covered = _installed_charsets()
    if covered is None:
        return []
    starts = [first for first, _ in covered]
    missing = []
    for char in wanted:
        point = ord(char)
        at = bisect.bisect_right(starts, point) - 1
        if at < 0 or covered[at][1] < point:
            missing.append(char)
    return sorted(missing)


def _installed_charsets() -> list[tuple[int, int]] | None:
    """The union of the character sets of the installed fonts; None when it cannot be had."""
    try:
        found = subprocess.run(
            ["fc-list", "--format", "%{charset}\\n"],
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if found.returncode != 0:
        return None
    return parse_charsets(found.stdout.decode("ascii", errors="replace"))
