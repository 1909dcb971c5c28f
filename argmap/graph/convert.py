"""The argument map as a networkx directed graph (:mod:`argmap.formats.networkx` reads it back).

Nodes of the map are graph nodes keyed by their id, with ``type="node"`` and every field
as an attribute (``kind``, ``text``, ``title``, ``thesis``, ``direction``, ``weight``,
``actor``, ``tags``, ``cites``, ``note``, ``meta``; unset optional fields are left out).

A relation is an edge from its source to its target with ``type="relation"`` and its
fields as attributes (``kind``, ``id``, ``weight``, ``scheme``, ``note``, ``cites``,
``meta``) plus ``index``, its position in the map. Three kinds of relation cannot be one
edge, and become a *junction* node (``type="relation"``, the same attributes), keyed by
the relation's id (or ``#relation-<index>`` when it has none):

- a linked argument (several premises that support only together): one edge from each
  premise into the junction (``role="premise"``, ``position`` its place in the list) and
  one edge from the junction to the conclusion (``role="conclusion"``); both carry the
  relation's ``kind`` too, so every edge of the graph has one;
- a relation that another relation targets (an undercut attacks the inference, not its
  conclusion): the undercut is an edge into the junction;
- a relation between two nodes already joined by an earlier relation.

``to_networkx(amap, junctions="all")`` makes every relation a junction (a bipartite graph
of statements and inferences, as AIF does). ``from_networkx`` reads either form back.
A node of another map (``MAP-ID#NODE-ID``) is one graph node however its references are
written; an edge from or to a pinned one carries the pin (``source_pin``, ``target_pin``).
Map metadata (id, title, source, actors, ...) is in ``G.graph``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from argmap.model import ArgumentMap, Relation
from argmap.model.reference import Reference

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["STRUCTURE_KEYS", "junction_key", "to_networkx"]

#: The attributes of nodes and edges that say how the graph holds the map, not what the map
#: says: reading a graph back (:func:`argmap.from_networkx`) takes no field from them.
STRUCTURE_KEYS = frozenset(
    {"type", "index", "from_list", "role", "relation", "position", "source_pin", "target_pin"}
)

_NODE_FIELDS_LEFT_OUT = {"id"}


def junction_key(relation: Relation, index: int) -> str:
    """The graph key of a relation drawn as a junction node.

    >>> junction_key(Relation(kind="supports", source=["a", "b"], target="c"), 4)
    '#relation-4'
    """
    return relation.id if relation.id is not None else f"#relation-{index}"


def to_networkx(amap: ArgumentMap, *, junctions: Literal["auto", "all"] = "auto") -> nx.DiGraph:
    """The map as a directed graph that carries every field of every node and relation.

    A node of another map that a relation names is one graph node keyed ``MAP-ID#NODE-ID``,
    pinned or not; a workspace of maps gives one graph of them all
    (:meth:`argmap.Workspace.to_networkx`).

    Args:
        amap: the map.
        junctions: ``"auto"`` draws a relation as an edge where it can (see the module
            documentation); ``"all"`` makes every relation a junction node.

    >>> from argmap.model import Claim
    >>> amap = ArgumentMap(id="m", title="M", nodes=[
    ...     Claim(id="a", text="A"), Claim(id="b", text="B"), Claim(id="c", text="C")],
    ...     relations=[Relation(kind="supports", source=["a", "b"], target="c")])
    >>> G = to_networkx(amap)
    >>> sorted(G.predecessors("#relation-0")), list(G.successors("#relation-0"))
    (['a', 'b'], ['c'])
    """
    import networkx as nx  # only here: importing argmap does not load networkx

    graph: nx.DiGraph = nx.DiGraph()
    meta = amap.model_dump(
        mode="json", by_alias=True, exclude={"nodes", "relations"}, exclude_none=True
    )
    graph.graph.update(meta)
    for node in amap.nodes:
        attrs = node.model_dump(
            mode="json", by_alias=True, exclude=_NODE_FIELDS_LEFT_OUT, exclude_none=True
        )
        attrs = {k: v for k, v in attrs.items() if v != {}}
        graph.add_node(node.id, type="node", **attrs)
    targeted = {r.target for r in amap.relations}
    relation_ids = {r.id for r in amap.relations if r.id is not None}
    targeted &= relation_ids
    joined: set[tuple[str, str]] = set()
    for index, relation in enumerate(amap.relations):
        attrs = _relation_attrs(relation, index)
        target = _node_key(relation.target)
        single = not relation.is_linked
        pair = (_node_key(relation.sources[0]), target)
        as_edge = (
            junctions == "auto" and single and relation.id not in targeted and pair not in joined
        )
        if as_edge:
            joined.add(pair)
            pins = {**_pin("source", relation.sources[0]), **_pin("target", relation.target)}
            graph.add_edge(pair[0], target, **attrs, **pins)
            continue
        key = junction_key(relation, index)
        graph.add_node(key, **attrs)
        for position, source in enumerate(relation.sources):
            graph.add_edge(
                _node_key(source),
                key,
                kind=relation.kind,
                role="premise",
                position=position,
                relation=key,
                **_pin("source", source),
            )
        graph.add_edge(
            key,
            target,
            kind=relation.kind,
            role="conclusion",
            relation=key,
            **_pin("target", relation.target),
        )
    return graph


def _node_key(endpoint: str) -> str:
    """The graph node of an endpoint: a node of another map is ``MAP-ID#NODE-ID``, one node
    whether a reference pins it or not."""
    return endpoint.key if isinstance(endpoint, Reference) else endpoint


def _pin(end: str, endpoint: str) -> dict[str, str]:
    """``source_pin``/``target_pin`` for an endpoint pinned to its node's text."""
    if isinstance(endpoint, Reference) and endpoint.pin is not None:
        return {f"{end}_pin": endpoint.pin}
    return {}


def _relation_attrs(relation: Relation, index: int) -> dict[str, Any]:
    attrs = relation.model_dump(
        mode="json", by_alias=True, exclude={"source", "target"}, exclude_none=True
    )
    attrs = {k: v for k, v in attrs.items() if v != {}}
    attrs["type"] = "relation"
    attrs["index"] = index
    if isinstance(relation.source, list) and len(relation.source) == 1:
        attrs["from_list"] = True
    return attrs
