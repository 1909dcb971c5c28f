"""A networkx graph as a map: the reader of :func:`argmap.to_networkx`'s graphs.

The graph form is described in :mod:`argmap.graph.convert`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.errors import Issue, MapError
from argmap.formats._pipeline import checked, load_data
from argmap.graph.convert import STRUCTURE_KEYS
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["from_networkx"]


def from_networkx(graph: nx.DiGraph, *, warnings: list[Issue] | None = None) -> ArgumentMap:
    """Rebuild a map from a graph made by :func:`to_networkx` (either junction form).

    Graphs from elsewhere work too: a node without ``type`` is a map node (``kind``
    defaults to ``claim``, ``text`` to its key) and an edge without ``type`` a relation
    (``kind`` defaults to ``supports``).

    Args:
        graph: the graph.
        warnings: a list the warnings of :func:`argmap.check` are appended to.

    Raises:
        MapError: the graph does not describe a valid map.
    """
    nodes: list[dict[str, Any]] = []
    relations: dict[int, dict[str, Any]] = {}
    premises: dict[str, list[tuple[int, str]]] = {}
    conclusions: dict[str, str] = {}
    next_index = [10**9]

    def place(attrs: dict[str, Any]) -> int:
        index = attrs.get("index")
        if isinstance(index, int):
            return index
        next_index[0] += 1
        return next_index[0]

    junction_attrs: dict[str, dict[str, Any]] = {}
    for key, attrs in graph.nodes(data=True):
        if attrs.get("type") == "relation":
            junction_attrs[key] = attrs
            continue
        if not attrs and "#" in str(key):
            continue  # a node of another map, which a relation names (MAP-ID#NODE-ID)
        node = {k: v for k, v in attrs.items() if k != "type"}
        node.setdefault("kind", "claim")
        node.setdefault("text", str(key))
        nodes.append({"id": str(key), **node})
    for u, v, attrs in graph.edges(data=True):
        role = attrs.get("role")
        source, target = _pinned(u, attrs, "source"), _pinned(v, attrs, "target")
        if role == "premise":
            premises.setdefault(v, []).append((attrs.get("position", 0), source))
        elif role == "conclusion":
            conclusions[u] = target
        else:
            relation = _relation_fields(attrs)
            relation["from"] = [source] if attrs.get("from_list") else source
            relation["to"] = target
            relations[place(attrs)] = relation
    for key, attrs in junction_attrs.items():
        relation = _relation_fields(attrs)
        sources = [source for _, source in sorted(premises.get(key, []))]
        relation["from"] = sources if len(sources) != 1 or attrs.get("from_list") else sources[0]
        relation["to"] = conclusions.get(key)
        relations[place(attrs)] = relation
    data = {k: v for k, v in graph.graph.items() if v is not None}
    data.setdefault("id", "graph")
    data.setdefault("title", data["id"])
    data["nodes"] = nodes
    data["relations"] = [relations[i] for i in sorted(relations)]
    amap, found = checked(load_data(data, filename="<graph>"), filename="<graph>", error=MapError)
    if warnings is not None:
        warnings.extend(found)
    return amap


def _pinned(key: Any, attrs: dict[str, Any], end: str) -> str:
    """An endpoint as the relation writes it: a node of another map with its pin, if any."""
    pin = attrs.get(f"{end}_pin")
    return f"{key}@sha256:{pin}" if pin else str(key)


def _relation_fields(attrs: dict[str, Any]) -> dict[str, Any]:
    relation = {k: v for k, v in attrs.items() if k not in STRUCTURE_KEYS}
    relation.setdefault("kind", "supports")
    return relation
