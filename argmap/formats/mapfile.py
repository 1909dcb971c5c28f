"""The argmap map file (YAML or JSON): parse and dump strings, read and write files."""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import PurePath
from typing import Any, Literal

import yaml

from argmap._io import read_text, write_atomic
from argmap.errors import Issue, Location, MapError
from argmap.formats._format import FileFormat
from argmap.formats._pipeline import Loaded, checked, load_data
from argmap.formats._syntax import LazyLocator, MapSyntaxError, NotPlainError, load, load_plain
from argmap.model import FORMAT_VERSION, ArgumentMap
from argmap.model._keys import ACTOR_KEYS, CITATION_KEYS, MAP_KEYS, NODE_KEYS, RELATION_KEYS

__all__ = ["dump_map", "load_map", "parse_map", "read_map", "write_map"]

MapFormat = Literal["yaml", "json"]


def format_for(filename: str | os.PathLike[str]) -> MapFormat:
    """The map format a file name implies: JSON for ``.json``, YAML otherwise."""
    return "json" if PurePath(filename).suffix.lower() == ".json" else "yaml"


def parse_map(
    text: str,
    *,
    filename: str = "<string>",
    fmt: MapFormat | None = None,
    warnings: list[Issue] | None = None,
) -> ArgumentMap:
    """Parse the text of a map file into a validated, checked map.

    Args:
        text: YAML or JSON text.
        filename: the name used in error locations; its suffix picks the format when
            ``fmt`` is not given.
        fmt: ``"yaml"`` or ``"json"``.
        warnings: a list the warnings of :func:`argmap.check` are appended to (reading
            checks the map, and finds them on the way to the errors).

    Raises:
        MapError: the text is not a valid map; ``.issues`` lists every problem found, each
            located at ``filename:line:column``.

    >>> amap = parse_map('''
    ... argmap: 1
    ... id: demo
    ... title: Demo
    ... nodes:
    ...   - {id: t, kind: claim, thesis: true, text: Sanctions were symbolic.}
    ... ''')
    >>> amap.thesis.text
    'Sanctions were symbolic.'
    >>> parse_map("argmap: 1\\nid: demo\\ntitle: Demo\\ncolour: red\\n")
    Traceback (most recent call last):
    ...
    argmap.errors.MapError: <string>: 1 error in argument map
    <string>:4:1: error: unknown field 'colour' in the map; expected one of: ...
    """
    syntax = _checked_format(fmt) if fmt is not None else format_for(filename)
    amap, found = checked(
        load_map(text, filename=filename, fmt=syntax), filename=filename, error=MapError
    )
    if warnings is not None:
        warnings.extend(found)
    return amap


def load_map(text: str, *, filename: str = "<string>", fmt: MapFormat | None = None) -> Loaded:
    """Read the text of a map file into a validated map and what reading found; no check.

    The first of the two steps :func:`parse_map` takes: the text's syntax, the map's
    fields and their types. The map (None when a field is invalid) knows where it came
    from; run :func:`argmap.check` on it for its structure and meaning. Positions are read
    only when an issue needs one.

    >>> loaded = load_map("argmap: 1\\nid: m\\ntitle: M\\nnodes: [{id: a, kind: claim, text: A}]")
    >>> loaded.amap.id, loaded.issues
    ('m', [])
    """
    syntax = _checked_format(fmt) if fmt is not None else format_for(filename)
    if _looks_like_bibtex(text, filename):
        return Loaded(
            None,
            [
                Issue(
                    "error",
                    "this is a BibTeX bibliography, not an argument map; name it under "
                    "'bibliography:' in a map and run 'argmap check' on the map, which "
                    "checks the map and its bibliography",
                    code="not-a-map",
                    location=Location(filename, 1, 1),
                )
            ],
        )
    origin = None if filename.startswith("<") else filename
    try:
        plain = load_plain(text, syntax=syntax)
    except NotPlainError:
        plain = None
    if isinstance(plain, dict) and "argmap" in plain:
        # A clean text: its positions are read only if an issue needs one.
        lazy = LazyLocator(filename, text, syntax=syntax)
        return load_data(plain, filename=filename, locator=lazy, origin=origin)
    try:
        loaded = load(text, filename, syntax=syntax)
    except MapSyntaxError as exc:
        return Loaded(None, [exc.issue])
    if loaded is None:
        return Loaded(
            None,
            [
                Issue(
                    "error",
                    "the file is empty; expected an argument map (a mapping with "
                    "'argmap: 1', 'id', 'title', 'nodes' and 'relations')",
                    code="empty",
                    location=Location(filename, 1, 1),
                )
            ],
        )
    data, issues, locator = loaded
    if not isinstance(data, dict):
        csl = isinstance(data, list) and bool(data) and isinstance(data[0], dict)
        hint = (
            "; a list of items is a CSL bibliography: name it under a map's 'bibliography:'"
            if csl and "id" in data[0]
            else ""
        )
        issues.append(
            Issue(
                "error",
                "expected a mapping at the top level (an argument map "
                f"with 'argmap', 'id', 'title', 'nodes', ...), got {_kind_of(data)}{hint}",
                code="type",
                location=locator.locate(()),
            )
        )
        return Loaded(None, issues)
    if "argmap" not in data:
        issues.append(
            Issue(
                "error",
                "missing format version: add 'argmap: 1' at the top",
                code="version",
                location=locator.locate(()),
            )
        )
    return load_data(data, filename=filename, locator=locator, found=issues, origin=origin)


def _checked_format(fmt: str) -> MapFormat:
    if fmt not in ("yaml", "json"):
        raise ValueError(f"unknown map format {fmt!r}; expected 'yaml' or 'json'")
    return fmt  # type: ignore[return-value]


_BIBTEX_START = re.compile(r"\s*(?:%[^\n]*\n\s*)*@[A-Za-z]+\s*[{(]")


def _looks_like_bibtex(text: str, filename: str) -> bool:
    r"""A ``.bib`` file, or text that opens as BibTeX does (``@type{``, after % comments).

    Neither is ever a map: ``@`` cannot start YAML or JSON.

    >>> _looks_like_bibtex("% refs\n@book{k,", "refs.txt"), _looks_like_bibtex("id: a", "m.bib")
    (True, True)
    """
    return PurePath(filename).suffix.lower() in (".bib", ".bibtex") or bool(
        _BIBTEX_START.match(text)
    )


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    return "a " + type(value).__name__


def read_map(path: str | os.PathLike[str], *, warnings: list[Issue] | None = None) -> ArgumentMap:
    """Read a map file (``.yaml``, ``.yml`` or ``.json``) and check it; see :func:`parse_map`.

    A map that names nodes of other maps is read alone: its references are left for
    :func:`argmap.read_maps`, which reads it with the maps it uses.

    Raises:
        MapError: the file is missing, not UTF-8, or not a valid map; every problem is
            listed in ``.issues`` with its line and column.
    """
    name = os.fspath(path)
    return parse_map(read_text(path, MapError), filename=name, warnings=warnings)


def dump_map(amap: ArgumentMap, *, fmt: MapFormat = "yaml") -> str:
    """Write a map as the text of a map file, keys ordered as people write them.

    >>> from argmap.model import ArgumentMap, Claim
    >>> print(dump_map(ArgumentMap(id="demo", title="Demo",
    ...                            nodes=[Claim(id="t", text="A claim.", thesis=True)])), end="")
    argmap: 1
    id: demo
    title: Demo
    nodes:
      - id: t
        kind: claim
        thesis: true
        text: A claim.
    """
    data = to_plain(amap)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    _checked_format(fmt)
    return yaml.dump(
        _flowed(data),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=92,
        default_flow_style=False,
    )


def write_map(
    amap: ArgumentMap, path: str | os.PathLike[str], *, fmt: MapFormat | None = None
) -> None:
    """Write a map file atomically; the format (``fmt``) follows the suffix unless given."""
    write_atomic(path, dump_map(amap, fmt=fmt or format_for(path)))


def to_plain(amap: ArgumentMap) -> dict[str, Any]:
    """The map as plain JSON data, defaults left out, keys in the documented order."""
    raw = amap.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    raw["argmap"] = FORMAT_VERSION
    for node, model_node in zip(raw.get("nodes", []), amap.nodes, strict=True):
        node["kind"] = model_node.kind
    out = _ordered(raw, MAP_KEYS)
    if "source" in out:
        out["source"] = _ordered(out["source"], CITATION_KEYS)
    for name, keys in (
        ("nodes", NODE_KEYS),
        ("relations", RELATION_KEYS),
        ("actors", ACTOR_KEYS),
    ):
        if name in out:
            out[name] = [_ordered(item, keys) for item in out[name]]
            for item in out[name]:
                if "cites" in item:
                    item["cites"] = [_ordered(c, CITATION_KEYS) for c in item["cites"]]
    return out


def _ordered(item: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    out = {k: item[k] for k in keys if k in item}
    out.update((k, v) for k, v in item.items() if k not in out)
    return out


class _Flow(dict[str, Any]):
    """A mapping written on one line: ``{key: k, locator: p. 1}``."""


class _FlowList(list[Any]):
    """A list written on one line: ``[a, b]``."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.rstrip("\n") else None
    if "\x85" in value:
        # NEL is a line break to YAML, read back as one anywhere but in a double-quoted
        # string, where it is written as the escape \N.
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
)
_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)

_FLOW_LIMIT = 84


def _fits(value: Any) -> bool:
    text = json.dumps(value, ensure_ascii=False)
    return "\\n" not in text and len(text) <= _FLOW_LIMIT


def _flowed(data: dict[str, Any]) -> dict[str, Any]:
    """Mark short scalar lists and small mappings (relations, citations) for one-line style."""
    out = dict(data)

    def short_list(value: Any) -> Any:
        is_scalars = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return _FlowList(value) if is_scalars and _fits(value) else value

    def small(item: dict[str, Any]) -> dict[str, Any]:
        flat = all(
            not isinstance(v, dict | list)
            or (isinstance(v, list) and all(isinstance(x, str) for x in v))
            for v in item.values()
        )
        if flat and _fits(item):
            return _Flow({k: short_list(v) for k, v in item.items()})
        result = {k: short_list(v) for k, v in item.items()}
        if "cites" in result:
            result["cites"] = [small(c) for c in result["cites"]]
        return result

    for name in ("authors", "bibliography", "uses"):
        if name in out:
            out[name] = short_list(out[name])
    if "source" in out:
        out["source"] = small(out["source"])
    for name in ("actors", "relations"):
        if name in out:
            out[name] = [small(item) for item in out[name]]
    if "nodes" in out:
        nodes = []
        for node in out["nodes"]:
            node = {k: short_list(v) for k, v in node.items()}
            if "cites" in node:
                node["cites"] = [small(c) for c in node["cites"]]
            nodes.append(node)
        out["nodes"] = nodes
    return out


FORMATS = (
    FileFormat(
        "yaml",
        (".yaml", ".yml"),
        "argmap map file, YAML",
        parse=functools.partial(parse_map, fmt="yaml"),
        dump=functools.partial(dump_map, fmt="yaml"),
    ),
    FileFormat(
        "json",
        (".json",),
        "argmap map file, JSON",
        parse=functools.partial(parse_map, fmt="json"),
        dump=functools.partial(dump_map, fmt="json"),
    ),
)
