"""Safe YAML and JSON reading that knows where every value was written.

YAML is turned into plain Python data straight from the parser's events; JSON goes
through a tree of PyYAML nodes (each with a start mark). Either way a compact locator of
every value's position is kept, so that any problem found later, by pydantic or by the
checks, can be reported at the line and column of the offending value. A clean text can
be read faster, without positions (:func:`load_plain`), and located later only if asked
(:class:`LazyLocator`). Only plain data is
allowed: tags other than the core schema's are refused, never constructed; aliases are
refused (they can blow up exponentially); duplicate keys are errors.
"""

from __future__ import annotations

import contextlib
import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from argmap.errors import Issue, Location, Path
from argmap.formats._core_schema import (
    _BOOL,
    _FLOAT,
    _INT,
    _MAP,
    _MAYBE_RESOLVED,
    _NULL,
    _REFUSED,
    _RESOLVED_FIRST,
    _SEQ,
    _STR,
    _CoreResolver,
    _scalar,
)
from argmap.formats._core_schema import (
    NotPlainError as NotPlainError,
)
from argmap.formats._quick_yaml import scan_plain

_CParser: Any = None
if yaml.__with_libyaml__:
    import yaml.cyaml

    _CParser = yaml.cyaml.CParser  # type: ignore[attr-defined]

if _CParser is not None:

    class _Composer(_CParser, _CoreResolver):  # type: ignore[misc]  # libyaml: a C type
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _CoreResolver.__init__(self)

else:  # pragma: no cover - PyYAML without libyaml

    class _Composer(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        _CoreResolver,
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _CoreResolver.__init__(self)


class MapSyntaxError(Exception):
    """The text is not well-formed YAML or JSON; carries a located issue."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(str(issue))
        self.issue = issue


class TextLocator:
    """Where each value of a parsed document was written, by its path in the data.

    A compact table built while the text is turned into data: one packed position per
    value (and per mapping key), no parser objects, so it is cheap to keep beside a map.

    >>> root = compose("a: 1\\nb:\\n  - x\\n", "m.yaml", syntax="yaml")
    >>> data, issues, locator = to_data(root, "m.yaml")
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


def compose(text: str, filename: str, *, syntax: str) -> Node | None:
    """Parse YAML or JSON text into a node tree; None for an empty document.

    Raises:
        MapSyntaxError: the text is not well-formed.
    """
    if syntax == "json":
        return _compose_json(text, filename)
    loader = _Composer(text)
    try:
        node: Node | None = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, filename, text) from None
    finally:
        loader.dispose()
    return node


def load(text: str, filename: str, *, syntax: str) -> tuple[Any, list[Issue], TextLocator] | None:
    """Parse YAML or JSON text into plain data, its issues and its locator; None if empty.

    YAML is built straight from the parser's events, so no node tree of the whole document
    ever exists: a large map's peak is its data and locator, not the tree on top of them.
    The result is what :func:`to_data` gives for :func:`compose`'s tree.

    Raises:
        MapSyntaxError: the text is not well-formed.

    >>> data, issues, locator = load("a: [1, x]\\nb: no\\n", "m.yaml", syntax="yaml")
    >>> data, issues, str(locator.locate(("a", 1)))
    ({'a': [1, 'x'], 'b': 'no'}, [], 'm.yaml:1:8')
    """
    if syntax == "json":
        root = compose(text, filename, syntax="json")
        return None if root is None else to_data(root, filename)
    loader = _Composer(text)
    try:
        return _EventBuilder(loader, filename).document()
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, filename, text) from None
    finally:
        loader.dispose()


def load_plain(text: str, *, syntax: str) -> Any:
    """The plain data of a clean YAML or JSON text, without positions: the fast way.

    Most map files are clean: well-formed, one document, no tags, anchors or aliases,
    string keys, none repeated. For those the result is exactly :func:`load`'s data, at a
    fraction of its cost (no position of any value is recorded; :class:`LazyLocator` finds
    them when asked). YAML in the style of map files is read by a scanner of that style
    (:func:`argmap.formats._quick_yaml.scan_plain`), any other from libyaml's events.
    Anything else raises :class:`NotPlainError`, and the caller reads the text the full
    way, which says exactly what is wrong and where.

    Raises:
        NotPlainError: the text is empty, not well-formed, or holds anything but plain data.

    >>> load_plain("a: [1, x, '2']\\nb: no\\nc: ~\\n", syntax="yaml")
    {'a': [1, 'x', '2'], 'b': 'no', 'c': None}
    >>> load_plain("a: 1\\na: 2\\n", syntax="yaml")
    Traceback (most recent call last):
    ...
    argmap.formats._core_schema.NotPlainError: a repeated key
    """
    if syntax == "json":
        try:
            return json.loads(text, object_pairs_hook=_unique_pairs, parse_constant=_no_constant)
        except ValueError as exc:  # not JSON, a repeated key, NaN or Infinity
            raise NotPlainError(str(exc)) from None
    # Map files are written in a small part of YAML that a scanner of its own reads faster
    # than libyaml's events are built; it refuses anything else.
    with contextlib.suppress(NotPlainError):  # outside that part: libyaml's events
        return scan_plain(text)
    loader = _Composer(text)
    try:
        return _plain_document(loader)
    except yaml.YAMLError as exc:
        raise NotPlainError(str(exc)) from None
    finally:
        loader.dispose()


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("a repeated key")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _plain_document(loader: Any) -> Any:
    """A document's data from the parser's events; NotPlainError at the first thing not plain."""
    get = loader.get_event
    resolve = loader.resolve
    scalar_event, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    first, maybe_resolved = _RESOLVED_FIRST, _MAYBE_RESOLVED

    def build(event: Any) -> Any:
        kind = event.__class__
        if kind is scalar_event:
            value = event.value
            if event.anchor is not None or event.tag is not None:
                raise NotPlainError("an anchor or a tag")
            if value[:1] in first and event.implicit[0] and maybe_resolved(value):
                tag = resolve(ScalarNode, value, event.implicit)
                if tag != _STR:
                    return _scalar(tag, value)
            return value
        if kind is not mapping_start and kind is not sequence_start:
            raise NotPlainError("an alias")
        if event.anchor is not None or event.tag is not None:
            raise NotPlainError("an anchor or a tag")
        if kind is mapping_start:
            result: dict[str, Any] = {}
            key_event = get()
            while key_event.__class__ is scalar_event:
                key = key_event.value
                if key_event.anchor is not None or key_event.tag is not None:
                    raise NotPlainError("an anchor or a tag")
                if (
                    key[:1] in first
                    and key_event.implicit[0]
                    and maybe_resolved(key)
                    and resolve(ScalarNode, key, key_event.implicit) != _STR
                ):
                    raise NotPlainError("a key that is not a string")
                if key in result:
                    raise NotPlainError("a repeated key")
                result[key] = build(get())
                key_event = get()
            if key_event.__class__ is not mapping_end:
                raise NotPlainError("a key that is not a string")
            return result
        items: list[Any] = []
        item = get()
        while item.__class__ is not sequence_end:
            items.append(build(item))
            item = get()
        return items

    get()  # the stream's start
    if isinstance(loader.peek_event(), yaml.StreamEndEvent):
        raise NotPlainError("an empty document")
    get()  # the document's start
    data = build(get())
    get()  # the document's end
    if not isinstance(get(), yaml.StreamEndEvent):
        raise NotPlainError("several documents")
    return data


class LazyLocator:
    """The locator of a text, read the full way only when a position is first asked for.

    A map read by :func:`load_plain` keeps this beside it instead of a table of positions:
    a clean map is never asked, so its positions cost nothing; the first question (a
    warning found later, say) builds the table once, from the text kept meanwhile.

    >>> locator = LazyLocator("m.yaml", "a: 1\\nb:\\n  - x\\n", syntax="yaml")
    >>> str(locator.locate(("b", 0)))
    'm.yaml:3:5'
    """

    __slots__ = ("_located", "_syntax", "_text", "filename")

    def __init__(self, filename: str, text: str, *, syntax: str) -> None:
        self.filename = filename
        self._text: str | None = text
        self._syntax = syntax
        self._located: TextLocator | None = None

    def locate(self, path: Path, *, key: bool = False) -> Location:
        """Where the value at ``path`` (its key with ``key=True``) is written."""
        if self._located is None:
            assert self._text is not None
            loaded = load(self._text, self.filename, syntax=self._syntax)
            self._located = loaded[2] if loaded is not None else TextLocator(self.filename)
            self._text = None
        return self._located.locate(path, key=key)


def _syntax_error(exc: yaml.YAMLError, filename: str, text: str | None = None) -> MapSyntaxError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{problem} ({exc.context})"
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        message = f"not valid YAML: {problem}"
        tab = _indentation_tab(text, line) if text is not None else None
        if tab is not None:
            column, message = tab, "tabs are not allowed for indentation; use spaces"
        location = Location(filename, line, column)
        return MapSyntaxError(Issue("error", message, code="syntax", location=location))
    return MapSyntaxError(
        Issue("error", f"not valid YAML: {exc}", code="syntax", location=Location(filename, 1, 1))
    )


_ALIAS_MESSAGE = (
    "the value anchored here is reused by an alias; YAML anchors and aliases "
    "(&name, *name) are not supported in maps, write the value out"
)


def _tag_message(tag: str | None) -> str:
    return (
        f"YAML tag {tag!r} is not allowed; maps hold plain data "
        "only (strings, numbers, booleans, lists, mappings)"
    )


class _EventBuilder:
    """Plain data from a YAML parser's event stream, with the positions of every value."""

    def __init__(self, loader: Any, filename: str) -> None:
        self.loader = loader
        self.filename = filename
        self.issues: list[Issue] = []
        self.locator = TextLocator(filename)
        self.anchors: dict[Any, Any] = {}

    def here(self, mark: Any) -> Location:
        return Location(self.filename, mark.line + 1, mark.column + 1)

    def document(self) -> tuple[Any, list[Issue], TextLocator] | None:
        get = self.loader.get_event
        get()  # the stream's start
        if isinstance(self.loader.peek_event(), yaml.StreamEndEvent):
            return None
        get()  # the document's start
        data = self.build(get(), ())
        get()  # the document's end
        event = get()
        if not isinstance(event, yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                None,
                "but found another document",
                event.start_mark,
            )
        return data, self.issues, self.locator

    def build(self, event: Any, path: Path) -> Any:
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            mark = self.anchors.get(event.anchor, mark)
            self.locator.values[path] = (mark.line << 32) | mark.column
            self.issues.append(
                Issue("error", _ALIAS_MESSAGE, code="alias", location=self.here(mark))
            )
            return None
        self.locator.values[path] = (mark.line << 32) | mark.column
        if event.anchor is not None:
            self.anchors[event.anchor] = mark
        tag = event.tag
        if isinstance(event, yaml.ScalarEvent):
            if tag is None or tag == "!":
                tag = self.loader.resolve(ScalarNode, event.value, event.implicit)
            value = _scalar(tag, event.value)
            if value is not _REFUSED:
                return value
        elif isinstance(event, yaml.SequenceStartEvent):
            if tag is None or tag == "!":
                tag = self.loader.resolve(SequenceNode, None, event.implicit)
            if tag == _SEQ:
                return self.sequence(path)
            self.skip(event)
        else:
            if tag is None or tag == "!":
                tag = self.loader.resolve(MappingNode, None, event.implicit)
            if tag == _MAP:
                return self.mapping(path)
            self.skip(event)
        self.issues.append(
            Issue("error", _tag_message(tag), code="yaml-tag", location=self.here(mark))
        )
        return None

    def sequence(self, path: Path) -> list[Any]:
        get = self.loader.get_event
        built: list[Any] = []
        item = get()
        while not isinstance(item, yaml.SequenceEndEvent):
            built.append(self.build(item, (*path, len(built))))
            item = get()
        return built

    def mapping(self, path: Path) -> dict[str, Any]:
        get = self.loader.get_event
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        keys = self.locator.keys
        key_event = get()
        while not isinstance(key_event, yaml.MappingEndEvent):
            mark = key_event.start_mark
            key = self.key(key_event)
            value_event = get()
            if key is None:
                self.issues.append(
                    Issue(
                        "error",
                        "mapping keys must be plain strings",
                        code="key-type",
                        location=self.here(mark),
                    )
                )
                self.skip(value_event)
            elif key in first:
                self.issues.append(
                    Issue(
                        "error",
                        f"duplicate key {key!r} (first at line {first[key]})",
                        code="duplicate-key",
                        location=self.here(mark),
                    )
                )
                self.skip(value_event)
            else:
                first[key] = mark.line + 1
                child = (*path, key)
                keys[child] = (mark.line << 32) | mark.column
                result[key] = self.build(value_event, child)
            key_event = get()
        return result

    def key(self, event: Any) -> str | None:
        """A mapping key's text; None (its events consumed) for keys that are not strings."""
        if isinstance(event, yaml.ScalarEvent):
            tag = event.tag
            if tag is None or tag == "!":
                tag = self.loader.resolve(ScalarNode, event.value, event.implicit)
            if event.anchor is not None:
                self.anchors[event.anchor] = event.start_mark
            return str(event.value) if tag == _STR else None
        self.skip(event)
        return None

    def skip(self, event: Any) -> None:
        """Consume the events of a value that is not kept (a refused key and its value)."""
        depth = int(isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent))
        while depth:
            event = self.loader.get_event()
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                depth += 1
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1


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


def to_data(root: Node, filename: str) -> tuple[Any, list[Issue], TextLocator]:
    """Turn a node tree into plain data, collecting refused tags, aliases and duplicate keys.

    Returns the data, the issues, and the locator of every value. The tree is emptied on
    the way (each part let go once built), so that it and the data never both exist whole.
    """
    issues: list[Issue] = []
    seen: set[int] = set()
    locator = TextLocator(filename)
    values = locator.values
    keys = locator.keys

    def here(node: Node) -> Location:
        return Location(filename, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(node: Node, path: Path) -> Any:
        mark = node.start_mark
        values[path] = (mark.line << 32) | mark.column
        if id(node) in seen:
            issues.append(
                Issue(
                    "error",
                    "the value anchored here is reused by an alias; YAML anchors and aliases "
                    "(&name, *name) are not supported in maps, write the value out",
                    code="alias",
                    location=here(node),
                )
            )
            return None
        seen.add(id(node))
        tag = node.tag
        if isinstance(node, ScalarNode):
            if tag == _STR:
                return node.value
            if tag == _INT:
                return int(node.value, 0) if node.value[:2] in ("0o", "0x") else int(node.value)
            if tag == _FLOAT:
                return float(node.value.lower().replace(".inf", "inf").replace(".nan", "nan"))
            if tag == _BOOL:
                return node.value.lower() == "true"
            if tag == _NULL:
                return None
        elif isinstance(node, SequenceNode) and tag == _SEQ:
            # Each item is let go once built, so the tree shrinks as the data grows: the
            # peak is the larger of the two, not their sum.
            items = node.value
            built: list[Any] = []
            for i in range(len(items)):
                item, items[i] = items[i], None
                built.append(build(item, (*path, i)))
            return built
        elif isinstance(node, MappingNode) and tag == _MAP:
            result: dict[str, Any] = {}
            first: dict[str, int] = {}
            pairs = node.value
            for i in range(len(pairs)):
                (key_node, value_node), pairs[i] = pairs[i], None
                key = _scalar_key(key_node)
                if not isinstance(key, str):
                    issues.append(
                        Issue(
                            "error",
                            "mapping keys must be plain strings",
                            code="key-type",
                            location=here(key_node),
                        )
                    )
                    continue
                if key in first:
                    line = first[key]
                    issues.append(
                        Issue(
                            "error",
                            f"duplicate key {key!r} (first at line {line})",
                            code="duplicate-key",
                            location=here(key_node),
                        )
                    )
                    continue
                first[key] = key_node.start_mark.line + 1
                child = (*path, key)
                mark = key_node.start_mark
                keys[child] = (mark.line << 32) | mark.column
                result[key] = build(value_node, child)
            return result
        issues.append(
            Issue(
                "error",
                f"YAML tag {tag!r} is not allowed; maps hold plain data "
                "only (strings, numbers, booleans, lists, mappings)",
                code="yaml-tag",
                location=here(node),
            )
        )
        return None

    return build(root, ()), issues, locator


def _scalar_key(node: Node) -> str | None:
    """A mapping key's text; None for keys that are not plain strings."""
    if isinstance(node, ScalarNode) and node.tag == _STR:
        return str(node.value)
    return None


# -- JSON ---------------------------------------------------------------------------------

_JSON_TOKEN = (
    r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<num>-?(?:0|[1-9][0-9]*)(?P<frac>\.[0-9]+)?'
    r"(?P<exp>[eE][-+]?[0-9]+)?)|(?P<lit>true|false|null)|(?P<punct>[{}\[\]:,])"
    r"|(?P<const>-?Infinity|NaN))"
)


class _Positions:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def mark(self, offset: int) -> yaml.Mark:
        line = bisect_right(self.starts, offset) - 1
        return yaml.Mark("", offset, line, offset - self.starts[line], "", 0)


def _compose_json(text: str, filename: str) -> Node | None:
    if not text.strip():
        return None
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise MapSyntaxError(
            Issue(
                "error",
                f"not valid JSON: {exc.msg}",
                code="syntax",
                location=Location(filename, exc.lineno, exc.colno),
            )
        ) from None
    positions = _Positions(text)
    # Compiled on first use (the re module caches it): clean JSON never gets here.
    tokens: Iterator[re.Match[str]] = re.finditer(_JSON_TOKEN, text, re.DOTALL)

    def node_from(token: re.Match[str]) -> Node:
        mark = positions.mark(token.start(token.lastgroup or 0))
        kind = token.lastgroup
        if kind == "str":
            return ScalarNode(_STR, json.loads(token.group("str")), mark, mark)
        if kind == "num":
            tag = _FLOAT if token.group("frac") or token.group("exp") else _INT
            return ScalarNode(tag, token.group("num"), mark, mark)
        if kind == "lit":
            value = token.group("lit")
            return ScalarNode(_NULL if value == "null" else _BOOL, value, mark, mark)
        if kind == "const":
            # Python's json module reads these; JSON has no such numbers.
            raise MapSyntaxError(
                Issue(
                    "error",
                    f"not valid JSON: {token.group('const')} is not a JSON number",
                    code="syntax",
                    location=Location(filename, mark.line + 1, mark.column + 1),
                )
            )
        punct = token.group("punct")
        if punct == "{":
            pairs: list[tuple[Node, Node]] = []
            for tok in tokens:
                if tok.group("punct") == "}":
                    break
                if tok.group("punct") == ",":
                    continue
                key = node_from(tok)
                next(tokens)  # the colon
                pairs.append((key, node_from(next(tokens))))
            return MappingNode(_MAP, pairs, mark, mark)
        items: list[Node] = []
        for tok in tokens:
            if tok.group("punct") == "]":
                break
            if tok.group("punct") == ",":
                continue
            items.append(node_from(tok))
        return SequenceNode(_SEQ, items, mark, mark)

    return node_from(next(tokens))
