"""Map files: round trips, stable output, and every kind of bad input, located."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import NamedTuple

import pytest

import argmap
from argmap.errors import Location
from argmap.formats._syntax import LazyLocator
from argmap.formats.mapfile import to_plain
from tests.support import MAPS, SEED_MAP


class Bad(NamedTuple):
    name: str
    yaml: str
    json: str | None
    yaml_at: tuple[int, int]
    json_at: tuple[int, int] | None
    message: str
    json_line: int | None = None  # where the message points at another line of the file

    @property
    def json_message(self) -> str:
        if self.json_line is None:
            return self.message
        return re.sub(r"line \d+", f"line {self.json_line}", self.message)


HEAD = "argmap: 1\nid: m\ntitle: T\n"
JHEAD = '{"argmap": 1, "id": "m", "title": "T",\n'

BAD = [
    Bad(
        "empty file",
        "",
        "",
        (1, 1),
        (1, 1),
        "the file is empty; expected an argument map (a mapping with 'argmap: 1', 'id', "
        "'title', 'nodes' and 'relations')",
    ),
    Bad(
        "wrong top-level type",
        "- a\n- b\n",
        '["a", "b"]',
        (1, 1),
        (1, 1),
        "expected a mapping at the top level (an argument map with 'argmap', 'id', 'title', "
        "'nodes', ...), got a list",
    ),
    Bad(
        "missing version",
        "id: m\ntitle: T\n",
        '{"id": "m", "title": "T"}',
        (1, 1),
        (1, 1),
        "missing format version: add 'argmap: 1' at the top",
    ),
    Bad(
        "unknown version",
        "argmap: 2\nid: m\ntitle: T\n",
        '{"argmap": 2, "id": "m", "title": "T"}',
        (1, 9),
        (1, 12),
        "unknown format version 2; this argmap reads format 1",
    ),
    Bad(
        "unknown field",
        HEAD + "nodes:\n  - id: a\n    kind: claim\n    text: A\n    colour: red\n",
        JHEAD + '"nodes": [{"id": "a", "kind": "claim", "text": "A",\n "colour": "red"}]}',
        (8, 5),
        (3, 2),
        "unknown field 'colour' in claim node 'a'; expected one of: id, kind, thesis, status, "
        "standard, title, text, actor, tags, cites, answers, note, meta",
    ),
    Bad(
        "unknown node kind",
        HEAD + "nodes:\n  - id: a\n    kind: claimm\n    text: A\n",
        JHEAD + '"nodes": [{"id": "a",\n "kind": "claimm", "text": "A"}]}',
        (6, 11),
        (3, 10),
        "unknown node kind 'claimm'; expected one of: claim, evidence, factor, question "
        "(did you mean 'claim'?)",
    ),
    Bad(
        "duplicate ids",
        HEAD + "nodes:\n  - {id: a, kind: claim, text: A, thesis: true}\n"
        "  - {id: a, kind: claim, text: B}\n",
        JHEAD + '"nodes": [{"id": "a", "kind": "claim", "text": "A", "thesis": true},\n'
        '{"id": "a", "kind": "claim", "text": "B"}]}',
        (6, 10),
        (3, 8),
        "duplicate id 'a' (first defined at line 5); ids of nodes and relations must be unique",
        json_line=2,
    ),
    Bad(
        "duplicate keys",
        HEAD + "title: U\n",
        '{"argmap": 1, "id": "m",\n"title": "T",\n"title": "U"}',
        (4, 1),
        (3, 1),
        "duplicate key 'title' (first at line 3)",
        json_line=2,
    ),
    Bad(
        "relation to a missing node",
        HEAD + "nodes:\n  - {id: a, kind: claim, text: A, thesis: true}\n"
        "relations:\n  - {kind: supports, from: b, to: a}\n",
        JHEAD + '"nodes": [{"id": "a", "kind": "claim", "text": "A", "thesis": true}],\n'
        '"relations": [{"kind": "supports", "from": "b", "to": "a"}]}',
        (7, 28),
        (3, 44),
        "supports relation (relations[0]): 'from' refers to unknown node 'b'",
    ),
    Bad(
        "undercut of a node",
        HEAD + "nodes:\n  - {id: a, kind: claim, text: A, thesis: true}\n"
        "  - {id: b, kind: claim, text: B}\nrelations:\n  - {kind: undercuts, from: b, to: a}\n",
        JHEAD + '"nodes": [{"id": "a", "kind": "claim", "text": "A", "thesis": true},\n'
        '{"id": "b", "kind": "claim", "text": "B"}],\n'
        '"relations": [{"kind": "undercuts", "from": "b", "to": "a"}]}',
        (8, 36),
        (4, 56),
        "undercuts relation (relations[0]): undercuts must target a relation id (an "
        "inference), but 'a' is a node; use 'attacks' to attack a node",
    ),
    Bad(
        "direction on a claim",
        HEAD + "nodes:\n  - {id: a, kind: claim, text: A, direction: push}\n",
        JHEAD + '"nodes": [{"id": "a", "kind": "claim", "text": "A", "direction": "push"}]}',
        (5, 35),
        (2, 53),
        "unknown field 'direction' in claim node 'a'; 'direction' is only allowed on factor "
        "nodes (kind: factor); expected one of: id, kind, thesis, status, standard, "
        "title, text, actor, tags, cites, answers, note, meta",
    ),
    Bad(
        "weight outside [0, 1]",
        HEAD + "nodes:\n  - {id: a, kind: factor, text: A, direction: push, weight: 1.5}\n",
        JHEAD + '"nodes": [{"id": "a", "kind": "factor", "text": "A", "direction": "push",\n'
        '"weight": 1.5}]}',
        (5, 61),
        (3, 11),
        "'weight' must be between 0 and 1, got 1.5",
    ),
    Bad(
        "two theses",
        HEAD + "nodes:\n  - {id: a, kind: claim, text: A, thesis: true}\n"
        "  - {id: b, kind: claim, text: B, thesis: true}\n"
        "relations:\n  - {kind: supports, from: b, to: a}\n",
        JHEAD + '"nodes": [{"id": "a", "kind": "claim", "text": "A", "thesis": true},\n'
        '{"id": "b", "kind": "claim", "text": "B", "thesis": true}],\n'
        '"relations": [{"kind": "supports", "from": "b", "to": "a"}]}',
        (6, 43),
        (3, 53),
        "'b' is a second thesis; a map has at most one (the first is 'a' at line 5)",
        json_line=2,
    ),
    Bad(
        "support cycle",
        HEAD + "nodes:\n  - {id: a, kind: claim, text: A, thesis: true}\n"
        "  - {id: b, kind: claim, text: B}\n"
        "relations:\n  - {kind: supports, from: a, to: b}\n  - {kind: supports, from: b, to: a}\n",
        JHEAD + '"nodes": [{"id": "a", "kind": "claim", "text": "A", "thesis": true},\n'
        '{"id": "b", "kind": "claim", "text": "B"}],\n'
        '"relations": [{"kind": "supports", "from": "a", "to": "b"},\n'
        '{"kind": "supports", "from": "b", "to": "a"}]}',
        (9, 5),
        (5, 1),
        "support cycle (circular reasoning): a -> b -> a",
    ),
    Bad(
        "push relation from a pull factor",
        HEAD + "nodes:\n  - {id: a, kind: claim, text: A, thesis: true}\n"
        "  - {id: f, kind: factor, direction: pull, text: F}\n"
        "relations:\n  - {kind: pushes, from: f, to: a}\n",
        None,
        (8, 12),
        None,
        "pushes relation (relations[0]): pushes must come from a push factor, but 'f' is a "
        "pull factor; use 'pulls'",
    ),
    Bad(
        "evidence without a citation",
        HEAD + "nodes:\n  - {id: a, kind: claim, text: A, thesis: true}\n"
        "  - {id: e, kind: evidence, text: E}\n"
        "relations:\n  - {kind: supports, from: e, to: a}\n",
        None,
        (6, 5),
        None,
        "evidence 'e' cites no source; evidence must cite at least one "
        "(cites: [{key: ..., locator: ...}])",
    ),
    Bad(
        "not YAML",
        HEAD + "nodes: [unclosed\n",
        None,
        (5, 1),
        None,
        "not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)",
    ),
    Bad(
        "not JSON",
        "{}",
        '{"argmap": 1,\n "id": "m" "title": "T"}',
        (1, 1),
        (2, 12),
        "not valid JSON: Expecting ',' delimiter",
    ),
]


@pytest.mark.parametrize("case", [c for c in BAD if c.name != "not JSON"], ids=lambda c: c.name)
def test_bad_yaml_is_reported_at_the_offending_value(case: Bad) -> None:
    with pytest.raises(argmap.MapError) as caught:
        argmap.parse_map(case.yaml, filename="bad.yaml")
    errors = caught.value.errors
    assert [(e.message, e.location) for e in errors] == [
        (case.message, Location("bad.yaml", *case.yaml_at))
    ]


@pytest.mark.parametrize("case", [c for c in BAD if c.json is not None], ids=lambda c: c.name)
def test_bad_json_gets_the_same_message(case: Bad) -> None:
    assert case.json is not None and case.json_at is not None
    with pytest.raises(argmap.MapError) as caught:
        argmap.parse_map(case.json, filename="bad.json")
    errors = caught.value.errors
    assert [(e.message, e.location) for e in errors] == [
        (case.json_message, Location("bad.json", *case.json_at))
    ]


def test_every_problem_of_a_file_is_reported_together() -> None:
    text = HEAD + (
        "nodes:\n"
        "  - {id: a, kind: claim, text: A, colour: red}\n"
        "  - {id: b, kind: factor, text: B, direction: sideways, weight: 2}\n"
        "  - {id: 'bad id', kind: claim, text: ''}\n"
        "relations:\n"
        "  - {kind: support, from: a, to: b}\n"
        "  - {kind: supports, from: 3, to: a}\n"
    )
    with pytest.raises(argmap.MapError) as caught:
        argmap.parse_map(text, filename="many.yaml")
    lines = [str(issue) for issue in caught.value.issues]
    assert lines == [
        "many.yaml:5:35: error: unknown field 'colour' in claim node 'a'; expected one of: "
        "id, kind, thesis, status, standard, title, text, actor, tags, cites, answers, note, meta",
        "many.yaml:6:47: error: unknown direction 'sideways'; expected 'push' or 'pull'",
        "many.yaml:6:65: error: 'weight' must be between 0 and 1, got 2",
        "many.yaml:7:10: error: invalid id 'bad id': ids use letters, digits, '_', '.', ':' "
        "and '-', and start with a letter, digit or '_'",
        "many.yaml:7:39: error: 'text' must not be empty",
        "many.yaml:9:12: error: unknown relation kind 'support'; expected one of: supports, "
        "attacks, undercuts, pushes, pulls, questions, rephrases, prefers "
        "(did you mean 'supports'?)",
        "many.yaml:10:28: error: 'from' of relations[1] must be a node id or a list of node "
        "ids, got the number 3",
    ]
    assert str(caught.value).startswith("many.yaml: 7 errors in argument map\n")


def test_python_tags_are_refused_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    text = HEAD.replace("title: T", f"title: !!python/object/apply:os.system ['touch {marker}']")
    with pytest.raises(argmap.MapError) as caught:
        argmap.parse_map(text, filename="evil.yaml")
    assert not marker.exists()
    [issue] = caught.value.issues
    assert str(issue) == (
        "evil.yaml:3:8: error: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is "
        "not allowed; maps hold plain data only (strings, numbers, booleans, lists, mappings)"
    )


def test_aliases_are_refused_so_they_cannot_blow_up() -> None:
    bomb = HEAD + "meta:\n  a: &a [x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a]\n"
    with pytest.raises(argmap.MapError) as caught:
        argmap.parse_map(bomb, filename="bomb.yaml")
    assert {i.code for i in caught.value.issues} == {"alias"}


def test_yaml_one_point_one_booleans_stay_strings() -> None:
    amap = argmap.parse_map(
        HEAD + "nodes:\n  - {id: 'no', kind: claim, text: no, thesis: true, tags: [on, off]}\n"
    )
    node = amap.node("no")
    assert (node.text, node.tags) == ("no", ["on", "off"])


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes((HEAD + "description: caf").encode() + b"\xe9\n")
    with pytest.raises(argmap.MapError) as caught:
        argmap.read_map(path)
    [issue] = caught.value.issues
    assert issue.location == Location(str(path), 4, 17)
    assert issue.message == "not UTF-8: byte 0xe9 cannot be decoded; save the file as UTF-8"


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    with pytest.raises(argmap.MapError) as caught:
        argmap.read_map(path)
    assert [str(i) for i in caught.value.issues] == [f"{path}: error: no such file"]


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + SEED_MAP.read_bytes())
    assert argmap.read_map(path) == argmap.read_map(SEED_MAP)


# -- round trips and stable output --------------------------------------------------------


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_read_write_read_gives_an_equal_map(path: Path, tmp_path: Path) -> None:
    amap = argmap.read_map(path)
    for suffix in (".yaml", ".json"):
        out = tmp_path / f"copy{suffix}"
        argmap.write_map(amap, out)
        assert argmap.read_map(out) == amap


def test_written_yaml_is_stable(seed_map: argmap.ArgumentMap) -> None:
    once = argmap.dump_map(seed_map)
    assert argmap.dump_map(argmap.parse_map(once)) == once


def test_written_yaml_is_ordered_like_the_documented_example(
    seed_map: argmap.ArgumentMap,
) -> None:
    text = argmap.dump_map(seed_map)
    top = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert top == [
        "argmap", "id", "title", "description", "source", "authors", "bibliography",
        "actors", "nodes", "relations",
    ]  # fmt: skip
    assert text.startswith("argmap: 1\nid: shagina-2018-japan-sanctions\n")
    assert "  - id: r-obligation\n    kind: pushes\n    from: obligation-to-west\n" in text
    assert "    from: [sanctions-imposed, avoid-irritation]\n" in text
    assert "  - id: g7-solidarity\n    kind: factor\n    direction: push\n" in text


def test_json_and_yaml_hold_the_same_structure(seed_map: argmap.ArgumentMap) -> None:
    data = json.loads(argmap.dump_map(seed_map, fmt="json"))
    assert data == to_plain(seed_map)
    assert argmap.parse_map(argmap.dump_map(seed_map, fmt="json"), fmt="json") == seed_map


def test_writing_replaces_a_file_only_when_complete(
    seed_map: argmap.ArgumentMap, tmp_path: Path
) -> None:
    out = tmp_path / "map.yaml"
    out.write_text("old content\n")
    out.chmod(0o640)
    argmap.write_map(seed_map, out)
    assert argmap.read_map(out) == seed_map
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["map.yaml"]


def test_reading_never_modifies_the_input(tmp_path: Path) -> None:
    before = SEED_MAP.read_bytes()
    argmap.read_map(SEED_MAP)
    assert SEED_MAP.read_bytes() == before


def test_unknown_dump_format_is_refused(seed_map: argmap.ArgumentMap) -> None:
    with pytest.raises(ValueError, match="unknown map format 'toml'"):
        argmap.dump_map(seed_map, fmt="toml")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "location", "constant"),
    [
        ("Infinity", "1:1", "Infinity"),
        ('{"argmap": 1, "id": "a", "weight": -Infinity}', "1:36", "-Infinity"),
        ('{"argmap": 1,\n "nodes": [NaN]}', "2:12", "NaN"),
    ],
)
def test_json_constants_python_accepts_are_refused(text: str, location: str, constant: str) -> None:
    # Found by fuzzing: json.loads takes NaN and Infinity, which the located reader then
    # could not place (StopIteration), or skipped (a value silently lost).
    with pytest.raises(argmap.MapError) as caught:
        argmap.parse_map(text, filename="m.json", fmt="json")
    assert [str(i) for i in caught.value.issues] == [
        f"m.json:{location}: error: not valid JSON: {constant} is not a JSON number"
    ]


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_clean_map_keeps_no_positions_until_an_issue_needs_one(
    tmp_path: Path, suffix: str
) -> None:
    seed = argmap.read_map(SEED_MAP)
    path = tmp_path / f"seed{suffix}"
    argmap.write_map(seed, path)
    amap = argmap.read_map(path)
    locator = amap.provenance.locator  # type: ignore[union-attr]
    assert isinstance(locator, LazyLocator) and locator._located is None
    # A node added in code is checked again; its warning is located in the file as read.
    amap.nodes.append(argmap.Claim(id="stray", text="Not linked to anything."))
    (warning,) = [str(i) for i in argmap.check(amap) if i.code == "disconnected"]
    assert warning.startswith(f"{path}:")
    assert locator._located is not None


def test_a_corpus_of_clean_maps_reads_no_positions_for_its_references() -> None:
    corpus = argmap.read_maps(MAPS)
    assert corpus.issues == []
    assert any(m.uses for m in corpus.maps.values())  # references that wait for the corpus
    for amap in corpus.maps.values():
        locator = amap.provenance.locator  # type: ignore[union-attr]
        assert isinstance(locator, LazyLocator) and locator._located is None
