"""GraphML and GEXF: the map's networkx graph written for Gephi, Cytoscape and yEd, and back.

Both formats are written and read by networkx itself, from the graph that
:func:`argmap.to_networkx` builds, so a map's nodes, relations and junction nodes (linked
arguments, undercut inferences) appear exactly as that function documents. Every attribute
is a typed column:

- strings, integers, floats and booleans keep their type (``weight`` is a double,
  ``thesis`` a boolean, ``index`` an integer);
- structured values (``tags``, ``cites``, ``meta`` and, on the graph, ``source``,
  ``authors``, ``bibliography``, ``uses``, ``actors``) are JSON text in a string column;
- unset fields have no value (the column stays empty for that element).

GEXF reserves some attribute names for its own use (``id``, ``label``, ``type``,
``weight``, ``start``, ``end``, ...); argmap's attributes of those names are written as
``argmap_<name>`` columns in GEXF files. GEXF has no graph-level attributes beyond a name,
so the map's metadata (id, title, source, actors, ...) is JSON text in the graph's
``name``. GraphML keeps them as typed graph attributes.

Reading accepts graphs from other tools too: a node without ``type`` becomes a claim whose
text is its ``text``, else its ``label`` or ``name``, else its id; an edge without ``type``
a ``supports`` relation (see :func:`argmap.from_networkx`); attributes argmap has no field
for (positions, colours) go into ``meta``.
"""

from __future__ import annotations

import io
import json
import os
import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import PurePath
from typing import Any
from xml.sax.saxutils import escape

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from argmap._io import read_text, write_atomic
from argmap.errors import FormatError, Issue, Location, MapError
from argmap.formats._format import FileFormat
from argmap.formats._ids import slugify
from argmap.formats._syntax import MapSyntaxError, load_json
from argmap.formats.networkx import from_networkx
from argmap.graph import to_networkx
from argmap.graph.convert import STRUCTURE_KEYS
from argmap.model import ArgumentMap, Relation
from argmap.model.node import NODE_CLASSES

__all__ = [
    "dump_gexf",
    "dump_graphml",
    "generate_gexf",
    "generate_graphml",
    "parse_gexf",
    "parse_graphml",
    "read_gexf",
    "read_graphml",
    "write_gexf",
    "write_graphml",
]


#: Attributes whose values are lists or mappings: written as JSON text.
STRUCTURED = frozenset(
    {
        "tags", "cites", "answers", "meta", "source", "authors", "bibliography", "uses",
        "actors", "schemes",
    }
)  # fmt: skip
#: Attribute names networkx's GEXF writer takes for GEXF's own fields.
_GEXF_NODE_RESERVED = frozenset(
    {"id", "label", "pid", "start", "end", "viz", "parents", "slices", "spells"}
)
_GEXF_EDGE_RESERVED = frozenset(
    {"id", "label", "weight", "type", "start", "end", "slices", "spells", "networkx_key"}
)
_GEXF_PREFIX = "argmap_"
#: Node attributes other tools use for a node's name, tried in this order.
_LABELS = ("label", "name", "Label", "Name")
#: Graph attributes networkx's readers add on their own.
_READER_DEFAULTS = frozenset({"node_default", "edge_default", "mode", "name"})
_STRUCTURE = STRUCTURE_KEYS
_MAP_FIELDS = frozenset(f.alias or n for n, f in ArgumentMap.model_fields.items())
_NODE_FIELDS = _STRUCTURE | frozenset(
    f.alias or n for cls in NODE_CLASSES.values() for n, f in cls.model_fields.items()
)
_RELATION_FIELDS = _STRUCTURE | frozenset(
    f.alias or n for n, f in Relation.model_fields.items() if n not in ("source", "target")
)
_GEXF_META = "argmap"


def dump_graphml(amap: ArgumentMap) -> str:
    """The map as GraphML text, every attribute a typed column.

    >>> from argmap.model import Claim
    >>> text = dump_graphml(ArgumentMap(id="m", title="M", nodes=[
    ...     Claim(id="t", text="A claim.", thesis=True, tags=["x"])]))
    >>> 'attr.name="thesis" attr.type="boolean"' in text
    True
    """
    return generate_graphml(to_networkx(amap))


def dump_gexf(amap: ArgumentMap) -> str:
    """The map as GEXF 1.2 text, every attribute a typed column."""
    return generate_gexf(to_networkx(amap))


def generate_graphml(graph: nx.DiGraph) -> str:
    """A graph of :func:`argmap.to_networkx`'s form (one map's, or a workspace's) as GraphML.

    Lists and mappings among the attributes are written as JSON text.
    """
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(_flat_graph(graph, gexf=False))
    # networkx's generate_graphml splits its text into lines, which turns a carriage return
    # of a value into a line end; and written as itself, a carriage return in element text
    # is read back as a line feed (XML normalises line ends). Written as a character
    # reference, it is kept; the markup has none of its own.
    return str(writer).rstrip("\n").replace("\r", "&#13;") + "\n"


def generate_gexf(graph: nx.DiGraph) -> str:
    """A graph of :func:`argmap.to_networkx`'s form as GEXF 1.2 (see :func:`generate_graphml`)."""
    flat = _flat_graph(graph, gexf=True)
    return "\n".join(nx.generate_gexf(flat, encoding="utf-8", prettyprint=True)) + "\n"


def parse_graphml(
    text: str, *, filename: str = "<string>", warnings: list[Issue] | None = None
) -> ArgumentMap:
    """Read GraphML text (from argmap or another tool) into a map.

    Ports (``<port>``, edge ends on a part of a node) are not kept: each is a located
    warning in ``warnings``, when given.

    Raises:
        FormatError: the text is not GraphML (located at the XML error) or the graph does
            not describe a valid map.
    """
    graph, root = _read_xml(text, filename, nx.parse_graphml, "GraphML", warnings)
    if graph.is_multigraph():
        graph = nx.DiGraph(graph)
    flat = _unflatten(graph, gexf=False)
    # networkx writes the map id as the <graph> element's id and does not read it back.
    element = root.find("{http://graphml.graphdrawing.org/xmlns}graph")
    if element is None:
        element = root.find("graph")
    if element is not None and element.get("id") and "id" not in flat.graph:
        flat.graph["id"] = element.get("id")
    return _rebuild(flat, filename, text, warnings)


def parse_gexf(
    text: str, *, filename: str = "<string>", warnings: list[Issue] | None = None
) -> ArgumentMap:
    """Read GEXF text (from argmap, Gephi or another tool) into a map.

    Raises:
        FormatError: the text is not GEXF (located at the XML error) or the graph does not
            describe a valid map.
    """

    def parse(data: str) -> nx.Graph:
        return nx.read_gexf(io.BytesIO(data.encode("utf-8")), node_type=str)

    graph, _ = _read_xml(text, filename, parse, "GEXF", warnings)
    return _rebuild(_unflatten(nx.DiGraph(graph), gexf=True), filename, text, warnings)


def read_graphml(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read a GraphML file into a map (see :func:`parse_graphml`)."""
    return parse_graphml(read_text(path, FormatError), filename=os.fspath(path))


def read_gexf(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read a GEXF file into a map (see :func:`parse_gexf`)."""
    return parse_gexf(read_text(path, FormatError), filename=os.fspath(path))


def write_graphml(amap: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write a map as a GraphML file, atomically."""
    write_atomic(path, dump_graphml(amap))


def write_gexf(amap: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write a map as a GEXF file, atomically."""
    write_atomic(path, dump_gexf(amap))


# -- writing ---------------------------------------------------------------------------------


def _flat_graph(source: nx.DiGraph, *, gexf: bool) -> nx.DiGraph:
    """A copy of the graph whose attributes are all scalars GraphML/GEXF can type."""
    graph: nx.DiGraph = nx.DiGraph()
    metadata = _flat(source.graph)
    if gexf:
        plain = {k: v for k, v in source.graph.items() if v is not None and v != [] and v != {}}
        graph.graph["name"] = json.dumps({_GEXF_META: plain}, ensure_ascii=False)
    else:
        graph.graph.update(metadata)
    for key, attrs in source.nodes(data=True):
        flat = _flat(attrs)
        graph.add_node(key, **(_renamed(flat, _GEXF_NODE_RESERVED) if gexf else flat))
    for u, v, attrs in source.edges(data=True):
        flat = _flat(attrs)
        graph.add_edge(u, v, **(_renamed(flat, _GEXF_EDGE_RESERVED) if gexf else flat))
    return graph


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if key in STRUCTURED or isinstance(value, list | dict):
            if value in ([], {}):
                continue
            out[key] = json.dumps(value, ensure_ascii=False, sort_keys=False)
        else:
            out[key] = value
    return out


def _renamed(attrs: dict[str, Any], reserved: frozenset[str]) -> dict[str, Any]:
    return {(_GEXF_PREFIX + k if k in reserved else k): v for k, v in attrs.items()}


# -- reading ---------------------------------------------------------------------------------


_DECLARED_ENCODING = re.compile(
    r"""\A(\ufeff?\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])([A-Za-z][\w.-]*)\2"""
)


def _declared_utf8(text: str) -> str:
    r"""The XML text with its declaration saying UTF-8, the encoding it was decoded from.

    The file was read as UTF-8 (a non-UTF-8 byte is refused before), so another declared
    encoding is wrong, and an unknown one would stop the XML parser with a LookupError.
    A declaration that is not well-formed is left for the XML parser to report.
    The declaration keeps its length where it can, so that columns stay right.

    >>> _declared_utf8('<?xml version="1.0" encoding="TTF-8"?><a/>')
    '<?xml version="1.0" encoding="UTF-8"?><a/>'
    >>> _declared_utf8("<?xml version='1.0' encoding='latin-1'?><a/>")
    '<?xml version=\'1.0\' encoding="UTF-8"  ?><a/>'
    """
    found = _DECLARED_ENCODING.match(text)
    if found is None or found.group(3).upper() == "UTF-8":
        return text
    padding = " " * max(len(found.group(3)) - len("UTF-8"), 0)
    return f'{found.group(1)}"UTF-8"{padding}{text[found.end() :]}'


def _read_xml(
    text: str,
    filename: str,
    parse: Callable[[str], nx.Graph],
    what: str,
    warnings_found: list[Issue] | None = None,
) -> tuple[nx.Graph, ET.Element]:
    try:
        text = _declared_utf8(text)
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        line, column = exc.position
        message = f"not {what}: invalid XML ({_xml_reason(exc)})"
        raise FormatError(
            [Issue("error", message, code="syntax", location=Location(filename, line, column + 1))],
            source=filename,
        ) from None
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            graph = parse(text)
    except (nx.NetworkXError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        # RuntimeError: networkx's GEXF reader re-raises with no exception for an
        # <attributes class="..."> other than node or edge.
        reason = "unknown attribute class" if isinstance(exc, RuntimeError) else str(exc)
        message = f"not a {what} graph networkx can read: {reason}"
        location = _element_location(text, filename, "graph")
        raise FormatError(
            [Issue("error", message, code="syntax", location=location)], source=filename
        ) from None
    # networkx warns of two things: a <key> without attr.type, which GraphML reads as a
    # string as networkx does (nothing to say), and the ports it drops.
    if warnings_found is not None:
        for caught_warning in caught:
            message = str(caught_warning.message)
            if message.startswith("No key type for id "):
                continue
            warnings_found.append(_dropped(message, text, filename))
    return graph, root


def _dropped(message: str, text: str, filename: str) -> Issue:
    """A located warning for what networkx leaves out while reading (ports, so far)."""
    if "port" in message:
        found = re.search(r"<(?:\w+:)?port\b", text)
        return Issue(
            "warning",
            "ports (<port>) are not kept: the edges join the nodes themselves",
            code="dropped",
            location=_offset_location(text, filename, found.start())
            if found
            else _element_location(text, filename, "graph"),
        )
    return Issue(
        "warning",
        f"networkx: {message}",
        code="dropped",
        location=_element_location(text, filename, "graph"),
    )


def _offset_location(text: str, filename: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(filename, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _element_location(text: str, filename: str, tag: str, node_id: str | None = None) -> Location:
    r"""Where the first ``<tag>`` element (with ``id="node_id"``, when given) is written.

    networkx reports problems of a graph without positions; the element they concern,
    or else the ``<graph>`` element, or else the file's first line, is the best place.

    >>> _element_location('<g>\n <graph>\n  <node id="a"/>', "f", "node", "a")
    Location(file='f', line=3, column=3)
    >>> _element_location("<g/>", "f", "graph")
    Location(file='f', line=1, column=1)
    """
    pattern = rf"<(?:\w+:)?{tag}\b"
    if node_id is not None:
        double = re.escape(escape(node_id, {'"': "&quot;"}))
        single = re.escape(escape(node_id, {"'": "&apos;"}))
        pattern += rf"""[^>]*?\bid\s*=\s*(?:"{double}"|'{single}')"""
    found = re.search(pattern, text)
    if found is None:
        return (
            Location(filename, 1, 1)
            if node_id is None
            else _element_location(text, filename, "graph")
        )
    return _offset_location(text, filename, found.start())


def _xml_reason(exc: ET.ParseError) -> str:
    text = str(exc)
    return text.split(":", 1)[0] if ":" in text else text


def _unflatten(graph: nx.DiGraph, *, gexf: bool) -> nx.DiGraph:
    out: nx.DiGraph = nx.DiGraph()
    if gexf:
        out.graph.update(_gexf_metadata(graph.graph.get("name")))
    else:
        metadata = {k: v for k, v in graph.graph.items() if k not in _READER_DEFAULTS}
        out.graph.update(_kept(_decoded(metadata, gexf=False), _MAP_FIELDS))
    for key, attrs in graph.nodes(data=True):
        node = dict(attrs)
        if gexf and node.get("label") in (key, None):
            # networkx's GEXF reader gives every node a label, its id when none was written.
            node.pop("label", None)
        decoded = _decoded(node, gexf=gexf)
        if "type" not in decoded and "text" not in decoded:
            # Gephi, Cytoscape and yEd name nodes by a label: the best text there is.
            label = next((decoded.pop(k) for k in _LABELS if isinstance(decoded.get(k), str)), None)
            if label is not None and label.strip():
                decoded["text"] = label
        known = _RELATION_FIELDS if decoded.get("type") == "relation" else _NODE_FIELDS
        out.add_node(key, **_kept(decoded, known))
    for u, v, attrs in graph.edges(data=True):
        edge = dict(attrs)
        if gexf:
            edge.pop("id", None)
        out.add_edge(u, v, **_kept(_decoded(edge, gexf=gexf), _RELATION_FIELDS))
    return out


def _kept(attrs: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """Attributes argmap has no field for (a layout's x and y, colours) go into ``meta``.

    So does the weight of an element from another tool when it is no weight in [0, 1]
    (Gephi's edge weights count, say).
    """
    foreign = "type" not in attrs
    weight = attrs.get("weight")
    is_unit = isinstance(weight, int | float) and not isinstance(weight, bool) and 0 <= weight <= 1

    def fits(key: str) -> bool:
        return key in known and not (key == "weight" and foreign and not is_unit)

    out = {k: v for k, v in attrs.items() if fits(k)}
    extra = {k: v for k, v in attrs.items() if not fits(k)}
    if extra:
        meta = out.get("meta")
        out["meta"] = {**extra, **(meta if isinstance(meta, dict) else {})}
    return out


def _gexf_metadata(name: object) -> dict[str, Any]:
    if not isinstance(name, str) or not name:
        return {}
    try:
        data = load_json(name, "<gexf>")
    except MapSyntaxError:
        return {"title": name}
    if isinstance(data, dict) and isinstance(data.get(_GEXF_META), dict):
        return dict(data[_GEXF_META])
    return {"title": name}


def _decoded(attrs: dict[str, Any], *, gexf: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        name = key[len(_GEXF_PREFIX) :] if gexf and key.startswith(_GEXF_PREFIX) else key
        if name in STRUCTURED and isinstance(value, str):
            try:
                value = load_json(value, "<graphml>")
            except MapSyntaxError:
                if name == "tags":
                    value = [value]
        out[name] = value
    return out


def _rebuild(
    graph: nx.DiGraph, filename: str, text: str, warnings: list[Issue] | None
) -> ArgumentMap:
    if "id" not in graph.graph and not filename.startswith("<"):
        # a graph from another tool: name the map after its file
        stem = PurePath(filename).name.split(".")[0]
        graph.graph["id"] = slugify(stem)
        graph.graph.setdefault("title", stem or graph.graph["id"])
    try:
        return from_networkx(graph, warnings=warnings)
    except MapError as exc:
        keys = [str(key) for key in graph.nodes]

        def where(issue: Issue) -> Location:
            path = issue.path
            if (
                len(path) >= 2
                and path[0] == "nodes"
                and isinstance(path[1], int)
                and (0 <= path[1] < len(keys))
            ):
                return _element_location(text, filename, "node", keys[path[1]])
            return _element_location(text, filename, "graph")

        issues = [
            Issue(i.severity, i.message, code=i.code, path=i.path, location=where(i))
            for i in exc.issues
        ]
        raise FormatError(issues, source=filename) from None


FORMATS = (
    FileFormat(
        "graphml",
        (".graphml",),
        "GraphML (Gephi, Cytoscape, yEd)",
        parse=parse_graphml,
        dump=dump_graphml,
    ),
    FileFormat(
        "gexf",
        (".gexf",),
        "GEXF 1.2 (Gephi)",
        parse=parse_gexf,
        dump=dump_gexf,
    ),
)
