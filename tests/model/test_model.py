"""The model: built in code as naturally as from a file, strict, and queryable."""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgumentMap, Citation, Claim, Evidence, Factor, Question, Relation
from argmap.errors import ModelError


def build() -> ArgumentMap:
    return ArgumentMap(
        id="demo",
        title="Demo",
        actors=[argmap.Actor(id="japan", name="Japan")],
        nodes=[
            Claim(id="t", text="Sanctions were symbolic.", thesis=True, actor="japan"),
            Claim(id="o", text="Sanctions imposed."),
            Evidence(id="e", text="Fact.", cites=[Citation(key="k", locator="p. 3")]),
            Factor(id="push1", text="G7 solidarity", direction="push", weight=0.8),
            Factor(id="pull1", text="Territory", direction="pull"),
            Question(id="q", text="Really?"),
        ],
        relations=[
            Relation(id="r1", kind="pushes", source="push1", target="o"),
            Relation(kind="pulls", source="pull1", target="o"),
            Relation(kind="supports", source=["o", "e"], target="t"),
            Relation(kind="attacks", source="q", target="e"),
            Relation(kind="undercuts", source="pull1", target="r1"),
            Relation(kind="questions", source="q", target="r1"),
        ],
    )


def test_a_map_built_in_code_is_queryable() -> None:
    amap = build()
    assert amap.thesis is not None and amap.thesis.id == "t"
    assert [f.id for f in amap.push_factors] == ["push1"]
    assert [f.id for f in amap.pull_factors] == ["pull1"]
    assert [n.id for n in amap.nodes_of("claim")] == ["t", "o"]
    assert [n.id for n in amap.supporters("t")] == ["o", "e"]
    assert [n.id for n in amap.attackers("e")] == ["q"]
    assert [n.id for n in amap.undercutters("r1")] == ["pull1"]
    assert [r.kind for r in amap.relations_to("r1")] == ["undercuts", "questions"]
    assert [r.target for r in amap.relations_from("q", kind="attacks")] == ["e"]
    assert amap.counts() == {
        "claim": 2, "evidence": 1, "factor": 2, "question": 1, "relations": 6,
    }  # fmt: skip
    assert amap.cited_keys() == ["k"]
    assert amap.actor("japan").name == "Japan"
    assert amap.origin is None


def test_a_map_built_in_code_equals_the_same_map_read_from_its_text() -> None:
    amap = build()
    assert argmap.parse_map(argmap.dump_map(amap)) == amap


def test_lookups_of_missing_ids_raise_key_error() -> None:
    amap = build()
    with pytest.raises(KeyError):
        amap.node("nope")
    with pytest.raises(KeyError):
        amap.relation("nope")


def test_unknown_fields_are_errors_in_code_too_in_argmaps_words() -> None:
    with pytest.raises(ModelError) as caught:
        Claim(id="a", text="A", colour="red")  # type: ignore[call-arg]
    assert [str(i) for i in caught.value.issues] == [
        "error: unknown field 'colour' in claim node 'a'; expected one of: id, kind, thesis, "
        "status, standard, title, text, actor, tags, cites, answers, note, meta"
    ]
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, argmap.MapError)
    with pytest.raises(ModelError, match="did you mean 'supports'"):
        Relation(kind="support", source="a", target="b")  # type: ignore[arg-type]


def test_types_are_strict() -> None:
    with pytest.raises(ModelError, match=r"'weight' must be a number, got the string '0\.5'"):
        Factor(id="f", text="F", direction="push", weight="0.5")  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="'thesis' must be true or false"):
        Claim(id="c", text="C", thesis="yes")  # type: ignore[arg-type]


def test_references_must_resolve_when_built_in_code() -> None:
    with pytest.raises(ModelError, match="'to' refers to unknown node 'missing'"):
        ArgumentMap(
            id="m",
            title="M",
            nodes=[Claim(id="a", text="A", thesis=True)],
            relations=[Relation(kind="supports", source="a", target="missing")],
        )


def test_relation_endpoints_are_written_from_and_to() -> None:
    relation = Relation.model_validate({"kind": "supports", "from": ["a", "b"], "to": "c"})
    assert relation.sources == ["a", "b"] and relation.is_linked
    assert relation.model_dump(exclude_defaults=True) == {
        "kind": "supports", "from": ["a", "b"], "to": "c",
    }  # fmt: skip


def test_a_one_element_list_source_is_not_linked() -> None:
    relation = Relation(kind="supports", source=["a"], target="c")
    assert relation.sources == ["a"] and not relation.is_linked


def test_label_prefers_the_title() -> None:
    assert Claim(id="a", title="Short", text="Long text").label == "Short"
    assert Claim(id="a", text="Long text").label == "Long text"


def test_maps_are_not_hashable_but_comparable() -> None:
    assert build() == build()
    assert build() != build().model_copy(update={"title": "Other"})
    with pytest.raises(TypeError):
        hash(build())
