"""The contract every command keeps with its user when something is wrong.

For each command and each of: a bad argument, a missing file, an unreadable file, an
unwritable output and an output that is one of the inputs, the command exits 1 or 2,
prints one error line and no traceback, and changes no file (every file of the working
folder is hashed before and after).

Root reads and writes files whatever their permission bits say, so as root the unreadable
and read-only cases run the commands in a subprocess without the capabilities that let
root do so (``setpriv --bounding-set=-dac_override,-dac_read_search``), one subprocess
for all commands of a case.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from tests.support import SEED_BIB, SEED_MAP

MAP = "maps/m.yaml"
BIB = f"bibliography/{SEED_BIB.name}"

#: Each command with a working argument list; MAP and OUT are replaced per case.
COMMANDS: dict[str, list[str]] = {
    "check": ["check", MAP],
    "show": ["show", MAP],
    "render": ["render", MAP, "-f", "dot", "-o", "OUT"],
    "cite": ["cite", MAP, "-o", "OUT"],
    "convert": ["convert", MAP, "-o", "OUT"],
    "schema": ["schema", "-o", "OUT"],
    "analyze": ["analyze", MAP],
    "review": ["review", MAP, "-o", "OUT"],
}
OUTPUT_NAMES = {
    "render": "out.dot",
    "cite": "out.bib",
    "convert": "out.aif.json",
    "review": "review.md",
}
READERS = [name for name, args in COMMANDS.items() if MAP in args]
WRITERS = [name for name, args in COMMANDS.items() if "OUT" in args]

Run = Callable[[list[str]], tuple[int, str]]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with the seed map and its bibliography, as in the repository."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "bibliography").mkdir()
    shutil.copy(SEED_MAP, tmp_path / MAP)
    shutil.copy(SEED_BIB, tmp_path / BIB)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def args_for(command: str, *, source: str = MAP, output: str | None = None) -> list[str]:
    out = output or OUTPUT_NAMES.get(command, "schema.json")
    return [source if a == MAP else out if a == "OUT" else a for a in COMMANDS[command]]


def run_here(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    # Anything but SystemExit escaping the command is a bug: CliRunner would show a traceback.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stdout + result.stderr


SETPRIV = shutil.which("setpriv")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

#: Runs commands one after the other in one process (one start-up for a whole batch).
_BATCH = """
import json, sys
from click.testing import CliRunner
from argmap.cli import main
results = []
for args in json.loads(sys.argv[1]):
    result = CliRunner().invoke(main, args)
    escaped = not (result.exception is None or isinstance(result.exception, SystemExit))
    bug = f"Traceback: {result.exception!r}" if escaped else ""
    results.append([result.exit_code, result.stdout + result.stderr + bug])
print(json.dumps(results))
"""


def run_without_privileges(batch: list[list[str]]) -> list[tuple[int, str]]:
    """Run commands in a process that permission bits bind, even when we are root."""
    command = [sys.executable, "-c", _BATCH, json.dumps(batch)]
    if IS_ROOT:
        assert SETPRIV is not None
        command = [SETPRIV, "--bounding-set=-dac_override,-dac_read_search", *command]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    return [(code, output) for code, output in json.loads(done.stdout)]


needs_permissions = pytest.mark.skipif(
    IS_ROOT and SETPRIV is None, reason="as root, permission bits bind only under setpriv"
)


def digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and os.access(p, os.R_OK)
    }


def assert_outcome(code: int, output: str, mentions: str | tuple[str, ...]) -> None:
    """Exit 1 or 2, one error line that names the problem, no traceback."""
    assert code in (1, 2), output
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if "error:" in line.lower()]
    assert len(errors) == 1, output
    wanted = (mentions,) if isinstance(mentions, str) else mentions
    assert any(text in errors[0] for text in wanted), output


def assert_contract(
    project: Path, run: Run, args: list[str], *, mentions: str | tuple[str, ...]
) -> None:
    before = digests(project)
    assert_outcome(*run(args), mentions)
    assert digests(project) == before


def assert_batch_contract(
    project: Path, batch: list[list[str]], mentions: list[str | tuple[str, ...]]
) -> None:
    before = digests(project)
    for (code, output), wanted in zip(run_without_privileges(batch), mentions, strict=True):
        assert_outcome(code, output, wanted)
    assert digests(project) == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_bad_argument(project: Path, command: str) -> None:
    args = args_for(command)
    assert_contract(
        project, run_here, [args[0], "--no-such-option", *args[1:]], mentions="--no-such-option"
    )


@pytest.mark.parametrize("command", READERS)
def test_a_missing_file(project: Path, command: str) -> None:
    args = args_for(command, source="maps/missing.yaml")
    assert_contract(project, run_here, args, mentions="maps/missing.yaml")


@pytest.mark.parametrize("command", READERS)
def test_a_folder_where_a_file_belongs(project: Path, command: str) -> None:
    # A folder named like a map: commands that read a folder of maps find none in it.
    Path("maps/folder.yaml").mkdir()
    args = args_for(command, source="maps/folder.yaml")
    assert_contract(project, run_here, args, mentions="maps/folder.yaml")


@needs_permissions
def test_an_unreadable_file(project: Path) -> None:
    Path(MAP).chmod(0)
    try:
        assert_batch_contract(project, [args_for(c) for c in READERS], [MAP] * len(READERS))
    finally:
        Path(MAP).chmod(0o644)


@needs_permissions
def test_an_unreadable_bibliography(project: Path) -> None:
    # show, render and convert do without the bibliography; these two need it.
    Path(BIB).chmod(0)
    try:
        assert_batch_contract(project, [args_for("check"), args_for("cite")], [BIB, BIB])
    finally:
        Path(BIB).chmod(0o644)


@pytest.mark.parametrize("command", WRITERS)
def test_an_output_under_a_regular_file(project: Path, command: str) -> None:
    output = f"{MAP}/out.txt"
    assert_contract(project, run_here, args_for(command, output=output), mentions=output)


@needs_permissions
def test_an_output_in_a_read_only_folder(project: Path) -> None:
    folder = project / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    outputs = [f"locked/{OUTPUT_NAMES.get(c, 'schema.json')}" for c in WRITERS]
    try:
        batch = [args_for(c, output=o) for c, o in zip(WRITERS, outputs, strict=True)]
        assert_batch_contract(project, batch, list(outputs))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("command", [c for c in WRITERS if c in READERS])
@pytest.mark.parametrize("target", [MAP, f"./maps/../{MAP}", BIB])
def test_an_output_that_is_an_input(project: Path, command: str, target: str) -> None:
    mentions = ("the output is the input", "is the map itself")
    assert_contract(project, run_here, args_for(command, output=target), mentions=mentions)
