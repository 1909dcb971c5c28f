"""Dung semantics against oracles: ASP (clingo), formal-argumentation, a brute-force enumerator.

The ASP oracle and the random frameworks are those of tests/support/frameworks.py.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

import pytest
from argumentation.core import dung as fa
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import Framework, extensions, labelling, read_map, to_framework
from argmap.analysis import is_accepted
from argmap.analysis.dung import SEMANTICS, labellings
from tests.support.frameworks import FRAMEWORKS, Extensions, asp_extensions, extension_range


def _brute_force(fw: Framework) -> dict[str, Extensions]:
    """Every semantics straight from its definition, over all subsets."""
    args = fw.arguments

    def attacks(s: frozenset[str], a: str) -> bool:
        return any((b, a) in fw.attacks for b in s)

    def defends(s: frozenset[str], a: str) -> bool:
        return all(attacks(s, b) for b in fw.attackers(a))

    subsets = [frozenset(c) for r in range(len(args) + 1) for c in itertools.combinations(args, r)]
    free = [s for s in subsets if not any(attacks(s, a) for a in s)]
    admissible = [s for s in free if all(defends(s, a) for a in s)]
    complete = [s for s in admissible if all(defends(s, a) == (a in s) for a in args)]
    preferred = [s for s in complete if not any(s < o for o in complete)]
    common = frozenset.intersection(*preferred)
    return {
        "grounded": {min(complete, key=len)},
        "complete": set(complete),
        "preferred": set(preferred),
        "stable": {s for s in complete if extension_range(fw, s) == frozenset(args)},
        "semi-stable": {
            s
            for s in complete
            if not any(extension_range(fw, s) < extension_range(fw, o) for o in complete)
        },
        "ideal": {max((s for s in admissible if s <= common), key=len)},
    }


def test_the_random_frameworks_have_self_attacks_odd_cycles_and_no_stable_extensions() -> None:
    self_attacking = sum(any(a == b for a, b in fw.attacks) for fw in FRAMEWORKS)
    without_stable = sum(not extensions(fw, "stable") for fw in FRAMEWORKS)
    assert self_attacking > 100
    assert without_stable > 50


def test_every_semantics_agrees_with_asp_on_300_random_frameworks() -> None:
    for fw in FRAMEWORKS:
        expected = asp_extensions(fw)
        for semantics in SEMANTICS:
            assert set(extensions(fw, semantics)) == expected[semantics], (semantics, fw.attacks)


def test_every_semantics_agrees_with_brute_force_on_small_frameworks() -> None:
    for fw in FRAMEWORKS:
        if len(fw) > 7:
            continue
        expected = _brute_force(fw)
        for semantics in SEMANTICS:
            assert set(extensions(fw, semantics)) == expected[semantics], (semantics, fw.attacks)


ORACLE: dict[str, Callable[[fa.ArgumentationFramework], object]] = {
    "grounded": fa.grounded_extension,
    "complete": fa.complete_extensions,
    "preferred": fa.preferred_extensions,
    "stable": fa.stable_extensions,
    "semi-stable": fa.semi_stable_extensions,
    "ideal": fa.ideal_extension,
}


@pytest.mark.parametrize("semantics", SEMANTICS)
def test_every_semantics_agrees_with_formal_argumentation(semantics: str) -> None:
    for fw in FRAMEWORKS[:150]:
        theirs = ORACLE[semantics](
            fa.ArgumentationFramework(arguments=frozenset(fw.arguments), defeats=fw.attacks)
        )
        expected = {theirs} if isinstance(theirs, frozenset) else set(theirs)  # type: ignore[call-overload]
        assert set(extensions(fw, semantics)) == expected  # type: ignore[arg-type]


# -- properties --------------------------------------------------------------------------------


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    n = draw(st.integers(min_value=0, max_value=9))
    names = [str(i) for i in range(n)]
    pairs = list(itertools.product(names, names))
    attacks = draw(st.sets(st.sampled_from(pairs), max_size=3 * n)) if pairs else set()
    return Framework(names, attacks)


def _conflict_free(fw: Framework, s: frozenset[str]) -> bool:
    return not any((a, b) in fw.attacks for a in s for b in s)


def _admissible(fw: Framework, s: frozenset[str]) -> bool:
    return _conflict_free(fw, s) and all(
        any((d, b) in fw.attacks for d in s) for a in s for b in fw.attackers(a)
    )


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_extensions_are_admissible_grounded_in_every_complete_stable_in_preferred(
    fw: Framework,
) -> None:
    found = {s: extensions(fw, s) for s in SEMANTICS}
    for semantics, exts in found.items():
        for e in exts:
            assert _admissible(fw, e), (semantics, e)
    (grounded,) = found["grounded"]
    assert all(grounded <= e for e in found["complete"])
    assert set(found["stable"]) <= set(found["preferred"])
    assert set(found["semi-stable"]) <= set(found["preferred"])
    assert set(found["preferred"]) <= set(found["complete"])
    (ideal,) = found["ideal"]
    assert grounded <= ideal <= frozenset.intersection(*found["preferred"])


@settings(max_examples=100, deadline=None)
@given(frameworks())
def test_labellings_obey_the_labelling_rules(fw: Framework) -> None:
    for lab in labellings(fw, "complete"):
        for a in fw.arguments:
            attackers = {lab[b] for b in fw.attackers(a)}
            expected = "out" if "in" in attackers else "undec" if "undec" in attackers else "in"
            assert lab[a] == expected


# -- the public functions ----------------------------------------------------------------------


def test_an_odd_cycle_is_undecided_and_has_no_stable_extension() -> None:
    fw = Framework("abc", attacks=[("a", "b"), ("b", "c"), ("c", "a")])
    assert labelling(fw) == {"a": "undec", "b": "undec", "c": "undec"}
    assert extensions(fw, "stable") == []
    assert extensions(fw, "preferred") == [frozenset()]


def test_a_self_attacker_is_out_when_an_accepted_argument_attacks_it() -> None:
    fw = Framework("abc", attacks=[("a", "a"), ("b", "a"), ("a", "c")])
    assert labelling(fw) == {"a": "out", "b": "in", "c": "in"}


def test_labelling_of_several_extensions_is_the_status_they_share() -> None:
    fw = Framework("abcd", attacks=[("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    assert labelling(fw, "preferred") == {"a": "undec", "b": "undec", "c": "out", "d": "in"}
    assert labelling(Framework("a", attacks=[("a", "a")]), "stable") == {"a": "undec"}


def test_acceptance_credulous_and_skeptical() -> None:
    fw = Framework("abcd", attacks=[("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    assert is_accepted(fw, "a", "preferred")
    assert not is_accepted(fw, "a", "preferred", mode="skeptical")
    assert is_accepted(fw, "d", "preferred", mode="skeptical")
    assert not is_accepted(fw, "d", "grounded")
    # No stable extension: nothing is credulously accepted, everything skeptically.
    odd = Framework("abc", attacks=[("a", "b"), ("b", "c"), ("c", "a")])
    assert not is_accepted(odd, "a", "stable")
    assert is_accepted(odd, "a", "stable", mode="skeptical")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda fw: extensions(fw, "naive"), "unknown semantics 'naive'"),  # type: ignore[arg-type]
        (lambda fw: is_accepted(fw, "z", "grounded"), "'z' is not an argument"),
        (lambda fw: is_accepted(fw, "a", "grounded", mode="brave"), "unknown mode 'brave'"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_say_what_is_expected(
    call: Callable[[Framework], object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        call(Framework("a"))


def test_large_sparse_frameworks_solve_through_their_components() -> None:
    rng = random.Random(3)
    n = 3000
    names = [str(i) for i in range(n)]
    fw = Framework(names, [(rng.choice(names), rng.choice(names)) for _ in range(2 * n)])
    preferred = extensions(fw, "preferred")
    (grounded,) = extensions(fw, "grounded")
    assert preferred and all(grounded <= e for e in preferred)
    attackers: dict[str, set[str]] = {a: set() for a in names}
    for a, b in fw.attacks:
        attackers[b].add(a)
    for e in preferred:
        beaten = {b for a, b in fw.attacks if a in e}
        assert not beaten & e
        assert all(attackers[a] <= beaten for a in e)


def test_the_seed_map_grounded_status() -> None:
    fw = to_framework(read_map("maps/shagina-2018-japan-sanctions.yaml"))
    status = labelling(fw)
    # Pulls argue against the decision without refuting it: no attack reaches it.
    assert status["sanctions-imposed"] == "in"
    assert status["symbolic-sanctions"] == "in"
    # The closing critique undercuts Tokyo's calculation, not its premise or conclusion.
    assert status["r-calculation"] == "out"
    assert status["russia-strategic-role"] == "in"
    assert status["avoid-irritation"] == "in"
    # The linked inference needs both premises, and both stand.
    assert status["r-balance"] == "in"
    assert extensions(fw, "preferred") == extensions(fw, "grounded")


def _pairs(n: int) -> Framework:
    """``n`` pairs of arguments attacking each other: 2**n preferred extensions."""
    names = [f"{side}{i}" for i in range(n) for side in "ab"]
    attacks = [(f"a{i}", f"b{i}") for i in range(n)] + [(f"b{i}", f"a{i}") for i in range(n)]
    return Framework(names, attacks=attacks)


def test_extensions_are_listed_up_to_the_bound() -> None:
    from argmap.analysis.dung import MAX_EXTENSIONS

    assert 2**13 <= MAX_EXTENSIONS < 2**14
    assert len(extensions(_pairs(13), "preferred")) == 2**13
    assert labelling(_pairs(13), "stable") == dict.fromkeys(_pairs(13).arguments, "undec")


@pytest.mark.parametrize("semantics", ["complete", "preferred", "stable", "semi-stable", "ideal"])
def test_past_the_bound_the_search_stops_naming_the_semantics(semantics: str) -> None:
    from argmap.errors import ExtensionLimitError

    with pytest.raises(ExtensionLimitError) as caught:
        extensions(_pairs(25), semantics)  # type: ignore[arg-type]
    assert caught.value.semantics == semantics
    assert str(caught.value).startswith(f"{semantics} semantics has more than 10,000 extensions")


def test_past_the_bound_a_credulous_task_still_answers() -> None:
    from argmap.analysis.tasks import solve_task

    answer = solve_task(_pairs(25), "DC-PR", "a3")
    assert answer.answer is True and answer.witness is not None and "a3" in answer.witness
