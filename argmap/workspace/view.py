"""One map with what it builds on, as a single map to draw or analyse: imported nodes keyed
``MAP-ID#NODE-ID``, each keeping its citations."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.errors import Location
from argmap.errors import Path as IssuePath
from argmap.model import Actor, ArgumentMap, Claim, Node, Relation
from argmap.model.provenance import Provenance
from argmap.model.reference import Reference
from argmap.workspace.model import Workspace

__all__ = ["View", "map_view"]


@dataclass(frozen=True, slots=True)
class View:
    """A map to draw or analyse, made of one map of a workspace and what it builds on.

    Attributes:
        amap: the map with the nodes (and relations) of other maps it names, keyed
            ``MAP-ID#NODE-ID``; not validated (its imported ids hold ``#``). It keeps the
            provenance of the map it shows, whose file its paths are relative to.
        imported: the map id of each imported node, by key.
        maps: the ids of the maps it draws from, the map itself first: their
            bibliographies are the view's (:meth:`Workspace.bibliography`).
    """

    amap: ArgumentMap
    imported: dict[str, str]
    maps: list[str]


@dataclass(frozen=True, slots=True)
class _ViewLocator:
    """Locates a value of a view in the file it came from: an imported node's in its map's."""

    focus: Provenance | None
    owners: dict[tuple[str, int], tuple[Provenance | None, int]]
    """For each imported node and relation (``("nodes", i)`` of the view), its map's
    provenance and its position there."""

    def locate(self, path: IssuePath, *, key: bool = False) -> Location:
        if len(path) >= 2 and isinstance(path[1], int):
            owner = self.owners.get((str(path[0]), path[1]))
            if owner is not None:
                provenance, index = owner
                found = (
                    None
                    if provenance is None
                    else provenance.locate((path[0], index, *path[2:]), key=key)
                )
                return found or Location("<map>")
        found = None if self.focus is None else self.focus.locate(path, key=key)
        return found or Location("<map>")


def map_view(workspace: Workspace, map_id: str, *, depth: int = 0) -> View:
    """The map ``map_id`` with the nodes it imports, and the maps it builds on to ``depth``.

    With ``depth=0`` the map's own nodes are drawn with every node (and relation) of another
    map that it names; with ``depth=1`` the whole of each map it uses is drawn too, and so
    on. Nodes of other maps are keyed ``MAP-ID#NODE-ID`` (one node however many
    references name it, pinned or not), keep their citations, and are never a thesis.

    Raises:
        KeyError: the workspace has no map with this id.
        ValueError: ``depth`` is negative.

    >>> from argmap.workspace import read_maps
    >>> view = map_view(read_maps("maps"), "shagina-2018-sasakawa-sanctions-unity")
    >>> sorted(view.imported)  # doctest: +NORMALIZE_WHITESPACE
    ['shagina-2018-japan-sanctions#closing-critique',
     'shagina-2018-japan-sanctions#symbolic-sanctions']
    >>> view.maps
    ['shagina-2018-sasakawa-sanctions-unity', 'shagina-2018-japan-sanctions']
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, got {depth}")
    focus = workspace.maps[map_id]
    whole = workspace.uses_closure(map_id, depth=depth)
    if whole == [map_id] and not workspace.imports(map_id):
        return View(focus, {}, [map_id])  # nothing to bring in: the map itself
    nodes: dict[str, Node] = {n.id: n for n in focus.nodes}
    relations: dict[tuple[str, int], Relation] = {}
    imported: dict[str, str] = {}
    actors: dict[str, Actor] = {a.id: a for a in focus.actors}
    involved: dict[str, None] = {map_id: None}
    # Where each imported node and relation is in its own map, by its key in the view.
    origins: dict[str, tuple[str, int]] = {}

    def key(owner: str, local: str) -> str:
        return local if owner == map_id else f"{owner}#{local}"

    def endpoint(owner: str, name: str) -> str:
        if isinstance(name, Reference):
            return key(name.map_id, name.node_id)
        return key(owner, name)

    def add_node(owner: str, node: Node, index: int) -> None:
        name = key(owner, node.id)
        if name in nodes:
            return
        involved[owner] = None
        update: dict[str, object] = {"id": name}
        if node.actor is not None:
            # The owner's actor, under a key of its own: actor ids are only unique per map.
            actor = workspace.maps[owner].actor(node.actor)
            actors.setdefault(
                f"{owner}#{actor.id}", actor.model_copy(update={"id": f"{owner}#{actor.id}"})
            )
            update["actor"] = f"{owner}#{actor.id}"
        if isinstance(node, Claim):
            update["thesis"] = False
        nodes[name] = node.model_copy(update=update)
        imported[name] = owner
        origins[name] = (owner, index)

    def add_relation(owner: str, index: int, relation: Relation) -> None:
        if (owner, index) in relations:
            return
        involved[owner] = None
        ends = [*relation.sources, relation.target]
        if owner == map_id and not any(isinstance(end, Reference) for end in ends):
            relations[(owner, index)] = relation  # the map's own, as it is
            return
        sources = [endpoint(owner, s) for s in relation.sources]
        update: dict[str, object] = {
            "source": sources if isinstance(relation.source, list) else sources[0],
            "target": endpoint(owner, relation.target),
        }
        if relation.id is not None:
            update["id"] = key(owner, relation.id)
        relations[(owner, index)] = relation.model_copy(update=update)

    for owner in whole:
        amap = workspace.maps[owner]
        if owner != map_id:
            for index, node in enumerate(amap.nodes):
                add_node(owner, node, index)
        for index, relation in enumerate(amap.relations):
            add_relation(owner, index, relation)
    for owner in whole:
        for ref in workspace.imports(owner):
            owner_id = ref.reference.map_id
            if owner_id in whole or ref.target is None:
                continue
            target_map = workspace.maps[owner_id]
            if isinstance(ref.target, Relation):
                index = target_map.relations.index(ref.target)
                add_relation(owner_id, index, ref.target)
                for name in [*ref.target.sources, ref.target.target]:
                    if not isinstance(name, Reference) and target_map.has_node(name):
                        node = target_map.node(name)
                        add_node(owner_id, node, target_map.nodes.index(node))
            else:
                add_node(owner_id, ref.target, target_map.nodes.index(ref.target))
    view = ArgumentMap.model_construct(
        id=focus.id,
        title=focus.title,
        description=focus.description,
        source=focus.source,
        authors=focus.authors,
        bibliography=focus.bibliography,
        uses=focus.uses,
        actors=list(actors.values()),
        nodes=list(nodes.values()),
        relations=list(relations.values()),
        meta=focus.meta,
    )
    owners: dict[tuple[str, int], tuple[Provenance | None, int]] = {}
    for i, node in enumerate(view.nodes):
        if node.id in origins:
            owner, index = origins[node.id]
            owners[("nodes", i)] = (workspace.maps[owner].provenance, index)
    for i, ((owner, index), _) in enumerate(relations.items()):
        if owner != map_id:
            owners[("relations", i)] = (workspace.maps[owner].provenance, index)
    # Its paths are relative to the map's own file; each value is located in its own file.
    origin = focus.provenance.origin if focus.provenance is not None else None
    view.with_provenance(Provenance(origin, _ViewLocator(focus.provenance, owners)))
    return View(view, imported, list(involved))
