"""Every diagram option is checked before anything is drawn; each error names the choices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import render
from argmap.diagrams import to_dot, to_mermaid
from argmap.diagrams.options import OptionError, check_options
from argmap.model import ArgumentMap

#: (option, bad value, the exact message).
BAD_OPTIONS: list[tuple[str, Any, str]] = [
    ("direction", "sideways", "direction must be one of 'TB', 'LR'; got 'sideways'"),
    ("direction", "tb", "direction must be one of 'TB', 'LR'; got 'tb'"),
    ("theme", "dark", "theme must be one of 'color', 'print'; got 'dark'"),
    ("size", "a3", "size must be one of 'a4', 'letter', 'slide', None; got 'a3'"),
    ("group_by", "colour", "group_by must be one of 'actor', 'kind', None; got 'colour'"),
    ("wrap_width", -5, "wrap_width must be a whole number from 0 up; got -5"),
    ("wrap_width", 2.5, "wrap_width must be a whole number from 0 up; got 2.5"),
    ("wrap_width", True, "wrap_width must be a whole number from 0 up; got True"),
    ("depth", -1, "depth must be a whole number from 0 up; got -1"),
    ("dpi", 0, "dpi must be a whole number from 1 up or None; got 0"),
    ("legend", "yes", "legend must be True or False; got 'yes'"),
    ("hide_text", 1, "hide_text must be True or False; got 1"),
    ("focus", 3, "focus must be a string or None; got 3"),
    (
        "citation_labels",
        {"k": 1},
        "citation_labels must map strings to strings (a dict) or be None; got {'k': 1}",
    ),
    (
        "annotations",
        ["a"],
        "annotations must map strings to strings (a dict) or be None; got ['a']",
    ),
    (
        "tones",
        {"symbolic-sanctions": "in"},
        "tones must map node ids to 'stands', 'falls', 'open' (a dict) or be None; "
        "got {'symbolic-sanctions': 'in'}",
    ),
    (
        "tones",
        "stands",
        "tones must map node ids to 'stands', 'falls', 'open' (a dict) or be None; got 'stands'",
    ),
    ("show_schemes", "yes", "show_schemes must be True or False; got 'yes'"),
    ("show_schemes", None, "show_schemes must be True or False; got None"),
]


@pytest.mark.parametrize(("name", "value", "message"), BAD_OPTIONS)
def test_to_dot_refuses_a_bad_option(
    seed_map: ArgumentMap, name: str, value: Any, message: str
) -> None:
    with pytest.raises(OptionError) as caught:
        to_dot(seed_map, **{name: value})
    assert str(caught.value) == message


@pytest.mark.parametrize(("name", "value", "message"), BAD_OPTIONS)
def test_render_and_diagram_options_refuse_a_bad_option(
    seed_map: ArgumentMap, tmp_path: Path, name: str, value: Any, message: str
) -> None:
    options: argmap.diagrams.DiagramOptions = {name: value}  # type: ignore[misc]
    with pytest.raises(OptionError) as caught:
        render(seed_map, tmp_path / "m.dot", **options)
    assert str(caught.value) == message
    assert not (tmp_path / "m.dot").exists()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [case for case in BAD_OPTIONS if case[0] in (to_mermaid.__kwdefaults__ or {})],
)
def test_to_mermaid_refuses_a_bad_option(
    seed_map: ArgumentMap, name: str, value: Any, message: str
) -> None:
    with pytest.raises(OptionError) as caught:
        to_mermaid(seed_map, **{name: value})
    assert str(caught.value) == message


def test_an_unknown_option_lists_the_options(seed_map: ArgumentMap, tmp_path: Path) -> None:
    with pytest.raises(OptionError, match=r"unknown diagram option 'colour'; the options are "):
        render(seed_map, tmp_path / "m.svg", colour="red")  # type: ignore[call-arg]
    with pytest.raises(OptionError) as caught:
        check_options({"colour": "red"}, allowed=frozenset({"direction", "depth"}))
    assert str(caught.value) == "unknown diagram option 'colour'; the options are depth, direction"


def test_option_errors_are_value_errors_and_render_errors() -> None:
    assert issubclass(OptionError, ValueError)
    assert issubclass(OptionError, argmap.RenderError)


def test_every_option_of_to_dot_is_checked(seed_map: ArgumentMap) -> None:
    """A new keyword of to_dot without a check would be let through unchecked."""
    assert to_dot.__kwdefaults__ is not None
    check_options(to_dot.__kwdefaults__)
    assert set(to_dot.__kwdefaults__) == set(argmap.diagrams.DiagramOptions.__annotations__)
