"""AIF import and export: each rule on a hand-made case, losslessness on a real corpus."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap, Claim, Evidence, Factor, FormatError, Issue, Relation
from argmap.formats.aif import EXTENSION_KEY, dump_aif, parse_aif, read_aif, write_aif
from argmap.schemes import builtin_catalogue
from tests.support import DATA, GOLDEN, SEED_MAP

AIF_DATA = DATA / "aif"
GOLDEN_AIF = GOLDEN / "aif"
#: Set to 1 to rewrite the golden files from the current output.
REGENERATE = os.environ.get("ARGMAP_REGENERATE") == "1"


def aif_and_warnings(text: str, *, filename: str = "<string>") -> tuple[ArgumentMap, list[Issue]]:
    warnings: list[Issue] = []
    return parse_aif(text, filename=filename, warnings=warnings), warnings


def load(name: str) -> tuple[str, ArgumentMap, list[argmap.Issue]]:
    path = AIF_DATA / name
    text = path.read_text(encoding="utf-8")
    amap, warnings = aif_and_warnings(text, filename=str(path))
    return text, amap, warnings


def summary(data: dict[str, Any]) -> dict[str, Any]:
    """What lossless means: nodes (ids, types, texts, schemes), edges and locutions."""
    graph = data.get("AIF", data)
    return {
        "nodes": sorted(
            (str(n["nodeID"]), n.get("type"), n.get("text"), n.get("scheme"), n.get("schemeID"))
            for n in graph["nodes"]
        ),
        "edges": sorted(
            (str(e.get("edgeID")), str(e["fromID"]), str(e["toID"])) for e in graph["edges"]
        ),
        "locutions": graph.get("locutions"),
    }


def strip_extension(value: Any) -> Any:
    """AIF as a tool that knows nothing of argmap sees it."""
    if isinstance(value, dict):
        return {k: strip_extension(v) for k, v in value.items() if k != EXTENSION_KEY}
    if isinstance(value, list):
        return [strip_extension(v) for v in value]
    return value


# -- the real corpus -------------------------------------------------------------------------


def microtexts(corpora: Path) -> list[Path]:
    files = sorted((corpora / "microtexts-aif").glob("*.json"))
    assert len(files) == 110
    return files


def test_every_microtext_survives_import_export_import(corpora: Path) -> None:
    for path in microtexts(corpora):
        text = path.read_text(encoding="utf-8")
        amap, warnings = aif_and_warnings(text, filename=str(path))
        assert warnings == [], path
        assert [i for i in argmap.check(amap) if i.is_error] == [], path
        out = dump_aif(amap)
        assert summary(json.loads(out)) == summary(json.loads(text)), path
        # Stronger than the summary: the very same data, in the same order.
        assert json.loads(out) == json.loads(text), path
        assert parse_aif(out, filename=str(path)) == amap, path


def test_microtext_nodes_become_claims_and_scheme_nodes_relations(corpora: Path) -> None:
    undercuts = 0
    for path in microtexts(corpora):
        data = json.loads(path.read_text(encoding="utf-8"))
        amap = read_aif(path)
        types = {n["nodeID"]: n["type"] for n in data["nodes"]}
        atoms = [n for n in data["nodes"] if n["type"] == "I"]
        assert [(c.id, c.text) for c in amap.claims] == [(n["nodeID"], n["text"]) for n in atoms]
        assert len(amap.nodes) == len(atoms)
        schemes = [n for n in data["nodes"] if n["type"] != "I"]
        assert [r.id for r in amap.relations] == [n["nodeID"] for n in schemes]
        for node in schemes:
            relation = amap.relation(node["nodeID"])
            into = [e["fromID"] for e in data["edges"] if e["toID"] == node["nodeID"]]
            out = [e["toID"] for e in data["edges"] if e["fromID"] == node["nodeID"]]
            premises = [p for p in into if types[p] == "I"]
            assert relation.sources == premises
            assert [relation.target] == out
            assert relation.scheme == node["text"]
            if node["type"] == "RA":
                assert relation.kind == "supports"
            elif types[out[0]] == "I":
                assert relation.kind == "attacks"
            else:
                assert relation.kind == "undercuts"
                undercuts += 1
    # The corpus README promises undercuts (CA nodes pointing at scheme nodes).
    assert undercuts == sum(
        1
        for path in microtexts(corpora)
        for data in [json.loads(path.read_text(encoding="utf-8"))]
        for e in data["edges"]
        if {n["nodeID"]: n["type"] for n in data["nodes"]}[e["fromID"]] == "CA"
        and {n["nodeID"]: n["type"] for n in data["nodes"]}[e["toID"]] != "I"
    )
    assert undercuts > 0


# -- the seed map: argmap -> AIF -> argmap ------------------------------------------------------


def test_seed_map_survives_export_and_import(seed_map: ArgumentMap) -> None:
    text = dump_aif(seed_map)
    again, warnings = aif_and_warnings(text)
    assert warnings == []
    assert again == seed_map


def test_seed_map_in_aif_shows_kinds_to_aif_tools(seed_map: ArgumentMap) -> None:
    data = json.loads(dump_aif(seed_map))
    nodes = {n["nodeID"]: n for n in data["nodes"]}
    assert all(nodes[n.id]["type"] == "I" for n in seed_map.nodes)
    # A push or pull without a scheme says which it is; one with a scheme names it.
    assert (nodes["r-obligation"]["type"], nodes["r-obligation"]["text"]) == ("RA", "Push Factor")
    assert (nodes["r-russia-role"]["type"], nodes["r-russia-role"]["text"]) == ("CA", "Pull Factor")
    assert (nodes["r-g7"]["type"], nodes["r-g7"]["text"]) == ("RA", "Practical Reasoning")
    assert (nodes["r-question"]["type"], nodes["r-question"]["text"]) == ("CA", "Critical Question")
    assert nodes["r-balance"]["type"] == "RA"
    edges = {(e["fromID"], e["toID"]) for e in data["edges"]}
    # The undercut is an edge from a CA node into the RA node of the inference it attacks.
    assert {("closing-critique", "r-critique"), ("r-critique", "r-calculation")} <= edges
    assert {("sanctions-imposed", "r-balance"), ("avoid-irritation", "r-balance")} <= edges
    # Citations travel in the extension key, which AIF tools ignore.
    evidence = nodes["ukraine-crisis-timing"][EXTENSION_KEY]
    assert evidence["kind"] == "evidence"
    assert evidence["cites"][0]["key"] == "shagina2018dilemma"
    assert data[EXTENSION_KEY]["id"] == seed_map.id


def test_seed_map_in_aif_reads_without_the_extension(seed_map: ArgumentMap) -> None:
    plain = json.dumps(strip_extension(json.loads(dump_aif(seed_map))))
    amap, warnings = aif_and_warnings(plain)
    assert warnings == []
    assert [n.id for n in amap.nodes] == [n.id for n in seed_map.nodes]
    assert all(isinstance(n, Claim) for n in amap.nodes)
    kinds = {r.id: r.kind for r in amap.relations}
    assert kinds["r-g7"] == "supports"
    assert kinds["r-territory"] == "attacks"
    assert kinds["r-critique"] == "undercuts"
    assert amap.relation("r-balance").sources == ["sanctions-imposed", "avoid-irritation"]


def test_seed_map_golden_aif(seed_map: ArgumentMap) -> None:
    golden = GOLDEN_AIF / "shagina-2018-japan-sanctions.aif.json"
    text = dump_aif(seed_map)
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


# -- one rule per hand-made case --------------------------------------------------------------


def test_linked_premises_and_scheme_nodes() -> None:
    text, amap, warnings = load("linked-and-schemes.json")
    assert warnings == []
    expert = amap.relation("13")
    assert (expert.kind, expert.source, expert.target) == ("supports", ["10", "11"], "12")
    assert expert.is_linked
    assert expert.scheme == "Argument From Expert Opinion"
    assert expert.meta["aif"]["schemeID"] == "25"
    assert expert.meta["aif"]["scheme"] == "Argument From Expert Opinion"
    assert [(r.id, r.kind) for r in amap.relations[1:]] == [
        ("15", "attacks"),
        ("17", "rephrases"),
        ("18", "prefers"),
    ]
    assert amap.node("10").meta["aif"] == {"timestamp": "2019-03-01 10:00:00"}
    assert json.loads(dump_aif(amap)) == json.loads(text)


def test_conflict_into_a_scheme_node_is_an_undercut_and_integer_ids_come_back() -> None:
    text, amap, warnings = load("undercut.json")
    assert warnings == []
    assert [(r.id, r.kind, r.target) for r in amap.relations] == [
        ("3", "supports", "2"),
        ("5", "undercuts", "3"),
        ("7", "undercuts", "5"),
    ]
    assert amap.undercutters("3")[0].text == "The street cleaners came by this morning."
    out = json.loads(dump_aif(amap))
    assert out == json.loads(text)
    assert all(isinstance(n["nodeID"], int) for n in out["nodes"])


def test_ova_wrapper_layout_and_participants_come_back() -> None:
    text, amap, warnings = load("ova-xaif.json")
    assert warnings == []
    assert amap.relation("a3").sources == ["a2"]
    assert amap.meta["aif"]["wrapper"]["OVA"]["nodes"][0]["x"] == 410
    out = json.loads(dump_aif(amap))
    assert list(out) == ["AIF", "OVA", "text"]
    assert out == json.loads(text)


def test_dialogue_nodes_and_repeated_locutions_are_kept() -> None:
    text, amap, warnings = load("dialogue.json")
    assert warnings == []
    assert [n.id for n in amap.nodes] == ["501", "504"]
    # The YA anchoring the inference is dialogue, not a premise.
    assert (amap.relation("507").source, amap.relation("507").target) == ("504", "501")
    kept = amap.meta["aif"]["nodes"]
    assert sorted(n["type"] for n in kept) == ["L", "L", "TA", "YA", "YA", "YA"]
    out = json.loads(dump_aif(amap))
    assert len(out["locutions"]) == 3
    assert out == json.loads(text)
    assert summary(out) == summary(json.loads(text))


def test_irregular_scheme_nodes_and_unknown_types_are_kept_with_warnings() -> None:
    text, amap, warnings = load("irregular.json")
    where = str(AIF_DATA / "irregular.json")
    assert [(i.code, str(i.location)) for i in warnings] == [
        ("scheme-kept", f"{where}:4:5"),
        ("scheme-kept", f"{where}:6:5"),
        ("no-text", f"{where}:7:5"),
        ("unknown-type", f"{where}:8:5"),
        ("unknown-type", f"{where}:9:5"),
        ("scheme-kept", f"{where}:11:5"),
        ("atom-edge", f"{where}:16:5"),
    ]
    assert all(not i.is_error for i in warnings)
    assert str(warnings[0]) == (
        f"{where}:4:5: warning: RA node '2' has no premise (no edge from an I-node into it); "
        "it is kept as it is and written back on export"
    )
    assert "only conflicts (CA) can undercut" in warnings[5].message
    assert [r.id for r in amap.relations] == ["8"]
    assert amap.node("5").text == "(no text)"
    assert [i for i in argmap.check(amap) if i.is_error] == []
    assert json.loads(dump_aif(amap)) == json.loads(text)


def test_relations_the_checks_refuse_are_kept_as_they_are() -> None:
    text, amap, warnings = load("cycle.json")
    assert [r.id for r in amap.relations] == ["r1"]
    assert [i.code for i in warnings] == ["scheme-kept", "scheme-kept"]
    assert "support cycle" in warnings[0].message
    assert "relates 'p' to itself" in warnings[1].message
    assert json.loads(dump_aif(amap)) == json.loads(text)


def test_ids_that_are_not_argmap_ids_are_made_valid_and_restored() -> None:
    text, amap, warnings = load("odd-ids.json")
    assert [n.id for n in amap.nodes] == ["node_1-2", "node_1"]
    assert amap.node("node_1-2").meta["aif"]["nodeID"] == "node 1"
    assert amap.relations[0].id == "_-ra"
    assert [i.code for i in warnings] == ["repeated-node"]
    out = json.loads(dump_aif(amap))
    original = json.loads(text)
    # The repeated row is read once and written once; nothing else changes.
    assert out["nodes"] == original["nodes"][:3]
    assert out["edges"] == original["edges"]


def test_empty_map() -> None:
    text, amap, warnings = load("empty.json")
    assert (amap.id, amap.title, amap.nodes, amap.relations) == ("empty", "empty", [], [])
    assert warnings == []
    assert json.loads(dump_aif(amap)) == json.loads(text)


def test_extension_gives_evidence_citations_and_map_fields() -> None:
    text, amap, warnings = load("extension.json")
    assert (amap.id, amap.title) == ("sanctions", "Sanctions")
    assert amap.thesis is not None and amap.thesis.id == "t"
    evidence = amap.node("e")
    assert isinstance(evidence, Evidence)
    assert evidence.cites[0].key == "shagina2018dilemma"
    # Evidence without a citation breaks the map's rules: read as a claim, warned about.
    assert isinstance(amap.node("u"), Claim)
    assert [(i.code, i.location.line if i.location else None) for i in warnings] == [
        ("bad-extension", 8)
    ]
    assert json.loads(dump_aif(amap)) == json.loads(text)


# -- what cannot be read -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bad-syntax.json", ["3:18: error: not valid JSON: Expecting ',' delimiter"]),
        (
            "bad-no-nodes.json",
            [
                "1:9: error: the 'AIF' object has no node list; AIF puts its nodes under "
                "'nodes' (plain AIF) or 'AIF.nodes' (OVA, xAIF)"
            ],
        ),
        (
            "bad-refs.json",
            [
                "4:5: error: node has no 'nodeID'; every AIF node needs an id",
                "6:16: error: duplicate node id '3' (first at nodes[2]) with different "
                "content; edges to it would be ambiguous",
                "7:16: error: 'nodeID' must be a string or an integer, got a boolean",
                "11:44: error: edge toID '99' names no node of the file",
                "12:5: error: edge has no 'fromID'",
            ],
        ),
    ],
)
def test_unreadable_files_list_every_problem_located(name: str, expected: list[str]) -> None:
    path = AIF_DATA / name
    with pytest.raises(FormatError) as caught:
        read_aif(path)
    assert [str(i) for i in caught.value.issues] == [f"{path}:{line}" for line in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "<string>:1:1: error: the file is empty; expected an AIF JSON object"),
        (
            "[1, 2]",
            "<string>:1:1: error: expected a JSON object with 'nodes' and 'edges', got a list",
        ),
        ('{"nodes": {}}', "<string>:1:11: error: 'nodes' must be a list, got an object"),
        (
            '{"nodes": [], "edges": [7]}',
            "<string>:1:25: error: an edge must be a JSON object, got a number",
        ),
    ],
)
def test_unreadable_text(text: str, expected: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse_aif(text)
    assert [str(i) for i in caught.value.issues] == [expected]


def test_missing_file() -> None:
    with pytest.raises(FormatError, match="no such file"):
        read_aif(AIF_DATA / "absent.json")


# -- maps edited between import and export ----------------------------------------------------


def test_edits_after_import_survive_export(corpora: Path) -> None:
    path = corpora / "microtexts-aif" / "nodeset6361.json"
    amap = read_aif(path)
    target = amap.nodes[0].id
    nodes = [
        *amap.nodes,
        Factor(id="cost", text="Sorting costs households time.", direction="pull", weight=0.4),
    ]
    relations = [
        *amap.relations,
        Relation(kind="pulls", source="cost", target=target),
        Relation(id="plain", kind="supports", source="cost", target=amap.nodes[1].id, scheme=None),
    ]
    edited = amap.model_copy(update={"nodes": nodes, "relations": relations})
    again = parse_aif(dump_aif(edited), filename=str(path))
    assert again == edited
    assert again.relations[-2].id is None
    assert again.relations[-1].scheme is None
    # A new title is written; the id made up from the file name is made up again on reading.
    retitled = dump_aif(amap.model_copy(update={"title": "Rubbish"}))
    assert json.loads(retitled)[EXTENSION_KEY] == {"title": "Rubbish"}
    again = parse_aif(retitled, filename=str(path))
    assert (again.id, again.title) == ("nodeset6361", "Rubbish")
    assert parse_aif(retitled, filename="x.json").id == "x"


def test_kept_edges_to_removed_nodes_are_not_written() -> None:
    _, amap, _ = load("dialogue.json")
    edited = amap.model_copy(update={"nodes": amap.nodes[1:], "relations": []})
    out = json.loads(dump_aif(edited))
    ids = {str(n["nodeID"]) for n in out["nodes"]}
    assert "501" not in ids
    assert all(str(e["fromID"]) in ids and str(e["toID"]) in ids for e in out["edges"])
    assert parse_aif(json.dumps(out)).nodes == edited.nodes


# -- files -------------------------------------------------------------------------------------


def test_write_aif_writes_what_dump_aif_gives(tmp_path: Path, seed_map: ArgumentMap) -> None:
    before = SEED_MAP.read_bytes()
    target = tmp_path / "seed.aif.json"
    write_aif(seed_map, target)
    assert target.read_text(encoding="utf-8") == dump_aif(seed_map)
    assert read_aif(target) == seed_map
    assert SEED_MAP.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["seed.aif.json"]


def test_public_names() -> None:
    import argmap.formats.aif as module

    for name in ("dump_aif", "parse_aif", "read_aif", "write_aif"):
        assert name in module.__all__
        assert getattr(module, name) is globals()[name]


# -- AIF in general: random graphs, every shape the format allows -----------------------------


def random_aif(seed: int) -> dict[str, Any]:
    """A random AIF document: any node type, any edge, ids of both JSON types, any order."""
    rng = random.Random(seed)
    types = ["I"] * 6 + ["RA", "RA", "CA", "CA", "MA", "PA", "L", "YA", "TA", "X"]
    nodes: list[dict[str, Any]] = []
    for i in range(rng.randrange(0, 40)):
        kind = rng.choice(types)
        node_id: str | int = i if rng.random() < 0.3 else f"n{i}"
        node: dict[str, Any] = {"nodeID": node_id, "text": f"{kind} {i}", "type": kind}
        if rng.random() < 0.5:
            node["timestamp"] = f"2024-02-{1 + i % 28:02d} 10:00:00"
        if kind == "RA" and rng.random() < 0.3:
            node["schemeID"] = rng.choice(["25", 72])
        nodes.append(node)
    atoms = [n["nodeID"] for n in nodes if n["type"] == "I"]
    schemes = [n for n in nodes if n["type"] in ("RA", "CA", "MA", "PA")]
    pairs: list[tuple[Any, Any]] = []
    for scheme in schemes:
        # Mostly well formed (premises in, one conclusion out), sometimes not at all.
        if atoms and rng.random() < 0.8:
            for premise in rng.sample(atoms, min(len(atoms), rng.choice([1, 1, 2, 3]))):
                pairs.append((premise, scheme["nodeID"]))
            others = [s["nodeID"] for s in schemes if s is not scheme]
            at_scheme = scheme["type"] == "CA" and others and rng.random() < 0.3
            pairs.append((scheme["nodeID"], rng.choice(others if at_scheme else atoms)))
    for _ in range(rng.randrange(0, 6) if nodes else 0):
        pairs.append((rng.choice(nodes)["nodeID"], rng.choice(nodes)["nodeID"]))
    rng.shuffle(pairs)

    def spelled(node_id: Any) -> Any:
        # Edges may name an integer id as a string: AIF tools write both.
        return str(node_id) if isinstance(node_id, int) and rng.random() < 0.3 else node_id

    edges: list[dict[str, Any]] = [
        {"edgeID": f"e{j}", "fromID": spelled(source), "toID": spelled(target)}
        | ({"formEdgeID": None} if rng.random() < 0.5 else {})
        for j, (source, target) in enumerate(pairs)
    ]
    said = [n["nodeID"] for n in nodes if n["type"] == "L"]
    locutions = [{"nodeID": rng.choice(said), "personID": 1} for _ in said for _ in range(2)]
    return {"nodes": nodes, "edges": edges, "locutions": locutions}


@pytest.mark.parametrize("seed", range(40))
def test_random_aif_survives_import_export_import(seed: int) -> None:
    original = random_aif(seed)
    text = json.dumps(original)
    amap, warnings = aif_and_warnings(text, filename=f"random-{seed}.json")
    assert all(not w.is_error and w.location is not None for w in warnings)
    assert [i for i in argmap.check(amap) if i.is_error] == []
    out = dump_aif(amap)
    assert json.loads(out) == original
    assert parse_aif(out, filename=f"random-{seed}.json") == amap


def test_every_kind_and_field_survives_export_and_import() -> None:
    cite = [argmap.Citation(key="shagina2018dilemma", locator="pp. 2-3", note="abstract")]
    amap = ArgumentMap(
        id="kinds",
        title="Every kind",
        description="A map with one of each.",
        authors=["A. Analyst"],
        meta={"project": {"wave": 2}},
        schemes=[
            builtin_catalogue()["sign"].model_copy(
                update={"id": "omen", "title": "Omen", "aif": [], "aifdb": None}
            )
        ],
        nodes=[
            Claim(id="t", text="The thesis.", thesis=True, tags=["thesis"], note="main"),
            Claim(id="c", text="A claim.", meta={"colour": "red"}, status="accepted"),
            Evidence(id="e", text="A fact.", cites=cite),
            Factor(id="push", text="A push.", direction="push", weight=0.75),
            Factor(id="pull", text="A pull.", direction="pull"),
            argmap.Question(id="q", text="Is it so?", answers=["expert-opinion#field"]),
        ],
        relations=[
            Relation(
                id="s",
                kind="supports",
                source=["c", "e"],
                target="t",
                weight=0.5,
                scheme="expert-opinion",
                answers=["omen#strength"],
            ),
            Relation(kind="attacks", source="pull", target="c", note="anonymous"),
            Relation(id="u", kind="undercuts", source="q", target="s", cites=cite),
            Relation(id="qq", kind="questions", source="q", target="u"),
            Relation(id="p1", kind="pushes", source="push", target="t", scheme="Push Scheme"),
            Relation(id="p2", kind="pulls", source="pull", target="t", scheme="omen"),
            Relation(id="m", kind="rephrases", source="e", target="c"),
            Relation(id="pr", kind="prefers", source="c", target="e"),
        ],
    )
    data = json.loads(dump_aif(amap))
    types = {str(n["nodeID"]): n["type"] for n in data["nodes"]}
    assert [types[k] for k in ("s", "r2", "u", "qq", "p1", "p2", "m", "pr")] == [
        "RA", "CA", "CA", "CA", "RA", "CA", "MA", "PA",
    ]  # fmt: skip
    assert {"fromID": "u", "toID": "s"}.items() <= next(
        e for e in data["edges"] if e["fromID"] == "u"
    ).items()
    assert parse_aif(json.dumps(data)) == amap


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # One line, no spaces: the column says which node.
        ('{"nodes":[{"nodeID":"1","text":"A","type":"I"},{"nodeID":"2","type":"Z"}]}', "1:48"),
        # Windows line ends, a wrapper, and the node on the third line.
        (
            '{"AIF": {\r\n  "nodes": [\r\n    {"nodeID": 2, "type": "Z"}\r\n  ]\r\n}}',
            "3:5",
        ),
    ],
)
def test_warnings_are_located_in_any_layout(text: str, where: str) -> None:
    _, warnings = aif_and_warnings(text, filename="x.json")
    assert [str(w.location) for w in warnings] == [f"x.json:{where}"]
    assert warnings[0].code == "unknown-type"


def test_ids_that_clash_with_kept_nodes_are_refused_on_export() -> None:
    _, amap, _ = load("dialogue.json")
    clash = Claim(id="500", text="A claim with the id of a locution node.")
    edited = amap.model_copy(update={"nodes": [*amap.nodes, clash]})
    with pytest.raises(FormatError) as caught:
        dump_aif(edited)
    assert [i.code for i in caught.value.issues] == ["id-clash"]
    assert "'500'" in caught.value.issues[0].message


def test_node_types_that_are_not_strings_are_unknown_types() -> None:
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": "1", "text": "A", "type": ["I"]},
                {"nodeID": "2", "text": "B", "type": None},
            ],
            "edges": [{"edgeID": "e", "fromID": "1", "toID": "2"}],
        }
    )
    amap, warnings = aif_and_warnings(text)
    assert amap.nodes == []
    assert [w.message.split(";")[0] for w in warnings] == [
        "node '1' has type ['I'], which argmap does not know",
        "node '2' has type None, which argmap does not know",
    ]
    assert json.loads(dump_aif(amap)) == json.loads(text)


@pytest.mark.parametrize(
    ("extra", "column"),
    [
        ('"a\\u0001b"', 68),  # escaped: the file is searched value by value
        ('"a\ufffeb"', 68),  # as itself: found in the text first
    ],
)
def test_a_character_no_xml_carries_in_an_aif_extra_is_refused_at_the_value(
    extra: str, column: int
) -> None:
    text = (
        '{"nodes": [{"nodeID": "1", "text": "A claim", "type": "I", "note": '
        f"{extra}}}], "
        '"edges": []}'
    )
    with pytest.raises(FormatError) as caught:
        parse_aif(text)
    (issue,) = caught.value.issues
    assert str(issue.location) == f"<string>:1:{column}"
    assert "no XML file (GraphML, GEXF, SVG) can carry it" in issue.message
