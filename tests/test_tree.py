"""YAML read from parser events: the same data, issues and positions as from the node tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.formats._tree import MapSyntaxError, compose, load, to_data
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
