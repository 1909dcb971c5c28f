"""The command line: `check`, `show`, `--version` and `--help`, with exit codes."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import click
import pytest

import argmap
from argmap.cli import main
from tests.support import MAPS, SEED_MAP
from tests.support.cli import run


def test_check_a_clean_map_exits_zero() -> None:
    code, out, err = run("check", str(SEED_MAP))
    assert (code, out) == (0, "")
    assert err == "1 file checked: 0 errors, 0 warnings\n"


def test_check_a_folder_checks_every_map_in_it() -> None:
    code, _, err = run("check", str(MAPS))
    count = len([p for p in MAPS.iterdir() if p.suffix in (".yaml", ".yml", ".json")])
    assert code == 0
    assert err.startswith(f"{count} file")


def test_check_prints_one_located_line_per_problem_and_exits_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "argmap: 1\nid: m\ntitle: T\nnodes:\n"
        "  - {id: a, kind: claim, text: A, thesis: true}\n"
        "  - {id: b, kind: claim, text: B}\n"
        "relations:\n  - {kind: supports, from: c, to: a}\n"
    )
    code, out, _ = run("check", str(bad), str(SEED_MAP))
    assert code == 1
    assert out.splitlines() == [
        f"{bad}:6:10: warning: node 'b' is not connected to the thesis 'a'",
        f"{bad}:8:28: error: supports relation (relations[0]): 'from' refers to unknown node 'c'",
    ]


def test_warnings_do_not_fail_unless_strict(tmp_path: Path) -> None:
    path = tmp_path / "nothesis.yaml"
    path.write_text("argmap: 1\nid: m\ntitle: T\nnodes:\n  - {id: a, kind: claim, text: A}\n")
    code, out, _ = run("check", str(path))
    assert code == 0
    assert (
        out
        == f"{path}:5:3: warning: the map has no thesis; mark its main claim with 'thesis: true'\n"
    )
    assert run("check", "--strict", str(path))[0] == 1
    assert run("check", "--quiet", str(path))[:2] == (0, "")


def test_check_reports_a_missing_file_without_a_traceback(tmp_path: Path) -> None:
    code, out, _ = run("check", str(tmp_path / "absent.yaml"))
    assert code == 1
    assert out == f"{tmp_path / 'absent.yaml'}: error: no such file\n"


def test_check_of_a_folder_without_maps_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run("check", str(tmp_path))
    assert (code, out) == (2, "")
    suffixes = ".yaml, .yml, .json, .bib, .bibtex, .ris"
    assert f"Error: no map or bibliography files ({suffixes}) in {tmp_path}" in err


def test_check_of_the_bibliography_folder_checks_each_bib_file() -> None:
    code, out, err = run("check", str(MAPS.parent / "bibliography"))
    count = len(list((MAPS.parent / "bibliography").glob("*.bib")))
    assert (code, out) == (0, "")
    assert err == f"{count} file{'s' * (count != 1)} checked: 0 errors, 0 warnings\n"


def test_check_of_a_bib_file_reports_its_problems_located(tmp_path: Path) -> None:
    seed = (MAPS.parent / "bibliography" / "shagina-japan-russia.bib").read_text(encoding="utf-8")
    first = seed[seed.index("@") : seed.index("\n}\n") + 3]  # the first entry, whole
    bad = tmp_path / "refs.bib"
    bad.write_text(seed + "\n" + first + "@book{unclosed,\n", encoding="utf-8")
    lines = (seed + "\n").count("\n") + 1
    code, out, err = run("check", str(bad))
    assert code == 1
    assert out.splitlines() == [
        f"{bad}:{lines}:1: error: duplicate key {first[first.index('{') + 1 : first.index(',')]!r}:"
        f" already defined at {bad}:{seed[: seed.index('@')].count(chr(10)) + 1}:1",
        f"{bad}:{lines + first.count(chr(10))}:6: error: this @book entry is never closed;"
        " end it with '}'",
    ]
    assert err == "1 file checked: 2 errors, 0 warnings\n"


def test_a_bib_file_given_with_the_map_that_names_it_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "bibliography").mkdir()
    seed = (MAPS.parent / "bibliography" / "shagina-japan-russia.bib").read_text(encoding="utf-8")
    bib = tmp_path / "bibliography" / "shagina-japan-russia.bib"
    bib.write_text(seed + "@article{undated, title={No year}}\n", encoding="utf-8")
    (tmp_path / "maps" / "seed.yaml").write_text(SEED_MAP.read_text(encoding="utf-8"))
    code, out, _ = run("check", str(tmp_path / "maps"), str(bib))
    assert code == 0
    assert [line.split(": warning: ")[1] for line in out.splitlines()] == [
        "@article entry 'undated' has no author",
        "@article entry 'undated' has no journal or journaltitle",
        "@article entry 'undated' has no year or date",
    ]


def test_a_control_character_in_a_field_is_reported_for_the_bib_file_alone_too(
    tmp_path: Path,
) -> None:
    # The seed map cites the entry; the .bib file checked on its own reports the field at
    # the same line, and checking both reports it once.
    (tmp_path / "maps").mkdir()
    (tmp_path / "bibliography").mkdir()
    seed = (MAPS.parent / "bibliography" / "shagina-japan-russia.bib").read_text(encoding="utf-8")
    bib = tmp_path / "bibliography" / "shagina-japan-russia.bib"
    bib.write_text(seed.replace("Delicate Balancing", "Delicate\x1b Balancing"), encoding="utf-8")
    (tmp_path / "maps" / "seed.yaml").write_text(SEED_MAP.read_text(encoding="utf-8"))
    expected = [
        f"{bib}:6: error: entry 'shagina2018dilemma': field 'title' holds U+001B, a control"
        " character, at character 69; remove it: no XML file (GraphML, GEXF, SVG) can carry it"
    ]
    for files in ([bib], [tmp_path / "maps"], [tmp_path / "maps", bib]):
        code, out, _ = run("check", *map(str, files))
        # Through the map, the file is where the map names it: maps/../bibliography/.
        lines = [line.replace("/maps/../", "/") for line in out.splitlines()]
        assert (code, lines) == (1, expected), files


def test_check_without_files_is_a_usage_error() -> None:
    code, _, err = run("check")
    assert code == 2
    assert "Missing argument 'FILES...'" in err


def test_show_summarises_the_seed_map() -> None:
    code, out, _ = run("show", str(SEED_MAP))
    assert code == 0
    lines = out.splitlines()
    assert (
        lines[0] == "Japan's dilemma with sanctions policy towards Russia: a delicate balancing act"
    )
    assert lines[3:7] == [
        "source: Shagina, M. (2018). Japan\u2019s dilemma with sanctions policy towards Russia: A",
        "  delicate balancing act (Focus Asia: Perspective & Analysis). Institute for Security",
        "  and Development Policy.",
        "  https://isdp.se/publication/japan-dilemma-sanctions-policy-towards-russia/",
    ]
    assert lines[7] == "  [shagina2018dilemma]"
    assert "Thesis [symbolic-sanctions]" in lines
    assert "Push factors (2)" in lines and "Pull factors (3)" in lines
    assert "  + Solidarity with the G7 [g7-solidarity]" in lines
    assert "  - The territorial dispute [territorial-dispute]" in lines
    assert "  balance on Sanctions imposed, reluctantly: 2 push, 3 pull" in lines
    assert "Counts: 6 claims, 1 evidence, 5 factors, 1 question; 13 relations" in lines
    assert lines[-1] == "Warnings: none"


def test_show_prints_weights_and_warnings(tmp_path: Path) -> None:
    path = tmp_path / "weighted.yaml"
    path.write_text(
        "argmap: 1\nid: m\ntitle: Weighted\nnodes:\n"
        "  - {id: d, kind: claim, text: Decision}\n"
        "  - {id: p, kind: factor, direction: push, weight: 0.8, text: Push}\n"
        "  - {id: q, kind: factor, direction: pull, weight: 0.25, text: Pull}\n"
        "relations:\n  - {kind: pushes, from: p, to: d}\n  - {kind: pulls, from: q, to: d}\n"
    )
    code, out, _ = run("show", str(path))
    assert code == 0
    assert "  + Push [p]  weight 0.8" in out
    assert "  balance on Decision: 1 push, 1 pull; weights 0.8 push vs 0.25 pull" in out
    assert f"  {path}:5:3: warning: the map has no thesis" in out


def test_show_a_bad_map_exits_one_with_located_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("argmap: 3\nid: m\ntitle: T\n")
    code, out, err = run("show", str(path))
    assert (code, out) == (1, "")
    assert err == f"{path}:1:9: error: unknown format version 3; this argmap reads format 1\n"


def test_version() -> None:
    code, out, _ = run("--version")
    assert (code, out) == (0, f"argmap, version {argmap.__version__}\n")


def _commands() -> list[str]:
    assert isinstance(main, click.Group)
    return main.list_commands(click.Context(main))


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert out.startswith(f"Usage: main {command} ") or out.startswith(f"Usage: argmap {command} ")


def test_check_reports_cited_keys_missing_from_the_bibliography(tmp_path: Path) -> None:
    from tests.support import SEED_BIB

    path = tmp_path / "cites.yaml"
    path.write_text(
        "argmap: 1\nid: m\ntitle: T\n"
        f"bibliography: [{SEED_BIB}]\n"
        "nodes:\n"
        "  - id: a\n    kind: claim\n    thesis: true\n    text: A\n"
        "    cites: [{key: shagina2018dilema, locator: p. 1}]\n"
    )
    code, out, _ = run("check", str(path))
    assert code == 1
    assert out == (
        f"{path}:10:19: error: node 'a' cites 'shagina2018dilema', which is not in the "
        "bibliography; did you mean 'shagina2018dilemma'?\n"
    )
    assert run("check", "--no-bib", str(path))[:2] == (0, "")


def test_check_reports_a_broken_bibliography_once_per_run(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{k, author={A, B}, title={A}, publisher={P}, year=2001}\n"
        "@book{k, author={A, B}, title={B}, publisher={P}, year=2002}\n"
    )
    for name in ("one", "two"):
        (tmp_path / f"{name}.yaml").write_text(
            f"argmap: 1\nid: {name}\ntitle: T\nbibliography: [refs.bib]\n"
            "nodes:\n  - {id: a, kind: claim, thesis: true, text: A}\n"
        )
    code, out, _ = run("check", str(tmp_path))
    assert code == 1
    assert out.count("duplicate key 'k'") == 1
    assert out.startswith(f"{bib}:2:")


def test_show_names_the_source_by_key_when_the_bibliography_cannot_be_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\nid: m\ntitle: T\nsource: {key: k, locator: ch. 2}\n"
        "bibliography: [missing.bib]\nnodes:\n  - {id: a, kind: claim, text: A, thesis: true}\n"
    )
    code, out, _ = run("show", str(path))
    assert code == 0
    assert "source: k, ch. 2" in out.splitlines()


def _program(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The ``argmap`` program as its console script runs it, in a process of its own."""
    code = "import sys; from argmap.cli import run; sys.argv[0] = 'argmap'; run()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_the_console_script_is_run() -> None:
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "argmap"]
    assert script.value == "argmap.cli:run"


def test_the_program_flushes_its_output_and_keeps_its_exit_code(tmp_path: Path) -> None:
    out = tmp_path / "seed.bib"
    done = _program("cite", str(SEED_MAP), "-f", "bibtex", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("@techreport{shagina2018dilemma,")
    shown = _program("show", str(SEED_MAP), cwd=tmp_path)
    assert shown.returncode == 0 and "Solidarity with the G7" in shown.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nid: m\ntitle: T\ncolour: red\n", encoding="utf-8")
    failed = _program("check", str(bad), cwd=tmp_path)
    assert failed.returncode == 1
    assert failed.stdout.startswith(f"{bad}:4:1: error: unknown field 'colour'")
    assert failed.stderr == "1 file checked: 1 error, 0 warnings\n"
