"""A map to AIF JSON text: nodes, relations, the extension, and what import kept."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

from argmap.errors import FormatError, Issue
from argmap.formats._ids import fresh_id
from argmap.formats.aif._rules import (
    DEFAULT_KEYS,
    DEFAULT_TOP,
    EDGES_META_KEY,
    EXTENSION_KEY,
    KIND_TYPES,
    MAP_EXT_FIELDS,
    META_KEY,
    NO_TEXT,
    NODE_DEFAULTS,
    RELATION_DEFAULTS,
    SCHEME_KEYS,
    TEXT_ONLY_KEY,
    aifdb_fields,
    assign_ids,
    default_edge_id,
    diff,
    field_fits,
    keep_rejected,
    plain_node,
    plain_relation,
    scheme_text,
    text_fits,
)
from argmap.model import ArgumentMap, Claim, Node, Relation

#: One encoder for every line: json.dumps with options builds a new one per call.
_ENCODER: Final = json.JSONEncoder(ensure_ascii=False)


class Exporter:
    """One map on its way to AIF: ids assigned once, then nodes, edges and extensions."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        meta = amap.meta.get(META_KEY)
        self.meta: dict[str, Any] = meta if isinstance(meta, dict) else {}
        self.plain_ids: dict[str, str] = {}

    def run(self) -> dict[str, Any]:
        amap = self.amap
        aif_ids: dict[str, Any] = {}
        used: set[str] = set()
        for n in amap.nodes:
            aif_ids[n.id] = _aif_id(n.meta, n.id)
            used.add(str(aif_ids[n.id]))
        kept_nodes = [k for k in self.meta.get("nodes", []) if isinstance(k, dict)]
        used.update(str(k.get("nodeID")) for k in kept_nodes)
        relation_ids: list[Any] = []
        for r in amap.relations:
            if r.id is not None:
                aid = _aif_id(r.meta, r.id)
                aif_ids[r.id] = aid
                used.add(str(aid))
        for i, r in enumerate(amap.relations):
            if r.id is None:
                relation_ids.append(fresh_id(f"r{i + 1}", used))
            else:
                relation_ids.append(aif_ids[r.id])
        relation_targets = {r.id for r in amap.relations if r.id is not None}
        self.plain_ids = assign_ids(
            [str(aif_ids[n.id]) for n in amap.nodes] + [str(a) for a in relation_ids]
        )

        out_nodes: list[dict[str, Any]] = [self.node(n, aif_ids[n.id]) for n in amap.nodes]
        out_edges: list[dict[str, Any]] = []
        for r, aid in zip(amap.relations, relation_ids, strict=True):
            node, edges = self.relation(r, aid, aif_ids, at_scheme=r.target in relation_targets)
            out_nodes.append(node)
            out_edges.extend(edges)
        present = {str(o["nodeID"]) for o in out_nodes}
        clashes = [k.get("nodeID") for k in kept_nodes if str(k.get("nodeID")) in present]
        if clashes:
            raise FormatError(
                [
                    Issue(
                        "error",
                        f"node or relation id {str(clash)!r} is also the id of a node kept from "
                        "the AIF file it was read from (dialogue or unknown type); give it "
                        "another id",
                        code="id-clash",
                    )
                    for clash in clashes
                ],
                source=self.amap.id,
            )
        out_nodes.extend(kept_nodes)
        present.update(str(k.get("nodeID")) for k in kept_nodes)
        # Kept edges whose ends were removed from the map since import would dangle.
        out_edges.extend(
            e
            for e in self.meta.get("edges", [])
            if isinstance(e, dict)
            and str(e.get("fromID")) in present
            and str(e.get("toID")) in present
        )
        out_nodes = _reorder(out_nodes, self.meta.get("node_order"), "nodeID")
        out_edges = _reorder(out_edges, self.meta.get("edge_order"), "edgeID")

        graph: dict[str, Any] = {}
        top = self.meta.get("top", DEFAULT_TOP)
        keys = self.meta.get("keys", DEFAULT_KEYS)
        parts = {"nodes": out_nodes, "edges": out_edges}
        for key in keys if isinstance(keys, list) else DEFAULT_KEYS:
            if key in parts:
                graph[key] = parts.pop(key)
            elif isinstance(top, dict) and key in top:
                graph[key] = top[key]
        graph.update(parts)
        if isinstance(top, dict):
            graph.update((k, v) for k, v in top.items() if k not in graph)
        ext = self.map_extension()
        if ext:
            graph[EXTENSION_KEY] = ext
        wrapper = self.meta.get("wrapper")
        if isinstance(wrapper, dict):
            return {"AIF": graph, **wrapper}
        return graph

    def node(self, n: Node, aid: Any) -> dict[str, Any]:
        extras = n.meta.get(META_KEY)
        extras = dict(extras) if isinstance(extras, dict) else {}
        text: Any = n.text
        if n.text == NO_TEXT and "text" in extras:
            text = extras["text"]
        extras.pop("text", None)
        extras.pop("nodeID", None)
        raw: dict[str, Any] = {"nodeID": aid, "text": text, "type": "I", **extras}
        plain = {**NODE_DEFAULTS, **plain_node(self.plain_ids[str(aid)], raw)}
        _extend(raw, plain, _node_data(n))
        return raw

    def relation(
        self, r: Relation, aid: Any, aif_ids: Mapping[str, Any], *, at_scheme: bool
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        kept = r.meta.get(META_KEY)
        extras = dict(kept) if isinstance(kept, dict) else {}
        text: Any = extras.pop("text", _NONE)
        if text is _NONE or not text_fits(text, r.scheme):
            text = scheme_text(r.kind, r.scheme)
        extras.pop("nodeID", None)
        if any(key in extras for key in SCHEME_KEYS):
            if not field_fits(extras.get("scheme"), r.scheme):
                extras = _with_fields(extras, aifdb_fields(r.scheme))  # the scheme changed
        elif r.meta.get(TEXT_ONLY_KEY) is not True:
            extras.update(aifdb_fields(r.scheme))  # AIFdb's name and id of its scheme
        node_type = KIND_TYPES[r.kind]
        raw: dict[str, Any] = {"nodeID": aid, "text": text, "type": node_type, **extras}
        edge_meta = r.meta.get(EDGES_META_KEY)
        edge_meta = edge_meta if isinstance(edge_meta, dict) else {}
        premise_meta = edge_meta.get("premises")
        premise_meta = premise_meta if isinstance(premise_meta, dict) else {}
        edges: list[dict[str, Any]] = []
        premises: list[tuple[str, Any, Mapping[str, Any]]] = []
        for source in r.sources:
            edge = _edge(aif_ids[source], aid, premise_meta.get(source))
            edges.append(edge)
            premises.append((source, aif_ids[source], edge))
        target_id = aif_ids[r.target]
        conclusion = _edge(aid, target_id, edge_meta.get("conclusion"))
        edges.append(conclusion)
        plain = {
            **RELATION_DEFAULTS,
            **plain_relation(
                self.plain_ids[str(aid)],
                raw,
                premises,
                (r.target, target_id, conclusion),
                at_scheme=at_scheme,
            ),
        }
        _extend(raw, plain, _relation_data(r))
        return raw, edges

    def map_extension(self) -> dict[str, Any]:
        amap = self.amap
        derived = self.meta.get("derived", {})
        derived = derived if isinstance(derived, dict) else {}
        data = amap.model_dump(
            mode="json", by_alias=True, exclude_defaults=True, include=set(MAP_EXT_FIELDS)
        )
        ext: dict[str, Any] = {}
        for name in MAP_EXT_FIELDS:
            if name in ("id", "title"):
                # Made up from the file name on import: reading the file again makes it up
                # again, unless it was changed since.
                if derived.get(name) != getattr(amap, name):
                    ext[name] = getattr(amap, name)
            elif name in data:
                ext[name] = data[name]
        own = {k: v for k, v in amap.meta.items() if k != META_KEY}
        if own:
            ext["meta"] = own
        return ext


def _node_data(n: Node) -> dict[str, Any]:
    """A node as plain data; built by hand for the common plain claim (much faster)."""
    if (
        type(n) is Claim
        and not n.thesis
        and n.title is None
        and n.actor is None
        and not n.tags
        and not n.cites
        and not n.answers
        and n.note is None
        and n.status is None
        and n.standard is None
    ):
        return {**NODE_DEFAULTS, "id": n.id, "text": n.text, "kind": "claim", "meta": n.meta}
    return n.model_dump(mode="json", by_alias=True)


def _relation_data(r: Relation) -> dict[str, Any]:
    """A relation as plain data; built by hand when it has only what AIF holds."""
    if r.weight is None and r.note is None and not r.cites and not r.answers:
        source = r.source if isinstance(r.source, str) else list(r.source)
        data = {"id": r.id, "kind": r.kind, "from": source, "to": r.target}
        return {**RELATION_DEFAULTS, **data, "scheme": r.scheme, "meta": r.meta}
    return r.model_dump(mode="json", by_alias=True)


def to_text(data: dict[str, Any]) -> str:
    """JSON text with one node, edge or locution a line: readable, diffable, and fast.

    ``json.dumps`` with ``indent`` falls back to its pure-Python encoder, several times
    slower on a large map; each line here is written by the C encoder.

    >>> print(to_text({"nodes": [{"nodeID": "1", "type": "I"}], "edges": []}), end="")
    {
      "nodes": [
        {"nodeID": "1", "type": "I"}
      ],
      "edges": []
    }
    """

    encode = _ENCODER.encode

    def block(value: Any, pad: str, depth: int) -> str:
        if depth < 2 and isinstance(value, dict) and value:
            items = [
                f"{pad}  {encode(k)}: {block(v, pad + '  ', depth + 1)}" for k, v in value.items()
            ]
            return "{\n" + ",\n".join(items) + f"\n{pad}}}"
        if depth < 3 and isinstance(value, list) and value:
            items = [f"{pad}  {encode(v)}" for v in value]
            return "[\n" + ",\n".join(items) + f"\n{pad}]"
        return encode(value)

    return block(data, "", 0) + "\n"


def _extend(raw: dict[str, Any], plain: dict[str, Any], actual: dict[str, Any]) -> None:
    """Add the extension to an AIF node: what a plain import of it would not give back."""
    kept = raw.get(EXTENSION_KEY)
    if isinstance(kept, dict):
        # An extension rejected on import is written back as it was.
        keep_rejected(plain, kept)
    ext = diff(actual, plain)
    if ext:
        raw[EXTENSION_KEY] = ext


def _aif_id(meta: Mapping[str, Any], argmap_id: str) -> Any:
    extras = meta.get(META_KEY)
    if isinstance(extras, dict) and isinstance(extras.get("nodeID"), str | int):
        return extras["nodeID"]
    return argmap_id


_NONE: Final = object()


def _with_fields(extras: dict[str, Any], fields: Mapping[str, str]) -> dict[str, Any]:
    """The node's keys with its scheme fields replaced, in place; fields it lacks last."""
    replaced = {
        k: fields.get(k, v) for k, v in extras.items() if k not in SCHEME_KEYS or k in fields
    }
    replaced.update((k, v) for k, v in fields.items() if k not in replaced)
    return replaced


def _edge(from_id: Any, to_id: Any, extras: Any) -> dict[str, Any]:
    """An AIF edge: the kept keys of the imported edge, else a made-up edge id."""
    if not isinstance(extras, dict):
        extras = {"edgeID": default_edge_id(from_id, to_id)}
    # AIFdb writes edgeID, fromID, toID, then the rest; keep that order for clean diffs.
    edge: dict[str, Any] = {"edgeID": extras["edgeID"]} if "edgeID" in extras else {}
    edge["fromID"] = extras.get("fromID", from_id)
    edge["toID"] = extras.get("toID", to_id)
    edge.update((k, v) for k, v in extras.items() if k not in _EDGE_KEYS)
    return edge


_EDGE_KEYS: Final = frozenset({"edgeID", "fromID", "toID"})


def _reorder(items: list[dict[str, Any]], order: Any, key: str) -> list[dict[str, Any]]:
    """Items in a recorded order; items it does not name follow in their own order."""
    if not isinstance(order, list):
        return items
    by_key: dict[str, dict[str, Any]] = {}
    rest: list[dict[str, Any]] = []
    wanted = {str(k) for k in order}
    for item in items:
        k = str(item.get(key))
        if k in wanted and k not in by_key:
            by_key[k] = item
        else:
            rest.append(item)
    return [by_key[str(k)] for k in order if str(k) in by_key] + rest
