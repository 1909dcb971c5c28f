"""Reading a workspace: the files and folders given, the maps they use, their bibliographies.

Each file is read once, by real path, so a map or a ``.bib`` named two ways is one file.
Each map is read (:func:`argmap.formats.mapfile.load_map`) and checked
(:func:`argmap.check`) once; then the references between the maps are resolved.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from argmap._io import read_text
from argmap._names import Hints
from argmap.checks import NOT_RESOLVED, SUPPORT_KINDS, map_issues
from argmap.errors import BibliographyError, Issue, Location, MapError, Severity, sort_issues
from argmap.errors import Path as IssuePath
from argmap.formats.mapfile import load_map
from argmap.graph.algorithms import strongly_connected
from argmap.model import ArgumentMap, Factor, Node, Question, Relation
from argmap.model._structure import endpoint_paths
from argmap.model.provenance import locate_issues
from argmap.model.reference import PIN_LENGTH, Reference
from argmap.model.relation import RELATION_TARGETING_KINDS
from argmap.workspace.model import ResolvedReference, Workspace

__all__ = [
    "BIBLIOGRAPHY_SUFFIXES",
    "MAP_SUFFIXES",
    "expand_map_paths",
    "is_bibliography",
    "opens_as_bibliography",
    "read_maps",
    "resolve",
]

MAP_SUFFIXES = (".yaml", ".yml", ".json")

PathLike = str | os.PathLike[str]


def expand_map_paths(paths: Iterable[PathLike]) -> list[Path]:
    """Files as given; folders as the map files directly inside them, sorted by name (a
    folder's CSL-JSON or CSL-YAML bibliography is no map file: see :func:`is_bibliography`)."""
    return [f.path for f in _listing(paths) if not f.listed or not is_bibliography(f.path)]


class _Listed(NamedTuple):
    path: Path
    #: A folder listed it (rather than it being given).
    listed: bool
    #: Its real path, where the listing tells it for free (not a symbolic link).
    real: Path | None = None


def _listing(paths: Iterable[PathLike]) -> list[_Listed]:
    """Each file as given, and each map file directly inside a folder given, sorted by name."""
    result: list[_Listed] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            folder = _real(path)
            with os.scandir(os.path.normpath(path)) as entries:
                found = sorted(
                    (entry for entry in entries if _map_suffix(entry.name) and entry.is_file()),
                    key=lambda entry: entry.name,
                )
            result.extend(
                _Listed(Path(entry.path), True, None if entry.is_symlink() else folder / entry.name)
                for entry in found
            )
        else:
            result.append(_Listed(path, False))
    return result


def _map_suffix(name: str) -> bool:
    """True for a file name ending in a map suffix (``.json`` alone is a hidden file)."""
    lower = name.lower()
    return lower.endswith(MAP_SUFFIXES) and lower not in MAP_SUFFIXES


#: The suffixes of files that are bibliographies whatever they hold.
BIBLIOGRAPHY_SUFFIXES = (".bib", ".bibtex", ".ris")


def is_bibliography(path: Path) -> bool:
    """True for a bibliography: a .bib or .ris file, or a .json or .yaml file that opens
    as CSL-JSON (a list of items) or CSL-YAML (``references:``, or a list) does."""
    suffix = path.suffix.lower()
    if suffix in BIBLIOGRAPHY_SUFFIXES:
        return True
    if suffix not in MAP_SUFFIXES or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return opens_as_bibliography(head)


def opens_as_bibliography(text: str) -> bool:
    """True when the text opens as CSL-JSON or CSL-YAML: a list, or ``references:``. A map
    file opens with a mapping, so no map does.

    >>> opens_as_bibliography('[{"id": "k", "type": "book"}]'), opens_as_bibliography("id: m")
    (True, False)
    """
    head = text[:4096].lstrip("\ufeff")
    start = 0
    while start < len(head):  # line by line, up to the first that holds data
        end = head.find("\n", start)
        end = len(head) if end < 0 else end
        first = head[start:end].strip()
        start = end + 1
        if not first or first.startswith(("#", "---", "%")):
            continue
        return first.startswith(("[", "- ", "references:")) or first == "-"
    return False


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: the path stands for itself
        return path.absolute()


def read_maps(
    paths: PathLike | Iterable[PathLike],
    *,
    follow_uses: bool = True,
    bibliographies: bool = True,
) -> Workspace:
    """Read map files and folders of them as one workspace, with the maps they use.

    Every map is read and checked as :func:`argmap.read_map` does; a map that does not read
    leaves its errors in ``workspace.issues`` and is left out. Then every
    ``MAP-ID#NODE-ID`` endpoint is resolved: an unknown map or node is an error located at
    ``file:line:col`` with the closest id as a suggestion; a reference to a map not in
    ``uses`` is a warning; a pinned reference whose target's text no longer has that hash
    is a warning that says how to re-pin it; support cycles that run through several maps
    are errors. Each bibliography file the maps name is read once (a missing one is an
    error at the map's ``bibliography:`` entry); its entries are parsed when asked for
    (:meth:`Workspace.bibliography`).

    Args:
        paths: map files, folders (their map files, not subfolders), or a list of both.
        follow_uses: also read the files that each map lists in ``uses`` (relative to the
            map file), and the files those use.
        bibliographies: also read the bibliography files the maps name.

    Returns:
        The workspace; check ``workspace.errors`` (reading never raises for bad maps).

    Raises:
        MapError: a folder holds no map files, or nothing was given.

    >>> workspace = read_maps("maps/shagina-2018-sasakawa-sanctions-unity.yaml")
    >>> list(workspace.maps)
    ['shagina-2018-sasakawa-sanctions-unity', 'shagina-2018-japan-sanctions']
    >>> workspace.given
    ['shagina-2018-sasakawa-sanctions-unity']
    >>> workspace.errors
    []
    """
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    files = _listing(given)
    reader = _Reader(bibliographies=bibliographies)
    named = [
        (path if listed else Path(os.path.normpath(path)), listed, real)  # listed: normal
        for path, listed, real in files
    ]
    for path, _, real in named:
        if real is not None:  # the listing knows it: no need to look it up
            reader.reals[path] = real
    for path, listed, _ in named:
        reader.read(path, given=True, listed=listed)
    if not reader.workspace.inputs and not reader.workspace.issues:
        # Nothing given, empty folders, or folders of bibliographies only.
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
    while reader.queue and follow_uses:
        path, user, uses_path = reader.queue.pop(0)
        reader.read(path, used_by=(user, uses_path))
    workspace = reader.workspace
    uses = {
        map_id: {used for real in reals if (used := reader.seen.get(real)) is not None}
        for map_id, reals in reader.uses.items()
    }
    resolve(workspace, uses=uses)
    workspace.issues = sort_issues(workspace.issues)
    return workspace


class _Reader:
    """Reads map files into a workspace, each file once."""

    def __init__(self, *, bibliographies: bool) -> None:
        self.workspace = Workspace()
        self.seen: dict[Path, str | None] = {}  # real path -> the map id read from it
        self.queue: list[tuple[Path, ArgumentMap, IssuePath]] = []
        self.with_bibliographies = bibliographies
        self.reals: dict[Path, Path] = {}  # path as named -> real path, each found once
        self.uses: dict[str, set[Path]] = {}  # map id -> the real paths of what it uses

    def real(self, path: Path) -> Path:
        """The real path of a file, looked up once however often it is named."""
        found = self.reals.get(path)
        if found is None:
            found = self.reals[path] = _real(path)
        return found

    def read(
        self,
        path: Path,
        *,
        given: bool = False,
        listed: bool = False,
        used_by: tuple[ArgumentMap, IssuePath] | None = None,
    ) -> None:
        """Read one map file; ``listed``: a folder listed it, so a bibliography in it is
        passed over rather than read as a map."""
        workspace = self.workspace
        real = self.real(path)
        if real in self.seen:
            map_id = self.seen[real]
            if given and map_id is not None and map_id not in workspace.given:
                workspace.given.append(map_id)
            return
        self.seen[real] = None
        try:
            text = read_text(path, MapError)
        except MapError as exc:
            issues = exc.issues
            location = None if used_by is None else _locate(*used_by)
            if used_by is not None and issues[0].code == "missing-file":
                issues = [
                    Issue(
                        "error",
                        f"'uses' names {os.fspath(path)!r}, which does not exist",
                        code="missing-map",
                        path=used_by[1],
                        location=location,
                    )
                ]
            elif used_by is not None:
                # A file that is not one to read is named where 'uses' names it; a file
                # that is not UTF-8 is shown at its first bad byte.
                issues = [
                    i
                    if i.code == "encoding"
                    else Issue(
                        i.severity,
                        f"'uses' names {os.fspath(path)!r}: {i.message}",
                        code=i.code,
                        path=used_by[1],
                        location=location,
                    )
                    for i in issues
                ]
            workspace.issues.extend(issues)
            return
        if listed and opens_as_bibliography(text):
            return
        name = os.fspath(path)
        workspace.inputs.setdefault(real, name)
        loaded = load_map(text, filename=name)
        workspace.issues.extend(loaded.issues)
        amap = loaded.amap
        if amap is None or loaded.errors:
            return
        # References to other maps are resolved with the workspace's other maps: not a
        # problem here.
        issues = map_issues(amap, structure=not loaded.sound)
        issues = [i for i in issues if i.code != NOT_RESOLVED]
        if issues and amap.provenance is not None and amap.provenance.locator is not None:
            issues = locate_issues(issues, amap.provenance.locator)
        workspace.issues.extend(issues)
        if any(issue.is_error for issue in issues):
            return  # as read_map refuses it: left out, and what it uses is not read
        if amap.id in workspace.maps:
            first = workspace.files[amap.id]
            workspace.issues.append(
                Issue(
                    "error",
                    f"map id {amap.id!r} is taken by {os.fspath(first)}; "
                    "map ids must be unique in a corpus",
                    code="duplicate-map",
                    path=("id",),
                    location=_locate(amap, ("id",)),
                )
            )
            return
        self.seen[real] = amap.id
        workspace.maps[amap.id] = amap
        workspace.files[amap.id] = path
        if given:
            workspace.given.append(amap.id)
        # Joined as strings: a Path a step would cost a corpus of 1,000 maps 0.03 s.
        folder = os.path.dirname(name)  # noqa: PTH120
        for i, written in enumerate(amap.uses):
            used = Path(os.path.normpath(os.path.join(folder, written)))  # noqa: PTH118
            used_real = self.real(used)
            self.uses.setdefault(amap.id, set()).add(used_real)
            if used_real == real:
                workspace.issues.append(
                    Issue(
                        "warning",
                        f"'uses' names this map's own file ({written}); a map does not use "
                        "itself: remove it from 'uses'",
                        code="uses-itself",
                        path=("uses", i),
                        location=_locate(amap, ("uses", i)),
                    )
                )
                continue
            self.queue.append((used, amap, ("uses", i)))
        if self.with_bibliographies:
            self.read_bibliographies(amap, path)

    def read_bibliographies(self, amap: ArgumentMap, path: Path) -> None:
        """Read the map's bibliography files (those not read yet), by real path."""
        workspace = self.workspace
        files = workspace.bibliographies
        reals: list[Path] = []
        for i, written in enumerate(amap.bibliography):
            bib = path.parent / written
            real = self.real(bib)
            reals.append(real)
            if real in files.texts:
                continue
            files.names[real] = os.fspath(bib)
            try:
                files.texts[real] = read_text(bib, BibliographyError)
                workspace.inputs.setdefault(real, os.fspath(bib))
            except BibliographyError as exc:
                files.texts[real] = None
                where = _locate(amap, ("bibliography", i))
                issue = exc.issues[0]
                if issue.code == "missing-file":
                    message = (
                        f"bibliography file {written} does not exist (looked for {real}; "
                        "paths under 'bibliography:' are relative to the map's folder)"
                    )
                else:
                    message = f"bibliography file {written}: {issue.message}"
                problem = Issue(
                    "error", message, code=issue.code, path=("bibliography", i), location=where
                )
                files.problems[real] = [problem]
                workspace.issues.append(problem)
        workspace.bibliography_files[amap.id] = tuple(dict.fromkeys(reals))


def resolve(
    workspace: Workspace, *, check_uses: bool = True, uses: dict[str, set[str]] | None = None
) -> None:
    """Resolve every cross-map reference of the workspace's maps, adding the issues found.

    Args:
        workspace: the maps, by id, and their files.
        check_uses: warn about a reference to a map that is not in the map's ``uses``
            (maps read from files name the files they use; nodesets of AIF do not).
        uses: the ids of the maps each map's ``uses`` names, where the caller has them
            (else they are found from the files, by real path).
    """
    lookup = _Lookup(workspace)
    referring: list[tuple[str, Relation]] = []
    if uses is None and check_uses:
        by_real = {_real(file): map_id for map_id, file in workspace.files.items()}
        uses = {}
        for map_id, amap in workspace.maps.items():
            base = workspace.files[map_id].parent
            reals = (_real(Path(os.path.normpath(base / name))) for name in amap.uses)
            uses[map_id] = {by_real[real] for real in reals if real in by_real}
    for map_id, amap in workspace.maps.items():
        used = set() if uses is None else uses.get(map_id, set())
        for i, relation in enumerate(amap.relations):
            source = relation.source
            local = (
                not isinstance(source, Reference)
                if isinstance(source, str)
                else not any(isinstance(s, Reference) for s in source)
            )
            if local and not isinstance(relation.target, Reference):
                continue  # most relations: nothing to resolve
            referring.append((map_id, relation))
            for path, end in endpoint_paths(relation, i):
                if not isinstance(end, Reference):
                    continue
                target, found = lookup.resolve(end, relation, is_target=path[-1] == "to")
                if check_uses and target is not None and end.map_id not in used:
                    file = workspace.files[end.map_id]
                    found.append(
                        (
                            "warning",
                            "not-in-uses",
                            f"{end!r} names a map that is not in 'uses'; add its file "
                            f"({os.fspath(file)}) to 'uses'",
                        )
                    )
                for severity, code, message in found:
                    where = ("relations", i, "kind") if code == "kind-mismatch" else path
                    workspace.issues.append(
                        Issue(
                            severity, message, code=code, path=where, location=_locate(amap, where)
                        )
                    )
                workspace.references.append(
                    ResolvedReference(map_id, path, end, target, amap.provenance)
                )
    _check_cycles_across(workspace, referring)


_Found = list[tuple[Severity, str, str]]


class _Lookup:
    """The nodes and relations of every map by id, and the text hashes computed so far."""

    def __init__(self, workspace: Workspace) -> None:
        self.map_ids = list(workspace.maps)
        self.nodes = {mid: {n.id: n for n in amap.nodes} for mid, amap in workspace.maps.items()}
        self.relations = {
            mid: {r.id: r for r in amap.relations if r.id is not None}
            for mid, amap in workspace.maps.items()
        }
        self.digests: dict[tuple[str, str], str] = {}
        self.hints = Hints()

    def resolve(
        self, ref: Reference, relation: Relation, *, is_target: bool
    ) -> tuple[Node | Relation | None, _Found]:
        """What one endpoint names, and the problems with it."""
        if ref.map_id not in self.nodes:
            return None, [
                (
                    "error",
                    "unknown-map",
                    f"{ref!r} names unknown map {ref.map_id!r}"
                    f"{self.hints.did_you_mean(ref.map_id, self.map_ids)}; add its file to "
                    "'uses' or read it with this map",
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
                    f"{ref!r}: map {ref.map_id!r} has no relation {ref.node_id!r}"
                    f"{self.hints.did_you_mean(ref.node_id, relations)}; undercuts target a "
                    "relation id",
                )
            ]
        if wants_relation and ref.node_id in relations and ref.node_id not in nodes:
            return relations[ref.node_id], []
        node = nodes.get(ref.node_id)
        if node is None:
            candidates = (nodes, relations) if wants_relation else (nodes,)
            return None, [
                (
                    "error",
                    "unknown-node",
                    f"{ref!r}: map {ref.map_id!r} has no node {ref.node_id!r}"
                    f"{self.hints.did_you_mean(ref.node_id, *candidates)}",
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


def _check_cycles_across(workspace: Workspace, referring: list[tuple[str, Relation]]) -> None:
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
        for i, r in enumerate(workspace.maps[map_id].relations):
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
        workspace.issues.append(
            Issue(
                "error",
                "support cycle across maps (circular reasoning): " + " -> ".join(steps),
                code="support-cycle",
                path=path,
                location=_locate(workspace.maps[map_id], path),
            )
        )


def _key(map_id: str, endpoint: str) -> str:
    """The workspace-wide key of an endpoint: ``MAP-ID#NODE-ID``, pin left out."""
    return endpoint.key if isinstance(endpoint, Reference) else f"{map_id}#{endpoint}"


def _locate(amap: ArgumentMap, path: IssuePath) -> Location | None:
    """Where a value of a map read from a file is written (None for maps built in code)."""
    provenance = amap.provenance
    return None if provenance is None else provenance.locate(path)
