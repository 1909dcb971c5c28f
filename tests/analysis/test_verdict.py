"""Verdicts in plain language: the seed map's question answered, flips, layers reconciled."""

from __future__ import annotations

import json

import pytest

from argmap import ArgumentMap, Claim, Factor, Node, Relation, read_map
from argmap.analysis.verdict import node_labels, outcomes, verdict_on, verdicts

SEED = "maps/shagina-2018-japan-sanctions.yaml"
DATA = "tests/data/analysis"


def test_the_seed_map_answers_its_question_by_title() -> None:
    thesis, decision, substance = verdicts(read_map(SEED))
    assert (thesis.title, thesis.roles, thesis.holds) == ("Symbolic sanctions", ("thesis",), "yes")
    # The thesis stands on the linked balance of form and substance, and on the Abe
    # administration's balancing; nothing argues against it.
    assert [c.title for c in thesis.pros] == [
        "Sanctions imposed, reluctantly + No irritation for Moscow",
        "The Abe administration's balancing",
    ]
    assert thesis.headline.startswith("Symbolic sanctions: holds by preponderance of the evidence.")
    assert (
        "meet a scintilla of evidence, preponderance of the evidence and dialectical validity"
        in thesis.headline
    )
    assert (
        "It rests on Sanctions imposed, reluctantly (accepted, stated as fact; 2 pros stand, "
        "contested by 3 cons); No irritation for Moscow (holds by preponderance of the "
        "evidence; 1 pro stands)" in thesis.notes[0]
    )
    # The push met the decision in form: it was taken, on two pushes, against three pulls.
    assert (decision.title, decision.status, decision.holds) == (
        "Sanctions imposed, reluctantly", "accepted", "yes"
    )  # fmt: skip
    assert decision.headline == (
        "Sanctions imposed, reluctantly: accepted, stated as fact. Its pros and cons "
        "(2 pushes, 3 pulls) meet a scintilla of evidence; fail dialectical validity "
        "(contested by 3 cons that stand); leave open preponderance of the evidence, clear "
        "and convincing evidence and beyond reasonable doubt (the map gives no weights)."
    )
    assert [c.title for c in decision.cons] == [
        "The territorial dispute",
        "Asia-Pacific geopolitics",
        "Russia's place in Japan's strategic concerns",
    ]
    assert decision.flip == (
        "give weights: it is met if the strongest pro outweighs the strongest con"
    )
    # The pull shaped its substance: the same factors carry No irritation for Moscow.
    assert decision.notes == (
        "Its cons argue against it without refuting it: the map states it as fact.",
        "Its cons also argue for No irritation for Moscow: Asia-Pacific geopolitics and "
        "Russia's place in Japan's strategic concerns (undercut by The closing critique).",
    )
    assert substance.title == "No irritation for Moscow" and substance.holds == "yes"
    calculation = substance.pros[1]
    assert (calculation.relation, calculation.applies, calculation.why) == (
        "r-calculation", "no", "undercut by The closing critique"
    )  # fmt: skip


def test_a_weighted_decision_says_what_would_flip_each_standard() -> None:
    (verdict,) = verdicts(read_map(f"{DATA}/weighted-decision.yaml"))
    answers = {a.standard: a for a in verdict.standards}
    # Pushes 0.8, 0.4 and an unweighted one; pulls 0.6, 0.5.
    assert answers["preponderance"].answer == "yes"
    assert answers["preponderance"].flip == "a con of weight ≥ 0.8 would make it fail"
    assert verdict.flip == answers["preponderance"].flip
    # Clear and convincing needs the strongest pro 0.3 above the strongest con (0.6): the
    # unweighted push decides it.
    assert answers["clear-and-convincing"].answer == "open"
    assert answers["clear-and-convincing"].why == (
        "the pro from Public opinion (unweighed). has no weight"
    )
    assert answers["beyond-reasonable-doubt"].flip == (
        "no pro can meet it while a con of weight 0.6 stands (the strongest con must weigh "
        "less than 0.2)"
    )
    assert answers["dialectical-validity"].flip == "it would be met if both cons fell"


def _decision(pushes: list[float], pulls: list[float], **status: str) -> ArgumentMap:
    nodes: list[Node] = [Claim.model_validate({"id": "d", "text": "D", **status})]
    relations = []
    for i, w in enumerate(pushes):
        nodes.append(Factor(id=f"push{i}", text=f"Push {i}", direction="push", weight=w))
        relations.append(Relation(kind="pushes", source=f"push{i}", target="d"))
    for i, w in enumerate(pulls):
        nodes.append(Factor(id=f"pull{i}", text=f"Pull {i}", direction="pull", weight=w))
        relations.append(Relation(kind="pulls", source=f"pull{i}", target="d"))
    return ArgumentMap(id="m", title="M", nodes=nodes, relations=relations)


@pytest.mark.parametrize(
    ("pushes", "pulls", "standard", "answer", "flip"),
    [
        ([0.4], [0.2], "preponderance", "yes", "a con of weight ≥ 0.4 would make it fail"),
        ([0.4], [0.6], "preponderance", "no", "a pro of weight > 0.6 would meet it"),
        ([0.5], [1.0], "preponderance", "no", "no pro can meet it while a con of weight 1 stands"),
        ([0.9], [0.2], "clear-and-convincing", "yes", "a con of weight ≥ 0.6 would make it fail"),
        ([0.5], [0.3], "clear-and-convincing", "no", "a pro of weight > 0.6 would meet it"),
        (
            [0.9],
            [0.1],
            "beyond-reasonable-doubt",
            "yes",
            "a con of weight ≥ 0.2 would make it fail",
        ),
        ([0.9], [], "scintilla", "yes", "it fails only if its pro falls"),
        ([], [0.5], "scintilla", "no", "a pro that stands would meet it"),
    ],
)
def test_flips_are_the_smallest_change_that_turns_the_answer(
    pushes: list[float], pulls: list[float], standard: str, answer: str, flip: str
) -> None:
    (verdict,) = verdicts(_decision(pushes, pulls))
    (found,) = [a for a in verdict.standards if a.standard == standard]
    assert (found.answer, found.flip) == (answer, flip)


def test_sums_and_preponderance_disagreeing_are_reconciled() -> None:
    # Twelve light pushes outweigh one heavy pull in sum, not in the strongest argument.
    (verdict,) = verdicts(_decision([0.15] * 12, [0.6]))
    assert verdict.holds == "no"
    assert (
        "The push/pull balance sums the weights (1.8 push against 0.6 pull: push prevails); "
        "preponderance compares the strongest argument on each side, as Carneades does, and "
        "answers no." in verdict.notes
    )


def test_an_accepted_node_that_dung_rejects_is_explained() -> None:
    amap = ArgumentMap(
        id="m",
        title="M",
        nodes=[
            Claim(id="fact", text="F", title="The fact", status="accepted", thesis=True),
            Claim(id="doubt", text="D", title="A doubt"),
        ],
        relations=[Relation(kind="attacks", source="doubt", target="fact")],
    )
    (verdict,) = verdicts(amap)
    assert verdict.holds == "yes"
    assert verdict.notes[-1] == (
        "Dung's grounded semantics label it out (attacked by A doubt); the proof standards "
        "keep it: the map states it as fact, and an attack is weighed as a con, not as a "
        "refutation."
    )


def test_a_thesis_dung_accepts_but_whose_pros_fail_is_explained() -> None:
    (murder, _) = verdicts(read_map(f"{DATA}/carneades-murder.yaml"))
    assert murder.holds == "no"
    assert murder.notes[-1].startswith("Dung's grounded semantics accept it: nothing that")
    assert murder.pros[0].why == "The accused acted with intent. does not hold"


def test_verdicts_are_plain_data_with_stable_keys() -> None:
    data = [v.to_dict() for v in verdicts(read_map(SEED))]
    text = json.dumps(data, sort_keys=True)
    assert json.loads(text) == data
    assert sorted(data[0]) == [
        "cons", "flip", "headline", "holds", "node", "notes", "pros", "roles", "standard",
        "standards", "status", "title",
    ]  # fmt: skip
    assert sorted(data[0]["pros"][0]) == [
        "applies", "kind", "premises", "relation", "side", "title", "weight", "why"
    ]  # fmt: skip
    assert [a["standard"] for a in data[1]["standards"]] == [
        "scintilla", "preponderance", "clear-and-convincing", "beyond-reasonable-doubt",
        "dialectical-validity",
    ]  # fmt: skip


def test_any_node_gets_a_verdict_on_request() -> None:
    amap = read_map(SEED)
    assert verdict_on(amap, "russia-strategic-role").headline == (
        "Russia's place in Japan's strategic concerns: accepted, stated as fact."
    )
    assert verdict_on(amap, "russia-strategic-role").notes == (
        "Open question: Is Russia the answer?",
    )
    with pytest.raises(KeyError):
        verdict_on(amap, "nowhere")


def test_labels_are_titles_and_inferences_read_premises_to_conclusion() -> None:
    labels = node_labels(read_map(SEED))
    assert labels["r-balance"] == (
        "Sanctions imposed, reluctantly + No irritation for Moscow → Symbolic sanctions"
    )
    assert labels["r-calculation"] == (
        "Russia's place in Japan's strategic concerns → No irritation for Moscow"
    )
    amap = ArgumentMap(id="m", title="M", nodes=[Claim(id="long", text="word " * 30)])
    assert node_labels(amap)["long"].endswith("…") and len(node_labels(amap)["long"]) == 60


def test_a_view_with_nodes_of_other_maps_gets_verdicts() -> None:
    base = read_map(SEED)
    # As a view of a map that uses the seed map builds it: imported nodes under
    # MAP-ID#NODE-ID keys, no validation.
    imported = [
        n.model_copy(update={"id": f"{base.id}#{n.id}"})
        for n in base.nodes
        if n.id in ("sanctions-imposed", "g7-solidarity", "territorial-dispute")
    ]
    decision, push, pull = (
        f"{base.id}#{n}" for n in ("sanctions-imposed", "g7-solidarity", "territorial-dispute")
    )
    territory = f"{base.id}#r-territory"
    pulling = Relation.model_construct(id=territory, kind="pulls", source=pull, target=decision)
    view = ArgumentMap.model_construct(
        id="user",
        title="A map that builds on the seed map",
        nodes=[*imported, Claim(id="cost", text="Sanctions cost Japan talks.", title="A cost")],
        relations=[
            Relation(kind="pushes", source=push, target=decision),
            pulling,
            Relation(kind="undercuts", source="cost", target=territory),
        ],
    )
    assert outcomes(view) == [f"{base.id}#sanctions-imposed"]
    (verdict,) = verdicts(view)
    assert verdict.title == "Sanctions imposed, reluctantly"
    assert verdict.cons[0].why == "undercut by A cost"
    assert [a.answer for a in verdict.standards][-1] == "yes"  # no con stands any more


def test_a_claim_dung_rejects_and_the_weighing_leaves_open_is_explained() -> None:
    amap = ArgumentMap(
        id="m",
        title="M",
        nodes=[
            Claim(id="c", text="C", title="The claim", thesis=True),
            Claim(id="s", text="S", title="A reason"),
            Claim(id="a", text="A", title="An objection"),
        ],
        relations=[
            Relation(kind="supports", source="s", target="c"),
            Relation(kind="attacks", source="a", target="c"),
        ],
    )
    (verdict,) = verdicts(amap)
    assert verdict.holds == "open"
    assert verdict.headline.startswith("The claim: undecided by preponderance of the evidence.")
    assert verdict.notes[-1] == (
        "Dung's grounded semantics label it out (attacked by An objection); the proof "
        "standards weigh each attack as a con against its pros, and without weights leave it "
        "open."
    )
