"""Pydantic validation errors turned into located, compiler-style issues about map files."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from argmap.errors import Issue, ModelError, Path

# Through the package only: the models import this module (to explain their own errors).
from argmap.model import (
    NODE_KINDS,
    RELATION_KINDS,
    Actor,
    ArgumentMap,
    Citation,
    Claim,
    Evidence,
    Factor,
    Question,
    Relation,
)
from argmap.model._keys import KEY_ORDER
from argmap.model._text import UNWRITABLE_HINT, unwritable

NODE_CLASSES: dict[str, type[BaseModel]] = {
    "claim": Claim,
    "evidence": Evidence,
    "factor": Factor,
    "question": Question,
}

_ID_HINT = "ids use letters, digits, '_', '.', ':' and '-', and start with a letter, digit or '_'"
_REF_HINT = f"{_ID_HINT}; a node of another map is MAP-ID#NODE-ID, pinned MAP-ID#NODE-ID@sha256:HEX"


#: Where a model built on its own would be in a map, to name it as reading a map would.
_PLACES: dict[str, Path] = {
    "Claim": ("nodes", 0),
    "Evidence": ("nodes", 0),
    "Factor": ("nodes", 0),
    "Question": ("nodes", 0),
    "Relation": ("relations", 0),
    "Actor": ("actors", 0),
    "Citation": ("source",),
}


def model_error(model: type[BaseModel], exc: ValidationError, data: dict[str, Any]) -> ModelError:
    """The error for a model built in code with wrong fields, in argmap's words.

    >>> from argmap.model import Claim
    >>> try:
    ...     Claim(id="a", text="A", colour="red")
    ... except ModelError as exc:
    ...     print(exc)  # doctest: +ELLIPSIS
    Claim: 1 error in argument map
    error: unknown field 'colour' in claim node 'a'; expected one of: id, kind, thesis, ...
    """
    errors = exc.errors()
    # The structure's own error (argmap.model._structure.StructureError) carries its issues.
    causes = [(error.get("ctx") or {}).get("error") for error in errors]
    structure = [getattr(cause, "issues", None) for cause in causes]
    if structure and all(isinstance(found, list) for found in structure):
        return ModelError(structure[0], source=model.__name__)  # type: ignore[arg-type]
    place = _PLACES.get(model.__name__, ())
    document: Any = dict(data)
    if model.__name__ in ("Claim", "Evidence", "Factor", "Question"):
        document.setdefault("kind", model.__name__.lower())
    for part in reversed(place):
        document = [document] if isinstance(part, int) else {part: document}
    shifted = [{**error, "loc": (*place, *error["loc"])} for error in exc.errors(include_url=False)]
    issues = []
    seen: set[tuple[Path, str]] = set()
    for error in shifted:
        path, message, code = _translate(error, document)
        if (path, message) not in seen:
            seen.add((path, message))
            issues.append(Issue("error", message, code=code, path=path[len(place) :]))
    return ModelError(issues, source=model.__name__)


def issues_from_validation(exc: ValidationError, data: Any) -> list[Issue]:
    """One issue per distinct problem, each with the path of the offending value."""
    issues: list[Issue] = []
    seen: set[tuple[Path, str]] = set()
    for error in exc.errors(include_url=False):
        path, message, code = _translate(error, data)
        if (path, message) in seen:
            continue
        seen.add((path, message))
        issues.append(Issue("error", message, code=code, path=path))
    return issues


def _clean(loc: tuple[int | str, ...]) -> tuple[Path, str | None]:
    """Drop the union branch names pydantic puts into locations; say which branch it was."""
    path: list[int | str] = []
    branch = None
    for i, part in enumerate(loc):
        parent = loc[i - 2] if i >= 2 else None
        if parent == "nodes" and part in NODE_KINDS and isinstance(loc[i - 1], int):
            continue
        if isinstance(part, str) and (
            part in ("str", "list[constrained-str]")
            or part.startswith(("constrained-str", "list["))
        ):
            branch = part
            continue
        path.append(part)
    return tuple(path), branch


def _model_at(path: Path, data: Any) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` of the raw data."""
    if path == ():
        return ArgumentMap
    if path == ("source",):
        return Citation
    if len(path) == 2 and path[0] == "actors":
        return Actor
    if len(path) == 2 and path[0] == "relations":
        return Relation
    if len(path) == 4 and path[2] == "cites":
        return Citation
    if len(path) == 2 and path[0] == "nodes":
        node = _value_at(data, path)
        kind = node.get("kind") if isinstance(node, dict) else None
        return NODE_CLASSES.get(kind) if isinstance(kind, str) else None
    return None


def _value_at(data: Any, path: Path) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _fields(model: type[BaseModel]) -> list[str]:
    names = [info.alias or name for name, info in model.model_fields.items()]
    order = KEY_ORDER.get(model.__name__, ())
    return sorted(names, key=lambda name: order.index(name) if name in order else len(order))


def _describe(path: Path, data: Any) -> str:
    """Name the thing at ``path``: 'the map', "node 'x'", 'relations[2]', 'a citation'."""
    if path == ():
        return "the map"
    if path == ("source",):
        return "the map's source"
    if len(path) >= 2 and path[0] in ("nodes", "relations", "actors"):
        item = _value_at(data, path[:2])
        what = {"nodes": "node", "relations": "relation", "actors": "actor"}[str(path[0])]
        if isinstance(item, dict) and path[0] == "nodes" and isinstance(item.get("kind"), str):
            what = f"{item['kind']} node"
        ident = item.get("id") if isinstance(item, dict) else None
        name = f"{what} {ident!r}" if isinstance(ident, str) else f"{path[0]}[{path[1]}]"
        if len(path) == 4 and path[2] == "cites":
            return f"a citation of {name}"
        return name
    return ".".join(str(p) for p in path)


def _typename(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _suggest(value: Any, options: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _translate(error: Any, data: Any) -> tuple[Path, str, str]:
    kind: str = error["type"]
    path, branch = _clean(tuple(error["loc"]))
    if len(path) >= 2 and path[0] == "schemes":
        # A map's own schemes have the catalogue's shape, and its messages.
        from argmap.schemes._file import translate_error

        issue = translate_error({**error, "loc": path}, data)
        return issue.path, issue.message, issue.code
    value = error.get("input")
    ctx = error.get("ctx") or {}
    field = path[-1] if path else None
    owner = _describe(path[:-1], data) if path else "the map"
    if path == ("argmap",) and kind == "literal_error":
        return path, f"unknown format version {value!r}; this argmap reads format 1", "version"
    if kind == "extra_forbidden":
        model = _model_at(path[:-1], data)
        allowed = ", ".join(_fields(model)) if model else "see the map format reference"
        hint = ""
        if field in ("direction", "weight") and len(path) == 3 and path[0] == "nodes":
            hint = f"; {field!r} is only allowed on factor nodes (kind: factor)"
        elif field == "thesis" and len(path) == 3 and path[0] == "nodes":
            hint = "; 'thesis' is only allowed on claims (kind: claim)"
        else:
            names = tuple(_fields(model)) if model else ()
            hint = _suggest(field, names)
            return (
                path,
                f"unknown field {field!r} in {owner}; expected one of: {allowed}{hint}",
                "unknown-field",
            )
        return (
            path,
            f"unknown field {field!r} in {owner}{hint}; expected one of: {allowed}",
            "unknown-field",
        )
    if kind == "missing":
        return path, f"missing required field {field!r} in {owner}", "missing-field"
    if kind == "union_tag_invalid":
        tag = ctx.get("tag")
        return (
            (*path, "kind"),
            f"unknown node kind {tag!r}; expected one of: "
            + ", ".join(NODE_KINDS)
            + _suggest(tag, NODE_KINDS),
            "unknown-kind",
        )
    if kind == "union_tag_not_found":
        return (
            path,
            f"{_describe(path, data)} has no 'kind'; expected one of: " + ", ".join(NODE_KINDS),
            "missing-field",
        )
    if field == "from" or (len(path) == 4 and path[2] == "from"):
        if kind == "string_pattern_mismatch":
            return (
                path,
                f"invalid node id {value!r} in 'from' of {owner}; {_REF_HINT}",
                "invalid-id",
            )
        if branch is not None or kind in ("string_type", "list_type"):
            rel = _describe(path[:2], data)
            return (
                path[:3],
                f"'from' of {rel} must be a node id or a list of node ids, got {_typename(value)}",
                "type",
            )
    if kind == "literal_error":
        if field == "kind":
            return (
                path,
                f"unknown relation kind {value!r}; expected one of: "
                + ", ".join(RELATION_KINDS)
                + _suggest(value, RELATION_KINDS),
                "unknown-kind",
            )
        if field == "direction":
            return path, f"unknown direction {value!r}; expected 'push' or 'pull'", "direction"
        return path, f"{field!r} must be {ctx.get('expected')}, got {_typename(value)}", "type"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return path, f"{field!r} must be between 0 and 1, got {value!r}", "weight-range"
    if kind == "string_pattern_mismatch":
        if field == "to" or (len(path) == 4 and path[2] == "from"):
            return path, f"invalid id {value!r}: {_REF_HINT}", "invalid-id"
        if field in ("id", "actor"):
            return path, f"invalid id {value!r}: {_ID_HINT}", "invalid-id"
        if field == "key":
            return (
                path,
                f"invalid citation key {value!r}: no spaces, commas, braces, quotes or "
                "control characters",
                "invalid-key",
            )
        problem = unwritable(value) if isinstance(value, str) else None
        if problem is not None:
            return path, f"{field!r} holds {problem}; {UNWRITABLE_HINT}", "unwritable"
        return path, f"{field!r} must not be empty", "empty"
    if kind == "string_unicode":
        return (
            path,
            f"{field!r} holds a lone UTF-16 surrogate (half of a character, as JSON's "
            f"\\ud800 writes); {UNWRITABLE_HINT}",
            "unwritable",
        )
    if kind == "unwritable_text":
        return path, f"{error['msg']}; {UNWRITABLE_HINT}", "unwritable"
    if kind == "string_too_short":
        return path, f"{field!r} must not be empty", "empty"
    if kind == "string_type":
        return path, f"{field!r} must be a string, got {_typename(value)}", "type"
    if kind in ("bool_type", "bool_parsing"):
        return path, f"{field!r} must be true or false, got {_typename(value)}", "type"
    if kind in ("float_type", "float_parsing", "int_type", "int_parsing", "finite_number"):
        return path, f"{field!r} must be a number, got {_typename(value)}", "type"
    if kind == "list_type" and field == "answers" and isinstance(value, str):
        return (
            path,
            f"'answers' must be a list of SCHEME#QUESTION references, got {_typename(value)};"
            f" write answers: [{value}]",
            "type",
        )
    if kind == "list_type":
        return path, f"{field!r} must be a list, got {_typename(value)}", "type"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        name = _describe(path, data) if path else "the map"
        return path, f"{name} must be a mapping of fields, got {_typename(value)}", "type"
    return path, f"{field!r} in {owner}: {error['msg']}", kind
