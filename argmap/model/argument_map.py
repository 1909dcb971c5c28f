"""The argument map: metadata, actors, nodes and relations, with queries over them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field, PrivateAttr, ValidationInfo, model_validator

from argmap.model._base import Id, Meta, Model, Text
from argmap.model.actor import Actor
from argmap.model.citation import Citation
from argmap.model.node import Claim, Evidence, Factor, Node, NodeKind, Question
from argmap.model.relation import Relation, RelationKind

if TYPE_CHECKING:
    from argmap.formats._tree import SourceIndex

FORMAT_VERSION = 1
#: Validation context key that defers the semantic checks to the caller (the file reader).
DEFER_CHECKS = "argmap_defer_checks"


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
    actors: list[Actor] = Field(default_factory=list)
    nodes: list[Node] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    meta: Meta = Field(default_factory=dict)

    _source_index: SourceIndex | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _check_semantics(self, info: ValidationInfo) -> ArgumentMap:
        if info.context and info.context.get(DEFER_CHECKS):
            return self
        from argmap.checks import check

        errors = [issue for issue in check(self) if issue.is_error]
        if errors:
            raise ValueError("; ".join(issue.message for issue in errors))
        return self

    def __eq__(self, other: object) -> bool:
        # Where a map was read from is not part of its value.
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]

    @property
    def origin(self) -> str | None:
        """The path of the file the map was read from; None for maps built in code.

        Bibliography paths in ``bibliography`` are relative to this file's folder.
        """
        index = self._source_index
        if index is None or index.filename.startswith("<"):
            return None
        return index.filename

    # -- queries ---------------------------------------------------------------------------

    def node(self, node_id: str) -> Node:
        """The node with this id.

        Raises:
            KeyError: no node has this id.
        """
        for candidate in self.nodes:
            if candidate.id == node_id:
                return candidate
        raise KeyError(node_id)

    def relation(self, relation_id: str) -> Relation:
        """The relation with this id.

        Raises:
            KeyError: no relation has this id.
        """
        for candidate in self.relations:
            if candidate.id == relation_id:
                return candidate
        raise KeyError(relation_id)

    def has_node(self, node_id: str) -> bool:
        """True when a node has this id."""
        return any(n.id == node_id for n in self.nodes)

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id.

        Raises:
            KeyError: no actor has this id.
        """
        for candidate in self.actors:
            if candidate.id == actor_id:
                return candidate
        raise KeyError(actor_id)

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

    def _sources_of(self, target: str, kind: RelationKind) -> list[Node]:
        by_id = {n.id: n for n in self.nodes}
        seen: dict[str, Node] = {}
        for relation in self.relations_to(target, kind=kind):
            for source in relation.sources:
                if source in by_id:
                    seen.setdefault(source, by_id[source])
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
        """Jupyter shows a map as its diagram (SVG), or as DOT source without Graphviz."""
        # Imported here so that importing the model never loads the diagram code.
        from argmap.diagrams.notebook import mimebundle

        return mimebundle(self)
