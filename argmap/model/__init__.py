"""The typed argument-map model (pydantic): one module per concept."""

from argmap.model.actor import Actor
from argmap.model.argument_map import FORMAT_VERSION, ArgumentMap
from argmap.model.citation import Citation
from argmap.model.node import (
    NODE_KINDS,
    Claim,
    Direction,
    Evidence,
    Factor,
    Node,
    NodeKind,
    Question,
)
from argmap.model.relation import RELATION_KINDS, Relation, RelationKind

__all__ = [
    "FORMAT_VERSION",
    "NODE_KINDS",
    "RELATION_KINDS",
    "Actor",
    "ArgumentMap",
    "Citation",
    "Claim",
    "Direction",
    "Evidence",
    "Factor",
    "Node",
    "NodeKind",
    "Question",
    "Relation",
    "RelationKind",
]
