"""AIF JSON (OVA, AIFdb): read into an argument map and write back without loss.

How AIF maps onto argmap:

- ``I`` nodes (propositions) become claims; their AIF keys (``timestamp``, ...) go to
  ``node.meta["aif"]``.
- Scheme nodes become relations whose id is the scheme node's id: ``RA`` ``supports``
  (several premises into one RA make a linked argument), ``CA`` ``attacks`` (``undercuts``
  when it points at a scheme node), ``MA`` ``rephrases``, ``PA`` ``prefers``. The node's
  text (``Default Inference``, an argument scheme) is the relation's ``scheme``; its other
  keys (``schemeID``, ``timestamp``, ...) go to ``relation.meta["aif"]`` and the keys of
  its edges (``edgeID``, ``formEdgeID``, ...) to ``relation.meta["aif_edges"]``.
- Everything argmap has no place for is kept in ``amap.meta["aif"]`` and written back on
  export: dialogue nodes (``L``, ``TA``, ``YA``) and nodes of unknown types, scheme nodes
  that do not form a relation (a missing premise or conclusion, ...), the edges touching
  them, locutions, participants and any other key of the AIF object, the OVA/xAIF wrapper
  (layout, text), and the order of nodes and edges.
- argmap-only data (kinds other than claim, titles, citations, push and pull, ...) is
  written under the extension key ``"argmap"`` of each AIF node and of the AIF object; AIF
  tools ignore it, and reading it back restores the map exactly.
"""

from __future__ import annotations

import os

from argmap._io import read_text, write_atomic
from argmap.errors import FormatError, Issue
from argmap.formats._format import FileFormat
from argmap.formats.aif._reader import Importer
from argmap.formats.aif._rules import EDGES_META_KEY, EXTENSION_KEY, META_KEY, NO_TEXT
from argmap.formats.aif._writer import Exporter, to_text
from argmap.model import ArgumentMap
from argmap.model.reference import Reference

__all__ = [
    "EDGES_META_KEY",
    "EXTENSION_KEY",
    "META_KEY",
    "NO_TEXT",
    "dump_aif",
    "parse_aif",
    "read_aif",
    "write_aif",
]


# -- public API ------------------------------------------------------------------------------


def parse_aif(
    text: str, *, filename: str = "<string>", warnings: list[Issue] | None = None
) -> ArgumentMap:
    """Read AIF JSON text into a map.

    Accepts the plain AIFdb form (``{"nodes", "edges", "locutions"}``) and the OVA3/xAIF
    wrapper (``{"AIF": {...}, "OVA": {...}, "text": ...}``); node ids may be strings or
    integers. What does not fit (dialogue nodes, unknown node types, scheme nodes without a
    premise or conclusion) is kept in ``amap.meta["aif"]`` so that :func:`dump_aif` gives it
    back, and reported as a warning.

    Args:
        text: AIF JSON text.
        filename: the name used in locations; its stem becomes the map id and title
            unless the file carries argmap's extension.
        warnings: a list the warnings are appended to (what did not fit argmap's model,
            located in the text). The map stays the one return value of every ``parse_*``
            and ``read_*``, so a caller that wants no warnings passes nothing, and one
            reading many files can gather them all in one list.

    Returns:
        The map; it passes :func:`argmap.check`.

    Raises:
        FormatError: the text cannot be read as AIF (invalid JSON, no node list, nodes
            without ids, edges to missing nodes, ...); every problem is listed, located.

    >>> found = []
    >>> amap = parse_aif('''{"nodes": [
    ...   {"nodeID": "1", "text": "Bins stink.", "type": "I"},
    ...   {"nodeID": "2", "text": "Separating rubbish is a nuisance.", "type": "I"},
    ...   {"nodeID": "3", "text": "Default Inference", "type": "RA"}],
    ...  "edges": [{"edgeID": "a", "fromID": "1", "toID": "3"},
    ...            {"edgeID": "b", "fromID": "3", "toID": "2"}], "locutions": []}''',
    ...  warnings=found)
    >>> r = amap.relations[0]
    >>> r.kind, r.source, r.target, r.scheme, found
    ('supports', '1', '2', 'Default Inference', [])
    """
    amap, found = Importer(text, filename).run()
    if warnings is not None:
        warnings.extend(found)
    return amap


def read_aif(path: str | os.PathLike[str], *, warnings: list[Issue] | None = None) -> ArgumentMap:
    """Read an AIF JSON file (AIFdb, OVA, xAIF) into a map; see :func:`parse_aif`.

    Raises:
        FormatError: the file is missing, not UTF-8 or not readable as AIF.
    """
    name = os.fspath(path)
    return parse_aif(read_text(name, FormatError), filename=name, warnings=warnings)


def write_aif(amap: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write a map as an AIF JSON file, atomically; see :func:`dump_aif`.

    Raises:
        FormatError: the map cannot be written as AIF (see :func:`dump_aif`).
    """
    write_atomic(path, dump_aif(amap))


def dump_aif(amap: ArgumentMap) -> str:
    """Write a map as AIF JSON text.

    Every node becomes an I-node and every relation a scheme node (``RA`` for supports and
    pushes, ``CA`` for attacks, undercuts, pulls and questions, ``MA`` for rephrases, ``PA``
    for prefers) with edges from its premises and to its target. Data AIF has no place for
    goes under the ``"argmap"`` key, so :func:`parse_aif` gives back an equal map; AIF data
    kept by :func:`parse_aif` is written back where it came from.

    Raises:
        FormatError: a node or relation added since import has the id of a node kept from
            the AIF file (a dialogue node, say); AIF ids must be unique. Or a relation
            names a node of another map (``MAP-ID#NODE-ID``): a nodeset must hold it, so
            write the map with the maps it uses (:func:`argmap.workspace.aif.dump_corpus_aif`).

    >>> import json
    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[Claim(id="a", text="A"),
    ...     Claim(id="b", text="B", thesis=True)],
    ...     relations=[Relation(id="r", kind="supports", source="a", target="b")])
    >>> data = json.loads(dump_aif(amap))
    >>> [(n["nodeID"], n["type"], n["text"]) for n in data["nodes"]]
    [('a', 'I', 'A'), ('b', 'I', 'B'), ('r', 'RA', 'Default Inference')]
    >>> [(e["fromID"], e["toID"]) for e in data["edges"]]
    [('a', 'r'), ('r', 'b')]
    >>> parse_aif(dump_aif(amap)) == amap
    True
    """
    foreign = [
        end for r in amap.relations for end in [*r.sources, r.target] if isinstance(end, Reference)
    ]
    if foreign:
        message = (
            f"relations name {len(foreign)} nodes of other maps ({foreign[0]!r}, ...); "
            "a nodeset must hold them: convert the map with its corpus (argmap convert reads "
            "its 'uses'; in Python, argmap.workspace.aif.dump_corpus_aif(argmap.read_maps(...)))"
        )
        raise FormatError([Issue("error", message, code="cross-map")], source=amap.id)
    return to_text(Exporter(amap).run())


FORMATS = (
    FileFormat(
        "aif",
        (".aif.json", ".aif"),
        "AIF JSON (AIFdb, OVA, xAIF)",
        parse=parse_aif,
        dump=dump_aif,
        found_as=(".json",),
    ),
)
