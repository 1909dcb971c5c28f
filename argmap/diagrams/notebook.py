"""How a map shows itself in Jupyter: its SVG diagram, or DOT text where ``dot`` is missing."""

from __future__ import annotations

from argmap.diagrams.backend import pipe
from argmap.diagrams.dot import to_dot
from argmap.errors import GraphvizNotFoundError
from argmap.model import ArgumentMap

__all__ = ["mimebundle"]


def mimebundle(amap: ArgumentMap) -> dict[str, str]:
    """The representations of a map that Jupyter can display, best first.

    With Graphviz installed: ``image/svg+xml`` (the diagram) and ``text/plain``. Without
    it: ``text/plain`` holding the DOT source, with a note on installing Graphviz, and
    ``text/vnd.graphviz`` for front ends that draw DOT themselves.
    """
    source = to_dot(amap).source
    summary = f"ArgumentMap {amap.id!r}: {amap.title} ({len(amap.nodes)} nodes)"
    try:
        svg = pipe(source, format="svg").decode("utf-8")
    except GraphvizNotFoundError:
        note = "// Graphviz's dot is not installed, so here is the DOT source of the diagram.\n"
        return {"text/plain": note + source, "text/vnd.graphviz": source}
    return {"image/svg+xml": svg, "text/plain": summary}
