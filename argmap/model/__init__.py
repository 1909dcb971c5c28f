"""The typed argument-map model (pydantic): one module per concept."""

from argmap.model.actor import Actor
from argmap.model.argument_map import FORMAT_VERSION, ArgumentMap
from argmap.model.citation import Citation
from argmap.model.node import (
    NODE_KINDS,
    NODE_STATUSES,
    PROOF_STANDARDS,
    Claim,
    Evidence,
    Factor,
    FactorDirection,
    Node,
    NodeKind,
    NodeStatus,
    ProofStandard,
    Question,
)
from argmap.model.provenance import Provenance
from argmap.model.reference import Reference
from argmap.model.relation import RELATION_KINDS, Relation, RelationKind

__all__ = [
    "FORMAT_VERSION",
    "NODE_KINDS",
    "NODE_STATUSES",
    "PROOF_STANDARDS",
    "RELATION_KINDS",
    "Actor",
    "ArgumentMap",
    "Citation",
    "Claim",
    "Evidence",
    "Factor",
    "FactorDirection",
    "Node",
    "NodeKind",
    "NodeStatus",
    "ProofStandard",
    "Provenance",
    "Question",
    "Reference",
    "Relation",
    "RelationKind",
]
