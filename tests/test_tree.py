"""YAML read from parser events: the same data, issues and positions as from the node tree;
the fast reading of clean texts: the same data, or a refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats._tree import (
    MapSyntaxError,
    NotPlainError,
    compose,
    load,
    load_plain,
    to_data,
)
from tests.conftest import DATA, SEED_MAP

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


def _both(text: str, filename: str) -> tuple[object, object]:
    root = compose(text, filename, syntax="yaml")
    assert root is not None
    data, issues, locator = to_data(root, filename)
    tree = (data, issues, locator.values, locator.keys)
    loaded = load(text, filename, syntax="yaml")
    assert loaded is not None
    data, issues, locator = loaded
    return tree, (data, issues, locator.values, locator.keys)


@pytest.mark.parametrize(
    "path", [SEED_MAP, *sorted(DATA.rglob("*.yaml"))], ids=lambda p: Path(p).name
)
def test_events_give_what_the_tree_gives_on_every_yaml_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        tree, events = _both(text, str(path))
    except MapSyntaxError as exc:
        with pytest.raises(MapSyntaxError) as caught:
            load(text, str(path), syntax="yaml")
        assert caught.value.issue == exc.issue
        return
    assert events == tree


def test_events_refuse_what_the_tree_refuses_at_the_same_places() -> None:
    tree, events = _both(ODD, "odd.yaml")
    assert events == tree
    codes = [issue.code for issue in events[1]]  # type: ignore[index]
    assert codes == ["alias", "key-type", "yaml-tag", "key-type", "duplicate-key"]


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
