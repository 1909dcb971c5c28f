"""BibTeX value expressions: braces, quotes, numbers, ``@string`` macros and ``#``.

A field's value is written as pieces joined by ``#``: ``{braced}`` or ``"quoted"`` text, a
number, or the name of a macro, defined by ``@string{name = value}`` earlier in the file
(or an earlier file) or one of BibTeX's predefined month macros (``nov`` is
``November``). Macro names are case-insensitive and a later definition wins, as in BibTeX
and biber. :func:`resolve_value` joins the pieces into the value's LaTeX text, which the
bibliography then decodes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["MAX_VALUE_LENGTH", "MONTH_MACROS", "ExpansionError", "Resolved", "resolve_value"]

#: The longest value, in characters, that joining pieces may make. Macros that use each
#: other twice (``@string{b = a # a}``, ``@string{c = b # b}``, ...) double at each step:
#: a file of a kilobyte would otherwise expand to gigabytes.
MAX_VALUE_LENGTH = 1_000_000


class ExpansionError(ValueError):
    """A value whose pieces joined would be longer than :data:`MAX_VALUE_LENGTH`."""

    def __init__(self, length: int) -> None:
        super().__init__(f"{length:,} characters")
        self.length = length


#: BibTeX's predefined macros: the months, by their three-letter names.
MONTH_MACROS: dict[str, str] = {
    name[:3].lower(): name
    for name in (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A value's text with its pieces joined, and the macros it used."""

    text: str
    macros: tuple[str, ...] = ()
    """Names (lower case) of the ``@string`` macros used, in order."""
    undefined: tuple[str, ...] = ()
    """Names used but defined nowhere; each stands for itself in ``text``."""


def resolve_value(written: str, strings: Mapping[str, str]) -> Resolved:
    """Join the pieces of a value as written, expanding macros.

    Args:
        written: the value as bibtexparser splits it, enclosing braces or quotes included.
        strings: the ``@string`` macros defined so far, by lower-case name, each already
            resolved to its text.

    >>> resolve_value('jss # { 2} # "3"', {"jss": "J. Strat. Stud."})
    Resolved(text='J. Strat. Stud. 23', macros=('jss',), undefined=())
    >>> resolve_value("nov", {}).text, resolve_value("{C\\\\# and {F\\\\#}}", {}).text
    ('November', 'C\\\\# and {F\\\\#}')

    Raises:
        ExpansionError: the joined value would be longer than :data:`MAX_VALUE_LENGTH`
            (checked before it is built).
    """
    if "#" not in written:
        return _piece(written.strip(), strings)
    pieces = _split(written)
    if len(pieces) == 1:
        return _piece(pieces[0], strings)
    parts = [_piece(piece, strings) for piece in pieces]
    length = sum(len(part.text) for part in parts)
    if length > MAX_VALUE_LENGTH:
        raise ExpansionError(length)
    return Resolved(
        "".join(part.text for part in parts),
        tuple(name for part in parts for name in part.macros),
        tuple(name for part in parts for name in part.undefined),
    )


def _piece(piece: str, strings: Mapping[str, str]) -> Resolved:
    if piece[:1] in ("{", '"') and len(piece) > 1:
        return Resolved(piece[1:-1])
    if not piece or piece.isdigit():
        return Resolved(piece)
    name = piece.lower()
    value = strings.get(name)
    if value is not None:
        return Resolved(value, (name,))
    month = MONTH_MACROS.get(name)
    if month is not None:
        return Resolved(month)
    return Resolved(piece, undefined=(piece,))


def _split(written: str) -> list[str]:
    """The pieces of a value at each ``#`` outside braces and quotes."""
    pieces: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for index, char in enumerate(written):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            pieces.append(written[start:index].strip())
            start = index + 1
    pieces.append(written[start:].strip())
    return pieces
