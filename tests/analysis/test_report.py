"""The report as data and text: every layer, explanations, and maps built on other maps."""

from __future__ import annotations

import json

import pytest

from argmap import read_map, to_framework
from argmap.analysis.report import analyze, dump_report, format_report, node_annotations
from argmap.workspace import map_view, read_maps

SEED = "maps/shagina-2018-japan-sanctions.yaml"
#: Test data that names nodes of the seed map and undercuts its territorial pull.
USER = "tests/data/workspace/undercutting.yaml"


def test_a_view_whose_node_ids_name_other_maps_is_analysed_end_to_end() -> None:
    _shown = map_view(read_maps(USER), "undercutting")
    view, imported = _shown.amap, _shown.imported
    assert any("#" in n for n in imported)
    fw = to_framework(view)
    decision = "shagina-2018-japan-sanctions#sanctions-imposed"
    report = analyze(
        fw, amap=view, semantics=["grounded", "preferred"], gradual=["df-quad"],
        explaining=[decision, "shagina-2018-japan-sanctions#r-territory"],
    )  # fmt: skip
    assert json.loads(dump_report(report)) == report
    assert report["labels"][decision] == "Sanctions imposed, reluctantly"
    (thesis, outcome) = report["verdicts"]
    assert thesis["title"] == "Builds on the seed"
    # The map undercuts the territorial pull on the first paper's decision.
    assert outcome["node"] == decision
    assert outcome["cons"][0]["why"] == "undercut by A denial of the pull"
    text = format_report(report)
    assert "[outcome] Sanctions imposed, reluctantly: accepted, stated as fact." in text
    assert "Why The territorial dispute → Sanctions imposed, reluctantly:" in text
    assert node_annotations(view, "verdict").labels[decision] == "accepted"


def test_the_report_keeps_each_layer_to_its_question() -> None:
    report = analyze(to_framework(read_map(SEED)), amap=read_map(SEED))
    # Dung: nothing attacks the decision, so no layer contradicts its verdict.
    labelling = report["semantics"]["grounded"]["labelling"]
    assert "sanctions-imposed" in labelling["in"]
    assert labelling["out"] == ["r-calculation"]
    decision = next(v for v in report["verdicts"] if v["node"] == "sanctions-imposed")
    assert decision["holds"] == "yes"
    assert not any(note.startswith("Dung") for note in decision["notes"])


@pytest.mark.parametrize(
    ("method", "base", "expected"),
    [("h-categorizer", None, 1.0), ("df-quad", None, 0.5), ("euler", 0.3, 0.3)],
)
def test_each_gradual_semantics_reports_its_base(
    method: str, base: float | None, expected: float
) -> None:
    amap = read_map(SEED)
    report = analyze(to_framework(amap), amap=amap, gradual=[method], base=base)  # type: ignore[list-item]
    assert report["strengths"][method]["base"] == expected
    assert report["strengths"][method]["values"]["closing-critique"] == expected


def test_explaining_an_unknown_argument_is_refused() -> None:
    amap = read_map(SEED)
    with pytest.raises(ValueError, match="'nowhere' is not an argument of the framework"):
        analyze(to_framework(amap), amap=amap, explaining=["nowhere"])
