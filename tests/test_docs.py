"""The documentation: the site builds cleanly, and every example in it and in the README runs.

Each page's code blocks run in order, in a fresh folder holding copies of ``maps/`` and
``bibliography/`` (the only data an example may use), so that one block can use what an
earlier one wrote:

- ``python`` blocks are executed, all blocks of a page in one namespace;
- ``pycon`` blocks (``>>>`` prompts) are run as doctests: the output shown must be printed;
- ``sh`` and ``console`` blocks run in bash, with ``argmap`` on ``PATH``. A block without
  prompts is a script that must succeed. In a block whose lines start with ``$ ``, each
  command must print (standard output and error, as in a terminal) exactly the lines shown
  below it, a line ``...`` standing for any lines; a command whose shown output has an
  ``error:`` line must fail, every other command must succeed (unless it prints its status
  itself, ``; echo "exit $?"``).

A block that must not run says why on the line before it: ``<!-- not run: REASON -->``.
Blocks in other languages (``yaml``, ``json``, ``text``) are shown, not run; one whose fence
names a file (``title="drafts/m.yaml"`` after the language) is written to that file for the
blocks after it.
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pytest

import argmap
from tests.support import ROOT, tool_path

DOCS = ROOT / "docs"
PAGES = sorted([ROOT / "README.md", *DOCS.rglob("*.md")])
NOTEBOOK = DOCS / "tutorial.ipynb"

#: The most blocks the pages may mark as not run: set-up commands, and little else.
MOST_NOT_RUN = 4

_FENCE = re.compile(r"^```([\w-]*)([^\n]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_TITLE = re.compile(r'title="([^"]+)"')
_NOT_RUN = re.compile(r"<!--\s*not run:\s*(.+?)\s*-->\s*$")
_RUN = {"python", "pycon", "sh", "console", "bash", "shell"}


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page."""

    page: Path
    line: int
    language: str
    text: str
    not_run: str | None
    title: str | None = None

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """The code blocks of a Markdown page, in order, with the reason a block is not run."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = _NOT_RUN.search(before)
        line = text.count("\n", 0, match.start()) + 1
        title = _TITLE.search(match.group(2))
        found.append(
            Block(
                page,
                line,
                match.group(1),
                match.group(3),
                marker.group(1) if marker else None,
                title.group(1) if title else None,
            )
        )
    return found


def _has_dot() -> bool:
    return bool(os.environ.get("ARGMAP_DOT")) or tool_path("dot") is not None


_TEXT_FORMATS = re.compile(r"(-f|--format)[ =](dot|mermaid)|\.(dot|gv|mmd)\b")


def _needs_dot(block: Block) -> bool:
    """Whether a block draws an image (SVG, PNG, PDF, HTML), which needs Graphviz's dot."""
    if block.language in ("python", "pycon"):
        return "render(" in block.text
    return any(
        "argmap render" in line and not _TEXT_FORMATS.search(line)
        for line in block.text.splitlines()
    )


@pytest.fixture
def workdir(tmp_path: Path) -> Iterator[Path]:
    """A folder with copies of the bundled maps and bibliographies, and the active .venv."""
    for name in ("maps", "bibliography"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    yield tmp_path


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "COV_"))}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONUNBUFFERED"] = "1"  # keep standard output and error in the order written
    env["COLUMNS"] = "100"
    env.pop("VIRTUAL_ENV", None)
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


@dataclass
class Command:
    """A ``$`` command of a shell block, with the output the page shows below it."""

    line: int
    text: str
    shown: list[str]


def commands(block: Block) -> list[Command]:
    """The ``$ `` commands of a shell block, each with the output shown below it."""
    found: list[Command] = []
    for number, line in enumerate(block.text.splitlines(), start=block.line + 1):
        if found and found[-1].text.endswith("\\"):  # a command continued on this line
            found[-1].text = found[-1].text[:-1] + " " + line.strip()
        elif line.startswith("$ "):
            found.append(Command(number, line[2:], []))
        elif found:
            found[-1].shown.append(line)
    return found


def _matches(shown: list[str], printed: list[str]) -> bool:
    """Whether printed lines match those shown, a ``...`` line standing for any lines."""
    if not shown:
        return not printed
    if shown[0].strip() == "...":
        return any(_matches(shown[1:], printed[i:]) for i in range(len(printed) + 1))
    return (
        bool(printed)
        and shown[0].rstrip() == printed[0].rstrip()
        and _matches(shown[1:], printed[1:])
    )


_MARK = "\x1eargmap-docs-test"
_SHOWS_STATUS = 'echo "exit $?"'


def _bash(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", script],
        cwd=cwd,
        env=_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
        check=False,
    )


def run_shell(block: Block, cwd: Path) -> None:
    """Run a shell block in bash: a script that must succeed, or commands and their output."""
    cmds = commands(block)
    if not cmds:
        done = _bash("set -e\n" + block.text, cwd)
        assert done.returncode == 0, f"{block.where}: exited {done.returncode}:\n{done.stdout}"
        return
    script = []
    for index, command in enumerate(cmds):
        script.append(f"printf '{_MARK} start {index}\\n'")
        script.append(command.text)
        script.append(f"printf '{_MARK} end {index} %s\\n' $?")
    output = _bash("\n".join(script), cwd).stdout
    for index, command in enumerate(cmds):
        start = output.find(f"{_MARK} start {index}\n")
        end = re.search(rf"{_MARK} end {index} (\d+)\n", output)
        assert start >= 0 and end, f"{block.where}: the block stopped before {command.text!r}"
        printed = output[start + len(f"{_MARK} start {index}\n") : end.start()].splitlines()
        status = int(end.group(1))
        where = f"{block.page.relative_to(ROOT)}:{command.line}: $ {command.text}"
        shown = command.shown
        if _SHOWS_STATUS in command.text:
            pass  # the status is printed, and compared with the rest of the output
        elif any("error:" in line.lower() for line in shown):
            assert status != 0, f"{where}\nshown as failing, but it exited 0"
        else:
            assert status == 0, f"{where}\nexited {status}:\n" + "\n".join(printed)
        assert _matches(shown, printed), (
            f"{where}\nshown:\n" + "\n".join(shown) + "\nprinted:\n" + "\n".join(printed)
        )


def run_python(block: Block, namespace: dict[str, object]) -> None:
    """Execute a python block, or check a pycon block's shown output as a doctest."""
    if block.language == "python":
        exec(compile(block.text, block.where, "exec"), namespace)
        return
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.text, namespace, block.where, str(block.page), block.line)
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    namespace.update(test.globs)  # the test ran on a copy: keep what it defined for later blocks
    assert runner.failures == 0, "".join(report)


def _page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_every_example_of_the_page_runs(
    page: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workdir)
    monkeypatch.setenv("PATH", _environment()["PATH"])
    namespace: dict[str, object] = {"__name__": "__docs__"}
    skipped = []
    for block in blocks(page):
        if block.title is not None and block.language not in _RUN:
            # A file shown with its name (title="...") is written for the blocks after it.
            (workdir / block.title).parent.mkdir(parents=True, exist_ok=True)
            (workdir / block.title).write_text(block.text, encoding="utf-8")
            continue
        if block.language not in _RUN or block.not_run is not None:
            continue
        if _needs_dot(block) and not _has_dot():
            skipped.append(block.where)
            continue
        if block.language in ("python", "pycon"):
            run_python(block, namespace)
        else:
            run_shell(block, workdir)
    if skipped:
        pytest.skip(f"Graphviz's dot is not installed: not run {', '.join(skipped)}")


def test_few_blocks_are_marked_not_run() -> None:
    marked = [b for page in PAGES for b in blocks(page) if b.not_run is not None]
    assert len(marked) <= MOST_NOT_RUN, [b.where for b in marked]
    assert all(b.language in _RUN for b in marked), "only runnable blocks need the mark"


def test_the_readme_stays_short() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 300, "the README introduces; the details belong in docs/"


def test_pages_mark_their_code_blocks_with_a_language() -> None:
    unmarked = [b.where for page in PAGES for b in blocks(page) if not b.language]
    assert unmarked == []


def test_a_shown_output_that_differs_fails(workdir: Path) -> None:
    wrong = Block(
        ROOT / "README.md",
        1,
        "console",
        "$ argmap check maps/shagina-2018-japan-sanctions.yaml\n2 files checked\n",
        None,
    )
    with pytest.raises(AssertionError, match=r"printed:\s+1 file checked: 0 errors, 0 warnings"):
        run_shell(wrong, workdir)


def test_a_failing_command_fails_unless_shown_failing(workdir: Path) -> None:
    missing = "$ argmap check maps/no-such-map.yaml\nmaps/no-such-map.yaml: error: no such file\n"
    run_shell(Block(ROOT / "README.md", 1, "console", missing + "...\n", None), workdir)
    with pytest.raises(AssertionError, match="exited 1"):
        run_shell(
            Block(ROOT / "README.md", 1, "sh", "argmap check maps/no-such-map.yaml\n", None),
            workdir,
        )


# -- the site ------------------------------------------------------------------------------


def _needs(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (make install adds it with the dev extras)")


def test_the_site_builds_strictly_with_every_public_name(tmp_path: Path) -> None:
    _needs("mkdocs")
    _needs("mkdocstrings_handlers")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    api = (site / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    public = [name for name in argmap.__all__ if not name.startswith("__")]
    missing = [name for name in public if f'id="argmap.{name}"' not in api]
    assert missing == [], "public names missing from the API reference"


# -- the notebook --------------------------------------------------------------------------


def _read_notebook() -> Any:
    import nbformat

    read = cast(Callable[..., Any], nbformat.read)  # nbformat has no type annotations
    return read(str(NOTEBOOK), as_version=4)


def test_the_committed_notebook_has_no_outputs() -> None:
    _needs("nbformat")
    notebook = _read_notebook()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, "the tutorial notebook has no code"
    assert [c for c in code if c.outputs or c.execution_count is not None] == []


def test_the_notebook_tutorial_runs(workdir: Path) -> None:
    _needs("nbclient")
    _needs("ipykernel")
    from nbclient import NotebookClient

    notebook = _read_notebook()
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on an error
    shown = [
        output.get("data", {})
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    ]
    kinds = {kind for data in shown for kind in data}
    drawing = "image/svg+xml" if _has_dot() else "text/plain"
    assert drawing in kinds, "the map is not drawn inline"
