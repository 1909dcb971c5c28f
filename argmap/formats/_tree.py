"""Safe YAML and JSON reading that remembers where every value was written.

Both formats are read into the same tree of PyYAML nodes (each with a start mark), which
is then turned into plain Python data. The tree is kept so that any problem found later,
by pydantic or by the checks, can be reported at the line and column of the offending
value. Only plain data is allowed: tags other than the core schema's are refused, never
constructed; aliases are refused (they can blow up exponentially); duplicate keys are
errors.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from argmap.errors import Issue, Location, Path

_CParser: Any = None
if yaml.__with_libyaml__:
    import yaml.cyaml

    _CParser = yaml.cyaml.CParser  # type: ignore[attr-defined]

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
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{problem} ({exc.context})"
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        message = f"not valid YAML: {problem}"
        tab = _indentation_tab(text, line)
        if tab is not None:
            column, message = tab, "tabs are not allowed for indentation; use spaces"
        raise MapSyntaxError(
            Issue(
                "error",
                message,
                code="syntax",
                location=Location(filename, line, column),
            )
        ) from None
    except yaml.YAMLError as exc:
        raise MapSyntaxError(
            Issue(
                "error", f"not valid YAML: {exc}", code="syntax", location=Location(filename, 1, 1)
            )
        ) from None
    finally:
        loader.dispose()
    return node


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
            built = []
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

_JSON_TOKEN = re.compile(
    r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<num>-?(?:0|[1-9][0-9]*)(?P<frac>\.[0-9]+)?'
    r"(?P<exp>[eE][-+]?[0-9]+)?)|(?P<lit>true|false|null)|(?P<punct>[{}\[\]:,])"
    r"|(?P<const>-?Infinity|NaN))",
    re.DOTALL,
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
    tokens: Iterator[re.Match[str]] = _JSON_TOKEN.finditer(text)

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
