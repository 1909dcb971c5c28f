"""Relations between nodes: support, attack, undercut, push, pull, question, rephrase."""

from __future__ import annotations

from typing import Literal, TypeAlias

from pydantic import Field

from argmap.model._base import Id, Meta, Model, Ref, Text, Weight
from argmap.model.citation import Citation

RelationKind: TypeAlias = Literal[
    "supports", "attacks", "undercuts", "pushes", "pulls", "questions", "rephrases", "prefers"
]
RELATION_KINDS: tuple[RelationKind, ...] = (
    "supports",
    "attacks",
    "undercuts",
    "pushes",
    "pulls",
    "questions",
    "rephrases",
    "prefers",
)
#: Relation kinds whose target may be another relation (an inference) rather than a node.
RELATION_TARGETING_KINDS: frozenset[RelationKind] = frozenset({"undercuts", "questions"})


class Relation(Model):
    """A typed link from one or more nodes to a node (or, for undercuts, to a relation).

    In files the endpoints are written ``from`` and ``to``; in Python they are ``source``
    and ``target`` (``from`` is a keyword). A list source is a linked argument: premises
    that support the target only together.

    >>> r = Relation(kind="supports", source=["a", "b"], target="c")
    >>> r.sources, r.is_linked
    (['a', 'b'], True)
    """

    id: Id | None = None
    kind: RelationKind
    source: Ref | list[Ref] = Field(alias="from")
    """A node id; ``MAP-ID#NODE-ID`` names a node of a map listed in ``uses``."""
    target: Ref = Field(alias="to")
    weight: Weight | None = None
    scheme: Text | None = None
    """The argument scheme of the inference: any name of a scheme of the catalogue
    (``expert-opinion``, ``Argument From Expert Opinion``) or of the map's ``schemes``."""
    answers: list[Text] = Field(default_factory=list)
    """The critical questions this relation answers, each ``SCHEME#QUESTION``; an attack,
    undercut or question that names one raises it."""
    note: Text | None = None
    cites: list[Citation] = Field(default_factory=list)
    meta: Meta = Field(default_factory=dict)

    @property
    def sources(self) -> list[str]:
        """The source node ids as a list (one element unless the argument is linked)."""
        return [self.source] if isinstance(self.source, str) else list(self.source)

    @property
    def is_linked(self) -> bool:
        """True when several premises support the target only together."""
        return isinstance(self.source, list) and len(self.source) > 1
