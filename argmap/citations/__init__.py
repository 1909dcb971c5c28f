"""Citations: bibliographies, the sources a map cites, and their exports.

Read ``.bib`` files (:func:`read_bibliography`), select what a map, a node or a node with
its support cites (:func:`cited_sources`), check cited keys (:func:`check_citations`), and
write the selection as BibTeX, BibLaTeX, CSL-JSON, RIS or a formatted reading list
(:func:`export_citations`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap._lazy import lazy_namespace

if TYPE_CHECKING:
    from argmap.citations.bibliography import (
        BibEntry,
        Bibliography,
        parse_bibliography,
        read_bibliography,
        read_map_bibliography,
    )
    from argmap.citations.checks import check_citations
    from argmap.citations.csl import to_csl
    from argmap.citations.export import EXPORT_FORMATS, export_citations
    from argmap.citations.formatting import (
        CITATION_STYLES,
        format_bibliography,
        format_citation,
        format_node_citation,
        format_references,
    )
    from argmap.citations.items import csl_items
    from argmap.citations.latex import PersonName, decode_latex, split_names
    from argmap.citations.processor import CitationProcessor
    from argmap.citations.selection import CitedSource, Citing, cited_sources, supporting_nodes

_EXPORTS = {
    "BibEntry": "argmap.citations.bibliography",
    "Bibliography": "argmap.citations.bibliography",
    "CITATION_STYLES": "argmap.citations.formatting",
    "CitationProcessor": "argmap.citations.processor",
    "CitedSource": "argmap.citations.selection",
    "Citing": "argmap.citations.selection",
    "EXPORT_FORMATS": "argmap.citations.export",
    "PersonName": "argmap.citations.latex",
    "check_citations": "argmap.citations.checks",
    "cited_sources": "argmap.citations.selection",
    "csl_items": "argmap.citations.items",
    "decode_latex": "argmap.citations.latex",
    "export_citations": "argmap.citations.export",
    "format_bibliography": "argmap.citations.formatting",
    "format_citation": "argmap.citations.formatting",
    "format_node_citation": "argmap.citations.formatting",
    "format_references": "argmap.citations.formatting",
    "parse_bibliography": "argmap.citations.bibliography",
    "read_bibliography": "argmap.citations.bibliography",
    "read_map_bibliography": "argmap.citations.bibliography",
    "split_names": "argmap.citations.latex",
    "supporting_nodes": "argmap.citations.selection",
    "to_csl": "argmap.citations.csl",
}

__all__ = [
    "CITATION_STYLES",
    "EXPORT_FORMATS",
    "BibEntry",
    "Bibliography",
    "CitationProcessor",
    "CitedSource",
    "Citing",
    "PersonName",
    "check_citations",
    "cited_sources",
    "csl_items",
    "decode_latex",
    "export_citations",
    "format_bibliography",
    "format_citation",
    "format_node_citation",
    "format_references",
    "parse_bibliography",
    "read_bibliography",
    "read_map_bibliography",
    "split_names",
    "supporting_nodes",
    "to_csl",
]

__getattr__, __dir__ = lazy_namespace(__name__, _EXPORTS)
