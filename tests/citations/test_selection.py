"""Selecting cited sources by map, node, node with support and several maps; key checks."""

from __future__ import annotations

import pytest

import argmap
from argmap.citations import check_citations, cited_sources, read_map_bibliography, supporting_nodes
from argmap.errors import MapError
from argmap.model import ArgumentMap
from tests.support import DATA

HERE = DATA / "citations"
BALTIC = HERE / "baltic.yaml"


@pytest.fixture
def baltic() -> ArgumentMap:
    return argmap.read_map(BALTIC)


def test_seed_map_cites_one_source_from_every_node(seed_map: ArgumentMap) -> None:
    bib = read_map_bibliography(seed_map)
    (source,) = cited_sources(seed_map, bib)
    assert source.key == "shagina2018dilemma"
    assert source.entry is bib["shagina2018dilemma"]
    assert source.locators == ["p. 1"]
    assert source.nodes == [n.id for n in seed_map.nodes]
    # The map's own source comes first, then every node in map order.
    assert source.citing[0].path == ("source", "key")
    assert str(source.citing[1].location).endswith("shagina-2018-japan-sanctions.yaml:31:15")


def test_whole_map_selection_keeps_citation_order_and_relations(baltic: ArgumentMap) -> None:
    bib = read_map_bibliography(baltic)
    sources = cited_sources(baltic, bib)
    assert [s.key for s in sources] == [
        "vanderberg2020",
        "erdos1999",
        "mao2021",
        "isdp2017",
        "garcia2015",
    ]
    by_key = {s.key: s for s in sources}
    assert by_key["vanderberg2020"].locators == ["pp. 201-205", "p. 210"]
    assert by_key["vanderberg2020"].nodes == ["thesis", "data"]
    assert by_key["garcia2015"].citing[0].relation == "r-cost"
    assert by_key["garcia2015"].nodes == []
    assert by_key["garcia2015"].locators == ["ch. 2"]


def test_one_node(baltic: ArgumentMap) -> None:
    sources = cited_sources(baltic, node="thesis")
    assert [(s.key, s.locators, s.entry) for s in sources] == [
        ("vanderberg2020", ["pp. 201-205"], None)
    ]


def test_node_with_support_follows_support_but_not_questions(baltic: ArgumentMap) -> None:
    assert supporting_nodes(baltic, "thesis") == ["thesis", "premise", "data"]
    sources = cited_sources(baltic, node="thesis", with_support=True)
    # garcia2015 backs the support relation from the premise to the thesis.
    assert [s.key for s in sources] == ["vanderberg2020", "erdos1999", "mao2021", "garcia2015"]
    assert "isdp2017" not in {s.key for s in sources}  # cited by a question, not support


def test_node_with_support_in_the_seed_map_includes_push_factors(seed_map: ArgumentMap) -> None:
    nodes = supporting_nodes(seed_map, "sanctions-imposed")
    assert nodes == ["sanctions-imposed", "g7-solidarity", "obligation-to-west"]


def test_several_maps_merge_sources(seed_map: ArgumentMap, baltic: ArgumentMap) -> None:
    sources = cited_sources([seed_map, baltic])
    assert [s.key for s in sources][:2] == ["shagina2018dilemma", "vanderberg2020"]
    assert {c.map_id for s in sources for c in s.citing} == {seed_map.id, baltic.id}
    (thesis,) = cited_sources([seed_map, baltic], node="thesis")
    assert thesis.key == "vanderberg2020"


def test_unknown_node_is_a_located_error(baltic: ArgumentMap) -> None:
    with pytest.raises(MapError) as caught:
        cited_sources(baltic, node="nope")
    assert str(caught.value.issues[0]) == f"{BALTIC}: error: no node 'nope'"
    assert caught.value.issues[0].code == "unknown-node"
    with pytest.raises(ValueError, match="with_support needs a node"):
        cited_sources(baltic, with_support=True)


def test_check_citations_reports_missing_keys_at_the_citation() -> None:
    amap = argmap.read_map(HERE / "missing-key.yaml")
    bib = read_map_bibliography(amap)
    issues = argmap.check_citations(amap, bib)
    assert [str(i) for i in issues] == [
        f"{HERE / 'missing-key.yaml'}:16:15: error: node 'evidence' cites 'vanderberg2021', "
        "which is not in the bibliography; did you mean 'vanderberg2020'?"
    ]
    assert issues[0].code == "missing-key"


def test_check_citations_is_clean_for_the_seed_map(seed_map: ArgumentMap) -> None:
    assert check_citations(seed_map, read_map_bibliography(seed_map)) == []


def test_check_citations_says_when_no_bibliography_was_read(baltic: ArgumentMap) -> None:
    issues = check_citations(baltic, argmap.parse_bibliography("", filename="empty.bib"))
    assert issues[0].message == (
        "the map's source cites 'vanderberg2020', which is not in the bibliography (empty.bib)"
    )
    issues = check_citations(baltic, argmap.read_bibliography([]))
    assert issues[0].message.endswith("(no .bib file was read: name them under 'bibliography:')")
    assert len(issues) == 7
