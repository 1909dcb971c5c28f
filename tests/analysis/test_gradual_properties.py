"""Gradual semantics where inferences are arguments: the properties they must keep.

Amgoud and Ben-Naim (2016, 2017) and Baroni, Rago and Toni (2018, 2019) state what a
gradual semantics owes its users; on acyclic frameworks (evaluated exactly) these hold for
every semantics here, and the tests check them with inference arguments in play:

- an inference is no stronger than its weakest premise, and as strong when nothing
  undercuts it (a linked argument cannot be worth more than what it rests on);
- weakening a premise never strengthens a conclusion its inference supports, and never
  weakens one it attacks (monotonicity in the base scores);
- adding an attacker (an undercutter of an inference included) never raises its target
  (Baroni et al.'s monotonicity; Amgoud and Ben-Naim's weakening);
- an undercut of strength 0 and a linked argument with a premise of strength 0 change
  nothing (neutrality), and an attack on a premise is not counted a second time on the
  inference.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Framework, Relation, read_map, to_framework
from argmap.analysis import base_scores
from argmap.analysis.gradual import GRADUAL_SEMANTICS, GradualSemantics, strengths

SEED = "maps/shagina-2018-japan-sanctions.yaml"
EPS = 1e-12
unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@st.composite
def acyclic_frameworks(draw: st.DrawFn) -> tuple[Framework, dict[str, float]]:
    """An acyclic bipolar framework with inferences, and base scores for its nodes.

    Every edge runs from a lower-numbered node to a higher one; an inference's premises
    and undercutters come before its target, so no cycle can form.
    """
    n = draw(st.integers(min_value=2, max_value=7))
    names = [f"a{i}" for i in range(n)]
    attacks: set[tuple[str, str]] = set()
    supports: set[tuple[str, str]] = set()
    for j in range(n):
        for i in range(j):
            kind = draw(st.sampled_from(["none", "none", "attack", "support"]))
            if kind == "attack":
                attacks.add((names[i], names[j]))
            elif kind == "support":
                supports.add((names[i], names[j]))
    premises: dict[str, list[str]] = {}
    arguments = list(names)
    for k in range(draw(st.integers(min_value=0, max_value=3))):
        target = draw(st.integers(min_value=1, max_value=n - 1))
        before = names[:target]
        needed = draw(st.lists(st.sampled_from(before), min_size=1, max_size=3, unique=True))
        name = f"i{k}"
        arguments.append(name)
        premises[name] = needed
        (attacks if draw(st.booleans()) else supports).add((name, names[target]))
        for cutter in draw(st.lists(st.sampled_from(before), max_size=2, unique=True)):
            attacks.add((cutter, name))
    base = {a: draw(unit) for a in names}
    return Framework(arguments, attacks, supports, premises=premises), base


def _with_leaf(
    fw: Framework, leaf: str, *, attacks: tuple[str, str] | None = None, premise_of: str = ""
) -> Framework:
    """``fw`` with one more argument that attacks one argument or joins one inference."""
    premises = {k: list(v) for k, v in fw.premises.items()}
    if premise_of:
        premises[premise_of].append(leaf)
    extra = {attacks} if attacks else set()
    return Framework(
        [*fw.arguments, leaf], fw.direct_attacks | extra, fw.supports, premises=premises
    )


@pytest.mark.parametrize("semantics", GRADUAL_SEMANTICS)
@settings(max_examples=60, deadline=None)
@given(data=acyclic_frameworks())
def test_an_inference_is_no_stronger_than_its_weakest_premise(
    semantics: GradualSemantics, data: tuple[Framework, dict[str, float]]
) -> None:
    fw, base = data
    values = strengths(fw, semantics, base=base)
    undercut = {b for _, b in fw.direct_attacks}
    for inference, needed in fw.premises.items():
        weakest = min(values[p] for p in needed)
        assert values[inference] <= weakest + EPS
        if inference not in undercut:
            assert values[inference] == pytest.approx(weakest, abs=1e-12)


@pytest.mark.parametrize("semantics", GRADUAL_SEMANTICS)
@settings(max_examples=60, deadline=None)
@given(data=acyclic_frameworks(), weak=unit, strong=unit, pick=st.integers(0, 10))
def test_a_weaker_premise_never_helps_the_conclusion(
    semantics: GradualSemantics,
    data: tuple[Framework, dict[str, float]],
    weak: float,
    strong: float,
    pick: int,
) -> None:
    fw, base = data
    if not fw.premises:
        return
    weak, strong = sorted((weak, strong))
    inference = sorted(fw.premises)[pick % len(fw.premises)]
    grown = _with_leaf(fw, "z", premise_of=inference)
    low = strengths(grown, semantics, base={**base, "z": weak})
    high = strengths(grown, semantics, base={**base, "z": strong})
    assert low[inference] <= high[inference] + EPS
    for source, target in grown.supports:
        if source == inference and semantics != "h-categorizer":
            assert low[target] <= high[target] + EPS
    for source, target in grown.direct_attacks:
        if source == inference:
            assert low[target] >= high[target] - EPS


@pytest.mark.parametrize("semantics", GRADUAL_SEMANTICS)
@settings(max_examples=60, deadline=None)
@given(data=acyclic_frameworks(), strength=unit, pick=st.integers(0, 20))
def test_an_added_attacker_never_raises_its_target(
    semantics: GradualSemantics,
    data: tuple[Framework, dict[str, float]],
    strength: float,
    pick: int,
) -> None:
    fw, base = data
    target = fw.arguments[pick % len(fw)]
    before = strengths(fw, semantics, base=base)
    after = strengths(
        _with_leaf(fw, "x", attacks=("x", target)), semantics, base={**base, "x": strength}
    )
    assert after[target] <= before[target] + EPS
    if strength == 0.0:
        assert after == pytest.approx({**before, "x": 0.0}, abs=1e-12)


def _seed_strengths(
    semantics: GradualSemantics, amap: ArgumentMap, **bases: float
) -> dict[str, float]:
    base = {**base_scores(amap, default=0.5), **bases}
    return strengths(to_framework(amap), semantics, base=base)


@pytest.mark.parametrize("semantics", GRADUAL_SEMANTICS)
def test_an_undercut_of_strength_zero_changes_nothing_on_the_seed_map(
    semantics: GradualSemantics,
) -> None:
    amap = read_map(SEED)
    before = _seed_strengths(semantics, amap)
    cut = amap.model_copy(
        update={
            "nodes": [*amap.nodes, Claim(id="idle", text="An objection nobody credits.")],
            "relations": [
                *amap.relations,
                Relation(kind="undercuts", source="idle", target="r-conciliation"),
            ],
        }
    )
    after = _seed_strengths(semantics, cut, idle=0.0)
    # The support of Asia-Pacific geopolitics becomes an inference argument of its own;
    # the nodes keep their strengths exactly.
    assert "r-conciliation" in to_framework(cut).arguments
    for node in amap.nodes:
        assert after[node.id] == pytest.approx(before[node.id], abs=1e-12), node.id


@pytest.mark.parametrize("semantics", GRADUAL_SEMANTICS)
def test_a_linked_argument_with_a_premise_of_strength_zero_adds_nothing(
    semantics: GradualSemantics,
) -> None:
    amap = read_map(SEED)
    # sanctions-imposed is a premise of the linked r-balance; at 0 the inference is 0 and
    # the thesis is worth what its other reason gives it.
    values = _seed_strengths(semantics, amap, **{"sanctions-imposed": 0.0})
    without = amap.model_copy(
        update={"relations": [r for r in amap.relations if r.id != "r-balance"]}
    )
    alone = _seed_strengths(semantics, without, **{"sanctions-imposed": 0.0})
    assert values["r-balance"] == 0.0
    assert values["symbolic-sanctions"] == pytest.approx(alone["symbolic-sanctions"], abs=1e-12)


@pytest.mark.parametrize("semantics", GRADUAL_SEMANTICS)
def test_an_attack_on_a_premise_counts_once(semantics: GradualSemantics) -> None:
    amap = ArgumentMap(
        id="m",
        title="M",
        nodes=[Claim(id=n, text=n.upper()) for n in ("a", "b", "c", "x")],
        relations=[
            Relation(id="joint", kind="supports", source=["a", "b"], target="c"),
            Relation(kind="attacks", source="x", target="a"),
        ],
    )
    fw = to_framework(amap)
    assert ("x", "joint") in fw.attacks  # for Dung's semantics
    values = strengths(fw, semantics, base={"a": 0.8, "b": 0.9, "c": 0.5, "x": 0.6})
    # The attack weakens a, and the inference is as strong as its weakest premise.
    assert values["joint"] == pytest.approx(min(values["a"], values["b"]), abs=1e-12)
