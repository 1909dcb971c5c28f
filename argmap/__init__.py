"""argmap: argument maps with citations.

A typed model of a text's argument (claims, evidence, push and pull factors, questions,
and the relations between them), read from and written to YAML or JSON map files,
checked with located messages, and turned into a networkx graph.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from argmap import _display

# Names are imported on first use (PEP 562): ``import argmap`` loads no pydantic schema,
# no networkx and no CSL engine; type checkers read the imports below.
if TYPE_CHECKING:
    from argmap.analysis import (
        Framework,
        extensions,
        is_accepted,
        labelling,
        strengths,
        to_framework,
    )
    from argmap.checks import check
    from argmap.citations import (
        BibEntry,
        Bibliography,
        CitedSource,
        check_citations,
        cited_sources,
        export_citations,
        parse_bibliography,
        read_bibliography,
        read_map_bibliography,
    )
    from argmap.citations.formatting import (
        format_bibliography,
        format_citation,
        format_node_citation,
        format_references,
    )
    from argmap.corpus import Corpus, read_maps
    from argmap.diagrams import DiagramOptions, render, to_dot, to_mermaid
    from argmap.errors import (
        ArgmapError,
        BibliographyError,
        FormatError,
        GraphvizNotFoundError,
        Issue,
        Location,
        MapError,
        RenderError,
    )
    from argmap.formats.aif import dump_aif, parse_aif, read_aif, write_aif
    from argmap.formats.argdown import (
        dump_argdown,
        parse_argdown_json,
        read_argdown_json,
        write_argdown,
    )
    from argmap.formats.graphml import (
        dump_gexf,
        dump_graphml,
        parse_gexf,
        parse_graphml,
        read_gexf,
        read_graphml,
        write_gexf,
        write_graphml,
    )
    from argmap.formats.iccma import dump_af, parse_af, read_af, write_af
    from argmap.formats.mapfile import dump_map, parse_map, read_map, write_map
    from argmap.formats.networkx import from_networkx
    from argmap.formats.registry import convert
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
        Relation,
    )

#: Where each public name lives.
_EXPORTS: dict[str, str] = {
    "Actor": "argmap.model",
    "ArgmapError": "argmap.errors",
    "ArgumentMap": "argmap.model",
    "BibEntry": "argmap.citations",
    "Bibliography": "argmap.citations",
    "BibliographyError": "argmap.errors",
    "Citation": "argmap.model",
    "CitedSource": "argmap.citations",
    "Claim": "argmap.model",
    "Corpus": "argmap.corpus",
    "DiagramOptions": "argmap.diagrams",
    "Evidence": "argmap.model",
    "Factor": "argmap.model",
    "FormatError": "argmap.errors",
    "Framework": "argmap.analysis",
    "GraphvizNotFoundError": "argmap.errors",
    "Issue": "argmap.errors",
    "Location": "argmap.errors",
    "MapError": "argmap.errors",
    "Node": "argmap.model",
    "Question": "argmap.model",
    "Relation": "argmap.model",
    "RenderError": "argmap.errors",
    "check": "argmap.checks",
    "check_citations": "argmap.citations",
    "cited_sources": "argmap.citations",
    "convert": "argmap.formats.registry",
    "dump_af": "argmap.formats.iccma",
    "dump_aif": "argmap.formats.aif",
    "dump_argdown": "argmap.formats.argdown",
    "dump_gexf": "argmap.formats.graphml",
    "dump_graphml": "argmap.formats.graphml",
    "dump_map": "argmap.formats.mapfile",
    "export_citations": "argmap.citations",
    "extensions": "argmap.analysis",
    "format_bibliography": "argmap.citations.formatting",
    "format_citation": "argmap.citations.formatting",
    "format_node_citation": "argmap.citations.formatting",
    "format_references": "argmap.citations.formatting",
    "from_networkx": "argmap.formats.networkx",
    "import_aif": "argmap.formats.aif",
    "import_argdown_json": "argmap.formats.argdown",
    "is_accepted": "argmap.analysis",
    "json_schema": "argmap.formats.schema",
    "labelling": "argmap.analysis",
    "parse_af": "argmap.formats.iccma",
    "parse_aif": "argmap.formats.aif",
    "parse_argdown_json": "argmap.formats.argdown",
    "parse_bibliography": "argmap.citations",
    "parse_gexf": "argmap.formats.graphml",
    "parse_graphml": "argmap.formats.graphml",
    "parse_map": "argmap.formats.mapfile",
    "read_af": "argmap.formats.iccma",
    "read_aif": "argmap.formats.aif",
    "read_argdown_json": "argmap.formats.argdown",
    "read_bibliography": "argmap.citations",
    "read_gexf": "argmap.formats.graphml",
    "read_graphml": "argmap.formats.graphml",
    "read_map": "argmap.formats.mapfile",
    "read_map_bibliography": "argmap.citations",
    "read_maps": "argmap.corpus",
    "render": "argmap.diagrams",
    "strengths": "argmap.analysis",
    "to_dot": "argmap.diagrams",
    "to_framework": "argmap.analysis",
    "to_mermaid": "argmap.diagrams",
    "to_networkx": "argmap.graph",
    "write_af": "argmap.formats.iccma",
    "write_aif": "argmap.formats.aif",
    "write_argdown": "argmap.formats.argdown",
    "write_gexf": "argmap.formats.graphml",
    "write_graphml": "argmap.formats.graphml",
    "write_map": "argmap.formats.mapfile",
}

__all__ = [
    "Actor",
    "ArgmapError",
    "ArgumentMap",
    "BibEntry",
    "Bibliography",
    "BibliographyError",
    "Citation",
    "CitedSource",
    "Claim",
    "Corpus",
    "DiagramOptions",
    "Evidence",
    "Factor",
    "FormatError",
    "Framework",
    "GraphvizNotFoundError",
    "Issue",
    "Location",
    "MapError",
    "Node",
    "Question",
    "Relation",
    "RenderError",
    "__version__",
    "check",
    "check_citations",
    "cited_sources",
    "convert",
    "dump_af",
    "dump_aif",
    "dump_argdown",
    "dump_gexf",
    "dump_graphml",
    "dump_map",
    "export_citations",
    "extensions",
    "format_bibliography",
    "format_citation",
    "format_node_citation",
    "format_references",
    "from_networkx",
    "is_accepted",
    "json_schema",
    "labelling",
    "parse_af",
    "parse_aif",
    "parse_argdown_json",
    "parse_bibliography",
    "parse_gexf",
    "parse_graphml",
    "parse_map",
    "read_af",
    "read_aif",
    "read_argdown_json",
    "read_bibliography",
    "read_gexf",
    "read_graphml",
    "read_map",
    "read_map_bibliography",
    "read_maps",
    "render",
    "strengths",
    "to_dot",
    "to_framework",
    "to_mermaid",
    "to_networkx",
    "write_af",
    "write_aif",
    "write_argdown",
    "write_gexf",
    "write_graphml",
    "write_map",
]


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
