"""The characters and nesting a map's free data may hold: every offending string is found,
at its path, and nothing else."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.model._text import MAX_NESTING, TOO_DEEP, UNWRITABLE, find_unwritable

Found = tuple[tuple[str | int, ...], bool]


def reference(data: Any, path: tuple[str | int, ...] = ()) -> list[Found]:
    """What find_unwritable must find, written the plain recursive way."""
    if isinstance(data, dict | list) and len(path) >= MAX_NESTING:
        return [(path, False)]
    if isinstance(data, str):
        return [(path, False)] if UNWRITABLE.search(data) else []
    found: list[Found] = []
    if isinstance(data, dict):
        for key, child in data.items():
            if isinstance(key, str) and UNWRITABLE.search(key):
                found.append(((*path, key), True))
            found.extend(reference(child, (*path, key)))
    elif isinstance(data, list):
        for i, child in enumerate(data):
            found.extend(reference(child, (*path, i)))
    return found


_TEXT = st.text(alphabet=st.sampled_from("ab \n\t\x00\x1b\x1f\ufffe\uffff\ud800é"), max_size=4)
_DATA = st.recursive(
    st.one_of(_TEXT, st.integers(), st.none(), st.booleans()),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(_TEXT, children, max_size=3)
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(_DATA)
def test_every_string_with_a_character_no_xml_carries_is_found_at_its_path(data: Any) -> None:
    found = [(path, is_key) for path, _, is_key in find_unwritable(data)]
    assert sorted(found, key=repr) == sorted(reference(data), key=repr)


def _nested(levels: int) -> Any:
    data: Any = "leaf"
    for _ in range(levels):
        data = [data]
    return data


def test_nesting_is_bounded_at_the_first_list_past_the_bound() -> None:
    assert list(find_unwritable({"a": _nested(MAX_NESTING - 1)})) == []
    (found,) = find_unwritable({"a": _nested(MAX_NESTING + 5)})
    assert found[1:] == (TOO_DEEP, False)
    assert len(found[0]) == MAX_NESTING
