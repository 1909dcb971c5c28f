"""``make demo`` and ``.ci/install-tools`` on a machine without Graphviz and without apt-get.

The machine is simulated by a PATH of links to every program on this one except ``dot``,
``apt-get`` and ``sudo``. ``make demo`` runs several commands (seconds), so its test runs
only with ``ARGMAP_SLOW=1``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import ROOT

HIDDEN = {"dot", "apt-get", "sudo"}


@pytest.fixture
def bare_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH has every program of this machine but dot and apt-get."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if not Path(folder).is_dir():
            continue
        for program in Path(folder).iterdir():
            link = bin_dir / program.name
            if program.name in HIDDEN or link.exists() or not os.access(program, os.X_OK):
                continue
            link.symlink_to(program)
    env = {k: v for k, v in os.environ.items() if k not in ("ARGMAP_DOT", "MAKEFLAGS")}
    env["PATH"] = str(bin_dir)
    assert shutil.which("dot", path=env["PATH"]) is None
    return env


def test_install_tools_says_in_one_line_how_to_get_the_images(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    assert bash is not None
    # An empty PATH: no dot, no apt-get (the script needs only bash's built-ins then).
    env = {k: v for k, v in os.environ.items() if k != "ARGMAP_DOT"}
    env["PATH"] = str(tmp_path)
    done = subprocess.run(
        [bash, str(ROOT / ".ci" / "install-tools"), "dot"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr.splitlines() == [
        "note: dot is not installed: SVG, PNG and PDF diagrams are skipped; to get them install "
        "Graphviz (sudo apt-get install graphviz, brew install graphviz, conda install -c "
        "conda-forge graphviz) or set ARGMAP_DOT, then run make demo again"
    ]


@pytest.mark.skipif(os.environ.get("ARGMAP_SLOW") != "1", reason="slow: set ARGMAP_SLOW=1")
def test_make_demo_without_graphviz_writes_every_other_output(
    bare_path: dict[str, str], tmp_path: Path
) -> None:
    if not (ROOT / ".venv" / ".installed").exists() or shutil.which("make") is None:
        pytest.skip("needs make and the project's .venv (make install)")
    out = tmp_path / "out"
    done = subprocess.run(
        ["make", "-s", "demo", f"OUT={out}"],
        cwd=ROOT,
        env=bare_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    name = "shagina-2018-japan-sanctions"
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(
        f"{name}{suffix}"
        for suffix in (".aif.json", ".bib", ".dot", ".mmd", ".ris", "-reading-list.md")
    )
    assert all((out / n).stat().st_size > 0 for n in written)
    notes = [line for line in done.stderr.splitlines() if line.startswith("note: dot")]
    assert len(notes) == 1
    assert "no .svg or HTML page: Graphviz is missing" in done.stdout.splitlines()[-1]
