"""Personal and corporate names as CSL renders them: order, particles, initials."""

# Typographic dashes and quotes are what this module produces and matches.
# ruff: noqa: RUF001, RUF002

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from argmap.citations.csl_engine._output import change_case, plain

# Scripts whose names are written given-name-first with spaces and can be initialised
# (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic); others (Chinese, Japanese, Korean,
# ...) are written family-then-given without a space, never initialised.
_ROMANESQUE: Final = re.compile(r"^[\s\x00-\u024f\u0370-\u058f\u0590-\u06ff\u1e00-\u1fff'’.\-]*$")


def is_romanesque(name: dict[str, Any]) -> bool:
    """Whether a name is in a script written with spaces, given name first.

    >>> is_romanesque({"family": "Бахтин", "given": "Михаил"})
    True
    >>> is_romanesque({"family": "和辻", "given": "哲郎"})
    False
    """
    return bool(_ROMANESQUE.match(str(name.get("family", "")) + str(name.get("given", ""))))


def is_spaced(text: str) -> bool:
    """Whether text opens in a script whose words a space separates.

    >>> is_spaced("et al."), is_spaced("等")
    (True, False)
    """
    return bool(_ROMANESQUE.match(text[:1]))


@dataclass(frozen=True)
class NameOptions:
    """How one <name> element renders each name."""

    form: str = "long"
    initialize: bool = True
    initialize_with: str | None = None
    sort_separator: str = ", "
    demote_particle: str = "display-and-sort"
    initialize_with_hyphen: bool = True
    #: text-case of <name-part name="family"> (with its particles) and of "given".
    family_case: str = ""
    given_case: str = ""


#: A name's text inside the inline markup (<b>, <i>, ...) that encloses it.
_MARKUP_AROUND: Final = re.compile(r"((?:<[^>]+>)*)(.*?)((?:</?[^>]+>)*)", re.S)


def _unwrap(text: str) -> tuple[str, str, str]:
    """The markup opening a name's text, the text, and the markup closing it."""
    m = _MARKUP_AROUND.fullmatch(text)
    return (m.group(1), m.group(2), m.group(3)) if m else ("", text, "")


def initialize(given: str, *, with_: str, hyphen: bool = True, full: bool = True) -> str:
    """Initials of given names: "James D. J." gives "J. D. J." with ". ".

    With ``full`` false (CSL ``initialize="false"``) only names already written as
    initials are normalised and full names are kept.

    >>> initialize("James D. J.", with_=". ")
    'J. D. J.'
    >>> initialize("Jean-Paul", with_=".")
    'J.-P.'
    >>> initialize("Gary Clyde", with_=". ", full=False)
    'Gary Clyde'
    >>> initialize("C.L.", with_=". ", full=False)
    'C. L.'
    >>> initialize("John Bertrand de Cusance", with_=".")
    'J.B. de C.'

    A lowercase second half of a hyphenated name has no initial of its own, and a
    name opening with two capitals keeps both, as in Mongolian "Ts" and "Ch":

    >>> initialize("Guo-ping", with_=""), initialize("TSerendorjiin", with_=".")
    ('G', 'Ts.')

    Inline markup around a name stays around its initial:

    >>> initialize("<b>John</b>-Quiggly", with_=". ")
    '<b>J.</b>-Q.'
    """
    out: list[str] = []
    for word in re.split(r"\s+|(?<=\.)(?=[^\s\-<])", given.strip()):
        pieces: list[str] = []
        for n, marked in enumerate(word.split("-") if "-" in word.strip("-") else [word]):
            lead, part, trail = _unwrap(marked)
            count = len(pieces)
            bare = part.rstrip(".")
            if not bare:
                continue
            if part.endswith(".") and len(bare) > 1 and bare[0].isupper():
                pieces.append(bare + with_)  # an abbreviation ("Ph.") is kept as one
            elif full and n > 0 and bare[0].islower():
                continue
            elif full and len(bare) > 2 and bare[1].isupper() and bare[2].islower():
                pieces.append(bare[0] + bare[1].lower() + with_)
            elif (full or len(bare) == 1) and bare[0].isupper():
                pieces.append(bare[0] + with_)
            else:
                # A full name kept as written, or a lowercase particle ("de").
                pieces.append(part + " ")
            if (lead or trail) and len(pieces) > count:
                text = pieces[-1].rstrip()
                pieces[-1] = lead + text + trail + pieces[-1][len(text) :]
        if pieces:
            glue = "-" if hyphen else ""
            if out and pieces[0].endswith(" ") and not out[-1].endswith(" "):
                out.append(" ")  # a word kept whole stands apart from initials before it
            out.append(
                glue.join(p.rstrip() for p in pieces[:-1]) + glue * (len(pieces) > 1) + pieces[-1]
            )
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _given(name: dict[str, Any], opts: NameOptions) -> str:
    given = str(name.get("given", "") or "")
    if not given or opts.initialize_with is None:
        return given
    return initialize(
        given,
        with_=opts.initialize_with,
        hyphen=opts.initialize_with_hyphen,
        full=opts.initialize,
    )


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


#: One piece of a rendered name: the name-part whose affixes enclose it ("given",
#: "family" or "" for neither), the name-part whose formatting applies to it ("" for
#: none), and its text. Particles take the formatting of their own name-part (the
#: dropping particle the given name's, the non-dropping one the family name's) inside
#: the affixes of the part they stand with.
Segment = tuple[str, str, str]


def _pieces(group: str, *texts: tuple[str, str]) -> list[Segment]:
    """Words of one name-part, with the spaces between them (none after "d’" or "al-")."""
    out: list[Segment] = []
    for part, text in texts:
        if not text:
            continue
        if out and not out[-1][2].endswith(("’", "'", "-")):
            out.append((group, "", " "))
        out.append((group, part, text))
    return out


def name_segments(name: dict[str, Any], opts: NameOptions, *, inverted: bool) -> list[Segment]:
    """One name in display or inverted ("sort") order, as the pieces of its name-parts.

    >>> p = {"family": "Fontaine", "given": "Jean", "non-dropping-particle": "La"}
    >>> [text for _, _, text in name_segments(p, NameOptions(), inverted=False)]
    ['Jean', ' ', 'La', ' ', 'Fontaine']
    >>> p = {"family": "Meer", "given": "Gerard", "dropping-particle": "van"}
    >>> name_segments(p, NameOptions(), inverted=False)[2]
    ('family', 'given', 'van')
    """
    literal = name.get("literal")
    if literal:
        return [("family", "family", str(literal))]
    if not name.get("family") and name.get("given"):
        return [("given", "given", str(name["given"]))]  # a given name alone ("Banksy")
    family = ("family", _cased(str(name.get("family", "") or ""), opts.family_case))
    ndp = ("family", _cased(str(name.get("non-dropping-particle", "") or ""), opts.family_case))
    dp = ("given", _cased(str(name.get("dropping-particle", "") or ""), opts.given_case))
    suffix = str(name.get("suffix", "") or "")
    if opts.form == "short":
        return _pieces("family", ndp, family)
    if not is_romanesque(name):
        return [("family", *family), ("given", "given", str(name.get("given", "") or ""))]
    given = ("given", _cased(_given(name, opts), opts.given_case))
    if not given[1] and not dp[1]:
        tail: list[Segment] = [("", "", ", " + suffix)] if suffix else []
        return [*_pieces("family", ndp, family), *tail]
    if not inverted:
        out = [*_pieces("given", given), ("", "", " ")] if given[1] else []
        out.extend(_pieces("family", dp, ndp, family))
        if suffix:
            sep = ", " if name.get("comma-suffix") else " "
            out.extend([("family", "", sep), ("family", "", suffix)])
        return out
    sep = opts.sort_separator
    if opts.demote_particle == "display-and-sort":
        head, tail = _pieces("family", family), _pieces("given", given, dp, ndp)
    else:
        head, tail = _pieces("family", ndp, family), _pieces("given", given, dp)
    out = [*head, ("", "", sep), *tail] if tail else head
    return [*out, ("", "", sep + suffix)] if suffix else out


def render_name(name: dict[str, Any], opts: NameOptions, *, inverted: bool) -> str:
    """One name in display or inverted ("sort") order.

    >>> p = {"family": "Pijl", "given": "Kees", "dropping-particle": "van der"}
    >>> render_name(p, NameOptions(), inverted=True)
    'Pijl, Kees van der'
    >>> render_name(p, NameOptions(), inverted=False)
    'Kees van der Pijl'
    >>> render_name({"family": "和辻", "given": "哲郎"}, NameOptions(), inverted=True)
    '和辻哲郎'
    """
    return "".join(text for _, _, text in name_segments(name, opts, inverted=inverted))


def _cased(text: str, case: str) -> str:
    if not case or not text:
        return text
    return plain(change_case([text], case))


def sort_key(name: dict[str, Any], *, demote: str) -> str:
    """The text a name sorts by: family name first, particles placed as the style says."""
    literal = name.get("literal")
    if literal:
        return str(literal)
    family = str(name.get("family", "") or "")
    ndp = str(name.get("non-dropping-particle", "") or "")
    dp = str(name.get("dropping-particle", "") or "")
    given = str(name.get("given", "") or "")
    # Given names before the particles, as pandoc sorts "Pijl, J. van der" among the J.s.
    if demote == "never":
        return _join(ndp, family, given, dp, str(name.get("suffix", "") or ""))
    return _join(family, given, dp, ndp, str(name.get("suffix", "") or ""))


def name_key(name: dict[str, Any]) -> tuple[str, ...]:
    """A name as a hashable value: two names are the same person if all parts match."""
    given = re.sub(r"[\s.]+", "", str(name.get("given", "") or ""))  # "J. J." is "J.J."
    return tuple(
        given if part == "given" else str(name.get(part, "") or "")
        for part in ("family", "given", "dropping-particle", "non-dropping-particle",
                     "suffix", "literal")
    )  # fmt: skip


def initials_of(given: str) -> str:
    """The initials of given names, to compare them ("James D. J." gives "JDJ").

    >>> initials_of("Jean-Paul"), initials_of("C. L.")
    ('JP', 'CL')
    """
    return "".join(part[0] for part in re.split(r"[\s.\-]+", given) if part)
