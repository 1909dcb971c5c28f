"""The output guard: no command writes over its input map or a bibliography the map names."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import read_maps
from argmap.cli import main
from argmap.commands import Output, Result, write_outputs
from argmap.commands._result import check_output
from argmap.errors import OutputError
from tests.support import SEED_BIB, SEED_MAP


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seed map and its bibliography, laid out as in the repository."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "bibliography").mkdir()
    shutil.copy(SEED_MAP, tmp_path / "maps" / "m.yaml")
    shutil.copy(SEED_BIB, tmp_path / "bibliography" / SEED_BIB.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


BIB = f"bibliography/{SEED_BIB.name}"
VIA_MAP = f"maps/../bibliography/{SEED_BIB.name}"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["cite", "maps/m.yaml", "-f", "bibtex", "-o", "maps/m.yaml"],
            "maps/m.yaml: error: the output is the input file; choose another output path",
        ),
        (
            ["cite", "maps/m.yaml", "-f", "bibtex", "-o", BIB],
            f"{BIB}: error: the output is the input file {VIA_MAP}; choose another output path",
        ),
        (
            ["cite", "maps/m.yaml", "-o", f"./bibliography/../{BIB}"],
            f"./bibliography/../{BIB}: error: the output is the input file {VIA_MAP}; "
            "choose another output path",
        ),
        (
            ["render", "maps/m.yaml", "-f", "dot", "-o", BIB],
            f"{BIB}: error: the output is the input file {VIA_MAP}; choose another output path",
        ),
        (
            ["convert", "maps/m.yaml", "--to", "yaml", "-o", BIB],
            f"{BIB}: error: the output is the input file {VIA_MAP}; choose another output path",
        ),
        (
            ["cite", "maps/m.yaml", "-o", "maps/m.yaml/x.bib"],
            "maps/m.yaml/x.bib: error: cannot create the folder maps/m.yaml: part of it is a file",
        ),
        (
            ["schema", "-o", "maps/m.yaml/schema.json"],
            "maps/m.yaml/schema.json: error: cannot create the folder maps/m.yaml: "
            "part of it is a file",
        ),
    ],
)
def test_refused_outputs_change_nothing(project: Path, args: list[str], message: str) -> None:
    before = digests(project)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr == message + "\n"
    assert digests(project) == before


def test_a_hard_link_to_the_bibliography_is_refused(project: Path) -> None:
    Path("alias.bib").hardlink_to(BIB)
    result = CliRunner().invoke(main, ["cite", "maps/m.yaml", "-o", "alias.bib"])
    assert result.exit_code == 1
    assert "the output is the input file" in result.stderr
    assert Path("alias.bib").read_bytes() == Path(BIB).read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ["cite", "maps/m.yaml", "-f", "ris", "-o", "new/deep/list.ris"],
        ["schema", "-o", "new/deep/schema.json"],
        ["render", "maps/m.yaml", "-f", "mermaid", "-o", "new/deep/m.mmd"],
        ["convert", "maps/m.yaml", "-o", "new/deep/m.aif.json"],
    ],
)
def test_missing_output_folders_are_created(project: Path, args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    written = Path(args[-1])
    assert written.is_file() and written.stat().st_size > 0


def test_write_output_writes_and_guards(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("keep", encoding="utf-8")
    inputs = {source.resolve(): str(source)}
    [target] = write_outputs(
        Result(outputs=[Output(tmp_path / "a" / "b.txt", "new")], inputs=inputs)
    )
    assert target.read_text(encoding="utf-8") == "new"
    with pytest.raises(OutputError) as caught:
        write_outputs(Result(outputs=[Output(tmp_path / "." / "in.txt", "lost")], inputs=inputs))
    assert caught.value.issues[0].code == "same-file"
    assert source.read_text(encoding="utf-8") == "keep"
    with pytest.raises(OutputError) as caught:
        check_output(tmp_path, inputs=[])
    assert (
        str(caught.value.issues[0]) == f"{tmp_path}: error: is a folder; give a file name to write"
    )


def test_a_workspace_names_every_file_it_read_as_it_read_it(project: Path) -> None:
    assert list(read_maps("maps/m.yaml").inputs.values()) == ["maps/m.yaml", VIA_MAP]
    Path("broken.yaml").write_text("id: [", encoding="utf-8")
    assert list(read_maps("broken.yaml").inputs.values()) == ["broken.yaml"]


def test_a_file_system_error_no_reader_expected_is_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import argmap.commands.show

    def failing(paths: list[str]) -> None:
        raise OSError(errno.EIO, "Input/output error", paths[0])

    monkeypatch.setattr(argmap.commands.show, "read_maps", failing)
    result = CliRunner().invoke(main, ["show", "maps/m.yaml"])
    assert (result.exit_code, result.stderr) == (
        1,
        "argmap: error: maps/m.yaml: Input/output error\n",
    )
