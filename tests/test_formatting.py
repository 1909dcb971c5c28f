"""Formatted reading lists and in-text citations, checked against pandoc's citeproc.

The oracle: tests/golden/citations/<style>.html is pandoc's own output for the same items
(tests/golden/citations/varied.json) and the same CSL files; regenerate it with
``sh tests/golden/citations/regenerate.sh``. The README lists every remaining difference.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DATA, GOLDEN, SEED_BIB

from argmap.citations.formatting import (
    LABELS,
    OUTPUTS,
    STYLES,
    format_bibliography,
    format_citation,
    load_style,
)

ORACLE = GOLDEN / "citations"
ITEMS: list[dict[str, Any]] = json.loads((ORACLE / "varied.json").read_text(encoding="utf-8"))
TARGET = 0.95

#: Entries known to differ from pandoc 2.17, each for a reason the README explains.
KNOWN_DIFFERENCES: dict[str, set[str]] = {
    "apa": set(),
    "chicago": {"gordon2006carneades"},
    "harvard": {"watsuji1935fudo"},
    "mla": set(),
    "ieee": {"watsuji1935fudo"},
}


def _normal(fragment: str) -> str:
    """Markup dropped, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _oracle_entries(style: str) -> dict[str, str]:
    text = (ORACLE / f"{style}.html").read_text(encoding="utf-8")
    found = re.findall(
        r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>\n?(.*?)\n?</div>\n(?=<div id="ref-|</div>)',
        text,
        flags=re.S,
    )
    return {key: _normal(body) for key, body in found}


def _oracle_citations(style: str) -> dict[str, str]:
    text = (ORACLE / f"{style}.html").read_text(encoding="utf-8")
    found = re.findall(r'<span class="citation" data-cites="([^"]+)">(.*?)</span></p>', text)
    return {key: _normal(body) for key, body in found}


def _entries(style: str, output: str = "text") -> list[str]:
    return format_bibliography(ITEMS, style=style, output=output).strip().split("\n\n")


# ---------------------------------------------------------------- the pandoc oracle


@pytest.mark.parametrize("style", list(STYLES))
def test_reading_list_matches_pandoc_entry_by_entry(style: str) -> None:
    oracle = _oracle_entries(style)
    assert len(oracle) == len(ITEMS)
    ours = dict(zip(oracle, map(_normal, _entries(style)), strict=True))
    different = {key for key, text in oracle.items() if ours[key] != text}
    assert different == KNOWN_DIFFERENCES[style]
    assert 1 - len(different) / len(oracle) >= TARGET


@pytest.mark.parametrize("style", list(STYLES))
def test_reading_list_is_in_pandocs_order(style: str) -> None:
    oracle = list(_oracle_entries(style).values())
    ours = [_normal(e) for e in _entries(style)]
    # Compare by position: the same entries in the same order (known differences aside).
    same = sum(a == b for a, b in zip(ours, oracle, strict=True))
    assert same == len(oracle) - len(KNOWN_DIFFERENCES[style])


@pytest.mark.parametrize("style", list(STYLES))
def test_in_text_citations_match_pandoc(style: str) -> None:
    oracle = _oracle_citations(style)
    assert len(oracle) == len(ITEMS)
    by_id = {item["id"]: item for item in ITEMS}
    different = {
        key
        for key, text in oracle.items()
        if format_citation(by_id[key], style=style, locator="12", among=ITEMS) != text
    }
    assert 1 - len(different) / len(oracle) >= TARGET, sorted(different)
