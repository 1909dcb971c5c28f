"""Verdicts in plain language on a map's thesis and outcomes, with what would flip them.

A verdict reads the proof-standard weighing (:mod:`argmap.analysis.standards`) of one node
for people: whether it holds and why, which standards its pros and cons meet, each pro and
con by title with whether it applies, and the smallest change that would turn each
standard's answer around (a con of some weight, a pro falling). It also says where the
other layers read the node differently, and why: Dung's semantics count no support and no
status, and the push/pull balance sums weights where preponderance compares the strongest
argument on each side.

The nodes that get a verdict are the map's thesis and its *outcomes*: the nodes that
factors push or pull (or support or attack), and those that both pros and cons aim at.

:class:`Verdict` and :class:`Consideration` are plain data (``to_dict`` gives their JSON,
with stable keys) for a report, a diagram or a page's side panel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from argmap.analysis.balance import Balance, balance
from argmap.analysis.dung import labelling
from argmap.analysis.framework import inference_name, to_framework
from argmap.analysis.standards import (
    PROOF_STANDARDS,
    ReasonResult,
    StatementResult,
    Thresholds,
    Truth,
    Weighing,
    weigh,
)
from argmap.model import ArgumentMap, Factor, NodeStatus, ProofStandard

__all__ = [
    "STANDARD_NAMES",
    "Consideration",
    "Role",
    "StandardAnswer",
    "Verdict",
    "node_labels",
    "outcomes",
    "verdict_on",
    "verdicts",
]

Role: TypeAlias = Literal["thesis", "outcome"]

#: How the verdicts name the proof standards.
STANDARD_NAMES: dict[ProofStandard, str] = {
    "scintilla": "a scintilla of evidence",
    "preponderance": "preponderance of the evidence",
    "clear-and-convincing": "clear and convincing evidence",
    "beyond-reasonable-doubt": "beyond reasonable doubt",
    "dialectical-validity": "dialectical validity",
}
_LABEL_LIMIT = 60


@dataclass(frozen=True, slots=True)
class Consideration:
    """A pro or con of a verdict's node: which relation, from what, and whether it applies."""

    relation: str
    kind: str
    side: Literal["pro", "con"]
    premises: tuple[str, ...]
    title: str
    """The premises' titles (joined by `` + `` for a linked argument)."""
    weight: float | None
    applies: Truth
    why: str | None
    """Why it does not apply (or is undecided); None when it applies."""

    def to_dict(self) -> dict[str, Any]:
        """The consideration as JSON-ready data."""
        return {
            "relation": self.relation,
            "kind": self.kind,
            "side": self.side,
            "premises": list(self.premises),
            "title": self.title,
            "weight": self.weight,
            "applies": self.applies,
            "why": self.why,
        }


@dataclass(frozen=True, slots=True)
class StandardAnswer:
    """One proof standard's answer for a node, why, and what would turn it around."""

    standard: ProofStandard
    answer: Truth
    why: str
    flip: str | None

    def to_dict(self) -> dict[str, Any]:
        """The answer as JSON-ready data."""
        return {
            "standard": self.standard,
            "answer": self.answer,
            "why": self.why,
            "flip": self.flip,
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one node, in plain language and as data.

    ``holds`` is the answer (yes, no, open); ``headline`` says it in a sentence, by title;
    ``standards`` gives every proof standard's answer with what would flip it; ``pros``
    and ``cons`` list the arguments; ``notes`` say what the other layers make of the node
    and what else the text asks about it.
    """

    node: str
    title: str
    roles: tuple[Role, ...]
    status: NodeStatus | None
    holds: Truth
    standard: ProofStandard
    headline: str
    standards: tuple[StandardAnswer, ...]
    pros: tuple[Consideration, ...]
    cons: tuple[Consideration, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def flip(self) -> str | None:
        """What would turn the answer of the node's own standard around.

        For a node the map marks accepted or rejected, the standard's answer may turn
        while the node keeps its status.
        """
        return next(a.flip for a in self.standards if a.standard == self.standard)

    def to_dict(self) -> dict[str, Any]:
        """The verdict as JSON-ready data, with stable keys."""
        return {
            "node": self.node,
            "title": self.title,
            "roles": list(self.roles),
            "status": self.status,
            "holds": self.holds,
            "standard": self.standard,
            "headline": self.headline,
            "flip": self.flip,
            "standards": [a.to_dict() for a in self.standards],
            "pros": [c.to_dict() for c in self.pros],
            "cons": [c.to_dict() for c in self.cons],
            "notes": list(self.notes),
        }


def node_labels(amap: ArgumentMap) -> dict[str, str]:
    """A short label for every node and inference of ``amap``, for people.

    A node's title, or its text cut at 60 characters; an inference (a relation that is an
    argument of its own) is written ``premises → conclusion``.

    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[Claim(id="a", text="A", title="Alpha"),
    ...     Claim(id="b", text="B"), Claim(id="c", text="C")],
    ...     relations=[Relation(id="r", kind="supports", source=["a", "b"], target="c")])
    >>> node_labels(amap)["r"]
    'Alpha + B → C'
    """
    labels = {n.id: _short(n.title or n.text) for n in amap.nodes}
    for i, relation in enumerate(amap.relations):
        name = inference_name(relation, i)
        if name in labels:
            continue
        premises = " + ".join(labels.get(s, s) for s in relation.sources)
        labels[name] = f"{premises} → {labels.get(relation.target, relation.target)}"
    return labels


def outcomes(amap: ArgumentMap, weighing: Weighing | None = None) -> list[str]:
    """The map's outcomes, in map order: nodes factors act on, or that pros and cons both aim at.

    >>> from argmap import read_map
    >>> outcomes(read_map("maps/shagina-2018-japan-sanctions.yaml"))
    ['sanctions-imposed', 'avoid-irritation']
    """
    weighing = weighing or weigh(amap)
    factors = {n.id for n in amap.nodes if isinstance(n, Factor)}
    found = []
    for node, result in weighing.statements.items():
        argued = [weighing.reasons[r].reason for r in (*result.pros, *result.cons)]
        by_factor = any(r.kind in ("pushes", "pulls") or factors & set(r.premises) for r in argued)
        if by_factor or (result.pros and result.cons):
            found.append(node)
    return found


def verdicts(
    amap: ArgumentMap,
    *,
    default: ProofStandard = "preponderance",
    thresholds: Thresholds = Thresholds(),  # noqa: B008 (immutable)
) -> list[Verdict]:
    """The verdicts on the thesis (first) and the outcomes of ``amap``.

    >>> from argmap import read_map
    >>> first, *_ = verdicts(read_map("maps/shagina-2018-japan-sanctions.yaml"))
    >>> first.title, first.holds, first.standard
    ('Symbolic sanctions', 'yes', 'preponderance')
    """
    weighing = weigh(amap, default=default, thresholds=thresholds)
    chosen: dict[str, list[Role]] = {}
    if amap.thesis is not None:
        chosen[amap.thesis.id] = ["thesis"]
    for node in outcomes(amap, weighing):
        chosen.setdefault(node, []).append("outcome")
    if not chosen:
        return []
    context = _Context(amap, weighing)
    return [context.verdict(node, tuple(roles)) for node, roles in chosen.items()]


def verdict_on(
    amap: ArgumentMap,
    node: str,
    *,
    default: ProofStandard = "preponderance",
    thresholds: Thresholds = Thresholds(),  # noqa: B008 (immutable)
) -> Verdict:
    """The verdict on any node of ``amap``, thesis and outcome or not.

    >>> from argmap import read_map
    >>> verdict_on(read_map("maps/shagina-2018-japan-sanctions.yaml"), "closing-critique").headline
    'The closing critique: holds as stated; nothing argues for or against it.'

    Raises:
        KeyError: no node has this id.
    """
    weighing = weigh(amap, default=default, thresholds=thresholds)
    if node not in weighing.statements:
        raise KeyError(node)
    roles: list[Role] = []
    if amap.thesis is not None and amap.thesis.id == node:
        roles.append("thesis")
    if node in outcomes(amap, weighing):
        roles.append("outcome")
    return _Context(amap, weighing).verdict(node, tuple(roles))


class _Context:
    """What every verdict on one map reads: the weighing, labels, Dung's labels, balances."""

    def __init__(self, amap: ArgumentMap, weighing: Weighing) -> None:
        self.amap = amap
        self.weighing = weighing
        self.labels = node_labels(amap)
        self.grounded = labelling(to_framework(amap))
        self.sums = {b.target: b for b in balance(amap)}
        # Indexes, so that each verdict reads only the relations around its node.
        self.uses: dict[str, list[tuple[int, str]]] = {}
        for place, (name, found) in enumerate(weighing.reasons.items()):
            if found.reason.side == "pro":
                for premise in found.reason.premises:
                    self.uses.setdefault(premise, []).append((place, name))
        self.attackers: dict[str, list[str]] = {}
        for relation in amap.relations:
            if relation.kind == "attacks":
                self.attackers.setdefault(relation.target, []).extend(relation.sources)

    def verdict(self, node: str, roles: tuple[Role, ...]) -> Verdict:
        weighing, labels = self.weighing, self.labels
        result = weighing.statements[node]
        answers = tuple(_answer(weighing, result, s, labels) for s in PROOF_STANDARDS)
        notes = [
            *_rests_on(weighing, result, labels),
            *_other_sides(weighing, result, labels, self.uses),
            *_dung_note(result, self.grounded.get(node), labels, self.attackers.get(node, [])),
            *_balance_note(result, self.sums.get(node)),
            *_questions(result, labels),
        ]
        return Verdict(
            node=node,
            title=labels[node],
            roles=roles,
            status=self.amap.node(node).status,
            holds=result.holds,
            standard=result.standard,
            headline=_headline(weighing, result, answers, labels[node]),
            standards=answers,
            pros=tuple(_consideration(r, labels) for r in weighing.pros(node)),
            cons=tuple(_consideration(r, labels) for r in weighing.cons(node)),
            notes=tuple(notes),
        )


# -- the parts of a verdict --------------------------------------------------------------------


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_LIMIT else text[: _LABEL_LIMIT - 1].rstrip() + "…"


def _count(n: int, word: str) -> str:
    """``no con``, ``1 pro``, ``2 pushes``."""
    if n == 0:
        return f"no {word}"
    return f"{n} {word}" if n == 1 else f"{n} {word}{'es' if word.endswith('sh') else 's'}"


def _joined(items: Sequence[str], separator: str = "; ") -> str:
    """Items in a sentence: ``a``, ``a and b``, ``a; b and c`` (titles may hold commas)."""
    if len(items) < 2:
        return "".join(items)
    return separator.join(items[:-1]) + " and " + items[-1]


def _consideration(result: ReasonResult, labels: dict[str, str]) -> Consideration:
    r = result.reason
    why = None
    if result.applies != "yes":
        undecided = result.applies == "open"
        parts = [
            f"{labels.get(p, p)} {'is undecided' if undecided else 'does not hold'}"
            for p in result.failing
        ]
        parts += [
            f"{'perhaps ' if undecided else ''}undercut by {_undercutter(e, labels)}"
            for e in result.undercut_by
        ]
        why = _joined(parts) or None
    return Consideration(
        relation=r.name,
        kind=r.kind,
        side="pro" if r.side == "pro" else "con",
        premises=r.premises,
        title=" + ".join(labels.get(p, p) for p in r.premises),
        weight=r.weight,
        applies=result.applies,
        why=why,
    )


def _undercutter(name: str, labels: dict[str, str]) -> str:
    """The title of an undercut's sources (its relation label is ``sources → target``)."""
    return labels.get(name, name).split(" → ")[0]


def _answer(
    weighing: Weighing, result: StatementResult, standard: ProofStandard, labels: dict[str, str]
) -> StandardAnswer:
    """A standard's answer for a node, why, and the smallest change that flips it."""
    answer = result.standards[standard]
    reasons = weighing.reasons
    pros = [reasons[r] for r in result.pros if reasons[r].applies == "yes"]
    cons = [reasons[r] for r in result.cons if reasons[r].applies == "yes"]
    unsure = [reasons[r] for r in (*result.pros, *result.cons) if reasons[r].applies == "open"]
    if answer == "open" and unsure:
        names = _joined([_named(r, labels) for r in unsure])
        return StandardAnswer(standard, answer, f"it depends on whether {names} applies", None)
    if standard in ("scintilla", "dialectical-validity"):
        return StandardAnswer(standard, answer, *_counted(standard, answer, len(pros), len(cons)))
    weighed = _weighed(standard, answer, pros, cons, weighing.thresholds, labels)
    return StandardAnswer(standard, answer, *weighed)


def _named(result: ReasonResult, labels: dict[str, str]) -> str:
    """A pro or con by its premises' titles: ``the con from X``."""
    side = "pro" if result.reason.side == "pro" else "con"
    return f"the {side} from {' + '.join(labels.get(p, p) for p in result.reason.premises)}"


def _stand(n: int) -> str:
    return "stands" if n == 1 else "stand"


def _all(n: int, word: str) -> str:
    """``its pro``, ``both pros``, ``all 3 pros``."""
    return f"its {word}" if n == 1 else f"both {word}s" if n == 2 else f"all {n} {word}s"


def _counted(standard: ProofStandard, answer: Truth, pros: int, cons: int) -> tuple[str, str]:
    """Why scintilla or dialectical validity answers so, and what would flip it."""
    if answer == "yes":
        if standard == "scintilla":
            verb = "falls" if pros == 1 else "fall"
            return (
                f"{_count(pros, 'pro')} {_stand(pros)}",
                f"it fails only if {_all(pros, 'pro')} {verb}",
            )
        return (
            f"{_count(pros, 'pro')} {_stand(pros)} and no con does",
            "any con that stands would make it fail",
        )
    if not pros:
        flip = "a pro that stands would meet it"
        if standard == "dialectical-validity" and cons:
            flip = "it needs a pro that stands, and every con to fall"
        return "no pro stands", flip
    flip = f"it would be met if {_all(cons, 'con')} fell"
    return f"contested by {_count(cons, 'con')} that {_stand(cons)}", flip


def _weighed(
    standard: ProofStandard,
    answer: Truth,
    pros: Sequence[ReasonResult],
    cons: Sequence[ReasonResult],
    th: Thresholds,
    labels: dict[str, str],
) -> tuple[str, str | None]:
    """Why a weighted standard answers so, and the smallest change that flips it."""
    pro_known = [r.reason.weight for r in pros if r.reason.weight is not None]
    con_known = [r.reason.weight for r in cons if r.reason.weight is not None]
    unweighted = [r for r in (*pros, *cons) if r.reason.weight is None]
    pro, con = max(pro_known, default=0.0), max(con_known, default=0.0)
    if answer == "open":
        condition = {
            "preponderance": "if the strongest pro outweighs the strongest con",
            "clear-and-convincing": (
                f"if the strongest pro weighs more than {th.alpha:g}, and more than the "
                f"strongest con by over {th.beta:g}"
            ),
            "beyond-reasonable-doubt": (
                f"if the strongest pro weighs more than {th.alpha:g}, and more than the "
                f"strongest con by over {th.beta:g}, and no con weighs {th.gamma:g} or more"
            ),
        }[standard]
        if len(unweighted) == len(pros) + len(cons):
            why = "the map gives no weights"
        else:
            names = _joined([_named(r, labels) for r in unweighted])
            why = f"{names} {'has' if len(unweighted) == 1 else 'have'} no weight"
        return why, f"give weights: it is met {condition}"
    if not pros and not cons:
        why = "no pro or con stands"
    elif not cons:
        why = f"strongest pro {pro:g}, no con" if pro_known else "no con stands"
    else:
        why = (
            f"strongest pro {pro:g}, strongest con {con:g}"
            if pros
            else (f"no pro stands; strongest con {con:g}")
        )
    if unweighted and pros and cons:
        why += f"; {_count(len(unweighted), 'argument')} without weight"
    flip: str | None
    if answer == "yes":
        if not pro_known:
            return why, "a con that stands could make it fail: its pros have no weight"
        limit = pro if standard == "preponderance" else pro - th.beta
        if standard == "beyond-reasonable-doubt":
            limit = min(limit, th.gamma)
        return why, f"a con of weight ≥ {round(limit, 9):g} would make it fail"
    if standard == "beyond-reasonable-doubt" and con >= th.gamma:
        return why, (
            f"no pro can meet it while a con of weight {con:g} stands (the strongest con "
            f"must weigh less than {th.gamma:g})"
        )
    needed = con if standard == "preponderance" else max(th.alpha, con + th.beta)
    if needed < 1:
        flip = f"a pro of weight > {round(needed, 9):g} would meet it"
    else:
        flip = f"no pro can meet it while a con of weight {con:g} stands"
    return why, flip


def _headline(
    weighing: Weighing,
    result: StatementResult,
    answers: Sequence[StandardAnswer],
    title: str,
) -> str:
    """The verdict in one or two sentences."""
    by = STANDARD_NAMES[result.standard]
    if result.basis == "accepted":
        head = f"{title}: accepted, stated as fact"
    elif result.basis == "rejected":
        head = f"{title}: rejected, as the map marks it"
    elif result.basis == "question":
        head = f"{title}: a question, which states nothing"
    elif result.basis == "stated":
        head = f"{title}: holds as stated; nothing argues for or against it"
    elif result.basis == "questioned":
        head = f"{title}: fails; it is questioned and nothing argues for it"
    elif result.holds == "yes":
        head = f"{title}: holds by {by}"
    elif result.holds == "no":
        head = f"{title}: fails {by}"
    else:
        head = f"{title}: undecided by {by}"
    if not result.is_argued:
        return head + "."
    pros, cons = len(result.pros), len(result.cons)
    kinds = {weighing.reasons[r].reason.kind for r in (*result.pros, *result.cons)}
    words = ("push", "pull") if kinds <= {"pushes", "pulls"} else ("pro", "con")
    sides = f"{_count(pros, words[0])}, {_count(cons, words[1])}"
    met = [STANDARD_NAMES[a.standard] for a in answers if a.answer == "yes"]
    parts = [f"meet {_joined(met, ', ')}"] if met else []
    for answer, verb in (("no", "fail"), ("open", "leave open")):
        grouped: dict[str, list[str]] = {}
        for a in answers:
            if a.answer == answer:
                grouped.setdefault(a.why, []).append(STANDARD_NAMES[a.standard])
        if grouped:
            parts.append(
                verb
                + " "
                + _joined([f"{_joined(names, ', ')} ({why})" for why, names in grouped.items()])
            )
    return f"{head}. Its pros and cons ({sides}) " + "; ".join(parts) + "."


def _rests_on(weighing: Weighing, result: StatementResult, labels: dict[str, str]) -> list[str]:
    """How the premises of the pros that stand fare, where they are argued about."""
    parts: dict[str, str] = {}
    for name in result.pros:
        reason = weighing.reasons[name]
        if reason.applies != "yes":
            continue
        for premise in reason.reason.premises:
            premised = weighing.statements.get(premise)
            if premised is None or not premised.is_argued or premise in parts:
                continue
            standing = sum(weighing.reasons[r].applies == "yes" for r in premised.pros)
            against = sum(weighing.reasons[r].applies == "yes" for r in premised.cons)
            if premised.basis == "accepted":
                how = "accepted, stated as fact"
            else:
                how = {"yes": "holds", "no": "fails", "open": "undecided"}[premised.holds]
                how += f" by {STANDARD_NAMES[premised.standard]}"
            how += f"; {_count(standing, 'pro')} {_stand(standing)}"
            if against:
                how += f", contested by {_count(against, 'con')}"
            parts[premise] = f"{labels.get(premise, premise)} ({how})"
    if not parts:
        return []
    return [f"It rests on {_joined(list(parts.values()))}."]


def _other_sides(
    weighing: Weighing,
    result: StatementResult,
    labels: dict[str, str],
    uses: dict[str, list[tuple[int, str]]],
) -> list[str]:
    """Where the premises of this node's pros and cons also argue for another node.

    ``uses`` gives, for each node, the pros it is a premise of, by place and name.
    """
    notes = []
    if result.basis == "accepted" and result.cons:
        notes.append("Its cons argue against it without refuting it: the map states it as fact.")
    for side, names in (("pros", result.pros), ("cons", result.cons)):
        premises = {p for r in names for p in weighing.reasons[r].reason.premises}
        candidates = sorted({u for p in premises for u in uses.get(p, ())})
        elsewhere: dict[str, list[str]] = {}
        for _, name in candidates:
            other = weighing.reasons[name]
            r = other.reason
            if r.conclusion == result.node or r.conclusion not in weighing.statements:
                continue
            what = " + ".join(labels.get(p, p) for p in r.premises)
            if other.applies != "yes":
                what += f" ({_consideration(other, labels).why or 'undecided'})"
            elsewhere.setdefault(r.conclusion, []).append(what)
        for target, whats in elsewhere.items():
            notes.append(f"Its {side} also argue for {labels[target]}: {_joined(whats)}.")
    return notes


def _dung_note(
    result: StatementResult, label: str | None, labels: dict[str, str], attackers: list[str]
) -> list[str]:
    """What Dung's grounded semantics make of the node, where it reads differently."""
    agreeing = {("in", "yes"), ("out", "no"), ("undec", "open")}
    if label is None or (label, result.holds) in agreeing:
        return []
    if label == "in":
        verdict = "fail it" if result.holds == "no" else "leave it open"
        return [
            "Dung's grounded semantics accept it: nothing that stands attacks it, and Dung "
            f"counts no support; the proof standards ask its pros to meet "
            f"{STANDARD_NAMES[result.standard]}, and {verdict}."
        ]
    named = [labels.get(a, a) for a in attackers]
    why = f"attacked by {_joined(named)}" if named else "attacked"
    if result.holds == "yes":
        keep = (
            "the map states it as fact"
            if result.basis == "accepted"
            else f"its pros meet {STANDARD_NAMES[result.standard]}"
        )
        weighed = f"keep it: {keep}, and an attack is weighed as a con, not as a refutation"
    else:
        weighed = "weigh each attack as a con against its pros, and without weights leave it open"
    return [f"Dung's grounded semantics label it {label} ({why}); the proof standards {weighed}."]


def _balance_note(result: StatementResult, entry: Balance | None) -> list[str]:
    """Where the push/pull sums and preponderance disagree, and why."""
    if entry is None or entry.verdict not in ("push", "pull"):
        return []
    prevails = result.standards["preponderance"]
    if (entry.verdict == "push") == (prevails == "yes") or prevails == "open":
        return []
    return [
        f"The push/pull balance sums the weights ({entry.push_weight:g} push against "
        f"{entry.pull_weight:g} pull: {entry.verdict} prevails); preponderance compares "
        "the strongest argument on each side, as Carneades does, and answers "
        f"{'no' if prevails == 'no' else 'yes'}."
    ]


def _questions(result: StatementResult, labels: dict[str, str]) -> list[str]:
    if not result.questions:
        return []
    asked = _joined([labels.get(q, q) for q in result.questions])
    return [f"Open question: {asked}"]
