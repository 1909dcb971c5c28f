"""YAML and JSON text into plain data, with the position of every value when one is asked for.

One reader a syntax. YAML is read from libyaml's events (PyYAML's C parser); JSON by the
``json`` module. A clean text (well-formed, plain data only) is read the fast way, with no
position recorded (:func:`load_plain`); a :class:`LazyLocator` kept beside the result reads
the text again, recording positions, only if a message later needs a line and column. A
text that is not clean is read with positions at once (:func:`load`), which says what is
wrong and where. Only plain data is allowed: tags other than the core schema's are refused,
never constructed; aliases are refused (they can blow up exponentially); duplicate keys are
errors; nesting is bounded.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from argmap.errors import Issue, Location, Path
from argmap.model._text import MAX_NESTING

__all__ = [
    "MAX_DEPTH",
    "JsonLocator",
    "LazyLocator",
    "MapSyntaxError",
    "NotPlainError",
    "TextLocator",
    "load",
    "load_json",
    "load_plain",
]

#: The ``json`` module's scanner and decoding steps, which typeshed does not describe.
_JSON_SCANNER: Any = json.scanner
_JSON_DECODER: Any = json.decoder

#: How deeply lists and mappings may nest in a map file (a map needs fewer than ten levels).
MAX_DEPTH = MAX_NESTING

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _CoreResolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema: ``no``, ``on`` and dates stay strings."""


for _tag, _pattern, _first in (
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (_NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (_INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        _FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
):
    _CoreResolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))

#: The first characters of plain scalars the core schema may read as other than strings.
_RESOLVED_FIRST = frozenset(_CoreResolver.yaml_implicit_resolvers)
#: Whether a plain scalar may be read as other than a string: the resolver's own patterns
#: in one expression, so that the common string is told by one match, not by the resolver.
_MAYBE_RESOLVED = re.compile(
    "|".join(
        dict.fromkeys(
            f"(?:{pattern.pattern})"
            for resolvers in _CoreResolver.yaml_implicit_resolvers.values()
            for _, pattern in resolvers
        )
    )
).match

_CParser: Any = None
if yaml.__with_libyaml__:
    import yaml.cyaml

    _CParser = yaml.cyaml.CParser  # type: ignore[attr-defined]

if _CParser is not None:

    class _Parser(_CParser, _CoreResolver):  # type: ignore[misc]  # libyaml: a C type
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _CoreResolver.__init__(self)

else:  # pragma: no cover - PyYAML without libyaml

    class _Parser(  # type: ignore[no-redef]
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _CoreResolver
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            _CoreResolver.__init__(self)


class MapSyntaxError(Exception):
    """The text is not well-formed YAML or JSON; carries a located issue."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(str(issue))
        self.issue = issue


class NotPlainError(Exception):
    """The text holds something only :func:`load` can report (read it that way)."""


class TextLocator:
    """Where each value of a parsed document was written, by its path in the data.

    A compact table built while the text is turned into data: one packed position per
    value (and per mapping key), no parser objects, so it is cheap to keep beside a map.

    >>> data, issues, locator = load("a: 1\\nb:\\n  - x\\n", "m.yaml", syntax="yaml")
    >>> str(locator.locate(("b", 0))), str(locator.locate(("b", 0, "missing")))
    ('m.yaml:3:5', 'm.yaml:3:5')
    >>> str(locator.locate(("b",), key=True))
    'm.yaml:2:1'
    """

    __slots__ = ("filename", "keys", "values")

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.values: dict[Path, int] = {}
        self.keys: dict[Path, int] = {}

    def locate(self, path: Path, *, key: bool = False) -> Location:
        """The location of the value at ``path``, or of its nearest written ancestor.

        With ``key=True`` the location of the mapping key, not its value, is given.
        """
        if key and path in self.keys:
            return self._at(self.keys[path])
        for end in range(len(path), -1, -1):
            packed = self.values.get(path[:end])
            if packed is not None:
                return self._at(packed)
        return Location(self.filename, 1, 1)

    def _at(self, packed: int) -> Location:
        return Location(self.filename, (packed >> 32) + 1, (packed & 0xFFFFFFFF) + 1)


class JsonLocator:
    """Finds where a value (or key) of a JSON text is written, for messages.

    Each container on the way to the value is scanned once by the ``json`` module's C
    scanner, which skips values without looking at them in Python: a warning in a
    10,000-node file is located in milliseconds. Of a key written twice, the first counts.

    >>> locator = JsonLocator('{"a": 1,\\n "b": [true, {"c": null}]}', "m.json")
    >>> str(locator.locate(("b", 1, "c"))), str(locator.locate(("b",), key=True))
    ('m.json:2:20', 'm.json:2:2')
    """

    _SPACE = re.compile(r"[ \t\n\r]*")

    def __init__(self, text: str, filename: str) -> None:
        self.text = text
        self.filename = filename
        self.scan: Callable[[str, int], tuple[Any, int]] = _JSON_SCANNER.make_scanner(
            json.JSONDecoder()
        )
        self.children: dict[int, dict[str | int, tuple[int, int]]] = {}
        self.lines = _Lines(text)

    def skip(self, at: int) -> int:
        match = self._SPACE.match(self.text, at)
        return match.end() if match else at

    def members(self, start: int) -> dict[str | int, tuple[int, int]]:
        """Where each member of the object or array at ``start`` begins, and its key."""
        cached = self.children.get(start)
        if cached is not None:
            return cached
        text = self.text
        found: dict[str | int, tuple[int, int]] = {}
        opening = text[start]
        at = self.skip(start + 1)
        index = 0
        while at < len(text) and text[at] not in "]}":
            if opening == "{":
                key_at = at
                key, at = self.scan(text, at)
                at = self.skip(self.skip(at) + 1)  # the colon
                found.setdefault(key, (at, key_at))
            else:
                found[index] = (at, at)
                index += 1
            _, at = self.scan(text, at)
            at = self.skip(at)
            if at < len(text) and text[at] == ",":
                at = self.skip(at + 1)
        self.children[start] = found
        return found

    def locate(self, path: Path, *, key: bool = False) -> Location:
        """The location of the value at ``path`` (its key with ``key=True``), or of its
        nearest written ancestor."""
        at = self.skip(0)
        try:
            for i, part in enumerate(path):
                if self.text[at] not in "[{":
                    break
                members = self.members(at)
                if part not in members:
                    break
                value_at, key_at = members[part]
                at = key_at if key and i == len(path) - 1 else value_at
        except (ValueError, StopIteration, IndexError):  # not JSON after all
            return Location(self.filename, 1, 1)
        return self.lines.location(self.filename, at)


class LazyLocator:
    """The locator of a text, read with positions only when a position is first asked for.

    >>> locator = LazyLocator("m.yaml", "a: 1\\nb:\\n  - x\\n", syntax="yaml")
    >>> str(locator.locate(("b", 0)))
    'm.yaml:3:5'
    """

    __slots__ = ("_located", "_syntax", "_text", "filename")

    def __init__(self, filename: str, text: str, *, syntax: str) -> None:
        self.filename = filename
        self._text: str | None = text
        self._syntax = syntax
        self._located: TextLocator | JsonLocator | None = None

    def locate(self, path: Path, *, key: bool = False) -> Location:
        """Where the value at ``path`` (its key with ``key=True``) is written."""
        if self._located is None:
            assert self._text is not None
            if self._syntax == "json":
                self._located = JsonLocator(self._text, self.filename)
            else:
                try:
                    loaded = load(self._text, self.filename, syntax=self._syntax)
                except MapSyntaxError:  # pragma: no cover - a clean text is well-formed
                    loaded = None
                self._located = loaded[2] if loaded is not None else TextLocator(self.filename)
            self._text = None
        return self._located.locate(path, key=key)


def load_plain(text: str, *, syntax: str) -> Any:
    """The plain data of a clean YAML or JSON text, without positions: the fast way.

    Most map files are clean: well-formed, one document, no tags, anchors or aliases,
    string keys, none repeated, numbers Python reads, (YAML) nesting within
    :data:`MAX_DEPTH`. For those the result is exactly :func:`load`'s data. Anything else
    raises :class:`NotPlainError`, and the caller reads the text with :func:`load`, which
    says exactly what is wrong and where. JSON nested past :data:`MAX_DEPTH` is returned
    when the ``json`` module reads it: a map's model refuses it where it is (only ``meta``
    holds free data), and the walk that would find it costs every clean map a pass.

    Raises:
        NotPlainError: the text is empty, not well-formed, or holds anything but plain data.

    >>> load_plain("a: [1, x, '2']\\nb: no\\nc: ~\\n", syntax="yaml")
    {'a': [1, 'x', '2'], 'b': 'no', 'c': None}
    >>> load_plain("a: 1\\na: 2\\n", syntax="yaml")
    Traceback (most recent call last):
    ...
    argmap.formats._syntax.NotPlainError: a repeated key
    """
    if syntax == "json":
        try:
            data = json.loads(text, object_pairs_hook=_unique_pairs, parse_constant=_no_constant)
        except (ValueError, RecursionError) as exc:  # not JSON, a repeated key, NaN, too deep
            raise NotPlainError(str(exc)) from None
        # Nesting past MAX_DEPTH is refused by the model: only 'meta' holds free data.
        return data
    parser = _Parser(text)
    try:
        return _plain_document(parser)
    except yaml.YAMLError as exc:
        raise NotPlainError(str(exc)) from None
    finally:
        parser.dispose()


def load(text: str, filename: str, *, syntax: str) -> tuple[Any, list[Issue], TextLocator] | None:
    """Parse YAML or JSON text into plain data, its issues and its locator; None if empty.

    Raises:
        MapSyntaxError: the text is not well-formed.

    >>> data, issues, locator = load("a: [1, x]\\nb: no\\n", "m.yaml", syntax="yaml")
    >>> data, issues, str(locator.locate(("a", 1)))
    ({'a': [1, 'x'], 'b': 'no'}, [], 'm.yaml:1:8')
    """
    if syntax == "json":
        return _load_json(text, filename)
    parser = _Parser(text)
    try:
        loaded: tuple[Any, list[Issue], TextLocator] | None = _Builder(
            parser, TextLocator(filename)
        ).document()
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, filename, text) from None
    finally:
        parser.dispose()
    return loaded


def load_json(text: str, filename: str) -> Any:
    """The plain data of any JSON text (AIF, Argdown JSON), read by the ``json`` module.

    As for map files, lists and objects may nest at most :data:`MAX_DEPTH` levels: data
    nested thousands of levels deep would exhaust the stack of the ``json`` module or of
    what reads its result. Repeated keys keep the last value and ``NaN`` is read, as the
    ``json`` module does.

    Raises:
        MapSyntaxError: the text is not JSON, nests too deeply, or holds an integer of more
            digits than Python converts; located where that starts.

    >>> load_json('{"nodes": [1, 2]}', "a.json")
    {'nodes': [1, 2]}
    >>> load_json("[" * 101 + "]" * 101, "a.json")
    Traceback (most recent call last):
    ...
    argmap.formats._syntax.MapSyntaxError: a.json:1:101: error: lists and mappings nest more \
than 100 levels deep here; a map needs far fewer
    """
    too_deep = False
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        location = Location(filename, exc.lineno, exc.colno)
        raise MapSyntaxError(
            Issue("error", f"not valid JSON: {exc.msg}", code="syntax", location=location)
        ) from None
    except RecursionError:
        data, too_deep = None, True
    except ValueError:  # an integer of more digits than Python converts
        found = re.search(r"[0-9]{4301}", text)
        raise _json_error(
            "an integer of more than 4,300 digits",
            filename,
            _Lines(text),
            found.start() if found else 0,
        ) from None
    if too_deep or _too_deep(data):
        offset = _depth_fault(text)
        if offset is not None:
            location = _Lines(text).location(filename, offset)
            raise MapSyntaxError(Issue("error", _DEPTH_MESSAGE, code="nesting", location=location))
    return data


# -- YAML ---------------------------------------------------------------------------------


def _plain_document(parser: Any) -> Any:
    """The data of a clean YAML document from libyaml's events, without positions.

    :class:`_Builder` without a locator, made lean for the common case: no path is built,
    a repeated key is found in the mapping itself, and a plain scalar is a string unless
    one match says the core schema may read it otherwise. The first thing that is not
    plain data raises :class:`NotPlainError` (nesting beyond :data:`MAX_DEPTH` included).
    """
    get = parser.get_event
    resolve = parser.resolve
    maybe = _MAYBE_RESOLVED
    scalar_event, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    get()  # the stream's start
    if parser.peek_event().__class__ is yaml.StreamEndEvent:
        raise NotPlainError("an empty document")
    get()  # the document's start

    def scalar(event: Any) -> Any:
        value = event.value
        if event.anchor is not None or event.tag is not None:
            raise NotPlainError("an anchor or a tag")
        if event.implicit[0] and maybe(value):
            tag = resolve(ScalarNode, value, event.implicit)
            if tag != _STR:
                try:
                    return _number(tag, value)
                except ValueError:  # more digits than Python converts
                    raise NotPlainError("a number Python cannot hold") from None
        return value

    # The open collections, innermost last; for a mapping, the key its next value goes to.
    stack: list[Any] = []
    keys: list[Any] = []
    string_keys: set[str] = set()  # keys already told to be strings (a map repeats them)
    event = get()
    while True:
        kind = event.__class__
        if kind is scalar_event:
            value = scalar(event)
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag is not None:
                raise NotPlainError("an anchor or a tag")
            if len(stack) >= MAX_DEPTH:
                raise NotPlainError("nested too deeply")
            value = {} if kind is mapping_start else []
        else:
            raise NotPlainError("an alias")
        if stack:
            parent = stack[-1]
            if parent.__class__ is dict:
                parent[keys[-1]] = value
            else:
                parent.append(value)
        else:
            root = value
        if kind is not scalar_event:
            stack.append(value)
            keys.append(None)
        # The next value's first event, closing the collections that end.
        while stack:
            event = get()
            kind = event.__class__
            if kind is mapping_end or kind is sequence_end:
                stack.pop()
                keys.pop()
                continue
            if stack[-1].__class__ is not dict:
                break
            if kind is not scalar_event:
                raise NotPlainError("a key that is not a string")
            key = event.value
            if event.anchor is not None or event.tag is not None:
                raise NotPlainError("an anchor or a tag")
            if key not in string_keys:
                if (
                    event.implicit[0]
                    and maybe(key)
                    and resolve(ScalarNode, key, event.implicit) != _STR
                ):
                    raise NotPlainError("a key that is not a string")
                if event.implicit[0]:
                    string_keys.add(key)
            if key in stack[-1]:
                raise NotPlainError("a repeated key")
            keys[-1] = key
            event = get()
            break
        else:
            get()  # the document's end
            if get().__class__ is not yaml.StreamEndEvent:
                raise NotPlainError("several documents")
            return root


_ALIAS_MESSAGE = (
    "the value anchored here is reused by an alias; YAML anchors and aliases "
    "(&name, *name) are not supported in maps, write the value out"
)
_DEPTH_MESSAGE = (
    f"lists and mappings nest more than {MAX_DEPTH} levels deep here; a map needs far fewer"
)


def _tag_message(tag: str | None) -> str:
    return (
        f"YAML tag {tag!r} is not allowed; maps hold plain data "
        "only (strings, numbers, booleans, lists, mappings)"
    )


def _number(tag: str, value: str) -> Any:
    """The value of a scalar the core schema reads as other than a string."""
    if tag == _INT:
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if tag == _FLOAT:
        return float(value.lower().replace(".inf", "inf").replace(".nan", "nan"))
    if tag == _BOOL:
        return value.lower() == "true"
    return None  # _NULL


class _Builder:
    """Plain data from libyaml's events, without recursion (nesting is bounded).

    With a locator, the position of every value and key is recorded and each irregularity
    (an alias, a tag, a key that is not a string, a repeated key, a number Python cannot
    hold, nesting too deep) becomes a located issue, the value read as null. Without one,
    the first irregularity raises :class:`NotPlainError`.
    """

    def __init__(self, parser: Any, locator: TextLocator | None) -> None:
        self.parser = parser
        self.locator = locator
        self.issues: list[Issue] = []
        self.anchors: dict[str, Any] = {}

    def refuse(self, mark: Any, code: str, message: str) -> None:
        if self.locator is None:
            raise NotPlainError(message)
        where = Location(self.locator.filename, mark.line + 1, mark.column + 1)
        self.issues.append(Issue("error", message, code=code, location=where))

    def document(self) -> Any:
        get = self.parser.get_event
        get()  # the stream's start
        if isinstance(self.parser.peek_event(), yaml.StreamEndEvent):
            if self.locator is None:
                raise NotPlainError("an empty document")
            return None
        get()  # the document's start
        data = self.value(get())
        get()  # the document's end
        event = get()
        if not isinstance(event, yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                None,
                "but found another document",
                event.start_mark,
            )
        if self.locator is None:
            return data
        return data, self.issues, self.locator

    def scalar(self, event: Any) -> Any:
        """A scalar's value; refused tags read as null (after an issue)."""
        value = event.value
        tag = event.tag
        if tag is None or tag == "!":
            if not (value[:1] in _RESOLVED_FIRST and event.implicit[0]):
                return value
            tag = self.parser.resolve(ScalarNode, value, event.implicit)
        elif self.locator is None:
            raise NotPlainError("a tag")
        if tag == _STR:
            return value
        if tag in (_INT, _FLOAT, _BOOL, _NULL):
            try:
                return _number(tag, value)
            except ValueError:  # more digits than Python converts
                self.refuse(
                    event.start_mark,
                    "number",
                    f"the number has {len(value)} characters; write numbers of at most 4,300 "
                    "digits (weights are between 0 and 1)",
                )
                return None
        self.refuse(event.start_mark, "yaml-tag", _tag_message(tag))
        return None

    def key(self, event: Any) -> str | None:
        """A mapping key's text; None (its events consumed) for keys that are not strings."""
        if event.__class__ is yaml.ScalarEvent:
            tag = event.tag
            if event.anchor is not None:
                self.anchor(event)
            value = event.value
            if tag is None or tag == "!":
                if not (value[:1] in _RESOLVED_FIRST and event.implicit[0]):
                    return str(value)
                tag = self.parser.resolve(ScalarNode, value, event.implicit)
            if tag == _STR:
                return str(value)
        else:
            self.skip(event)
        if self.locator is None:
            raise NotPlainError("a key that is not a string")
        self.refuse(event.start_mark, "key-type", "mapping keys must be plain strings")
        return None

    def value(self, event: Any) -> Any:
        """The value that starts with ``event``, its children read without recursion."""
        locator = self.locator
        values = locator.values if locator is not None else None
        keys = locator.keys if locator is not None else None
        get = self.parser.get_event
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start = yaml.MappingStartEvent
        ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        # The open collections, innermost last: [container, its path, the pending key, the
        # line each key was first written on] for mappings, [container, its path] for lists.
        stack: list[list[Any]] = []
        root: Any = None
        path: Path = ()
        while True:
            # ``event`` starts the value at ``path``: read it (a collection is opened).
            kind = event.__class__
            mark = event.start_mark
            if values is not None:
                values[path] = (mark.line << 32) | mark.column
            opened = False
            if kind is scalar_event:
                if event.anchor is not None:
                    self.anchor(event)
                value = self.scalar(event)
            elif kind is alias_event:
                mark = self.anchors.get(event.anchor, mark)
                if values is not None:
                    values[path] = (mark.line << 32) | mark.column
                self.refuse(mark, "alias", _ALIAS_MESSAGE)
                value = None
            else:
                if event.anchor is not None:
                    self.anchor(event)
                value = None
                tag = event.tag
                expected = _MAP if kind is mapping_start else _SEQ
                if tag is not None and tag != "!" and (locator is None or tag != expected):
                    self.skip(event)
                    self.refuse(mark, "yaml-tag", _tag_message(tag))
                elif len(stack) >= MAX_DEPTH:
                    self.skip(event)
                    self.refuse(mark, "nesting", _DEPTH_MESSAGE)
                else:
                    opened = True
                    value = {} if kind is mapping_start else []
            if stack:
                frame = stack[-1]
                if len(frame) == 4:
                    frame[0][frame[2]] = value
                else:
                    frame[0].append(value)
            else:
                root = value
            if opened:
                stack.append([value, path, None, {}] if kind is mapping_start else [value, path])
            # Find the event that starts the next value, closing the collections that end.
            while stack:
                frame = stack[-1]
                event = get()
                if isinstance(event, ends):
                    stack.pop()
                    continue
                if len(frame) == 2:
                    path = (*frame[1], len(frame[0]))
                    break
                key_mark = event.start_mark
                key = self.key(event)
                event = get()
                first: dict[str, int] = frame[3]
                if key is not None and key in first:
                    if locator is None:
                        raise NotPlainError("a repeated key")
                    self.refuse(
                        key_mark,
                        "duplicate-key",
                        f"duplicate key {key!r} (first at line {first[key]})",
                    )
                    key = None
                if key is None:
                    self.skip(event)
                    continue
                first[key] = key_mark.line + 1
                frame[2] = key
                path = (*frame[1], key)
                if keys is not None:
                    keys[path] = (key_mark.line << 32) | key_mark.column
                break
            else:
                return root

    def anchor(self, event: Any) -> None:
        """Remember where an anchor is, for the alias that reuses it."""
        if self.locator is None:
            raise NotPlainError("an anchor")
        self.anchors[event.anchor] = event.start_mark

    def skip(self, event: Any) -> None:
        """Consume the events of a value that is not kept (a refused key and its value)."""
        depth = int(isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent))
        while depth:
            event = self.parser.get_event()
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                depth += 1
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1


def _syntax_error(exc: yaml.YAMLError, filename: str, text: str) -> MapSyntaxError:
    """A located issue for libyaml's error, at the line of its cause, with a hint."""
    if not isinstance(exc, yaml.MarkedYAMLError):
        location = Location(filename, 1, 1)
        return MapSyntaxError(
            Issue("error", f"not valid YAML: {exc}", code="syntax", location=location)
        )
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem:
        problem = f"{problem} ({exc.context})"
    context = exc.context or ""
    unclosed = "end of stream" in problem or "document indicator" in problem
    if exc.context_mark is not None and "quoted scalar" in context and unclosed:
        # An unclosed quote: libyaml notices at the end of the text, or where the next
        # quote is; the cause is where the quote opened.
        mark = exc.context_mark
        problem = "a quoted string is not closed; end it with the same quote it opened with"
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    message = f"not valid YAML: {problem}"
    tab = _indentation_tab(text, line)
    if tab is not None:
        column, message = tab, "tabs are not allowed for indentation; use spaces"
    elif "escape" in problem:
        message += (
            '; a double-quoted string allows the escapes \\\\, \\", \\n, \\t, \\xXX, \\uXXXX '
            "and \\UXXXXXXXX, each naming a character (a UTF-16 surrogate such as \\ud800 "
            "names none)"
        )
    elif any(
        phrase in problem
        for phrase in (
            "expected '-' indicator",
            "expected <block end>",
            "expected key",
            "mapping values are not allowed",
        )
    ):
        message += (
            f"; check the indentation of line {line}: a key lines up with the other keys of "
            "its mapping, a list item ('- ') with the other items of its list"
        )
    return MapSyntaxError(
        Issue("error", message, code="syntax", location=Location(filename, line, column))
    )


def _indentation_tab(text: str, line: int) -> int | None:
    r"""The column of the first tab in the indentation of a 1-based line, if any.

    YAML refuses tabs in indentation with a message about tokens; the tab is the fault.

    >>> _indentation_tab("a:\n \tb: 1\n", 2)
    2
    >>> _indentation_tab("a: [1,\t2]\n", 1) is None
    True
    """
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    row = lines[line - 1]
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    return indent.index("\t") + 1 if "\t" in indent else None


# -- JSON ---------------------------------------------------------------------------------


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("a repeated key")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


#: isinstance takes a tuple faster than a union.
_CONTAINERS = (dict, list)


def _too_deep(data: Any) -> bool:
    """True when lists and mappings nest more than :data:`MAX_DEPTH` levels."""
    level = [data] if isinstance(data, _CONTAINERS) else []
    for _ in range(MAX_DEPTH - 1):
        if not level:
            return False
        level = [  # the lists and mappings one level down: strings are never kept
            child
            for value in level
            for child in (value.values() if isinstance(value, dict) else value)
            if isinstance(child, _CONTAINERS)
        ]
    return any(level)  # a list or mapping this deep that holds anything


class _Lines:
    """Line and column of a character offset."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def pack(self, offset: int) -> int:
        line = bisect_right(self.starts, offset) - 1
        return (line << 32) | (offset - self.starts[line])

    def location(self, filename: str, offset: int) -> Location:
        line = bisect_right(self.starts, offset) - 1
        return Location(filename, line + 1, offset - self.starts[line] + 1)


class _Pairs(list[tuple[str, Any]]):
    """A JSON object's pairs in the order written, repeated keys included."""


class _ConstantError(Exception):
    """``NaN`` or ``Infinity``: Python's ``json`` reads them; JSON has no such numbers."""


def _refuse_constant(name: str) -> Any:
    raise _ConstantError(name)


def _depth_fault(text: str) -> int | None:
    """The offset where lists and mappings first nest deeper than :data:`MAX_DEPTH`."""
    depth = 0
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return token.start()
        elif char in "]}":
            depth -= 1
    return None


def _key_start(text: str, value_start: int) -> int:
    """Where the key of the value starting at ``value_start`` opens its quote."""
    i = value_start - 1
    while text[i] in " \t\n\r:":
        i -= 1
    i -= 1  # inside the key, before its closing quote
    while True:
        i = text.rindex('"', 0, i + 1)
        backslashes = len(text[:i]) - len(text[:i].rstrip("\\"))
        if backslashes % 2 == 0:
            return i
        i -= 1


def _load_json(text: str, filename: str) -> tuple[Any, list[Issue], TextLocator] | None:
    """JSON text with the position of every value, read by the ``json`` module's own scanner
    (its pure-Python form, which tells where each value starts, in the order it reads them)."""
    if not text.strip():
        return None
    lines = _Lines(text)
    too_deep = _depth_fault(text)
    if too_deep is not None:
        location = lines.location(filename, too_deep)
        raise MapSyntaxError(Issue("error", _DEPTH_MESSAGE, code="nesting", location=location))
    starts: list[int] = []

    def recording(scan_once: Callable[[str, int], tuple[Any, int]]) -> Any:
        def scan(string: str, idx: int) -> tuple[Any, int]:
            starts.append(idx)
            return scan_once(string, idx)

        return scan

    def parse_object(s_and_end: tuple[str, int], strict: bool, scan_once: Any, *rest: Any) -> Any:
        return _JSON_DECODER.JSONObject(s_and_end, strict, recording(scan_once), *rest)

    def parse_array(s_and_end: tuple[str, int], scan_once: Any) -> Any:
        return _JSON_DECODER.JSONArray(s_and_end, recording(scan_once))

    decoder: Any = json.JSONDecoder(object_pairs_hook=_Pairs, parse_constant=_refuse_constant)
    decoder.parse_object = parse_object
    decoder.parse_array = parse_array
    scan_once = _JSON_SCANNER.py_make_scanner(decoder)
    begin = len(text) - len(text.lstrip(" \t\n\r"))
    starts.append(begin)
    try:
        raw, end = scan_once(text, begin)
        rest = text[end:].lstrip(" \t\n\r")
        if rest:
            raise json.JSONDecodeError("Extra data", text, len(text) - len(rest))
    except StopIteration as exc:
        raise _json_error("Expecting value", filename, lines, exc.value) from None
    except json.JSONDecodeError as exc:
        raise _json_error(exc.msg, filename, lines, exc.pos) from None
    except _ConstantError as exc:
        message = f"{exc.args[0]} is not a JSON number"
        raise _json_error(message, filename, lines, starts[-1]) from None
    except ValueError:  # an integer of more digits than Python converts
        message = "a number of more than 4,300 digits; weights are between 0 and 1"
        raise _json_error(message, filename, lines, starts[-1]) from None
    locator = TextLocator(filename)
    issues: list[Issue] = []
    cursor = 0  # the next unread entry of ``starts``: the values come in the same order

    def build(value: Any, path: Path) -> Any:
        nonlocal cursor
        locator.values[path] = lines.pack(starts[cursor])
        cursor += 1
        if isinstance(value, _Pairs):
            result: dict[str, Any] = {}
            first: dict[str, int] = {}
            for key, child in value:
                key_at = _key_start(text, starts[cursor])
                if key in first:
                    issues.append(
                        Issue(
                            "error",
                            f"duplicate key {key!r} (first at line {first[key]})",
                            code="duplicate-key",
                            location=lines.location(filename, key_at),
                        )
                    )
                    cursor += _count(child)
                    continue
                first[key] = lines.location(filename, key_at).line or 0
                locator.keys[(*path, key)] = lines.pack(key_at)
                result[key] = build(child, (*path, key))
            return result
        if isinstance(value, list):
            return [build(item, (*path, i)) for i, item in enumerate(value)]
        return value

    return build(raw, ()), issues, locator


def _count(value: Any) -> int:
    """How many values the scanner read for ``value``: itself and everything inside it."""
    if isinstance(value, _Pairs):
        return 1 + sum(_count(child) for _, child in value)
    if isinstance(value, list):
        return 1 + sum(_count(item) for item in value)
    return 1


def _json_error(message: str, filename: str, lines: _Lines, offset: int) -> MapSyntaxError:
    location = lines.location(filename, offset)
    return MapSyntaxError(
        Issue("error", f"not valid JSON: {message}", code="syntax", location=location)
    )
