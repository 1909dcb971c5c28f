"""AIF JSON text to a map: read, check, keep what does not fit, locate warnings."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from argmap.checks import check
from argmap.errors import FormatError, Issue, Path, Severity, sort_issues
from argmap.formats._ids import id_from
from argmap.formats._pipeline import validate_fields
from argmap.formats._syntax import JsonLocator, MapSyntaxError, load_json
from argmap.formats.aif._rules import (
    COMMON_NODE_FIELDS,
    DEFAULT_KEYS,
    DEFAULT_TOP,
    EXTENSION_KEY,
    KNOWN_TYPES,
    META_KEY,
    NO_TEXT,
    SCHEME_TYPES,
    TYPE_KINDS,
    assign_ids,
    is_text,
    keep_rejected,
    plain_node,
    plain_relation,
)
from argmap.graph.algorithms import topological_order
from argmap.model import ArgumentMap, Node, Relation
from argmap.model._text import TOO_DEEP, UNWRITABLE, UNWRITABLE_HINT, find_unwritable

_NODE_ADAPTER: TypeAdapter[Node] = TypeAdapter(Node)


@dataclass(slots=True)
class _Scheme:
    """A scheme node on its way to becoming a relation."""

    index: int
    raw: dict[str, Any]
    ext: dict[str, Any] | None
    premises: list[int] = field(default_factory=list)
    """Indexes (in the edge list) of the edges from I-nodes."""
    conclusions: list[int] = field(default_factory=list)
    problem: str | None = None
    rejected: dict[str, Any] | None = None
    """An extension that did not validate; kept so that export writes it back."""
    reported: bool = False


class _NodePaths:
    """The path of each usable node in the document, made only when a message needs one."""

    def __init__(self, base: Path, seen: dict[str, int], nodes: list[dict[str, Any]]) -> None:
        self.base = base
        self.seen = seen
        self.nodes = nodes

    def __getitem__(self, i: int) -> Path:
        return (*self.base, "nodes", self.seen[str(self.nodes[i]["nodeID"])])


class Importer:
    """One AIF text on its way to a map: every problem collected before raising."""

    def __init__(self, text: str, filename: str) -> None:
        self.text = text
        self.filename = filename
        self.findings: dict[tuple[Severity, str, str, Path], None] = {}
        self.base: Path = ()
        self.seen: dict[str, int] = {}
        self.ends: list[tuple[str, str]] = []
        """The node keys at both ends of each usable edge."""
        self.aif_ids: dict[str, Any] = {}
        """Each node's id as the file writes it (a string or an integer), by key."""
        self.map_ext_bad = False
        self.needs_checks = False
        """True once the shortcut (_is_sound) cannot vouch for the map: an extension was
        applied or a relation refused; then every check runs."""

    def note(self, severity: Severity, code: str, path: Path, message: str) -> None:
        # A dict, not a list: the build loop may find the same thing twice.
        self.findings[(severity, code, message, path)] = None

    def issues(self) -> list[Issue]:
        """The findings, located in the text (the text is only re-read when there are any)."""
        if not self.findings:
            return []
        locator = JsonLocator(self.text, self.filename)
        issues = []
        for severity, code, message, path in self.findings:
            location = locator.locate(path)
            issues.append(Issue(severity, message, code=code, path=path, location=location))
        return sort_issues(issues)

    def fail(self) -> FormatError:
        return FormatError(self.issues(), source=self.filename)

    # -- reading the structure ---------------------------------------------------------------

    def run(self) -> tuple[ArgumentMap, list[Issue]]:
        if not self.text.strip():
            self.note("error", "empty", (), "the file is empty; expected an AIF JSON object")
            raise self.fail()
        try:
            data = load_json(self.text, self.filename)
        except MapSyntaxError as exc:
            raise FormatError([exc.issue], source=self.filename) from None
        if not isinstance(data, dict):
            self.note(
                "error",
                "type",
                (),
                f"expected a JSON object with 'nodes' and 'edges', got {_kind_of(data)}",
            )
            raise self.fail()
        # Every string of the file becomes text of the map (or its meta). JSON can hold such
        # a character only as itself or as a \u escape: a text with neither holds none.
        maybe = UNWRITABLE.search(self.text) is not None or "\\u" in self.text
        for path, problem, is_key in find_unwritable(data) if maybe else ():
            if problem == TOO_DEEP:
                self.note("error", "nesting", path, f"{problem}; an AIF file needs far fewer")
                continue
            what = "a key" if is_key else "the text"
            self.note("error", "unwritable", path, f"{what} holds {problem}; {UNWRITABLE_HINT}")
        if self.findings:
            raise self.fail()
        wrapper: dict[str, Any] | None = None
        graph: Any = data
        if isinstance(data.get("AIF"), dict):
            wrapper = {k: v for k, v in data.items() if k != "AIF"}
            graph = data["AIF"]
            self.base = ("AIF",)
        if "nodes" not in graph:
            where = "the 'AIF' object" if wrapper is not None else "the file"
            self.note(
                "error",
                "no-nodes",
                self.base,
                f"{where} has no node list; AIF puts its nodes under 'nodes' "
                "(plain AIF) or 'AIF.nodes' (OVA, xAIF)",
            )
            raise self.fail()
        nodes, edges = self.read_lists(graph)
        if any(severity == "error" for severity, *_ in self.findings):
            raise self.fail()
        return self.build(graph, wrapper, nodes, edges)

    def read_lists(
        self, graph: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Check the node and edge lists; return the nodes and edges that can be used."""
        raw_nodes = graph["nodes"]
        raw_edges = graph.get("edges", [])
        nodes: list[dict[str, Any]] = []
        edges: list[dict[str, Any]] = []
        for name, value in (("nodes", raw_nodes), ("edges", raw_edges)):
            if not isinstance(value, list):
                self.note(
                    "error",
                    "type",
                    (*self.base, name),
                    f"'{name}' must be a list, got {_kind_of(value)}",
                )
        if not isinstance(raw_nodes, list):
            return nodes, edges
        seen = self.seen
        for i, raw in enumerate(raw_nodes):
            # The common case first, cheaply; anything odd takes the careful path below.
            if type(raw) is dict:
                node_id = raw.get("nodeID")
                kind = type(node_id)
                if (kind is str or kind is int) and str(node_id) not in seen:
                    seen[str(node_id)] = i
                    nodes.append(raw)
                    continue
            path: Path = (*self.base, "nodes", i)
            if not isinstance(raw, dict):
                self.note(
                    "error", "type", path, f"a node must be a JSON object, got {_kind_of(raw)}"
                )
                continue
            if "nodeID" not in raw:
                self.note(
                    "error", "no-id", path, "node has no 'nodeID'; every AIF node needs an id"
                )
                continue
            node_id = raw["nodeID"]
            if isinstance(node_id, bool) or not isinstance(node_id, str | int):
                self.note(
                    "error",
                    "id-type",
                    (*path, "nodeID"),
                    f"'nodeID' must be a string or an integer, got {_kind_of(node_id)}",
                )
                continue
            # A good id the fast path refused: it repeats an earlier node's.
            key = str(node_id)
            first = seen[key]
            if raw_nodes[first] == raw:
                self.note(
                    "warning",
                    "repeated-node",
                    path,
                    f"node {key!r} repeats the node at nodes[{first}]; "
                    "it is read once (and written once)",
                )
            else:
                self.note(
                    "error",
                    "duplicate-id",
                    (*path, "nodeID"),
                    f"duplicate node id {key!r} (first at nodes[{first}]) with "
                    "different content; edges to it would be ambiguous",
                )
        if not isinstance(raw_edges, list):
            return nodes, edges
        for i, raw in enumerate(raw_edges):
            if (
                type(raw) is dict
                and str(raw.get("fromID")) in seen
                and str(raw.get("toID")) in seen
                and "fromID" in raw
                and "toID" in raw
            ):
                edges.append(raw)
                self.ends.append((str(raw["fromID"]), str(raw["toID"])))
                continue
            path = (*self.base, "edges", i)
            if not isinstance(raw, dict):
                self.note(
                    "error", "type", path, f"an edge must be a JSON object, got {_kind_of(raw)}"
                )
                continue
            # Every good edge took the fast path: this one has a bad end, or two.
            for end in ("fromID", "toID"):
                if end not in raw:
                    self.note("error", "edge-end", path, f"edge has no '{end}'")
                elif str(raw[end]) not in seen:
                    self.note(
                        "error",
                        "unknown-node",
                        (*path, end),
                        f"edge {end} {raw[end]!r} names no node of the file",
                    )
        return nodes, edges

    # -- building the map --------------------------------------------------------------------

    def build(
        self,
        graph: dict[str, Any],
        wrapper: dict[str, Any] | None,
        nodes: list[dict[str, Any]],
        edges: list[dict[str, Any]],
    ) -> tuple[ArgumentMap, list[Issue]]:
        node_paths = _NodePaths(self.base, self.seen, nodes)
        # Lists and comprehensions rather than one loop with branches: this runs for every
        # file of a corpus, and most files are small.
        keys = [str(n["nodeID"]) for n in nodes]
        # A type that is not a string (a list, say) is an unknown type like any other.
        kinds = [kind if type(kind := n.get("type")) is str else None for n in nodes]
        self.aif_ids = dict(zip(keys, [n["nodeID"] for n in nodes], strict=True))
        types = dict(zip(keys, kinds, strict=True))
        atoms = [i for i, kind in enumerate(kinds) if kind == "I"]
        scheme_at = [i for i, kind in enumerate(kinds) if kind in SCHEME_TYPES]

        # In the order export writes them, so that export can tell which ids it gets back.
        ids = assign_ids([keys[i] for i in atoms] + [keys[i] for i in scheme_at])

        schemes: dict[str, _Scheme] = {}
        for i in scheme_at:
            raw = nodes[i]
            ext = self.extension(raw, node_paths, i) if EXTENSION_KEY in raw else None
            schemes[keys[i]] = _Scheme(i, raw, ext)
        if not KNOWN_TYPES.issuperset(kinds):
            for i, kind in enumerate(kinds):
                if kind not in KNOWN_TYPES:
                    what = (
                        f"type {nodes[i]['type']!r}, which argmap does not know"
                        if "type" in nodes[i]
                        else "no type"
                    )
                    self.note(
                        "warning",
                        "unknown-type",
                        node_paths[i],
                        f"node {keys[i]!r} has {what}; it is kept as it is and written back "
                        "on export",
                    )

        # Edges: premises (I -> scheme) and conclusions (scheme -> I or scheme); the rest
        # (dialogue, unknown types) is kept as it is.
        seen_pairs: set[tuple[str, str]] = set()
        for j, (src, dst) in enumerate(self.ends):
            src_type, dst_type = types[src], types[dst]
            if src_type == "I" and dst_type == "I":
                self.note(
                    "warning",
                    "atom-edge",
                    (*self.base, "edges", j),
                    f"edge from I-node {src!r} straight to I-node {dst!r}; AIF links "
                    "propositions through scheme nodes, so it is kept as it is",
                )
                continue
            into_scheme = src_type == "I" and dst in schemes
            out_of_scheme = src in schemes and (dst_type == "I" or dst in schemes)
            if not (into_scheme or out_of_scheme):
                continue
            if (src, dst) in seen_pairs:
                self.note(
                    "warning",
                    "repeated-edge",
                    (*self.base, "edges", j),
                    f"edge from {src!r} to {dst!r} repeats an earlier one; it is kept as it is",
                )
                continue
            seen_pairs.add((src, dst))
            if into_scheme:
                schemes[dst].premises.append(j)
            else:
                schemes[src].conclusions.append(j)

        for scheme in schemes.values():
            if not scheme.premises:
                scheme.problem = "has no premise (no edge from an I-node into it)"
            elif not scheme.conclusions:
                scheme.problem = "has no conclusion (no edge from it to a node)"
            elif len(scheme.conclusions) > 1:
                scheme.problem = f"has {len(scheme.conclusions)} conclusions; a relation has one"

        self.settle(schemes, edges, node_paths)

        # Build, check, and keep as they are the relations the checks refuse (a support
        # cycle, a premise that is its own conclusion, ...); repeat until the map is sound.
        reset_nodes: set[int] = set()
        while True:
            node_data, node_positions = self.nodes(nodes, atoms, keys, node_paths, ids, reset_nodes)
            relation_data, relation_keys = self.relations(schemes, edges, ids)
            amap_meta, map_fields = self.map_fields(graph, wrapper)
            try:
                # One validation of the whole map: much faster than one per node.
                amap = validate_fields(
                    {**map_fields, "nodes": node_data, "relations": relation_data, "meta": {}},
                    strings_checked=True,  # every string of the file, at the start of run()
                )
            except ValidationError as exc:
                # Only argmap's own extensions can make this fail: find whose it is.
                if self.blame(
                    nodes,
                    node_data,
                    node_positions,
                    relation_data,
                    relation_keys,
                    schemes,
                    reset_nodes,
                ):
                    continue
                if self.map_ext_bad:
                    raise
                self.note(
                    "warning",
                    "bad-extension",
                    (*self.base, EXTENSION_KEY),
                    f"argmap extension of the map ignored: {_first_error(exc)}",
                )
                self.map_ext_bad = True
                continue
            if not self.needs_checks and _is_sound(amap.relations):
                break
            errors = [i for i in check(amap) if i.is_error]
            if not errors:
                break
            progress = False
            for issue in errors:
                if len(issue.path) >= 2 and issue.path[0] == "relations":
                    key = relation_keys[int(issue.path[1])]
                    if schemes[key].problem is None:
                        schemes[key].problem = issue.message
                        schemes[key].reported = True
                        self.note(
                            "warning",
                            "scheme-kept",
                            node_paths[schemes[key].index],
                            f"{schemes[key].raw['type']} node {key!r} does not make a sound "
                            f"relation ({issue.message}); it is kept as it is",
                        )
                        progress = True
                elif len(issue.path) >= 2 and issue.path[0] == "nodes":
                    position = node_positions[int(issue.path[1])]
                    if position not in reset_nodes:
                        reset_nodes.add(position)
                        self.note(
                            "warning",
                            "bad-extension",
                            (*node_paths[position], EXTENSION_KEY),
                            f"argmap extension ignored: {issue.message}",
                        )
                        progress = True
            if not progress:
                raise FormatError(errors, source=self.filename)
            # Undercuts of a relation just refused are refused too, and the checks, not
            # the shortcut, must say whether the rest is sound now.
            self.settle(schemes, edges, node_paths)
            self.needs_checks = True

        amap.meta.update(self.map_meta(amap_meta, keys, kinds, nodes, edges, schemes))
        return amap, self.issues()

    def settle(
        self, schemes: dict[str, _Scheme], edges: list[dict[str, Any]], paths: _NodePaths
    ) -> None:
        """Refuse scheme nodes that point at a scheme node which is not a relation; warn.

        A scheme node pointing at another one is an undercut only when it is a conflict and
        the target became a relation; repeat until nothing changes.
        """
        changed = True
        while changed:
            changed = False
            for scheme in schemes.values():
                if scheme.problem is not None:
                    continue
                target = self.ends[scheme.conclusions[0]][1]
                if target not in schemes:
                    continue
                kind = (scheme.ext or {}).get("kind", TYPE_KINDS[scheme.raw["type"]])
                if kind not in ("attacks", "undercuts", "questions"):
                    scheme.problem = (
                        f"points at scheme node {target!r}; only conflicts (CA) can "
                        "undercut an inference"
                    )
                    changed = True
                elif schemes[target].problem is not None:
                    scheme.problem = f"points at scheme node {target!r}, which is kept as it is"
                    changed = True
        for key, scheme in schemes.items():
            if scheme.problem is not None and not scheme.reported:
                scheme.reported = True
                self.note(
                    "warning",
                    "scheme-kept",
                    paths[scheme.index],
                    f"{scheme.raw['type']} node {key!r} {scheme.problem}; it is kept as it is "
                    "and written back on export",
                )

    def extension(self, raw: Mapping[str, Any], paths: _NodePaths, i: int) -> dict[str, Any] | None:
        ext = raw.get(EXTENSION_KEY)
        if ext is None:
            return None
        if not isinstance(ext, dict):
            self.note(
                "warning",
                "bad-extension",
                (*paths[i], EXTENSION_KEY),
                f"argmap extension must be an object, got {_kind_of(ext)}; ignored",
            )
            return None
        return ext

    def nodes(
        self,
        nodes: list[dict[str, Any]],
        atoms: list[int],
        keys: list[str],
        node_paths: _NodePaths,
        ids: dict[str, str],
        reset: set[int],
    ) -> tuple[list[dict[str, Any]], list[int]]:
        """The I-nodes as node data, extensions applied except where they were refused."""
        built: list[dict[str, Any]] = []
        for i in atoms:
            raw = nodes[i]
            key = keys[i]
            plain = plain_node(ids[key], raw)
            if not is_text(raw.get("text")):
                self.note(
                    "warning",
                    "no-text",
                    node_paths[i],
                    f"I-node {key!r} has no text; it reads {NO_TEXT!r} (the original is kept)",
                )
            if i in reset:
                if isinstance(raw.get(EXTENSION_KEY), dict):
                    keep_rejected(plain, raw[EXTENSION_KEY])
            elif EXTENSION_KEY in raw:
                ext = self.extension(raw, node_paths, i)
                if ext:
                    self.needs_checks = True
                    if "kind" in ext and ext["kind"] != plain["kind"]:
                        plain = {k: v for k, v in plain.items() if k in COMMON_NODE_FIELDS}
                    plain = {**plain, **ext}
            built.append(plain)
        return built, atoms

    def relations(
        self, schemes: dict[str, _Scheme], edges: list[dict[str, Any]], ids: dict[str, str]
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """The scheme nodes that form relations, as relation data with their extensions."""
        relations: list[dict[str, Any]] = []
        keys: list[str] = []
        for key, scheme in schemes.items():
            if scheme.problem is not None:
                continue
            ends, aif_ids = self.ends, self.aif_ids
            premises = [(ids[ends[j][0]], aif_ids[ends[j][0]], edges[j]) for j in scheme.premises]
            out = edges[scheme.conclusions[0]]
            target = ends[scheme.conclusions[0]][1]
            conclusion = (ids[target], aif_ids[target], out)
            plain = plain_relation(
                ids[key], scheme.raw, premises, conclusion, at_scheme=target in schemes
            )
            if scheme.ext:
                self.needs_checks = True
                plain = {**plain, **scheme.ext}
            elif scheme.rejected is not None:
                keep_rejected(plain, scheme.rejected)
            relations.append(plain)
            keys.append(key)
        return relations, keys

    def blame(
        self,
        nodes: list[dict[str, Any]],
        node_data: list[dict[str, Any]],
        node_positions: list[int],
        relation_data: list[dict[str, Any]],
        relation_keys: list[str],
        schemes: dict[str, _Scheme],
        reset: set[int],
    ) -> bool:
        """Find the node and scheme extensions that do not validate; refuse them, warned."""
        found = False
        for data, i in zip(node_data, node_positions, strict=True):
            if i in reset or not isinstance(nodes[i].get(EXTENSION_KEY), dict):
                continue
            try:
                _NODE_ADAPTER.validate_python(data)
            except ValidationError as exc:
                reset.add(i)
                found = True
                path = (*self.base, "nodes", self.seen[str(nodes[i]["nodeID"])], EXTENSION_KEY)
                message = f"argmap extension of node {data['id']!r} ignored: {_first_error(exc)}"
                self.note("warning", "bad-extension", path, message)
        for data, key in zip(relation_data, relation_keys, strict=True):
            scheme = schemes[key]
            if not scheme.ext:
                continue
            try:
                Relation.model_validate(data)
            except ValidationError as exc:
                scheme.rejected, scheme.ext = scheme.ext, None
                found = True
                path = (*self.base, "nodes", self.seen[key], EXTENSION_KEY)
                message = f"argmap extension of node {key!r} ignored: {_first_error(exc)}"
                self.note("warning", "bad-extension", path, message)
        return found

    def map_fields(
        self, graph: dict[str, Any], wrapper: dict[str, Any] | None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The map's own fields (from the extension, else the file name) and AIF meta."""
        meta: dict[str, Any] = {}
        if wrapper is not None:
            meta["wrapper"] = wrapper
        keys = [k for k in graph if k != EXTENSION_KEY]
        if keys != DEFAULT_KEYS:
            meta["keys"] = keys
        top = {k: v for k, v in graph.items() if k not in ("nodes", "edges", EXTENSION_KEY)}
        if top != DEFAULT_TOP:
            meta["top"] = top
        ext = graph.get(EXTENSION_KEY)
        fields: dict[str, Any] = {}
        if isinstance(ext, dict) and not self.map_ext_bad:
            fields = {k: v for k, v in ext.items() if k != "meta"}
            self.needs_checks = True
            if isinstance(ext.get("meta"), dict):
                meta["own"] = ext["meta"]
        elif EXTENSION_KEY in graph:
            top[EXTENSION_KEY] = graph[EXTENSION_KEY]
            meta["top"] = top
        derived = {}
        # Not pathlib: it costs more than the rest of reading a small file.
        stem = os.path.basename(self.filename)  # noqa: PTH119
        for suffix in (".json", ".aif", ".xaif", ".ova"):
            stem = stem.removesuffix(suffix)
        if self.filename.startswith("<") or not stem:
            stem = ""
        for name, value in (("id", id_from(stem) if stem else "aif"), ("title", stem or "AIF map")):
            if name not in fields:
                fields[name] = value
                derived[name] = value
        if derived:
            meta["derived"] = derived
        return meta, fields

    def map_meta(
        self,
        meta: dict[str, Any],
        keys: list[str],
        kinds: list[Any],
        nodes: list[dict[str, Any]],
        edges: list[dict[str, Any]],
        schemes: dict[str, _Scheme],
    ) -> dict[str, Any]:
        """The map's meta: its own (from the extension) plus what AIF keeps beside the map."""
        own = meta.pop("own", {})
        used_edges: list[int] = []
        relation_keys: list[str] = []
        for key, scheme in schemes.items():
            if scheme.problem is None:
                used_edges.extend(scheme.premises)
                used_edges.append(scheme.conclusions[0])
                relation_keys.append(key)
        used = set(used_edges)
        relation_set = set(relation_keys)
        atoms = [k for k, kind in zip(keys, kinds, strict=True) if kind == "I"]
        kept = [
            (k, n)
            for k, kind, n in zip(keys, kinds, nodes, strict=True)
            if kind != "I" and k not in relation_set
        ]
        kept_edges = [e for j, e in enumerate(edges) if j not in used]
        if kept:
            meta["nodes"] = [n for _, n in kept]
        if kept_edges:
            meta["edges"] = kept_edges
        # Export writes nodes, relations, kept nodes, and the edges of each relation before
        # the kept edges. Record where the file's order differs, so it comes back.
        natural = atoms + relation_keys + [k for k, _ in kept]
        cut = 0
        if natural != keys:
            node_rank = {key: i for i, key in enumerate(natural)}
            cut = _unordered_tail([node_rank[k] for k in keys])
        if cut:
            meta["node_order"] = [n["nodeID"] for n in nodes[:cut]]
        edge_natural = used_edges + [j for j in range(len(edges)) if j not in used]
        edge_rank = {j: i for i, j in enumerate(edge_natural)}
        cut = _unordered_tail([edge_rank[j] for j in range(len(edges))])
        if cut:
            edge_ids = [e.get("edgeID") for e in edges]
            if None not in edge_ids and len({str(e) for e in edge_ids}) == len(edge_ids):
                meta["edge_order"] = edge_ids[:cut]
        result: dict[str, Any] = dict(own)
        if meta:
            result[META_KEY] = meta
        return result


def _is_sound(relations: Sequence[Relation]) -> bool:
    """Whether a map built from AIF alone passes the checks, found without running them.

    Without argmap's extension the import only makes relations whose ends exist, with the
    right kinds and no repeated premise; what remains possible is a premise that is its
    own conclusion and a support cycle. Looking for just those (Kahn's algorithm) keeps
    reading a corpus of small files fast; when either is found the full checks say where.
    """
    successors: dict[str, list[str]] = {}
    for r in relations:
        sources = r.sources
        if r.target in sources:
            return False
        if r.kind != "supports":
            continue
        for source in sources:
            successors.setdefault(source, []).append(r.target)
            successors.setdefault(r.target, [])
    return topological_order(successors) is not None


def _unordered_tail(ranks: Sequence[int]) -> int:
    """Where the longest run of items already in export's own order starts at the end.

    Export writes the items an order names first, then the others in its own order, so
    only the items before that run need naming; a map edited after import (items added)
    then still reads back with the same order.

    >>> _unordered_tail([0, 1, 2]), _unordered_tail([2, 0, 1]), _unordered_tail([])
    (0, 1, 0)
    """
    cut = max(len(ranks) - 1, 0)
    while cut > 0 and ranks[cut - 1] < ranks[cut]:
        cut -= 1
    return cut


def _first_error(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    where = ".".join(str(p) for p in error["loc"])
    return f"{where}: {error['msg']}" if where else error["msg"]


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    return "a number" if isinstance(value, int | float) else "a " + type(value).__name__
