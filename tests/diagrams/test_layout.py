"""Layouts drawn by the real Graphviz: page and slide sizes, engines, boxes, the legend."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import argmap
from argmap.diagrams import to_dot
from argmap.diagrams.backend import ENGINES, Engine, layout, pipe
from argmap.diagrams.pages import Page, bounding_box, page_fit, plan_pages, requested_page
from argmap.diagrams.warnings import page_issues
from argmap.model import ArgumentMap
from tests.support import SEED_MAP

pytestmark = pytest.mark.dot

Box = tuple[float, float, float, float]


def node_boxes(svg: str) -> dict[str, Box]:
    """The bounding box of every node's outline in an SVG that Graphviz drew, by node id."""
    boxes: dict[str, Box] = {}
    for match in re.finditer(r'<g id="([^"]+)" class="node">(.*?)</g>', svg, re.S):
        numbers = [
            float(x)
            for outline in re.findall(r'(?:points|d)="([^"]*)"', match.group(2))
            for x in re.findall(r"-?\d+(?:\.\d+)?", outline)
        ]
        for ellipse in re.findall(r"<ellipse[^>]*>", match.group(2)):
            cx, cy, rx, ry = (
                float(re.search(rf'{k}="(-?[\d.]+)"', ellipse).group(1))  # type: ignore[union-attr]
                for k in ("cx", "cy", "rx", "ry")
            )
            numbers += [cx - rx, cy - ry, cx + rx, cy + ry]
        xs, ys = numbers[0::2], numbers[1::2]
        boxes[match.group(1).replace("&#45;", "-")] = (min(xs), min(ys), max(xs), max(ys))
    return boxes


def page_size(svg: str) -> tuple[float, float]:
    """The drawing's width and height in points."""
    found = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert found is not None
    return float(found.group(1)), float(found.group(2))


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return argmap.read_map(SEED_MAP)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_engine_draws_nodes_over_each_other(seed: ArgumentMap, engine: Engine) -> None:
    svg = pipe(to_dot(seed, legend=True).source, format="svg", engine=engine).decode()
    boxes = node_boxes(svg)
    assert {n.id for n in seed.nodes} <= set(boxes)
    overlapping = [
        (a, b)
        for (a, p), (b, q) in itertools.combinations(boxes.items(), 2)
        if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]
    ]
    assert overlapping == []


def pdf_pages(data: bytes, tmp_path: Path) -> tuple[int, list[tuple[float, float]]]:
    """The number of pages of a PDF and the size of each in points (read by poppler's pdfinfo)."""
    path = tmp_path / "diagram.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))  # type: ignore[union-attr]
    sizes = [
        (float(w), float(h))
        for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    ]
    return pages, sizes


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


needs_pdfinfo = pytest.mark.skipif(
    shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed"
)


@needs_pdfinfo
@pytest.mark.parametrize(
    ("size", "direction", "page"),
    [
        ("a4", "TB", (595, 842)),
        ("a4", "LR", (842, 595)),
        ("letter", "TB", (612, 792)),
        ("letter", "LR", (792, 612)),
    ],
)
def test_every_pdf_page_has_the_exact_paper_size(
    seed: ArgumentMap, tmp_path: Path, size: str, direction: str, page: tuple[int, int]
) -> None:
    dot = to_dot(seed, size=size, direction=direction)  # type: ignore[arg-type]
    count, sizes = pdf_pages(pipe(dot.source, format="pdf"), tmp_path)
    assert sizes == [page] * count
    # The seed map at full size (text 8 pt and up) takes more than one page of either paper.
    laid = layout(dot.source)
    x0, y0, x1, y1 = bounding_box(laid)
    fit = page_fit(x1 - x0, y1 - y0, requested_page(dot.source))  # type: ignore[arg-type]
    assert count == fit.pages > 1


@needs_pdfinfo
def test_a_map_that_fits_takes_one_centred_page(seed: ArgumentMap, tmp_path: Path) -> None:
    dot = to_dot(seed, size="a4", focus="territorial-dispute", depth=0, key_block=False)
    count, sizes = pdf_pages(pipe(dot.source, format="pdf"), tmp_path)
    assert (count, sizes) == (1, [(595, 842)])


def test_text_on_a_page_is_never_shrunk(seed: ArgumentMap) -> None:
    """Every window of a PDF is drawn at zoom 1: the 8 pt tags stay 8 pt."""
    dot = to_dot(seed, size="a4")
    page = requested_page(dot.source)
    assert page == Page(595, 842, 28.8)
    views = plan_pages(bounding_box(layout(dot.source)), page, paginate=True)
    assert {v.zoom for v in views} == {1.0}
    assert min(int(size) for size in re.findall(r'POINT-SIZE="(\d+)"', dot.source)) == 8
    assert min(int(size) for size in re.findall(r"fontsize=(\d+)", dot.source)) >= 8


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("hide_text", [False, True])
def test_a_slide_is_1920_by_1080_pixels(seed: ArgumentMap, direction: str, hide_text: bool) -> None:
    dot = to_dot(seed, size="slide", direction=direction, hide_text=hide_text)  # type: ignore[arg-type]
    assert png_size(pipe(dot.source, format="png")) == (1920, 1080)
    assert page_size(pipe(dot.source, format="svg").decode()) == (960, 540)


@pytest.mark.parametrize(
    ("size", "pixels"), [("a4", (595 * 96 / 72, 842 * 96 / 72)), ("letter", (816, 1056))]
)
def test_a_paper_png_has_the_page_size_at_its_dpi(
    seed: ArgumentMap, size: str, pixels: tuple[float, float]
) -> None:
    png = pipe(to_dot(seed, size=size).source, format="png")  # type: ignore[arg-type]
    assert png_size(png) == tuple(round(p) for p in pixels)
    doubled = pipe(to_dot(seed, size=size, dpi=192).source, format="png")  # type: ignore[arg-type]
    assert png_size(doubled) == tuple(round(p * 2) for p in pixels)
    # 595 by 842 pt at 192 dpi: 1586.7 by 2245.3 pixels, rounded.


def test_a_page_too_small_for_8_pt_text_is_a_warning_naming_what_helps(seed: ArgumentMap) -> None:
    pdf = page_issues(seed, {"size": "a4"}, fmt="pdf")
    assert [i.code for i in pdf] == ["page-fit"]
    assert "it takes 4 pages (2 across, 2 down)" in pdf[0].message
    for option in ("--hide-text", "--hide-evidence", "--focus ID", "--direction LR"):
        assert option in pdf[0].message
    png = page_issues(seed, {"size": "slide"}, fmt="png")
    assert re.search(r"it is shrunk to \d+%, its smallest text [\d.]+ pt", png[0].message)
    assert "write a PDF" in png[0].message
    small = {"size": "slide", "hide_text": True, "hide_evidence": True}
    assert page_issues(seed, small, fmt="png") == []  # type: ignore[arg-type]


def test_dpi_sets_the_png_resolution(seed: ArgumentMap) -> None:
    small = pipe(to_dot(seed, dpi=48).source, format="png")
    large = pipe(to_dot(seed, dpi=144).source, format="png")
    width = int.from_bytes(small[16:20], "big"), int.from_bytes(large[16:20], "big")
    assert width[1] == pytest.approx(3 * width[0], rel=0.02)


@pytest.mark.parametrize("group_by", [None, "actor", "kind"])
def test_the_thesis_stays_on_top(seed: ArgumentMap, group_by: str | None) -> None:
    svg = pipe(to_dot(seed, group_by=group_by).source, format="svg").decode()  # type: ignore[arg-type]
    boxes = node_boxes(svg)
    top = min(box[1] for name, box in boxes.items() if not name.startswith("node"))
    assert boxes["symbolic-sanctions"][1] == top


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_the_sources_box_is_beside_the_thesis(seed: ArgumentMap, direction: str) -> None:
    svg = pipe(to_dot(seed, direction=direction).source, format="svg").decode()  # type: ignore[arg-type]
    key = re.search(r'<g id="(\w+)" class="node">\s*<title>#key&#45;block</title>', svg)
    assert key is not None
    boxes = node_boxes(svg)
    thesis, sources = boxes["symbolic-sanctions"], boxes[key.group(1)]
    # Same rank: side by side (TB) or one above the other in the same column (LR).
    axis = 1 if direction == "TB" else 0
    assert sources[axis] < thesis[axis + 2] and thesis[axis] < sources[axis + 2]


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_the_legend_is_one_compact_table(seed: ArgumentMap, direction: str) -> None:
    plain = pipe(to_dot(seed, direction=direction).source, format="svg").decode()  # type: ignore[arg-type]
    legend = pipe(to_dot(seed, direction=direction, legend=True).source, format="svg").decode()  # type: ignore[arg-type]
    assert legend.count('class="cluster"') == 0 and "Legend" in legend
    (w0, h0), (w1, h1) = page_size(plain), page_size(legend)
    assert w1 * h1 < 1.5 * w0 * h0  # the legend adds less than half the area
