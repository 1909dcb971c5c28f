"""LaTeX in BibTeX values: fast decoding to Unicode, and names split before decoding.

Decoding every value with pylatexenc costs about a millisecond and a half per entry,
yet most values hold no LaTeX at all and the rest hold a handful of accent commands,
case-protecting braces, URLs, logos, font commands and inline math. :func:`decode_latex`
therefore returns plain values as they are, decodes the common commands token by token
(each token's text comes from pylatexenc itself, asked once per distinct token and
remembered; ``\\url{...}`` is copied as pylatexenc copies it), and hands anything else
(comments, display math, unknown macros, line breaks) to pylatexenc whole.
Its output is pylatexenc's output, character for character; the tests compare the two on
generated values and on every field of the test bibliographies.

pylatexenc runs as bibtexparser's LaTeX decoding middleware sets it up (``\\url`` without
angle brackets), but with math as text, as biber and pandoc print it (``$x^2$`` is "x^2",
``$\\alpha$`` the Greek letter; no dollar signs), biblatex's own commands known
(``\\mkbibquote{x}`` is “x”, ``\\mkbibemph``, ``\\mkbibitalic`` and ``\\mkbibbold`` print
their text, ``\\hyphen`` a hyphen), and four corrections: ``\\url``'s
argument is verbatim, as in LaTeX (pylatexenc reads ``%20`` in a URL as a comment and
drops the rest); ``\\LaTeX``, ``\\TeX`` and ``\\BibTeX`` print their names (pylatexenc
knows no such macros and prints nothing); ``\\href{url}{text}`` reads its two arguments
(pylatexenc prints it as "text <url>" but parses it with none, and fails); and a value
pylatexenc cannot parse stays as written, as bibtexparser keeps it.

Names are split into people and parts (first, von, last, jr) on the raw text, before any
decoding, because decoding first turns ``{\\"O}zil`` into text that no longer shows
which braces grouped a name; a braced corporate name stays one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = [
    "PersonName",
    "decode_latex",
    "decode_latex_with_case",
    "split_name",
    "split_names",
    "split_people",
]

# Anything that may make pylatexenc change a value; a value without them is returned as is.
_TRIGGER = re.compile(r"[\\{}~$%&]|--|``|''|!`|\?`")

_TOKEN = re.compile(
    r"\\['`^\"~=.](?:\{(?:[A-Za-z]|\\[ij])\}|[A-Za-z]|\\[ij](?![^\W\d_]|\s))"  # \'e \'{e} \"\i
    r"|\\[cvuHkrdbt]\{(?:[A-Za-z]|\\[ij])\}"  # \c{c} \v{s}
    r"|\\(?:ss|aa|AA|ae|AE|oe|OE|ng|NG|dh|DH|th|TH|dj|DJ|o|O|l|L|i|j"
    r"|LaTeX|TeX|BibTeX)(?:\{\}|(?![^\W\d_]|\s))"  # letters and logos: \ss{} {\LaTeX}
    r"|\\(?:emph|text(?:it|bf|sc|tt|rm|sf|up|sl|md|normal))\{"  # font commands
    r"|\\url\{(?P<url>[^{}]*)\}"  # a URL, verbatim
    r"|(?P<math>\$(?:[^$\\%{}]|\\[A-Za-z]+|\\[^A-Za-z%]|\{(?:[^$\\%{}]|\\[A-Za-z]+)*\})+\$)"
    r"|\\[&%$#_{}]"  # escaped specials
    r"|---?|``|''|!`|\?`|~"  # text specials
    r"|[{}]"  # grouping braces vanish
    # Anything else that LaTeX reads specially means the value needs pylatexenc whole.
    r"|(?P<other>[\\$%&])"
)


class _UncoveredLatexError(Exception):
    """A value holds LaTeX the token table does not cover."""


#: Each token's text, filled from pylatexenc the first time the token is met.
_TOKEN_TEXT: dict[str, str] = {"{": "", "}": ""}


#: biblatex's font commands, which print their argument.
_BIBLATEX_TEXT = ("mkbibemph", "mkbibitalic", "mkbibbold")


@cache
def _decoder() -> tuple[Any, Any]:
    # Built once and lazily: pylatexenc's context databases take a while to set up.
    from pylatexenc import latexwalker
    from pylatexenc.latex2text import (
        LatexNodes2Text,
        MacroTextSpec,
        get_default_latex_context_db,
    )
    from pylatexenc.macrospec import MacroSpec, MacroStandardArgsParser, ParsedVerbatimArgs

    class BracedVerbatim(MacroStandardArgsParser):  # type: ignore[misc]
        """One braced argument read as LaTeX reads ``\\url``'s: verbatim, braces matched."""

        def __init__(self) -> None:
            super().__init__(argspec="{")

        def parse_args(self, w: Any, pos: int, parsing_state: Any = None) -> Any:
            if w.s[pos : pos + 1] != "{":
                return super().parse_args(w, pos, parsing_state=parsing_state)
            depth, end = 0, pos
            while end < len(w.s):
                depth += {"{": 1, "}": -1}.get(w.s[end], 0)
                if depth == 0:
                    break
                end += 1
            node = w.make_node(
                latexwalker.LatexCharsNode,
                parsing_state=parsing_state,
                chars=w.s[pos + 1 : end],
                pos=pos + 1,
                len=end - pos - 1,
            )
            return ParsedVerbatimArgs(verbatim_chars_node=node), pos, end + 1 - pos

    def url_text(node: Any, l2tobj: Any) -> str:  # pylatexenc passes l2tobj by that name
        args = node.nodeargd
        if hasattr(args, "verbatim_text"):
            return str(args.verbatim_text)
        return str(l2tobj.nodelist_to_text(args.argnlist))

    walker_db = latexwalker.get_default_latex_context_db()
    walker_db.add_context_category(
        "argmap",
        prepend=True,
        # pylatexenc prints \\href as "text <url>" but reads it without arguments.
        macros=[
            MacroSpec("url", args_parser=BracedVerbatim()),
            MacroSpec("href", "{{"),
            *(MacroSpec(name, "{") for name in _BIBLATEX_TEXT),
            MacroSpec("mkbibquote", "{"),
            MacroSpec("hyphen", ""),
        ],
    )
    text_db = get_default_latex_context_db()
    text_db.add_context_category(
        "argmap",
        prepend=True,
        macros=[
            MacroTextSpec("url", simplify_repl=url_text),
            *(MacroTextSpec(name, name) for name in ("LaTeX", "TeX", "BibTeX")),
            *(MacroTextSpec(name, "%s") for name in _BIBLATEX_TEXT),
            MacroTextSpec("mkbibquote", "\u201c%s\u201d"),
            MacroTextSpec("hyphen", "-"),
        ],
    )
    return LatexNodes2Text(latex_context=text_db, math_mode="text"), walker_db


def _pylatexenc(text: str) -> str:
    """pylatexenc's text of a value, set up as the module docstring says."""
    to_text, walker_db = _decoder()
    try:
        return str(to_text.latex_to_text(text, latex_context=walker_db))
    except Exception:  # pylatexenc gives up on some malformed LaTeX; bibtexparser too
        return text


_COMMAND = re.compile(r"\\([A-Za-z]+|.)")


@cache
def _takes_no_argument(name: str) -> bool:
    spec = _decoder()[1].get_macro_spec(name)
    return spec is None or not spec.args_parser.argspec


def _replace(match: re.Match[str]) -> str:
    token = match.group()
    text = _TOKEN_TEXT.get(token)
    if text is None:
        group = match.lastgroup
        if group == "other":
            raise _UncoveredLatexError
        if group == "url":
            return match.group("url")
        if group == "math" and not all(
            _takes_no_argument(name) for name in _COMMAND.findall(token)
        ):
            # A command taking an argument may swallow the closing ``$``: decode whole.
            raise _UncoveredLatexError
        # Braces only group; every other token reads as pylatexenc renders it alone.
        text = _TOKEN_TEXT[token] = _pylatexenc(token)
    return text


def decode_latex(text: str) -> str:
    """Decode a BibTeX value's LaTeX into Unicode text, exactly as pylatexenc does.

    Args:
        text: a field value with its outer braces or quotes removed.

    Returns:
        The text: accents composed, case-protecting braces dropped, ``--`` an en dash,
        ``~`` a no-break space, escaped specials (``\\&``) plain characters.

    >>> decode_latex(r"{Japan}'s Dilemma: M{\\"u}ller \\& Erd\\H{o}s, 1990--2000")
    "Japan's Dilemma: Müller & Erdős, 1990\u20132000"
    >>> decode_latex("plain text stays as it is")
    'plain text stays as it is'
    """
    if _TRIGGER.search(text) is None:
        return text
    try:
        return _TOKEN.sub(_replace, text)
    except _UncoveredLatexError:
        return _pylatexenc(text)


def decode_latex_with_case(text: str) -> list[tuple[str, bool]]:
    """Decode a title-like value into runs of text, each saying whether its case is protected.

    BibTeX styles change the case of titles except inside braces that do not start with a
    command (``{Japan}``, ``{NATO}``) and inline math (``$\\alpha$``); braces that hold an
    accent (``{\\'e}``) or the argument of a command (``\\'{e}``) protect nothing.

    >>> decode_latex_with_case(r"{Japan}'s Policy Vis-{\\`a}-Vis {Russia}")
    [('Japan', True), ("'s Policy Vis-à-Vis ", False), ('Russia', True)]
    >>> decode_latex_with_case(r"On $x^{2}$ and {NATO}")
    [('On ', False), ('x^2', True), (' and ', False), ('NATO', True)]
    """
    runs: list[tuple[str, bool]] = []
    position = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index = _skip_command(text, index)
            continue
        if char == "$":
            # Inline math is one piece, and keeps its case (sentence case never capitalises
            # $\alpha$); its own braces protect nothing more.
            dollar = text.find("$", index + 1)
            if dollar == -1:
                index += 1
                continue
            if index > position:
                runs.append((text[position:index], False))
            runs.append((text[index : dollar + 1], True))
            position = index = dollar + 1
            continue
        if char == "{" and text[index + 1 : index + 2] != "\\":
            end = _closing_brace(text, index)
            if end is None:
                break
            if index > position:
                runs.append((text[position:index], False))
            runs.append((text[index + 1 : end], True))
            position = index = end + 1
            continue
        if char == "{":
            end = _closing_brace(text, index)
            index = len(text) if end is None else end + 1
            continue
        index += 1
    if position < len(text):
        runs.append((text[position:], False))
    decoded = [(decode_latex(raw), protected) for raw, protected in runs]
    return [(value, protected) for value, protected in decoded if value]


def _skip_command(text: str, index: int) -> int:
    """Skip a command at ``index`` and a braced argument right after it."""
    index += 1
    if index < len(text) and text[index].isalpha():
        while index < len(text) and text[index].isalpha():
            index += 1
    else:
        index += 1
    if text[index : index + 1] == "{":
        end = _closing_brace(text, index)
        return len(text) if end is None else end + 1
    return index


def _closing_brace(text: str, start: int) -> int | None:
    depth = 0
    index = start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


@dataclass(frozen=True, slots=True)
class PersonName:
    """One name of an author, editor or translator, decoded, in BibTeX's parts.

    ``literal`` is set (and the parts empty) for a corporate name written in braces,
    such as ``{Institute for Security and Development Policy}``.
    """

    family: str = ""
    given: str = ""
    particle: str = ""
    suffix: str = ""
    literal: str = ""
    useprefix: bool | None = None
    """biblatex's ``useprefix`` for this name alone (extended name format); None: the
    entry's."""

    @property
    def is_literal(self) -> bool:
        """True for a name that must not be split or abbreviated (an institution)."""
        return bool(self.literal)

    def __str__(self) -> str:
        if self.literal:
            return self.literal
        head = " ".join(part for part in (self.particle, self.family) if part)
        return ", ".join(part for part in (head, self.suffix, self.given) if part)


_AND = re.compile(r"[ \t\r\n]+[aA][nN][dD][ \t\r\n]+")


def split_people(value: str) -> list[str]:
    """Split a raw BibTeX name list at each top-level ``and``, as bibtexparser does.

    A regular expression does the work where bibtexparser walks character by character;
    an ``and`` inside braces (``{Simon and Schuster}``) does not split, and the rare
    values whose backslashes or braces it reads differently go to bibtexparser's splitter.

    >>> split_people("Shagina, Maria and {Simon and Schuster} AND Jan van der Berg")
    ['Shagina, Maria', '{Simon and Schuster}', 'Jan van der Berg']
    """
    value = value.strip(" \r\n\t")
    if not value:
        return []
    if _ODD_ESCAPE.search(value) or not _nests(value):
        from bibtexparser.middlewares.names import split_multiple_persons_names

        return list(split_multiple_persons_names(value))
    people = []
    start = 0
    depth = 0  # braces open before the current ``and``, counted once along the value
    counted = 0
    for match in _AND.finditer(value):
        at = match.start()
        depth += value.count("{", counted, at) - value.count("}", counted, at)
        counted = at
        if depth != 0 or at == 0:
            continue  # inside braces, or no name before it
        people.append(value[start:at])
        start = match.end()
    people.append(value[start:])
    return people


def _nests(value: str) -> bool:
    # True when no closing brace comes before its opening one (bibtexparser clamps those).
    depth = 0
    for brace in _BRACE.findall(value):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return False
    return True


_BRACE = re.compile(r"[{}]")
# Escapes that bibtexparser's splitter reads differently from the expression above.
_ODD_ESCAPE = re.compile(r"\\[{}\s\\aAnNdD]|[\saAnNdD]\\")


_EXTENDED_NAME = re.compile(r"^\s*(?:family|given|prefix|suffix|useprefix)\s*=", re.I)
_EXTENDED_PARTS = {"family": "family", "given": "given", "prefix": "particle", "suffix": "suffix"}


def _extended_name(raw: str) -> PersonName:
    """A name in biblatex's extended format: ``key=value`` parts, separated by commas."""
    parts: dict[str, str] = {}
    useprefix: bool | None = None
    depth = 0
    start = 0
    pieces = []
    for index, char in enumerate(raw):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            pieces.append(raw[start:index])
            start = index + 1
    pieces.append(raw[start:])
    for piece in pieces:
        key, _, value = piece.partition("=")
        key = key.strip().lower()
        if key == "useprefix":
            useprefix = value.strip().lower() in ("true", "")
        elif key in _EXTENDED_PARTS:
            parts[_EXTENDED_PARTS[key]] = decode_latex(value.strip())
    return PersonName(**parts, useprefix=useprefix)


def split_names(value: str) -> list[PersonName]:
    """Split a raw BibTeX name list (``A and B``) into decoded names.

    Names are split and parted on the LaTeX source, then each part is decoded.

    >>> [str(n) for n in split_names(r"M{\\"u}ller, J{\\'e}r{\\^o}me and Jan van der Berg")]
    ['Müller, Jérôme', 'van der Berg, Jan']
    >>> split_names("{Institute for Security and Development Policy}")[0].literal
    'Institute for Security and Development Policy'
    """
    return [split_name(raw) for raw in split_people(value)]


def split_name(raw: str) -> PersonName:
    """Part one raw BibTeX name (``von Last, Jr, First``), then decode each part.

    biblatex's extended name format (``family=Heuvel, prefix=van den, given=Charles,
    useprefix=true``) is read too.

    >>> split_name(r"de la Fontaine, Jr., Jean")
    PersonName(family='Fontaine', given='Jean', particle='de la', suffix='Jr.', literal='', useprefix=None)
    >>> str(split_name("family=Heuvel, prefix=van den, useprefix=false, given=Charles"))
    'van den Heuvel, Charles'
    """  # noqa: E501
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    raw = raw.strip()
    if raw.startswith("{") and _closing_brace(raw, 0) == len(raw) - 1 and raw[1:2] != "\\":
        return PersonName(literal=decode_latex(raw))
    if _EXTENDED_NAME.match(raw):
        return _extended_name(raw)
    parts = parse_single_name_into_parts(raw, strict=False)
    return PersonName(
        family=" ".join(decode_latex(p) for p in parts.last),
        given=" ".join(decode_latex(p) for p in parts.first),
        particle=" ".join(decode_latex(p) for p in parts.von),
        suffix=" ".join(decode_latex(p) for p in parts.jr),
    )
