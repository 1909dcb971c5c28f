"""How a map shows itself in Jupyter: its SVG diagram, or DOT text where ``dot`` is missing."""

from __future__ import annotations

from argmap._plural import counted
from argmap.diagrams.backend import pipe
from argmap.diagrams.dot import to_dot
from argmap.diagrams.svg import fit_svg
from argmap.errors import BibliographyError, GraphvizNotFoundError
from argmap.model import ArgumentMap

__all__ = ["fit_svg", "mimebundle"]


def mimebundle(amap: ArgumentMap) -> dict[str, str]:
    """The representations of a map that Jupyter can display, best first.

    With Graphviz installed: ``image/svg+xml`` (the diagram, as wide as the cell, its
    sources box listing formatted APA references where the map's bibliography can be
    read) and ``text/plain``. Without it: ``text/plain`` holding the DOT source, with a
    note on installing Graphviz, and ``text/vnd.graphviz`` for front ends that draw DOT.
    """
    source = to_dot(amap, references=_references(amap)).source
    summary = f"ArgumentMap {amap.id!r}: {amap.title} ({counted(len(amap.nodes), 'node')})"
    try:
        svg = pipe(source, format="svg").decode("utf-8")
    except GraphvizNotFoundError:
        note = "// Graphviz's dot is not installed, so here is the DOT source of the diagram.\n"
        return {"text/plain": note + source, "text/vnd.graphviz": source}
    alt = (
        f"Argument map: {amap.title}; {counted(len(amap.nodes), 'node')}, "
        f"{counted(len(amap.relations), 'relation')}"
        + (f"; thesis: {amap.thesis.label}" if amap.thesis is not None else "")
    )
    return {"image/svg+xml": fit_svg(svg, alt=alt), "text/plain": summary}


def _references(amap: ArgumentMap) -> dict[str, str] | None:
    """The formatted references of the map's cited works; None where they cannot be had."""
    if not amap.bibliography or not amap.cited_keys():
        return None
    from argmap.citations.bibliography import read_map_bibliography
    from argmap.citations.formatting import format_cited

    try:
        bibliography = read_map_bibliography(amap)
    except BibliographyError:
        return None
    return format_cited(bibliography, amap.cited_keys(), style="apa") or None
