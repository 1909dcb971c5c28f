"""Reading maps together: the files and folders given, the maps they use, references resolved."""

from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from argmap._gc import without_gc
from argmap._provenance import provenance_of
from argmap.checks import SUPPORT_KINDS
from argmap.corpus.model import Corpus, ResolvedReference
from argmap.errors import Issue, Location, MapError, Severity, sort_issues
from argmap.errors import Path as IssuePath
from argmap.formats.mapfile import read_corpus_map
from argmap.graph.algorithms import strongly_connected
from argmap.model import ArgumentMap, Factor, Node, Question, Relation
from argmap.model._structure import endpoint_paths
from argmap.model.reference import PIN_LENGTH, is_reference, parse_reference
from argmap.model.relation import RELATION_TARGETING_KINDS

__all__ = ["MAP_SUFFIXES", "expand_map_paths", "read_maps", "resolve"]

MAP_SUFFIXES = (".yaml", ".yml", ".json")


def expand_map_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files as given; folders as the map files directly inside them, sorted by name."""
    result: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            result.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in MAP_SUFFIXES))
        else:
            result.append(path)
    return result


@without_gc
def read_maps(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, follow_uses: bool = True
) -> Corpus:
    """Read map files and folders of them as one corpus, and resolve the references between them.

    Every map is read and checked as :func:`argmap.read_map` does; a map that does not read
    leaves its errors in ``corpus.issues`` and is left out. Then every ``MAP-ID#NODE-ID``
    endpoint is resolved: an unknown map or node is an error located at ``file:line:col``
    with the closest id as a suggestion; a reference to a map not in ``uses`` is a warning; a
    pinned reference whose target's text no longer has that hash is a warning that says how
    to re-pin it; support cycles that run through several maps are errors.

    Args:
        paths: map files, folders (their map files, not subfolders), or a list of both.
        follow_uses: also read the files that each map lists in ``uses`` (relative to the
            map file), and the files those use, so that one map can be read with its corpus.

    Returns:
        The corpus; check ``corpus.errors`` (reading never raises for bad maps).

    Raises:
        MapError: a folder holds no map files, or nothing was given.

    >>> corpus = read_maps("maps/shagina-2018-sasakawa-sanctions-unity.yaml")
    >>> list(corpus.maps)
    ['shagina-2018-sasakawa-sanctions-unity', 'shagina-2018-japan-sanctions']
    >>> corpus.errors
    []
    """
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    files = expand_map_paths(given)
    if not files:
        where = ", ".join(os.fspath(p) for p in given) or "nothing given"
        raise MapError(
            [
                Issue(
                    "error",
                    "no map files (.yaml, .yml, .json)",
                    code="no-maps",
                    location=Location(where),
                )
            ]
        )
    corpus = Corpus()
    seen: set[Path] = set()
    queue = [Path(os.path.normpath(f)) for f in files]
    used_by: dict[Path, tuple[ArgumentMap, IssuePath]] = {}
    uses_ids: dict[str, set[Path]] = {}
    while queue:
        path = queue.pop(0)
        real = path.absolute()
        if real in seen:
            continue
        seen.add(real)
        try:
            amap, issues = read_corpus_map(path)
        except MapError as exc:
            if path in used_by and any(i.code == "missing-file" for i in exc.issues):
                user, uses_path = used_by[path]
                location = _locate(user, uses_path)
                corpus.issues.append(
                    Issue(
                        "error",
                        f"'uses' names {os.fspath(path)!r}, which does not exist",
                        code="missing-map",
                        path=uses_path,
                        location=location,
                    )
                )
            else:
                corpus.issues.extend(exc.issues)
            continue
        corpus.issues.extend(issues)
        if amap.id in corpus.maps:
            first = corpus.files[amap.id]
            corpus.issues.append(
                Issue(
                    "error",
                    f"map id {amap.id!r} is taken by {os.fspath(first)}; "
                    "map ids must be unique in a corpus",
                    code="duplicate-map",
                    path=("id",),
                    location=_locate(amap, ("id",)),
                )
            )
            continue
        corpus.maps[amap.id] = amap
        corpus.files[amap.id] = path
        targets: set[Path] = set()
        for i, name in enumerate(amap.uses):
            used = Path(os.path.normpath(path.parent / name))
            targets.add(used.absolute())
            if follow_uses:
                used_by.setdefault(used, (amap, ("uses", i)))
                queue.append(used)
        uses_ids[amap.id] = targets
    resolve(corpus, uses=uses_ids)
    corpus.issues = sort_issues(corpus.issues)
    return corpus


def resolve(corpus: Corpus, *, uses: dict[str, set[Path]] | None = None) -> None:
    """Resolve every cross-map reference of the corpus's maps, adding the issues found.

    Args:
        corpus: maps by id (and their files, to tell whether a map is in ``uses``).
        uses: the resolved files each map lists in ``uses``; without it every referenced
            map counts as used.
    """
    lookup = _Lookup(corpus)
    files = {map_id: path.absolute() for map_id, path in corpus.files.items()}
    referring: list[tuple[str, Relation]] = []
    for map_id, amap in corpus.maps.items():
        used = None if uses is None else uses.get(map_id, set())
        for i, relation in enumerate(amap.relations):
            source = relation.source
            local = (
                not is_reference(source)
                if isinstance(source, str)
                else not any(map(is_reference, source))
            )
            if local and not is_reference(relation.target):
                continue  # most relations: nothing to resolve
            referring.append((map_id, relation))
            for path, endpoint in endpoint_paths(relation, i):
                if not is_reference(endpoint):
                    continue
                target, found = lookup.resolve(endpoint, relation, is_target=path[-1] == "to")
                if target is not None and used is not None:
                    owner = parse_reference(endpoint).map_id
                    if files[owner] not in used:
                        file = corpus.files[owner]
                        found.append(
                            (
                                "warning",
                                "not-in-uses",
                                f"{endpoint!r} names a map that is not in 'uses'; add its file "
                                f"({os.fspath(file)}) to 'uses'",
                            )
                        )
                for severity, code, message in found:
                    where, at = path, _locate(amap, path)
                    if code == "kind-mismatch":
                        where = ("relations", i, "kind")
                        at = _locate(amap, where)
                    corpus.issues.append(
                        Issue(severity, message, code=code, path=where, location=at)
                    )
                ref = parse_reference(endpoint)
                provenance = provenance_of(amap)
                locator = provenance.locator if provenance is not None else None
                corpus.references.append(ResolvedReference(map_id, path, ref, target, locator))
    _check_cycles_across(corpus, referring)


_Found = list[tuple[Severity, str, str]]


class _Lookup:
    """The nodes and relations of every map by id, and the text hashes computed so far."""

    def __init__(self, corpus: Corpus) -> None:
        self.map_ids = list(corpus.maps)
        self.nodes = {mid: {n.id: n for n in amap.nodes} for mid, amap in corpus.maps.items()}
        self.relations = {
            mid: {r.id: r for r in amap.relations if r.id is not None}
            for mid, amap in corpus.maps.items()
        }
        self.digests: dict[tuple[str, str], str] = {}

    def resolve(
        self, endpoint: str, relation: Relation, *, is_target: bool
    ) -> tuple[Node | Relation | None, _Found]:
        """What one endpoint names, and the problems with it."""
        ref = parse_reference(endpoint)
        if ref.map_id not in self.nodes:
            return None, [
                (
                    "error",
                    "unknown-map",
                    f"{endpoint!r} names unknown map {ref.map_id!r}"
                    f"{_suggest(ref.map_id, self.map_ids)}; add its file to 'uses' or read "
                    "it with this map",
                )
            ]
        nodes, relations = self.nodes[ref.map_id], self.relations[ref.map_id]
        wants_relation = is_target and relation.kind in RELATION_TARGETING_KINDS
        if is_target and relation.kind == "undercuts":
            if ref.node_id in relations:
                return relations[ref.node_id], []
            return None, [
                (
                    "error",
                    "unknown-relation",
                    f"{endpoint!r}: map {ref.map_id!r} has no relation {ref.node_id!r}"
                    f"{_suggest(ref.node_id, relations)}; undercuts target a relation id",
                )
            ]
        if wants_relation and ref.node_id in relations and ref.node_id not in nodes:
            return relations[ref.node_id], []
        node = nodes.get(ref.node_id)
        if node is None:
            candidates = [*nodes, *relations] if wants_relation else list(nodes)
            return None, [
                (
                    "error",
                    "unknown-node",
                    f"{endpoint!r}: map {ref.map_id!r} has no node {ref.node_id!r}"
                    f"{_suggest(ref.node_id, candidates)}",
                )
            ]
        found: _Found = []
        if ref.pin is not None:
            digest = self.digests.get((ref.map_id, ref.node_id))
            if digest is None:
                digest = hashlib.sha256(node.text.encode("utf-8")).hexdigest()
                self.digests[(ref.map_id, ref.node_id)] = digest
            if not digest.startswith(ref.pin):
                new = ref.pinned(digest[: max(len(ref.pin), PIN_LENGTH)])
                found.append(
                    (
                        "warning",
                        "pin-mismatch",
                        f"the text of {ref.key} changed since it was pinned; check that this "
                        f"map still agrees with it, then re-pin with {str(new)!r}",
                    )
                )
        if not is_target:
            message = _kind_mismatch(relation, ref.key, node)
            if message is not None:
                found.append(("error", "kind-mismatch", message))
        return node, found


def _kind_mismatch(relation: Relation, key: str, node: Node) -> str | None:
    what = (
        f"{relation.kind} relation {relation.id!r}" if relation.id else f"{relation.kind} relation"
    )
    if relation.kind in ("pushes", "pulls"):
        wanted = "push" if relation.kind == "pushes" else "pull"
        if not isinstance(node, Factor) or node.direction != wanted:
            return f"{what}: {relation.kind} must come from a {wanted} factor, but {key!r} is not"
    if relation.kind == "questions" and not isinstance(node, Question):
        return f"{what}: questions must come from a question node, but {key!r} is a {node.kind}"
    return None


def _check_cycles_across(corpus: Corpus, referring: list[tuple[str, Relation]]) -> None:
    """Report support cycles that pass through more than one map (one map's own are its
    check's); ``referring``: each relation that names another map's node, with its map."""
    # A cycle through several maps runs through maps that support each other in a cycle:
    # only the maps of such a cycle need a graph of their nodes.
    maps_graph: dict[str, list[str]] = {}
    for map_id, r in referring:
        if r.kind not in SUPPORT_KINDS:
            continue
        owners = [_key(map_id, end).partition("#")[0] for end in (*r.sources, r.target)]
        for owner in owners[:-1]:
            if owner != owners[-1]:
                maps_graph.setdefault(owner, []).append(owners[-1])
                maps_graph.setdefault(owners[-1], [])
    involved = {m for c in strongly_connected(maps_graph) if len(c) > 1 for m in c}
    if not involved:
        return
    import networkx as nx  # only for maps that support each other in a cycle

    graph: nx.DiGraph = nx.DiGraph()
    closing: dict[tuple[str, str], tuple[str, int]] = {}
    for map_id in involved:
        for i, r in enumerate(corpus.maps[map_id].relations):
            if r.kind not in SUPPORT_KINDS:
                continue
            target = _key(map_id, r.target)
            for source in r.sources:
                edge = (_key(map_id, source), target)
                if edge[0] != edge[1]:
                    graph.add_edge(*edge)
                    closing.setdefault(edge, (map_id, i))
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2 or len({k.partition("#")[0] for k in component}) < 2:
            continue
        cycle = nx.find_cycle(graph.subgraph(component), source=min(component))
        steps = [u for u, _ in cycle] + [cycle[0][0]]
        map_id, index = max(closing[edge] for edge in cycle)
        path: IssuePath = ("relations", index)
        corpus.issues.append(
            Issue(
                "error",
                "support cycle across maps (circular reasoning): " + " -> ".join(steps),
                code="support-cycle",
                path=path,
                location=_locate(corpus.maps[map_id], path),
            )
        )


def _key(map_id: str, endpoint: str) -> str:
    """The corpus-wide key of an endpoint: ``MAP-ID#NODE-ID``, pin left out."""
    if is_reference(endpoint):
        return parse_reference(endpoint).key
    return f"{map_id}#{endpoint}"


def _suggest(name: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _locate(amap: ArgumentMap, path: IssuePath) -> Location | None:
    """Where a value of a map read from a file is written (None for maps built in code)."""
    provenance = provenance_of(amap)
    if provenance is None or provenance.locator is None:
        return None
    return provenance.locator.locate(path)
