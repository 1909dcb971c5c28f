"""Citations: bibliographies, the sources a map cites, and their exports.

Read ``.bib`` files (:func:`read_bibliography`), select what a map, a node or a node with
its support cites (:func:`cited_sources`), check cited keys (:func:`check_citations`), and
write the selection as BibTeX, BibLaTeX, CSL-JSON, RIS or a formatted reading list
(:func:`export_citations`).
"""

from argmap.citations.bibliography import (
    BibEntry,
    Bibliography,
    parse_bibliography,
    read_bibliography,
    read_map_bibliography,
)
from argmap.citations.checks import check_citations
from argmap.citations.csl import to_csl
from argmap.citations.export import FORMATS, STYLES, csl_items, export_citations
from argmap.citations.formatting import (
    format_bibliography,
    format_citation,
    format_node_citation,
    format_references,
)
from argmap.citations.latex import PersonName, decode_latex, split_names
from argmap.citations.selection import CitedSource, Citing, cited_sources, supporting_nodes

__all__ = [
    "FORMATS",
    "STYLES",
    "BibEntry",
    "Bibliography",
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
