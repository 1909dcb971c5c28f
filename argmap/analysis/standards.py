"""Pros and cons weighed by proof standards, after Carneades (Gordon, Prakken and Walton 2007).

Where Dung's semantics ask which claims survive attack, this layer asks whether a statement
is *acceptable*: whether the arguments for it (pros) meet its proof standard against the
arguments against it (cons). It is the layer that weighs push and pull factors on a
decision: a pull is a con, it argues against the decision; it does not refute the fact
that the decision was taken.

**Arguments.** Every ``supports`` and ``pushes`` relation is a pro of its target, every
``attacks`` and ``pulls`` relation a con; its sources are its premises (several for a
linked argument). An ``undercuts`` relation is an exception of the argument it targets
(an argument in its own right, with premises and exceptions of its own). An argument
*applies* when all its premises hold and none of its exceptions applies. Its weight is
the relation's ``weight``; failing that, when every premise is a weighted factor, the
smallest of their weights; otherwise it has none.

**Statements.** A node *holds*:

- when the map marks it ``status: accepted`` (the text states it as a fact, or its author
  accepts it): whatever its cons, they argue against it without refuting it; and never
  when it is marked ``status: rejected``;
- otherwise, when arguments aim at it, when its pros and cons meet its proof standard
  (the node's ``standard``, by default preponderance of the evidence);
- otherwise (nothing argues about it) when the text states it: unless it is marked
  ``status: questioned``, which puts the burden of proof on it, and it has no pro.

A question never holds: it asks, it states nothing (``questions`` relations raise doubt and
are reported, but they are no con).

**Proof standards** (Gordon, Prakken and Walton 2007; the thresholds of clear and
convincing evidence and beyond reasonable doubt after Gordon and Walton 2009, with their
usual values alpha 0.4, beta 0.3, gamma 0.2, see :class:`Thresholds`), with ``pro`` and
``con`` the largest weights of the pros and cons that apply (0 without any):

- ``scintilla``: some pro applies;
- ``preponderance``: ``pro > con``;
- ``clear-and-convincing``: ``pro > alpha`` and ``pro - con > beta``;
- ``beyond-reasonable-doubt``: clear and convincing, and ``con < gamma``;
- ``dialectical-validity``: some pro applies and no con does.

**Without weights.** An argument without a weight may weigh anything above 0 up to 1.
A standard is *met* when it holds for every such choice, *failed* when it holds for none,
and *open* otherwise (the weights decide it). Unweighted, a standard the pros and cons
settle by their number (scintilla, dialectical validity, preponderance without a con)
still gets an answer. Whether an argument applies and a statement holds may be open too,
when a premise is: the answers are three-valued (yes, no, open) and computed as the least
fixed point from "open", so that arguments that go round in a circle stay open instead of
holding each other up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from argmap.analysis.framework import inference_name
from argmap.model import PROOF_STANDARDS, ArgumentMap, Factor, ProofStandard, Question

__all__ = [
    "PROOF_STANDARDS",
    "Reason",
    "ReasonResult",
    "StatementResult",
    "Thresholds",
    "Truth",
    "Weighing",
    "meets",
    "reasons",
    "weigh",
]

#: Three-valued answers: ``open`` when the map's weights (or a circle) leave it undecided.
Truth: TypeAlias = Literal["yes", "no", "open"]
Side: TypeAlias = Literal["pro", "con"]

_PRO = frozenset({"supports", "pushes"})
_CON = frozenset({"attacks", "pulls"})
#: The least weight an unweighted argument may have: above 0, below any weight a map gives.
_SLIGHT = 1e-9


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The constants of the weighted proof standards (Gordon and Walton 2009).

    ``alpha``: the weight a pro must exceed for clear and convincing evidence; ``beta``:
    the margin by which the strongest pro must exceed the strongest con; ``gamma``: the
    weight the strongest con must stay below for beyond reasonable doubt.
    """

    alpha: float = 0.4
    beta: float = 0.3
    gamma: float = 0.2


@dataclass(frozen=True, slots=True)
class Reason:
    """A pro or con argument of a statement, read from one relation of the map.

    ``name`` is the relation's id (or ``relation-N`` by its place); ``exceptions`` are
    the names of the undercuts aimed at it; ``questions`` the question nodes that ask
    about it.
    """

    name: str
    kind: str
    side: Side | None
    conclusion: str
    premises: tuple[str, ...]
    weight: float | None
    exceptions: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReasonResult:
    """Whether a reason applies, and why not where it does not."""

    reason: Reason
    applies: Truth
    failing: tuple[str, ...] = ()
    """Premises that do not hold (or are open, when ``applies`` is open)."""
    undercut_by: tuple[str, ...] = ()
    """Exceptions that apply (or are open, when ``applies`` is open)."""


@dataclass(frozen=True, slots=True)
class StatementResult:
    """How a node fares: whether it holds, why, and each proof standard's answer."""

    node: str
    holds: Truth
    basis: Literal["accepted", "rejected", "standard", "stated", "questioned", "question"]
    """What decides ``holds``: the map's status, the proof standard, or (nothing arguing
    about it) that the text states it, questions it, or asks it."""
    standard: ProofStandard
    """The standard ``holds`` is judged by when arguments aim at the node."""
    standards: dict[ProofStandard, Truth]
    """The answer of every proof standard to the node's pros and cons."""
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    questions: tuple[str, ...] = ()
    """Question nodes that ask about it."""

    @property
    def is_argued(self) -> bool:
        """True when some pro or con aims at the node."""
        return bool(self.pros or self.cons)


@dataclass(frozen=True, slots=True)
class Weighing:
    """The proof-standard evaluation of a whole map."""

    statements: dict[str, StatementResult]
    reasons: dict[str, ReasonResult]
    thresholds: Thresholds = field(default_factory=Thresholds)

    def pros(self, node: str) -> list[ReasonResult]:
        """The pros aimed at ``node``, in map order."""
        return [self.reasons[r] for r in self.statements[node].pros]

    def cons(self, node: str) -> list[ReasonResult]:
        """The cons aimed at ``node``, in map order."""
        return [self.reasons[r] for r in self.statements[node].cons]


def reasons(amap: ArgumentMap) -> list[Reason]:
    """The pros, cons and undercuts of a map, one for each relation that argues.

    >>> from argmap.model import Claim, Factor, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[Claim(id="d", text="D"),
    ...     Factor(id="p", text="P", direction="push", weight=0.7)],
    ...     relations=[Relation(id="r", kind="pushes", source="p", target="d")])
    >>> [(r.name, r.side, r.conclusion, r.premises, r.weight) for r in reasons(amap)]
    [('r', 'pro', 'd', ('p',), 0.7)]
    """
    factors = {n.id: n for n in amap.nodes if isinstance(n, Factor)}
    named = [(inference_name(r, i), r) for i, r in enumerate(amap.relations)]
    exceptions: dict[str, list[str]] = {}
    asked: dict[str, list[str]] = {}
    for name, relation in named:
        if relation.kind == "undercuts":
            exceptions.setdefault(relation.target, []).append(name)
        elif relation.kind == "questions":
            asked.setdefault(relation.target, []).extend(relation.sources)
    found = []
    for name, relation in named:
        if relation.kind not in _PRO | _CON | {"undercuts"}:
            continue
        side: Side | None = (
            "pro" if relation.kind in _PRO else "con" if relation.kind in _CON else None
        )
        weight = relation.weight
        if weight is None:
            weights = [factors[s].weight if s in factors else None for s in relation.sources]
            if weights and all(w is not None for w in weights):
                weight = min(w for w in weights if w is not None)
        found.append(
            Reason(
                name=name,
                kind=relation.kind,
                side=side,
                conclusion=relation.target,
                premises=tuple(relation.sources),
                weight=weight,
                exceptions=tuple(exceptions.get(name, ())),
                questions=tuple(asked.get(name, ())),
            )
        )
    return found


def meets(
    standard: ProofStandard,
    pros: Sequence[float],
    cons: Sequence[float],
    thresholds: Thresholds = Thresholds(),
) -> bool:
    """Whether the weights of the applicable pros and cons meet a proof standard.

    >>> meets("preponderance", [0.6], [0.5]), meets("clear-and-convincing", [0.6], [0.5])
    (True, False)
    >>> meets("dialectical-validity", [0.1], []), meets("beyond-reasonable-doubt", [0.9], [0.2])
    (True, False)

    Raises:
        ValueError: an unknown standard.
    """
    pro, con = max(pros, default=0.0), max(cons, default=0.0)
    if standard == "scintilla":
        return bool(pros)
    if standard == "preponderance":
        return pro > con
    if standard == "clear-and-convincing":
        return pro > thresholds.alpha and pro - con > thresholds.beta
    if standard == "beyond-reasonable-doubt":
        return pro > thresholds.alpha and pro - con > thresholds.beta and con < thresholds.gamma
    if standard == "dialectical-validity":
        return bool(pros) and not cons
    raise ValueError(
        f"unknown proof standard {standard!r}; expected one of {', '.join(PROOF_STANDARDS)}"
    )


def weigh(
    amap: ArgumentMap,
    *,
    default: ProofStandard = "preponderance",
    thresholds: Thresholds = Thresholds(),
) -> Weighing:
    """Weigh every node's pros and cons by the rules in this module's documentation.

    Args:
        amap: the map (node ids may name nodes of other maps, ``MAP-ID#NODE-ID``).
        default: the proof standard of nodes that set none.
        thresholds: alpha, beta and gamma of the weighted standards.

    >>> from argmap.model import Claim, Factor, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[
    ...     Claim(id="d", text="Decision", status="accepted"),
    ...     Factor(id="p", text="Push", direction="push"),
    ...     Factor(id="q", text="Pull", direction="pull")],
    ...     relations=[Relation(kind="pushes", source="p", target="d"),
    ...                Relation(kind="pulls", source="q", target="d")])
    >>> result = weigh(amap).statements["d"]
    >>> result.holds, result.basis, result.standards["scintilla"]
    ('yes', 'accepted', 'yes')
    >>> result.standards["dialectical-validity"], result.standards["preponderance"]
    ('no', 'open')

    Raises:
        ValueError: ``default`` is not a proof standard.
    """
    if default not in PROOF_STANDARDS:
        raise ValueError(
            f"unknown proof standard {default!r}; expected one of {', '.join(PROOF_STANDARDS)}"
        )
    found = reasons(amap)
    by_name = {r.name: r for r in found}
    nodes = {n.id: n for n in amap.nodes}
    pros: dict[str, list[str]] = {n: [] for n in nodes}
    cons: dict[str, list[str]] = {n: [] for n in nodes}
    for r in found:
        if r.side is not None and r.conclusion in nodes:
            (pros if r.side == "pro" else cons)[r.conclusion].append(r.name)
    asked: dict[str, list[str]] = {}
    for relation in amap.relations:
        if relation.kind == "questions" and relation.target in nodes:
            asked.setdefault(relation.target, []).extend(relation.sources)

    holds: dict[str, Truth] = dict.fromkeys(nodes, "open")
    applies: dict[str, Truth] = dict.fromkeys(by_name, "open")
    # Who must be looked at again when a value is settled.
    readers: dict[str, list[str]] = {}
    for r in found:
        for premise in r.premises:
            readers.setdefault(premise, []).append("r:" + r.name)
        for exception in r.exceptions:
            readers.setdefault("r:" + exception, []).append("r:" + r.name)
        if r.side is not None:
            readers.setdefault("r:" + r.name, []).append("n:" + r.conclusion)

    def weights(names: Iterable[str], *, least: bool, sure: bool) -> list[float]:
        """The weights of the pros or cons that (surely, or possibly) apply, at an end."""
        chosen = []
        for name in names:
            state = applies[name]
            if state == "yes" or (state == "open" and not sure):
                weight = by_name[name].weight
                chosen.append(weight if weight is not None else (_SLIGHT if least else 1.0))
        return chosen

    def cases(node: str) -> tuple[tuple[list[float], list[float]], tuple[list[float], list[float]]]:
        """The pro and con weights at the node's worst and at its best.

        Worst: only sure pros, at their least; every possible con, at its most. Best the
        other way round. Every standard gains from pros and loses from cons, so these two
        cases bound every choice of weights.
        """
        worst = (
            weights(pros[node], least=True, sure=True),
            weights(cons[node], least=False, sure=False),
        )
        best = (
            weights(pros[node], least=False, sure=False),
            weights(cons[node], least=True, sure=True),
        )
        return worst, best

    def judge(
        standard: ProofStandard,
        bounds: tuple[tuple[list[float], list[float]], tuple[list[float], list[float]]],
    ) -> Truth:
        worst, best = bounds
        if meets(standard, *worst, thresholds):
            return "yes"
        return "open" if meets(standard, *best, thresholds) else "no"

    def statement(node: str) -> Truth:
        n = nodes[node]
        if isinstance(n, Question):
            return "no"
        if n.status == "accepted":
            return "yes"
        if n.status == "rejected":
            return "no"
        if pros[node] or cons[node]:
            return judge(n.standard or default, cases(node))
        return "no" if n.status == "questioned" else "yes"

    def reason(name: str) -> Truth:
        r = by_name[name]
        premises = [holds.get(p, "no") for p in r.premises]
        excepted = [applies[e] for e in r.exceptions]
        if "no" in premises or "yes" in excepted:
            return "no"
        if "open" in premises or "open" in excepted:
            return "open"
        return "yes"

    queue = [*("n:" + n for n in nodes), *("r:" + r for r in by_name)]
    while queue:
        key = queue.pop()
        kind, name = key[:2], key[2:]
        if kind == "n:":
            if holds[name] != "open":
                continue
            value = statement(name)
            if value != "open":
                holds[name] = value
                queue.extend(readers.get(name, ()))
        else:
            if applies[name] != "open":
                continue
            value = reason(name)
            if value != "open":
                applies[name] = value
                queue.extend(readers.get(key, ()))

    statements = {}
    for node, n in nodes.items():
        standard = n.standard or default
        bounds = cases(node)
        basis: Literal["accepted", "rejected", "standard", "stated", "questioned", "question"]
        if isinstance(n, Question):
            basis = "question"
        elif n.status in ("accepted", "rejected"):
            basis = "accepted" if n.status == "accepted" else "rejected"
        elif pros[node] or cons[node]:
            basis = "standard"
        else:
            basis = "questioned" if n.status == "questioned" else "stated"
        statements[node] = StatementResult(
            node=node,
            holds=holds[node],
            basis=basis,
            standard=standard,
            standards={s: judge(s, bounds) for s in PROOF_STANDARDS},
            pros=tuple(pros[node]),
            cons=tuple(cons[node]),
            questions=tuple(dict.fromkeys(asked.get(node, ()))),
        )
    results = {}
    for name, r in by_name.items():
        state = applies[name]
        failing: tuple[str, ...] = ()
        undercut_by: tuple[str, ...] = ()
        if state != "yes":
            # What stops it: premises that fail and exceptions that apply; for an open
            # argument, the premises and exceptions still open.
            premise_state, exception_state = ("no", "yes") if state == "no" else ("open", "open")
            failing = tuple(p for p in r.premises if holds.get(p, "no") == premise_state)
            undercut_by = tuple(e for e in r.exceptions if applies[e] == exception_state)
        results[name] = ReasonResult(r, state, failing, undercut_by)
    return Weighing(statements, results, thresholds)
