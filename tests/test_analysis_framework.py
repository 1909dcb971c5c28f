"""Frameworks from maps: each rule of to_framework, on the seed map and on small maps."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import ArgumentMap, Claim, Factor, Framework, Relation, read_map, to_framework
from argmap.analysis import extensions, labelling
from argmap.formats.aif import read_aif
from tests.test_analysis_dung import asp_extensions

SEED = "maps/shagina-2018-japan-sanctions.yaml"


def _map(nodes: list[str], relations: list[Relation]) -> ArgumentMap:
    return ArgumentMap(
        id="m", title="M", nodes=[Claim(id=n, text=n.upper()) for n in nodes], relations=relations
    )


def test_the_seed_map_becomes_nodes_plus_its_linked_and_undercut_inferences() -> None:
    amap = read_map(SEED)
    fw = to_framework(amap)
    assert fw.arguments == (*[n.id for n in amap.nodes], "r-calculation", "r-balance")
    pulls = {("territorial-dispute", "sanctions-imposed"),
             ("asia-pacific-geopolitics", "sanctions-imposed"),
             ("russia-strategic-role", "sanctions-imposed")}  # fmt: skip
    # Attackers of the linked inference's premise sanctions-imposed attack the inference.
    inherited = {(a, "r-balance") for a, _ in pulls}
    assert fw.attacks == pulls | inherited | {("closing-critique", "r-calculation")}
    assert fw.supports == {
        ("g7-solidarity", "sanctions-imposed"),
        ("obligation-to-west", "sanctions-imposed"),
        ("asia-pacific-geopolitics", "avoid-irritation"),
        ("russia-strategic-role", "r-calculation"),
        ("r-calculation", "avoid-irritation"),
        ("sanctions-imposed", "r-balance"),
        ("avoid-irritation", "r-balance"),
        ("r-balance", "symbolic-sanctions"),
        ("ukraine-crisis-timing", "interests-collide"),
        ("interests-collide", "abe-balancing"),
        ("abe-balancing", "symbolic-sanctions"),
    }
    # Questions and rephrases carry no attack or support.
    assert not any("russia-role-question" in edge for edge in fw.attacks | fw.supports)


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


def test_pushes_support_and_pulls_attack_their_outcome() -> None:
    amap = ArgumentMap(
        id="m",
        title="M",
        nodes=[
            Claim(id="d", text="D"),
            Factor(id="p", text="P", direction="push"),
            Factor(id="q", text="Q", direction="pull"),
        ],
        relations=[
            Relation(kind="pushes", source="p", target="d"),
            Relation(kind="pulls", source="q", target="d"),
        ],
    )
    fw = to_framework(amap)
    assert fw.supports == {("p", "d")}
    assert fw.attacks == {("q", "d")}


def test_frameworks_are_values() -> None:
    one = Framework(["a", "b", "a"], attacks=[("a", "b")])
    assert one.arguments == ("a", "b")
    assert one == Framework(["a", "b"], attacks={("a", "b")})
    assert hash(one) == hash(Framework(["a", "b"], attacks={("a", "b")}))
    assert repr(one) == "Framework(2 arguments, 1 attacks, 0 supports)"
    with pytest.raises(ValueError, match="the support \\('a', 'q'\\) names an argument"):
        Framework(["a"], supports=[("a", "q")])


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
