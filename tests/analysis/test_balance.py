"""Push/pull verdicts and force-field totals on weighted maps under tests/data/analysis/."""

from __future__ import annotations

import pytest

from argmap import ArgumentMap, Claim, Factor, MapError, Node, Relation, read_map
from argmap.analysis import balance, force_field

DATA = "tests/data/analysis"


def test_the_weighted_decision_tips_to_push_and_says_what_would_flip_it() -> None:
    (entry,) = balance(read_map(f"{DATA}/weighted-decision.yaml"))
    # 0.8 + 0.4 push against 0.6 + 0.5 pull.
    assert (entry.target, entry.verdict) == ("decision", "push")
    assert entry.margin == pytest.approx(0.1)
    assert [f.id for f in entry.deciding] == ["solidarity", "trade"]
    flips = {c.factor: (c.weight, round(c.tie, 9)) for c in entry.flips}
    assert flips == {
        "solidarity": (0.8, 0.7),
        "trade": (0.4, 0.3),
        "territory": (0.6, 0.7),
        "energy": (0.5, 0.6),
    }
    assert [f.id for f in entry.unweighted] == ["opinion"]


def test_a_tie_is_tipped_by_any_change_of_any_weighted_factor() -> None:
    (entry,) = balance(_decision([0.5, 0.25], [0.75]))
    assert entry.verdict == "tie" and entry.margin == 0.0
    assert [(c.factor, c.change) for c in entry.flips] == [
        ("push0", 0.0), ("push1", 0.0), ("pull0", 0.0)
    ]  # fmt: skip
    assert [f.id for f in entry.deciding] == ["push0", "push1", "pull0"]


def _decision(push: list[float | None], pull: list[float | None]) -> ArgumentMap:
    nodes: list[Node] = [Claim(id="d", text="D")]
    relations = []
    for i, w in enumerate(push):
        nodes.append(Factor(id=f"push{i}", text=f"push {i}", direction="push", weight=w))
        relations.append(Relation(kind="pushes", source=f"push{i}", target="d"))
    for i, w in enumerate(pull):
        nodes.append(Factor(id=f"pull{i}", text=f"pull {i}", direction="pull", weight=w))
        relations.append(Relation(kind="pulls", source=f"pull{i}", target="d"))
    return ArgumentMap(id="m", title="M", nodes=nodes, relations=relations)


def test_a_pull_win_names_the_pivotal_pulls_and_every_feasible_flip() -> None:
    (entry,) = balance(_decision([0.4, 0.9], [0.7, 0.9, 0.05]))
    assert entry.verdict == "pull" and entry.margin == pytest.approx(0.35)
    # Taking away 0.7 or 0.9 alone ties or reverses the verdict; 0.05 does not.
    assert [f.id for f in entry.deciding] == ["pull0", "pull1"]
    flips = {c.factor: (c.weight, round(c.tie, 9)) for c in entry.flips}
    # Raise a push by 0.35 (0.9 cannot go past 1) or lower a pull by 0.35 (not 0.05).
    assert flips == {"push0": (0.4, 0.75), "pull0": (0.7, 0.35), "pull1": (0.9, 0.55)}
    assert all(c.change == pytest.approx(0.35) for c in entry.flips)


def test_a_margin_no_single_weight_can_close_has_no_flip() -> None:
    (entry,) = balance(_decision([1.0, 1.0, 1.0], [0.2]))
    assert entry.verdict == "push" and entry.flips == [] and entry.deciding == []


def test_unweighted_factors_are_said_plainly() -> None:
    (entry,) = balance(read_map("maps/shagina-2018-japan-sanctions.yaml"))
    assert entry.verdict == "unweighted"
    assert len(entry.unweighted) == 5 and entry.flips == [] and entry.deciding == []


def test_force_field_totals_come_out_as_the_worked_example() -> None:
    (field,) = force_field(read_map(f"{DATA}/force-field.yaml"))
    assert [(f.factor.id, f.score) for f in field.driving] == [
        ("customers", 2), ("speed", 3), ("volume", 1), ("storage", 1), ("training", None),
    ]  # fmt: skip
    assert [(f.factor.id, f.score) for f in field.restraining] == [
        ("overtime", 3), ("fear", 3), ("environment", 1), ("cost", 3), ("disruption", 1),
    ]  # fmt: skip
    assert (field.driving_total, field.restraining_total) == (7, 11)
    assert field.verdict == "restraining"
    assert [f.id for f in field.unscored] == ["training"]


def test_a_bad_force_score_is_an_error_naming_the_factor() -> None:
    amap = _decision([0.5], [0.5])
    amap.nodes[1].meta["force"] = 7
    with pytest.raises(MapError, match=r"factor 'push0': meta\.force must be a whole number"):
        force_field(amap)
