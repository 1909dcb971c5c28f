"""Frameworks from maps: each rule of to_framework, on the seed map and on small maps."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import ArgumentMap, Claim, Factor, Framework, Relation, read_map, to_framework
from argmap.analysis import extensions, labelling
from argmap.formats.aif import read_aif
from tests.support.frameworks import asp_extensions

SEED = "maps/shagina-2018-japan-sanctions.yaml"


def _map(nodes: list[str], relations: list[Relation]) -> ArgumentMap:
    return ArgumentMap(
        id="m", title="M", nodes=[Claim(id=n, text=n.upper()) for n in nodes], relations=relations
    )


def test_the_seed_map_becomes_nodes_plus_its_linked_and_undercut_inferences() -> None:
    amap = read_map(SEED)
    fw = to_framework(amap)
    assert fw.arguments == (*[n.id for n in amap.nodes], "r-calculation", "r-balance")
    # Pushes and pulls weigh on the decision; they are neither attacks nor supports here.
    assert fw.attacks == fw.direct_attacks == {("closing-critique", "r-calculation")}
    assert fw.supports == {
        ("asia-pacific-geopolitics", "avoid-irritation"),
        ("r-calculation", "avoid-irritation"),
        ("r-balance", "symbolic-sanctions"),
        ("ukraine-crisis-timing", "interests-collide"),
        ("interests-collide", "abe-balancing"),
        ("abe-balancing", "symbolic-sanctions"),
    }
    assert fw.premises == {
        "r-calculation": ("russia-strategic-role",),
        "r-balance": ("sanctions-imposed", "avoid-irritation"),
    }
    # Questions and rephrases carry no attack or support.
    assert not any("russia-role-question" in edge for edge in fw.attacks | fw.supports)


def test_an_attack_on_a_premise_is_inherited_by_dung_and_given_once_to_the_gradual() -> None:
    amap = _map(
        ["a", "b", "c", "x"],
        [
            Relation(id="joint", kind="supports", source=["a", "b"], target="c"),
            Relation(kind="attacks", source="x", target="b"),
        ],
    )
    fw = to_framework(amap)
    assert fw.direct_attacks == {("x", "b")}
    assert fw.attacks == {("x", "b"), ("x", "joint")}
    assert repr(fw) == "Framework(5 arguments, 2 attacks, 1 supports, 1 inferences)"


def test_an_undercut_defeats_the_inference_not_its_premise_or_conclusion() -> None:
    amap = _map(
        ["p", "c", "u"],
        [
            Relation(id="r", kind="attacks", source="p", target="c"),
            Relation(kind="undercuts", source="u", target="r"),
        ],
    )
    fw = to_framework(amap)
    assert fw.attacks == {("r", "c"), ("u", "r")}
    assert labelling(fw) == {"p": "in", "c": "in", "u": "in", "r": "out"}


def test_a_linked_attack_holds_only_while_every_premise_stands() -> None:
    amap = _map(
        ["a", "b", "c", "x"],
        [
            Relation(id="joint", kind="attacks", source=["a", "b"], target="c"),
            Relation(kind="attacks", source="x", target="b"),
        ],
    )
    fw = to_framework(amap)
    assert ("x", "joint") in fw.attacks
    assert labelling(fw) == {"a": "in", "b": "out", "c": "in", "x": "in", "joint": "out"}


def test_an_undecided_premise_leaves_the_inference_undecided() -> None:
    amap = _map(
        ["a", "b", "c"],
        [
            Relation(id="r", kind="supports", source=["a", "b"], target="c"),
            Relation(kind="attacks", source="a", target="b"),
            Relation(kind="attacks", source="b", target="a"),
        ],
    )
    fw = to_framework(amap)
    assert labelling(fw)["r"] == "undec"
    # In each preferred extension one premise is out, and so is the inference.
    assert all("r" not in e for e in extensions(fw, "preferred"))


def test_an_undercut_of_an_undercut_reinstates_the_inference() -> None:
    amap = _map(
        ["p", "c", "u", "v"],
        [
            Relation(id="r", kind="attacks", source="p", target="c"),
            Relation(id="cut", kind="undercuts", source="u", target="r"),
            Relation(kind="undercuts", source="v", target="cut"),
        ],
    )
    status = labelling(to_framework(amap))
    assert (status["cut"], status["r"], status["c"]) == ("out", "in", "out")


def test_pushes_and_pulls_are_no_part_of_the_framework() -> None:
    amap = ArgumentMap(
        id="m",
        title="M",
        nodes=[
            Claim(id="d", text="D"),
            Claim(id="u", text="U"),
            Factor(id="p", text="P", direction="push"),
            Factor(id="q", text="Q", direction="pull"),
        ],
        relations=[
            Relation(kind="pushes", source="p", target="d"),
            Relation(id="pull", kind="pulls", source="q", target="d"),
            Relation(kind="undercuts", source="u", target="pull"),
        ],
    )
    fw = to_framework(amap)
    assert fw.arguments == ("d", "u", "p", "q")
    assert not fw.attacks and not fw.supports
    # A pull argues against a decision; it does not refute it.
    assert labelling(fw)["d"] == "in"


def test_a_map_whose_nodes_come_from_other_maps_keeps_their_keys() -> None:
    from argmap.workspace import map_view, read_maps

    _shown = map_view(
        read_maps("maps/shagina-2018-sasakawa-sanctions-unity.yaml"),
        "shagina-2018-sasakawa-sanctions-unity",
    )
    view, imported = _shown.amap, _shown.imported
    fw = to_framework(view)
    assert "shagina-2018-japan-sanctions#symbolic-sanctions" in fw.arguments
    assert set(imported) <= set(fw.arguments)
    assert labelling(fw)["short-gain-long-cost"] == "in"


def test_frameworks_are_values() -> None:
    one = Framework(["a", "b", "a"], attacks=[("a", "b")])
    assert one.arguments == ("a", "b")
    assert one == Framework(["a", "b"], attacks={("a", "b")})
    assert hash(one) == hash(Framework(["a", "b"], attacks={("a", "b")}))
    assert repr(one) == "Framework(2 arguments, 1 attacks, 0 supports)"
    with pytest.raises(ValueError, match="the support \\('a', 'q'\\) names an argument"):
        Framework(["a"], supports=[("a", "q")])
    with pytest.raises(ValueError, match=r"the premises of 'i' name an argument .*: 'z'"):
        Framework(["a", "i"], premises={"i": ["a", "z"]})
    linked = Framework(["a", "i"], premises={"i": ["a"]})
    assert linked != Framework(["a", "i"])
    assert linked == Framework(["a", "i"], premises={"i": ("a",)})


def test_the_microtexts_corpus_agrees_with_asp_and_keeps_each_undercut_inference(
    corpora: Path,
) -> None:
    files = sorted((corpora / "microtexts-aif").glob("*.json"))
    assert len(files) > 100
    defeated_inferences = 0
    for path in files:
        amap = read_aif(path)
        fw = to_framework(amap)
        undercut = {r.target for r in amap.relations if r.kind == "undercuts"}
        assert undercut <= set(fw.arguments), path.name
        expected = asp_extensions(fw)
        for semantics in ("grounded", "preferred", "stable"):
            assert set(extensions(fw, semantics)) == expected[semantics], (path.name, semantics)
        status = labelling(fw)
        defeated_inferences += sum(status[r] == "out" for r in undercut)
    # The texts' undercuts mostly stand unanswered, so most of them defeat their inference.
    assert defeated_inferences > 30
