"""The typed argument-map model (pydantic): one module per concept."""

from argmap._lazy import lazy_namespace
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
    "Question",
    "Relation",
    "RelationKind",
]

#: ``Direction`` was renamed: it says which way a factor acts, not how a diagram is laid out.
__getattr__, __dir__ = lazy_namespace(__name__, {}, deprecated={"Direction": "FactorDirection"})
