"""Semantic checks: each rule on a small map, and the seed map checks clean."""

from __future__ import annotations

from typing import Any

import pytest

import argmap
from argmap import ArgumentMap
from argmap.formats._pipeline import validate_fields


def make(nodes: list[dict[str, Any]], relations: list[dict[str, Any]], **extra: Any) -> ArgumentMap:
    """A map whose structure may be unsound, so that checks can be run on faulty content."""
    data = {"id": "m", "title": "M", "nodes": nodes, "relations": relations, **extra}
    return validate_fields(data)


def claim(node_id: str, **extra: Any) -> dict[str, Any]:
    return {"id": node_id, "kind": "claim", "text": node_id.upper(), **extra}


def messages(amap: ArgumentMap) -> list[tuple[str, str, tuple[str | int, ...]]]:
    return [(i.severity, i.message, i.path) for i in argmap.check(amap)]


def test_the_seed_map_checks_clean(seed_map: ArgumentMap) -> None:
    assert argmap.check(seed_map) == []


@pytest.mark.parametrize(
    ("nodes", "relations", "expected"),
    [
        pytest.param(
            [claim("a", thesis=True), claim("b")],
            [
                {"kind": "supports", "from": "b", "to": "a"},
                {"kind": "supports", "from": "b", "to": "a"},
            ],
            [
                (
                    "warning",
                    "supports relation (relations[1]) repeats the relation at relations[0]",
                    ("relations", 1),
                )
            ],
            id="repeated relation",
        ),
        pytest.param(
            [claim("a", thesis=True), claim("b")],
            [{"kind": "supports", "from": "b", "to": "b"}],
            [
                (
                    "error",
                    "supports relation (relations[0]): relates 'b' to itself",
                    ("relations", 0, "to"),
                ),
                ("warning", "node 'b' is not connected to the thesis 'a'", ("nodes", 1, "id")),
            ],
            id="self relation",
        ),
        pytest.param(
            [claim("a", thesis=True), claim("b")],
            [
                {"id": "r", "kind": "supports", "from": "b", "to": "a"},
                {"kind": "attacks", "from": "b", "to": "r"},
            ],
            [
                (
                    "error",
                    "attacks relation (relations[1]): attacks must target a node, but 'r' "
                    "is a relation; only undercuts and questions target relations",
                    ("relations", 1, "to"),
                )
            ],
            id="attack on a relation",
        ),
        pytest.param(
            [claim("a", thesis=True), claim("b")],
            [{"kind": "undercuts", "from": "b", "to": "r9"}],
            [
                (
                    "error",
                    "undercuts relation (relations[0]): 'to' refers to unknown relation "
                    "'r9'; undercuts target a relation id",
                    ("relations", 0, "to"),
                ),
                ("warning", "node 'b' is not connected to the thesis 'a'", ("nodes", 1, "id")),
            ],
            id="undercut of a missing relation",
        ),
        pytest.param(
            [claim("a", thesis=True), claim("b")],
            [{"kind": "questions", "from": "b", "to": "a"}],
            [
                (
                    "error",
                    "questions relation (relations[0]): questions must come from a question "
                    "node, but 'b' is a claim",
                    ("relations", 0, "kind"),
                )
            ],
            id="question from a claim",
        ),
        pytest.param(
            [claim("a", thesis=True), claim("b")],
            [{"kind": "pulls", "from": "b", "to": "a"}],
            [
                (
                    "error",
                    "pulls relation (relations[0]): pulls must come from a pull factor, but "
                    "'b' is a claim",
                    ("relations", 0, "kind"),
                )
            ],
            id="pull from a claim",
        ),
        pytest.param(
            [claim("a", thesis=True), claim("b"), claim("c")],
            [{"kind": "supports", "from": ["b", "b"], "to": "a"}],
            [
                (
                    "error",
                    "supports relation (relations[0]): premise 'b' is listed twice",
                    ("relations", 0, "from", 1),
                ),
                ("warning", "node 'c' is not connected to the thesis 'a'", ("nodes", 2, "id")),
            ],
            id="repeated premise",
        ),
        pytest.param(
            [claim("a"), claim("b")],
            [{"kind": "supports", "from": "b", "to": "a"}],
            [
                (
                    "warning",
                    "the map has no thesis; mark its main claim with 'thesis: true'",
                    ("nodes",),
                )
            ],
            id="no thesis",
        ),
        pytest.param(
            [claim("a", thesis=True), claim("b", actor="jp")],
            [{"kind": "supports", "from": "b", "to": "a"}],
            [
                (
                    "error",
                    "node 'b' names unknown actor 'jp'; defined actors: none (add an "
                    "'actors' list)",
                    ("nodes", 1, "actor"),
                )
            ],
            id="unknown actor",
        ),
        pytest.param(
            [claim("a", thesis=True), claim("b"), claim("c")],
            [
                {"kind": "supports", "from": "b", "to": "a"},
                {"kind": "supports", "from": "c", "to": "b"},
                {"kind": "supports", "from": "a", "to": "c"},
            ],
            [("error", "support cycle (circular reasoning): a -> c -> b -> a", ("relations", 2))],
            id="three-node support cycle",
        ),
    ],
)
def test_rules(
    nodes: list[dict[str, Any]], relations: list[dict[str, Any]], expected: list[Any]
) -> None:
    assert messages(make(nodes, relations)) == expected


@pytest.mark.parametrize(
    ("nodes", "relations", "where"),
    [
        pytest.param(
            [claim("a", thesis=True), claim("b"), claim("a")],
            [{"kind": "supports", "from": "b", "to": "a"}],
            [(("nodes", 2, "id"), ("nodes", 0, "id"))],
            id="two nodes",
        ),
        pytest.param(
            [claim("a", thesis=True), claim("b")],
            [{"id": "b", "kind": "supports", "from": "b", "to": "a"}],
            [(("relations", 0, "id"), ("nodes", 1, "id"))],
            id="a node and a relation",
        ),
        pytest.param(
            [claim("a", thesis=True), claim("b"), claim("c")],
            [
                {"id": "r", "kind": "supports", "from": "b", "to": "a"},
                {"id": "r", "kind": "supports", "from": "c", "to": "a"},
                {"kind": "supports", "from": "c", "to": "b"},
            ],
            [(("relations", 1, "id"), ("relations", 0, "id"))],
            id="two relations",
        ),
    ],
)
def test_each_repeated_id_is_reported_at_its_second_use(
    nodes: list[dict[str, Any]], relations: list[dict[str, Any]], where: list[Any]
) -> None:
    found = [i for i in argmap.check(make(nodes, relations)) if i.code == "duplicate-id"]
    assert [(i.path, *i.related) for i in found] == where


def test_an_undercut_connects_its_source_to_the_thesis() -> None:
    amap = make(
        [claim("a", thesis=True), claim("b"), claim("c")],
        [
            {"id": "r", "kind": "supports", "from": "b", "to": "a"},
            {"kind": "undercuts", "from": "c", "to": "r"},
        ],
    )
    assert messages(amap) == []


def test_an_attack_cycle_is_not_circular_reasoning() -> None:
    amap = make(
        [claim("a", thesis=True), claim("b")],
        [{"kind": "attacks", "from": "a", "to": "b"}, {"kind": "attacks", "from": "b", "to": "a"}],
    )
    assert messages(amap) == []


def test_a_suggestion_is_offered_for_a_near_miss() -> None:
    amap = make(
        [claim("symbolic", thesis=True), claim("b")],
        [{"kind": "supports", "from": "b", "to": "symbolc"}],
    )
    assert messages(amap)[0][1] == (
        "supports relation (relations[0]): 'to' refers to unknown node 'symbolc'; "
        "did you mean 'symbolic'?"
    )


def test_checks_of_a_map_read_from_a_file_are_located() -> None:
    text = "argmap: 1\nid: m\ntitle: T\nnodes:\n  - {id: a, kind: claim, text: A}\n"
    [issue] = argmap.check(argmap.parse_map(text, filename="m.yaml"))
    assert str(issue) == (
        "m.yaml:5:3: warning: the map has no thesis; mark its main claim with 'thesis: true'"
    )
