"""Nodes of an argument map: claims, evidence, push and pull factors, questions."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from argmap.model._base import Id, Meta, Model, Text, Weight
from argmap.model.citation import Citation

NodeKind: TypeAlias = Literal["claim", "evidence", "factor", "question"]
NODE_KINDS: tuple[NodeKind, ...] = ("claim", "evidence", "factor", "question")
FactorDirection: TypeAlias = Literal["push", "pull"]
#: How the mapped text treats a statement (Carneades' statement status). Unset: the text
#: claims it, and the analysis decides whether it stands.
NodeStatus: TypeAlias = Literal["accepted", "questioned", "rejected"]
NODE_STATUSES: tuple[NodeStatus, ...] = ("accepted", "questioned", "rejected")
#: The proof standards a statement's pros and cons are weighed by (Gordon, Prakken and
#: Walton 2007): scintilla of evidence, preponderance of evidence, clear and convincing
#: evidence, beyond reasonable doubt, dialectical validity.
ProofStandard: TypeAlias = Literal[
    "scintilla",
    "preponderance",
    "clear-and-convincing",
    "beyond-reasonable-doubt",
    "dialectical-validity",
]
PROOF_STANDARDS: tuple[ProofStandard, ...] = (
    "scintilla",
    "preponderance",
    "clear-and-convincing",
    "beyond-reasonable-doubt",
    "dialectical-validity",
)


class _NodeBase(Model):
    id: Id
    """Stable identifier (a slug), unique among the map's nodes and relations."""
    title: Text | None = None
    """A short label; diagrams show it above the text."""
    text: Text
    """What the node says, paraphrased."""
    actor: Id | None = None
    """The id of the actor this node is about."""
    status: NodeStatus | None = None
    """``accepted``: the text states it as a fact (or its author accepts it), so arguments
    against it weigh against a decision without refuting that it was taken;
    ``questioned`` and ``rejected``: the text puts it in doubt or denies it."""
    standard: ProofStandard | None = None
    """The proof standard by which the pros and cons aimed at this statement are weighed."""
    tags: list[Text] = Field(default_factory=list)
    cites: list[Citation] = Field(default_factory=list)
    answers: list[Text] = Field(default_factory=list)
    """The critical questions this node answers, each ``SCHEME#QUESTION``
    (``expert-opinion#field``); a question node that names one raises it."""
    note: Text | None = None
    meta: Meta = Field(default_factory=dict)

    @property
    def label(self) -> str:
        """The title when there is one, else the text."""
        return self.title or self.text


class Claim(_NodeBase):
    """A claim; the map's main claim is marked ``thesis: true``.

    >>> Claim(id="c", text="Sanctions were symbolic.", thesis=True).thesis
    True
    """

    kind: Literal["claim"] = "claim"
    thesis: bool = False


class Evidence(_NodeBase):
    """A fact or observation; it must cite at least one source."""

    kind: Literal["evidence"] = "evidence"


class Factor(_NodeBase):
    """A push or pull factor acting on a decision or outcome node.

    >>> Factor(id="g7", text="Solidarity with the G7", direction="push", weight=0.8).direction
    'push'
    """

    kind: Literal["factor"] = "factor"
    direction: FactorDirection
    weight: Weight | None = None


class Question(_NodeBase):
    """An open or critical question that the text raises."""

    kind: Literal["question"] = "question"


Node: TypeAlias = Annotated[Claim | Evidence | Factor | Question, Field(discriminator="kind")]
"""Any node; the ``kind`` field says which."""

NODE_CLASSES: dict[NodeKind, type[Claim | Evidence | Factor | Question]] = {
    "claim": Claim,
    "evidence": Evidence,
    "factor": Factor,
    "question": Question,
}
