"""The solver behind the hard semantics, and ICCMA's reasoning tasks, against oracles.

The oracles are those of tests/support/frameworks.py: answer sets of encodings written
apart from argmap's (maximality and the other semantics picked by set logic), and
formal-argumentation; the examples are Dung's (1995).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from argmap import Framework, extensions, labelling
from argmap.analysis import dung
from argmap.analysis.asp import solve_labellings
from argmap.analysis.dung import SEMANTICS
from argmap.analysis.tasks import TASK_SEMANTICS, parse_task, solve_task
from tests.support.frameworks import (
    COMPLETE,
    FRAMEWORKS,
    STABLE,
    Extensions,
    answer_sets,
    asp_extensions,
    extension_range,
)


@pytest.fixture(params=["past the size limit", "past the search budget"])
def clingo_only(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every component that the grounded pre-pass leaves goes to clingo, one way or the other."""
    if request.param == "past the size limit":
        monkeypatch.setattr(dung, "_BACKTRACK_LIMIT", 0)
    else:
        monkeypatch.setattr(dung, "_BACKTRACK_BUDGET", 0)
    yield


def _random(n: int, seed: int) -> Framework:
    """About four attackers an argument, as the solver benchmark draws them."""
    rng = random.Random(seed)
    names = [f"a{i}" for i in range(n)]
    p = 4 / (n - 1)
    return Framework(names, [(a, b) for a in names for b in names if a != b and rng.random() < p])


@pytest.mark.usefixtures("clingo_only")
def test_clingo_on_every_component_agrees_with_the_oracle() -> None:
    for fw in FRAMEWORKS[:150]:
        expected = asp_extensions(fw)
        for semantics in SEMANTICS:
            assert set(extensions(fw, semantics)) == expected[semantics], (semantics, fw.attacks)


def _complete_oracle(fw: Framework) -> dict[str, Extensions]:
    """Every semantics from the complete answer sets alone (admissible sets are too many).

    The ideal extension is complete (Dung, Mancarella and Toni 2007), so it is the largest
    complete extension inside every preferred one.
    """
    complete = answer_sets(fw, COMPLETE)
    preferred = {e for e in complete if not any(e < o for o in complete)}
    common = frozenset.intersection(*preferred)
    ranges = {e: extension_range(fw, e) for e in complete}
    return {
        "grounded": {frozenset.intersection(*complete)},
        "complete": complete,
        "preferred": preferred,
        "stable": answer_sets(fw, STABLE),
        "semi-stable": {e for e in complete if not any(ranges[e] < ranges[o] for o in complete)},
        "ideal": {max((e for e in complete if e <= common), key=len)},
    }


@pytest.mark.parametrize("n", [40, 60, 90, 120])
def test_frameworks_past_the_backtracking_limit_agree_with_the_oracle(n: int) -> None:
    for seed in (1, 2):
        fw = _random(n, 1000 * n + seed)
        expected = _complete_oracle(fw)
        for semantics in SEMANTICS:
            assert set(extensions(fw, semantics)) == expected[semantics], (n, seed, semantics)


def test_a_large_odd_cycle_beside_an_even_one_needs_the_solver() -> None:
    # 41 arguments in a cycle (no stable extension, the empty preferred one) and 40 in an
    # even cycle (two preferred extensions), too many for the backtracking search.
    odd = [(f"o{i}", f"o{(i + 1) % 41}") for i in range(41)]
    even = [(f"e{i}", f"e{(i + 1) % 40}") for i in range(40)]
    fw = Framework([a for a, _ in odd + even], odd + even)
    preferred = extensions(fw, "preferred")
    assert sorted(len(e) for e in preferred) == [20, 20]
    assert extensions(fw, "stable") == []
    assert all(not any(a.startswith("o") for a in e) for e in preferred)
    assert set(labelling(fw, "preferred").values()) == {"undec"}


def test_the_asp_labellings_honour_blocked_required_and_excluded_arguments() -> None:
    ring = [(0, 1), (1, 0)]
    assert solve_labellings([0, 1], ring, [0], "preferred") == [{0: 2, 1: 1}]
    assert solve_labellings([0, 1], ring, [0, 1], "complete") == [{0: 3, 1: 3}]
    assert solve_labellings([0, 1], ring, [0, 1], "stable") == []
    assert solve_labellings([0, 1], ring, [], "stable", require=[0]) == [{0: 1, 1: 2}]
    assert solve_labellings([0, 1], ring, [], "stable", exclude=[0]) == [{0: 2, 1: 1}]
    assert len(solve_labellings([0, 1], ring, [], "complete", limit=1)) == 1


# -- Dung (1995) -------------------------------------------------------------------------------


def test_dungs_nixon_diamond_has_two_preferred_and_stable_extensions() -> None:
    # Two arguments that attack each other: each alone is preferred and stable, the
    # grounded extension is empty, and neither is skeptically accepted.
    fw = Framework(["A", "B"], attacks=[("A", "B"), ("B", "A")])
    assert extensions(fw, "preferred") == extensions(fw, "stable") == [{"A"}, {"B"}]
    assert extensions(fw, "grounded") == [frozenset()]
    assert solve_task(fw, "DC-PR", "A").answer and not solve_task(fw, "DS-PR", "A").answer


def test_dungs_odd_cycle_has_the_empty_preferred_extension_and_no_stable_one() -> None:
    fw = Framework(["A", "B", "C"], attacks=[("A", "B"), ("B", "C"), ("C", "A")])
    assert extensions(fw, "preferred") == [frozenset()]
    assert extensions(fw, "stable") == []
    assert solve_task(fw, "SE-ST").format(fw) == "NO\n"
    assert solve_task(fw, "DS-ST", "A").answer  # vacuously: there is no stable extension


def test_dungs_reinstatement_in_a_well_founded_framework() -> None:
    # C attacks B, B attacks A: C reinstates A. Well-founded, so the grounded extension is
    # the only complete one, and preferred and stable too.
    fw = Framework(["A", "B", "C"], attacks=[("B", "A"), ("C", "B")])
    for semantics in SEMANTICS:
        assert extensions(fw, semantics) == [{"A", "C"}], semantics


# -- ICCMA tasks -------------------------------------------------------------------------------


def test_every_task_agrees_with_the_extensions_and_certifies_its_answer() -> None:
    for fw in FRAMEWORKS[:120]:
        for code, semantics in TASK_SEMANTICS.items():
            found = extensions(fw, semantics)
            some = solve_task(fw, f"SE-{code}")
            assert some.answer == bool(found)
            assert some.witness is None or some.witness in found
            for a in fw.arguments:
                dc = solve_task(fw, f"DC-{code}", a)
                assert dc.answer == any(a in e for e in found), (code, a, fw.attacks)
                assert dc.witness is None or (dc.witness in found and a in dc.witness)
                ds = solve_task(fw, f"DS-{code}", a)
                assert ds.answer == all(a in e for e in found), (code, a, fw.attacks)
                assert ds.witness is None or (ds.witness in found and a not in ds.witness)


def test_tasks_on_a_framework_past_the_backtracking_limit() -> None:
    fw = _random(150, 7)
    preferred = extensions(fw, "preferred")
    for a in fw.arguments[:40]:
        assert solve_task(fw, "DC-PR", a).answer == any(a in e for e in preferred)
        assert solve_task(fw, "DS-PR", a).answer == all(a in e for e in preferred)
    assert solve_task(fw, "SE-PR").witness in preferred


@pytest.mark.parametrize(
    ("task", "argument", "message"),
    [
        ("XX-PR", "1", "unknown task 'XX-PR'; expected one of DC-GR, DC-CO"),
        ("DC-NAIVE", "1", "unknown task 'DC-NAIVE'"),
        ("DC-PR", None, "the task DC-PR asks about an argument: give one"),
        ("DS-ST", "9", "'9' is not an argument of the framework"),
    ],
)
def test_bad_tasks_say_what_is_expected(task: str, argument: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        solve_task(Framework(["1", "2"], attacks=[("1", "2")]), task, argument)


def test_task_names_are_read_in_either_case() -> None:
    assert parse_task("dc-sst") == ("DC", "semi-stable")
    assert solve_task(Framework(["1"]), "se-gr").format(Framework(["1"])) == "w 1\n"
