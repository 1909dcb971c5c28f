"""A corpus: maps read together, by id, with their files and resolved cross-map references."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from argmap.errors import Issue, Location
from argmap.errors import Path as IssuePath
from argmap.model import ArgumentMap, Node, Relation
from argmap.model.reference import Reference

if TYPE_CHECKING:
    import networkx as nx

    from argmap._provenance import Locator

__all__ = ["Corpus", "ResolvedReference"]


@dataclass(frozen=True, slots=True)
class ResolvedReference:
    """One ``MAP-ID#NODE-ID`` endpoint of a map's relation, and what it names.

    ``target`` is the node (or, for undercuts and questions, the relation) of the other map,
    or None when it does not resolve (the corpus then has an error for it).
    """

    map_id: str
    """The map whose relation holds the reference."""
    path: IssuePath
    """Where in that map: ``("relations", 3, "from")``."""
    reference: Reference
    target: Node | Relation | None
    locator: Locator | None = field(default=None, repr=False, compare=False)
    """Where the map's values were written (None for maps built in code)."""

    @property
    def location(self) -> Location | None:
        """Where the reference is written, found when asked for."""
        return None if self.locator is None else self.locator.locate(self.path)


@dataclass(slots=True)
class Corpus:
    """Maps read together (see :func:`argmap.read_maps`).

    Attributes:
        maps: the maps by id, in reading order (the files given first, then the maps their
            ``uses`` lists brought in).
        files: the file each map was read from, by map id.
        references: every cross-map reference, resolved or not, in reading order.
        issues: the problems of every map and of the references between them, located.
    """

    maps: dict[str, ArgumentMap] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    references: list[ResolvedReference] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        """The issues of severity error."""
        return [i for i in self.issues if i.is_error]

    @property
    def is_valid(self) -> bool:
        """True when no map and no reference has an error."""
        return not self.errors

    def node(self, key: str) -> Node:
        """The node named ``MAP-ID#NODE-ID`` (a pin, if any, is ignored).

        Raises:
            KeyError: no map of the corpus has it.
        """
        map_id, _, rest = key.partition("#")
        return self.maps[map_id].node(rest.partition("@")[0])

    def imports(self, map_id: str) -> list[ResolvedReference]:
        """The resolved references of one map, in map order."""
        return [r for r in self.references if r.map_id == map_id and r.target is not None]

    def users(self, key: str) -> list[str]:
        """The ids of the maps that refer to the node ``MAP-ID#NODE-ID``, in reading order."""
        seen: dict[str, None] = {}
        for r in self.references:
            if r.reference.key == key and r.target is not None:
                seen[r.map_id] = None
        return list(seen)

    def to_networkx(self, *, junctions: Literal["auto", "all"] = "auto") -> nx.DiGraph:
        """The corpus as one graph: see :func:`argmap.corpus.corpus_to_networkx`."""
        from argmap.corpus.graph import corpus_to_networkx

        return corpus_to_networkx(self, junctions=junctions)

    def uses_closure(self, map_id: str, *, depth: int | None = None) -> list[str]:
        """The map and the maps it builds on, through references, up to ``depth`` steps.

        ``depth=0`` is the map alone; None follows every step.
        """
        order = [map_id]
        frontier = [map_id]
        step = 0
        while frontier and (depth is None or step < depth):
            step += 1
            found: list[str] = []
            for current in frontier:
                for r in self.imports(current):
                    target_map = r.reference.map_id
                    if target_map not in order and target_map not in found:
                        found.append(target_map)
            order.extend(found)
            frontier = found
        return order
