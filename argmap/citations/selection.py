"""Selecting the sources a map cites: by map, by node, by a node and its support, by maps.

Each source comes with every place that cites it (map, node or relation, locator, quote),
so that an export or a reading list can say which claims rest on which pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from argmap.citations.bibliography import BibEntry, Bibliography
from argmap.errors import Issue, Location, MapError, Path, did_you_mean
from argmap.graph.algorithms import SUPPORT_KINDS, support_closure
from argmap.model import ArgumentMap, Citation

__all__ = ["CitedSource", "Citing", "cited_sources", "iter_citing", "supporting_nodes"]


@dataclass(frozen=True, slots=True)
class Citing:
    """One place that cites a source: a node, a relation, or the map's own ``source``."""

    map_id: str
    citation: Citation
    node: str | None = None
    """The id of the citing node; None for relations and the map's source."""
    relation: str | None = None
    """The id (or ``relations[i]`` position) of the citing relation."""
    path: Path = ()
    """Where the citation's key is inside the map document."""
    location: Location | None = None
    """Where the citation's key is written, when the map came from a file."""

    @property
    def locator(self) -> str | None:
        """The locator of this citation (``p. 1``), if any."""
        return self.citation.locator


@dataclass(frozen=True, slots=True)
class CitedSource:
    """A cited work: its key, its bibliography entry (None if missing), and who cites it."""

    key: str
    entry: BibEntry | None
    citing: tuple[Citing, ...]

    @property
    def nodes(self) -> list[str]:
        """The ids of the nodes citing this source, in map order, without repeats."""
        return list(dict.fromkeys(c.node for c in self.citing if c.node is not None))

    @property
    def locators(self) -> list[str]:
        """The distinct locators this source is cited with, in order of first use."""
        return list(dict.fromkeys(c.locator for c in self.citing if c.locator))


def iter_citing(amap: ArgumentMap) -> Iterator[Citing]:
    """Every citation of a map, in document order: its source, its nodes, its relations."""
    provenance = amap.provenance
    locator = provenance.locator if provenance is not None else None

    def locate(path: Path) -> Location | None:
        return locator.locate(path) if locator is not None else None

    if amap.source is not None:
        path: Path = ("source", "key")
        yield Citing(amap.id, amap.source, path=path, location=locate(path))
    for i, node in enumerate(amap.nodes):
        for j, citation in enumerate(node.cites):
            path = ("nodes", i, "cites", j, "key")
            yield Citing(amap.id, citation, node=node.id, path=path, location=locate(path))
    for i, relation in enumerate(amap.relations):
        for j, citation in enumerate(relation.cites):
            path = ("relations", i, "cites", j, "key")
            name = relation.id or f"relations[{i}]"
            yield Citing(amap.id, citation, relation=name, path=path, location=locate(path))


def supporting_nodes(amap: ArgumentMap, node_id: str) -> list[str]:
    """A node and every node that supports it, directly or through others.

    Support is followed through ``supports`` and ``pushes`` relations (premises of linked
    arguments included); attacks, pulls and questions are not support.

    Raises:
        KeyError: the map has no node with this id.
    """
    return support_closure(amap, node_id)


@dataclass(frozen=True, slots=True)
class _Selection:
    """The nodes of a map whose citations count, and the support relations among them."""

    nodes: frozenset[str]
    relations: frozenset[int]

    def __bool__(self) -> bool:
        return bool(self.nodes)


def _selection(amap: ArgumentMap, node: str | None, *, with_support: bool) -> _Selection | None:
    if node is None:
        return None
    if not amap.has_node(node):
        return _Selection(frozenset(), frozenset())
    if not with_support:
        return _Selection(frozenset([node]), frozenset())
    nodes = frozenset(supporting_nodes(amap, node))
    relations = frozenset(
        i
        for i, r in enumerate(amap.relations)
        if r.kind in SUPPORT_KINDS and r.target in nodes and set(r.sources) <= nodes
    )
    return _Selection(nodes, relations)


def _is_selected(citing: Citing, selection: _Selection) -> bool:
    if citing.node is not None:
        return citing.node in selection.nodes
    # A relation's citation backs an inference: it counts when the support it backs does.
    return citing.path[:1] == ("relations",) and citing.path[1] in selection.relations


def cited_sources(
    maps: ArgumentMap | Iterable[ArgumentMap],
    bibliography: Bibliography | None = None,
    *,
    node: str | None = None,
    with_support: bool = False,
) -> list[CitedSource]:
    """The sources cited by one or more maps, or by one node (and what supports it).

    Args:
        maps: a map, or several whose citations are merged.
        bibliography: where the keys resolve; without it every ``entry`` is None.
        node: only the citations of this node (looked up in every map given).
        with_support: with ``node``, also the citations of every node that supports it,
            and of the support relations between them.

    Returns:
        One :class:`CitedSource` a key, in order of first citation, each with every place
        that cites it. Keys missing from the bibliography have ``entry=None``.

    Raises:
        MapError: ``node`` is in none of the maps.

    >>> from argmap.model import Claim
    >>> amap = ArgumentMap(id="m", title="M", nodes=[
    ...     Claim(id="a", text="A", cites=[Citation(key="k1", locator="p. 2")]),
    ...     Claim(id="b", text="B", cites=[Citation(key="k1", locator="p. 5")])])
    >>> [(s.key, s.nodes, s.locators) for s in cited_sources(amap)]
    [('k1', ['a', 'b'], ['p. 2', 'p. 5'])]
    """
    amaps: Sequence[ArgumentMap] = [maps] if isinstance(maps, ArgumentMap) else list(maps)
    if with_support and node is None:
        raise ValueError("with_support needs a node")
    selections = [_selection(amap, node, with_support=with_support) for amap in amaps]
    if node is not None and not any(selections):
        hint = did_you_mean(node, [n.id for a in amaps for n in a.nodes])
        origins = [a.origin for a in amaps]
        if len(amaps) == 1 and origins[0] is not None:
            issue = Issue(
                "error",
                f"no node {node!r}{hint}",
                code="unknown-node",
                location=Location(origins[0]),
            )
        else:
            where = ", ".join(a.origin or a.id for a in amaps)
            issue = Issue("error", f"no node {node!r} in {where}{hint}", code="unknown-node")
        raise MapError([issue])
    by_key: dict[str, list[Citing]] = {}
    for amap, selection in zip(amaps, selections, strict=True):
        for citing in iter_citing(amap):
            if selection is not None and not _is_selected(citing, selection):
                continue
            by_key.setdefault(citing.citation.key, []).append(citing)
    return sources_from(by_key, bibliography)


def sources_from(
    by_key: Mapping[str, Sequence[Citing]], bibliography: Bibliography | None
) -> list[CitedSource]:
    """One cited source per key, in the order given, with its entry where there is one."""
    return [
        CitedSource(
            key=key,
            entry=bibliography.get(key) if bibliography is not None else None,
            citing=tuple(citings),
        )
        for key, citings in by_key.items()
    ]
