"""Rendering through Graphviz's dot: formats, hostile labels, atomic writes, missing dot."""

from __future__ import annotations

import math
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import graphviz
import pytest

import argmap
from argmap import render, to_dot, to_mermaid
from argmap.diagrams import format_for
from argmap.diagrams.backend import INSTALL_HINT, pipe
from argmap.diagrams.escape import wrap
from argmap.model import ArgumentMap
from tests.support import DATA, MAPS

HOSTILE = DATA / "diagrams" / "hostile.yaml"
GRAMMAR = DATA / "diagrams" / "grammar.yaml"
SVG = "{http://www.w3.org/2000/svg}"
#: The elements Graphviz's SVG output is made of; anything else would be injected markup.
SVG_ELEMENTS = {"svg", "g", "title", "text", "polygon", "path", "ellipse", "polyline", "a"}
MAGIC = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}


def svg_texts(svg: bytes) -> dict[str, list[str]]:
    """The text lines drawn in each node group of an SVG, by the group's id."""
    root = ET.fromstring(svg)
    texts: dict[str, list[str]] = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") in ("node", "cluster", "graph"):
            lines = [t.text or "" for t in group.iter(f"{SVG}text")]
            texts[group.get("id", "")] = [line.replace("\xa0", " ") for line in lines]
    return texts


@pytest.mark.dot
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_render_seed_map_to_image_formats(seed_map: ArgumentMap, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"seed.{fmt}"
    assert render(seed_map, target) == target
    data = target.read_bytes()
    assert data.startswith(MAGIC[fmt])
    assert len(data) > 5000


@pytest.mark.dot
def test_svg_of_seed_map_shows_every_title(seed_map: ArgumentMap, tmp_path: Path) -> None:
    target = render(seed_map, tmp_path / "seed.svg", legend=True)
    texts = svg_texts(target.read_bytes())
    for node in seed_map.nodes:
        assert node.title is not None
        drawn = " ".join(texts[node.id])
        assert " ".join(wrap(node.title, 30)) in drawn


@pytest.mark.dot
@pytest.mark.parametrize(
    "options",
    [
        {},
        {"legend": True, "theme": "print", "group_by": "actor"},
        {"group_by": "kind"},
        {"direction": "LR", "show_weights": True},
    ],
)
def test_every_map_and_fixture_renders(tmp_path: Path, options: dict[str, object]) -> None:
    paths = [*sorted(MAPS.glob("*.yaml")), GRAMMAR, HOSTILE]
    for path in paths:
        svg = pipe(to_dot(argmap.read_map(path), **options).source, format="svg")  # type: ignore[arg-type]
        ET.fromstring(svg)


@pytest.mark.dot
@pytest.mark.parametrize("wrap_width", [0, 24])
def test_hostile_labels_render_as_written(tmp_path: Path, wrap_width: int) -> None:
    amap = argmap.read_map(HOSTILE)
    target = render(
        amap, tmp_path / "hostile.svg", legend=True, group_by="actor", wrap_width=wrap_width
    )
    svg = target.read_bytes()
    root = ET.fromstring(svg)  # well-formed XML, whatever the labels say
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= SVG_ELEMENTS, tags - SVG_ELEMENTS
    texts = svg_texts(svg)
    # Nothing in a label changed the graph: the same nodes and edges as in the map.
    assert {n.id for n in amap.nodes} <= set(texts)
    edges = [g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]
    # The linked argument's two premise lines and its arrow and the question of it; the
    # legend is one table, and invisible layout edges are not drawn.
    assert len(edges) == 3 + 1
    assert any("Legend" in lines for lines in texts.values())
    for node in amap.nodes:
        drawn = texts[node.id]
        for line in wrap(node.text, wrap_width) + wrap(node.title or "", wrap_width):
            assert line.strip() in [d.strip() for d in drawn], (node.id, line, drawn)
    actor = amap.actors[0].name
    assert any(actor in lines for lines in texts.values())
    title = [t for t in texts.values() if amap.title in t]
    assert title, "the map title is drawn as written"


@pytest.mark.dot
def test_hostile_text_cannot_break_out_of_a_label(tmp_path: Path) -> None:
    from argmap.model import Claim, Node, Relation

    nasty = [
        '"] ; evil -> x [label="',
        "\\",
        "ends with a backslash \\",
        "}",
        "<<TABLE>> </TD> <BR/>",
        "&#x41; &lt; &unknown; &",
        "\\N\\G\\E\\T\\H\\L\\l\\r\\n",
    ]
    nodes: list[Node] = [Claim(id=f"n{i}", text=text) for i, text in enumerate(nasty)]
    nodes.append(Claim(id="t", text="thesis", title=nasty[0], thesis=True))
    relations = [Relation(kind="supports", source=n.id, target="t") for n in nodes[:-1]]
    amap = ArgumentMap(id="nasty", title=nasty[4], nodes=nodes, relations=relations)
    svg = render(amap, tmp_path / "nasty.svg", legend=True).read_bytes()
    texts = svg_texts(svg)
    for i, text in enumerate(nasty):
        assert text.strip() in [line.strip() for line in texts[f"n{i}"]]
    root = ET.fromstring(svg)
    edges = [g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]
    assert len(edges) == len(nasty)  # the relations; the legend is a table, not edges


def test_format_comes_from_the_suffix() -> None:
    assert [format_for(f"m.{s}") for s in ("svg", "PNG", "pdf", "dot", "gv", "mmd")] == [
        "svg",
        "png",
        "pdf",
        "dot",
        "dot",
        "mermaid",
    ]
    with pytest.raises(
        argmap.RenderError, match=r"out/m\.jpg: cannot tell the format from '\.jpg'"
    ):
        format_for("out/m.jpg")


def test_dot_and_mermaid_output_need_no_graphviz(
    seed_map: ArgumentMap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    dot_file = render(seed_map, tmp_path / "seed.dot")
    assert dot_file.read_text(encoding="utf-8") == to_dot(seed_map).source
    mermaid = render(seed_map, tmp_path / "seed.mmd")
    assert mermaid.read_text(encoding="utf-8").splitlines()[1] == "flowchart BT"
    with pytest.raises(argmap.GraphvizNotFoundError) as caught:
        render(seed_map, tmp_path / "seed.svg")
    message = str(caught.value)
    for platform in (
        "Debian/Ubuntu",
        "macOS",
        "conda",
        "Windows",
        "apt-get install graphviz",
        "brew install graphviz",
        "conda install -c conda-forge graphviz",
    ):
        assert platform in message
    assert message == INSTALL_HINT
    assert not (tmp_path / "seed.svg").exists()


def test_missing_dot_named_by_environment_variable(
    seed_map: ArgumentMap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_DOT", str(tmp_path / "no-such-dot"))
    with pytest.raises(argmap.GraphvizNotFoundError):
        render(seed_map, tmp_path / "seed.png")


@pytest.mark.dot
def test_graphviz_failure_keeps_the_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.svg"
    target.write_text("old content", encoding="utf-8")
    broken = graphviz.Digraph()
    broken.body.append("\ta -> -> b\n")
    with pytest.raises(argmap.RenderError, match="Graphviz failed"):
        render(broken, target)
    assert target.read_text(encoding="utf-8") == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]


@pytest.mark.dot
def test_existing_file_is_replaced_whole(seed_map: ArgumentMap, tmp_path: Path) -> None:
    target = tmp_path / "out.svg"
    target.write_text("old content", encoding="utf-8")
    render(seed_map, target)
    assert target.read_bytes().startswith(b"<?xml")
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]


@pytest.mark.dot
def test_render_a_prepared_diagram_with_another_engine(
    seed_map: ArgumentMap, tmp_path: Path
) -> None:
    diagram = to_dot(seed_map, focus="avoid-irritation")
    target = render(diagram, tmp_path / "focus.svg", engine="neato")
    assert b"No irritation for Moscow" in target.read_bytes()
    with pytest.raises(argmap.RenderError, match="apply to maps"):
        render(diagram, tmp_path / "x.svg", legend=True)
    with pytest.raises(argmap.RenderError, match="Mermaid output needs a map"):
        render(diagram, tmp_path / "x.mmd")


def test_unknown_engine_and_format_are_refused(seed_map: ArgumentMap, tmp_path: Path) -> None:
    with pytest.raises(argmap.RenderError, match="unknown layout engine 'bogus'"):
        render(seed_map, tmp_path / "x.svg", engine="bogus")  # type: ignore[arg-type]
    with pytest.raises(argmap.RenderError, match="unknown format 'jpg'"):
        render(seed_map, tmp_path / "x.svg", fmt="jpg")  # type: ignore[arg-type]


@pytest.mark.dot
def test_notebook_shows_the_svg(seed_map: ArgumentMap) -> None:
    bundle = seed_map._repr_mimebundle_()
    assert set(bundle) == {"image/svg+xml", "text/plain"}
    svg = bundle["image/svg+xml"]
    root = ET.fromstring(svg)
    assert "Symbolic sanctions" in svg
    # As wide as the cell, in proportion, and described for screen readers.
    assert root.get("width") == "100%" and root.get("height") is None
    assert root.get("viewBox") is not None and root.get("role") == "img"
    assert root.get("aria-label", "").startswith(f"Argument map: {seed_map.title}; 13 nodes")
    assert root.find(f"{SVG}title") is not None
    # The Sources box lists the formatted reference, not the key.
    assert "Shagina, M. (2018). Japan" in svg and "shagina2018dilemma" not in svg


def test_notebook_falls_back_to_dot_source(
    seed_map: ArgumentMap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    bundle = seed_map._repr_mimebundle_()
    assert "image/svg+xml" not in bundle
    source = bundle["text/vnd.graphviz"]
    assert source.startswith(f'digraph "{seed_map.id}"')
    assert "Shagina, M. (2018)" in source  # the sources box lists formatted references
    assert bundle["text/plain"].endswith(source)
    assert "not installed" in bundle["text/plain"]


def test_missing_folders_are_created_and_write_errors_reported(
    seed_map: ArgumentMap, tmp_path: Path
) -> None:
    nested = tmp_path / "a" / "b" / "seed.dot"
    assert render(seed_map, nested).read_text(encoding="utf-8").startswith("digraph")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(argmap.RenderError, match=r"file/seed\.dot: cannot write the file"):
        render(seed_map, blocker / "seed.dot")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.dot
def test_an_analysis_legend_draws_no_second_title(seed_map: ArgumentMap) -> None:
    from argmap.analysis.report import diagram_annotations

    annotations, key = diagram_annotations(seed_map, "grounded")
    dot = to_dot(seed_map, legend=True, annotations=annotations, annotation_key=key)
    svg = pipe(dot.source, format="svg")
    root = ET.fromstring(svg)
    assert [g for g in root.iter(f"{SVG}g") if g.get("class") == "cluster"] == []
    drawn = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert drawn.count(seed_map.title.replace("'", "\u2019")) + drawn.count(seed_map.title) == 1
    assert any("Bold line on a node" in line for line in drawn)


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]


def _arrowhead_end(svg: bytes, tail: str, head: str) -> str:
    """Which end of the edge ``tail -> head`` its one arrowhead is drawn at: "head" or "tail".

    Graphviz draws an edge's line from the tail's side to the head's; the arrowhead sits
    at the end of the line it points from.
    """
    root = ET.fromstring(svg)
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        if group.get("class") == "edge" and title is not None and title.text == f"{tail}->{head}":
            heads = group.findall(f"{SVG}polygon")
            assert len(heads) == 1, "the edge has one arrowhead"
            points = _numbers(heads[0].get("points", ""))
            tip = (sum(points[0::2]) / len(points[0::2]), sum(points[1::2]) / len(points[1::2]))
            line = group.find(f"{SVG}path")
            assert line is not None
            course = _numbers(line.get("d", ""))
            start, end = (course[0], course[1]), (course[-2], course[-1])
            return "head" if math.dist(tip, end) < math.dist(tip, start) else "tail"
    raise AssertionError(f"no edge {tail}->{head}")


@pytest.mark.dot
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_a_pull_points_from_the_factor_at_the_outcome(
    seed_map: ArgumentMap, direction: str
) -> None:
    svg = pipe(to_dot(seed_map, direction=direction).source, format="svg")  # type: ignore[arg-type]
    assert _arrowhead_end(svg, "territorial-dispute", "sanctions-imposed") == "head"
    assert _arrowhead_end(svg, "g7-solidarity", "sanctions-imposed") == "head"
    mermaid = to_mermaid(seed_map)
    names = {n.id: f"n{i}" for i, n in enumerate(seed_map.nodes)}
    assert f'{names["territorial-dispute"]} -.->|"pull"| {names["sanctions-imposed"]}' in mermaid


@pytest.mark.dot
@pytest.mark.parametrize(
    "options",
    [
        {},
        {"direction": "LR", "legend": True},
        {"size": "a4"},
        {"size": "slide", "group_by": "actor"},
    ],
)
def test_a_diagram_fits_the_notebook_cell(seed_map: ArgumentMap, options: dict[str, Any]) -> None:
    bundle = to_dot(seed_map, **options)._repr_mimebundle_()
    svg = bundle["image/svg+xml"]
    root = re.search(r"<svg\b[^>]*>", svg)
    assert root is not None
    tag = root.group()
    assert 'width="100%"' in tag and "viewBox=" in tag and "height=" not in tag
    assert re.search(r"max-width: [\d.]+pt; height: auto", tag)


def test_fonts_are_looked_up_with_one_fc_list_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = shutil.which("fc-list")
    if real is None:
        pytest.skip("fontconfig (fc-list) is not installed")
    log = tmp_path / "calls"
    wrapper = tmp_path / "bin" / "fc-list"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho x >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}")
    from argmap.diagrams.fonts import missing_glyphs

    # One character from each of 8,000 blocks of 128 code points, as a large multilingual
    # map might have: the lookup must not cost a process per block.
    text = "".join(
        chr(0x250 + 128 * block)
        for block in range(8000)
        if not 0xD800 <= 0x250 + 128 * block < 0xE000
    )
    missing = missing_glyphs([text, "日本語 Ελλάδα"])
    assert log.read_text().count("x") == 1
    assert "\u0395" not in missing and set(missing) <= set(text + "日本語")
    # Where Latin is covered, the Greek the test map uses is reported as drawable.
    assert missing_glyphs(["Ελλάδα · café — “quoted”"]) == []


def _tangled(n: int) -> ArgumentMap:
    """``n`` claims each attacking every other: n * (n - 1) relations in one cycle."""
    from argmap.model import Claim, Relation

    return ArgumentMap(
        id="tangled",
        title="Claims attacking each other",
        nodes=[Claim(id=f"c{i}", text=f"Claim {i}.", thesis=i == 0) for i in range(n)],
        relations=[
            Relation(kind="attacks", source=f"c{i}", target=f"c{j}")
            for i in range(n)
            for j in range(n)
            if i != j
        ],
    )


def test_a_map_too_tangled_to_lay_out_is_refused_before_graphviz_runs(tmp_path: Path) -> None:
    """21 claims attacking each other make 420 relations in one cycle: Graphviz would lay
    them out for minutes. DOT and Mermaid, which run no layout, are still written."""
    amap = _tangled(21)
    target = tmp_path / "tangled.svg"
    with pytest.raises(argmap.RenderError) as caught:
        render(amap, target)
    assert str(caught.value).startswith(
        "too tangled to lay out: 420 relations run in cycles among 21 nodes (at most 400 do)"
    )
    assert not target.exists()
    assert render(amap, tmp_path / "tangled.dot").stat().st_size > 0
    assert render(amap, tmp_path / "tangled.mmd").stat().st_size > 0


@pytest.mark.dot
def test_a_tangle_within_the_bound_or_out_of_focus_is_drawn(tmp_path: Path) -> None:
    assert render(_tangled(20), tmp_path / "twenty.svg").stat().st_size > 0  # 380 relations
    focused = render(_tangled(21), tmp_path / "focus.svg", focus="c0", depth=0)
    assert "Claim 0." in focused.read_text(encoding="utf-8")
