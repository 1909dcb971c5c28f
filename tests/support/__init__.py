"""What the tests share and hold no tests of their own: the repository's paths and tools.

The modules beside this one hold the helpers that test modules of several packages use
(a test module imports no other test module, and nothing of ``bench/``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAPS = ROOT / "maps"
BIBLIOGRAPHY = ROOT / "bibliography"
SEED_MAP = MAPS / "shagina-2018-japan-sanctions.yaml"
SEED_BIB = BIBLIOGRAPHY / "shagina-japan-russia.bib"
CORPORA = ROOT.parent / "shared" / "corpora"
TESTS = ROOT / "tests"
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
#: The npm install of the Argdown CLI, Mermaid and citeproc-js (``make tools``).
TOOLS = TESTS / "tools"


def tool_path(name: str) -> str | None:
    """Where a program is: on PATH, or (for argdown) in the local npm install."""
    found = shutil.which(name)
    if found is None and name == "argdown":
        local = TOOLS / "node_modules" / ".bin" / "argdown"
        found = str(local) if local.exists() else None
    return found
