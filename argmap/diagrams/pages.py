"""Putting a laid-out diagram on pages of an exact size: one page, or a grid of them.

A diagram asks for pages with Graphviz's own ``page`` attribute (inches) and leaves a
``margin`` free on every side (see :func:`argmap.to_dot`'s ``size``). Graphviz's cairo
renderer does not paginate, so :func:`argmap.diagrams.backend.pipe` lays the diagram out
once, asks :func:`plan_pages` which windows of the layout to draw, and draws each with
Graphviz's ``viewport`` (an exact output size, a zoom and a centre). Nothing here starts
a process; these are the numbers.

The rule for text: argmap's smallest text is 8 pt, so a page never shrinks a drawing.
A PDF that does not fit one page at full size becomes a grid of pages, read row by row
from the top left; an image (PNG, SVG) is one page, so a drawing too large for it is
shrunk to fit and :func:`page_fit` says by how much (the warnings name what helps).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = ["Page", "PageFit", "Viewport", "page_fit", "plan_pages", "requested_page"]

#: Points in an inch.
POINTS = 72.0

#: A statement of graph attributes on a line of its own, as graphviz writes them (a label
#: never holds a line break here: labels are HTML with <BR/>).
_GRAPH_ATTRS = re.compile(r"^\s*graph\s*\[(.*)\]\s*$", re.MULTILINE)
_ATTR = re.compile(r'\b(page|margin)=("([^"]*)"|[\d.,]+)')
_BB = re.compile(r'\bbb="([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)"')


@dataclass(frozen=True, slots=True)
class Page:
    """A page: its width and height and the margin left free on every side, in points."""

    width: float
    height: float
    margin: float = 0.0

    @property
    def inner(self) -> tuple[float, float]:
        """The width and height left for the drawing."""
        return self.width - 2 * self.margin, self.height - 2 * self.margin


@dataclass(frozen=True, slots=True)
class Viewport:
    """One window of a layout, as Graphviz's ``viewport`` takes it (points, layout units)."""

    width: float
    height: float
    zoom: float
    x: float
    y: float

    def attribute(self) -> str:
        """The value of Graphviz's ``viewport`` attribute.

        >>> Viewport(537.4, 784.4, 1.0, 400.0, 320.5).attribute()
        '537.4,784.4,1,400,320.5'
        """
        return ",".join(f"{v:.6g}" for v in (self.width, self.height, self.zoom, self.x, self.y))


@dataclass(frozen=True, slots=True)
class PageFit:
    """How a drawing of some size goes on a page."""

    columns: int
    """Pages across, at full size."""
    rows: int
    """Pages down, at full size."""
    scale: float
    """The shrinking that would put it on one page (1 where it fits)."""

    @property
    def pages(self) -> int:
        return self.columns * self.rows


def requested_page(source: str) -> Page | None:
    r"""The page a DOT source asks for in its graph attributes, or None.

    ``page`` and ``margin`` are in inches, as Graphviz reads them; the page comes back in
    whole points (A4 is 595 by 842).

    >>> requested_page('digraph {\n\tgraph [page="8.2639,11.6944" margin=0.4]\n}')
    Page(width=595, height=842, margin=28.8)
    >>> requested_page('digraph {\n\tgraph [rankdir=LR]\n\ta [label="graph [page=1,1]"]\n}')
    """
    found: dict[str, str] = {}
    for attrs in _GRAPH_ATTRS.finditer(source):
        for match in _ATTR.finditer(attrs.group(1)):
            found[match.group(1)] = match.group(3) if match.group(3) is not None else match.group(2)
    if "page" not in found:
        return None
    try:
        sizes = [float(v) for v in found["page"].split(",")]
        margins = [float(v) for v in found.get("margin", "0").split(",")]
    except ValueError:
        return None
    width, height = (sizes[0], sizes[0]) if len(sizes) == 1 else (sizes[0], sizes[1])
    if width <= 0 or height <= 0:
        return None
    margin = max(0.0, margins[0]) * POINTS
    if 2 * margin >= min(width, height) * POINTS:
        margin = 0.0
    return Page(round(width * POINTS), round(height * POINTS), round(margin, 3))


def bounding_box(laid_out: str) -> tuple[float, float, float, float]:
    """The graph's bounding box (x0, y0, x1, y1) in a layout Graphviz wrote as DOT.

    >>> bounding_box('digraph { graph [bb="0,0,1152,1049"] a [pos="5,5"] }')
    (0.0, 0.0, 1152.0, 1049.0)
    """
    match = _BB.search(laid_out)
    if match is None:
        raise ValueError("the layout has no bounding box (bb)")
    x0, y0, x1, y1 = (float(v) for v in match.groups())
    return x0, y0, x1, y1


def page_fit(width: float, height: float, page: Page) -> PageFit:
    """How a drawing of ``width`` by ``height`` points goes on the page.

    >>> page_fit(400, 700, Page(595, 842, 28.8))
    PageFit(columns=1, rows=1, scale=1.0)
    >>> fit = page_fit(1152, 1049, Page(595, 842, 28.8))
    >>> fit.columns, fit.rows, fit.scale
    (3, 2, 0.46)
    """
    inner_width, inner_height = page.inner
    columns = max(1, math.ceil(width / inner_width - 1e-9))
    rows = max(1, math.ceil(height / inner_height - 1e-9))
    scale = min(
        1.0, inner_width / width if width else 1.0, inner_height / height if height else 1.0
    )
    # Graphviz writes an SVG's scale with two decimals: round down, or it would overflow.
    return PageFit(columns, rows, math.floor(scale * 100) / 100)


def plan_pages(
    box: tuple[float, float, float, float], page: Page, *, paginate: bool
) -> list[Viewport]:
    """The windows of a layout to draw, one per page, row by row from the top left.

    With ``paginate`` (PDF), each window is the page less its margins (Graphviz adds the
    margins), at full size: one centred window where the drawing fits, else a grid of
    them centred on the drawing. Without it (an image), one window of the whole page
    (drawn without margins), the drawing centred and shrunk to fit inside the margins.

    >>> plan_pages((0, 0, 300, 200), Page(595, 842, 28.8), paginate=True)
    [Viewport(width=537.4, height=784.4, zoom=1.0, x=150.0, y=100.0)]
    >>> [(v.x, v.y) for v in plan_pages((0, 0, 1000, 800), Page(595, 842, 28.8), paginate=True)]
    [(268.7, 407.8), (806.1, 407.8), (268.7, -376.6), (806.1, -376.6)]
    >>> plan_pages((0, 0, 1074.8, 100), Page(595, 842, 28.8), paginate=False)
    [Viewport(width=595, height=842, zoom=0.5, x=537.4, y=50.0)]
    """
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    centre_x, centre_y = (x0 + x1) / 2, (y0 + y1) / 2
    fit = page_fit(width, height, page)
    if not paginate:
        return [Viewport(page.width, page.height, fit.scale, centre_x, centre_y)]
    inner_width, inner_height = (round(v, 3) for v in page.inner)
    if fit.pages == 1:
        left, top = centre_x - inner_width / 2, centre_y + inner_height / 2
    else:
        # From the drawing's top left, where the title and the thesis are.
        left, top = x0, y1
    return [
        Viewport(
            inner_width,
            inner_height,
            1.0,
            round(left + (column + 0.5) * inner_width, 3),
            round(top - (row + 0.5) * inner_height, 3),
        )
        for row in range(fit.rows)
        for column in range(fit.columns)
    ]
