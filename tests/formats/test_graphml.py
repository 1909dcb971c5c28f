"""GraphML and GEXF: typed columns that networkx reads back, lossless round trips, bad input.

The GraphML golden file is regenerated with
``ARGMAP_REGENERATE=1 .venv/bin/pytest tests/formats/test_graphml.py``.
"""

from __future__ import annotations

import io
import json
import os
import warnings
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import argmap
from argmap.formats.aif import read_aif
from argmap.formats.graphml import (
    STRUCTURED,
    dump_gexf,
    dump_graphml,
    parse_gexf,
    parse_graphml,
    read_gexf,
    read_graphml,
    write_gexf,
    write_graphml,
)
from tests.support import DATA, GOLDEN, SEED_MAP

HERE = DATA / "interchange"
GOLDEN_DIR = GOLDEN / "interchange"


def hand_made() -> argmap.ArgumentMap:
    """Every shape the graph can take: linked premises, an undercut, a repeated pair."""
    return argmap.parse_map(
        """
argmap: 1
id: shapes
title: "Shapes <&> \\"quoted\\""
authors: [A. Author]
nodes:
  - {id: t, kind: claim, thesis: true, text: "The thesis, with <markup> & ampersand"}
  - {id: a, kind: claim, text: Premise A, tags: [x, "y z"]}
  - {id: b, kind: evidence, text: Premise B, cites: [{key: k1, locator: p. 2}]}
  - {id: f, kind: factor, direction: pull, weight: 0.25, text: A pull, meta: {n: [1, 2]}}
  - {id: u, kind: claim, text: An undercutter}
  - {id: q, kind: question, text: Why?}
relations:
  - {id: r1, kind: supports, from: [a, b], to: t, scheme: Argument From Sign}
  - {id: r2, kind: undercuts, from: u, to: r1, weight: 1.0}
  - {kind: pulls, from: f, to: t, note: "A note"}
  - {kind: attacks, from: f, to: t}
  - {kind: questions, from: q, to: a}
""",
        filename="shapes.yaml",
    )


MAPS = {"seed": lambda: argmap.read_map(SEED_MAP), "shapes": hand_made}


@pytest.mark.parametrize("name", sorted(MAPS))
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_round_trip_gives_the_same_map(name: str, fmt: str) -> None:
    amap = MAPS[name]()
    if fmt == "graphml":
        back = parse_graphml(dump_graphml(amap), filename="x.graphml")
    else:
        back = parse_gexf(dump_gexf(amap), filename="x.gexf")
    assert back == amap


def test_every_aif_corpus_map_survives_graphml_and_gexf(corpora: Path) -> None:
    paths = sorted((corpora / "microtexts-aif").glob("*.json"))
    assert len(paths) == 110
    for path in paths:
        amap = read_aif(path)
        assert parse_graphml(dump_graphml(amap)) == amap, path.name
        assert parse_gexf(dump_gexf(amap)) == amap, path.name


def _decoded(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: json.loads(v) if k in STRUCTURED else v for k, v in attrs.items()}


@pytest.mark.parametrize("name", sorted(MAPS))
def test_networkx_reads_graphml_with_the_graphs_attributes_and_types(name: str) -> None:
    amap = MAPS[name]()
    expected = argmap.to_networkx(amap)
    graph = nx.read_graphml(io.BytesIO(dump_graphml(amap).encode()))
    assert set(graph.nodes) == set(expected.nodes)
    assert set(graph.edges) == set(expected.edges)
    for key, attrs in expected.nodes(data=True):
        assert _decoded(graph.nodes[key]) == {k: v for k, v in attrs.items() if v != []}
    for u, v, attrs in expected.edges(data=True):
        assert _decoded(graph.edges[u, v]) == {k: v for k, v in attrs.items() if v != []}
    # typed columns, not strings: what Gephi and Cytoscape sort and filter on
    thesis = next(k for k, a in expected.nodes(data=True) if a.get("thesis"))
    assert graph.nodes[thesis]["thesis"] is True
    assert all(isinstance(a["index"], int) for _, _, a in graph.edges(data=True) if "index" in a)


def test_networkx_reads_gexf_with_typed_columns() -> None:
    amap = hand_made()
    graph = nx.read_gexf(io.BytesIO(dump_gexf(amap).encode()), node_type=str)
    assert graph.nodes["f"]["weight"] == 0.25
    assert graph.nodes["t"]["thesis"] is True
    assert json.loads(graph.nodes["a"]["tags"]) == ["x", "y z"]
    # the GEXF reserved names are written under argmap_ so Gephi keeps its own fields
    edge = graph.edges["f", "t"]
    assert (edge["argmap_type"], edge["kind"], edge["index"]) == ("relation", "pulls", 2)
    undercut = graph.edges["u", "r1"]
    assert (undercut["argmap_id"], undercut["argmap_weight"]) == ("r2", 1.0)
    assert graph.nodes["r1"]["scheme"] == "Argument From Sign"
    assert json.loads(graph.graph["name"])["argmap"]["authors"] == ["A. Author"]


def test_graphml_output_matches_the_golden_file() -> None:
    text = dump_graphml(argmap.read_map(SEED_MAP))
    golden = GOLDEN_DIR / "seed.graphml"
    if os.environ.get("ARGMAP_REGENERATE"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_graphml_from_another_tool_becomes_a_map_with_extra_columns_in_meta() -> None:
    amap = read_graphml(HERE / "foreign.graphml")
    assert [n.id for n in amap.nodes] == ["n0", "n1", "n2"]
    first = amap.node("n0")
    assert (first.kind, first.text) == ("claim", "Sanctions were symbolic")
    assert first.meta == {"x": 10.5, "colour": "red"}
    assert [(r.kind, r.source, r.target) for r in amap.relations] == [
        ("supports", "n1", "n0"),
        ("attacks", "n2", "n0"),
    ]


def test_gexf_from_gephi_reads_labels_as_text_and_keeps_the_rest_in_meta() -> None:
    amap = read_gexf(HERE / "gephi.gexf")
    assert (amap.id, amap.title) == ("gephi", "gephi")
    assert [(n.id, n.text) for n in amap.nodes] == [
        ("0", "Sanctions were symbolic"),
        ("1", "Japan followed the G7"),
        ("2", "2"),
    ]
    first = amap.node("0")
    assert first.meta["degree"] == 2
    assert first.meta["viz"]["position"] == {"x": 1.5, "y": -2.0, "z": 0.0}
    assert amap.node("2").meta == {}
    # a Gephi edge weight counts; it is no argmap weight in [0, 1]
    (heavy, plain) = amap.relations
    assert (heavy.kind, heavy.source, heavy.target, heavy.weight) == ("supports", "1", "0", None)
    assert heavy.meta == {"weight": 2.0}
    assert (plain.source, plain.meta) == ("2", {})


def test_files_are_written_atomically_and_read_back(tmp_path: Path) -> None:
    amap = hand_made()
    write_graphml(amap, tmp_path / "m.graphml")
    write_gexf(amap, tmp_path / "m.gexf")
    assert read_graphml(tmp_path / "m.graphml") == amap
    assert read_gexf(tmp_path / "m.gexf") == amap
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.gexf", "m.graphml"]


BAD = [
    (
        "<graphml><graph></graphml>",
        "x.graphml:1:19: error: not GraphML: invalid XML (mismatched tag)",
    ),
    ("", "x.graphml:1:1: error: not GraphML: invalid XML (no element found)"),
    (
        "<graphml>\n<graph edgedefault='directed'>\n<node id='a'/>\n<node id='b'/>\n"
        "<edge source='a' target='b'/>\n</graph>\n</graphml>",
        None,
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_graphml_is_refused_with_located_errors(text: str, message: str | None) -> None:
    if message is None:
        # readable, and a valid map: a plain graph from another tool
        amap = parse_graphml(text, filename="x.graphml")
        assert [(r.kind, r.source, r.target) for r in amap.relations] == [("supports", "a", "b")]
        return
    with pytest.raises(argmap.FormatError) as caught:
        parse_graphml(text, filename="x.graphml")
    assert [str(i) for i in caught.value.issues] == [message]


def test_a_graph_that_is_no_valid_map_is_refused() -> None:
    text = (
        "<graphml><key id='k' for='node' attr.name='kind' attr.type='string'/>"
        "<graph edgedefault='directed'><node id='a'><data key='k'>thought</data></node>"
        "</graph></graphml>"
    )
    with pytest.raises(argmap.FormatError) as caught:
        parse_graphml(text, filename="x.graphml")
    assert len(caught.value.issues) == 1
    # Located at the node the problem is about.
    column = text.index("<node") + 1
    assert str(caught.value.issues[0]).startswith(f"x.graphml:1:{column}: error: ")
    assert "thought" in str(caught.value.issues[0])


def test_gexf_that_is_not_xml_is_located() -> None:
    with pytest.raises(argmap.FormatError) as caught:
        parse_gexf("<gexf>\n  <graph>\n</gexf>", filename="g.gexf")
    assert [str(i) for i in caught.value.issues] == [
        "g.gexf:3:3: error: not GEXF: invalid XML (mismatched tag)"
    ]


def test_a_graph_networkx_refuses_is_located_at_its_graph_element() -> None:
    # A namespace typo: well-formed XML, but networkx finds no GEXF graph in it.
    text = (
        '<?xml version="1.0"?>\n<gexf ymlns="http://www.gexf.net/1.2draft">\n  <graph/>\n</gexf>\n'
    )
    with pytest.raises(argmap.FormatError) as caught:
        parse_gexf(text, filename="g.gexf")
    assert [str(i) for i in caught.value.issues] == [
        "g.gexf:3:3: error: not a GEXF graph networkx can read: No <graph> element in GEXF file."
    ]


@pytest.mark.parametrize("encoding", ["TTF-8", "latin-1", "utf-16"])
def test_a_wrong_declared_encoding_does_not_stop_reading(encoding: str) -> None:
    # Found by fuzzing: an unknown encoding in the declaration raised LookupError. The file
    # was read as UTF-8, so the text is read as it is, whatever the declaration says.
    for name, parse in (
        ("foreign.graphml", parse_graphml),
        ("gephi.gexf", parse_gexf),
    ):
        text = (HERE / name).read_text(encoding="utf-8")
        assert 'encoding="UTF-8"' in text
        changed = parse(text.replace('encoding="UTF-8"', f'encoding="{encoding}"'), filename="f")
        assert changed == parse(text, filename="f")


def test_an_unknown_gexf_attribute_class_is_refused_located() -> None:
    # Found by fuzzing: networkx re-raises with no exception (RuntimeError) for it.
    text = (HERE / "gephi.gexf").read_text(encoding="utf-8").replace('class="node"', 'class="x"')
    with pytest.raises(argmap.FormatError) as caught:
        parse_gexf(text, filename="g.gexf")
    assert [str(i) for i in caught.value.issues] == [
        "g.gexf:4:3: error: not a GEXF graph networkx can read: unknown attribute class"
    ]


def test_a_malformed_encoding_declaration_is_an_xml_error() -> None:
    text = (HERE / "foreign.graphml").read_text(encoding="utf-8")
    with pytest.raises(argmap.FormatError) as caught:
        parse_graphml(text.replace('"UTF-8"', '"<UTF-8"'), filename="f.graphml")
    assert [str(i) for i in caught.value.issues] == [
        "f.graphml:1:31: error: not GraphML: invalid XML (XML declaration not well-formed)"
    ]


def test_a_key_without_a_type_is_read_as_a_string_without_a_word() -> None:
    # GraphML's attr.type defaults to string; networkx would warn on standard error.
    text = (HERE / "foreign.graphml").read_text(encoding="utf-8")
    typed = '<key id="c" for="node" attr.name="colour" attr.type="string"/>'
    assert typed in text
    found: list[argmap.Issue] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing may reach the warnings machinery
        amap = parse_graphml(
            text.replace(typed, typed.replace(' attr.type="string"', "")), warnings=found
        )
    assert amap.node("n0").meta["colour"] == "red"
    # The map's own warnings (it marks no thesis), nothing about the key.
    assert [i.code for i in found] == ["no-thesis"]


def test_ports_are_dropped_with_a_located_warning() -> None:
    text = (HERE / "foreign.graphml").read_text(encoding="utf-8")
    node = '<node id="n1"><data key="t">Japan followed the G7</data></node>'
    assert node in text
    text = text.replace(node, node.replace("</node>", '<port name="west"/></node>'))
    found: list[argmap.Issue] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        amap = parse_graphml(text, filename="ports.graphml", warnings=found)
    assert [str(i) for i in found if i.code == "dropped"] == [
        "ports.graphml:10:61: warning: ports (<port>) are not kept: the edges join the "
        "nodes themselves"
    ]
    assert ("n1", "n0") in [(r.source, r.target) for r in amap.relations]
