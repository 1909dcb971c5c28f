"""Diagrams of argument maps: Graphviz DOT, rendering through ``dot``, HTML, Mermaid, notebooks.

Building a diagram (:func:`to_dot`, :func:`to_mermaid`) is pure; :func:`draw` runs Graphviz
(through :mod:`argmap.diagrams.backend`) and gives the file's content; nothing here writes a
file (:func:`argmap.render` does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap._lazy import lazy_namespace

if TYPE_CHECKING:
    from argmap.diagrams.backend import ENGINES, INSTALL_HINT, Engine
    from argmap.diagrams.dot import (
        LARGE_MAP,
        PAGE_SIZES,
        Diagram,
        DiagramOptions,
        GroupBy,
        LayoutDirection,
        PageSize,
        to_dot,
    )
    from argmap.diagrams.mermaid import to_mermaid
    from argmap.diagrams.options import OptionError
    from argmap.diagrams.rendering import DIAGRAM_FORMATS, SUFFIXES, Format, draw, format_for
    from argmap.diagrams.theme import ThemeName

_EXPORTS = {
    "DIAGRAM_FORMATS": "argmap.diagrams.rendering",
    "Diagram": "argmap.diagrams.dot",
    "DiagramOptions": "argmap.diagrams.dot",
    "ENGINES": "argmap.diagrams.backend",
    "Engine": "argmap.diagrams.backend",
    "Format": "argmap.diagrams.rendering",
    "GroupBy": "argmap.diagrams.dot",
    "INSTALL_HINT": "argmap.diagrams.backend",
    "LARGE_MAP": "argmap.diagrams.dot",
    "LayoutDirection": "argmap.diagrams.dot",
    "OptionError": "argmap.diagrams.options",
    "PAGE_SIZES": "argmap.diagrams.dot",
    "PageSize": "argmap.diagrams.dot",
    "SUFFIXES": "argmap.diagrams.rendering",
    "ThemeName": "argmap.diagrams.theme",
    "draw": "argmap.diagrams.rendering",
    "format_for": "argmap.diagrams.rendering",
    "to_dot": "argmap.diagrams.dot",
    "to_mermaid": "argmap.diagrams.mermaid",
}

__all__ = [
    "DIAGRAM_FORMATS",
    "ENGINES",
    "INSTALL_HINT",
    "LARGE_MAP",
    "PAGE_SIZES",
    "SUFFIXES",
    "Diagram",
    "DiagramOptions",
    "Engine",
    "Format",
    "GroupBy",
    "LayoutDirection",
    "OptionError",
    "PageSize",
    "ThemeName",
    "draw",
    "format_for",
    "to_dot",
    "to_mermaid",
]

__getattr__, __dir__ = lazy_namespace(__name__, _EXPORTS)
