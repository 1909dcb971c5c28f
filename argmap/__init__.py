"""argmap: argument maps with citations.

A typed model of a text's argument (claims, evidence, push and pull factors, questions,
and the relations between them), read from and written to YAML or JSON map files,
checked with located messages, and turned into a networkx graph.
"""

from importlib.metadata import PackageNotFoundError, version

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
from argmap.formats.aif import dump_aif, import_aif, parse_aif, read_aif, write_aif
from argmap.formats.argdown import (
    dump_argdown,
    import_argdown_json,
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
from argmap.model.argument_map import set_display

try:
    __version__ = version("argmap")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

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
    "DiagramOptions",
    "Evidence",
    "Factor",
    "FormatError",
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
    "dump_aif",
    "dump_argdown",
    "dump_gexf",
    "dump_graphml",
    "dump_map",
    "export_citations",
    "format_bibliography",
    "format_citation",
    "format_node_citation",
    "format_references",
    "from_networkx",
    "import_aif",
    "import_argdown_json",
    "json_schema",
    "parse_aif",
    "parse_argdown_json",
    "parse_bibliography",
    "parse_gexf",
    "parse_graphml",
    "parse_map",
    "read_aif",
    "read_argdown_json",
    "read_bibliography",
    "read_gexf",
    "read_graphml",
    "read_map",
    "read_map_bibliography",
    "render",
    "to_dot",
    "to_mermaid",
    "to_networkx",
    "write_aif",
    "write_argdown",
    "write_gexf",
    "write_graphml",
    "write_map",
]


def _mimebundle(amap: ArgumentMap) -> dict[str, str]:
    from argmap.diagrams.notebook import mimebundle

    return mimebundle(amap)


set_display(_mimebundle)
