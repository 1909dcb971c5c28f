"""Shared fixtures: the repository's real data, the shared corpora, and tool markers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import argmap
from tests.support import CORPORA, SEED_MAP, tool_path
from tests.support.browser import CHROMIUM_ARGS
from tests.support.pandoc import MISSING, pandoc_path

if TYPE_CHECKING:
    from playwright.sync_api import Browser

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


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright, for the modules that open pages in it."""
    from playwright import sync_api

    executable = tool_path("chromium")
    assert executable is not None
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
