"""The map as a networkx graph: every attribute carried, junctions, and the way back."""

from __future__ import annotations

import networkx as nx
import pytest

import argmap
from argmap import ArgumentMap
from tests.support import MAPS


def test_nodes_carry_every_field(seed_map: ArgumentMap) -> None:
    graph = argmap.to_networkx(seed_map)
    attrs = graph.nodes["g7-solidarity"]
    assert attrs["type"] == "node"
    assert attrs["kind"] == "factor"
    assert attrs["direction"] == "push"
    assert attrs["title"] == "Solidarity with the G7"
    assert attrs["actor"] == "west"
    assert attrs["tags"] == ["push"]
    assert attrs["cites"] == [
        {"key": "shagina2018dilemma", "locator": "p. 1",
         "quote": "Showing solidarity with G7 countries"},
    ]  # fmt: skip
    assert graph.nodes["symbolic-sanctions"]["thesis"] is True
    assert graph.graph["id"] == "shagina-2018-japan-sanctions"
    assert graph.graph["source"] == {"key": "shagina2018dilemma"}
    assert [a["id"] for a in graph.graph["actors"]] == [
        "japan", "abe-administration", "russia", "west",
    ]  # fmt: skip


def test_a_simple_relation_is_an_edge(seed_map: ArgumentMap) -> None:
    graph = argmap.to_networkx(seed_map)
    edge = graph.edges["g7-solidarity", "sanctions-imposed"]
    assert (edge["type"], edge["kind"], edge["id"], edge["index"]) == (
        "relation", "pushes", "r-g7", 0,
    )  # fmt: skip


def test_a_linked_argument_is_a_junction(seed_map: ArgumentMap) -> None:
    graph = argmap.to_networkx(seed_map)
    junction = graph.nodes["r-balance"]
    assert (junction["type"], junction["kind"]) == ("relation", "supports")
    premises = sorted(graph.in_edges("r-balance", data=True), key=lambda e: e[2]["position"])
    assert [(u, d["role"]) for u, _, d in premises] == [
        ("sanctions-imposed", "premise"), ("avoid-irritation", "premise"),
    ]  # fmt: skip
    assert list(graph.successors("r-balance")) == ["symbolic-sanctions"]
    assert graph.edges["r-balance", "symbolic-sanctions"]["role"] == "conclusion"


def test_an_undercut_targets_the_junction_of_the_inference(seed_map: ArgumentMap) -> None:
    graph = argmap.to_networkx(seed_map)
    assert graph.nodes["r-calculation"]["type"] == "relation"
    assert list(graph.predecessors("r-calculation")) == [
        "russia-strategic-role",
        "closing-critique",
    ]
    undercut = graph.edges["closing-critique", "r-calculation"]
    assert (undercut["kind"], undercut["id"]) == ("undercuts", "r-critique")
    assert not graph.has_edge("closing-critique", "avoid-irritation")


@pytest.mark.parametrize("junctions", ["auto", "all"])
def test_every_edge_has_a_kind(seed_map: ArgumentMap, junctions: str) -> None:
    graph = argmap.to_networkx(seed_map, junctions=junctions)  # type: ignore[arg-type]
    kinds = {(u, v): d.get("kind") for u, v, d in graph.edges(data=True)}
    assert None not in kinds.values()
    # A junction's premise and conclusion edges say what the inference does.
    assert kinds["sanctions-imposed", "r-balance"] == "supports"
    assert kinds["r-balance", "symbolic-sanctions"] == "supports"
    undercut = ("closing-critique", "r-calculation" if junctions == "auto" else "r-critique")
    assert kinds[undercut] == "undercuts"


def test_every_relation_as_a_junction_is_bipartite(seed_map: ArgumentMap) -> None:
    graph = argmap.to_networkx(seed_map, junctions="all")
    kinds = nx.get_node_attributes(graph, "type")
    assert sum(1 for t in kinds.values() if t == "relation") == len(seed_map.relations)
    for u, v in graph.edges:
        assert {kinds[u], kinds[v]} == {"node", "relation"} or kinds[u] == kinds[v] == "relation"


def test_parallel_relations_between_one_pair_are_kept() -> None:
    amap = argmap.parse_map(
        "argmap: 1\nid: m\ntitle: T\nnodes:\n"
        "  - {id: a, kind: claim, text: A, thesis: true}\n"
        "  - {id: b, kind: claim, text: B}\n"
        "relations:\n"
        "  - {kind: supports, from: b, to: a}\n"
        "  - {kind: attacks, from: b, to: a, note: same pair}\n"
    )
    graph = argmap.to_networkx(amap)
    assert graph.nodes["#relation-1"]["kind"] == "attacks"
    assert argmap.from_networkx(graph) == amap


@pytest.mark.parametrize("junctions", ["auto", "all"])
@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_from_networkx_gives_the_equal_map_back(path: object, junctions: str) -> None:
    amap = argmap.read_map(path)  # type: ignore[arg-type]
    graph = argmap.to_networkx(amap, junctions=junctions)  # type: ignore[arg-type]
    assert argmap.from_networkx(graph) == amap


def test_a_plain_graph_becomes_a_map() -> None:
    graph: nx.DiGraph = nx.DiGraph(id="plain", title="A plain graph")
    graph.add_edge("reason", "conclusion")
    amap = argmap.from_networkx(graph)
    assert [(n.id, n.kind, n.text) for n in amap.nodes] == [
        ("reason", "claim", "reason"), ("conclusion", "claim", "conclusion"),
    ]  # fmt: skip
    assert [(r.kind, r.source, r.target) for r in amap.relations] == [
        ("supports", "reason", "conclusion"),
    ]  # fmt: skip


def test_an_invalid_graph_raises_map_error() -> None:
    graph: nx.DiGraph = nx.DiGraph(id="bad", title="Bad")
    graph.add_node("f", kind="factor", text="F")
    with pytest.raises(argmap.MapError, match="missing required field 'direction'"):
        argmap.from_networkx(graph)
