"""Interchange of corpora: AIF nodesets that share I-nodes, GraphML and GEXF with a map column."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.formats.aif import dump_aif
from argmap.formats.argdown import dump_argdown
from argmap.formats.graphml import (
    dump_gexf,
    dump_graphml,
    generate_gexf,
    generate_graphml,
    parse_gexf,
    parse_graphml,
)
from argmap.workspace.aif import (
    dump_corpus_aif,
    import_aif_corpus,
    read_aif_corpus,
    write_corpus_aif,
)
from tests.support import DATA, MAPS

SEED = "shagina-2018-japan-sanctions"
COMPANION = "shagina-2018-sasakawa-sanctions-unity"


def test_a_corpus_round_trips_through_aif_nodesets(tmp_path: Path) -> None:
    corpus = argmap.read_maps(MAPS)
    paths = write_corpus_aif(corpus, tmp_path)
    assert [p.name for p in paths] == [f"{SEED}.aif.json", f"{COMPANION}.aif.json"]
    back = read_aif_corpus(tmp_path)
    assert back.issues == []
    assert back.maps[SEED] == corpus.maps[SEED]
    assert back.maps[COMPANION].nodes == corpus.maps[COMPANION].nodes
    # AIF has no place for pins: the references come back unpinned.
    assert [r.reference.key for r in back.references] == [
        r.reference.key for r in corpus.references
    ]
    assert all(r.target is not None and r.reference.pin is None for r in back.references)


def test_a_corpus_nodeset_holds_the_nodes_it_shares_under_one_id() -> None:
    texts = dump_corpus_aif(argmap.read_maps(MAPS))
    seed, companion = (json.loads(texts[m]) for m in (SEED, COMPANION))
    by_id = {n["nodeID"]: n for n in seed["nodes"]}
    copies = [n for n in companion["nodes"] if n["nodeID"] in by_id]
    assert [(n["nodeID"], n["type"]) for n in copies] == [
        ("symbolic-sanctions", "I"),
        ("closing-critique", "I"),
    ]
    assert all(n["text"] == by_id[n["nodeID"]]["text"] for n in copies)


def test_an_inference_another_map_undercuts_comes_into_its_nodeset_with_its_ends() -> None:
    workspace = argmap.read_maps(DATA / "workspace" / "undercutting.yaml")
    nodeset = json.loads(dump_corpus_aif(workspace)["undercutting"])
    seed = json.loads(dump_corpus_aif(workspace)[SEED])
    by_id = {n["nodeID"]: n for n in seed["nodes"]}
    copies = [n for n in nodeset["nodes"] if n["nodeID"] in by_id]
    assert [(n["nodeID"], n["type"]) for n in copies] == [
        ("symbolic-sanctions", "I"),
        ("territorial-dispute", "I"),
        ("sanctions-imposed", "I"),
        ("closing-critique", "I"),
        ("r-territory", "CA"),
    ]
    undercut = next(n for n in nodeset["nodes"] if n["nodeID"] == "u-undercut")
    assert [e["toID"] for e in nodeset["edges"] if e["fromID"] == "u-undercut"] == ["r-territory"]
    assert undercut["type"] == "CA"


def test_converting_one_map_writes_the_nodeset_a_corpus_export_writes(tmp_path: Path) -> None:
    out = tmp_path / "c.aif.json"
    result = CliRunner().invoke(main, ["convert", str(MAPS / f"{COMPANION}.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {out}\n"
    assert out.read_text(encoding="utf-8") == dump_corpus_aif(argmap.read_maps(MAPS))[COMPANION]


def test_a_map_that_names_other_maps_is_refused_by_the_single_map_writer() -> None:
    amap = argmap.read_map(MAPS / f"{COMPANION}.yaml")
    with pytest.raises(argmap.FormatError, match="relations name 3 nodes of other maps"):
        dump_aif(amap)


def test_two_maps_with_one_id_cannot_share_a_corpus_of_nodesets(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "argmap: 1\nid: a\ntitle: A\nnodes: [{id: t, kind: claim, thesis: true, text: A.}]\n",
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text(
        "argmap: 1\nid: b\ntitle: B\nuses: [a.yaml]\n"
        "nodes: [{id: t, kind: claim, thesis: true, text: B.}]\n"
        "relations: [{kind: supports, from: a#t, to: t}]\n",
        encoding="utf-8",
    )
    with pytest.raises(argmap.FormatError) as info:
        dump_corpus_aif(argmap.read_maps(tmp_path / "b.yaml"))
    assert [str(i) for i in info.value.issues] == [
        f"{tmp_path / 'a.yaml'}: error: 't' is an id of both 'b' and 'a'; the AIF nodesets of "
        "a corpus share ids, so rename one of them"
    ]


def split_nodeset(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Two AIFdb nodesets from one: the second takes the last inference between I-nodes."""
    kinds = {n["nodeID"]: n["type"] for n in data["nodes"]}

    def touching(node_id: str) -> list[dict[str, Any]]:
        return [e for e in data["edges"] if node_id in (e["fromID"], e["toID"])]

    candidates = [
        n["nodeID"]
        for n in reversed(data["nodes"])
        if n["type"] in ("RA", "CA")
        and all(
            x == n["nodeID"] or kinds[x] == "I"
            for e in touching(n["nodeID"])
            for x in (e["fromID"], e["toID"])
        )
    ]
    if not candidates:
        return None
    moved = candidates[0]
    edges = touching(moved)
    ends = {e["fromID"] for e in edges} | {e["toID"] for e in edges}
    first = {
        "nodes": [n for n in data["nodes"] if n["nodeID"] != moved],
        "edges": [e for e in data["edges"] if e not in edges],
        "locutions": [],
    }
    second = {"nodes": [n for n in data["nodes"] if n["nodeID"] in ends], "edges": edges}
    return first, second


def parts_made(texts: dict[str, str]) -> list[str]:
    return [name for name in texts if name.endswith("-part2.json")]


def test_real_aifdb_nodesets_that_share_i_nodes_read_as_a_corpus(corpora: Path) -> None:
    files = sorted((corpora / "microtexts-aif").glob("nodeset*.json"))
    texts: dict[str, str] = {}
    shared_ends = 0
    for path in files:
        split = split_nodeset(json.loads(path.read_text(encoding="utf-8")))
        if split is None:
            continue
        first, second = split
        shared_ends += sum(1 for n in second["nodes"] if n["type"] == "I")
        texts[f"{path.stem}.json"] = json.dumps(first)
        texts[f"{path.stem}-part2.json"] = json.dumps(second)
    corpus = import_aif_corpus(texts)
    assert corpus.errors == []
    assert len(corpus.maps) == 2 * len(parts_made(texts)) > 20
    parts = [m for m in corpus.maps if m.endswith("-part2")]
    # The second halves hold no statement of their own: every end is a reference.
    assert all(corpus.maps[m].nodes == [] for m in parts)
    assert len(corpus.references) == shared_ends
    assert all(r.target is not None for r in corpus.references)
    assert {r.reference.map_id for r in corpus.references} == {p[: -len("-part2")] for p in parts}
    graph = corpus.to_networkx()
    reused = [k for k, a in graph.nodes(data=True) if len(a.get("maps", [])) == 2]
    assert len(reused) == len({r.reference.key for r in corpus.references})


def test_graphml_and_gexf_of_a_corpus_carry_the_map_of_each_node(tmp_path: Path) -> None:
    corpus = argmap.read_maps(MAPS)
    path = tmp_path / "corpus.graphml"
    path.write_text(generate_graphml(corpus.to_networkx()), encoding="utf-8")
    graph = nx.read_graphml(path)
    critique = graph.nodes[f"{SEED}#closing-critique"]
    assert critique["map"] == SEED
    assert json.loads(critique["maps"]) == [SEED, COMPANION]
    edge = graph.edges[f"{COMPANION}#short-run-balance", f"{SEED}#symbolic-sanctions"]
    assert (edge["kind"], edge["map"]) == ("rephrases", COMPANION)
    gexf = ET.fromstring(generate_gexf(corpus.to_networkx()))
    titles = {a.get("title") for a in gexf.iter() if a.tag.endswith("}attribute")}
    assert {"map", "maps"} <= titles


def test_a_map_that_builds_on_another_round_trips_through_graphml_and_gexf() -> None:
    amap = argmap.read_map(MAPS / f"{COMPANION}.yaml")
    assert parse_graphml(dump_graphml(amap)) == amap
    assert parse_gexf(dump_gexf(amap)) == amap


def test_argdown_refuses_a_map_that_names_other_maps() -> None:
    amap = argmap.read_map(MAPS / f"{COMPANION}.yaml")
    with pytest.raises(argmap.FormatError, match="an Argdown document cannot refer"):
        dump_argdown(amap)


def test_a_map_converts_to_aif_though_a_map_it_uses_has_a_relation_id_of_the_same_name(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.yaml").write_text(
        "argmap: 1\nid: a\ntitle: A\n"
        "nodes: [{id: t, kind: claim, thesis: true, text: A.}, {id: p, kind: claim, text: P.}]\n"
        "relations: [{id: r1, kind: supports, from: p, to: t}]\n",
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text(
        "argmap: 1\nid: b\ntitle: B\nuses: [a.yaml]\n"
        "nodes: [{id: s, kind: claim, thesis: true, text: B.}]\n"
        "relations: [{id: r1, kind: supports, from: 'a#t', to: s}]\n",
        encoding="utf-8",
    )
    out = tmp_path / "b.aif.json"
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "b.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    nodeset = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(n["nodeID"] for n in nodeset["nodes"]) == ["r1", "s", "t"]
