"""`argmap analyze` on maps and ICCMA files, and `argmap render --analysis`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from argmap import Framework, to_dot, write_af
from argmap.analysis.report import diagram_annotations
from argmap.cli import main
from argmap.formats.mapfile import read_map
from tests.conftest import SEED_MAP

WEIGHTED = "tests/data/analysis/weighted-decision.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_analyze_the_seed_map_as_text() -> None:
    code, out, _ = run("analyze", str(SEED_MAP), "-g", "df-quad")
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "15 arguments, 1 attacks, 6 supports"
    assert "    out    r-calculation" in lines
    assert "df-quad strengths (converged in 1 iteration):" in lines
    assert "  0.969  symbolic-sanctions  Symbolic sanctions" in lines
    assert (
        "Balance on Sanctions imposed, reluctantly: 2 push, 3 pull; no factor has a weight, "
        "so there is no verdict"
    ) in out.replace("\n  ", " ")


def test_analyze_a_weighted_map_gives_the_verdict_and_the_flip() -> None:
    code, out, _ = run("analyze", WEIGHTED)
    assert code == 0
    text = out.replace("\n    ", " ").replace("\n  ", " ")
    assert "weights 1.2 push vs 1.1 pull: push prevails by 0.1" in text
    assert "deciding (each one alone): solidarity, trade" in text
    assert "solidarity 0.8 -> 0.7, trade 0.4 -> 0.3, territory 0.6 -> 0.7" in text
    assert "unweighted, not counted: opinion" in text
    assert "driving 7 vs restraining 6: driving; unscored: opinion" in text


def test_analyze_json_is_stable_and_complete(tmp_path: Path) -> None:
    code, out, _ = run("analyze", WEIGHTED, "-s", "preferred", "-g", "euler", "-f", "json")
    assert code == 0
    report = json.loads(out)
    assert out == json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert report["semantics"]["preferred"]["labelling"]["in"][0] == "decision"
    assert report["strengths"]["euler"]["converged"] is True
    (entry,) = report["balances"]
    assert entry["verdict"] == "push" and entry["margin"] == 0.1
    assert entry["flips"][0] == {"factor": "solidarity", "weight": 0.8, "tie": 0.7}
    assert report["force_fields"][0]["driving_total"] == 7


def test_analyze_an_iccma_file(tmp_path: Path) -> None:
    path = tmp_path / "odd.af"
    write_af(Framework("123", attacks=[("1", "2"), ("2", "3"), ("3", "1")]), path)
    code, out, _ = run("analyze", str(path), "-s", "stable", "-s", "preferred", "-f", "json")
    assert code == 0
    report = json.loads(out)
    assert report["semantics"]["stable"]["extensions"] == []
    assert report["semantics"]["preferred"]["extensions"] == [[]]
    assert "balances" not in report


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


def test_render_analysis_annotates_every_map_of_a_folder(tmp_path: Path) -> None:
    code, _, err = run(
        "render", "tests/data/analysis", "-o", str(tmp_path), "-f", "dot", "--analysis", "df-quad"
    )
    assert code == 0, err
    decision = (tmp_path / "weighted-decision.dot").read_text()
    assert "<B>DF-QuAD 0.50</B>" in decision
    assert "<B>DF-QuAD" in (tmp_path / "force-field.dot").read_text()
