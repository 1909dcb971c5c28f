"""The command line on a corpus: check, show and cite a folder of maps that build on each other."""

from __future__ import annotations

import os
from pathlib import Path

from argmap import read_map
from argmap.model.reference import text_hash
from tests.support import MAPS, SEED_MAP
from tests.support.cli import run

SEED = "shagina-2018-japan-sanctions"
COMPANION = MAPS / "shagina-2018-sasakawa-sanctions-unity.yaml"


def test_check_one_map_reads_the_maps_it_uses() -> None:
    code, out, err = run("check", str(COMPANION))
    assert (code, out) == (0, "")
    assert err == "2 files checked: 0 errors, 0 warnings\n"


def test_check_reports_a_moved_pin_and_a_typo_across_maps(tmp_path: Path) -> None:
    seed = os.path.relpath(SEED_MAP, tmp_path)
    new = tmp_path / "new.yaml"
    new.write_text(
        f"argmap: 1\nid: new\ntitle: New\nuses: [{seed}]\n"
        "nodes: [{id: t, kind: claim, thesis: true, text: T.}]\n"
        "relations:\n"
        f"  - {{kind: supports, from: t, to: '{SEED}#g7-solidarity@sha256:00000000'}}\n"
        f"  - {{kind: attacks, from: t, to: {SEED}#russia-strategic-rol}}\n",
        encoding="utf-8",
    )
    code, out, err = run("check", str(new))
    assert code == 1
    assert out.splitlines() == [
        f"{new}:7:35: warning: the text of {SEED}#g7-solidarity changed since it was pinned; "
        f"check that this map still agrees with it, then re-pin with "
        f"'{SEED}#g7-solidarity@sha256:{text_hash(read_map(SEED_MAP).node('g7-solidarity').text)}'",
        f"{new}:8:34: error: '{SEED}#russia-strategic-rol': map '{SEED}' has no node "
        "'russia-strategic-rol'; did you mean 'russia-strategic-role'?",
    ]
    assert err == "2 files checked: 1 error, 1 warning\n"


def test_show_a_folder_lists_what_each_map_builds_on() -> None:
    code, out, _ = run("show", str(MAPS))
    assert code == 0
    assert "\nBuilds on (2)\n" in out
    assert f"  {SEED}#closing-critique  The closing critique (pinned, current)\n" in out
    assert out.endswith(
        "Corpus: 2 maps, 3 cross-map references to 2 nodes and relations of 1 map; "
        "0 errors, 0 warnings\n"
    )
    assert "not resolved" not in out


def test_cite_a_corpus_gives_one_list_saying_who_cites_each_work() -> None:
    code, out, _ = run("cite", str(MAPS), "-f", "text", "-s", "apa")
    assert code == 0
    entries = out.split("\n\n")
    assert len(entries) == 2
    assert entries[0].startswith("Shagina, M. (2018a). Japan\u2019s dilemma with sanctions policy")
    # Nodes are named by their titles, an imported node by its title in its own map.
    assert entries[0].endswith(
        "; shagina-2018-sasakawa-sanctions-unity: "
        "Symbolic sanctions (p. 1), The closing critique (p. 1)"
    )
    assert f"\n  Cited in {SEED}: its source, Symbolic sanctions (p. 1), " in entries[0]
    assert entries[1].startswith("Shagina, M. (2018b). Japan\u2019s sanctions policy vis-à-vis")
    assert entries[1].endswith(
        "\n  Cited in shagina-2018-sasakawa-sanctions-unity: its source, "
        "A short-run balance with long-run costs, Balancing in the short run, "
        "A cost for the territorial talks, A cost for Western sanctions\n"
    )


def test_the_reading_list_of_the_companion_includes_the_seed_paper_it_builds_on() -> None:
    code, out, _ = run("cite", str(COMPANION), "-f", "bibtex")
    assert code == 0
    assert [line for line in out.splitlines() if line.startswith("@")] == [
        "@techreport{shagina2018sanctions,",
        "@techreport{shagina2018dilemma,",
    ]
    code, out, _ = run("cite", str(COMPANION), "-f", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and "<h1>Reading list</h1>" in out
    assert (
        '<p class="argmap-cited-in">Cited in shagina-2018-sasakawa-sanctions-unity: '
        "Symbolic sanctions (p. 1), The closing critique (p. 1)</p>"
    ) in out


def test_cite_one_map_that_builds_on_nothing_is_unchanged() -> None:
    code, out, _ = run("cite", str(SEED_MAP), "-f", "text")
    assert code == 0
    assert "Cited in" not in out


def test_show_gives_the_pin_of_an_unpinned_reference(tmp_path: Path) -> None:
    seed = os.path.relpath(SEED_MAP, tmp_path)
    new = tmp_path / "new.yaml"
    new.write_text(
        f"argmap: 1\nid: new\ntitle: New\nuses: [{seed}]\n"
        "nodes: [{id: t, kind: claim, thesis: true, text: T.}]\n"
        f"relations: [{{kind: supports, from: t, to: '{SEED}#g7-solidarity'}}]\n",
        encoding="utf-8",
    )
    code, out, _ = run("show", str(new))
    assert code == 0
    digest = text_hash(read_map(SEED_MAP).node("g7-solidarity").text)
    assert out.endswith(
        f"Builds on (1)\n  {SEED}#g7-solidarity  Solidarity with the G7 "
        f"(not pinned; pin: @sha256:{digest})\n"
    )
