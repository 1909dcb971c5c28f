"""YAML's core schema as argmap reads it: the resolver of plain scalars (and which may
resolve, in one test), the Python value of each scalar, and the refusal that sends a text
from a fast reading to the full one.

Shared by the reading that knows positions (:mod:`argmap.formats._tree`) and the scanner
of map-style YAML (:mod:`argmap.formats._quick_yaml`), so that both resolve alike.

>>> _scalar(_INT, "0x1F"), _scalar(_FLOAT, "-.Inf"), _scalar(_BOOL, "True")
(31, -inf, True)
"""

from __future__ import annotations

import re
from typing import Any

import yaml

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


#: Plain scalars the core schema may read as other than strings: their first characters,
#: and the resolver's own patterns in one. Anything else is a string without asking it.
_RESOLVED_FIRST = frozenset(_CoreResolver.yaml_implicit_resolvers)
_MAYBE_RESOLVED = re.compile(
    "|".join(
        dict.fromkeys(
            f"(?:{pattern.pattern})"
            for resolvers in _CoreResolver.yaml_implicit_resolvers.values()
            for _, pattern in resolvers
        )
    )
).match


class NotPlainError(Exception):
    """The text holds something only the full reading (``_tree.load``) can report."""


def _scalar(tag: str, value: str) -> Any:
    """The Python value of a plain-data scalar (core schema), or the refusal marker."""
    if tag == _STR:
        return value
    if tag == _INT:
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if tag == _FLOAT:
        return float(value.lower().replace(".inf", "inf").replace(".nan", "nan"))
    if tag == _BOOL:
        return value.lower() == "true"
    if tag == _NULL:
        return None
    return _REFUSED


_REFUSED = object()
