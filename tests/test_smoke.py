"""Every bundled file loads: each map in maps/ checks clean and each .bib in bibliography/ reads."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from tests.conftest import BIBLIOGRAPHY, MAPS

MAP_FILES = sorted(p for p in MAPS.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
BIB_FILES = sorted(BIBLIOGRAPHY.glob("*.bib"))


def test_there_is_something_to_load() -> None:
    assert MAP_FILES and BIB_FILES


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: p.name)
def test_every_map_checks_clean_with_its_bibliography(path: Path) -> None:
    amap = argmap.read_map(path)
    bibliography = argmap.read_map_bibliography(amap)
    assert argmap.check(amap, bibliography=bibliography) == []
    assert amap.id == path.stem


@pytest.mark.parametrize("path", BIB_FILES, ids=lambda p: p.name)
def test_every_bibliography_reads_without_problems(path: Path) -> None:
    bibliography = argmap.read_bibliography(path)
    assert len(bibliography) > 0
    assert bibliography.issues == []


def test_every_work_the_seed_map_cites_has_a_verified_url_or_series(
    seed_map: argmap.ArgumentMap,
) -> None:
    bibliography = argmap.read_map_bibliography(seed_map)
    paper = bibliography["shagina2018dilemma"]
    assert paper.text["institution"] == "Institute for Security and Development Policy"
    assert paper.text["url"] == (
        "https://isdp.se/publication/japan-dilemma-sanctions-policy-towards-russia/"
    )
    assert seed_map.cited_keys() == ["shagina2018dilemma"]
    for node in seed_map.nodes:
        assert [(c.key, c.locator) for c in node.cites] == [("shagina2018dilemma", "p. 1")]
