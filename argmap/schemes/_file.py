"""Catalogue files: parse and read them with located errors; the bundled catalogue.

A catalogue file is YAML (or JSON) holding one mapping with a ``schemes`` list, each item
a scheme as :class:`~argmap.schemes.scheme.Scheme` describes it. It is read the safe way
maps are (:func:`argmap.formats._syntax.load`: plain data only, every value located), and
every problem of the file is reported together, each at its line and column.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from argmap._io import read_text
from argmap.errors import Issue, Location, Path, format_path, sort_issues
from argmap.schemes.catalogue import Catalogue, CatalogueError
from argmap.schemes.scheme import QUESTION_KINDS, CriticalQuestion, Premise, Scheme

BUILTIN = "catalogue.yaml"

_ID_HINT = "use lower-case letters and digits, in words joined by single hyphens"


class _CatalogueFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    schemes: list[Scheme]


@functools.cache
def builtin_catalogue() -> Catalogue:
    """The catalogue of argument schemes that ships with argmap (read once, read-only).

    >>> catalogue = builtin_catalogue()
    >>> catalogue.lookup("Argument From Expert Opinion").scheme.id
    'expert-opinion'
    """
    text = resources.files("argmap.schemes").joinpath(BUILTIN).read_text(encoding="utf-8")
    return parse_catalogue(text, filename=f"argmap/schemes/{BUILTIN}")


def read_catalogue(path: str | os.PathLike[str], *, extends: Catalogue | None = None) -> Catalogue:
    """Read a catalogue file (YAML, or JSON for ``.json``).

    With ``extends``, the file's schemes are added to that catalogue (their ids and names
    must be new; ``variant_of`` may name its schemes), as :func:`parse_catalogue` says.

    Raises:
        CatalogueError: the file is missing, unreadable or not a valid catalogue;
            ``.issues`` lists every problem, located.
    """
    name = os.fspath(path)
    return parse_catalogue(read_text(name, CatalogueError), filename=name, extends=extends)


def parse_catalogue(
    text: str, *, filename: str = "<string>", extends: Catalogue | None = None
) -> Catalogue:
    """Parse the text of a catalogue file.

    Args:
        text: YAML or JSON text.
        filename: the name used in error locations; a ``.json`` suffix reads JSON.
        extends: a catalogue the file's schemes are added to (:meth:`Catalogue.with_schemes`),
            such as :func:`builtin_catalogue`: the result holds both.

    Raises:
        CatalogueError: the text is not a valid catalogue; ``.issues`` lists every
            problem found, each located at ``filename:line:column``.

    >>> parse_catalogue('''
    ... schemes:
    ...   - id: sign
    ...     title: Argument from sign
    ...     premises: [{id: finding, text: Sign S is observed.}]
    ...     conclusion: A is presumably the case.
    ...     questions:
    ...       - {id: strength, kind: premise, premise: finding, text: Is S reliable?}
    ...       - {id: other, kind: exeption, text: Could something else explain S?}
    ... ''', filename="mine.yaml")
    Traceback (most recent call last):
    ...
    argmap.schemes.catalogue.CatalogueError: mine.yaml: 1 error in scheme catalogue
    mine.yaml:9:27: error: the kind of question 'other' of scheme 'sign' must be one of premise, assumption, exception, not 'exeption'
    """  # noqa: E501
    from argmap.formats._syntax import MapSyntaxError, load

    syntax = "json" if PurePath(filename).suffix.lower() == ".json" else "yaml"
    try:
        loaded = load(text, filename, syntax=syntax)
    except MapSyntaxError as exc:
        raise CatalogueError([exc.issue], source=filename) from None
    if loaded is None:
        empty = Issue(
            "error",
            "the file is empty; a catalogue holds a 'schemes' list",
            code="empty",
            location=Location(filename),
        )
        raise CatalogueError([empty], source=filename) from None
    data, found, locator = loaded
    if found:
        raise CatalogueError(sort_issues(found), source=filename)
    try:
        schemes = _CatalogueFile.model_validate(data).schemes
        return Catalogue(schemes) if extends is None else extends.with_schemes(schemes)
    except ValidationError as exc:
        issues = [translate_error(error, data) for error in exc.errors(include_url=False)]
    except CatalogueError as exc:
        issues = exc.issues
    located = [
        Issue(
            i.severity,
            i.message,
            code=i.code,
            path=i.path,
            location=locator.locate(i.path, key=i.code == "unknown-field"),
        )
        for i in issues
    ]
    raise CatalogueError(sort_issues(located), source=filename)


def _issue(message: str, code: str, path: Path) -> Issue:
    return Issue("error", message, code=code, path=path)


_MODELS: dict[str, type[BaseModel]] = {
    "": _CatalogueFile,
    "schemes": Scheme,
    "premises": Premise,
    "questions": CriticalQuestion,
}


def translate_error(error: Any, data: Any) -> Issue:
    """One pydantic error about a list of schemes as an issue: what is wrong, where, what is
    right.

    ``data`` is the document that holds the list under ``schemes`` (a catalogue file, or a
    map with schemes of its own); the issue's path points into it.
    """
    kind: str = error["type"]
    path: Path = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    field = path[-1] if path else ""
    owner = _describe(path[:-1], data)
    if kind == "extra_forbidden":
        model = _MODELS.get(_list_name(path[:-1]), _CatalogueFile)
        allowed = ", ".join(info.alias or name for name, info in model.model_fields.items())
        return _issue(
            f"unknown field {field!r} in {owner}; expected one of: {allowed}",
            "unknown-field",
            path,
        )
    if kind == "missing":
        return _issue(f"{owner} has no {field!r}", "missing-field", path)
    if kind == "literal_error":
        return _issue(
            f"the {field} of {owner} must be one of {', '.join(QUESTION_KINDS)}, not {value!r}",
            "invalid-kind",
            path,
        )
    if kind == "string_pattern_mismatch" and field in ("id", "premise", "variant_of"):
        return _issue(f"{value!r} is not a valid id ({format_path(path)}): {_ID_HINT}", "id", path)
    if kind == "string_pattern_mismatch" or (kind == "string_too_short" and value == ""):
        return _issue(f"the {field} of {owner} must not be empty", "empty-text", path)
    if kind == "too_short":
        return _issue(
            f"{owner} needs at least {ctx.get('min_length')} {field}, has"
            f" {ctx.get('actual_length')}",
            "too-few",
            path,
        )
    if kind in _EXPECTED:
        what = f"the {field} of {owner}" if isinstance(field, str) else format_path(path)
        if not path:
            what = "the catalogue"
        elif path == ("schemes",):
            what = "'schemes'"
        return _issue(
            f"{what} must be {_EXPECTED[kind]}, not {_typename(value)}", "invalid-type", path
        )
    if kind == "value_error":  # a model's own check: about the model at ``path`` itself
        message = str(ctx.get("error", error["msg"]))
        return _issue(f"{_describe(path, data)}: {message}", "invalid-scheme", path)
    return _issue(f"{format_path(path) or 'the file'}: {error['msg']}", "invalid", path)


_EXPECTED = {
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "string_type": "text",
    "int_type": "a whole number",
}


def _typename(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}"
    return "a list" if isinstance(value, list) else "a mapping"


def _list_name(path: Path) -> str:
    """The list an item at ``path`` belongs to ('' for the file itself)."""
    return str(path[-2]) if len(path) >= 2 and isinstance(path[-1], int) else ""


def _describe(path: Path, data: Any) -> str:
    """Name the thing at ``path``: "scheme 'sign'", "question 'other' of scheme 'sign'"."""
    if not path:
        return "the catalogue"
    if len(path) >= 2 and path[0] == "schemes" and isinstance(path[1], int):
        scheme = _value_at(data, path[:2])
        sid = scheme.get("id") if isinstance(scheme, dict) else None
        name = f"scheme {sid!r}" if isinstance(sid, str) else f"schemes[{path[1]}]"
        if len(path) == 2:
            return name
        if len(path) == 4 and path[2] in ("premises", "questions") and isinstance(path[3], int):
            item = _value_at(data, path)
            iid = item.get("id") if isinstance(item, dict) else None
            what = "premise" if path[2] == "premises" else "question"
            label = f"{what} {iid!r}" if isinstance(iid, str) else f"{path[2]}[{path[3]}]"
            return f"{label} of {name}"
        return f"{format_path(path[2:])} of {name}"
    return format_path(path)


def _value_at(data: Any, path: Path) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
