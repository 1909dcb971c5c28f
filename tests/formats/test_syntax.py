"""YAML and JSON read with positions: the same data and places as the libraries' own node trees
and scanners; the fast reading of clean texts: the same data, or a refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats._syntax import (
    MAX_DEPTH,
    JsonLocator,
    MapSyntaxError,
    NotPlainError,
    load,
    load_plain,
)
from argmap.formats.mapfile import load_map
from tests.support import DATA, SEED_MAP

ODD = """\
a: &x {k: 1}
b: *x
!!python/object c: 1
d: !!set {z: null}
[1, 2]: complex key
a: again
e: [0x1F, 0o17, .inf, -1.5e3, ~, yes, True, '', "q"]
f:
  - {g: [{h: i}]}
"""


def _oracle_positions(text: str) -> dict[tuple[object, ...], tuple[int, int]]:
    """Where PyYAML's own node tree puts every value of a plain text, by path."""
    found: dict[tuple[object, ...], tuple[int, int]] = {}

    def walk(node: yaml.Node, path: tuple[object, ...]) -> None:
        found[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i))

    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    assert root is not None
    walk(root, ())
    return found


def _positions(text: str, syntax: str) -> dict[tuple[object, ...], tuple[int, int]]:
    loaded = load(text, "f", syntax=syntax)
    assert loaded is not None
    locator = loaded[2]
    return {
        path: (location.line or 0, location.column or 0)
        for path in locator.values
        for location in [locator.locate(path)]
    }


@pytest.mark.parametrize(
    "path", [SEED_MAP, *sorted(DATA.rglob("*.yaml"))], ids=lambda p: Path(p).name
)
def test_every_value_is_where_pyyamls_node_tree_puts_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        oracle = _oracle_positions(text)
    except yaml.YAMLError:
        with pytest.raises(MapSyntaxError):
            load(text, str(path), syntax="yaml")
        return
    loaded = load(text, str(path), syntax="yaml")
    assert loaded is not None
    if loaded[1]:
        return  # refused values (tags, aliases) are not where a tree of them would be
    assert _positions(text, "yaml") == oracle


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.json")), ids=lambda p: Path(p).name)
def test_json_positions_agree_with_the_lazy_locator(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        loaded = load(text, str(path), syntax="json")
    except MapSyntaxError:
        return
    assert loaded is not None
    data, issues, locator = loaded
    if issues:
        return
    lazy = JsonLocator(text, str(path))
    for where in locator.values:
        assert lazy.locate(where) == locator.locate(where), where
    for where in locator.keys:
        assert lazy.locate(where, key=True) == locator.locate(where, key=True), where
    assert data == json.loads(text)


def test_refused_values_are_reported_where_they_are() -> None:
    loaded = load(ODD, "odd.yaml", syntax="yaml")
    assert loaded is not None
    codes = [(issue.code, str(issue.location)) for issue in loaded[1]]
    assert codes == [
        ("alias", "odd.yaml:1:4"),
        ("key-type", "odd.yaml:3:1"),
        ("yaml-tag", "odd.yaml:4:4"),
        ("key-type", "odd.yaml:5:1"),
        ("duplicate-key", "odd.yaml:6:1"),
    ]


@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_nesting_beyond_the_bound_is_a_located_error_not_a_crash(syntax: str) -> None:
    deep = "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)
    text = deep if syntax == "json" else f"a: {deep}\n"
    if syntax == "yaml":
        with pytest.raises(NotPlainError):
            load_plain(text, syntax=syntax)
    else:  # what json reads is returned: the model refuses it (see the next test)
        assert load_plain(text, syntax=syntax) == json.loads(text)
    try:
        loaded = load(text, "deep", syntax=syntax)
    except MapSyntaxError as exc:
        assert exc.issue.code == "nesting"
        return
    assert loaded is not None
    assert [i.code for i in loaded[1]] == ["nesting"]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 5, 900])
def test_a_json_map_nested_past_the_bound_is_refused_where_the_nesting_is(depth: int) -> None:
    deep: object = "leaf"
    for _ in range(depth):
        deep = [deep]
    node = {"id": "a", "kind": "claim", "text": "A", "thesis": True, "meta": {"x": deep}}
    text = json.dumps({"argmap": 1, "id": "m", "title": "M", "nodes": [node]}, indent=1)
    loaded = load_map(text, filename="deep.json")
    assert loaded.amap is None
    assert [str(i) for i in loaded.issues] == [
        "deep.json:11:12: error: 'meta' in claim node 'a': meta holds lists and mappings "
        f"nested more than {MAX_DEPTH} levels deep; a map needs far fewer"
    ]


def test_a_number_python_cannot_hold_is_a_located_error() -> None:
    loaded = load("weight: " + "9" * 5000 + "\n", "w.yaml", syntax="yaml")
    assert loaded is not None
    assert [(i.code, str(i.location)) for i in loaded[1]] == [("number", "w.yaml:1:9")]
    with pytest.raises(MapSyntaxError) as caught:
        load('{"weight": ' + "9" * 5000 + "}", "w.json", syntax="json")
    assert str(caught.value.issue.location) == "w.json:1:12"


def test_an_empty_text_is_none_and_a_second_document_is_refused() -> None:
    assert load("# nothing\n", "e.yaml", syntax="yaml") is None
    with pytest.raises(MapSyntaxError) as caught:
        load("a: 1\n---\nb: 2\n", "two.yaml", syntax="yaml")
    assert str(caught.value.issue).startswith("two.yaml:2:1: error: not valid YAML:")


def _plain_or_refused(text: str, syntax: str) -> None:
    """load_plain gives load's data for a clean text and refuses every other one."""
    try:
        full = load(text, "f", syntax=syntax)
    except MapSyntaxError:
        full = None
    clean = full is not None and not full[1]
    try:
        plain = load_plain(text, syntax=syntax)
    except NotPlainError:
        # Refusing is always safe (the full reading follows); only a clean YAML text
        # with tags of the core schema written out (``!!str``) may be refused as well.
        assert not clean or "!" in text or "&" in text
        return
    assert clean, f"load_plain accepted what load reports: {full and full[1]}"
    assert full is not None
    assert plain == full[0]
    assert [type(v) for v in _leaves(plain)] == [type(v) for v in _leaves(full[0])]


def _leaves(data: object) -> list[object]:
    if isinstance(data, dict):
        return [leaf for value in data.values() for leaf in _leaves(value)]
    if isinstance(data, list):
        return [leaf for value in data for leaf in _leaves(value)]
    return [data]


@pytest.mark.parametrize(
    "path",
    [SEED_MAP, *sorted(DATA.rglob("*.yaml")), *sorted(DATA.rglob("*.json"))],
    ids=lambda p: Path(p).name,
)
def test_the_fast_reading_gives_the_full_readings_data_or_refuses(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _plain_or_refused(text, "json" if path.suffix == ".json" else "yaml")


def test_the_fast_reading_refuses_whatever_the_full_reading_reports() -> None:
    for text in (
        ODD,
        "",
        "# nothing\n",
        "a: 1\n---\nb: 2\n",
        "a: [1\n",
        "{1: x}\n",
        "a: !!str 1\n",
    ):
        with pytest.raises(NotPlainError):
            load_plain(text, syntax="yaml")
    for text in ('{"a": 1, "a": 2}', '{"a": NaN}', '{"a": Infinity}', "[1,]", ""):
        with pytest.raises(NotPlainError):
            load_plain(text, syntax="json")


SCALARS = (
    st.sampled_from(
        [
            "yes",
            "no",
            "on",
            "~",
            "null",
            "Null",
            "",
            "true",
            "False",
            "0x1F",
            "0o17",
            "017",
            "-0",
            "+1",
            "1e3",
            "1.5E-3",
            ".inf",
            "-.Inf",
            ".nan",
            "2018-11-01",
            "1_000",
            "@x",
            "a: b",
            "- x",
            "#c",
            "é",
            "\t",
            " lead",
            "trail ",
            "'q'",
            '"dq"',
            "!tag",
            "&a",
            "*a",
        ]
    )
    | st.text(max_size=6)
    | st.integers()
    | st.floats(allow_nan=False)
    | st.booleans()
    | st.none()
)
DATA_TREES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(max_size=5) | st.sampled_from(["1", "true", "~", ""]), inner, max_size=4
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    DATA_TREES,
    st.sampled_from([None, True, False]),
    st.booleans(),
    st.sampled_from([None, '"', "'", "|", ">"]),
)
def test_the_fast_reading_agrees_on_generated_yaml(
    data: object, flow: bool | None, wide: bool, style: str | None
) -> None:
    text = yaml.safe_dump(
        data, default_flow_style=flow, allow_unicode=wide, sort_keys=False, default_style=style
    )
    _plain_or_refused(text, "yaml")
    _plain_or_refused(json.dumps(data, ensure_ascii=not wide), "json")


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_fast_reading_agrees_on_mutated_map_files(data: st.DataObject) -> None:
    text = SEED_MAP.read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        piece = data.draw(
            st.sampled_from(
                [
                    "&a ",
                    "*a",
                    "!!str ",
                    "!x ",
                    "\nid: again\n",
                    ": ",
                    "- ",
                    "{",
                    "'",
                    "1: x\n",
                    "~",
                    "\t",
                    # What the scanner of map-style YAML reads itself: quotes, block
                    # scalars, comments, continuation lines, flow collections.
                    "'x'",
                    '"',
                    "|",
                    ">-",
                    " #",
                    "\n  ",
                    "\n- ",
                    "[a, b]",
                    "{k: v}",
                ]
            )
        )
        text = text[:at] + piece + text[at:]
    _plain_or_refused(text, "yaml")
