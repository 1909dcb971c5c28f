"""Corpora: reading maps together, resolving MAP-ID#NODE-ID references, pins, cycles, the graph."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import argmap
from argmap.model.reference import Reference, text_hash
from argmap.workspace import read_maps
from tests.support import DATA, MAPS, SEED_MAP

SEED = "shagina-2018-japan-sanctions"
COMPANION = MAPS / "shagina-2018-sasakawa-sanctions-unity.yaml"
#: Test data: a map that undercuts an inference of the seed map.
UNDERCUTTING = DATA / "workspace" / "undercutting.yaml"


def write_map(folder: Path, name: str, relations: str, *, uses: str | None = None) -> Path:
    """A small map in ``folder`` whose thesis ``t`` and claim ``c`` take these relations."""
    seed = os.path.relpath(SEED_MAP, folder)
    path = folder / f"{name}.yaml"
    path.write_text(
        "argmap: 1\n"
        f"id: {name}\n"
        "title: A map that builds on the seed\n"
        f"uses: [{uses if uses is not None else seed}]\n"
        "nodes:\n"
        "  - {id: t, kind: claim, thesis: true, text: The new thesis.}\n"
        "  - {id: c, kind: claim, text: A new claim.}\n"
        "relations:\n"
        "  - {kind: supports, from: c, to: t}\n" + relations,
        encoding="utf-8",
    )
    return path


def messages(corpus: argmap.Workspace) -> list[str]:
    return [str(issue) for issue in corpus.issues]


def test_the_companion_map_resolves_every_reference_to_the_seed_map() -> None:
    corpus = read_maps(COMPANION)
    assert list(corpus.maps) == ["shagina-2018-sasakawa-sanctions-unity", SEED]
    assert corpus.files[SEED] == Path(os.path.normpath(MAPS / f"{SEED}.yaml"))
    assert corpus.issues == []
    targets = [(r.reference.key, type(r.target).__name__) for r in corpus.references]
    assert targets == [
        (f"{SEED}#symbolic-sanctions", "Claim"),
        (f"{SEED}#closing-critique", "Claim"),
        (f"{SEED}#closing-critique", "Claim"),
    ]
    # An inference of one map can be the target of another's relation.
    undercutting = read_maps(UNDERCUTTING)
    assert undercutting.issues == []
    [undercut] = [r for r in undercutting.references if r.reference.node_id == "r-territory"]
    assert type(undercut.target).__name__ == "Relation" and undercut.path[-1] == "to"
    assert corpus.users(f"{SEED}#closing-critique") == ["shagina-2018-sasakawa-sanctions-unity"]
    assert corpus.uses_closure("shagina-2018-sasakawa-sanctions-unity") == [
        "shagina-2018-sasakawa-sanctions-unity",
        SEED,
    ]
    assert corpus.uses_closure("shagina-2018-sasakawa-sanctions-unity", depth=0) == [
        "shagina-2018-sasakawa-sanctions-unity"
    ]


def test_the_companion_map_pins_the_current_text_of_the_seed_claims() -> None:
    corpus = read_maps(COMPANION)
    for ref in corpus.references:
        if ref.reference.pin is not None:
            assert ref.reference.pin == text_hash(corpus.node(ref.reference.key).text)


def test_a_map_read_alone_says_once_that_its_references_wait_for_its_corpus() -> None:
    amap = argmap.read_map(COMPANION)
    issues = [str(i) for i in argmap.check(amap)]
    assert len(issues) == 1
    assert issues[0].endswith(
        f"warning: '{SEED}#symbolic-sanctions@sha256:{text_hash(amap_text('symbolic-sanctions'))}'"
        " names a node of another map; not resolved: read the map with its corpus "
        "(argmap.read_maps, or argmap check on its folder)"
    )
    assert ":69:9: " in issues[0]


def amap_text(node_id: str) -> str:
    return argmap.read_map(SEED_MAP).node(node_id).text


BAD_REFERENCES = [
    (
        "  - {kind: supports, from: c, to: shagina-2018-japan-sanction#g7-solidarity}\n",
        "10:35: error: 'shagina-2018-japan-sanction#g7-solidarity' names unknown map "
        f"'shagina-2018-japan-sanction'; did you mean '{SEED}'?; add its file to 'uses' or "
        "read it with this map",
    ),
    (
        f"  - {{kind: supports, from: c, to: {SEED}#g7-solidarty}}\n",
        f"10:35: error: '{SEED}#g7-solidarty': map '{SEED}' has no node 'g7-solidarty'; "
        "did you mean 'g7-solidarity'?",
    ),
    (
        f"  - {{kind: undercuts, from: c, to: {SEED}#r-territroy}}\n",
        f"10:36: error: '{SEED}#r-territroy': map '{SEED}' has no relation 'r-territroy'; "
        "did you mean 'r-territory'?; undercuts target a relation id",
    ),
    (
        f"  - {{kind: pushes, from: {SEED}#territorial-dispute, to: t}}\n",
        "10:12: error: pushes relation: pushes must come from a push factor, but "
        f"'{SEED}#territorial-dispute' is not",
    ),
    (
        f"  - {{kind: supports, from: c, to: {SEED}#symbolic-sanctions@sha256:0123456789ab}}\n",
        f"10:35: warning: the text of {SEED}#symbolic-sanctions changed since it was pinned; "
        "check that this map still agrees with it, then re-pin with "
        f"'{SEED}#symbolic-sanctions@sha256:{text_hash(amap_text('symbolic-sanctions'))}'",
    ),
]


@pytest.mark.parametrize(("relation", "expected"), BAD_REFERENCES)
def test_a_bad_reference_is_located_with_a_suggestion(
    tmp_path: Path, relation: str, expected: str
) -> None:
    path = write_map(tmp_path, "new", relation)
    corpus = read_maps(path)
    assert messages(corpus) == [f"{path}:{expected}"]
    assert corpus.is_valid == ("warning" in expected)


def test_a_reference_to_a_map_outside_uses_is_a_warning(tmp_path: Path) -> None:
    path = write_map(tmp_path, "new", f"  - {{kind: supports, from: c, to: {SEED}#t2}}\n", uses="")
    (tmp_path / "other.yaml").write_text(
        f"argmap: 1\nid: {SEED}-copy\ntitle: T\nnodes: [{{id: t2, kind: claim, text: T.}}]\n",
        encoding="utf-8",
    )
    corpus = read_maps([path, SEED_MAP])
    assert messages(corpus) == [f"{path}:10:35: error: '{SEED}#t2': map '{SEED}' has no node 't2'"]
    relation = f"  - {{kind: supports, from: c, to: {SEED}#symbolic-sanctions}}\n"
    path = write_map(tmp_path, "new", relation, uses="")
    corpus = read_maps([path, SEED_MAP])
    assert messages(corpus) == [
        f"{path}:10:35: warning: '{SEED}#symbolic-sanctions' names a map that is not in 'uses'; "
        f"add its file ({os.path.normpath(SEED_MAP)}) to 'uses'"
    ]


def test_a_missing_used_file_is_an_error_at_its_uses_entry(tmp_path: Path) -> None:
    path = write_map(tmp_path, "new", "", uses="missing.yaml")
    corpus = read_maps(path)
    assert messages(corpus) == [
        f"{path}:4:8: error: 'uses' names '{tmp_path / 'missing.yaml'}', which does not exist"
    ]


def test_a_support_cycle_through_two_maps_is_an_error(tmp_path: Path) -> None:
    a = write_map(tmp_path, "a", "  - {kind: supports, from: t, to: b#c}\n", uses="b.yaml")
    write_map(tmp_path, "b", "  - {kind: supports, from: t, to: a#c}\n", uses="a.yaml")
    corpus = read_maps(tmp_path)
    assert sorted(corpus.maps) == ["a", "b"]
    assert messages(corpus) == [
        f"{tmp_path / 'b.yaml'}:10:5: error: support cycle across maps (circular reasoning): "
        "a#c -> a#t -> b#c -> b#t -> a#c"
    ]
    assert a.exists()


def test_two_maps_with_one_id_are_an_error(tmp_path: Path) -> None:
    write_map(tmp_path, "a", "")
    copy = tmp_path / "z.yaml"
    copy.write_text((tmp_path / "a.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    corpus = read_maps(tmp_path)
    assert messages(corpus) == [
        f"{copy}:2:5: error: map id 'a' is taken by {tmp_path / 'a.yaml'}; "
        "map ids must be unique in a corpus"
    ]


def test_a_map_with_errors_leaves_its_errors_and_the_rest_reads(tmp_path: Path) -> None:
    write_map(tmp_path, "a", "  - {kind: supports, from: c, to: nowhere}\n")
    corpus = read_maps(tmp_path)
    # A map that does not read cannot say what it uses: the seed map is not read either.
    assert list(corpus.maps) == []
    assert [i.code for i in corpus.errors] == ["unknown-node"]


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(argmap.MapError, match="no map files"):
        read_maps(tmp_path)


def test_the_corpus_graph_has_one_node_for_a_reused_claim() -> None:
    graph = read_maps(MAPS).to_networkx()
    companion = "shagina-2018-sasakawa-sanctions-unity"
    critique = graph.nodes[f"{SEED}#closing-critique"]
    assert critique["map"] == SEED
    assert critique["maps"] == [SEED, companion]
    assert critique["kind"] == "claim"
    assert graph.nodes[f"{companion}#short-run-balance"]["maps"] == [companion]
    edge = graph.edges[f"{companion}#western-sanctions-cost", f"{SEED}#closing-critique"]
    assert (edge["kind"], edge["map"]) == ("supports", companion)
    seed = argmap.read_map(SEED_MAP)
    # The seed's two junctions (a linked argument, an undercut inference), the companion's
    # 4 nodes.
    assert graph.number_of_nodes() == len(seed.nodes) + 2 + 4


def test_an_inference_another_map_undercuts_is_a_junction_both_maps_meet_at() -> None:
    graph = read_maps(UNDERCUTTING).to_networkx()
    junction = f"{SEED}#r-territory"
    assert graph.nodes[junction]["type"] == "relation"
    assert sorted(graph.predecessors(junction)) == [
        f"{SEED}#territorial-dispute",
        "undercutting#u-cost",
    ]
    assert list(graph.successors(junction)) == [f"{SEED}#sanctions-imposed"]


def test_references_parse_with_and_without_a_pin() -> None:
    assert str(Reference("m#n")) == "m#n"
    assert Reference("m#n@sha256:abcdef01").pin == "abcdef01"
    with pytest.raises(ValueError, match="local node id"):
        Reference("n")


@pytest.mark.parametrize(
    "endpoint", ["m#", "#n", "m#n@sha256:ABC", "m#n@sha256:abc", "m#n@md5:abcdef01", "m#n#o"]
)
def test_a_malformed_reference_is_refused_with_the_syntax(endpoint: str) -> None:
    text = (
        "argmap: 1\nid: m2\ntitle: T\nnodes: [{id: a, kind: claim, text: A, thesis: true}]\n"
        f'relations: [{{kind: supports, from: a, to: "{endpoint}"}}]\n'
    )
    with pytest.raises(argmap.MapError) as info:
        argmap.parse_map(text, filename="m2.yaml")
    assert str(info.value.issues[0]) == (
        f"m2.yaml:5:43: error: invalid id '{endpoint}': ids use letters, digits, '_', '.', ':' "
        "and '-', and start with a letter, digit or '_'; a node of another map is "
        "MAP-ID#NODE-ID, pinned MAP-ID#NODE-ID@sha256:HEX"
    )


def test_json_maps_read_as_a_corpus_say_what_read_map_says(tmp_path: Path) -> None:
    seed = argmap.read_map(SEED_MAP)
    argmap.write_map(seed.model_copy(update={"bibliography": []}), tmp_path / f"{SEED}.json")
    text = (
        '{"argmap": 1, "id": "new", "title": "New", "uses": ["' + SEED + '.json"],\n'
        ' "nodes": [{"id": "t", "kind": "claim", "thesis": true, "text": "T."}],\n'
        ' "relations": [\n'
        '  {"kind": "supports", "from": "t", "to": "' + SEED + '#g7-solidarty"}]}\n'
    )
    (tmp_path / "new.json").write_text(text, encoding="utf-8")
    corpus = read_maps(tmp_path / "new.json")
    assert messages(corpus) == [
        f"{tmp_path / 'new.json'}:4:43: error: '{SEED}#g7-solidarty': map '{SEED}' has no "
        "node 'g7-solidarty'; did you mean 'g7-solidarity'?"
    ]
    assert corpus.references[0].location == corpus.issues[0].location
    # A repeated key, which json.loads would let pass, is the reader's own error.
    (tmp_path / "new.json").write_text(text.replace('"title": "New"', '"id": "x"'), "utf-8")
    with pytest.raises(argmap.MapError) as info:
        argmap.read_map(tmp_path / "new.json")
    assert messages(read_maps(tmp_path / "new.json")) == [str(i) for i in info.value.issues]


def test_a_folders_csl_bibliographies_are_not_read_as_maps(tmp_path: Path) -> None:
    """A map's CSL-JSON or CSL-YAML bibliography may sit beside it: a folder's listing
    passes over it, and a map naming it reads it as its bibliography."""
    from argmap.workspace.reading import expand_map_paths

    (tmp_path / "refs.json").write_text(
        '[{"id": "shagina2018dilemma", "type": "report", "title": "Japan\'s Dilemma"}]\n',
        encoding="utf-8",
    )
    (tmp_path / "more.yaml").write_text(
        "---\nreferences:\n  - id: other\n    type: book\n    title: Other\n", encoding="utf-8"
    )
    text = SEED_MAP.read_text(encoding="utf-8")
    text = text.replace("../bibliography/shagina-japan-russia.bib", "refs.json")
    (tmp_path / "seed.yaml").write_text(text, encoding="utf-8")
    workspace = read_maps(tmp_path)
    assert [i for i in workspace.issues if i.is_error] == []
    assert workspace.given == [SEED]
    assert sorted(Path(p).name for p in workspace.inputs.values()) == ["refs.json", "seed.yaml"]
    assert [p.name for p in expand_map_paths([tmp_path])] == ["seed.yaml"]
    # Named on its own, the file is what the user says it is: a map, which it is not.
    (error,) = read_maps(tmp_path / "refs.json").errors
    assert error.code == "type" and "is a CSL bibliography: name it under" in error.message
