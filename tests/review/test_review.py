"""``argmap review``: the seed map's review against its golden file, a map that builds on
another, a folder, every section on a small map, escaping, and the command line.

Regenerate the golden review after an intended change with
``ARGMAP_REGENERATE=1 .venv/bin/pytest tests/review/test_review.py`` and read the diff.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.commands.review import review_files
from argmap.review import review_map
from argmap.review.html import format_html
from argmap.review.markdown import format_markdown
from tests.support import DATA, GOLDEN, MAPS, SEED_MAP

GOLDEN_REVIEW = GOLDEN / "review" / "shagina-2018-japan-sanctions.md"
REGENERATE = os.environ.get("ARGMAP_REGENERATE") == "1"
COMPANION = MAPS / "shagina-2018-sasakawa-sanctions-unity.yaml"


def test_the_seed_maps_review_is_the_golden_one() -> None:
    text = review_files([SEED_MAP]).text
    if REGENERATE:
        GOLDEN_REVIEW.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN_REVIEW.write_text(text, encoding="utf-8")
    assert text == GOLDEN_REVIEW.read_text(encoding="utf-8")


def test_the_seed_maps_review_says_what_the_map_says(seed_map: argmap.ArgumentMap) -> None:
    review = review_map(seed_map)
    by_id = {i.relation.id: i for i in review.inferences}
    # Every relation that argues is an inference; undercuts and questions are challenges.
    assert list(by_id) == [
        r.id for r in seed_map.relations if r.kind in ("supports", "pushes", "pulls", "attacks")
    ]
    assert by_id["r-balance"].scheme_id == "value-based-practical-reasoning"
    assert by_id["r-geopolitics"].scheme_state == "none"
    means = next(q for q in by_id["r-calculation"].questions if q.id == "means")
    assert means.status == "raised"
    assert [r.id for r in means.raised_by] == ["russia-role-question", "r-critique"]
    assert review.question_counts() == {"answered": 0, "raised": 1, "open": 28}
    assert [r.id for r in review.unsupported] == ["closing-critique"]
    [group] = review.single_source
    assert group.key == "shagina2018dilemma" and group.is_mapped_work
    assert review.evidence_gaps == () and review.cross_map == ()
    # Pulls are cons weighed against the outcome, not attacks: no claim is rejected; only
    # Tokyo's calculation, an inference, is undercut by the closing critique.
    assert review.rejected == ()
    calculation = by_id["r-calculation"].rejection
    assert calculation is not None
    assert [(r.attacker.id, r.how) for r in calculation.reasons] == [
        ("closing-critique", "undercuts")
    ]
    # The linked argument for the thesis stands: both its premises do.
    assert by_id["r-balance"].rejection is None


def test_a_map_that_builds_on_another_is_reviewed_with_what_it_names() -> None:
    # Test data that names nodes of the seed map and undercuts one of its inferences.
    result = review_files([DATA / "workspace" / "undercutting.yaml"], fmt="json")
    [review] = json.loads(result.text)["reviews"]
    assert review["map_id"] == "undercutting"
    [imported] = [i for i in review["inferences"] if i["relation"]["map_id"] is not None]
    assert imported["relation"]["id"] == "shagina-2018-japan-sanctions#r-territory"
    assert imported["scheme_id"] == "practical-reasoning"
    [means] = [q for q in imported["questions"] if q["id"] == "means"]
    assert means["status"] == "raised"
    assert [r["id"] for r in means["raised_by"]] == ["u-undercut"]
    [cross] = review["cross_map"]
    assert cross["node"]["id"] == "u-same"
    assert [(r["id"], r["map_id"]) for r in cross["rests_on"]] == [
        ("shagina-2018-japan-sanctions#symbolic-sanctions", "shagina-2018-japan-sanctions")
    ]
    assert cross["via"] == ["rephrases"]
    # The claim that rests on the other map is not also "without support".
    assert [r["id"] for r in review["unsupported"]] == ["u-cost"]


def test_a_folder_gives_one_review_per_map_in_order() -> None:
    text = review_files([MAPS]).text
    titles = [line for line in text.splitlines() if line.startswith("# Review: ")]
    assert titles == [
        "# Review: Japan's dilemma with sanctions policy towards Russia: a delicate balancing act",
        "# Review: Japan's sanctions policy vis-à-vis Russia: implications for Western sanctions "
        "unity",
    ]
    page = review_files([MAPS], fmt="html").text
    assert page.count("<section id=") == 2


SMALL = """\
argmap: 1
id: small
title: "A <b>bold</b> *claim* [x](http://e.invalid) | pipe"
source: {key: w}
schemes:
  - id: omen
    title: Argument from an omen
    premises: [{id: sign, text: An omen was seen.}]
    conclusion: It will happen.
    questions:
      - {id: seen, kind: premise, premise: sign, text: Was the omen really seen?}
      - {id: reliable, kind: assumption, text: Do omens foretell anything?}
nodes:
  - {id: t, kind: claim, thesis: true, text: "<script>alert(1)</script> _it_ will # happen",
     cites: [{key: w, locator: p. 2}]}
  - {id: e, kind: evidence, text: A crow flew by., cites: [{key: w}, {key: v, locator: p. 3}]}
  - {id: o, kind: claim, text: Someone saw it., answers: [omen#seen], cites: [{key: v}]}
  - {id: x, kind: claim, text: Crows fly by every day., cites: [{key: v}]}
relations:
  - {id: r1, kind: supports, from: e, to: t, scheme: omen}
  - {id: r2, kind: supports, from: o, to: e}
  - {id: r3, kind: supports, from: e, to: t, scheme: Argument From Expert Opnion}
  - {id: r4, kind: undercuts, from: x, to: r1}
"""


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_every_section_on_a_small_map(tmp_path: Path) -> None:
    result = review_files([_small(tmp_path)], fmt="json")
    [review] = json.loads(result.text)["reviews"]
    first, plain, second = review["inferences"]
    assert plain["scheme_state"] == "none" and plain["questions"] == []
    assert (first["scheme_id"], first["scheme_state"]) == ("omen", "found")
    states = {q["id"]: q["status"] for q in first["questions"]}
    assert states == {"seen": "answered", "reliable": "open"}
    assert [c["id"] for c in first["challenges"]] == ["r4"]
    assert (second["scheme_state"], second["suggestion"]) == ("unknown", "expert-opinion")
    assert [(g["key"], [c["id"] for c in g["claims"]]) for g in review["single_source"]] == [
        ("v", ["o", "x"])
    ]
    [gap] = review["evidence_gaps"]
    assert (gap["node"]["id"], gap["missing"], gap["keys"]) == (
        "e",
        ["locator", "quote"],
        ["w", "v"],
    )
    assert [r["argument"]["id"] for r in review["rejected"]] == []
    assert review["counts"]["questions"] == {"answered": 1, "open": 1, "raised": 0}
    # The misspelt scheme is also a warning of the map, printed beside the report.
    assert [i.code for i in result.issues] == ["repeated-relation", "unknown-scheme"]


def test_user_text_is_escaped_in_markdown_and_html(tmp_path: Path) -> None:
    review = review_map(argmap.read_map(_small(tmp_path)))
    markdown = format_markdown([review])
    assert markdown.startswith(
        "# Review: A \\<b\\>bold\\</b\\> \\*claim\\* \\[x\\](http://e.invalid) \\| pipe\n"
    )
    assert "\\<script\\>alert(1)\\</script\\> \\_it\\_ will \\# happen" in markdown
    assert "<script>" not in markdown
    page = format_html([review])
    assert "<script>" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    head = page.split("</head>")[0]
    assert "default-src 'none'" in head and "script-src" not in head


def test_the_command_line_prints_writes_and_keeps_its_contract(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(main, ["review", str(SEED_MAP)])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == GOLDEN_REVIEW.read_text(encoding="utf-8")
    out = tmp_path / "deep" / "review.html"
    written = runner.invoke(main, ["review", str(SEED_MAP), "-f", "html", "-o", str(out)])
    assert written.exit_code == 0
    assert written.stdout == ""
    assert written.stderr == f"wrote {out}\n"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = runner.invoke(main, ["review", str(SEED_MAP), "-f", "pdf"])
    assert bad.exit_code == 2 and "Invalid value for '-f' / '--format'" in bad.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        textwrap.dedent(
            """\
            argmap: 1
            id: broken
            title: Broken
            nodes: [{id: a, kind: claim, text: A}]
            relations: [{kind: supports, from: a, to: nowhere}]
            """
        ),
        encoding="utf-8",
    )
    failed = runner.invoke(main, ["review", str(broken)])
    assert (failed.exit_code == 1 and failed.exception is None) or isinstance(
        failed.exception, SystemExit
    )
    assert failed.stderr.startswith(f"{broken}:5:")
    assert "Traceback" not in failed.output
    missing = runner.invoke(main, ["review", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 1 and "Traceback" not in missing.output


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_each_format_names_the_raised_question(fmt: str) -> None:
    text = review_files([SEED_MAP], fmt=fmt).text  # type: ignore[arg-type]
    assert "practical-reasoning#means" in text
    assert "Is Russia the answer?" in text
