"""Argdown: export checked with the real Argdown parser, import of its JSON, bad input.

Tests marked ``argdown`` run ``@argdown/cli`` (``npm install --prefix tests/tools``) and are
skipped where it is missing. The parser starts once for all of them (node is slow to
start): one ``argdown json`` run over a folder holding the exported maps and the shared
corpus. The golden Argdown file is regenerated with
``ARGMAP_REGENERATE=1 .venv/bin/pytest tests/formats/test_argdown.py``.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.formats._ids import slugify
from argmap.formats.aif import read_aif
from argmap.formats.argdown import (
    ARGDOWN_ENV,
    _argued,
    _argument_titles,
    _statement_titles,
    argdown_json,
    dump_argdown,
    escape_text,
    parse_argdown_json,
    read_argdown_json,
)
from tests.support import CORPORA, DATA, GOLDEN, SEED_MAP, tool_path

HERE = DATA / "argdown"
TRICKY = HERE / "tricky.yaml"
ARGDOWN_CORPUS = CORPORA / "argdown-examples"


def argdown_and_warnings(
    text: str, *, filename: str = "<string>", argdown_filename: str | None = None
) -> tuple[argmap.ArgumentMap, list[argmap.Issue]]:
    warnings: list[argmap.Issue] = []
    amap = parse_argdown_json(
        text, filename=filename, argdown_filename=argdown_filename, warnings=warnings
    )
    return amap, warnings


def exported() -> dict[str, argmap.ArgumentMap]:
    return {"seed": argmap.read_map(SEED_MAP), "tricky": argmap.read_map(TRICKY)}


def aif_maps() -> dict[str, argmap.ArgumentMap]:
    """The maps of the AIF microtexts corpus: real ids, texts and AIF data in ``meta``."""
    folder = CORPORA / "microtexts-aif"
    if not folder.is_dir():
        return {}
    return {path.stem: read_aif(path) for path in sorted(folder.glob("*.json"))}


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The Argdown parser's JSON of each exported map and each corpus file, by name."""
    program = tool_path("argdown")
    assert program is not None
    folder = tmp_path_factory.mktemp("argdown")
    sources = folder / "in"
    sources.mkdir()
    for name, amap in exported().items():
        (sources / f"{name}.argdown").write_text(dump_argdown(amap), encoding="utf-8")
    corpus = sorted(ARGDOWN_CORPUS.glob("*.argdown")) if ARGDOWN_CORPUS.is_dir() else []
    for path in corpus:
        shutil.copy(path, sources / f"corpus-{path.name}")
    for name, amap in aif_maps().items():
        (sources / f"aif-{name}.argdown").write_text(dump_argdown(amap), encoding="utf-8")
    done = subprocess.run(
        [program, "json", str(sources / "*.argdown"), str(folder / "out")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # argdown cancels the whole export on any syntax error: exit 0 means every file parsed
    assert done.returncode == 0, done.stdout + done.stderr
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((folder / "out").glob("*.json"))
    }


@pytest.fixture
def argdown_program(monkeypatch: pytest.MonkeyPatch) -> str:
    program = tool_path("argdown")
    assert program is not None
    monkeypatch.setenv(ARGDOWN_ENV, program)
    return program


# -- export ----------------------------------------------------------------------------------


def test_seed_export_matches_the_golden_file() -> None:
    text = dump_argdown(argmap.read_map(SEED_MAP))
    golden = GOLDEN / "interchange" / "seed.argdown"
    if os.environ.get("ARGMAP_REGENERATE"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words", "plain words"),
        (
            "Japan's sanctions, e.g. p. 3; (a) -> b + c",
            "Japan's sanctions, e.g. p. 3; (a) -> b + c",
        ),
        ("[a]: b", "\\[a]: b"),
        ("#tag and @[m] and <arg>", "\\#tag and \\@\\[m] and \\<arg>"),
        ("// not a comment <!-- -->", "\\// not a comment \\<!-- -->"),
        ("/* nor this */", "\\/\\* nor this \\*/"),
        ("{data} === front", "\\{data} \\=\\=\\= front"),
        ("a == b", "a == b"),
        ("*bold* and _italic_ and snake_case", "\\*bold\\* and \\_italic\\_ and snake\\_case"),
        ("e.g. :smile: and 10:30", "e.g. \\:smile: and 10:30"),
        ("back \\ slash", "back \\\\ slash"),
        ("two\n  lines\n\n para ", "two lines para"),
        ("Ünïcödé — “quoted” 日本", "Ünïcödé — “quoted” 日本"),
    ],
)
def test_escape_text_escapes_only_what_argdown_reads_as_syntax(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped


def test_statements_are_titled_by_their_titles_and_relations_are_argdown_relations() -> None:
    amap = argmap.read_map(SEED_MAP)
    text = dump_argdown(amap)
    lines = text.splitlines()
    statements = [
        line.split("]:")[0][1:] for line in lines if line.startswith("[") and "]:" in line
    ]
    assert statements == [n.title for n in amap.nodes]
    assert "[Solidarity with the G7]: Japan wanted to show solidarity with the other G7" in text
    # Arguments only where Argdown needs one: premises that support only together, and
    # an inference that another relation undercuts.
    arguments = [line.split(">")[0][1:] for line in lines if line.startswith("<")]
    assert arguments == ["r-calculation", "r-balance"]
    assert (
        "[The closing critique] {argmap: {relation: {id: r-critique, answers: "
        '["practical-reasoning\\u0023means"]}}}\n  _> <r-calculation>' in text
    )
    assert (
        "[Solidarity with the G7] {argmap: {relation: {id: r-g7, scheme: practical-reasoning}}}"
        "\n  +> [Sanctions imposed" in text
    )
    assert (
        "[The territorial dispute] {argmap: {relation: {id: r-territory, "
        "scheme: practical-reasoning}}}\n  -> [Sanctions" in text
    )
    # No tags, and no escaping of ordinary punctuation.
    assert not any(" #" in line for line in lines)
    assert "Japan's" in text and "\\'" not in text and "\\," not in text


def expected_relations(amap: argmap.ArgumentMap) -> set[tuple[str, str, str]]:
    """The relations the Argdown parser must find, between statement and argument titles.

    A relation drawn as an argument (several premises, or undercut by another) has its
    premises support the argument, which supports, attacks or undercuts the target; any
    other is one Argdown relation from its source to its target.
    """
    titles = _statement_titles(amap)
    argued = _argued(amap)
    names = _argument_titles(amap, argued, set(titles.values()))
    by_id = {amap.relations[i].id: name for i, name in names.items()}
    kinds = {"supports": "support", "pushes": "support", "rephrases": "support"}
    kinds |= {"prefers": "support", "attacks": "attack", "pulls": "attack"}
    kinds |= {"questions": "attack", "undercuts": "undercut"}
    found: set[tuple[str, str, str]] = set()
    for index, relation in enumerate(amap.relations):
        if relation.target in titles:
            target, kind = titles[relation.target], kinds[relation.kind]
        else:
            target, kind = by_id[relation.target], "undercut"
        if index not in argued:
            found.add((titles[relation.sources[0]], kind, target))
            continue
        found.update((titles[source], "support", names[index]) for source in relation.sources)
        found.add((names[index], kind, target))
    return found


@pytest.mark.argdown
@pytest.mark.parametrize("name", ["seed", "tricky"])
def test_the_argdown_parser_reads_the_export_with_the_same_statements_and_relations(
    name: str, parsed: dict[str, dict[str, Any]]
) -> None:
    amap = exported()[name]
    data = parsed[name]
    titles = _statement_titles(amap)
    assert set(data["statements"]) == set(titles.values())
    for node in amap.nodes:
        members = data["statements"][titles[node.id]]["members"]
        text = next(m["text"] for m in members if (m.get("text") or "").strip())
        # The parser reads the text back as written, with no tags in it.
        assert text.strip() == " ".join(node.text.split())
        assert not [m for m in members if m.get("tags")]
    relations = {(r["from"], r["relationType"], r["to"]) for r in data["relations"]}
    assert relations == expected_relations(amap)


@pytest.mark.argdown
def test_argdowns_own_map_shows_one_box_a_node_without_tags(tmp_path: Path) -> None:
    """Argdown's map export of the seed map: a box for each node and each argument."""
    program = tool_path("argdown")
    assert program is not None
    amap = argmap.read_map(SEED_MAP)
    (tmp_path / "seed.argdown").write_text(dump_argdown(amap), encoding="utf-8")
    done = subprocess.run(
        [program, "map", str(tmp_path / "seed.argdown"), str(tmp_path), "--format", "dot"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    dot = (tmp_path / "seed.dot").read_text(encoding="utf-8")
    boxes = re.findall(r"^\s*n\d+ \[", dot, re.M)
    assert len(boxes) == len(amap.nodes) + 2  # the two arguments: r-balance, r-calculation
    shown = " ".join(re.sub(r"<BR/>", " ", html.unescape(dot)).split())
    for node in amap.nodes:
        assert f"<B>{node.title}</B>" in shown
    assert not re.search(r"#(claim|thesis|factor|push|pull|evidence|question)\b", shown)


@pytest.mark.argdown
@pytest.mark.parametrize("name", ["seed", "tricky"])
def test_argmap_argdown_argmap_is_lossless(name: str, parsed: dict[str, dict[str, Any]]) -> None:
    amap, issues = argdown_and_warnings(json.dumps(parsed[name]), filename=f"{name}.json")
    assert amap == exported()[name]
    assert [i for i in issues if i.code != "disconnected"] == []


@pytest.mark.argdown
def test_every_aif_corpus_map_survives_argdown(
    parsed: dict[str, dict[str, Any]], corpora: Path
) -> None:
    maps = aif_maps()
    assert len(maps) == 110
    for name, amap in maps.items():
        back, _ = argdown_and_warnings(json.dumps(parsed[f"aif-{name}"]), filename=name)
        assert back == amap, name


# -- import of Argdown written by people -------------------------------------------------


@pytest.mark.argdown
def test_every_corpus_file_becomes_a_map_that_passes_check(
    parsed: dict[str, dict[str, Any]], corpora: Path
) -> None:
    names = sorted(p.stem for p in (corpora / "argdown-examples").glob("*.argdown"))
    assert len(names) == 6
    for name in names:
        data = parsed[f"corpus-{name}"]
        amap, issues = argdown_and_warnings(json.dumps(data), filename=f"{name}.json")
        assert [i for i in argmap.check(amap) if i.is_error] == []
        assert not any(i.is_error for i in issues)
        statements = [n for n in amap.nodes if n.meta["argdown"]["type"] == "statement"]
        arguments = [n for n in amap.nodes if n.meta["argdown"]["type"] == "argument"]
        assert len(statements) == len(data["statements"]), name
        assert len(arguments) == len(data["arguments"]), name
        plain = [r for r in data["relations"] if r["relationType"] in ("support", "attack")]
        from_argdown = [r for r in amap.relations if r.meta.get("argdown")]
        assert len(from_argdown) >= len(plain), name


@pytest.mark.argdown
def test_the_primer_reads_as_its_author_wrote_it(
    parsed: dict[str, dict[str, Any]], corpora: Path
) -> None:
    amap, _ = argdown_and_warnings(
        json.dumps(parsed["corpus-argdown-primer"]), filename="argdown-primer.json"
    )
    assert amap.title == "❤ Welcome to Argdown! ❤"
    first = amap.node("statement-1")  # titles that are no ids become slugs
    assert first.title == "Statement 1"
    assert first.text.startswith("Another statement (after a blank line), this time with a title")
    assert "Another tag" in first.tags
    argument = amap.node("argument-1")
    assert argument.meta["argdown"]["type"] == "argument"
    inference = amap.relation("argument-1.inference")
    assert (inference.source, inference.kind) == ("argument-1", "supports")
    assert inference.scheme == "Some inference rule: p ∧ (p → q) → q"
    premises = amap.relation("argument-1.premises")
    assert premises.source == ["untitled-11", "statement-2"]
    attack = next(r for r in amap.relations if r.source == "another-argument")
    assert (attack.kind, attack.target) == ("attacks", "statement-2")


def small(name: str) -> tuple[argmap.ArgumentMap, list[argmap.Issue]]:
    return argdown_and_warnings((HERE / name).read_text(encoding="utf-8"), filename=name)


@pytest.mark.parametrize("name", ["small.json", "small.with-map.json"])
def test_hand_made_argdown_reads_by_the_documented_rules(name: str) -> None:
    amap, issues = small(name)
    # The file's inference rule ('balancing') becomes the scheme, which no catalogue has.
    assert [(i.code, i.path) for i in issues] == [("unknown-scheme", ("relations", 1, "scheme"))]
    assert amap.id == "small" and amap.title == "Sanctions"
    assert amap.thesis is not None and amap.thesis.id == "Symbolic"
    kinds = {n.id: (n.kind, getattr(n, "direction", None)) for n in amap.nodes}
    assert kinds["Solidarity"] == ("factor", "push")
    assert kinds["Territory"] == ("factor", "pull")
    assert kinds["Balance"] == ("claim", None)
    got = [(r.id, r.kind, r.source, r.target, r.scheme) for r in amap.relations]
    assert got == [
        ("Balance.premises", "supports", ["Imposed", "Spared"], "Balance", None),
        ("Balance.inference", "supports", "Balance", "Symbolic", "balancing"),
        (None, "pushes", "Solidarity", "Symbolic", None),
        (None, "pulls", "Territory", "Symbolic", None),
        (None, "attacks", "Contra", "Symbolic", None),
        (None, "attacks", "Symbolic", "Contra", None),
        (None, "undercuts", "Doubt", "Balance.inference", None),
    ]
    assert amap.relations[4].meta == {"argdown": {"relationType": "contradictory"}}


def test_the_map_section_changes_nothing() -> None:
    assert small("small.json")[0] == small("small.with-map.json")[0]


def test_slugs_are_ids() -> None:
    assert [slugify(t) for t in ("ok-id", "Two Words", "Ärger!", "???", "a:b.c")] == [
        "ok-id",
        "two-words",
        "arger",
        "untitled",
        "a:b.c",
    ]


def minimal(**changes: Any) -> str:
    data: dict[str, Any] = {
        "statements": {
            "A": {"title": "A", "members": [{"text": "Alpha", "startLine": 3, "startColumn": 1}]},
            "B": {"title": "B", "members": [{"text": "Beta"}]},
        },
        "arguments": {},
        "relations": [{"from": "B", "fromType": "equivalence-class", "to": "A",
                       "toType": "equivalence-class", "relationType": "support"}],
    }  # fmt: skip
    data.update(changes)
    return json.dumps(data)


def test_undercut_of_an_argument_without_inference_is_read_as_an_attack() -> None:
    text = minimal(
        arguments={"U": {"title": "U", "members": [{"text": "An objection"}]},
                   "V": {"title": "V", "members": []}},
        relations=[{"from": "U", "fromType": "argument", "to": "V", "toType": "argument",
                    "relationType": "undercut"}],
    )  # fmt: skip
    amap, issues = argdown_and_warnings(text, filename="u.json")
    assert [(r.kind, r.source, r.target) for r in amap.relations] == [("attacks", "U", "V")]
    assert [str(i) for i in issues if i.code != "no-thesis"] == [
        "u.json:1:1: warning: undercut of 'V', which has no inference to undercut; read as an "
        "attack on it"
    ]


def test_undercut_of_a_sketched_argument_aims_at_its_first_relation() -> None:
    text = minimal(
        arguments={"U": {"title": "U", "members": [{"text": "An objection"}]},
                   "V": {"title": "V", "members": [{"text": "A reason"}]}},
        relations=[
            {"from": "V", "fromType": "argument", "to": "A", "toType": "equivalence-class",
             "relationType": "support"},
            {"from": "U", "fromType": "argument", "to": "V", "toType": "argument",
             "relationType": "undercut"},
        ],
    )  # fmt: skip
    amap, _ = argdown_and_warnings(text, filename="u.json")
    assert [(r.id, r.kind, r.source, r.target) for r in amap.relations] == [
        ("V.to.A", "supports", "V", "A"),
        (None, "undercuts", "U", "V.to.A"),
    ]


BAD_JSON = [
    ("{", "x.json:1:2: error: not valid JSON: Expecting property name enclosed in double quotes"),
    (
        "[]",
        "x.json:1:1: error: not Argdown JSON: expected an object with 'statements' and 'arguments'",
    ),
    (
        '{"arguments": {}}',
        "x.json:1:1: error: not Argdown JSON: missing 'statements' (the output of 'argdown json')",
    ),
    (
        '{"statements": [], "arguments": {}}',
        "x.json:1:1: error: 'statements' must be an object keyed by title",
    ),
    (
        '{"statements": {"a": 1}, "arguments": {}, "relations": {}}',
        "x.json:1:1: error: statements['a'] must be an object\n"
        "x.json:1:1: error: 'relations' must be a list",
    ),
    (
        '{"statements": {}, "arguments": {}, "relations": [{"from": "a"}]}',
        "x.json:1:1: error: relations[0] must be an object with from, to and relationType",
    ),
    # Found by fuzzing: a 'sections' that is no list raised TypeError.
    (
        '{"statements": {}, "arguments": {}, "sections": 1}',
        "x.json:1:1: error: 'sections' must be a list",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), BAD_JSON)
def test_bad_json_is_refused_with_located_errors(text: str, message: str) -> None:
    with pytest.raises(argmap.FormatError) as caught:
        parse_argdown_json(text, filename="x.json")
    assert [str(i) for i in caught.value.issues] == message.split("\n")


def test_a_support_cycle_is_refused_and_located_at_the_argdown_source() -> None:
    cycle = [
        {"from": "A", "fromType": "equivalence-class", "to": "B", "toType": "equivalence-class",
         "relationType": "support"},
        {"from": "B", "fromType": "equivalence-class", "to": "A", "toType": "equivalence-class",
         "relationType": "support"},
    ]  # fmt: skip
    with pytest.raises(argmap.FormatError) as caught:
        argdown_and_warnings(
            minimal(relations=cycle), filename="c.json", argdown_filename="c.argdown"
        )
    assert [str(i) for i in caught.value.errors] == [
        "c.argdown: error: support cycle (circular reasoning): A -> B -> A"
    ]


def test_read_argdown_json_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "m.argdown.json"
    path.write_text(minimal(), encoding="utf-8")
    amap = read_argdown_json(path)
    assert amap.id == "m" and [n.text for n in amap.nodes] == ["Alpha", "Beta"]


# -- running the parser from argmap ----------------------------------------------------------


def test_a_missing_parser_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ARGDOWN_ENV, raising=False)
    monkeypatch.setenv("PATH", "")
    with pytest.raises(argmap.FormatError, match="npm install -g @argdown/cli"):
        argdown_json("[a]: b", filename="a.argdown")


@pytest.mark.argdown
def test_argdown_syntax_errors_are_located(argdown_program: str) -> None:
    with pytest.raises(argmap.FormatError) as caught:
        argdown_json("[a]: x\n  +> [b\n\n<c\n  (1) zz\n", filename="bad.argdown")
    (issue,) = caught.value.issues
    assert str(issue).startswith("bad.argdown:5:1: error: Argdown syntax error: ")


@pytest.mark.parametrize("field", ["members", "tags", "pcs", "ranges"])
@pytest.mark.parametrize("value", [1, True, "text"])
def test_a_field_that_should_be_a_list_is_passed_over(field: str, value: object) -> None:
    # Found by fuzzing: `element.get(field) or []` iterated an int or bool (TypeError).
    element: dict[str, object] = {"type": "argument", "title": "A", field: value}
    data = {"statements": {"S": {"title": "S", field: value}}, "arguments": {"A": element}}
    amap = parse_argdown_json(json.dumps(data), filename="x.json")
    assert [node.id for node in amap.nodes] == ["S", "A"]


@pytest.mark.parametrize("column", [[1], "3", None, 0, True])
def test_a_position_that_is_no_number_falls_back_to_the_line(column: object) -> None:
    # Found by fuzzing: a startColumn that int() cannot take raised TypeError.
    statement = {"title": "S", "members": [{"startLine": 4, "startColumn": column}]}
    data = {"statements": {"S": statement}, "arguments": {}}
    issues: list[argmap.Issue] = []
    amap = parse_argdown_json(
        json.dumps(data), filename="x.json", argdown_filename="x.argdown", warnings=issues
    )
    assert [node.id for node in amap.nodes] == ["S"]
    assert [str(i.location) for i in issues] == ["x.argdown"]


@pytest.mark.parametrize("role", [[], {"a": 1}, 3])
def test_a_member_role_that_is_no_string_is_passed_over(role: object) -> None:
    # Found by fuzzing: a list as a member's role raised TypeError (unhashable).
    member = {"type": "statement", "role": role, "text": "Described"}
    data = {"statements": {}, "arguments": {"A": {"title": "A", "members": [member]}}}
    amap = parse_argdown_json(json.dumps(data), filename="x.json")
    assert [node.id for node in amap.nodes] == ["A"]


#: What random texts are made of: every character Argdown's lexer treats specially, the
#: runs that open comments, front matter and shortcodes, line breaks, and plain letters.
PIECES = [*"ab 1.,;:'\"!?()-+=<>[]{}#@*_/\\|~^$%&`", "===", "//", "/*", "*/", "<!--", ":smile:"]
PIECES += ["\n", "Ü", "  ", ".A.", "e.g."]


@pytest.mark.argdown
@pytest.mark.parametrize("seed", [2018, 7])
def test_random_text_of_argdown_syntax_survives_the_parser(argdown_program: str, seed: int) -> None:
    """Texts, titles and notes of Argdown's special characters, through the real parser."""
    import random

    rng = random.Random(seed)

    def text(most: int) -> str:
        return "".join(rng.choice(PIECES) for _ in range(rng.randint(1, most))).strip()

    nodes: list[argmap.Node] = [
        argmap.Claim(id=f"n{i}", title=text(8) or None, text=text(20) or "x") for i in range(150)
    ]
    relations = [
        argmap.Relation(
            kind=rng.choice(["supports", "attacks"]),
            source=f"n{i}",
            target=f"n{rng.randrange(i)}",
            note=rng.choice([None, text(10) or None]),
        )
        for i in range(1, 150)
    ]
    amap = argmap.ArgumentMap(id="punctuation", title=text(12) or "T", nodes=nodes,
                              relations=relations)  # fmt: skip
    assert parse_argdown_json(argdown_json(dump_argdown(amap))) == amap


def test_a_parser_that_does_not_finish_is_a_located_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from argmap.errors import FormatError
    from argmap.formats import argdown

    def hang(*args: object, **kwargs: object) -> None:
        raise subprocess.TimeoutExpired(cmd="argdown", timeout=120)

    monkeypatch.setattr(argdown, "_argdown_program", lambda: "argdown")
    monkeypatch.setattr(subprocess, "run", hang)
    with pytest.raises(FormatError) as caught:
        argdown.argdown_json("[A]: a.", filename="slow.argdown")
    assert [str(i) for i in caught.value.issues] == [
        "slow.argdown: error: the Argdown parser did not finish in 120 s"
    ]
