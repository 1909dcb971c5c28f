"""`argmap analyze` on maps and ICCMA files, its ICCMA tasks, and `argmap render --analysis`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap import Framework, to_dot
from argmap.analysis.report import diagram_annotations, node_annotations
from argmap.formats.iccma import write_af
from argmap.formats.mapfile import read_map
from tests.support import ROOT, SEED_MAP
from tests.support.cli import run

WEIGHTED = "tests/data/analysis/weighted-decision.yaml"


def _flat(text: str) -> str:
    """The text with its wrapped lines joined, to search for whole sentences."""
    return " ".join(line.strip() for line in text.splitlines())


def test_analyze_the_seed_map_answers_by_title() -> None:
    code, out, _ = run("analyze", str(SEED_MAP), "-g", "df-quad")
    assert code == 0
    flat = _flat(out)
    assert out.splitlines()[2] == "Verdicts: pros and cons weighed by proof standards (Carneades)"
    assert "[thesis] Symbolic sanctions: holds by preponderance of the evidence." in flat
    assert (
        "[outcome] Sanctions imposed, reluctantly: accepted, stated as fact. Its pros and cons "
        "(2 pushes, 3 pulls) meet a scintilla of evidence; fail dialectical validity "
        "(contested by 3 cons that stand)" in flat
    )
    assert "- Asia-Pacific geopolitics (pull)" in out
    assert (
        "+ Russia's place in Japan's strategic concerns (support): does not apply, undercut "
        "by The closing critique" in flat
    )
    assert "Its cons also argue for No irritation for Moscow" in flat
    # Dung's layer lists titles, inferences as premises → conclusion, and no pulls.
    assert "15 arguments, 1 attack, 6 supports" in out
    assert "out    Russia's place in Japan's strategic concerns → No irritation for Moscow" in flat
    assert "df-quad strengths (base 0.5; converged in 1 iteration):" in out
    assert "  0.969  Symbolic sanctions" in out
    assert "r-balance" not in out and "r-calculation" not in out


def test_analyze_a_weighted_map_gives_the_verdict_the_balance_and_the_flip() -> None:
    code, out, _ = run("analyze", WEIGHTED)
    assert code == 0
    flat = _flat(out)
    assert (
        "what would flip preponderance of the evidence: a con of weight ≥ 0.8 would make it fail"
        in flat
    )
    assert "weights 1.2 push vs 1.1 pull: push prevails by 0.1" in flat
    assert "deciding (each one alone): Solidarity with allies.; Leverage over trade." in flat
    assert "Solidarity with allies. 0.8 -> 0.7; Leverage over trade. 0.4 -> 0.3" in flat
    assert "unweighted, not counted: Public opinion (unweighed)." in flat
    assert "driving 7 vs restraining 6: driving; unscored: Public opinion (unweighed)." in flat


def test_analyze_json_is_stable_and_complete() -> None:
    code, out, _ = run("analyze", WEIGHTED, "--semantics", "preferred", "-g", "euler", "-f", "json")
    assert code == 0
    report = json.loads(out)
    assert out == json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert report["semantics"]["preferred"]["labelling"]["in"][0] == "decision"
    assert report["strengths"]["euler"]["converged"] is True
    assert report["strengths"]["euler"]["base"] == 0.5
    (verdict,) = report["verdicts"]
    assert (verdict["node"], verdict["holds"], verdict["roles"]) == (
        "decision", "yes", ["thesis", "outcome"]
    )  # fmt: skip
    assert verdict["flip"] == "a con of weight ≥ 0.8 would make it fail"
    (entry,) = report["balances"]
    assert entry["verdict"] == "push" and entry["margin"] == 0.1
    assert entry["flips"][0] == {"factor": "solidarity", "weight": 0.8, "tie": 0.7}
    assert report["force_fields"][0]["driving_total"] == 7
    assert report["labels"]["solidarity"] == "Solidarity with allies."


def test_analyze_explains_why_a_claim_stands_or_falls(tmp_path: Path) -> None:
    code, out, _ = run("analyze", str(SEED_MAP), "-x", "r-calculation", "-x", "avoid-irritation")
    assert code == 0
    flat = _flat(out)
    assert (
        "Why Russia's place in Japan's strategic concerns → No irritation for Moscow: The "
        "support from Russia's place in Japan's strategic concerns to No irritation for "
        "Moscow does not apply: undercut by The closing critique." in flat
    )
    assert "is out under grounded semantics: The closing critique attacks it and stands." in flat
    assert "Why No irritation for Moscow: No irritation for Moscow: holds by preponderance" in flat
    code, out, _ = run("analyze", str(SEED_MAP), "-x", "symbolic-sanctions", "-f", "json")
    entry = json.loads(out)["explanations"]["symbolic-sanctions"]
    assert entry["dung"][0]["label"] == "in" and entry["verdict"]["holds"] == "yes"


def test_analyze_an_iccma_file(tmp_path: Path) -> None:
    path = tmp_path / "odd.af"
    write_af(Framework("123", attacks=[("1", "2"), ("2", "3"), ("3", "1")]), path)
    code, out, _ = run(
        "analyze", str(path), "--semantics", "stable", "--semantics", "preferred", "-f", "json"
    )
    assert code == 0
    report = json.loads(out)
    assert report["semantics"]["stable"]["extensions"] == []
    assert report["semantics"]["preferred"]["extensions"] == [[]]
    assert "balances" not in report and "verdicts" not in report
    code, out, _ = run("analyze", str(path), "-x", "1")
    assert "1 is undec under grounded semantics: 3 attacks it and is itself undecided" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--task", "DC-PR", "--argument", "1"], "YES\n"),
        (["--task", "DS-PR", "--argument", "1"], "NO\n"),
        (["--task", "dc-st", "-a", "3"], "NO\n"),
        (["--task", "SE-PR"], "w 1 4\n"),
        (["--task", "SE-ST"], "w 2 4\n"),  # {1, 4} leaves 3 unattacked
        (["--task", "SE-GR"], "w 4\n"),
    ],
)
def test_analyze_answers_iccma_tasks(tmp_path: Path, args: list[str], expected: str) -> None:
    # 1 and 2 attack each other, 2 attacks 3, 3 attacks 3; 4 stands alone.
    path = tmp_path / "tasks.af"
    path.write_text("p af 4\n1 2\n2 1\n2 3\n3 3\n")
    code, out, err = run("analyze", str(path), *args)
    assert (code, out, err) == (0, expected, "")


def test_a_task_as_json_carries_its_certificate(tmp_path: Path) -> None:
    path = tmp_path / "tasks.af"
    path.write_text("p af 4\n1 2\n2 1\n2 3\n3 3\n")
    code, out, _ = run("analyze", str(path), "-t", "DS-PR", "-a", "1", "-f", "json")
    assert code == 0
    assert json.loads(out) == {
        "answer": False, "argument": "1", "task": "DS-PR", "witness": ["2", "4"]
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--task", "DC-PR"], "the task DC-PR asks about an argument: give one"),
        (["--task", "EE-PR"], "Invalid value for '-t' / '--task'"),
    ],
)
def test_a_bad_task_is_a_usage_error_without_traceback(
    tmp_path: Path, args: list[str], message: str
) -> None:
    path = tmp_path / "tasks.af"
    path.write_text("p af 2\n1 2\n")
    code, out, err = run("analyze", str(path), *args)
    assert (code, out) == (2, "")
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--task", "DC-PR", "-a", "9"], ": error: no argument '9'\n"),
        (["-x", "nowhere"], ": error: no argument 'nowhere'\n"),
    ],
)
def test_an_argument_the_framework_lacks_is_bad_input_located_at_its_file(
    tmp_path: Path, args: list[str], message: str
) -> None:
    """As a node the map lacks is in render --focus and cite --node: exit 1, the file named."""
    path = tmp_path / "tasks.af"
    path.write_text("p af 2\n1 2\n")
    code, out, err = run("analyze", str(path), *args)
    assert (code, out, err) == (1, "", f"{path}{message}")


def test_an_argument_the_framework_lacks_is_answered_with_the_closest(tmp_path: Path) -> None:
    path = tmp_path / "named.apx"
    path.write_text("arg(sanctions).\narg(dialogue).\natt(dialogue,sanctions).\n")
    code, _, err = run("analyze", str(path), "-t", "DC-GR", "-a", "sanction")
    assert (code, err) == (
        1,
        f"{path}: error: no argument 'sanction' (did you mean 'sanctions'?)\n",
    )


def test_an_argument_of_one_map_of_a_folder_is_explained_in_that_map() -> None:
    """The companion map names the seed map's node only by MAP#NODE: it is asked nothing."""
    code, out, err = run("analyze", str(SEED_MAP.parent), "-x", "g7-solidarity")
    assert (code, err) == (0, "")
    assert out.count("Why Solidarity with the G7:") == 1
    companion = out.index("[shagina-2018-sasakawa-sanctions-unity]")
    assert out.index("Why Solidarity with the G7:") < companion


def test_a_bad_iccma_file_gives_a_located_error_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.af"
    path.write_text("p af 2\n1 3\n")
    code, out, err = run("analyze", str(path))
    assert (code, out) == (1, "")
    assert (
        err
        == f"{path}:2:3: error: argument 3 is out of range: the header declares arguments 1 to 2\n"
    )


def test_render_analysis_puts_the_status_on_each_node_and_explains_it() -> None:
    code, out, _ = run("render", str(SEED_MAP), "-f", "dot", "--analysis", "grounded", "--legend")
    assert code == 0
    assert out.count("<B>grounded: in</B>") == 13
    assert out.count("<B>grounded: out</B>") == 0
    assert "status under Dung&#39;s grounded semantics: in (accepted)" in out
    code, out, _ = run("render", str(SEED_MAP), "-f", "dot", "--analysis", "df-quad")
    assert "<B>DF-QuAD 0.97</B>" in out
    assert "#legend-annotations" not in out  # no legend asked for


def test_annotations_are_escaped_in_the_diagram() -> None:
    amap = read_map(SEED_MAP)
    notes, key = diagram_annotations(amap, "preferred")
    notes["symbolic-sanctions"] = "<b>&"
    source = to_dot(amap, annotations=notes, annotation_key=key + " <x>", legend=True).source
    assert "<B>&lt;b&gt;&amp;</B>" in source
    assert "&lt;x&gt;" in source


def test_verdict_annotations_label_and_colour_every_node() -> None:
    amap = read_map(SEED_MAP)
    marks = node_annotations(amap, "verdict")
    assert marks.labels["symbolic-sanctions"] == "holds: preponderance"
    assert marks.labels["sanctions-imposed"] == "accepted; contested"
    assert marks.labels["closing-critique"] == "stated"
    assert marks.labels["russia-role-question"] == "question"
    assert marks.tones["symbolic-sanctions"] == "stands"
    assert "russia-role-question" not in marks.tones
    assert diagram_annotations(amap, "verdict") == (marks.labels, marks.key)
    source = to_dot(amap, annotations=marks.labels).source
    assert "<B>accepted; contested</B>" in source
    grounded = node_annotations(amap, "grounded")
    assert set(grounded.tones.values()) == {"stands"}


def test_render_analysis_annotates_every_map_of_a_folder(tmp_path: Path) -> None:
    code, _, err = run(
        "render", "tests/data/analysis", "-o", str(tmp_path), "-f", "dot", "--analysis", "df-quad"
    )
    assert code == 0, err
    decision = (tmp_path / "weighted-decision.dot").read_text()
    # Pushes and pulls are weighed by the verdicts, not by DF-QuAD: the decision keeps its
    # base score.
    assert "<B>DF-QuAD 0.50</B>" in decision
    assert "<B>DF-QuAD" in (tmp_path / "force-field.dot").read_text()


def test_the_analysis_guide_shows_the_seed_maps_analysis_as_it_is() -> None:
    page = (ROOT / "docs" / "guide" / "analysis.md").read_text(encoding="utf-8")
    command = "```console\n$ argmap analyze maps/shagina-2018-japan-sanctions.yaml\n"
    start = page.index(command) + len(command)
    shown = page[start : page.index("\n```", start)]
    code, out, _ = run("analyze", str(SEED_MAP))
    assert code == 0
    assert shown + "\n" == out
