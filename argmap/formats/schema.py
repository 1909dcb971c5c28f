"""The JSON Schema of the map file format, generated from the pydantic model.

Editors that speak JSON Schema (VS Code with the YAML extension, JetBrains IDEs, any
``yaml-language-server`` client) check a map file while it is typed. The schema is
generated, never written by hand, so it cannot drift from what :func:`argmap.read_map`
accepts; a copy for editors is committed at ``docs/argmap-map.schema.json``.

The schema covers the structure of a map (fields, types, patterns, ranges). What it
cannot say, :func:`argmap.check` still does: unique ids, references that resolve,
relation kinds that fit their nodes, support cycles.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from argmap.model import FORMAT_VERSION, ArgumentMap

__all__ = ["dump_json_schema", "json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_NODE_DEFS = ("Claim", "Evidence", "Factor", "Question")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a map file, as a dict.

    Generated from :class:`argmap.ArgumentMap`; doctest examples are removed from the
    descriptions, node ``kind`` is required (files must say which kind a node is) and the
    format version is a constant.

    >>> schema = json_schema()
    >>> schema["properties"]["argmap"]["const"], sorted(schema["required"])
    (1, ['argmap', 'id', 'title'])
    >>> "kind" in schema["$defs"]["Factor"]["required"]
    True
    """
    raw = ArgumentMap.model_json_schema(by_alias=True, mode="validation")
    schema: dict[str, Any] = {
        "$schema": _DIALECT,
        **copy.deepcopy(raw),
    }
    schema["title"] = "argmap map file"
    schema["description"] = (
        "An argument map: what a piece of research argues, as typed, cited nodes and "
        f"relations (argmap format version {FORMAT_VERSION})."
    )
    schema["properties"]["argmap"] = {
        "const": FORMAT_VERSION,
        "description": "The version of the map file format; write 'argmap: 1'.",
    }
    schema["required"] = sorted({*schema.get("required", []), "argmap"})
    kinds = {}
    for name in _NODE_DEFS:
        node = schema["$defs"][name]
        node["required"] = [*node.get("required", []), "kind"]
        kinds[node["properties"]["kind"]["const"]] = name
    schema["properties"]["nodes"]["items"] = _node_item(kinds)
    _clean_descriptions(schema)
    return schema


def _node_item(kinds: dict[str, str]) -> dict[str, Any]:
    """A node, chosen by its ``kind`` with if/then rather than pydantic's oneOf.

    With oneOf a validator can only say "matches none of claim, evidence, ..."; with
    if/then it reports the offending field itself (``weight``, ``id``, ...), which is what
    an editor should underline.
    """
    return {
        "type": "object",
        "required": ["kind"],
        "properties": {
            "kind": {
                "enum": list(kinds),
                "description": "What the node is: " + ", ".join(kinds) + ".",
            }
        },
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"$ref": f"#/$defs/{name}"},
            }
            for kind, name in kinds.items()
        ],
    }


def dump_json_schema() -> str:
    """The schema as JSON text, indented, keys in a stable order, ending in a newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


_DOCTEST = re.compile(r"\n*>>>.*", re.DOTALL)


def _clean_descriptions(value: Any) -> None:
    """Drop doctest examples from descriptions: editors show descriptions as hover help."""
    if isinstance(value, dict):
        description = value.get("description")
        if isinstance(description, str):
            cleaned = _DOCTEST.sub("", description).strip()
            if cleaned:
                value["description"] = cleaned
            else:
                del value["description"]
        for item in value.values():
            _clean_descriptions(item)
    elif isinstance(value, list):
        for item in value:
            _clean_descriptions(item)
