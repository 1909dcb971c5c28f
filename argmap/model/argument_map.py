"""The argument map: metadata, actors, nodes and relations, with queries over them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from pydantic import Field, PrivateAttr, model_validator

from argmap._display import SHOW
from argmap.model._base import Id, Meta, Model, Text
from argmap.model._structure import StructureError, structure_issues
from argmap.model.actor import Actor
from argmap.model.citation import Citation
from argmap.model.node import Claim, Evidence, Factor, Node, NodeKind, Question
from argmap.model.provenance import Provenance
from argmap.model.relation import Relation, RelationKind
from argmap.schemes.scheme import Scheme

FORMAT_VERSION = 1


class _HasId(Protocol):
    @property
    def id(self) -> str | None: ...


_T = TypeVar("_T", bound=_HasId)


@dataclass(frozen=True, slots=True)
class _IdIndex:
    """Positions by id of a map's nodes, relations and actors, as they were when it was made.

    The lists can change in place (append, reassign an id), so a hit is trusted only when
    the element at the remembered position still has the id, and a miss makes a new index
    once before it is believed: look-ups are O(1) on an unchanged map and never stale. An
    index is never changed, only replaced, so copies of a map may share one.
    """

    positions: dict[tuple[str, str], int]

    @classmethod
    def of(cls, amap: ArgumentMap) -> _IdIndex:
        positions: dict[tuple[str, str], int] = {}
        for part, items in (
            ("nodes", amap.nodes),
            ("relations", amap.relations),
            ("actors", amap.actors),
        ):
            for i, item in enumerate(items):
                if item.id is not None:
                    positions.setdefault((part, item.id), i)
        return cls(positions)

    def get(self, part: str, items: Sequence[_T], key: str) -> _T | None:
        i = self.positions.get((part, key))
        if i is not None and i < len(items) and items[i].id == key:
            return items[i]
        return None


class ArgumentMap(Model):
    """An argument map: what a piece of research argues, as typed, cited nodes and relations.

    Building a map in Python validates it as reading a file does: fields are typed,
    unknown fields are refused, ids are unique and every reference resolves.

    >>> amap = ArgumentMap(
    ...     id="demo", title="Demo",
    ...     nodes=[Claim(id="t", text="Sanctions were symbolic.", thesis=True),
    ...            Factor(id="g7", text="G7 solidarity", direction="push", weight=0.8)],
    ...     relations=[Relation(kind="pushes", source="g7", target="t")])
    >>> amap.thesis.id, [f.id for f in amap.push_factors]
    ('t', ['g7'])
    """

    argmap: Literal[1] = 1
    """The version of the map file format."""
    id: Id
    title: Text
    description: Text | None = None
    source: Citation | None = None
    """The work being mapped, as a citation of the bibliography."""
    authors: list[Text] = Field(default_factory=list)
    """Who made the map."""
    bibliography: list[Text] = Field(default_factory=list)
    """BibTeX files the map cites, relative to the map file."""
    uses: list[Text] = Field(default_factory=list)
    """Map files this map builds on (its ``MAP-ID#NODE-ID`` references), relative to it."""
    actors: list[Actor] = Field(default_factory=list)
    schemes: list[Scheme] = Field(default_factory=list)
    """Argument schemes of the map's own, in the catalogue's shape; ``scheme:`` and
    ``answers:`` may name them beside the bundled catalogue's."""
    nodes: list[Node] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    meta: Meta = Field(default_factory=dict)

    _provenance: Provenance | None = PrivateAttr(default=None)
    _index: _IdIndex | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _check_structure(self) -> ArgumentMap:
        # The error carries the built map and path-only issues, which readers locate.
        issues = structure_issues(self)
        if issues:
            raise StructureError(issues, self)
        return self

    @property
    def provenance(self) -> Provenance | None:
        """Where the map was read from: its file and the positions of its values.

        None for a map built in code. Copies of the map keep it (``model_copy``,
        ``copy.deepcopy``); it takes no part in equality.
        """
        return self._provenance

    @property
    def origin(self) -> str | None:
        """The path of the file the map was read from; None for maps built in code.

        Bibliography and ``uses`` paths are relative to this file's folder.
        """
        return None if self._provenance is None else self._provenance.origin

    def with_provenance(self, provenance: Provenance | None) -> ArgumentMap:
        """Record where the map came from (readers call this); returns the map itself."""
        self._provenance = provenance
        return self

    def __eq__(self, other: object) -> bool:
        # Equal content is an equal map, wherever it was read from (pydantic would compare
        # the private attributes too: the provenance and the index).
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable, as every pydantic model

    def __repr__(self) -> str:
        """A short repr: a map of thousands of nodes prints in one line.

        >>> ArgumentMap(id="m", title="A map", nodes=[Claim(id="a", text="A")])
        <ArgumentMap 'm': A map (1 node, 0 relations)>
        """
        nodes, relations = len(self.nodes), len(self.relations)
        where = f", from {self.origin}" if self.origin else ""
        return (
            f"<ArgumentMap {self.id!r}: {self.title} ({nodes} node{'s' if nodes != 1 else ''}, "
            f"{relations} relation{'s' if relations != 1 else ''}{where})>"
        )

    # -- queries ---------------------------------------------------------------------------

    def node(self, node_id: str) -> Node:
        """The node with this id.

        Raises:
            KeyError: no node has this id.
        """
        found = self._find("nodes", self.nodes, node_id)
        if found is None:
            raise KeyError(node_id)
        return found

    def relation(self, relation_id: str) -> Relation:
        """The relation with this id.

        Raises:
            KeyError: no relation has this id.
        """
        found = self._find("relations", self.relations, relation_id)
        if found is None:
            raise KeyError(relation_id)
        return found

    def has_node(self, node_id: str) -> bool:
        """True when a node has this id."""
        return self._find("nodes", self.nodes, node_id) is not None

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id.

        Raises:
            KeyError: no actor has this id.
        """
        found = self._find("actors", self.actors, actor_id)
        if found is None:
            raise KeyError(actor_id)
        return found

    def nodes_of(self, kind: NodeKind) -> list[Node]:
        """The nodes of one kind, in map order."""
        return [n for n in self.nodes if n.kind == kind]

    @property
    def thesis(self) -> Claim | None:
        """The claim marked as the map's thesis, if any."""
        for candidate in self.nodes:
            if isinstance(candidate, Claim) and candidate.thesis:
                return candidate
        return None

    @property
    def claims(self) -> list[Claim]:
        """All claims, the thesis included."""
        return [n for n in self.nodes if isinstance(n, Claim)]

    @property
    def evidence(self) -> list[Evidence]:
        """All evidence nodes."""
        return [n for n in self.nodes if isinstance(n, Evidence)]

    @property
    def factors(self) -> list[Factor]:
        """All factors, push and pull."""
        return [n for n in self.nodes if isinstance(n, Factor)]

    @property
    def push_factors(self) -> list[Factor]:
        """Factors with ``direction: push``."""
        return [f for f in self.factors if f.direction == "push"]

    @property
    def pull_factors(self) -> list[Factor]:
        """Factors with ``direction: pull``."""
        return [f for f in self.factors if f.direction == "pull"]

    @property
    def questions(self) -> list[Question]:
        """All question nodes."""
        return [n for n in self.nodes if isinstance(n, Question)]

    def relations_to(self, target: str, *, kind: RelationKind | None = None) -> list[Relation]:
        """Relations whose target is this node or relation id, optionally of one kind."""
        return [
            r for r in self.relations if r.target == target and (kind is None or r.kind == kind)
        ]

    def relations_from(self, source: str, *, kind: RelationKind | None = None) -> list[Relation]:
        """Relations that have this node among their sources, optionally of one kind."""
        return [
            r for r in self.relations if source in r.sources and (kind is None or r.kind == kind)
        ]

    def supporters(self, node_id: str) -> list[Node]:
        """Nodes that support this node directly (premises of linked arguments included)."""
        return self._sources_of(node_id, "supports")

    def attackers(self, node_id: str) -> list[Node]:
        """Nodes that attack this node directly."""
        return self._sources_of(node_id, "attacks")

    def undercutters(self, relation_id: str) -> list[Node]:
        """Nodes that undercut the relation with this id."""
        return self._sources_of(relation_id, "undercuts")

    def _find(self, part: str, items: Sequence[_T], key: str) -> _T | None:
        """The item of ``items`` (the list named ``part``) with this id, through the index."""
        if self._index is not None:
            found = self._index.get(part, items, key)
            if found is not None:
                return found
        self._index = _IdIndex.of(self)
        return self._index.get(part, items, key)

    def _sources_of(self, target: str, kind: RelationKind) -> list[Node]:
        seen: dict[str, Node] = {}
        for relation in self.relations_to(target, kind=kind):
            for source in relation.sources:
                found = self._find("nodes", self.nodes, source)
                if found is not None:
                    seen.setdefault(source, found)
        return list(seen.values())

    def cited_keys(self) -> list[str]:
        """Every bibliography key the map cites, in order of first citation."""
        keys: dict[str, None] = {}
        if self.source is not None:
            keys[self.source.key] = None
        for citation in self.iter_citations():
            keys[citation.key] = None
        return list(keys)

    def iter_citations(self) -> Iterator[Citation]:
        """Every citation of nodes and relations, in map order."""
        for n in self.nodes:
            yield from n.cites
        for r in self.relations:
            yield from r.cites

    def counts(self) -> dict[str, int]:
        """How many nodes of each kind and how many relations the map has."""
        result: dict[str, int] = {}
        for n in self.nodes:
            result[n.kind] = result.get(n.kind, 0) + 1
        result["relations"] = len(self.relations)
        return result

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        """Jupyter shows a map as its diagram (SVG), or as DOT source without Graphviz.

        The model knows no diagrams: the drawing is what ``argmap._display.SHOW`` holds
        (the ``argmap`` package installs its diagrams there); a plain summary otherwise.
        """
        if SHOW:
            return SHOW[-1](self)
        return {"text/plain": f"ArgumentMap {self.id!r}: {self.title} ({len(self.nodes)} nodes)"}
