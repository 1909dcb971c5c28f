"""Shared fixtures: the repository's real data, the shared corpora, and tool markers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import argmap
from tests.pandoc_oracle import MISSING, pandoc_path

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"
BIBLIOGRAPHY = ROOT / "bibliography"
SEED_MAP = MAPS / "shagina-2018-japan-sanctions.yaml"
SEED_BIB = BIBLIOGRAPHY / "shagina-japan-russia.bib"
CORPORA = ROOT.parent / "shared" / "corpora"
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"

#: Programs some tests need; a test marked with the name is skipped where it is missing.
_TOOLS = {"dot": "dot", "argdown": "argdown", "browser": "chromium"}


def tool_path(name: str) -> str | None:
    """Where a program is: on PATH, or (for argdown) in the local npm install."""
    found = shutil.which(name)
    if found is None and name == "argdown":
        local = ROOT / "tests" / "tools" / "node_modules" / ".bin" / "argdown"
        found = str(local) if local.exists() else None
    return found


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for marker, program in _TOOLS.items():
            if marker in item.keywords and tool_path(program) is None:
                item.add_marker(pytest.mark.skip(reason=f"{program!r} is not installed"))
        # pandoc is the wheel's pandoc 3, never one on PATH: see tests/pandoc_oracle.py.
        if "pandoc" in item.keywords and pandoc_path() is None:
            item.add_marker(pytest.mark.skip(reason=MISSING))


@pytest.fixture
def seed_map() -> argmap.ArgumentMap:
    """The bundled map of the seed paper, freshly read."""
    return argmap.read_map(SEED_MAP)


@pytest.fixture
def corpora() -> Path:
    """The shared corpora folder; tests using it skip where it is absent."""
    if not CORPORA.is_dir():
        pytest.skip(f"the shared corpora are not at {CORPORA}")
    return CORPORA
