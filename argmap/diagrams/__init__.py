"""Diagrams of argument maps: Graphviz DOT, rendering through ``dot``, Mermaid, notebooks.

Building a diagram (:func:`to_dot`, :func:`to_mermaid`) is pure; only :func:`render`
(through :mod:`argmap.diagrams.backend`) starts Graphviz.
"""

from argmap.diagrams.backend import ENGINES, INSTALL_HINT, Engine
from argmap.diagrams.dot import LARGE_MAP, DiagramOptions, Direction, GroupBy, to_dot
from argmap.diagrams.mermaid import to_mermaid
from argmap.diagrams.rendering import FORMATS, SUFFIXES, Format, format_for, render
from argmap.diagrams.theme import ThemeName

__all__ = [
    "ENGINES",
    "FORMATS",
    "INSTALL_HINT",
    "LARGE_MAP",
    "SUFFIXES",
    "DiagramOptions",
    "Direction",
    "Engine",
    "Format",
    "GroupBy",
    "ThemeName",
    "format_for",
    "render",
    "to_dot",
    "to_mermaid",
]
