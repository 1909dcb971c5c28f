"""The rules both directions share: what a plain AIF node imports as, and the extension."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from argmap.formats._ids import id_from
from argmap.model._base import ID_PATTERN
from argmap.schemes.catalogue import aif_scheme_name, is_unnamed, scheme_key
from argmap.schemes.scheme import SLUG_PATTERN

#: The key under which argmap-only data is written into AIF nodes and the AIF object.
EXTENSION_KEY: Final = "argmap"
#: The meta key that carries AIF data argmap has no field for (maps, nodes, relations).
META_KEY: Final = "aif"
#: The meta key of a relation that carries the AIF keys of its edges.
EDGES_META_KEY: Final = "aif_edges"
#: The meta key of a relation read from a scheme node that named a scheme AIFdb has an id
#: for by its text alone (as OVA writes): it is written back without AIFdb's fields.
TEXT_ONLY_KEY: Final = "aif_text_only"
#: The text given to an I-node whose text is empty (the original is kept in meta).
NO_TEXT: Final = "(no text)"

SCHEME_TYPES: Final = frozenset({"RA", "CA", "MA", "PA"})
DIALOGUE_TYPES: Final = ("L", "TA", "YA")
KNOWN_TYPES: Final = frozenset({"I", *SCHEME_TYPES, *DIALOGUE_TYPES})
TYPE_KINDS: Final = {"RA": "supports", "CA": "attacks", "MA": "rephrases", "PA": "prefers"}
KIND_TYPES: Final = {
    "supports": "RA",
    "pushes": "RA",
    "attacks": "CA",
    "undercuts": "CA",
    "pulls": "CA",
    "questions": "CA",
    "rephrases": "MA",
    "prefers": "PA",
}
#: The scheme text written for a relation without a scheme; push and pull keep their
#: direction visible to AIF tools.
DEFAULT_SCHEMES: Final = {
    "supports": "Default Inference",
    "attacks": "Default Conflict",
    "undercuts": "Default Conflict",
    "pushes": "Push Factor",
    "pulls": "Pull Factor",
    "questions": "Critical Question",
    "rephrases": "Default Rephrase",
    "prefers": "Default Preference",
}
_DEFAULT_TEXTS: Final = frozenset(DEFAULT_SCHEMES.values())
MAP_EXT_FIELDS: Final = (
    "id",
    "title",
    "description",
    "source",
    "authors",
    "bibliography",
    "actors",
    "schemes",
)
DEFAULT_KEYS: Final = ["nodes", "edges", "locutions"]
DEFAULT_TOP: Final[dict[str, Any]] = {"locutions": []}
COMMON_NODE_FIELDS: Final = frozenset(
    {"id", "title", "text", "actor", "tags", "cites", "answers", "note", "meta"}
)
#: The keys of an AIFdb scheme node that name its scheme: the scheme's name without
#: spaces (``ExpertOpinion``) and its id in AIFdb (``"15"``).
SCHEME_KEYS: Final = ("scheme", "schemeID")

ID_RE: Final = re.compile(ID_PATTERN)
_SLUG_RE: Final = re.compile(SLUG_PATTERN)

# -- scheme names: what a scheme node says, and what a relation's scheme is written as -----


def scheme_text(kind: str, scheme: str | None) -> str:
    """The text of the scheme node a relation is written as.

    A scheme named by its catalogue id (``expert-opinion``, as maps write them) is written
    with the name AIF tools use (``Expert Opinion``); any other name as it is; no scheme,
    as what OVA writes for none (``Default Inference``, ``Default Conflict``, ...).

    >>> scheme_text("supports", "expert-opinion"), scheme_text("supports", "Gut Feeling")
    ('Expert Opinion', 'Gut Feeling')
    >>> scheme_text("attacks", None)
    'Default Conflict'
    """
    if scheme is None:
        return DEFAULT_SCHEMES[kind]
    if _SLUG_RE.match(scheme):  # only then can it be an id: the catalogue is read lazily
        from argmap.schemes import builtin_catalogue

        catalogue = builtin_catalogue()
        if scheme in catalogue:
            return catalogue[scheme].aif_name
    return scheme


def aifdb_fields(scheme: str | None) -> dict[str, str]:
    """AIFdb's ``scheme`` and ``schemeID`` for a scheme the catalogue knows its AIFdb id of.

    >>> aifdb_fields("expert-opinion"), aifdb_fields("abduction")
    ({'scheme': 'ExpertOpinion', 'schemeID': '15'}, {})
    """
    if scheme is None or is_unnamed(scheme):
        return {}
    from argmap.schemes import builtin_catalogue

    found = builtin_catalogue().find(scheme)
    if found is None or found.aifdb is None:
        return {}
    return {"scheme": found.aif_name.replace(" ", ""), "schemeID": str(found.aifdb)}


def text_fits(text: object, scheme: str | None) -> bool:
    """Whether the text an AIF scheme node was read with still fits the relation's scheme.

    A text that names no scheme (``RA``, as AraucariaDB writes, or ``Default Inference``)
    fits any; a name fits when it names the same scheme.
    """
    if not isinstance(text, str) or not text.strip() or is_unnamed(text):
        return True
    return _same_scheme(text, scheme)


def field_fits(field: object, scheme: str | None) -> bool:
    """Whether the ``scheme`` field an AIF node was read with still fits the relation's
    scheme (after the scheme was changed in argmap, it does not)."""
    if not isinstance(field, str) or not field.strip():
        return True
    if is_unnamed(field):
        return scheme is None or is_unnamed(scheme)
    return _same_scheme(field, scheme)


def _same_scheme(name: str, scheme: str | None) -> bool:
    if scheme is None or is_unnamed(scheme):
        return False
    if scheme_key(name) == scheme_key(scheme):
        return True
    from argmap.schemes import builtin_catalogue

    catalogue = builtin_catalogue()
    found = catalogue.find(name)
    return found is not None and found is catalogue.find(scheme)


# -- shared rules: what a plain AIF node imports as ------------------------------------------


def is_text(value: object) -> bool:
    return isinstance(value, str) and not value.isspace() and value != ""


def assign_ids(keys: Sequence[str]) -> dict[str, str]:
    """Argmap ids for AIF ids: valid ones are kept, the others made valid and unique."""
    ids = {key: key for key in keys if ID_RE.match(key)}
    taken = set(ids)
    for key in keys:
        if key not in ids:
            base = candidate = id_from(key)
            count = 1
            while candidate in taken:
                count += 1
                candidate = f"{base}-{count}"
            ids[key] = candidate
            taken.add(candidate)
    return ids


def node_extras(raw: Mapping[str, Any], node_id: str, *, text_ok: bool) -> dict[str, Any]:
    """The keys of an AIF node that the argmap fields do not already hold."""
    # Copy and pop rather than filter key by key: this runs for every node of a corpus.
    extras = dict(raw)
    extras.pop("type", None)
    if extras.get("nodeID") == node_id and type(extras["nodeID"]) is str:
        del extras["nodeID"]
    if text_ok:
        extras.pop("text", None)
    if type(extras.get(EXTENSION_KEY)) is dict:
        del extras[EXTENSION_KEY]
    return extras


def plain_node(node_id: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    """The node (as plain data) that an I-node without argmap's extension imports as."""
    text = raw.get("text")
    ok = is_text(text)
    extras = node_extras(raw, node_id, text_ok=ok)
    # Only what differs from the defaults: fewer keys to validate. NODE_DEFAULTS fills
    # in the rest where export compares field by field.
    plain = {"id": node_id, "text": text if ok else NO_TEXT, "kind": "claim"}
    if extras:
        plain["meta"] = {META_KEY: extras}
    return plain


NODE_DEFAULTS: Final[dict[str, Any]] = {
    "title": None,
    "status": None,
    "standard": None,
    "actor": None,
    "tags": [],
    "cites": [],
    "answers": [],
    "note": None,
    "meta": {},
    "thesis": False,
}
RELATION_DEFAULTS: Final[dict[str, Any]] = {
    "weight": None,
    "scheme": None,
    "answers": [],
    "note": None,
    "cites": [],
    "meta": {},
}


def default_edge_id(from_id: object, to_id: object) -> str:
    return f"{from_id}>{to_id}"


def edge_extras(raw: Mapping[str, Any], from_id: Any, to_id: Any) -> dict[str, Any] | None:
    """The keys of an edge beyond what export writes by itself; None when nothing is left.

    ``from_id`` and ``to_id`` are the ids of the nodes at its ends as the nodes write them:
    an edge that names a node ``"5"`` as ``5`` keeps its own spelling.
    """
    extras = dict(raw)
    # The same value and the same JSON type (5 is not "5"); inline, for every edge.
    value = extras["fromID"]
    if type(value) is type(from_id) and value == from_id:
        del extras["fromID"]
    value = extras["toID"]
    if type(value) is type(to_id) and value == to_id:
        del extras["toID"]
    if len(extras) == 1 and extras.get("edgeID") == default_edge_id(from_id, to_id):
        return None
    return extras


def plain_relation(
    relation_id: str,
    raw: Mapping[str, Any],
    premises: Sequence[tuple[str, Any, Mapping[str, Any]]],
    conclusion: tuple[str, Any, Mapping[str, Any]],
    *,
    at_scheme: bool,
) -> dict[str, Any]:
    """The relation (as plain data) that a scheme node without argmap's extension imports as.

    ``premises`` and ``conclusion`` give, for the node at the far end of each edge, its
    argmap id and its AIF id, then the AIF edge.
    """
    own_id = raw["nodeID"]
    text = raw.get("text")
    kind = TYPE_KINDS[raw["type"]]
    if kind == "attacks" and at_scheme:
        kind = "undercuts"
    # The scheme a node names: its text, else AIFdb's scheme field (AraucariaDB writes
    # the node type as text); a text that names none, such as Default Inference, is kept.
    scheme = aif_scheme_name(raw)
    if scheme is None and is_text(text):
        scheme = text
    # The text goes to meta only when writing the relation would not give it back.
    extras = node_extras(
        raw, relation_id, text_ok=is_text(text) and text == scheme_text(kind, scheme)
    )
    meta: dict[str, Any] = {}
    named = scheme is not None and not is_unnamed(scheme) and scheme not in _DEFAULT_TEXTS
    fresh = aifdb_fields(scheme) if named else {}
    if fresh:
        present = {key: raw[key] for key in SCHEME_KEYS if key in raw}
        if present == fresh:
            for key in SCHEME_KEYS:  # writing the relation gives them back
                extras.pop(key, None)
        elif not present:
            meta[TEXT_ONLY_KEY] = True  # OVA's way: the name alone, and so on export
    if extras:
        meta[META_KEY] = extras
    edges: dict[str, Any] = {}
    premise_edges = {}
    for premise, premise_id, edge in premises:
        kept = edge_extras(edge, premise_id, own_id)
        if kept is not None:
            premise_edges[premise] = kept
    if premise_edges:
        edges["premises"] = premise_edges
    kept = edge_extras(conclusion[2], own_id, conclusion[1])
    if kept is not None:
        edges["conclusion"] = kept
    if edges:
        meta[EDGES_META_KEY] = edges
    sources = [p for p, _, _ in premises]
    plain: dict[str, Any] = {
        "id": relation_id,
        "kind": kind,
        "from": sources[0] if len(sources) == 1 else sources,
        "to": conclusion[0],
    }
    if scheme is not None:
        plain["scheme"] = scheme
    if meta:
        plain["meta"] = meta
    return plain


def diff(actual: Mapping[str, Any], plain: Mapping[str, Any]) -> dict[str, Any]:
    """The fields whose value differs from what a plain import gives: the extension.

    A field the plain reading does not have (a factor's ``direction`` and ``weight``) is
    written unless it is unset.
    """
    ext: dict[str, Any] = {}
    for key, value in actual.items():
        if plain.get(key, _MISSING if value is not None else None) != value:
            ext[key] = value
    if "cites" in ext:
        # Unset citation fields read back as unset; writing them out is only noise.
        ext["cites"] = [{k: v for k, v in c.items() if v is not None} for c in ext["cites"]]
    return ext


_MISSING: Final = object()


def keep_rejected(plain: dict[str, Any], ext: dict[str, Any]) -> None:
    """Keep an extension that could not be applied in meta, so export writes it back."""
    meta = plain.get("meta", {})
    plain["meta"] = {**meta, META_KEY: {**meta.get(META_KEY, {}), EXTENSION_KEY: ext}}
