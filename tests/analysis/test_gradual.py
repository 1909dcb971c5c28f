"""Gradual semantics against published values and formal-argumentation's implementations."""

from __future__ import annotations

import math
import random

import pytest
from argumentation.core.dung import ArgumentationFramework
from argumentation.gradual.dfquad import dfquad_strengths
from argumentation.gradual.gradual import (
    GradualStrengthResult,
    WeightedBipolarGraph,
    quadratic_energy_strengths,
)
from argumentation.ranking.ranking import categoriser_scores

from argmap import (
    ArgumentMap,
    Claim,
    Factor,
    Framework,
    Relation,
    strengths,
    to_framework,
)
from argmap.analysis import base_scores
from argmap.analysis.gradual import (
    DEFAULT_BASE,
    GRADUAL_SEMANTICS,
    GradualSemantics,
    compute_strengths,
)


def _random_bipolar(rng: random.Random, n: int, *, acyclic: bool) -> Framework:
    names = [f"a{i}" for i in range(n)]
    attacks: set[tuple[str, str]] = set()
    supports: set[tuple[str, str]] = set()
    for i, a in enumerate(names):
        for j, b in enumerate(names):
            if (acyclic and j <= i) or a == b or rng.random() > 0.25:
                continue
            (attacks if rng.random() < 0.5 else supports).add((a, b))
    return Framework(names, attacks, supports)


def _bases(rng: random.Random, fw: Framework) -> dict[str, float]:
    return {a: round(rng.random(), 2) for a in fw.arguments}


def test_h_categorizer_is_besnard_and_hunters_classic_categoriser_by_default() -> None:
    # Besnard and Hunter (2001): 1 / (1 + sum of the attackers' values); on a cycle of
    # three every argument is worth x = 1 / (1 + x), the inverse golden ratio.
    cycle = Framework("abc", attacks=[("a", "b"), ("b", "c"), ("c", "a")])
    values = strengths(cycle, "h-categorizer")
    assert all(round(v, 3) == 0.618 for v in values.values())
    # A base of 0.5 is not a rescaling: it reorders arguments. Here c attacks a and b, b
    # attacks a, and a and b attack d: classically d (10/19) is above b (1/2); from 0.5,
    # d (0.311) falls below b (1/3).
    fw = Framework("abcd", attacks=[("c", "a"), ("c", "b"), ("b", "a"), ("a", "d"), ("b", "d")])
    classic = strengths(fw, "h-categorizer")
    assert classic == {"a": 0.4, "b": 0.5, "c": 1.0, "d": pytest.approx(10 / 19)}
    halved = strengths(fw, "h-categorizer", base=0.5)
    assert classic["d"] > classic["b"] and halved["d"] < halved["b"]
    assert DEFAULT_BASE == {
        "h-categorizer": 1.0, "df-quad": 0.5, "quadratic-energy": 0.5, "euler": 0.5
    }  # fmt: skip


def test_h_categorizer_of_a_four_cycle_is_the_inverse_golden_ratio() -> None:
    cycle = Framework("abcd", attacks=[("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")])
    result = compute_strengths(cycle, "h-categorizer", base=1.0)
    assert result.converged and result.iterations > 1
    for value in result.values.values():
        assert value == pytest.approx((math.sqrt(5) - 1) / 2, abs=1e-9)
        assert round(value, 3) == 0.618


def test_df_quad_reproduces_the_published_democracy_example() -> None:
    # The strengths Rago, Toni, Aurisicchio and Baroni (KR 2016) publish for their debate
    # of two answers: A1 0.862, A2 0.85, P2 0.08. The debate is rebuilt from those values
    # and DF-QuAD's equations: both answers of base score 0.5; a pro argument P1 (0.7) for
    # both, P2 (0.4) for A1 alone, and a con argument C1 (0.8) against P2. Then
    # P2 = 0.4 - 0.4 * 0.8, A2 = 0.5 + 0.5 * 0.7, A1 = 0.5 + 0.5 * (1 - 0.3 * 0.92).
    fw = Framework(
        ["A1", "A2", "P1", "P2", "C1"],
        attacks=[("C1", "P2")],
        supports=[("P1", "A1"), ("P2", "A1"), ("P1", "A2")],
    )
    base = {"A1": 0.5, "A2": 0.5, "P1": 0.7, "P2": 0.4, "C1": 0.8}
    values = strengths(fw, "df-quad", base=base)
    assert round(values["A1"], 3) == 0.862
    assert round(values["A2"], 3) == 0.85
    assert round(values["P2"], 3) == 0.08
    assert values["P1"] == 0.7 and values["C1"] == 0.8


def test_h_categorizer_agrees_with_formal_argumentation_on_cyclic_frameworks() -> None:
    rng = random.Random(5)
    for _ in range(60):
        n = rng.randint(1, 9)
        names = [f"a{i}" for i in range(n)]
        attacks = {(a, b) for a in names for b in names if rng.random() < 0.3}
        theirs = categoriser_scores(
            ArgumentationFramework(arguments=frozenset(names), defeats=frozenset(attacks))
        )
        ours = compute_strengths(Framework(names, attacks), "h-categorizer", base=1.0)
        assert ours.converged and theirs.converged
        for a in names:
            assert ours.values[a] == pytest.approx(theirs.scores[a], abs=1e-7)


@pytest.mark.parametrize("acyclic", [True, False])
def test_df_quad_and_quadratic_energy_agree_with_formal_argumentation(acyclic: bool) -> None:
    rng = random.Random(11)
    compared = 0
    for _ in range(25):
        fw = _random_bipolar(rng, rng.randint(2, 8), acyclic=acyclic)
        base = _bases(rng, fw)
        graph = WeightedBipolarGraph(
            arguments=frozenset(fw.arguments),
            initial_weights=base,
            attacks=fw.attacks,
            supports=fw.supports,
        )
        results: list[tuple[GradualSemantics, GradualStrengthResult]] = [
            ("df-quad", dfquad_strengths(graph, base_scores=base)),
            ("quadratic-energy", quadratic_energy_strengths(graph)),
        ]
        for ours_name, theirs in results:
            ours = compute_strengths(fw, ours_name, base=base)
            if not theirs.converged:
                continue
            assert ours.converged, (ours_name, fw)
            for a in fw.arguments:
                assert ours.values[a] == pytest.approx(theirs.strengths[a], abs=1e-6), ours_name
            compared += 1
    assert compared >= 40


def test_euler_by_its_formula() -> None:
    fw = Framework("abc", attacks=[("b", "a")], supports=[("c", "a")])
    values = strengths(fw, "euler", base={"a": 0.5, "b": 0.6, "c": 0.9})
    # Leaves keep their base score: 1 - (1 - w^2) / (1 + w e^0) = w.
    assert values["b"] == pytest.approx(0.6) and values["c"] == pytest.approx(0.9)
    energy = 0.9 - 0.6
    assert values["a"] == pytest.approx(1 - (1 - 0.25) / (1 + 0.5 * math.exp(energy)))


@pytest.mark.parametrize("semantics", GRADUAL_SEMANTICS)
def test_every_semantics_stays_in_the_unit_interval_and_converges(semantics: str) -> None:
    rng = random.Random(2)
    for _ in range(30):
        fw = _random_bipolar(rng, rng.randint(1, 12), acyclic=False)
        result = compute_strengths(fw, semantics, base=_bases(rng, fw))  # type: ignore[arg-type]
        assert result.converged and result.residual <= 1e-9
        assert all(0.0 <= v <= 1.0 for v in result.values.values())


def test_an_iteration_cap_stops_and_says_it_did_not_converge() -> None:
    cycle = Framework("ab", attacks=[("a", "b"), ("b", "a")])
    result = compute_strengths(cycle, "h-categorizer", base=1.0, max_iterations=3)
    assert (result.converged, result.iterations) == (False, 3)
    assert result.residual > 1e-9


def test_acyclic_frameworks_are_evaluated_exactly_in_one_pass() -> None:
    fw = Framework("abc", attacks=[("a", "b")], supports=[("b", "c")])
    result = compute_strengths(fw, "df-quad")
    assert (result.iterations, result.residual, result.converged) == (1, 0.0, True)
    assert result.values == {"a": 0.5, "b": 0.25, "c": 0.625}


@pytest.mark.parametrize(
    ("base", "message"),
    [
        (1.5, "must be in \\[0, 1\\]"),
        ({"z": 0.5}, "not in the framework: \\['z'\\]"),
    ],
)
def test_bad_base_scores_are_refused(base: float | dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        strengths(Framework("a"), "df-quad", base=base)


def test_factor_weights_are_the_base_scores_of_a_map() -> None:
    amap = ArgumentMap(
        id="m",
        title="M",
        nodes=[
            Claim(id="c", text="C"),
            Claim(id="d", text="D"),
            Factor(id="f", text="F", direction="pull", weight=0.9),
        ],
        relations=[
            Relation(kind="supports", source="f", target="c"),
            Relation(kind="pulls", source="f", target="d"),
        ],
    )
    base = base_scores(amap)
    assert base == {"c": 0.5, "d": 0.5, "f": 0.9}
    values = strengths(to_framework(amap), "df-quad", base=base)
    # The factor's support raises c from 0.5 by (1 - 0.5) * 0.9; its pull is weighed by
    # proof standards and in the balance, not here.
    assert values == {"c": pytest.approx(0.95), "d": 0.5, "f": 0.9}


def test_strengths_warns_when_the_computation_did_not_converge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from argmap.analysis import gradual

    capped = compute_strengths(
        Framework("ab", attacks=[("a", "b"), ("b", "a")]), "h-categorizer", max_iterations=2
    )
    monkeypatch.setattr(gradual, "compute_strengths", lambda *_, **__: capped)
    with pytest.warns(RuntimeWarning, match="did not converge after 2 iterations"):
        values = strengths(Framework("ab"), "h-categorizer")
    assert values == capped.values
