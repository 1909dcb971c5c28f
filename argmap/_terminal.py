"""Text for a terminal: control characters from maps and bibliographies shown, never obeyed.

A map or a ``.bib`` file from someone else can hold escape sequences that a terminal would
act on: set the clipboard (OSC 52) or the window title (OSC 0), clear the screen, hide the
text that follows. Everything printed for people passes through :func:`printable`.
"""

from __future__ import annotations

import re

__all__ = ["printable"]

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and
# isolates that can make text read in another order than it is written.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_LINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    r"""``text`` with every control character written as an escape (``\x1b``).

    Tabs are kept; newlines are kept only with ``keep_newlines`` (text that is meant to
    span lines), so that one issue stays one line.

    >>> printable("a\x1b]52;c;ZXZpbA==\x07b")
    'a\\x1b]52;c;ZXZpbA==\\x07b'
    >>> printable("one\ntwo"), printable("one\ntwo", keep_newlines=True)
    ('one\\x0atwo', 'one\ntwo')
    """
    return (_CONTROL if keep_newlines else _CONTROL_OR_LINE).sub(_escape, text)
