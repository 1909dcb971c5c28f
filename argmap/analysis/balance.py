"""Push/pull balances on outcome nodes, and Lewin's force-field analysis of them.

A *balance* sums the weights of the factors that push an outcome (``pushes`` relations)
and of those that pull it (``pulls``): the side with the larger sum wins. Unweighted
factors are counted but add nothing, and are listed so that a reader sees what the sums
leave out. Because every factor enters its side's sum with the same coefficient, the
smallest single weight change that tips a verdict is the same for every factor: the
margin between the sums. :attr:`Balance.flips` lists the factors that can absorb it
within [0, 1].

A *force field* (Lewin 1951, as the method is taught) scores each driving (push) and
restraining (pull) force from 1 (weak) to 5 (strong) and sums each side. A factor's
score is its ``meta: {force: N}`` when it gives one, else its weight ``w`` mapped onto
the five steps as ``1 + round(4 w)`` (0 gives 1, 0.25 gives 2, 0.5 gives 3, 0.75 gives 4,
1 gives 5, halves rounding up); a factor with neither is unscored and listed apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from argmap.errors import Issue, MapError
from argmap.model import ArgumentMap, Factor

__all__ = [
    "Balance",
    "Force",
    "ForceField",
    "Verdict",
    "WeightChange",
    "balance",
    "force_field",
    "force_score",
]

Verdict: TypeAlias = Literal["push", "pull", "tie", "unweighted"]
#: Sums closer than this are a tie: weights are decimals, their float sums not exact.
_EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class WeightChange:
    """A change of one factor's weight to where the two sums are equal.

    Past ``tie`` (in the direction of the change) the verdict flips.
    """

    factor: str
    weight: float
    tie: float

    @property
    def change(self) -> float:
        """How far the weight moves: the balance's margin."""
        return abs(self.tie - self.weight)


@dataclass(frozen=True, slots=True)
class Balance:
    """The push and pull factors acting on one node, and their summed weights.

    Unweighted factors are counted but add nothing to the sums.

    >>> from argmap.model import Factor
    >>> b = Balance("d", push=[Factor(id="p", text="P", direction="push", weight=0.75)],
    ...             pull=[Factor(id="q", text="Q", direction="pull", weight=0.5),
    ...                   Factor(id="u", text="U", direction="pull")])
    >>> b.verdict, b.margin, [f.id for f in b.deciding], [f.id for f in b.unweighted]
    ('push', 0.25, ['p'], ['u'])
    >>> [(c.factor, c.weight, c.tie) for c in b.flips]
    [('p', 0.75, 0.5), ('q', 0.5, 0.75)]
    """

    target: str
    push: list[Factor] = field(default_factory=list)
    pull: list[Factor] = field(default_factory=list)

    @property
    def push_weight(self) -> float:
        """The sum of the push factors' weights."""
        return sum(f.weight or 0.0 for f in self.push)

    @property
    def pull_weight(self) -> float:
        """The sum of the pull factors' weights."""
        return sum(f.weight or 0.0 for f in self.pull)

    @property
    def is_weighted(self) -> bool:
        """True when any factor on the target has a weight."""
        return any(f.weight is not None for f in [*self.push, *self.pull])

    @property
    def margin(self) -> float:
        """How far the winning side's sum exceeds the other's (0.0 for a tie)."""
        return round(abs(self.push_weight - self.pull_weight), 12)

    @property
    def verdict(self) -> Verdict:
        """``push`` or ``pull`` (the heavier side), ``tie``, or ``unweighted`` (no weights)."""
        if not self.is_weighted:
            return "unweighted"
        if self.margin <= _EPSILON:
            return "tie"
        return "push" if self.push_weight > self.pull_weight else "pull"

    @property
    def unweighted(self) -> list[Factor]:
        """The factors without a weight, which the sums leave out."""
        return [f for f in [*self.push, *self.pull] if f.weight is None]

    @property
    def deciding(self) -> list[Factor]:
        """The winning side's factors any one of which, taken away, ties or flips it.

        For a tie, every weighted factor with a weight above zero decides it.
        """
        verdict = self.verdict
        if verdict == "unweighted":
            return []
        if verdict == "tie":
            return [f for f in [*self.push, *self.pull] if (f.weight or 0.0) > 0.0]
        side = self.push if verdict == "push" else self.pull
        return [f for f in side if (f.weight or 0.0) >= self.margin - _EPSILON]

    @property
    def flips(self) -> list[WeightChange]:
        """The smallest single weight changes that tip the verdict, one per factor able to.

        Each moves a weight by :attr:`margin`: down on the winning side, up on the other,
        within [0, 1]. For a tie any change tips it, so every weighted factor is listed
        with ``tie`` equal to its weight. Empty when no single weight can do it.
        """
        verdict = self.verdict
        if verdict == "unweighted":
            return []
        m = self.margin
        changes: list[WeightChange] = []
        for sign, side in ((1, self.push), (-1, self.pull)):
            winning = (verdict == "push") == (sign == 1)
            for f in side:
                if f.weight is None:
                    continue
                if verdict == "tie":
                    changes.append(WeightChange(f.id, f.weight, f.weight))
                    continue
                tie = round(f.weight - m if winning else f.weight + m, 12)
                if -_EPSILON <= tie <= 1.0 + _EPSILON:
                    changes.append(WeightChange(f.id, f.weight, min(max(tie, 0.0), 1.0)))
        return changes


def balance(amap: ArgumentMap) -> list[Balance]:
    """The push/pull balance on every node that a ``pushes`` or ``pulls`` relation targets.

    >>> from argmap.model import Claim, Factor, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[
    ...     Claim(id="d", text="Decision"),
    ...     Factor(id="p", text="P", direction="push", weight=0.75),
    ...     Factor(id="q", text="Q", direction="pull", weight=0.5)],
    ...     relations=[Relation(kind="pushes", source="p", target="d"),
    ...                Relation(kind="pulls", source="q", target="d")])
    >>> [(b.target, b.push_weight, b.pull_weight, b.verdict) for b in balance(amap)]
    [('d', 0.75, 0.5, 'push')]
    """
    factors = {f.id: f for f in amap.factors}
    result: dict[str, Balance] = {}
    for relation in amap.relations:
        if relation.kind not in ("pushes", "pulls"):
            continue
        entry = result.setdefault(relation.target, Balance(relation.target))
        side = entry.push if relation.kind == "pushes" else entry.pull
        for source in relation.sources:
            factor = factors.get(source)
            if factor is not None and factor not in side:
                side.append(factor)
    return list(result.values())


@dataclass(frozen=True, slots=True)
class Force:
    """One factor as a force: its score from 1 to 5, or None when it has none."""

    factor: Factor
    score: int | None


@dataclass(frozen=True, slots=True)
class ForceField:
    """Lewin's force field on one outcome: driving and restraining forces, and totals."""

    target: str
    driving: list[Force]
    restraining: list[Force]

    @property
    def driving_total(self) -> int:
        """The sum of the driving forces' scores."""
        return sum(f.score or 0 for f in self.driving)

    @property
    def restraining_total(self) -> int:
        """The sum of the restraining forces' scores."""
        return sum(f.score or 0 for f in self.restraining)

    @property
    def unscored(self) -> list[Factor]:
        """The factors with neither a force score nor a weight."""
        return [f.factor for f in [*self.driving, *self.restraining] if f.score is None]

    @property
    def verdict(self) -> Literal["driving", "restraining", "balanced", "unscored"]:
        """Which side's total is larger; ``unscored`` when no force has a score."""
        if all(f.score is None for f in [*self.driving, *self.restraining]):
            return "unscored"
        if self.driving_total == self.restraining_total:
            return "balanced"
        return "driving" if self.driving_total > self.restraining_total else "restraining"


def force_score(factor: Factor) -> int | None:
    """A factor's force score from 1 to 5: ``meta.force``, else its weight, else None.

    >>> from argmap.model import Factor
    >>> [force_score(Factor(id="f", text="F", direction="push", weight=w))
    ...  for w in (0.0, 0.1, 0.125, 0.5, 0.8, 1.0)]
    [1, 1, 2, 3, 4, 5]
    >>> force_score(Factor(id="f", text="F", direction="pull", meta={"force": 4}))
    4

    Raises:
        ValueError: ``meta.force`` is not a whole number from 1 to 5.
    """
    if "force" in factor.meta:
        value = factor.meta["force"]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValueError(
                f"factor {factor.id!r}: meta.force must be a whole number from 1 to 5, "
                f"got {value!r}"
            )
        return value
    if factor.weight is None:
        return None
    return 1 + math.floor(4 * factor.weight + 0.5)


def force_field(amap: ArgumentMap) -> list[ForceField]:
    """The force field on every outcome that factors push or pull, in :func:`balance` order.

    Raises:
        MapError: a factor's ``meta.force`` is not a whole number from 1 to 5.
    """
    fields = []
    issues = []
    for entry in balance(amap):
        sides: list[list[Force]] = [[], []]
        for side, factors in zip(sides, (entry.push, entry.pull), strict=True):
            for factor in factors:
                try:
                    side.append(Force(factor, force_score(factor)))
                except ValueError as exc:
                    position = next(i for i, n in enumerate(amap.nodes) if n.id == factor.id)
                    issues.append(
                        Issue(
                            "error",
                            str(exc),
                            code="force-score",
                            path=("nodes", position, "meta", "force"),
                        )
                    )
        fields.append(ForceField(entry.target, sides[0], sides[1]))
    if issues:
        raise MapError(issues, source=amap.id)
    return fields
