"""Fitting Graphviz's SVG to the width of a notebook cell, described for screen readers."""

from __future__ import annotations

import html
import re

__all__ = ["fit_svg"]

_SVG_TAG = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(r'\s(width|height)="([^"]*)"')


def fit_svg(svg: str, *, alt: str) -> str:
    """SVG that shrinks to the width of its container, described for screen readers.

    The fixed width and height Graphviz writes are replaced by ``width="100%"`` and a
    ``max-width`` of the drawing's own width (the ``viewBox`` keeps the proportions): a
    wide diagram fits the cell, a small one is not blown up. The root gets
    ``role="img"``, an ``aria-label`` and a ``<title>`` (the tooltip) saying what it shows.

    >>> svg = fit_svg('<svg width="10pt" height="5pt" viewBox="0 0 9 5"></svg>', alt="A&B")
    >>> print(svg.replace(" role", "\\n role"))
    <svg width="100%" style="max-width: 10pt; height: auto" viewBox="0 0 9 5"
     role="img" aria-label="A&amp;B"><title>A&amp;B</title></svg>
    """
    match = _SVG_TAG.search(svg)
    if match is None:
        return svg
    sizes = dict(_SIZE.findall(match.group()))
    tag = _SIZE.sub("", match.group())
    label = html.escape(alt, quote=True)
    width = sizes.get("width", "")
    limit = (
        f' style="max-width: {html.escape(width, quote=True)}; height: auto"'
        if width and not width.endswith("%")
        else ""
    )
    root = f'<svg width="100%"{limit}{tag[4:-1]} role="img" aria-label="{label}">'
    return svg[: match.start()] + root + f"<title>{label}</title>" + svg[match.end() :]
