"""Rich text of a formatted citation: tokens, punctuation, case changes and serialisation.

A rendered entry is a flat list of tokens: text strings and markup marks (a pair of
the mark kind and "+" to open or "-" to close). A flat list keeps the punctuation rules
simple (they only ever look at the text on either side of a join) and lets one rendering
serve the text, Markdown and HTML outputs.
"""

# Typographic dashes and quotes are what this module produces and matches.
# ruff: noqa: RUF001, RUF002, RUF003

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Final

#: A text run, or a markup mark: ("+", kind) opens and ("-", kind) closes.
Mark = tuple[str, str]
Token = str | Mark

#: Mark kinds: italic, bold, small caps, superscript, subscript, baseline (text set back
#: on the line inside a superscript or subscript), underline, no case
#: change, the left margin and right part of a numbered entry, a hyperlink ("a" plus the
#: target), and the author run that a repeated author is replaced in.
ITALIC: Final = "i"
BOLD: Final = "b"
NOCASE: Final = "nc"
QUOTE: Final = "q"
#: The close of a quotation in data that its own text follows ("'quote', as said"):
#: punctuation written after it stays there.
QUOTE_HELD: Final = "qh"
#: The opening of a quotation written in data with inner marks (‘…’), which prints in
#: inner marks unless it is inside another one of those.
INNER_QUOTE: Final = "qi"
TERM: Final = "term"
NODECOR: Final = "nd"
#: font-style="normal": upright text inside italics.
UPRIGHT: Final = "up"
SAME_AUTHOR: Final = "sas"
LEFT_MARGIN: Final = "lm"
RIGHT_INLINE: Final = "ri"
#: What separates the names of a list in a sort key (it sorts after a space, before
#: letters: "Dubois, J. D." before "Dubois, J." and a second name).
NAME_SEPARATOR: Final = "\x1f"

_KEEP_BOTH, _KEEP_FIRST, _KEEP_SECOND = 0, 1, 2

# The punctuation that meets at a join, after citeproc-js's queue and pandoc's citeproc:
# the first or second of the pair is dropped so that "ed." + "." gives "ed.".
_PUNCT: Final[dict[tuple[str, str], int]] = {
    ("!", "."): _KEEP_FIRST,
    ("!", ":"): _KEEP_FIRST,
    ("?", "."): _KEEP_FIRST,
    ("?", ":"): _KEEP_FIRST,
    (":", "!"): _KEEP_SECOND,
    (":", "?"): _KEEP_SECOND,
    (":", "."): _KEEP_FIRST,
    (";", "!"): _KEEP_SECOND,
    (";", "?"): _KEEP_SECOND,
    (";", ":"): _KEEP_FIRST,
    (";", "."): _KEEP_FIRST,
    ("!", "!"): _KEEP_FIRST,
    ("?", "?"): _KEEP_FIRST,
    (".", "."): _KEEP_FIRST,
    (":", ":"): _KEEP_FIRST,
    (";", ";"): _KEEP_FIRST,
    (",", ","): _KEEP_FIRST,
    (" ", " "): _KEEP_SECOND,
    ("\u00a0", " "): _KEEP_FIRST,  # a non-breaking space stays one
    (" ", "\u00a0"): _KEEP_SECOND,
}

#: The closing marks of quotations while punctuation is resolved: noncharacters, which
#: interchanged text never holds, so that a mark closing a quotation is told apart from
#: the same character written as an apostrophe ("d’", "girls’"). :func:`finish` prints
#: them as the locale's marks.
CLOSE_QUOTE: Final = "\ufdd0"
CLOSE_INNER_QUOTE: Final = "\ufdd1"
_CLOSE_QUOTES: Final = CLOSE_QUOTE + CLOSE_INNER_QUOTE


def join_text(
    left: str, right: str, *, punctuation_in_quote: bool, before: str = ""
) -> tuple[str, str]:
    """Resolve the punctuation where two runs of text meet; return both runs, adjusted.

    Closing quotation marks are :data:`CLOSE_QUOTE` and :data:`CLOSE_INNER_QUOTE` here.
    ``before`` is the text preceding ``left`` when markup separates them, so that a
    closing quotation mark alone in ``left`` still sees what it closes.

    >>> join_text("ed.", ". Paris", punctuation_in_quote=True)
    ('ed.', ' Paris')
    >>> join_text("Why?", ": Because", punctuation_in_quote=True)
    ('Why?', ' Because')
    >>> q = CLOSE_QUOTE
    >>> join_text(f"Title?{q}", ". Next", punctuation_in_quote=False) == (f"Title?{q}", " Next")
    True

    An apostrophe is no quotation mark: what follows it stays after it.

    >>> join_text("abbé d’", ". Paris", punctuation_in_quote=True)
    ('abbé d’', '. Paris')
    """
    if not left or not right:
        return left, right
    last, first = left[-1], right[0]
    if last in _CLOSE_QUOTES and first in ".,!?" and (len(left) > 1 or before):
        # Past every closing mark: "‘The One’”" and "." give "‘The One.’”".
        quotes = len(left) - len(left.rstrip(_CLOSE_QUOTES))
        body, closing = left[:-quotes], left[-quotes:]
        inner = body[-1] if body else before[-1:] or " "
        action = _PUNCT.get((inner, first), _KEEP_BOTH)
        if action == _KEEP_FIRST or inner == first:
            return left, right[1:]
        if punctuation_in_quote:
            if action == _KEEP_SECOND and body:
                return body[:-1] + first + closing, right[1:]
            return body + first + closing, right[1:]
        return left, right
    if last in _CLOSE_QUOTES and (len(left) > 1 or before):
        inner = left[-2] if len(left) > 1 else before[-1]
        if _PUNCT.get((inner, first)) == _KEEP_FIRST:  # "“Why?”" and ":" gives "“Why?”"
            return left, right[1:]
    action = _PUNCT.get((last, first), _KEEP_BOTH)
    if action == _KEEP_FIRST:
        return left, right[1:]
    if action == _KEEP_SECOND:
        # What the dropped mark followed meets the kept one: "“Why”:" and "!" give "“Why!”".
        return join_text(left[:-1], right, punctuation_in_quote=punctuation_in_quote, before=before)
    return left, right


#: The quotation marks of a locale: open, close, open inner, close inner.
Quotes = tuple[str, str, str, str]
ENGLISH_QUOTES: Final[Quotes] = ("“", "”", "‘", "’")


def resolve_quotes(tokens: Iterable[Token], quotes: Quotes = ENGLISH_QUOTES) -> list[Token]:
    """Quotation marks for the quote marks, inner ones inside outer ones and the reverse.

    A quotation written with inner marks (``INNER_QUOTE``) keeps them where no other
    quotation of inner marks is around it.

    >>> resolve_quotes([("+", "q"), "My ", ("+", "q"), "Amazing", ("-", "q"), " Title", ("-", "q")])
    ['“', 'My ', '‘', 'Amazing', '’', ' Title', '”']

    >>> resolve_quotes([("+", "qi"), "God willing", ("-", "q")])
    ['‘', 'God willing', '’']

    A held close and the text after it become one run:

    >>> resolve_quotes([("+", "q"), "quote", ("-", "qh"), ", as said"])
    ['“', 'quote', '”, as said']
    """
    out: list[Token] = []
    inner: list[bool] = []  # whether each open quotation prints in inner marks
    held = False
    for tok in tokens:
        if isinstance(tok, str) and held:
            out[-1] = str(out[-1]) + tok  # one run: no join to move punctuation across
        elif isinstance(tok, str) or tok[1] not in (QUOTE, QUOTE_HELD, INNER_QUOTE):
            out.append(tok)
        elif tok[0] == "+":
            # A quotation inside one of the same marks flips to the other marks.
            wanted = tok[1] == INNER_QUOTE
            inner.append(not wanted if inner and inner[-1] == wanted else wanted)
            out.append(quotes[2] if inner[-1] else quotes[0])
        else:
            out.append(quotes[3] if inner and inner.pop() else quotes[1])
        held = tok == ("-", QUOTE_HELD)
    return out


def finish(
    tokens: Iterable[Token], *, punctuation_in_quote: bool, quotes: Quotes = ENGLISH_QUOTES
) -> list[Token]:
    """Merge adjacent text runs and resolve punctuation at every join, across markup.

    Quote marks become the locale's quotation marks. With ``punctuation_in_quote`` a
    period or comma after a quotation moves inside it; an apostrophe keeps it outside.

    >>> plain(finish([("+", "q"), "Title", ("-", "q"), ", 2019"], punctuation_in_quote=True))
    '“Title,” 2019'
    >>> plain(finish([("+", "q"), "Why?", ("-", "q"), ". Next"], punctuation_in_quote=True))
    '“Why?” Next'
    >>> plain(finish(["Almeida, L. d’", ", J. Edwards"], punctuation_in_quote=True))
    'Almeida, L. d’, J. Edwards'
    """
    tokens = list(tokens)
    quoted = any(mark in tokens for mark in _QUOTE_TOKENS)
    if quoted:
        if punctuation_in_quote:
            tokens = _punctuation_into_quotes(tokens)
        tokens = resolve_quotes(tokens, (quotes[0], CLOSE_QUOTE, quotes[2], CLOSE_INNER_QUOTE))
    out: list[Token] = []
    last_text = -1  # index in out of the last text run; markup between is transparent
    before = ""  # the text run before that one
    for tok in tokens:
        if not isinstance(tok, str):
            out.append(tok)
            continue
        if not tok:
            continue
        if last_text < 0:
            out.append(tok)
            last_text = len(out) - 1
            continue
        prev = out[last_text]
        assert isinstance(prev, str)
        left, right = join_text(prev, tok, punctuation_in_quote=punctuation_in_quote, before=before)
        out[last_text] = left
        if last_text == len(out) - 1:
            out[last_text] = left + right
        elif right:
            before = left or before
            out.append(right)
            last_text = len(out) - 1
    if quoted:
        marks = str.maketrans({CLOSE_QUOTE: quotes[1], CLOSE_INNER_QUOTE: quotes[3]})
        out = [t.translate(marks) if isinstance(t, str) else t for t in out]
    return _drop_empty(out)


_QUOTE_TOKENS: Final = (("-", QUOTE), ("-", QUOTE_HELD), ("+", QUOTE), ("+", INNER_QUOTE))
#: The punctuation that moves inside a closing quotation mark (as in citeproc-js).
_INTO_QUOTES: Final = ".,!?"


def _punctuation_into_quotes(tokens: Iterable[Token]) -> list[Token]:
    """Punctuation that follows a quotation, moved inside its closing mark.

    Only closing markup may stand between the two; the punctuation goes inside the
    innermost quotation that closes there. A quotation closed before more of the same
    text (``QUOTE_HELD``) keeps what follows it.

    >>> _punctuation_into_quotes(
    ...     [("+", "q"), "A ", ("+", "q"), "B", ("-", "q"), ("-", "nc"), ("-", "q"), ". C"]
    ... )
    [('+', 'q'), 'A ', ('+', 'q'), 'B', '.', ('-', 'q'), ('-', 'nc'), ('-', 'q'), ' C']
    """
    out: list[Token] = []
    for tok in tokens:
        if isinstance(tok, str) and tok[:1] in _INTO_QUOTES and tok and out:
            at = -1
            n = len(out) - 1
            while n >= 0:
                t = out[n]
                if isinstance(t, str):
                    if t:
                        break
                elif t[0] != "-" or t[1] == QUOTE_HELD:
                    break
                elif t[1] == QUOTE:
                    at = n
                n -= 1
            if at >= 0:
                out.insert(at, tok[0])
                tok = tok[1:]
        out.append(tok)
    return out


def _drop_empty(tokens: list[Token]) -> list[Token]:
    """Markup that encloses nothing (as after an author replaced by "") is left out.

    >>> _drop_empty(["a", ("+", "block"), "", ("-", "block"), ("+", "i"), "b", ("-", "i")])
    ['a', ('+', 'i'), 'b', ('-', 'i')]
    """
    out: list[Token] = []
    for tok in tokens:
        if tok == "":
            continue
        if (
            not isinstance(tok, str)
            and tok[0] == "-"
            and out
            and out[-1] == ("+", tok[1])
            and tok[1] not in (SAME_AUTHOR,)
        ):
            out.pop()
            continue
        out.append(tok)
    return out


def plain(tokens: Iterable[Token]) -> str:
    """The text of tokens without any markup.

    >>> plain([("+", "i"), "Fallacies", ("-", "i"), "."])
    'Fallacies.'
    """
    return "".join(t for t in tokens if isinstance(t, str))


# ---------------------------------------------------------------- case changes

# The lowercase words of title case: CSL's list with the prepositions, particles and
# abbreviations citeproc-js adds ("under", "v.", "de", "von").
_STOP_WORDS: Final = frozenset(
    [
        "a",
        "about",
        "above",
        "across",
        "afore",
        "after",
        "against",
        "al",
        "along",
        "alongside",
        "amid",
        "amidst",
        "among",
        "amongst",
        "an",
        "and",
        "anenst",
        "apropos",
        "apud",
        "around",
        "as",
        "aside",
        "astride",
        "at",
        "athwart",
        "atop",
        "barring",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "but",
        "by",
        "c",
        "ca",
        "circa",
        "d'",
        "de",
        "despite",
        "down",
        "during",
        "et",
        "except",
        "for",
        "forenenst",
        "from",
        "given",
        "in",
        "inside",
        "into",
        "lest",
        "like",
        "modulo",
        "near",
        "next",
        "nor",
        "notwithstanding",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "out",
        "over",
        "per",
        "plus",
        "pro",
        "qua",
        "sans",
        "since",
        "so",
        "than",
        "the",
        "through",
        "throughout",
        "thru",
        "thruout",
        "till",
        "to",
        "toward",
        "towards",
        "under",
        "underneath",
        "until",
        "unto",
        "up",
        "upon",
        "v",
        "v.",
        "van",
        "versus",
        "via",
        "vis-à-vis",
        "von",
        "vs",
        "vs.",
        "with",
        "within",
        "without",
        "yet",
    ]
)
_SENTENCE_WORD = re.compile(r"\b[^\W\d_][^\W\d_A-Z]*\b")


def _sentence_words(text: str, *, keep_first: bool) -> str:
    """Words written with one capital, lowercased: "a Pen" gives "a pen".

    >>> _sentence_words("This is a Pen, not NASA", keep_first=True)
    'This is a pen, not NASA'
    """

    def lower(m: re.Match[str]) -> str:
        return m.group(0) if keep_first and m.start() == 0 else m.group(0).lower()

    return _SENTENCE_WORD.sub(lower, text)


#: Where title case ends a word, as citeproc-js splits it: white space, and quotation
#: marks, dashes, slashes, brackets and punctuation (each a piece of its own).
_TITLE_BREAKS: Final = "‘’“”\"'-–—/.,;?!:[]()"
_TITLE_PIECE: Final = re.compile(r"\s+|[‘’“”\"'\-–—/.,;?!:\[\]()]|[^\s‘’“”\"'\-–—/.,;?!:\[\]()]+")
_QUOTE_MARKS: Final = frozenset("‘’“”\"'")


def _capitalize(word: str) -> str:
    return word[:1].upper() + word[1:]


def _title_case_run(text: str, state: list[bool], *, final: bool = False) -> str:
    """Title case of one run of text, ``state[0]`` saying whether a sentence starts.

    As citeproc-js: a word is what lies between spaces, quotation marks, dashes,
    slashes, brackets and punctuation. A lowercase word is capitalised unless it is a
    stop word or a lone letter; the first word and one after a colon, question or
    exclamation mark always are, a stop word also as the ``final`` run's last word or
    first in a compound ("Pro-Environmental"). A word written with a capital keeps its
    case, and so does one right after an apostrophe ("Hart’s", "l’homme").

    >>> _title_case_run("(in)comparability of www.example.org’s 800 m data", [True])
    '(In)Comparability of Www.Example.Org’s 800 m Data'
    >>> _title_case_run("a pro-environmental state-of-the-art view: the end", [True])
    'A Pro-Environmental State-of-the-Art View: The End'
    """
    out: list[str] = []
    pieces = _TITLE_PIECE.findall(text)
    words = [n for n, p in enumerate(pieces) if not (p[0].isspace() or p[0] in _TITLE_BREAKS)]
    last = words[-1] if final and words else -1
    for n, piece in enumerate(pieces):
        first = piece[0]
        if first.isspace() or first in _TITLE_BREAKS:
            if first in "!?:":
                state[0] = True
            out.append(piece)
            continue
        starts = state[0]
        state[0] = False
        before = pieces[n - 1] if n else ""
        if not (first.isalpha() and piece.islower()) or before in _QUOTE_MARKS:
            out.append(piece)
        elif starts:
            out.append(_capitalize(piece))
        elif len(piece) == 1:
            out.append(piece)  # a lone letter ("800 m", "n-person") stays as written
        elif (
            piece in _STOP_WORDS
            and n != last
            and not (pieces[n + 1 : n + 2] == ["-"] and pieces[n - 1 : n] != ["-"])
        ):
            out.append(piece)
        else:
            out.append(_capitalize(piece))
    return "".join(out)


def change_case(tokens: Sequence[Token], case: str) -> list[Token]:
    """Apply a CSL text-case to the text runs, leaving no-case spans alone.

    >>> change_case(["the uses of argument: a study"], "title")
    ['The Uses of Argument: A Study']
    >>> change_case(["edited by"], "capitalize-first")
    ['Edited by']
    >>> change_case(["smith ", ("+", "nd"), "v.", ("-", "nd"), " jones"], "capitalize-all")
    ['Smith ', ('+', 'nd'), 'v.', ('-', 'nd'), ' Jones']
    """
    out: list[Token] = []
    nocase = 0
    state = [True]
    first_done = False
    # No case change touches these spans of the data, as in citeproc-js: no-case and
    # no-decoration spans, small caps, superscripts and subscripts stay as written.
    kept = (NOCASE, NODECOR, "sc", "sup", "sub")
    final = max((n for n, t in enumerate(tokens) if isinstance(t, str) and t.strip()), default=-1)
    for n, tok in enumerate(tokens):
        if not isinstance(tok, str):
            if tok[1] in kept:
                nocase += 1 if tok[0] == "+" else -1
            out.append(tok)
            continue
        if nocase:
            out.append(tok)
            if tok.strip():
                first_done = True
                state[0] = tok.rstrip().endswith((":", "?", "!"))
            continue
        if case == "lowercase":
            out.append(tok.lower())
        elif case == "uppercase":
            out.append(tok.upper())
        elif case in ("capitalize-first", "sentence"):
            if case == "sentence":
                # Capitalised words after the first go lowercase; "NASA", "iPhone" stay.
                tok = _sentence_words(tok, keep_first=not first_done)
            if not first_done and tok.strip():
                stripped = tok.lstrip()
                pad = tok[: len(tok) - len(stripped)]
                out.append(pad + _capitalize(stripped))
                first_done = True
            else:
                out.append(tok)
        elif case == "capitalize-all":
            out.append(" ".join(_capitalize(w) for w in tok.split(" ")))
        elif case == "title":
            out.append(_title_case_run(tok, state, final=n == final))
        else:
            out.append(tok)
    return out


# ---------------------------------------------------------------- inline markup in data

_MARKUP = re.compile(
    r'<(/?)(i|b|sup|sub|sc|span)(?:\s+(?:class="(nocase|nodecor)"'
    r'|style="font-variant:\s*small-caps;?"))?>'
)
_MARK_OF = {"i": ITALIC, "b": BOLD, "sup": "sup", "sub": "sub"}


def parse_markup(text: str, *, quotes: bool = True) -> list[Token]:
    """Read the HTML-like rich text CSL-JSON allows in strings into tokens.

    The tags CSL allows are read: ``<i>``, ``<b>``, ``<sup>``, ``<sub>``,
    ``<span style="font-variant:small-caps;">``, ``<span class="nocase">`` and
    ``<span class="nodecor">``; any other text, other tags included, stays text.
    Quotation marks become quote marks unless ``quotes`` is false (names).

    >>> parse_markup('The <i>Titanic</i> and <span class="nocase">iPhone</span>')
    ['The ', ('+', 'i'), 'Titanic', ('-', 'i'), ' and ', ('+', 'nc'), 'iPhone', ('-', 'nc')]
    >>> parse_markup('<b>Doe</b>', quotes=False)
    [('+', 'b'), 'Doe', ('-', 'b')]

    A closing tag that closes nothing is text, and so is a tag CSL does not allow:

    >>> parse_markup("One</i> Two")
    ['One', '</i>', ' Two']
    >>> parse_markup('<a href="x">y</a>')
    ['<a href="x">y</a>']
    """
    if "<" not in text:
        return _parse_quotes([text]) if quotes and _QUOTE_CHARS.search(text) else [text]
    out: list[Token] = []
    stack: list[str] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        if m.start() > pos:
            out.append(text[pos : m.start()])
        pos = m.end()
        closing, tag, nocase = m.group(1), m.group(2), m.group(3)
        if closing:
            if stack:
                out.append(("-", stack.pop()))
            else:  # closes nothing: text, as written
                out.append(m.group(0))
            continue
        kind = _MARK_OF.get(tag) or {"nocase": NOCASE, "nodecor": NODECOR}.get(nocase, "sc")
        stack.append(kind)
        out.append(("+", kind))
    if pos < len(text):
        out.append(text[pos:])
    out.extend(("-", kind) for kind in reversed(stack))
    return _parse_quotes(out) if quotes and _QUOTE_CHARS.search(text) else out


_QUOTE_CHARS: Final = re.compile("[\"'“‘]")
# A quotation opens after a space, a bracket, a dash or another quotation's opening mark.
_OPENS_AFTER: Final = frozenset(" \t\n([{-–—/\u00a0")


def _parse_quotes(tokens: list[Token]) -> list[Token]:
    """Quoted passages of text as quote marks, other apostrophes as typographic ones.

    Straight and typographic quotation marks that pair up become ``("+", "q")`` and
    ``("-", "q")``, so that they print in the locale's marks and nested quotes alternate;
    an opening mark that is never closed stays as written.

    Typographic marks keep their kind: "‘" opens an inner quotation (``INNER_QUOTE``).
    Of straight marks, the kind that opens first is the outer one, as in citeproc-js:

    >>> _parse_quotes(["'a \\"b\\" c'"])
    [('+', 'q'), 'a ', ('+', 'qi'), 'b', ('-', 'qh'), ' c', ('-', 'q')]

    A quotation closed before more of the same text closes as held (``QUOTE_HELD``):

    >>> _parse_quotes(["He said “it’s ‘fine’” today"])
    ['He said ', ('+', 'q'), 'it’s ', ('+', 'qi'), 'fine', ('-', 'qh'), ('-', 'qh'), ' today']
    >>> _parse_quotes(["“‘Amazing’ and Bogus”"])
    [('+', 'q'), ('+', 'qi'), 'Amazing', ('-', 'qh'), ' and Bogus', ('-', 'q')]
    >>> _parse_quotes(["'\\"Nested\\"'"])
    [('+', 'q'), ('+', 'qi'), 'Nested', ('-', 'qh'), ('-', 'q')]
    """
    out: list[Token] = []
    stack: list[tuple[str, int]] = []  # (the mark as written, where it opened in out)
    previous = " "
    texts = [t for t in tokens if isinstance(t, str)]
    flat = "".join(texts)
    position = 0  # in flat, to look at the next character across markup
    outer = ""  # the straight mark that opened first
    opened = False  # the previous character opened a quotation
    for tok in tokens:
        if not isinstance(tok, str):
            out.append(tok)
            continue
        run: list[str] = []
        for n, char in enumerate(tok, 1):
            position += 1
            after = flat[position] if position < len(flat) else " "
            if char in "\"'“‘”’":
                opening = (previous in _OPENS_AFTER or opened) and not after.isspace()
                closing = not previous.isspace() and (not after.isalnum())
                wanted = {'"': '"“', "”": '"“', "'": "'‘", "’": "'‘"}.get(char, "")
                if closing and stack and stack[-1][0] in wanted:
                    if run:
                        out.append("".join(run))
                        run = []
                    stack.pop()
                    out.append(("-", QUOTE_HELD if n < len(tok) else QUOTE))
                elif opening and char in "\"'“‘":
                    if run:
                        out.append("".join(run))
                        run = []
                    stack.append((char, len(out)))
                    if char in "\"'":
                        outer = outer or char
                    inner = char == "‘" or (char in "\"'" and char != outer)
                    out.append(("+", INNER_QUOTE if inner else QUOTE))
                    opened = True
                    previous = char
                    continue
                else:
                    run.append("’" if char == "'" else char)
            else:
                run.append(char)
            previous = char
            opened = False
        if run:
            out.append("".join(run))
    for written, index in stack:  # never closed: the mark as written
        out[index] = "’" if written == "'" else written
    return out


# ---------------------------------------------------------------- serialisation

#: The HTML of each mark: its opening and closing tags. Styling is by class only (see
#: :data:`HTML_CSS`), never by a ``style`` attribute, which a page's strict
#: Content-Security-Policy refuses.
_HTML_TAGS: Final = {
    "i": ("<em>", "</em>"),
    "b": ("<strong>", "</strong>"),
    "sc": ('<span class="csl-small-caps">', "</span>"),
    "sup": ("<sup>", "</sup>"),
    "sub": ("<sub>", "</sub>"),
    "baseline": ('<span class="csl-baseline">', "</span>"),
    "u": ('<span class="csl-underline">', "</span>"),
    LEFT_MARGIN: ('<div class="csl-left-margin">', " </div>"),
    RIGHT_INLINE: ('<div class="csl-right-inline">', "</div>"),
    "block": ('<div class="csl-block">', "</div>"),
    "indent": ('<div class="csl-indent">', "</div>"),
}
#: Italics, bold and small caps inside the same formatting turn it off (CSL's flip-flop).
_HTML_OFF: Final = {
    "i": '<span class="csl-no-italic">',
    "b": '<span class="csl-no-bold">',
    "sc": '<span class="csl-no-small-caps">',
}
_FLIPPING: Final = tuple(_HTML_OFF)

#: The style sheet of the classes :func:`to_html` writes; a page showing its HTML
#: includes it (as a ``<style>`` its Content-Security-Policy allows by hash).
HTML_CSS: Final = """\
.csl-small-caps { font-variant: small-caps; }
.csl-no-small-caps { font-variant: normal; }
.csl-no-italic { font-style: normal; }
.csl-no-bold { font-weight: normal; }
.csl-nodecor { font-style: normal; font-variant: normal; font-weight: normal; }
.csl-baseline { vertical-align: baseline; }
.csl-underline { text-decoration: underline; }
.csl-block { display: block; }
.csl-indent { display: block; margin-left: 2em; }
.csl-left-margin { float: left; min-width: 2.5em; padding-right: 0.5em; }
.csl-right-inline { margin-left: 3em; }
"""

#: A DOI as data writes it, bare or as a resolver or ``doi:`` address.
_DOI: Final = re.compile(r"(?i)^\s*(?:(?:https?://)?(?:dx\.)?doi\.org/|doi:\s*)?(10\.\S+?)\s*$")
_WEB: Final = re.compile(r"(?i)^https?://[^\s/?#]")
_URL_UNSAFE = re.compile(r"[\s<>\"`]")


def link_target(target: str) -> str | None:
    """The address a link may point to: http, https and DOIs only; None for any other.

    A ``javascript:``, ``data:``, ``vbscript:`` or other scheme (written in any case,
    or with the spaces and control characters browsers ignore inside it) gets no link.
    Spaces and quotes in an address are percent-encoded.

    >>> link_target("https://example.org/a b")
    'https://example.org/a%20b'
    >>> link_target("10.1000/xyz"), link_target("doi:10.1000/xyz")
    ('https://doi.org/10.1000/xyz', 'https://doi.org/10.1000/xyz')
    >>> [link_target(t) for t in ("JaVaScRiPt:alert(1)", "java\tscript:x", "data:text/html,x")]
    [None, None, None]
    >>> link_target(" vbscript:msgbox") is None, link_target("//example.org") is None
    (True, True)
    """
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in target.strip()):
        return None
    doi = _DOI.match(target)
    if doi is not None:
        return "https://doi.org/" + _URL_UNSAFE.sub(_percent, doi.group(1))
    address = target.strip()
    if not _WEB.match(address):
        return None
    return _URL_UNSAFE.sub(_percent, address)


def _percent(m: re.Match[str]) -> str:
    return "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8"))


def to_text(tokens: Sequence[Token]) -> str:
    """Plain text: markup dropped, a space after a left-margin label such as "[1]"."""
    parts: list[str] = []
    for tok in tokens:
        if isinstance(tok, str):
            parts.append(tok)
        elif tok == ("-", LEFT_MARGIN):
            parts.append(" ")
    return _squeeze("".join(parts))


def to_html(tokens: Sequence[Token]) -> str:
    """HTML: every text run escaped, formatting by class, web addresses and DOIs as links.

    Italics, bold and small caps inside the same formatting turn it off, as CSL's
    flip-flop asks; upright text (``font-style="normal"``) and no-decoration spans turn
    off what is on around them. Classes are styled by :data:`HTML_CSS`.

    >>> to_html([("+", "i"), "A <b> & C", ("-", "i")])
    '<em>A &lt;b&gt; &amp; C</em>'
    >>> to_html([("+", "b"), "On ", ("+", "b"), "Bold", ("-", "b"), ("-", "b")])
    '<strong>On <span class="csl-no-bold">Bold</span></strong>'
    >>> to_html([("+", "sc"), "a ", ("+", "nd"), "b", ("-", "nd"), ("-", "sc")])
    '<span class="csl-small-caps">a <span class="csl-nodecor">b</span></span>'
    >>> to_html([("+", "a:javascript:alert(1)"), "click", ("-", "a:javascript:alert(1)")])
    'click'
    """
    parts: list[str] = []
    on = dict.fromkeys(_FLIPPING, False)
    # What each open mark closes with, and the formatting it found on.
    stack: list[tuple[str, dict[str, bool]]] = []
    for tok in tokens:
        if isinstance(tok, str):
            parts.append(html.escape(tok, quote=False))
            continue
        sign, kind = tok
        if sign == "-":
            if stack:
                closing, on = stack.pop()
                parts.append(closing)
            continue
        before = dict(on)
        opening, closing = "", ""
        if kind.startswith("a:"):
            target = link_target(kind[2:])
            if target is not None:
                opening, closing = f'<a href="{html.escape(target, quote=True)}">', "</a>"
        elif kind in _FLIPPING:
            opening, closing = (
                _HTML_OFF[kind] if on[kind] else _HTML_TAGS[kind][0],
                ("</span>" if on[kind] else _HTML_TAGS[kind][1]),
            )
            on[kind] = not on[kind]
        elif kind == UPRIGHT:
            if on["i"]:
                opening, closing = _HTML_OFF["i"], "</span>"
                on["i"] = False
        elif kind == NODECOR:
            if any(on.values()):
                opening, closing = '<span class="csl-nodecor">', "</span>"
                on = dict.fromkeys(_FLIPPING, False)
        else:
            opening, closing = _HTML_TAGS.get(kind, ("", ""))
        parts.append(opening)
        stack.append((closing, before))
    parts.extend(closing for closing, _ in reversed(stack))
    return _squeeze("".join(parts))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~^$])")


def escape_markdown(text: str) -> str:
    r"""Escape the characters Markdown would read as markup.

    >>> escape_markdown("a_b *c* [1]")
    'a\\_b \\*c\\* \\[1\\]'
    """
    return _MD_SPECIAL.sub(r"\\\1", text)


_MD_MARK: Final = {"i": "*", "b": "**", "sup": "^", "sub": "~"}


def to_markdown(tokens: Sequence[Token]) -> str:
    """Pandoc-flavoured Markdown: emphasis, escaped text, links as autolinks."""
    parts: list[str] = []
    link: str | None = None
    link_text: list[str] = []
    for tok in _hug(flip_flop(tokens)):
        if isinstance(tok, str):
            if link is not None:
                link_text.append(tok)
            else:
                parts.append(escape_markdown(tok))
            continue
        sign, kind = tok
        if kind.startswith("a:"):
            if sign == "+":
                link, link_text = kind[2:], []
            else:
                shown = "".join(link_text)
                target = link_target(link or shown)
                if target is None:  # no link but to the web or a DOI: text
                    parts.append(escape_markdown(shown))
                elif shown == (link or shown) and "(" not in target:
                    parts.append(f"<{target}>")
                else:
                    target = target.replace("(", "%28").replace(")", "%29")
                    parts.append(f"[{escape_markdown(shown)}]({target})")
                link = None
        elif kind == "sc":
            parts.append("[" if sign == "+" else "]{.smallcaps}")
        elif kind == LEFT_MARGIN and sign == "-":
            parts.append(" ")
        else:
            parts.append(_MD_MARK.get(kind, ""))
    text = _squeeze("".join(parts))
    # A paragraph opening like a list item ("1986. ...", "- ...") must not become one.
    return re.sub(
        r"^(\d+)([.)])|^([-+])(?= )",
        lambda m: (m.group(1) or "") + "\\" + (m.group(2) or m.group(3)),
        text,
    )


def _hug(tokens: list[Token]) -> list[Token]:
    """Spaces moved outside emphasis marks: Markdown ignores "*On *" as emphasis.

    >>> _hug([("+", "i"), " On ", ("-", "i"), "x"])
    [' ', ('+', 'i'), 'On', ('-', 'i'), ' ', 'x']
    """
    closed: list[Token] = []
    for tok in tokens:
        last = closed[-1] if closed else None
        if tok in _MD_CLOSES and isinstance(last, str) and last[-1:].isspace():
            closed[-1] = last.rstrip()
            closed.extend([tok, " "])
        else:
            closed.append(tok)
    opened: list[Token] = []  # built right to left
    for tok in reversed(closed):
        after = opened[-1] if opened else None
        if tok in _MD_OPENS and isinstance(after, str) and after[:1].isspace():
            opened[-1] = after.lstrip()
            opened.extend([tok, " "])
        else:
            opened.append(tok)
    return [t for t in reversed(opened) if t != ""]


_MD_OPENS: Final = frozenset(("+", kind) for kind in ("i", "b", "sup", "sub"))
_MD_CLOSES: Final = frozenset(("-", kind) for kind in ("i", "b", "sup", "sub"))


def flip_flop(tokens: Iterable[Token]) -> list[Token]:
    """Italics inside italics print upright, as CSL's flip-flop formatting asks.

    >>> flip_flop([("+", "i"), "On ", ("+", "i"), "Homo", ("-", "i"), " sapiens", ("-", "i")])
    [('+', 'i'), 'On ', ('-', 'i'), 'Homo', ('+', 'i'), ' sapiens', ('-', 'i')]

    Upright (``font-style="normal"``) text ends italics, and is no mark outside them:

    >>> flip_flop([("+", "i"), "A ", ("+", UPRIGHT), "B", ("-", UPRIGHT), ("-", "i")])
    [('+', 'i'), 'A ', ('-', 'i'), 'B']
    >>> flip_flop([("+", UPRIGHT), "B", ("-", UPRIGHT)])
    ['B']
    """
    out: list[Token] = []
    depth = 0
    upright: list[int] = []  # the italic depth each open upright span interrupted
    for tok in tokens:
        if not isinstance(tok, str) and tok[1] == UPRIGHT:
            # Upright text ends the italics around it; outside italics it is no mark.
            if tok[0] == "+":
                upright.append(depth)
                if depth % 2:
                    depth += 1
                    tok = ("-", ITALIC)
                else:
                    continue
            else:
                before = upright.pop() if upright else 0
                if before % 2 == 0:
                    continue
                depth -= 1
                tok = ("+", ITALIC)
            last = out[-1] if out else None
            if isinstance(last, tuple) and last[1] == ITALIC and last[0] != tok[0]:
                out.pop()
            else:
                out.append(tok)
            continue
        if isinstance(tok, str) or tok[1] != ITALIC:
            out.append(tok)
            continue
        if tok[0] == "+":
            depth += 1
            mark: Token = ("+" if depth % 2 else "-", ITALIC)
        else:
            mark = ("-" if depth % 2 else "+", ITALIC)
            depth -= 1
        last = out[-1] if out else None
        if isinstance(last, tuple) and last[1] == ITALIC and last[0] != mark[0]:
            out.pop()  # an empty or continued run of italics needs no marks
        else:
            out.append(mark)
    return out


def _squeeze(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text).strip()
