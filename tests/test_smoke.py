"""Every bundled file loads: each map in maps/ checks clean and each .bib in bibliography/ reads."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.citations import read_map_bibliography
from tests.support import BIBLIOGRAPHY, MAPS

MAP_FILES = sorted(p for p in MAPS.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
BIB_FILES = sorted(BIBLIOGRAPHY.glob("*.bib"))


def test_there_is_something_to_load() -> None:
    assert MAP_FILES and BIB_FILES


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: p.name)
def test_every_map_checks_clean_with_its_bibliography(path: Path) -> None:
    amap = argmap.read_map(path)
    bibliography = read_map_bibliography(amap)
    issues = argmap.check(amap, bibliography=bibliography)
    # Read alone, a map that builds on others says once that its references wait for them.
    assert [i for i in issues if i.code != "not-resolved"] == []
    assert len(issues) == (1 if amap.uses else 0)
    assert amap.id == path.stem


def test_the_bundled_maps_check_clean_as_one_corpus() -> None:
    corpus = argmap.read_maps(MAPS)
    assert sorted(corpus.maps) == sorted(p.stem for p in MAP_FILES)
    assert corpus.issues == []
    assert all(ref.target is not None for ref in corpus.references)


@pytest.mark.parametrize("path", BIB_FILES, ids=lambda p: p.name)
def test_every_bibliography_reads_without_problems(path: Path) -> None:
    bibliography = argmap.read_bibliography(path)
    assert len(bibliography) > 0
    assert bibliography.issues == []


def test_every_work_the_seed_map_cites_has_a_verified_url_or_series(
    seed_map: argmap.ArgumentMap,
) -> None:
    bibliography = read_map_bibliography(seed_map)
    paper = bibliography["shagina2018dilemma"]
    assert paper.text["institution"] == "Institute for Security and Development Policy"
    assert paper.text["url"] == (
        "https://isdp.se/publication/japan-dilemma-sanctions-policy-towards-russia/"
    )
    assert seed_map.cited_keys() == ["shagina2018dilemma"]
    for node in seed_map.nodes:
        assert [(c.key, c.locator) for c in node.cites] == [("shagina2018dilemma", "p. 1")]
