"""A corpus as one networkx graph, where a node reused by other maps is one graph node."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from argmap.model import Relation

if TYPE_CHECKING:
    import networkx as nx

    from argmap.workspace.model import Workspace

__all__ = ["workspace_to_networkx"]


def workspace_to_networkx(
    corpus: Workspace, *, junctions: Literal["auto", "all"] = "auto"
) -> nx.DiGraph:
    """The corpus as one directed graph, keyed ``MAP-ID#NODE-ID``.

    Each map is turned into a graph as :func:`argmap.to_networkx` does, its keys prefixed with
    its id; a node that other maps refer to stays one graph node. Nodes and relations carry
    ``map`` (the map that defines them); nodes also carry ``maps``, the map that defines
    them and the maps that use them, in reading order. ``G.graph["maps"]`` lists each map's
    metadata by id. A relation that another map undercuts or questions is a junction node
    (as within one map), so that the other map's relation can end at it.

    >>> from argmap.workspace import read_maps
    >>> G = workspace_to_networkx(read_maps("maps"))
    >>> G.nodes["shagina-2018-japan-sanctions#symbolic-sanctions"]["maps"]
    ['shagina-2018-japan-sanctions', 'shagina-2018-sasakawa-sanctions-unity']
    """
    import networkx as nx

    from argmap.graph.convert import to_networkx

    targeted: dict[str, set[str]] = {}
    for ref in corpus.references:
        if isinstance(ref.target, Relation):
            targeted.setdefault(ref.reference.map_id, set()).add(ref.reference.node_id)
    graph: nx.DiGraph = nx.DiGraph()
    graph.graph["maps"] = {}
    for map_id, amap in corpus.maps.items():
        part = to_networkx(amap, junctions=junctions)
        _as_junctions(part, targeted.get(map_id, set()))
        graph.graph["maps"][map_id] = part.graph

        def key(name: str, map_id: str = map_id) -> str:
            if name.startswith("#"):  # a junction of a relation without an id
                return f"{map_id}{name}"
            return name if "#" in name else f"{map_id}#{name}"

        for name, attrs in part.nodes(data=True):
            k = key(name)
            if attrs:
                graph.add_node(k, **attrs, map=map_id, maps=[map_id])
            elif k not in graph:
                graph.add_node(k)
        for u, v, attrs in part.edges(data=True):
            extra = {"relation": key(attrs["relation"])} if "relation" in attrs else {}
            graph.add_edge(key(u), key(v), **{**attrs, **extra}, map=map_id)
    for ref in corpus.references:
        if ref.target is None:
            continue
        attrs = graph.nodes[ref.reference.key]
        users = attrs.setdefault("maps", [ref.reference.map_id])
        if ref.map_id not in users:
            users.append(ref.map_id)
    return graph


def _as_junctions(part: nx.DiGraph, relation_ids: set[str]) -> None:
    """Turn the edges of these relations into junction nodes, as to_networkx does for undercuts."""
    for u, v, attrs in list(part.edges(data=True)):
        rid = attrs.get("id")
        if attrs.get("type") != "relation" or rid not in relation_ids:
            continue
        part.remove_edge(u, v)
        part.add_node(rid, **attrs)
        part.add_edge(u, rid, role="premise", position=0, relation=rid)
        part.add_edge(rid, v, role="conclusion", relation=rid)
