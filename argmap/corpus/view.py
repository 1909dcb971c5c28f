"""One map with what it builds on, as a single map to draw: imported nodes keyed MAP-ID#NODE-ID."""

from __future__ import annotations

import os

from argmap._provenance import provenance_of, remember
from argmap.corpus.model import Corpus
from argmap.errors import MapError
from argmap.model import Actor, ArgumentMap, Claim, Node, Relation
from argmap.model.reference import is_reference, parse_reference

__all__ = ["corpus_view", "read_view"]


def corpus_view(
    corpus: Corpus, map_id: str, *, depth: int = 0
) -> tuple[ArgumentMap, dict[str, str]]:
    """A map to draw: this map, the nodes it imports, and the maps it builds on to ``depth``.

    With ``depth=0`` the map's own nodes are drawn with every node (and relation) of another
    map that it names; with ``depth=1`` the whole of each map it uses is drawn too, and so
    on. Nodes of other maps are keyed ``MAP-ID#NODE-ID`` and are never a thesis.

    Args:
        corpus: the maps (see :func:`argmap.read_maps`).
        map_id: the map to draw.
        depth: how many steps of ``uses`` to draw whole.

    Returns:
        The map to draw (not validated: its imported ids hold ``#``) and, for ``imported=``
        of :func:`argmap.to_dot` and :func:`argmap.to_mermaid`, the map id of each imported
        node.

    Raises:
        KeyError: the corpus has no map with this id.
        ValueError: ``depth`` is negative.

    >>> from argmap.corpus import read_maps
    >>> view, imported = corpus_view(read_maps("maps"), "shagina-2018-sasakawa-sanctions-unity")
    >>> sorted(imported)[:2]  # doctest: +NORMALIZE_WHITESPACE
    ['shagina-2018-japan-sanctions#closing-critique',
     'shagina-2018-japan-sanctions#sanctions-imposed']
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, got {depth}")
    focus = corpus.maps[map_id]
    whole = corpus.uses_closure(map_id, depth=depth)
    nodes: dict[str, Node] = {n.id: n for n in focus.nodes}
    relations: dict[tuple[str, int], Relation] = {}
    imported: dict[str, str] = {}
    actors: dict[str, Actor] = {a.id: a for a in focus.actors}

    def key(owner: str, local: str) -> str:
        return local if owner == map_id else f"{owner}#{local}"

    def endpoint(owner: str, name: str) -> str:
        if is_reference(name):
            ref = parse_reference(name)
            return key(ref.map_id, ref.node_id)
        return key(owner, name)

    def add_node(owner: str, node: Node) -> None:
        name = key(owner, node.id)
        if name in nodes:
            return
        update: dict[str, object] = {"id": name}
        if node.actor is not None:
            # The owner's actor, under a key of its own: actor ids are only unique per map.
            actor = corpus.maps[owner].actor(node.actor)
            actors.setdefault(
                f"{owner}#{actor.id}", actor.model_copy(update={"id": f"{owner}#{actor.id}"})
            )
            update["actor"] = f"{owner}#{actor.id}"
        if isinstance(node, Claim):
            update["thesis"] = False
        nodes[name] = node.model_copy(update=update)
        imported[name] = owner

    def add_relation(owner: str, index: int, relation: Relation) -> None:
        if (owner, index) in relations:
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
        amap = corpus.maps[owner]
        if owner != map_id:
            for node in amap.nodes:
                add_node(owner, node)
        for index, relation in enumerate(amap.relations):
            add_relation(owner, index, relation)
    for owner in whole:
        for ref in corpus.imports(owner):
            target_map = corpus.maps[ref.reference.map_id]
            if ref.reference.map_id in whole or ref.target is None:
                continue
            if isinstance(ref.target, Relation):
                index = target_map.relations.index(ref.target)
                add_relation(ref.reference.map_id, index, ref.target)
                for name in [*ref.target.sources, ref.target.target]:
                    if not is_reference(name) and target_map.has_node(name):
                        add_node(ref.reference.map_id, target_map.node(name))
            else:
                add_node(ref.reference.map_id, ref.target)
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
    # Drawn as the map's own file: its bibliography paths are relative to it.
    provenance = provenance_of(focus)
    if provenance is not None:
        remember(view, provenance)
    return view, imported


def read_view(
    path: str | os.PathLike[str], *, depth: int = 0
) -> tuple[ArgumentMap, dict[str, str]]:
    """Read a map with the maps it uses, and return its :func:`corpus_view`.

    Raises:
        MapError: the map, or a map it uses, has errors (every one of them is listed).
    """
    from argmap.corpus.reading import read_maps

    corpus = read_maps(path)
    if corpus.errors:
        raise MapError(corpus.errors)
    return corpus_view(corpus, next(iter(corpus.maps)), depth=depth)
