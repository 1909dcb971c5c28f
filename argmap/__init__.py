"""argmap: argument maps with citations.

A typed model of a text's argument (claims, evidence, push and pull factors, questions,
and the relations between them), read from and written to YAML or JSON map files,
checked with located messages, turned into a networkx graph, drawn, analysed, and cited.

The names here are the library's public interface; each loads its module on first use,
so ``import argmap`` loads no pydantic schema, no networkx and no CSL engine. Interchange
formats have their own modules (:mod:`argmap.formats.aif`, ``.argdown``, ``.graphml``,
``.iccma``), as do the analyses (:mod:`argmap.analysis`), the citations
(:mod:`argmap.citations`), the diagrams (:mod:`argmap.diagrams`), workspaces of maps
(:mod:`argmap.workspace`) and the commands (:mod:`argmap.commands`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from argmap import _display

if TYPE_CHECKING:
    __version__: str
    from argmap.analysis import Framework, extensions, labelling, strengths, to_framework
    from argmap.checks import check
    from argmap.citations import (
        Bibliography,
        check_citations,
        cited_sources,
        export_citations,
        parse_bibliography,
        read_bibliography,
    )
    from argmap.citations.formatting import format_bibliography, format_citation
    from argmap.commands.convert import convert
    from argmap.commands.render import render
    from argmap.diagrams import to_dot, to_mermaid
    from argmap.errors import (
        ArgmapError,
        BibliographyError,
        FormatError,
        GraphvizNotFoundError,
        Issue,
        MapError,
        RenderError,
    )
    from argmap.formats.mapfile import dump_map, parse_map, read_map, write_map
    from argmap.formats.networkx import from_networkx
    from argmap.formats.schema import json_schema
    from argmap.graph import to_networkx
    from argmap.model import (
        Actor,
        ArgumentMap,
        Citation,
        Claim,
        Evidence,
        Factor,
        Node,
        Question,
        Reference,
        Relation,
    )
    from argmap.workspace import Workspace, read_maps

#: Where each public name lives.
_EXPORTS: dict[str, str] = {
    "Actor": "argmap.model",
    "ArgmapError": "argmap.errors",
    "ArgumentMap": "argmap.model",
    "Bibliography": "argmap.citations",
    "BibliographyError": "argmap.errors",
    "Citation": "argmap.model",
    "Claim": "argmap.model",
    "Evidence": "argmap.model",
    "Factor": "argmap.model",
    "FormatError": "argmap.errors",
    "Framework": "argmap.analysis",
    "GraphvizNotFoundError": "argmap.errors",
    "Issue": "argmap.errors",
    "MapError": "argmap.errors",
    "Node": "argmap.model",
    "Question": "argmap.model",
    "Reference": "argmap.model",
    "Relation": "argmap.model",
    "RenderError": "argmap.errors",
    "Workspace": "argmap.workspace",
    "check": "argmap.checks",
    "check_citations": "argmap.citations",
    "cited_sources": "argmap.citations",
    "convert": "argmap.commands.convert",
    "dump_map": "argmap.formats.mapfile",
    "export_citations": "argmap.citations",
    "extensions": "argmap.analysis",
    "format_bibliography": "argmap.citations.formatting",
    "format_citation": "argmap.citations.formatting",
    "from_networkx": "argmap.formats.networkx",
    "json_schema": "argmap.formats.schema",
    "labelling": "argmap.analysis",
    "parse_bibliography": "argmap.citations",
    "parse_map": "argmap.formats.mapfile",
    "read_bibliography": "argmap.citations",
    "read_map": "argmap.formats.mapfile",
    "read_maps": "argmap.workspace",
    "render": "argmap.commands.render",
    "strengths": "argmap.analysis",
    "to_dot": "argmap.diagrams",
    "to_framework": "argmap.analysis",
    "to_mermaid": "argmap.diagrams",
    "to_networkx": "argmap.graph",
    "write_map": "argmap.formats.mapfile",
}

__all__ = [
    "Actor",
    "ArgmapError",
    "ArgumentMap",
    "Bibliography",
    "BibliographyError",
    "Citation",
    "Claim",
    "Evidence",
    "Factor",
    "FormatError",
    "Framework",
    "GraphvizNotFoundError",
    "Issue",
    "MapError",
    "Node",
    "Question",
    "Reference",
    "Relation",
    "RenderError",
    "Workspace",
    "__version__",
    "check",
    "check_citations",
    "cited_sources",
    "convert",
    "dump_map",
    "export_citations",
    "extensions",
    "format_bibliography",
    "format_citation",
    "from_networkx",
    "json_schema",
    "labelling",
    "parse_bibliography",
    "parse_map",
    "read_bibliography",
    "read_map",
    "read_maps",
    "render",
    "strengths",
    "to_dot",
    "to_framework",
    "to_mermaid",
    "to_networkx",
    "write_map",
]


# Type checkers see the names imported above, so that a name argmap does not export is an
# error there too, not a value of type Any.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        if name == "__version__":
            from importlib.metadata import PackageNotFoundError, version

            try:
                value: Any = version("argmap")
            except PackageNotFoundError:  # pragma: no cover - running from a source tree
                value = "0.0.0"
        elif name in _EXPORTS:
            value = getattr(importlib.import_module(_EXPORTS[name]), name)
        else:
            raise AttributeError(f"module 'argmap' has no attribute {name!r}")
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _mimebundle(amap: Any) -> dict[str, str]:
    from argmap.diagrams.notebook import mimebundle

    result: dict[str, str] = mimebundle(amap)
    return result


# How a map shows itself in Jupyter: the model knows no diagrams, the package does.
_display.SHOW.append(_mimebundle)
