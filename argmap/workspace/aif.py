"""AIF for corpora: one nodeset per map, sharing the I-node ids of the nodes maps reuse.

AIFdb keeps a corpus as nodesets that may hold the same I-node (one ``nodeID``) in
several of them; argmap keeps it as maps that name each other's nodes. Writing a corpus
gives each map a nodeset that holds its own nodes and a copy of each node of another map
that it names, under that node's id, so AIF tools see one shared node. Reading a folder of
nodesets turns every I-node held by several of them into one node of the first nodeset
that holds it (in the order read: file names sorted) and ``MAP-ID#NODE-ID`` references in
the others. Pins are not kept in AIF (it has no place for them); a round trip through it
gives the references back unpinned.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from argmap._io import read_text, write_atomic
from argmap.errors import FormatError, Issue, Location, MapError
from argmap.formats._ids import ID_RE, id_from
from argmap.formats.aif import META_KEY, dump_aif, parse_aif
from argmap.formats.mapfile import to_plain
from argmap.model import ArgumentMap, Claim, Node, Relation
from argmap.model.reference import Reference
from argmap.workspace.model import Workspace
from argmap.workspace.reading import resolve

__all__ = [
    "dump_corpus_aif",
    "dump_map_aif",
    "import_aif_corpus",
    "read_aif_corpus",
    "write_corpus_aif",
]

#: The suffix of the nodeset files written for a corpus.
SUFFIX = ".aif.json"


def dump_corpus_aif(corpus: Workspace) -> dict[str, str]:
    """Each map of the corpus as an AIF nodeset, by map id; shared nodes keep one id.

    Raises:
        FormatError: two maps have a node or relation with the same AIF id; nodesets of
            one corpus share ids, so one of them must be renamed.

    >>> from argmap.workspace import read_maps
    >>> import json
    >>> texts = dump_corpus_aif(read_maps("maps"))
    >>> seed = json.loads(texts["shagina-2018-japan-sanctions"])
    >>> companion = json.loads(texts["shagina-2018-sasakawa-sanctions-unity"])
    >>> shared = {n["nodeID"] for n in seed["nodes"]} & {n["nodeID"] for n in companion["nodes"]}
    >>> sorted(shared)
    ['closing-critique', 'symbolic-sanctions']
    """
    first: dict[str, str] = {}
    clashes: list[Issue] = []
    for map_id, amap in corpus.maps.items():
        for item in [*amap.nodes, *amap.relations]:
            if item.id is None:
                continue
            aid = _aif_id(item)
            other = first.setdefault(aid, map_id)
            if other != map_id:
                clashes.append(
                    Issue(
                        "error",
                        f"{aid!r} is an id of both {other!r} and {map_id!r}; the AIF nodesets "
                        "of a corpus share ids, so rename one of them",
                        code="id-clash",
                        location=Location(os.fspath(corpus.files[map_id])),
                    )
                )
    if clashes:
        raise FormatError(clashes)
    return {map_id: dump_aif(_nodeset(corpus, map_id)) for map_id in corpus.maps}


def dump_map_aif(workspace: Workspace, map_id: str) -> str:
    """One map of a workspace as an AIF nodeset that holds the nodes it names of other maps.

    Each node (or relation) of another map that the map names is copied into the nodeset
    under its own AIF id, as :func:`dump_corpus_aif` does; only the map's own ids and
    those of the copies must differ.

    Raises:
        FormatError: a copied node has the id of a node or relation of the map.
    """
    nodeset = _nodeset(workspace, map_id)
    seen: dict[str, int] = {}
    clashes: list[Issue] = []
    for item in [*nodeset.nodes, *nodeset.relations]:
        if item.id is None:
            continue
        aid = _aif_id(item)
        seen[aid] = seen.get(aid, 0) + 1
        if seen[aid] == 2:
            clashes.append(
                Issue(
                    "error",
                    f"{aid!r} is an id of {map_id!r} and of a node it names of another map; "
                    "AIF ids are unique in a nodeset, so rename one of them",
                    code="id-clash",
                    location=Location(os.fspath(workspace.files[map_id])),
                )
            )
    if clashes:
        raise FormatError(clashes)
    return dump_aif(nodeset)


def write_corpus_aif(corpus: Workspace, folder: str | os.PathLike[str]) -> list[Path]:
    """Write each map's nodeset to ``FOLDER/MAP-ID.aif.json`` (atomically); return the paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for map_id, text in dump_corpus_aif(corpus).items():
        path = out / f"{map_id}{SUFFIX}"
        write_atomic(path, text)
        written.append(path)
    return written


def _aif_id(item: Node | Relation) -> str:
    extras = item.meta.get(META_KEY)
    if isinstance(extras, dict) and isinstance(extras.get("nodeID"), str | int):
        return str(extras["nodeID"])
    assert item.id is not None
    return item.id


def _with_aif_id(item: Any, aid: str, **update: Any) -> Any:
    meta = dict(item.meta)
    extras = dict(meta.get(META_KEY) or {})
    if aid != update.get("id", item.id) or "nodeID" in extras:
        extras["nodeID"] = aid
        meta[META_KEY] = extras
    return item.model_copy(update={"meta": meta, **update})


def _nodeset(corpus: Workspace, map_id: str) -> ArgumentMap:
    """The map with copies of the nodes it names of other maps, under their AIF ids."""
    amap = corpus.maps[map_id]
    nodes = list(amap.nodes)
    copies: dict[str, str] = {}
    extra_relations: list[Relation] = []

    def local(name: str) -> str:
        if not isinstance(name, Reference):
            return name
        ref = name
        key = ref.key
        if key not in copies:
            owner = corpus.maps[ref.map_id]
            target = corpus.node(key) if owner.has_node(ref.node_id) else None
            aid = _aif_id(target or owner.relation(ref.node_id))
            # The id AIF readers give the node back (ids are unique across the corpus).
            copy_id = aid if ID_RE.match(aid) else id_from(aid)
            copies[key] = copy_id
            if target is not None:
                # A copy for AIF tools: the other map's thesis and actors stay its own.
                extra = {"thesis": False} if isinstance(target, Claim) else {}
                nodes.append(_with_aif_id(target, aid, id=copy_id, actor=None, **extra))
            else:
                inference = owner.relation(ref.node_id)

                def there(end: str) -> str:
                    # An end of the other map's relation, as a node of this nodeset.
                    return local(
                        end if isinstance(end, Reference) else Reference(f"{ref.map_id}#{end}")
                    )

                sources = [there(s) for s in inference.sources]
                extra_relations.append(
                    _with_aif_id(
                        inference,
                        aid,
                        id=copy_id,
                        source=sources if isinstance(inference.source, list) else sources[0],
                        target=there(inference.target),
                    )
                )
        return copies[key]

    relations = []
    for r in amap.relations:
        sources = [local(s) for s in r.sources]
        update: dict[str, Any] = {
            "source": sources if isinstance(r.source, list) else sources[0],
            "target": local(r.target),
        }
        relations.append(r.model_copy(update=update))
    return amap.model_copy(
        update={"nodes": nodes, "relations": [*extra_relations, *relations], "uses": []}
    )


def import_aif_corpus(texts: Mapping[str, str]) -> Workspace:
    """Read AIF nodesets (file name to text) as one corpus; shared I-nodes become references.

    Each nodeset is read as :func:`argmap.parse_aif` reads it (its map id from its file
    name). An I-node (or scheme node) whose ``nodeID`` an earlier nodeset holds is left
    out of the later ones, and their relations name it ``MAP-ID#NODE-ID``. The references
    are resolved as :func:`argmap.read_maps` resolves them.

    Raises:
        FormatError: a nodeset cannot be read (every problem of every file is listed).
    """
    corpus = Workspace()
    problems: list[Issue] = []
    owner_of: dict[str, tuple[str, str]] = {}
    for filename, text in texts.items():
        try:
            warnings: list[Issue] = []
            amap = parse_aif(text, filename=filename, warnings=warnings)
        except FormatError as exc:
            problems.extend(exc.issues)
            continue
        corpus.issues.extend(warnings)
        if amap.id in corpus.maps:
            problems.append(
                Issue(
                    "error",
                    f"map id {amap.id!r} (from the file name) is taken by "
                    f"{os.fspath(corpus.files[amap.id])}; rename one of the files",
                    code="duplicate-map",
                    location=Location(filename),
                )
            )
            continue
        renamed: dict[str, str] = {}
        for item in [*amap.nodes, *amap.relations]:
            if item.id is None:
                continue
            aid = _aif_id(item)
            if aid in owner_of:
                other_map, other_id = owner_of[aid]
                renamed[item.id] = f"{other_map}#{other_id}"
            else:
                owner_of[aid] = (amap.id, item.id)
        if renamed:
            amap = _referring(amap, renamed, filename)
        corpus.maps[amap.id] = amap
        corpus.files[amap.id] = Path(filename)
    if problems:
        raise FormatError(problems)
    resolve(corpus, check_uses=False)  # AIF has no 'uses'
    return corpus


def _referring(amap: ArgumentMap, renamed: Mapping[str, str], filename: str) -> ArgumentMap:
    """The map without the nodes another nodeset owns, its relations naming them there."""
    data = to_plain(amap)
    data["nodes"] = [n for n in data.get("nodes", []) if n["id"] not in renamed]
    data["relations"] = [r for r in data.get("relations", []) if r.get("id") not in renamed]
    for relation in data["relations"]:
        source = relation["from"]
        relation["from"] = (
            [renamed.get(s, s) for s in source]
            if isinstance(source, list)
            else renamed.get(source, source)
        )
        relation["to"] = renamed.get(relation["to"], relation["to"])
    try:
        return ArgumentMap.model_validate(data)
    except ValueError as exc:
        raise MapError(
            [
                Issue(
                    "error", f"cannot refer to the shared nodes: {exc}", location=Location(filename)
                )
            ]
        ) from None


def read_aif_corpus(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Workspace:
    """Read AIF files, or folders of ``.json`` AIF files (sorted by name), as one corpus.

    Raises:
        FormatError: a file is missing or cannot be read as AIF.
    """
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    files: list[Path] = []
    for name in given:
        path = Path(name)
        files.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return import_aif_corpus({os.fspath(f): read_text(f, FormatError) for f in files})
