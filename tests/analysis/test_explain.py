"""Explanations of Dung's labels: defences are admissible, defeaters are accepted attackers."""

from __future__ import annotations

import pytest

from argmap import Framework, read_map, to_framework
from argmap.analysis.dung import labelling
from argmap.analysis.explain import explain
from argmap.analysis.verdict import node_labels
from tests.support.frameworks import FRAMEWORKS

SEED = "maps/shagina-2018-japan-sanctions.yaml"


@pytest.mark.parametrize("semantics", ["grounded", "preferred", "stable", "ideal"])
def test_every_defence_with_its_argument_is_admissible_and_every_out_has_a_defeater(
    semantics: str,
) -> None:
    for fw in FRAMEWORKS:
        status = labelling(fw, semantics)  # type: ignore[arg-type]
        for a in fw.arguments:
            e = explain(fw, a, semantics)  # type: ignore[arg-type]
            assert e.label == status[a]
            assert set(e.attackers) == set(fw.attackers(a))
            if e.label == "in":
                members = {a, *e.defence}
                assert not any((x, y) in fw.attacks for x in members for y in members)
                for x in members:
                    for b in fw.attackers(x):
                        assert any((d, b) in fw.attacks for d in members), (a, e)
            elif e.label == "out":
                assert e.defeaters and set(e.defeaters) <= set(fw.attackers(a))


def test_a_grounded_defence_goes_down_to_unattacked_arguments() -> None:
    # e attacks d, d attacks c, c attacks b, b attacks a: a is defended by c, c by e.
    fw = Framework("abcde", attacks=[("b", "a"), ("c", "b"), ("d", "c"), ("e", "d")])
    e = explain(fw, "a")
    assert (e.label, e.defence) == ("in", ("c", "e"))
    assert (
        e.text() == "a is in under grounded semantics: its attacker b is out, defeated by c and e."
    )


def test_undecided_and_out_read_plainly() -> None:
    fw = Framework("abcd", attacks=[("a", "b"), ("b", "c"), ("c", "a"), ("a", "d")])
    assert explain(fw, "d").text() == (
        "d is undec under grounded semantics: a attacks it and is itself undecided (a "
        "cycle that no accepted argument breaks)."
    )
    ring = Framework("ab", attacks=[("a", "b"), ("b", "a")])
    assert explain(ring, "a", "preferred").text() == (
        "a is undec under preferred semantics: it is accepted in 1 of 2 extensions."
    )
    assert explain(Framework("ab", attacks=[("a", "b")]), "b").text() == (
        "b is out under grounded semantics: a attacks it and stands."
    )


def test_the_seed_maps_undercut_calculation_is_explained_by_title() -> None:
    amap = read_map(SEED)
    fw = to_framework(amap)
    e = explain(fw, "r-calculation")
    assert e.defeaters == ("closing-critique",)
    assert e.text(node_labels(amap)) == (
        "Russia's place in Japan's strategic concerns → No irritation for Moscow is out under "
        "grounded semantics: The closing critique attacks it and stands."
    )
    with pytest.raises(ValueError, match="'nowhere' is not an argument"):
        explain(fw, "nowhere")
