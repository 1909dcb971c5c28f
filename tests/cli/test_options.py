"""One contract for every command's options: names looked up suggest the closest, an option
that changes nothing says so, -s is a style everywhere, and every file written is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import MAPS, SEED_MAP
from tests.support.cli import run

COMPANION = MAPS / "shagina-2018-sasakawa-sanctions-unity.yaml"


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["cite", str(SEED_MAP), "-s", "apa7"], "unknown style 'apa7' (did you mean 'apa'?)"),
        (["render", str(SEED_MAP), "-s", "chicgo", "-f", "dot"], "(did you mean 'chicago'?)"),
    ],
)
def test_a_name_that_is_not_a_choice_is_bad_usage_with_the_closest_names(
    args: list[str], hint: str
) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert hint in " ".join(err.split())


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (
            ["render", str(SEED_MAP), "-f", "dot", "--focus", "g7-solidarty"],
            f"{SEED_MAP}: error: no node 'g7-solidarty' to focus on "
            "(did you mean 'g7-solidarity'?)",
        ),
        (
            ["cite", str(SEED_MAP), "-n", "g7-solidarty"],
            f"{SEED_MAP}: error: no node 'g7-solidarty' (did you mean 'g7-solidarity'?)",
        ),
        (
            ["analyze", str(SEED_MAP), "-x", "g7-solidarty"],
            f"{SEED_MAP}: error: no argument 'g7-solidarty' (did you mean 'g7-solidarity'?)",
        ),
        (
            ["analyze", str(SEED_MAP), "-t", "DS-PR", "-a", "g7-solidarty"],
            f"{SEED_MAP}: error: no argument 'g7-solidarty' (did you mean 'g7-solidarity'?)",
        ),
    ],
)
def test_a_node_that_is_not_in_the_map_suggests_the_closest(args: list[str], hint: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (1, "")
    assert err == hint + "\n"


def test_semantics_is_a_long_option_and_s_is_a_style() -> None:
    code, out, _ = run("analyze", str(SEED_MAP), "--semantics", "preferred")
    assert code == 0 and "preferred:" in out
    code, _, err = run("analyze", str(SEED_MAP), "-s", "preferred")
    assert code == 2 and "No such option '-s'" in err


@pytest.mark.parametrize(
    ("args", "note"),
    [
        (["render", str(SEED_MAP), "-f", "dot", "--depth", "3"], "--depth has no effect"),
        (["render", str(SEED_MAP), "-f", "dot", "--dpi", "300"], "--dpi has no effect on dot"),
        (["render", str(SEED_MAP), "-f", "dot", "--engine", "neato"], "--engine neato has"),
        (["render", str(SEED_MAP), "-f", "dot", "--no-bib", "-s", "mla"], "--style has no"),
        (["cite", str(SEED_MAP), "-f", "bibtex", "-s", "mla"], "--style has no effect on"),
        (["analyze", str(SEED_MAP), "--base", "0.3"], "--base has no effect"),
        (["analyze", str(SEED_MAP), "-a", "g7-solidarity"], "-a/--argument has no effect"),
        (
            ["analyze", str(SEED_MAP), "-t", "SE-PR", "-a", "g7-solidarity"],
            "-a/--argument has no effect with SE-PR",
        ),
        (
            ["analyze", str(SEED_MAP), "-t", "SE-PR", "--semantics", "stable", "-x", "r-balance"],
            "--semantics, -x/--explain: no effect with --task",
        ),
        (
            ["render", str(SEED_MAP), "-f", "mermaid", "--legend", "--theme", "print", "-s", "mla"],
            "--legend, --theme, -s/--style: no effect on mermaid",
        ),
    ],
)
def test_an_option_that_changes_nothing_says_so(args: list[str], note: str) -> None:
    code, _, err = run(*args)
    assert code == 0
    assert f"note: {note}" in err or note in err


def test_a_proof_standard_on_an_iccma_file_says_it_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "two.apx"
    path.write_text("arg(a).\narg(b).\natt(a,b).\n")
    code, out, err = run("analyze", str(path), "--standard", "dialectical-validity")
    assert code == 0 and out.startswith("Which claims stand")
    assert err == "note: --standard has no effect on an ICCMA file: its arguments have no claims\n"


@pytest.mark.parametrize("command", ["check", "show", "analyze", "render", "cite", "review"])
def test_a_folder_with_no_map_is_a_usage_error(tmp_path: Path, command: str) -> None:
    """An empty folder, and one holding only a CSL-JSON bibliography (no map file), for
    every command but check, which checks the bibliography."""
    code, _, err = run(command, str(tmp_path))
    assert code == 2 and "no map" in err
    (tmp_path / "refs.json").write_text('[{"id": "k", "type": "book", "title": "T"}]\n')
    code, _, err = run(command, str(tmp_path))
    if command == "check":
        assert (code, err) == (0, "1 file checked: 0 errors, 0 warnings\n")
    else:
        assert code == 2 and "no map files" in err


@pytest.mark.parametrize(
    "args",
    [
        ["cite", str(SEED_MAP), "-f", "ris", "-o", "{out}/list.ris"],
        ["schema", "-o", "{out}/schema.json"],
        ["render", str(SEED_MAP), "-f", "dot", "-o", "{out}/seed.dot"],
        ["convert", str(SEED_MAP), "-o", "{out}/seed.json"],
    ],
)
def test_every_command_that_writes_says_what_it_wrote(tmp_path: Path, args: list[str]) -> None:
    filled = [a.format(out=tmp_path) for a in args]
    code, out, err = run(*filled)
    assert code == 0 and out == ""
    assert err.splitlines()[-1] == f"wrote {filled[-1]}"
    assert Path(filled[-1]).stat().st_size > 0


@pytest.mark.parametrize("command", ["check", "show", "analyze", "render", "cite", "convert"])
def test_a_missing_file_is_one_located_line_and_exit_one(tmp_path: Path, command: str) -> None:
    missing = str(tmp_path / "nowhere.yaml")
    args = [command, missing] + (["-o", str(tmp_path / "x.json")] if command == "convert" else [])
    code, out, err = run(*args)
    assert code == 1 and "Traceback" not in out + err
    # check lists its findings on standard output, every other command on standard error.
    if command == "check":
        assert out == f"{missing}: error: no such file\n"
    else:
        assert out == "" and err.splitlines()[0] == f"{missing}: error: no such file"


def test_a_map_that_uses_another_is_shown_with_the_factors_it_imports(tmp_path: Path) -> None:
    path = tmp_path / "pulls.yaml"
    path.write_text(
        "argmap: 1\nid: pulls\ntitle: Pulls\nuses: [" + str(SEED_MAP) + "]\n"
        "nodes:\n  - {id: t, kind: claim, thesis: true, text: The outcome.}\n"
        "relations:\n"
        "  - {kind: pulls, from: 'shagina-2018-japan-sanctions#territorial-dispute', to: t}\n",
        encoding="utf-8",
    )
    code, out, _ = run("show", str(path))
    assert code == 0
    assert "Pull factors (1)\n  - The territorial dispute [shagina-2018-japan-sanctions#" in out
    assert "balance on The outcome.: 0 push, 1 pull" in out


def test_check_takes_a_bibliography_in_any_format_it_reads(tmp_path: Path) -> None:
    ris = tmp_path / "refs.ris"
    ris.write_text("TY  - BOOK\nAU  - Doe, Jane\nTI  - A Book\nPY  - 2001\nER  - \n", "utf-8")
    csl = tmp_path / "refs.json"
    csl.write_text('[{"id": "k", "type": "book", "title": "T"}]', encoding="utf-8")
    code, out, err = run("check", str(ris), str(csl))
    assert code == 0, out
    assert err == "2 files checked: 0 errors, 0 warnings\n"
