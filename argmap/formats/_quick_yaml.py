"""A fast reader for the YAML that map files are written in, and nothing else.

Map files use a small, regular part of YAML: block mappings with plain keys, block
sequences (indented or not), plain, quoted and ``|``/``>`` block scalars, one-line flow
collections, comments. :func:`scan_plain` turns such a text straight into plain data with
one regular expression over the whole text and one loop over its lines, two to three
times faster than building the data from libyaml's events. It refuses (:class:`NotPlainError`)
every text outside that subset and every one it is not certain about, so that for each text
it accepts the data is exactly what the full reading (``argmap.formats._tree.load``)
gives, and that reading reports no issue.

>>> scan_plain("a: 1\\nb:\\n- x  # a comment\\n- 'y'\\nc: {k: [0x1F, ~]}\\n")
{'a': 1, 'b': ['x', 'y'], 'c': {'k': [31, None]}}
>>> scan_plain("a: &x 1\\n")
Traceback (most recent call last):
...
argmap.formats._core_schema.NotPlainError: not in the subset the fast reading knows: 'a: &x 1'
"""

from __future__ import annotations

import re
from typing import Any

from argmap.formats._core_schema import (
    _MAYBE_RESOLVED,
    _RESOLVED_FIRST,
    NotPlainError,
    _CoreResolver,
    _scalar,
)

#: A plain key: a name the core schema reads as a string (but for ``true``, ``null`` and
#: their capitalised forms), short enough to be a simple key.
_KEY = r"[A-Za-z_][A-Za-z0-9_-]{0,127}"

#: A plain scalar on a line of the subset: words none of which is ``:`` or ends with ``:``
#: (possessive, so a line that fails is not tried word split by word split).
_PLAIN = r"[^ #\n](?:[^ :#\n]++| ++(?=[^ #\n])|:(?=[^ \n])|#)*+"

#: One line of the subset, as groups: indentation; a ``- `` entry, and any further ones
#: opened on the same line; a plain key and its colon; the rest of the line. Every line
#: matches, so that none is skipped unseen.
_LINE = re.compile(
    rf"^( *)(-(?: +|$))?((?:-(?: +|$))*)(?:({_KEY}) *:(?: +|$))?(.*)$",
    re.M,
)

#: The rest of a line when it is not a plain scalar alone: a single-quoted scalar (closed
#: on this line or not), a double-quoted one alike, a one-line flow collection, or a plain
#: scalar (words none of which is ``:`` or ends with ``:``, none after the first starting
#: with ``#``), then a comment.
_VALUE = re.compile(
    r"(?:('(?:[^']|'')*'?)(?![^ ])"
    r'|("(?:[^"\\]|\\.)*\\?"?)(?![^ ])'
    r"|([\[{].*[\]}])(?![^ ])"
    rf"|({_PLAIN}))?"
    r" *(?:(?<![^ ])(#.*))?"
)

#: A quoted value of a line: its text, and the closing quote if it ends on this line.
_SINGLE = re.compile(r"'((?:[^']|'')*)(')?")
_DOUBLE = re.compile(r'"((?:[^"\\]|\\.)*\\?)(")?')

#: The rest of a line inside a quoted scalar begun on an earlier line: its text, then the
#: closing quote (followed by nothing but a comment) if the scalar ends on this line.
_SINGLE_TAIL = re.compile(r"((?:[^']|'')*)(?:(') *(?:(?<= )#.*)?)?$")
_DOUBLE_TAIL = re.compile(r'((?:[^"\\]|\\.)*\\?)(?:(") *(?:(?<= )#.*)?)?$')

#: A plain scalar in flow context: its words, in which a ``:`` may stand only where what
#: follows could go on the scalar (libyaml 0.2.1 and later read ``a:b`` there as one
#: scalar); runs of other characters are taken whole, for speed.
_FLOW_RUN = r"[^ ,\[\]{}:]*+(?::(?=[^ ,\[\]{}])[^ ,\[\]{}:]*+)*+"
_FLOW_PLAIN = (
    rf"(?:[^ ,\[\]{{}}:#&*!|>'\"%@`?\-]|-(?=[^ ,\[\]{{}}:])){_FLOW_RUN}"
    rf"(?: +[^ ,\[\]{{}}:#]{_FLOW_RUN})*+"
)
#: The tokens of a one-line flow collection: punctuation, quoted scalars, a plain key with
#: its colon, a plain scalar, or anything else (refused).
_FLOW_TOKEN = re.compile(
    r" *(?:([\[\]{},])"
    r"|('(?:[^']|'')*')"
    r'|("(?:[^"\\]|\\.)*")'
    rf"|({_KEY}) *:(?= )"
    rf"|({_FLOW_PLAIN})"
    r"|(.))"
)

#: The common flow collections, read without tokens: a mapping of plain keys to plain
#: scalars, a sequence of plain scalars. Each entry is found with the ``{``, ``[`` or ``,``
#: before it and the ``,`` or closing bracket after it; when the entries found are as many
#: as those characters, they are all the text holds.
#: The flow mapping argmap writes for a relation or a citation: plain keys, and values of
#: words of safe characters (no ``:``, ``,``, brackets, quotes or indicators; no word after
#: the first starting with ``#``), separated exactly by ``, `` and ``: ``, so that splitting
#: on those gives its entries.
_WORDS = r"[A-Za-z0-9_.][A-Za-z0-9_.#@/-]*+(?: [A-Za-z0-9_.@/-][A-Za-z0-9_.#@/-]*+)*+"
_WRITTEN_PAIRS = re.compile(rf"\{{{_KEY}: {_WORDS}(?:, {_KEY}: {_WORDS})*+\}}").fullmatch
_FLAT_PAIR = re.compile(rf"[{{,] *({_KEY}) *: +({_FLOW_PLAIN}) *(?=,|\}}\Z)")
_FLAT_ITEM = re.compile(rf"[\[,] *({_FLOW_PLAIN}) *(?=,|\]\Z)")

_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.?))")
_ESCAPED = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}

#: First characters of a plain scalar that YAML reads as something else (``-`` only when a
#: space or nothing follows it).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_BLOCK_HEADERS = {"|": (True, "\n"), "|-": (True, ""), ">": (False, "\n"), ">-": (False, "")}

_IMPLICIT = _CoreResolver.yaml_implicit_resolvers


def _resolve(value: str) -> Any:
    """A plain scalar's value as the core schema reads it (the resolver's own table)."""
    for tag, pattern in _IMPLICIT.get(value[0], ()):
        if pattern.match(value):
            return _scalar(tag, value)
    return value


#: The keys of the subset's key pattern that the core schema does not read as strings.
_RESOLVED_KEYS = frozenset(
    word
    for word in ("true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL")
    if not isinstance(_resolve(word), str)
)

_NONE = 1 << 62  # no plain scalar open: no line is indented more than this


def _refuse(line: str) -> NotPlainError:
    return NotPlainError(f"not in the subset the fast reading knows: {line!r}")


def scan_plain(text: str) -> Any:
    """The plain data of a map-style YAML text, or NotPlainError for any other text.

    Whatever it accepts reads exactly as the full reading reads it, with no issue.

    Raises:
        NotPlainError: the text is outside the subset, or the scanner is not sure of it.

    >>> scan_plain("text: a long text\\n  folded on two lines\\nn: 017\\n")
    {'text': 'a long text folded on two lines', 'n': 17}
    >>> scan_plain("- id: a\\n  tags: [x, y]\\n-  id: b\\n")
    [{'id': 'a', 'tags': ['x', 'y']}, {'id': 'b'}]
    """
    # Python's printable characters are all printable in YAML, and none is a line break
    # there (tabs, ``\r``, NEL, U+2028/2029, the BOM, surrogates and controls are not).
    if not text.replace("\n", " ").isprintable():
        raise NotPlainError("a character the fast reading does not read")
    indicators, maybe_resolved, resolved_first = _INDICATORS, _MAYBE_RESOLVED, _RESOLVED_FIRST
    resolved_keys, value_of = _RESOLVED_KEYS, _VALUE.fullmatch
    holder: list[Any] = [None]
    stack: list[tuple[Any, int, int]] = []
    # The open collection (kind 0: mapping, 1: sequence, 2: sequence at its key's column).
    cur: Any = holder
    col = -1
    kind = 1
    # A key or entry whose value starts on a later line: (its collection, key or index,
    # the collection's column, whether it is a mapping's key).
    pend: tuple[Any, Any, int, bool] | None = (holder, 0, -1, False)
    # A plain scalar that more indented lines continue: lines deeper than ``cont``.
    cont = _NONE
    cont_box: Any = None
    cont_slot: Any = None
    cont_text = ""
    blanks = 0
    # A quoted (1: single, 2: double) or block (3) scalar running over several lines.
    mode = 0
    box: Any = None
    slot: Any = None
    thr = 0
    parts: list[tuple[int, str]] = []
    literal = True
    chomp = ""
    block_indent = 0
    # The flow collections of plain scalars read so far, by their text.
    flat: dict[str, Any] = {}
    for (indent, dash, dashes, key, rest), raw in zip(
        _LINE.findall(text), text.split("\n"), strict=True
    ):
        if key and not (dash or mode or pend) and len(indent) == col and not kind:
            # The common line: the next key of the open mapping, often with a plain value.
            if key in cur or key in resolved_keys:
                raise _refuse(raw)
            if (
                rest
                and rest[0] not in indicators
                and ": " not in rest
                and " #" not in rest
                and rest[-1] not in ": "
            ):
                cur[key] = (
                    _resolve(rest) if rest[0] in resolved_first and maybe_resolved(rest) else rest
                )
                cont, cont_box, cont_slot, cont_text = col, cur, key, rest
                blanks = 0
                continue
            cur[key] = None
            box, slot, thr = cur, key, col
            cont = _NONE
            blanks = 0
        else:
            if mode:
                c = len(indent)
                if mode == 3:
                    if len(raw) == c:  # an empty or all-blank line
                        if not block_indent and c:
                            raise _refuse(raw)
                        if c <= block_indent:
                            blanks += 1
                            continue
                    if not block_indent:
                        if c <= thr:
                            raise _refuse(raw)
                        block_indent = c
                    if c >= block_indent:
                        if not literal and c > block_indent:
                            raise _refuse(raw)
                        parts.append((blanks, raw[block_indent:]))
                        blanks = 0
                        continue
                    box[slot] = _block(parts, literal=literal, chomp=chomp)
                    mode = 0
                    blanks = 0
                else:
                    body = raw[c:]
                    if not body:
                        blanks += 1
                        continue
                    if c <= thr or not c:
                        raise _refuse(raw)
                    tail = (_SINGLE_TAIL if mode == 1 else _DOUBLE_TAIL).match(body)
                    if tail is None:
                        raise _refuse(raw)
                    parts.append((blanks, tail.group(1)))
                    blanks = 0
                    if tail.group(2) is not None:
                        box[slot] = _fold_quoted(parts, double=mode == 2, raw=raw)
                        mode = 0
                    continue
            if not (key or dash):
                if not rest:
                    blanks += 1
                    continue
                if rest[0] == "#":
                    cont = _NONE
                    continue
            c = len(indent)
            if c > cont:
                # A line of a plain scalar begun above: it may end in a comment.
                if dash or key or not c:
                    raise _refuse(raw)
                ended = False
                if rest[0] in indicators or ": " in rest or " #" in rest or rest[-1] in ": ":
                    found = value_of(rest)
                    if found is None or not found.group(4) or found.group(4)[0] in indicators:
                        raise _refuse(raw)
                    rest, ended = found.group(4), found.group(5) is not None
                cont_text += "\n" * blanks if blanks else " "
                cont_text += rest
                blanks = 0
                cont_box[cont_slot] = (
                    _resolve(cont_text)
                    if cont_text[0] in resolved_first and maybe_resolved(cont_text)
                    else cont_text
                )
                if ended:
                    cont = _NONE
                continue
            cont = _NONE
            blanks = 0
            box = None
            if pend is not None:
                pbox, pslot, pthr, keyed = pend
                pend = None
                if c > pthr or (c == pthr and dash and keyed):
                    if dash or key:
                        new: Any = [] if dash else {}
                        pbox[pslot] = new
                        stack.append((cur, col, kind))
                        kind = (2 if c == pthr else 1) if dash else 0
                        cur, col = new, c
                    elif not c and (rest[:3] in ("---", "...") or rest[0] == "%"):
                        raise _refuse(raw)  # a document marker or directive
                    else:
                        box, slot, thr = pbox, pslot, pthr
            if box is None:
                while c < col:
                    cur, col, kind = stack.pop()
                if c != col:
                    raise _refuse(raw)
                if dash:
                    if not kind:
                        raise _refuse(raw)
                    cur.append(None)
                    box, slot, thr = cur, len(cur) - 1, col
                    at = c + len(dash)
                    if dashes:  # entries that are sequences, opened on the same line
                        for entry in dashes.split("-")[1:]:
                            new = [None]
                            cur[slot] = new
                            stack.append((cur, col, kind))
                            cur, col, kind = new, at, 1
                            box, slot, thr = new, 0, at
                            at += 1 + len(entry)
                    if key:
                        if key in resolved_keys:
                            raise _refuse(raw)
                        new = {key: None}
                        cur[slot] = new
                        stack.append((cur, col, kind))
                        cur, col, kind = new, at, 0
                        box, slot, thr = new, key, at
                elif key:
                    if kind:
                        if kind == 1:
                            raise _refuse(raw)
                        cur, col, kind = stack.pop()
                    if key in cur or key in resolved_keys:
                        raise _refuse(raw)
                    cur[key] = None
                    box, slot, thr = cur, key, col
                else:
                    raise _refuse(raw)
        # The value of the key or entry at ``box[slot]``, in a collection at column ``thr``.
        if not rest:
            pend = (box, slot, thr, kind == 0)
            continue
        lead = rest[0]
        if " #" not in rest:
            if (
                (lead not in indicators or (lead == "-" and rest[1:2] > " "))
                and ": " not in rest
                and rest[-1] not in ": "
            ):
                box[slot] = (
                    _resolve(rest) if lead in resolved_first and maybe_resolved(rest) else rest
                )
                cont, cont_box, cont_slot, cont_text = thr, box, slot, rest
                continue
            if (lead == "{" or lead == "[") and rest[-1] in "]}":
                known = flat.get(rest)  # the same citation, say, written again
                box[slot] = known.copy() if known is not None else _flow(rest, raw, flat)
                continue
        found = value_of(rest)
        if found is None:
            raise _refuse(raw)
        single, double, flow, plain, comment = found.groups()
        if plain:
            lead = plain[0]
            if lead not in indicators or (lead == "-" and plain[1:2] > " "):
                box[slot] = (
                    _resolve(plain) if lead in resolved_first and maybe_resolved(plain) else plain
                )
                if comment is None:
                    cont, cont_box, cont_slot, cont_text = thr, box, slot, plain
                continue
            header = _BLOCK_HEADERS.get(plain)
            if header is None or thr < 0:  # a block scalar as the whole text
                raise _refuse(raw)
            literal, chomp = header
            mode, parts, block_indent = 3, [], 0
        elif single:
            quoted = _SINGLE.fullmatch(single)
            if quoted is None:
                raise _refuse(raw)
            if quoted.group(2):
                box[slot] = quoted.group(1).replace("''", "'")
            elif comment is None:
                mode, parts = 1, [(0, quoted.group(1))]
            else:
                raise _refuse(raw)
        elif double:
            quoted = _DOUBLE.fullmatch(double)
            if quoted is None:
                raise _refuse(raw)
            if quoted.group(2):
                box[slot] = _unescape(quoted.group(1), raw)
            elif comment is None:
                mode, parts = 2, [(0, quoted.group(1))]
            else:
                raise _refuse(raw)
        elif flow:
            box[slot] = _flow(flow, raw, flat)
        else:  # only a comment: the value starts on a later line
            pend = (box, slot, thr, kind == 0)
    if mode == 3:
        if not parts or (text[-1:] != "\n" and not blanks):
            raise NotPlainError("a block scalar at the end of a text without a final break")
        box[slot] = _block(parts, literal=literal, chomp=chomp)
    elif mode:
        raise NotPlainError("a quoted scalar not closed")
    root = holder[0]
    if root is None:
        raise NotPlainError("an empty document")
    return root


def _block(parts: list[tuple[int, str]], *, literal: bool, chomp: str) -> str:
    """A ``|`` or ``>`` scalar from its lines (each with the empty lines before it)."""
    breaks, text = parts[0]
    text = "\n" * breaks + text
    for breaks, line in parts[1:]:
        if literal:
            text += "\n" * (breaks + 1)
        else:
            text += "\n" * breaks if breaks else " "
        text += line
    return text + chomp


def _fold_quoted(parts: list[tuple[int, str]], *, double: bool, raw: str) -> str:
    """A quoted scalar from its lines: inner breaks fold to a space, empty lines to breaks."""
    out: list[str] = []
    last = len(parts) - 1
    escaped = False
    for i, (breaks, piece) in enumerate(parts):
        if i:
            piece = piece.lstrip(" ")
            out.append("\n" * breaks if breaks or escaped else " ")
        escaped = False
        if i < last:
            if double and _ends_in_backslash(piece):
                piece, escaped = piece[:-1], True  # an escaped line break: nothing
            else:
                piece = piece.rstrip(" ")
                if double and _ends_in_backslash(piece):
                    raise _refuse(raw)  # an escaped space before blanks
        out.append(_unescape(piece, raw) if double else piece.replace("''", "'"))
    return "".join(out)


def _ends_in_backslash(piece: str) -> bool:
    """Whether a double-quoted piece ends in a backslash that escapes what follows."""
    return (len(piece) - len(piece.rstrip("\\"))) % 2 == 1


def _unescape(text: str, raw: str) -> str:
    r"""A double-quoted scalar's text with its escapes replaced, as libyaml replaces them.

    >>> _unescape(r"a\tb \x41\u00e9\"", 1)
    'a\tb Aé"'
    """
    if "\\" not in text:
        return text

    def replace(found: re.Match[str]) -> str:
        code = found.group(1) or found.group(2) or found.group(3)
        if code:
            value = int(code, 16)
            if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
                raise _refuse(raw)
            return chr(value)
        escaped = _ESCAPED.get(found.group(4))
        if escaped is None:
            raise _refuse(raw)
        return escaped

    return _ESCAPE.sub(replace, text)


def _flow(text: str, raw: str, flat: dict[str, Any]) -> Any:
    """A one-line flow collection's data; one of plain scalars only is kept in ``flat``."""
    if text[0] == "{":
        if _WRITTEN_PAIRS(text):
            mapping = {}
            for pair in text[1:-1].split(", "):
                key, _, value = pair.partition(": ")
                if key in mapping or key in _RESOLVED_KEYS:
                    raise _refuse(raw)
                mapping[key] = (
                    _resolve(value)
                    if value[0] in _RESOLVED_FIRST and _MAYBE_RESOLVED(value)
                    else value
                )
            flat[text] = mapping
            return mapping
        pairs = _FLAT_PAIR.findall(text)
        if pairs and len(pairs) == text.count(",") + text.count("{") and text[-1] == "}":
            mapping = dict(pairs)
            if len(mapping) != len(pairs) or not _RESOLVED_KEYS.isdisjoint(mapping):
                raise _refuse(raw)
            for key, value in pairs:
                if value[0] in _RESOLVED_FIRST and _MAYBE_RESOLVED(value):
                    mapping[key] = _resolve(value)
            flat[text] = mapping
            return mapping
    else:
        items = _FLAT_ITEM.findall(text)
        if items and len(items) == text.count(",") + text.count("[") and text[-1] == "]":
            flat[text] = items = [
                _resolve(item) if item[0] in _RESOLVED_FIRST and _MAYBE_RESOLVED(item) else item
                for item in items
            ]
            return items
    tokens = _FLOW_TOKEN.findall(text)
    try:
        value, end = _flow_value(tokens, 0, raw)
    except IndexError:  # the text ends inside a collection
        raise _refuse(raw) from None
    if end != len(tokens):
        raise _refuse(raw)
    return value


def _flow_value(tokens: list[tuple[str, ...]], i: int, raw: str) -> tuple[Any, int]:
    """The value that starts at token ``i``, and the index of the token after it."""
    punct, single, double, _, plain, _ = tokens[i]
    if plain:
        if plain[0] in _RESOLVED_FIRST and _MAYBE_RESOLVED(plain):
            return _resolve(plain), i + 1
        return plain, i + 1
    if single:
        return single[1:-1].replace("''", "'"), i + 1
    if double:
        return _unescape(double[1:-1], raw), i + 1
    if punct == "[":
        items: list[Any] = []
        i += 1
        if tokens[i][0] == "]":
            return items, i + 1
        while True:
            item, i = _flow_value(tokens, i, raw)
            items.append(item)
            punct = tokens[i][0]
            i += 1
            if punct == "]":
                return items, i
            if punct != ",":
                raise _refuse(raw)
    if punct == "{":
        mapping: dict[str, Any] = {}
        i += 1
        if tokens[i][0] == "}":
            return mapping, i + 1
        while True:
            key = tokens[i][3]
            if not key or key in mapping or key in _RESOLVED_KEYS:
                raise _refuse(raw)
            mapping[key], i = _flow_value(tokens, i + 1, raw)
            punct = tokens[i][0]
            i += 1
            if punct == "}":
                return mapping, i
            if punct != ",":
                raise _refuse(raw)
    raise _refuse(raw)
