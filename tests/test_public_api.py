"""The public namespace: one sorted __all__, every name importable, nothing else exported."""

from __future__ import annotations

import importlib

import argmap

EXPECTED = {
    # model
    "ArgumentMap", "Claim", "Evidence", "Factor", "Question", "Node", "Relation", "Citation",
    "Actor", "Reference",
    # map files, workspaces of maps, checks, graph
    "read_map", "parse_map", "dump_map", "write_map", "read_maps", "Workspace", "check",
    "Issue", "to_networkx", "from_networkx",
    # diagrams
    "to_dot", "render", "to_mermaid",
    # citations
    "read_bibliography", "parse_bibliography", "cited_sources", "export_citations",
    "check_citations", "format_bibliography", "format_citation", "Bibliography",
    # interchange (each format's functions are in its module: argmap.formats.aif, ...)
    "convert", "json_schema",
    # analysis and argumentation frameworks
    "Framework", "to_framework", "extensions", "labelling", "strengths",
    # errors
    "ArgmapError", "MapError", "BibliographyError", "FormatError", "RenderError",
    "GraphvizNotFoundError",
    "__version__",
}  # fmt: skip


def test_all_is_sorted_and_is_exactly_the_public_api() -> None:
    assert argmap.__all__ == sorted(argmap.__all__)
    assert set(argmap.__all__) == EXPECTED


def test_every_exported_name_exists() -> None:
    for name in argmap.__all__:
        assert getattr(argmap, name) is not None, name


def test_every_error_is_an_argmap_error() -> None:
    for name in ("MapError", "BibliographyError", "FormatError", "RenderError"):
        assert issubclass(getattr(argmap, name), argmap.ArgmapError)
    assert issubclass(argmap.GraphvizNotFoundError, argmap.RenderError)


def test_subpackages_declare_their_public_names() -> None:
    for module in (
        "argmap.model",
        "argmap.citations",
        "argmap.diagrams",
        "argmap.analysis",
        "argmap.workspace",
        "argmap.commands",
        "argmap.formats.aif",
        "argmap.formats.argdown",
        "argmap.formats.graphml",
        "argmap.formats.iccma",
    ):
        namespace = importlib.import_module(module)
        assert len(set(namespace.__all__)) == len(namespace.__all__), module
        for name in namespace.__all__:
            assert hasattr(namespace, name), (module, name)


def test_names_load_on_first_use_and_dir_lists_them() -> None:
    assert set(argmap.__all__) <= set(dir(argmap))
    assert argmap.read_map is importlib.import_module("argmap.formats.mapfile").read_map


def test_domain_names_replace_the_colliding_ones() -> None:
    diagrams = importlib.import_module("argmap.diagrams")
    citations = importlib.import_module("argmap.citations")
    model = importlib.import_module("argmap.model")
    assert "svg" in diagrams.DIAGRAM_FORMATS
    assert "ris" in citations.EXPORT_FORMATS and "apa" in citations.CITATION_STYLES
    assert set(citations.CITATION_STYLES) == set(
        importlib.import_module("argmap.citations.export").STYLE_NAMES
    )
    for namespace, old in ((diagrams, "FORMATS"), (diagrams, "Direction"), (citations, "FORMATS"),
                           (citations, "STYLES"), (model, "Direction")):  # fmt: skip
        assert old not in namespace.__all__


AIF = """{"nodes": [{"nodeID": "1", "text": "Bins stink.", "type": "I"},
  {"nodeID": "2", "text": "Separating rubbish is a nuisance.", "type": "I"},
  {"nodeID": "3", "text": "Default Inference", "type": "RA"},
  {"nodeID": "4", "text": "Default Inference", "type": "RA"}],
 "edges": [{"edgeID": "a", "fromID": "1", "toID": "3"},
           {"edgeID": "b", "fromID": "3", "toID": "2"},
           {"edgeID": "c", "fromID": "4", "toID": "2"}], "locutions": []}"""
