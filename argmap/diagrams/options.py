"""Checking the options of a diagram before anything is drawn: each error lists the choices.

:func:`check_options` is called by :func:`argmap.to_dot`, :func:`argmap.to_mermaid` and
:func:`argmap.render`, so a misspelt choice (``direction="sideways"``), a value of the
wrong type or an option that does not exist fails at once, with the choices named,
instead of being drawn as some default or failing later with a bare ``KeyError``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeAlias, get_args

from argmap.diagrams.theme import TONES, ThemeName
from argmap.errors import OptionError

__all__ = [
    "PAGE_SIZES",
    "GroupBy",
    "LayoutDirection",
    "OptionError",
    "PageSize",
    "check_options",
]

LayoutDirection: TypeAlias = Literal["TB", "LR"]
GroupBy: TypeAlias = Literal["actor", "kind"]
PageSize: TypeAlias = Literal["a4", "letter", "slide"]
#: Width and height of each page in points, upright (a slide is 16:9, 13.33 by 7.5 in,
#: drawn at 144 dpi: 1920 by 1080 pixels).
PAGE_SIZES: dict[PageSize, tuple[int, int]] = {
    "a4": (595, 842),
    "letter": (612, 792),
    "slide": (960, 540),
}


def _choices(values: tuple[Any, ...]) -> str:
    return ", ".join(repr(v) for v in values)


def _one_of(values: tuple[Any, ...]) -> Callable[[str, Any], None]:
    def check(name: str, value: Any) -> None:
        if not isinstance(value, str | type(None)) or value not in values:
            raise OptionError(f"{name} must be one of {_choices(values)}; got {value!r}")

    return check


def _flag(name: str, value: Any) -> None:
    if not isinstance(value, bool):
        raise OptionError(f"{name} must be True or False; got {value!r}")


def _count(least: int, *, optional: bool = False) -> Callable[[str, Any], None]:
    def check(name: str, value: Any) -> None:
        if optional and value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            none = " or None" if optional else ""
            raise OptionError(f"{name} must be a whole number from {least} up{none}; got {value!r}")

    return check


def _text(name: str, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise OptionError(f"{name} must be a string or None; got {value!r}")


def _table(name: str, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise OptionError(f"{name} must map strings to strings (a dict) or be None; got {value!r}")


def _tones(name: str, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) and v in TONES for k, v in value.items()
    ):
        raise OptionError(
            f"{name} must map node ids to {_choices(TONES)} (a dict) or be None; got {value!r}"
        )


def _checks() -> dict[str, Callable[[str, Any], None]]:
    return {
        "direction": _one_of(get_args(LayoutDirection)),
        "wrap_width": _count(0),
        "group_by": _one_of((*get_args(GroupBy), None)),
        "hide_evidence": _flag,
        "hide_citations": _flag,
        "hide_text": _flag,
        "focus": _text,
        "depth": _count(0),
        "theme": _one_of(get_args(ThemeName)),
        "show_weights": _flag,
        "legend": _flag,
        "key_block": _flag,
        "title": _flag,
        "citation_labels": _table,
        "references": _table,
        "size": _one_of((*PAGE_SIZES, None)),
        "dpi": _count(1, optional=True),
        "annotations": _table,
        "annotation_key": _text,
        "tones": _tones,
        "show_schemes": _flag,
        "imported": _table,
    }


def check_options(options: Mapping[str, Any], *, allowed: frozenset[str] | None = None) -> None:
    """Raise :class:`OptionError` for the first option that is unknown or has a wrong value.

    Args:
        options: diagram options by name (see :class:`argmap.diagrams.DiagramOptions`).
        allowed: the names the caller takes, when fewer than all of them.

    >>> check_options({"direction": "LR", "size": "a4"})
    >>> check_options({"direction": "sideways"})
    Traceback (most recent call last):
    argmap.errors.OptionError: direction must be one of 'TB', 'LR'; got 'sideways'
    >>> check_options({"group_by": "colour"})
    Traceback (most recent call last):
    argmap.errors.OptionError: group_by must be one of 'actor', 'kind', None; got 'colour'
    """
    checks = _checks()
    names = allowed if allowed is not None else frozenset(checks)
    for name, value in options.items():
        check = checks.get(name)
        if check is None or name not in names:
            known = ", ".join(sorted(names))
            raise OptionError(f"unknown diagram option {name!r}; the options are {known}")
        check(name, value)
