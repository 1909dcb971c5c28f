"""Every command and every public reading function on every map: the bundled ones, maps/ as a
folder, and a corpus of maps that use each other in every way that can go wrong.

The corpus (built once, in a temporary folder):

- ``a``: the base map; its bibliography is ``bib/refs.bib``.
- ``b`` uses ``a`` (it supports a's thesis, pinned to its current text, and attacks a's
  evidence, unpinned); ``c`` uses ``b``, three deep; both name ``refs.bib`` by other paths
  (``../bib/refs.bib``, ``../maps/../bib/refs.bib``, a symbolic link): one file.
- ``d`` names a's thesis pinned to a text it no longer has, and unpinned: one node.
- ``e`` uses itself.
- ``f`` names a node ``a`` lacks and a map that is nowhere: errors at their lines.
- ``g`` imports a's evidence, which cites a work of a's bibliography only.

Nothing may print a traceback; each problem is one located line wherever it is reported;
a node several references name is one node of every graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap
from argmap.citations import read_map_bibliography
from argmap.model.reference import text_hash
from argmap.workspace import map_view
from tests.support import MAPS, tool_path
from tests.support.cli import run

THESIS = "The base map's thesis."

BIB = """\
@book{k1, author = {Doe, Jane}, title = {Base Evidence}, publisher = {P}, year = {2001}}
@book{k2, author = {Roe, Ann}, title = {Middle Work}, publisher = {P}, year = {2002}}
"""
OTHER_BIB = "@book{k3, author = {Poe, Edgar}, title = {Other Work}, publisher = {P}, year = 2003}\n"

HEAD = "argmap: 1\nid: {id}\ntitle: Map {id}\n"


def _maps() -> dict[str, str]:
    pin = text_hash(THESIS)
    return {
        "a": HEAD.format(id="a") + "bibliography: [../bib/refs.bib]\n"
        "nodes:\n"
        f"  - {{id: a-thesis, kind: claim, thesis: true, text: {THESIS}}}\n"
        "  - id: a-fact\n    kind: evidence\n    text: A fact the base map states.\n"
        "    cites: [{key: k1, locator: p. 3}]\n"
        "  - {id: a-push, kind: factor, direction: push, text: A push.}\n"
        "relations:\n"
        "  - {id: a-r1, kind: supports, from: a-fact, to: a-thesis}\n"
        "  - {id: a-r2, kind: pushes, from: a-push, to: a-thesis}\n",
        "b": HEAD.format(id="b") + "uses: [a.yaml]\nbibliography: [../bib/refs.bib]\n"
        "nodes:\n"
        "  - id: b-claim\n    kind: claim\n    thesis: true\n    text: The middle claim.\n"
        "    cites: [{key: k2}]\n"
        "relations:\n"
        f"  - {{kind: supports, from: b-claim, to: 'a#a-thesis@sha256:{pin}'}}\n"
        "  - {kind: attacks, from: b-claim, to: 'a#a-fact'}\n",
        "c": HEAD.format(id="c") + "uses: [b.yaml]\nbibliography: [../maps/../bib/refs.bib]\n"
        "nodes:\n  - {id: c-claim, kind: claim, thesis: true, text: The top claim.}\n"
        "relations:\n  - {kind: supports, from: c-claim, to: 'b#b-claim'}\n",
        "d": HEAD.format(id="d") + "uses: [a.yaml]\nbibliography: [../bib/link.bib]\n"
        "nodes:\n  - {id: d-claim, kind: claim, thesis: true, text: A stale claim.}\n"
        "relations:\n"
        "  - {kind: supports, from: d-claim, to: 'a#a-thesis@sha256:00000000'}\n"
        "  - {kind: rephrases, from: d-claim, to: 'a#a-thesis'}\n",
        "e": HEAD.format(id="e") + "uses: [e.yaml]\n"
        "nodes:\n  - {id: e-claim, kind: claim, thesis: true, text: A lonely claim.}\n",
        "f": HEAD.format(id="f") + "uses: [a.yaml]\n"
        "nodes:\n  - {id: f-claim, kind: claim, thesis: true, text: A dangling claim.}\n"
        "relations:\n"
        "  - {kind: supports, from: f-claim, to: 'a#nope'}\n"
        "  - {kind: attacks, from: f-claim, to: 'zz#x'}\n",
        "g": HEAD.format(id="g") + "uses: [a.yaml]\nbibliography: [../bib/other.bib]\n"
        "nodes:\n"
        "  - id: g-claim\n    kind: claim\n    thesis: true\n    text: A claim on a's fact.\n"
        "    cites: [{key: k3}]\n"
        "relations:\n  - {kind: supports, from: 'a#a-fact', to: g-claim}\n",
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    (root / "maps").mkdir()
    (root / "bib").mkdir()
    (root / "bib" / "refs.bib").write_text(BIB, encoding="utf-8")
    (root / "bib" / "other.bib").write_text(OTHER_BIB, encoding="utf-8")
    (root / "bib" / "link.bib").symlink_to("refs.bib")
    for name, text in _maps().items():
        (root / "maps" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def _at(root: Path, name: str, fragment: str) -> str:
    """``path:line:col`` of the first character of ``fragment`` in map ``name``."""
    path = root / "maps" / f"{name}.yaml"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if fragment in line:
            return f"{path}:{number}:{line.index(fragment) + 1}"
    raise AssertionError(f"{fragment!r} not in {path}")


def _commands(target: str, out: Path) -> Iterator[list[str]]:
    yield ["check", target]
    yield ["show", target]
    yield ["analyze", target]
    yield ["analyze", target, "-f", "json", "--semantics", "preferred", "-g", "df-quad"]
    yield ["render", target, "-f", "dot", *(["-o", str(out)] if Path(target).is_dir() else [])]
    yield ["render", target, "-f", "mermaid", "-o", str(out / "m")]
    yield ["cite", target, "-f", "bibtex"]
    yield ["cite", target, "-f", "text"]
    yield ["convert", target, "-o", str(out / ("conv" if Path(target).is_dir() else "x.json"))]
    if not Path(target).is_dir():
        yield ["convert", target, "-o", str(out / "x.aif.json")]


TARGETS = [
    *(f"maps/{p.name}" for p in sorted(MAPS.glob("*.yaml"))),
    "maps/",
    *(f"corpus/{name}.yaml" for name in sorted(_maps())),
]


@pytest.mark.parametrize("name", TARGETS)
def test_every_command_on_every_map_and_folder_prints_no_traceback(
    corpus: Path, tmp_path: Path, name: str
) -> None:
    where, _, file = name.partition("/")
    target = str((MAPS if where == "maps" else corpus / "maps") / file)
    for args in _commands(target, tmp_path):
        code, out, err = run(*args)
        assert code in (0, 1), (args, err)
        assert "Traceback" not in out + err, args


def test_the_corpus_folder_takes_every_command_without_a_traceback(
    corpus: Path, tmp_path: Path
) -> None:
    folder = str(corpus / "maps")
    for args in _commands(folder, tmp_path):
        code, out, err = run(*args)
        assert code == 1, args  # f's errors fail every command that reads the folder
        assert "Traceback" not in out + err, args


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["show"],
        ["analyze"],
        ["render", "-f", "dot"],
        ["cite", "-f", "text"],
        ["convert", "-o", "{tmp}/f.json"],
    ],
    ids=lambda a: a[0],
)
def test_dangling_references_are_located_by_every_command(
    corpus: Path, tmp_path: Path, args: list[str]
) -> None:
    command = [
        args[0],
        str(corpus / "maps" / "f.yaml"),
        *(a.format(tmp=tmp_path) for a in args[1:]),
    ]
    code, out, err = run(*command)
    assert code == 1
    shown = out + err
    nope, unknown = _at(corpus, "f", "'a#nope'"), _at(corpus, "f", "'zz#x'")
    assert f"{nope}: error: 'a#nope': map 'a' has no node 'nope'" in shown
    assert f"{unknown}: error: 'zz#x' names unknown map 'zz'" in shown
    assert not (tmp_path / "f.json").exists()


def test_a_stale_pin_is_a_located_warning_and_both_references_are_one_node(corpus: Path) -> None:
    workspace = argmap.read_maps(corpus / "maps" / "d.yaml")
    [stale] = [i for i in workspace.issues if i.code == "pin-mismatch"]
    assert str(stale.location) == _at(corpus, "d", "'a#a-thesis@sha256:00000000'")
    graph = workspace.to_networkx()
    assert [n for n in graph.nodes if "a-thesis" in n] == ["a#a-thesis"]
    assert {u for u, _ in graph.in_edges("a#a-thesis")} == {
        "a#a-fact",
        "a#a-push",
        "d#d-claim",
        "d#relation-1",  # the second relation between the same two nodes is a junction
    }
    view = map_view(workspace, "d")
    assert [n.id for n in view.amap.nodes] == ["d-claim", "a#a-thesis"]
    one = argmap.to_networkx(argmap.read_map(corpus / "maps" / "d.yaml"))
    assert sorted(n for n in one.nodes if "#" in n[1:]) == ["a#a-thesis"]
    pins = [d.get("target_pin") for _, v, d in one.edges(data=True) if v == "a#a-thesis"]
    assert sorted(pins, key=str) == ["00000000", None]


def test_a_map_that_uses_itself_is_warned_where_it_says_so(corpus: Path) -> None:
    code, out, _ = run("check", str(corpus / "maps" / "e.yaml"))
    assert code == 0
    assert f"{_at(corpus, 'e', 'e.yaml')}: warning: 'uses' names this map's own file" in out


def test_one_bibliography_named_three_ways_is_read_once(corpus: Path) -> None:
    workspace = argmap.read_maps([corpus / "maps" / n for n in ("b.yaml", "c.yaml", "d.yaml")])
    assert workspace.errors == []
    refs = (corpus / "bib" / "refs.bib").resolve()
    assert list(workspace.bibliographies.texts) == [refs]
    bibliography, problems = workspace.bibliography(list(workspace.maps))
    assert problems == [] and bibliography is not None and sorted(bibliography) == ["k1", "k2"]
    code, out, err = run("cite", str(corpus / "maps" / "c.yaml"), "-f", "bibtex")
    assert code == 0 and "duplicate" not in err
    # c cites nothing itself; the node of b it builds on cites k2.
    assert [line[:9] for line in out.splitlines() if line.startswith("@")] == ["@book{k2,"]


def test_imported_nodes_keep_their_citations_in_every_output(corpus: Path) -> None:
    g = str(corpus / "maps" / "g.yaml")
    code, out, err = run("render", g, "-f", "dot")
    assert code == 0, err
    assert "not in the bibliography" not in err
    assert "Doe, J. (2001). <I>Base evidence</I>" in out or "Doe, J. (2001)" in out
    code, out, _ = run("cite", g, "-f", "bibtex")
    assert code == 0 and "@book{k1," in out and "@book{k3," in out
    code, out, _ = run("cite", g, "-f", "text")
    assert "Cited in g: A fact the base map states. (p. 3)" in out


def test_no_output_goes_over_a_map_used_or_its_bibliography(corpus: Path) -> None:
    g = str(corpus / "maps" / "g.yaml")
    for target in (corpus / "maps" / "a.yaml", corpus / "bib" / "refs.bib"):
        before = target.read_bytes()
        for args in (
            ["render", g, "-f", "dot", "-o", str(target)],
            ["cite", g, "-o", str(target)],
            ["convert", g, "--to", "yaml", "-o", str(target)],
        ):
            code, _, err = run(*args)
            assert code == 1 and "the output is the input file" in err, (args, err)
        assert target.read_bytes() == before


@pytest.mark.parametrize("name", sorted(_maps()))
def test_the_reading_functions_take_every_map_of_the_corpus(corpus: Path, name: str) -> None:
    path = corpus / "maps" / f"{name}.yaml"
    amap = argmap.read_map(path)
    assert argmap.parse_map(path.read_text(encoding="utf-8"), filename=str(path)) == amap
    copy = amap.model_copy(deep=True)
    assert copy.origin == str(path)
    if amap.bibliography:
        assert read_map_bibliography(copy).sources == read_map_bibliography(amap).sources
    workspace = argmap.read_maps(path)
    assert workspace.given == [name]
    for issue in workspace.issues:
        assert issue.location is not None and issue.location.line is not None, issue


def test_the_bundled_maps_compose_with_every_command(tmp_path: Path) -> None:
    companion = MAPS / "shagina-2018-sasakawa-sanctions-unity.yaml"
    code, out, _ = run("analyze", str(companion))
    assert code == 0 and "Symbolic sanctions" in out and "The closing critique" in out
    code, out, err = run("render", str(companion), "-f", "dot")
    assert code == 0 and "not in the bibliography" not in err
    code, out, _ = run("show", str(MAPS))
    assert code == 0 and out.count("Builds on") == 1
    if tool_path("dot") is not None:
        code, _, err = run("render", str(MAPS), "-o", str(tmp_path / "svg"))
        assert code == 0, err
        assert len(list((tmp_path / "svg").glob("*.svg"))) == len(list(MAPS.glob("*.yaml")))
