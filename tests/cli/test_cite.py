"""``argmap cite``: formats, selections, output files and errors with exit codes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import rispy
from click.testing import CliRunner

from argmap.citations.processor import CITATION_STYLES
from argmap.cli import main
from tests.support import DATA, GOLDEN, SEED_MAP

HERE = DATA / "citations"
BALTIC = HERE / "baltic.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["cite", *args])
    return result.exit_code, result.stdout, result.stderr


def test_default_is_the_cited_bibtex_on_stdout() -> None:
    code, out, err = run(str(SEED_MAP))
    assert (code, err) == (0, "")
    # The seed map cites one of the three works in its bibliography.
    assert out.count("@techreport{") == 1
    assert out.startswith("@techreport{shagina2018dilemma,")


@pytest.mark.parametrize(
    ("fmt", "golden"), [("bibtex", "seed.bib"), ("ris", "seed.ris"), ("csl-json", "seed.json")]
)
def test_formats_match_the_library_exports(fmt: str, golden: str) -> None:
    code, out, _ = run(str(SEED_MAP), "--format", fmt)
    assert code == 0
    expected = (GOLDEN / "citations" / "exports" / golden).read_text(encoding="utf-8")
    # The golden files hold the whole seed bibliography; the map cites its first entry.
    if fmt == "csl-json":
        assert json.loads(out) == json.loads(expected)[:1]
    else:
        assert out == expected.split("\n\n")[0] + "\n"


def test_node_with_support_selects_the_support_tree_sources() -> None:
    code, out, _ = run(str(BALTIC), "-f", "ris", "--node", "thesis", "--with-support")
    assert code == 0
    assert [r["id"] for r in rispy.loads(out)] == [
        "vanderberg2020",
        "erdos1999",
        "mao2021",
        "garcia2015",
    ]
    code, out, _ = run(str(BALTIC), "-f", "ris", "--node", "thesis")
    assert [r["id"] for r in rispy.loads(out)] == ["vanderberg2020"]


def test_several_maps_are_merged(tmp_path: Path) -> None:
    code, out, _ = run(str(SEED_MAP), str(BALTIC), "-f", "csl-json")
    assert code == 0
    ids = [item["id"] for item in json.loads(out)]
    assert ids[0] == "shagina2018dilemma"
    assert set(ids) == {
        "shagina2018dilemma",
        "vanderberg2020",
        "erdos1999",
        "mao2021",
        "isdp2017",
        "garcia2015",
    }


def test_output_file_is_written_and_nothing_printed(tmp_path: Path) -> None:
    target = tmp_path / "reading.ris"
    code, out, err = run(str(SEED_MAP), "-f", "ris", "-o", str(target))
    assert (code, out, err) == (0, "", f"wrote {target}\n")
    assert target.read_text(encoding="utf-8").startswith("TY  - RPRT\n")
    assert [p.name for p in tmp_path.iterdir()] == ["reading.ris"]  # no temporary left


def test_bib_option_replaces_the_maps_bibliography(tmp_path: Path) -> None:
    other = tmp_path / "other.bib"
    other.write_text(
        "@book{shagina2018dilemma, author = {Shagina, Maria}, title = {Elsewhere}, year = 2018}\n",
        encoding="utf-8",
    )
    code, out, _ = run(str(SEED_MAP), "-b", str(other), "-f", "ris")
    assert code == 0
    assert "TI  - Elsewhere" in out.splitlines()


def test_missing_cited_key_exits_1_at_the_citation_line() -> None:
    path = HERE / "missing-key.yaml"
    code, out, err = run(str(path))
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:16:15: error: node 'evidence' cites 'vanderberg2021', which is not in the "
        "bibliography; did you mean 'vanderberg2020'?\n"
    )
    # A node whose own citations resolve can still be exported.
    code, out, _ = run(str(path), "--node", "thesis")
    assert code == 0
    assert out.startswith("@article{vanderberg2020,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "docx"], "Invalid value for '-f' / '--format': 'docx' is not one of 'bibtex', "),
        (
            ["-s", "vancover-nlm"],
            "Invalid value for '-s' / '--style': unknown style 'vancover-nlm' (did you mean "
            "'vancouver-nlm'",
        ),
        (["-s", "house.csl"], "Invalid value for '-s' / '--style': no such style file: house.csl"),
        (["--with-support"], "Error: --with-support needs --node ID"),
    ],
)
def test_bad_usage_exits_2_listing_the_valid_choices(args: list[str], message: str) -> None:
    code, out, err = run(str(SEED_MAP), *args)
    assert (code, out) == (2, "")
    assert message in err
    assert "Traceback" not in err


def test_bad_input_exits_1_without_a_traceback(tmp_path: Path) -> None:
    code, _, err = run(str(SEED_MAP), "--node", "nope")
    assert code == 1
    assert err == f"{SEED_MAP}: error: no node 'nope'\n"
    broken = HERE / "broken.bib"
    code, _, err = run(str(SEED_MAP), "-b", str(broken))
    assert code == 1
    assert err.startswith(f"{broken}:3:1: error: duplicate key 'dup'")
    code, _, err = run(str(tmp_path / "nowhere.yaml"))
    assert code == 1
    assert "Traceback" not in err


@pytest.mark.skipif(
    importlib.util.find_spec("argmap.citations.formatting") is None,
    reason="the CSL formatting module is not there yet",
)
def test_a_reading_list_in_any_style_of_the_collection_or_a_csl_file(tmp_path: Path) -> None:
    code, out, _ = run(str(SEED_MAP), "-f", "text", "-s", "nature")
    assert code == 0
    assert out.startswith("1. Shagina, M. Japan\u2019s Dilemma with Sanctions Policy")
    own = tmp_path / "house.csl"
    own.write_bytes((CITATION_STYLES["ieee"]).read_bytes())
    code, by_file, _ = run(str(SEED_MAP), "-f", "text", "-s", str(own))
    assert code == 0
    assert by_file == run(str(SEED_MAP), "-f", "text", "-s", "ieee")[1]


def test_reading_list_in_markdown() -> None:
    code, out, _ = run(str(SEED_MAP), "-f", "markdown", "-s", "chicago")
    assert code == 0
    assert "Shagina" in out


def test_warnings_about_cited_entries_go_to_stderr(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(
        "@article{thin, author = {A, B}, title = {T}, year = 2001}\n"
        "@article{other, title = {Not cited}}\n",
        encoding="utf-8",
    )
    amap = tmp_path / "m.yaml"
    amap.write_text(
        "argmap: 1\nid: m\ntitle: M\nbibliography: [refs.bib]\nnodes:\n"
        "  - {id: a, kind: claim, text: A, cites: [{key: thin}]}\n",
        encoding="utf-8",
    )
    code, out, err = run(str(amap), "-f", "ris")
    assert code == 0
    assert out.startswith("TY  - JOUR\nID  - thin\n")
    # Only the cited entry's problem is shown, not those of the rest of the file.
    assert err == (
        f"{tmp_path / 'refs.bib'}:1:1: warning: @article entry 'thin' has no journal or "
        "journaltitle\n"
    )
