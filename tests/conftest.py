"""Shared fixtures: the repository's real data, the shared corpora, and tool markers."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from tests.support import CORPORA, SEED_MAP, tool_path
from tests.support.pandoc import MISSING, pandoc_path

#: Programs some tests need; a test marked with the name is skipped where it is missing.
_TOOLS = {"dot": "dot", "argdown": "argdown", "browser": "chromium"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for marker, program in _TOOLS.items():
            if marker in item.keywords and tool_path(program) is None:
                item.add_marker(pytest.mark.skip(reason=f"{program!r} is not installed"))
        # pandoc is the wheel's pandoc 3, never one on PATH: see tests/support/pandoc.py.
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
