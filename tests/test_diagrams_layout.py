"""Layouts drawn by the real Graphviz: page and slide sizes, engines, boxes, the legend."""

from __future__ import annotations

import itertools
import re

import pytest

import argmap
from argmap.diagrams import to_dot
from argmap.diagrams.backend import ENGINES, Engine, pipe
from argmap.model import ArgumentMap
from tests.conftest import SEED_MAP

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


@pytest.mark.parametrize(
    ("size", "direction", "ratio"),
    [
        ("slide", "LR", 9 / 16),
        ("slide", "TB", 9 / 16),
        ("a4", "TB", 10.89 / 7.47),
        ("letter", "LR", 7.7 / 10.2),
    ],
)
def test_sizes_fit_the_page(seed: ArgumentMap, size: str, direction: str, ratio: float) -> None:
    dot = to_dot(seed, size=size, direction=direction, legend=True)  # type: ignore[arg-type]
    width, height = page_size(pipe(dot.source, format="svg").decode())
    assert height / width == pytest.approx(ratio, rel=0.03)
    page = {"slide": (13.333, 7.5), "a4": (8.27, 11.69), "letter": (11.0, 8.5)}[size]
    across, down = page if direction == "LR" or size == "slide" else sorted(page)
    assert width <= (across - 0.8) * 72 + 1 and height <= (down - 0.8) * 72 + 1


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
