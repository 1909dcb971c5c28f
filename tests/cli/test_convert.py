"""``argmap convert``: single files, whole folders, format inference, bad input, exit codes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

import argmap
from argmap.formats.aif import read_aif
from argmap.formats.argdown import dump_argdown, parse_argdown_json
from argmap.formats.graphml import parse_graphml, read_gexf, write_graphml
from argmap.formats.registry import directory_plan, format_of
from tests.support import DATA, SEED_MAP, tool_path
from tests.support.cli import run

ARGDOWN_DATA = DATA / "argdown"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json", ".yaml", ".aif.json"])
def test_a_map_converts_and_comes_back_unchanged(tmp_path: Path, suffix: str) -> None:
    before = digest(SEED_MAP)
    out = tmp_path / f"seed{suffix}"
    code, _, err = run("convert", str(SEED_MAP), "-o", str(out))
    assert (code, err) == (0, f"wrote {out}\n")
    back = tmp_path / "back.yaml"
    assert run("convert", str(out), "-o", str(back))[0] == 0
    assert argmap.read_map(back) == argmap.read_map(SEED_MAP)
    assert digest(SEED_MAP) == before


def test_argdown_output_is_the_library_dump(tmp_path: Path) -> None:
    out = tmp_path / "seed.argdown"
    assert run("convert", str(SEED_MAP), "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8") == dump_argdown(argmap.read_map(SEED_MAP))


def test_to_names_the_format_whatever_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "graph.xml"
    assert run("convert", str(SEED_MAP), "-o", str(out), "--to", "graphml")[0] == 0
    assert parse_graphml(out.read_text(encoding="utf-8")) == argmap.read_map(SEED_MAP)


def test_argdown_json_is_recognised_by_its_content(tmp_path: Path) -> None:
    out = tmp_path / "small.yaml"
    code, _, err = run("convert", str(ARGDOWN_DATA / "small.json"), "-o", str(out))
    assert code == 0, err
    assert argmap.read_map(out).thesis is not None


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.yaml", "yaml"),
        ("a.YML", "yaml"),
        ("a.json", "json"),
        ("a.aif.json", "aif"),
        ("a.argdown.json", "argdown-json"),
        ("a.argdown", "argdown"),
        ("dir.v2/a.graphml", "graphml"),
        ("a.gexf", "gexf"),
    ],
)
def test_formats_follow_suffixes(name: str, fmt: str) -> None:
    assert format_of(name) == fmt


def test_an_unknown_suffix_is_an_error_naming_the_choices(tmp_path: Path) -> None:
    out = tmp_path / "seed.txt"
    code, _, err = run("convert", str(SEED_MAP), "-o", str(out))
    assert code == 1
    assert err.startswith(f"{out}: error: cannot tell the format from the file name; use a")
    assert "--from" not in err and "graphml" in err
    assert not out.exists()


def test_converting_a_file_onto_itself_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    shutil.copy(SEED_MAP, path)
    before = digest(path)
    code, _, err = run("convert", str(path), "-o", str(path))
    assert code == 1
    assert err == f"{path}: error: the output is the input file; choose another output path\n"
    assert digest(path) == before


def test_bad_input_is_reported_located_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.graphml"
    bad.write_text("<graphml>\n<graph>\n</graphml>\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    code, _, err = run("convert", str(bad), "-o", str(out))
    assert code == 1
    assert err == f"{bad}:3:3: error: not GraphML: invalid XML (mismatched tag)\n"
    assert "Traceback" not in err
    assert not out.exists()


def test_the_output_folder_is_made_and_an_unwritable_output_is_reported(tmp_path: Path) -> None:
    out = tmp_path / "new" / "deeper" / "seed.gexf"
    assert run("convert", str(SEED_MAP), "-o", str(out))[0] == 0
    assert read_gexf(out) == argmap.read_map(SEED_MAP)
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    target = blocker / "seed.yaml"
    code, _, err = run("convert", str(SEED_MAP), "-o", str(target))
    assert code == 1
    assert err == (f"{target}: error: cannot create the folder {blocker}: part of it is a file\n")


def test_a_bad_format_name_is_a_usage_error() -> None:
    code, _, err = run("convert", str(SEED_MAP), "-o", "x.yaml", "--to", "pdf")
    assert code == 2
    assert "'pdf' is not one of" in err


def make_folder(root: Path) -> Path:
    folder = root / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED_MAP, folder / "seed.yaml")
    write_graphml(argmap.read_map(SEED_MAP), folder / "sub" / "seed-graph.graphml")
    shutil.copy(ARGDOWN_DATA / "small.json", folder / "small.json")
    (folder / "broken.yaml").write_text("argmap: 1\nid: x\ntitle: [unclosed\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a map", encoding="utf-8")
    (folder / ".hidden.yaml").write_text("argmap: 1\n", encoding="utf-8")
    return folder


def test_a_folder_converts_past_bad_files_and_reports_them_at_the_end(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    out = tmp_path / "out"
    code, _, err = run("convert", str(folder), "-o", str(out), "--to", "gexf")
    assert code == 1
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == [
        "seed.gexf",
        "small.gexf",
        "sub",
        "sub/seed-graph.gexf",
    ]
    assert read_gexf(out / "sub" / "seed-graph.gexf") == argmap.read_map(SEED_MAP)
    lines = err.splitlines()
    assert lines[0].startswith("Converting 4 files")
    assert (
        f"{folder / 'broken.yaml'}:4:1: error: not valid YAML: did not find expected ',' or ']'"
        in (err)
    )
    # The one warning: small.json's inference rule 'balancing' is no scheme of the catalogue.
    assert lines[-1] == (
        f"3 of 4 files converted to {out} (1 warning); 1 failed: {folder / 'broken.yaml'}"
    )


def test_a_folder_of_good_files_exits_zero(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    (folder / "broken.yaml").unlink()
    out = tmp_path / "out"
    code, _, err = run("convert", str(folder), "-o", str(out))
    assert code == 0, err
    assert argmap.read_map(out / "seed.yaml") == argmap.read_map(SEED_MAP)
    assert (out / "sub" / "seed-graph.yaml").exists()


def test_a_folder_without_readable_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.txt").write_text("x", encoding="utf-8")
    code, _, err = run("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 2
    assert err.endswith(f"Error: {tmp_path / 'in'}: no files of a format argmap reads\n")
    assert not (tmp_path / "out").exists()


def test_a_file_name_for_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SEED_MAP, tmp_path / "in" / "seed.yaml")
    code, _, err = run("convert", str(tmp_path / "in"), "-o", str(tmp_path / "two.json"))
    assert code == 2
    assert "two.json names a file, but" in err and "give a folder with -o" in err
    assert not (tmp_path / "two.json").exists()


def test_two_inputs_never_share_an_output(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("", encoding="utf-8")
    (tmp_path / "a.json").write_text("", encoding="utf-8")
    pairs = directory_plan(tmp_path, tmp_path / "out", to_format="gexf")
    assert [(s.name, t.name) for s, t in pairs] == [
        ("a.json", "a.gexf"),
        ("a.yaml", "a.yaml.gexf"),
    ]


def test_the_aif_corpus_converts_whole(tmp_path: Path, corpora: Path) -> None:
    source = corpora / "microtexts-aif"
    files = sorted(source.glob("*.json"))
    out = tmp_path / "out"
    code, _, err = run("convert", str(source), "-o", str(out), "--from", "aif", "-q")
    assert code == 0, err
    last = err.splitlines()[-1]
    assert last.startswith(f"{len(files)} of {len(files)} files converted to {out} (")
    assert last.endswith("; 0 failed")
    converted = sorted(out.glob("*.yaml"))
    assert [p.stem for p in converted] == [p.stem for p in files]
    first = argmap.read_map(converted[0])
    assert first == read_aif(files[0])


@pytest.mark.argdown
def test_argdown_source_is_read_with_the_argdown_parser(tmp_path: Path) -> None:
    program = tool_path("argdown")
    assert program is not None
    out = tmp_path / "small.yaml"
    code, _, err = run(
        "convert",
        str(ARGDOWN_DATA / "small.argdown"),
        "-o",
        str(out),
        env={"ARGMAP_ARGDOWN": program},
    )
    assert code == 0, err
    assert argmap.read_map(out) == parse_argdown_json(
        (ARGDOWN_DATA / "small.json").read_text(encoding="utf-8"), filename="small.json"
    )
