"""A reviewer's report on one map, as data: its inferences with their schemes and critical
questions, the claims that lack support or sources, evidence without a locator or a quote,
support that comes only from another map, and the conclusions the analysis rejects.

:func:`review_map` builds a :class:`MapReview` from a map (or from a workspace's view of
one, whose imported nodes are keyed ``MAP-ID#NODE-ID``); :func:`review_data` gives it as
plain data for JSON. The renderers are :mod:`argmap.review.markdown` and
:mod:`argmap.review.html`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal, TypeAlias

from argmap.analysis.dung import Label, Semantics, labelling
from argmap.analysis.framework import Framework, inference_name, to_framework
from argmap.model import ArgumentMap, Claim, Evidence, Node, Relation
from argmap.schemes.catalogue import Catalogue
from argmap.schemes.inferences import Inference, find_inferences, map_catalogue

__all__ = [
    "PLAIN_KINDS",
    "SEMANTICS",
    "CrossMapSupport",
    "EvidenceGap",
    "InferenceReview",
    "MapReview",
    "QuestionReview",
    "Reason",
    "Ref",
    "Rejection",
    "SourceGroup",
    "dump_reviews",
    "review_data",
    "review_map",
    "why_rejected",
]

#: The semantics whose verdict the review reports (that of ``argmap analyze``'s default).
SEMANTICS: Semantics = "grounded"

SchemeState: TypeAlias = Literal["found", "unnamed", "unknown", "none"]

#: Relation kinds through which a node gets support (rephrases count both ways).
_SUPPORTING = frozenset({"supports", "pushes"})
#: Relation kinds that defeat their target in the analysis.
_DEFEATING = frozenset({"attacks", "pulls", "undercuts"})


@dataclass(frozen=True, slots=True)
class Ref:
    """A node or relation as a report names it: its id, a label, and where it comes from.

    ``kind`` is the node's kind, or the relation's kind for a relation; ``map_id`` is the
    map it belongs to when that is another map than the one reviewed.
    """

    id: str
    label: str
    kind: str
    map_id: str | None = None


@dataclass(frozen=True, slots=True)
class QuestionReview:
    """One critical question of an inference and its state."""

    id: str
    ref: str
    kind: str
    text: str
    status: str
    answered_by: tuple[Ref, ...] = ()
    raised_by: tuple[Ref, ...] = ()


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the analysis rejects an argument: an attacker that stands (or is undecided), and
    how it attacks (``attacks``, ``pulls``, ``undercuts``, or through a premise)."""

    attacker: Ref
    how: str
    premise: Ref | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An argument the analysis does not accept: ``out`` or ``undec``, and why."""

    argument: Ref
    status: Label
    reasons: tuple[Reason, ...]


#: The kinds a report names beside a reference only when they are not these (a question,
#: an outcome, a decision, ...).
PLAIN_KINDS = frozenset({"claim", "evidence", "factor"})


def why_rejected(
    rejection: Rejection, ref: Callable[[Ref], str], text: Callable[[str], str]
) -> str:
    """Why the analysis rejects an argument, in words, for a report: ``ref`` writes a
    reference to an argument and ``text`` escapes plain text, in the report's language."""
    reasons = []
    for reason in rejection.reasons:
        how = text(reason.how)
        if reason.premise is not None:
            reasons.append(f"{ref(reason.attacker)} {how} its premise {ref(reason.premise)}")
        else:
            reasons.append(f"{ref(reason.attacker)} {how} it")
    status = "out" if rejection.status == "out" else "undecided"
    because = "; ".join(reasons) if reasons else "its attackers neither stand nor fall"
    return f"{status}: {because}"


@dataclass(frozen=True, slots=True)
class InferenceReview:
    """An inference: its premises and conclusion, its scheme and its questions.

    ``scheme`` is what the map writes; ``scheme_state`` says whether the catalogue has it
    (``found``, with ``scheme_id`` and ``scheme_title``), whether it says that no scheme
    was chosen (``unnamed``), whether it is ``unknown`` (with a ``suggestion``), or whether
    the inference names ``none``.
    """

    relation: Ref
    premises: tuple[Ref, ...]
    conclusion: Ref
    scheme: str | None
    scheme_state: SchemeState
    scheme_id: str | None = None
    scheme_title: str | None = None
    suggestion: str | None = None
    questions: tuple[QuestionReview, ...] = ()
    challenges: tuple[Ref, ...] = ()
    rejection: Rejection | None = None

    def count(self, status: str) -> int:
        """How many of its questions have this status."""
        return sum(1 for q in self.questions if q.status == status)


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """The claims whose only source (theirs and their support's) is one work."""

    key: str
    is_mapped_work: bool
    claims: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class EvidenceGap:
    """Evidence whose citations lack a locator or a quote (``missing`` says which)."""

    node: Ref
    missing: tuple[str, ...]
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CrossMapSupport:
    """A node of the map whose only support is in other maps (through ``via`` relations)."""

    node: Ref
    rests_on: tuple[Ref, ...]
    via: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MapReview:
    """The review of one map (see the module's documentation)."""

    map_id: str
    title: str
    source: str | None
    inferences: tuple[InferenceReview, ...]
    unsupported: tuple[Ref, ...]
    single_source: tuple[SourceGroup, ...]
    evidence_gaps: tuple[EvidenceGap, ...]
    cross_map: tuple[CrossMapSupport, ...]
    rejected: tuple[Rejection, ...]
    semantics: Semantics = SEMANTICS

    def question_counts(self) -> dict[str, int]:
        """How many critical questions of all inferences are answered, raised and open."""
        counts = {"answered": 0, "raised": 0, "open": 0}
        for inference in self.inferences:
            for question in inference.questions:
                counts[question.status] += 1
        return counts


def review_map(
    amap: ArgumentMap,
    *,
    imported: Mapping[str, str] | None = None,
    catalogue: Catalogue | None = None,
) -> MapReview:
    """Review a map: what a reviewer of the mapped work asks of each inference and claim.

    Args:
        amap: the map, or a workspace's view of it (:func:`argmap.workspace.map_view`):
            nodes and relations of other maps it names are keyed ``MAP-ID#ID``.
        imported: the map id of each imported node, by key (``View.imported``); nodes named
            ``MAP-ID#ID`` are taken as imported anyway.
        catalogue: where scheme names are looked up (default: the bundled catalogue with
            the map's own ``schemes:``).

    >>> from argmap.model import Claim, Evidence, Citation, Relation
    >>> amap = ArgumentMap(id="m", title="M", source=Citation(key="w"), nodes=[
    ...     Claim(id="t", text="Take the train.", thesis=True, cites=[Citation(key="w")]),
    ...     Evidence(id="e", text="Trains are on time.", cites=[Citation(key="w")])],
    ...   relations=[Relation(id="r", kind="supports", source="e", target="t",
    ...                       scheme="practical-reasoning")])
    >>> review = review_map(amap)
    >>> [(i.relation.id, i.scheme_id, i.count("open")) for i in review.inferences]
    [('r', 'practical-reasoning', 5)]
    >>> [(g.key, [c.id for c in g.claims]) for g in review.single_source]
    [('w', ['t'])]
    >>> [(gap.node.id, gap.missing) for gap in review.evidence_gaps]
    [('e', ('locator', 'quote'))]
    """
    if catalogue is None:
        catalogue, _ = map_catalogue(amap)
    refs = _Refs(amap, imported or {})
    own = [n for n in amap.nodes if not refs.is_imported(n.id)]
    verdict = _judge(amap, refs)
    inferences = tuple(
        _inference_review(inference, refs, verdict)
        for inference in find_inferences(amap, catalogue)
    )
    supporters = _supporters(amap)
    cross = tuple(_cross_map(own, supporters, refs))
    resting_elsewhere = {c.node.id for c in cross}
    unsupported = tuple(
        refs.node(n)
        for n in own
        if isinstance(n, Claim) and not supporters.get(n.id) and n.id not in resting_elsewhere
    )
    source = amap.source.key if amap.source is not None else None
    rejected = tuple(r for r in verdict.values() if r.argument.kind in _NODE_KINDS)
    return MapReview(
        map_id=amap.id,
        title=amap.title,
        source=source,
        inferences=inferences,
        unsupported=unsupported,
        single_source=_single_source(amap, own, supporters, refs, source),
        evidence_gaps=tuple(_evidence_gaps(own, refs)),
        cross_map=cross,
        rejected=tuple(r for r in rejected if not refs.is_imported(r.argument.id)),
    )


_NODE_KINDS = frozenset({"claim", "evidence", "factor", "question"})


class _Refs:
    """Names nodes and relations of the map as the report shows them."""

    def __init__(self, amap: ArgumentMap, imported: Mapping[str, str]) -> None:
        self.amap = amap
        self.imported = imported
        self.nodes = {n.id: n for n in amap.nodes}
        self.relations = {inference_name(r, i): (i, r) for i, r in enumerate(amap.relations)}

    def map_of(self, key: str) -> str | None:
        owner = self.imported.get(key)
        if owner is None and "#" in key:
            owner = key.partition("#")[0]
        return owner

    def is_imported(self, key: str) -> bool:
        return self.map_of(key) is not None

    def node(self, node: Node) -> Ref:
        return Ref(node.id, node.label, node.kind, self.map_of(node.id))

    def node_id(self, key: str) -> Ref:
        node = self.nodes.get(key)
        if node is not None:
            return self.node(node)
        return Ref(key, key, "node", self.map_of(key))

    def relation(self, relation: Relation, index: int) -> Ref:
        name = relation.id if relation.id is not None else f"relations[{index}]"
        labels = [self.node_id(s).label for s in relation.sources]
        return Ref(name, " + ".join(labels), relation.kind, self.map_of(name))

    def element(self, name: str) -> Ref:
        """A node id, a relation id or ``relations[i]``, as a reference."""
        if name in self.nodes:
            return self.node(self.nodes[name])
        if name.startswith("relations[") and name.endswith("]"):
            index = int(name[len("relations[") : -1])
            return self.relation(self.amap.relations[index], index)
        found = self.relations.get(name)
        if found is not None:
            return self.relation(found[1], found[0])
        return Ref(name, name, "node", self.map_of(name))

    def argument(self, name: str) -> Ref:
        """An argument of the map's framework: a node, or an inference by relation id."""
        if name in self.nodes:
            return self.node(self.nodes[name])
        return self.element(name)


def _inference_review(
    inference: Inference, refs: _Refs, verdict: Mapping[str, Rejection]
) -> InferenceReview:
    relation = inference.relation
    lookup = inference.lookup
    state: SchemeState = "none" if lookup is None else lookup.status
    scheme = inference.scheme
    suggestion = None
    if lookup is not None and lookup.suggestion is not None:
        suggestion = lookup.suggestion.id
    questions = tuple(
        QuestionReview(
            q.question.id,
            q.ref,
            q.question.kind,
            q.question.text,
            q.status,
            tuple(refs.element(e) for e in q.answered_by),
            tuple(refs.element(e) for e in q.raised_by),
        )
        for q in inference.questions
    )
    name = inference_name(relation, inference.index)
    return InferenceReview(
        relation=refs.relation(relation, inference.index),
        premises=tuple(refs.node_id(s) for s in relation.sources),
        conclusion=refs.node_id(relation.target),
        scheme=relation.scheme,
        scheme_state=state,
        scheme_id=None if scheme is None else scheme.id,
        scheme_title=None if scheme is None else scheme.title,
        suggestion=suggestion,
        questions=questions,
        challenges=tuple(refs.element(c) for c in inference.challenges),
        rejection=verdict.get(name),
    )


def _judge(amap: ArgumentMap, refs: _Refs) -> dict[str, Rejection]:
    """The arguments the analysis does not accept, and why, by argument name.

    The one place the review asks the analysis: Dung's grounded semantics on the map's
    framework (:func:`argmap.analysis.to_framework`), as ``argmap analyze`` reports it.
    """
    fw = to_framework(amap)
    status = labelling(fw, SEMANTICS)
    found: dict[str, Rejection] = {}
    for name in fw.arguments:
        label = status[name]
        if label == "in":
            continue
        wanted = "in" if label == "out" else "undec"
        reasons = tuple(
            _reason(fw, refs, attacker, name)
            for attacker in _ordered(fw, fw.attackers(name))
            if status[attacker] == wanted
        )
        found[name] = Rejection(refs.argument(name), label, reasons)
    return found


def _ordered(fw: Framework, names: Iterable[str]) -> list[str]:
    return sorted(names, key=fw.index)


def _reason(fw: Framework, refs: _Refs, attacker: str, target: str) -> Reason:
    """How ``attacker`` attacks ``target``: by a relation of the map, or through a premise
    of the inference ``target`` (an attack on a premise attacks the inference)."""
    for r in refs.amap.relations:
        if r.kind in _DEFEATING and attacker in r.sources and r.target == target:
            return Reason(refs.argument(attacker), r.kind)
    found = refs.relations.get(target)
    if found is not None:
        for premise in found[1].sources:
            for r in refs.amap.relations:
                if r.kind in _DEFEATING and attacker in r.sources and r.target == premise:
                    return Reason(refs.argument(attacker), r.kind, refs.node_id(premise))
    return Reason(refs.argument(attacker), "attacks")


def _supporters(amap: ArgumentMap) -> dict[str, list[tuple[str, str]]]:
    """For each node, the nodes that give it support and through which relation kind."""
    found: dict[str, list[tuple[str, str]]] = {}
    for r in amap.relations:
        if r.kind in _SUPPORTING:
            for source in r.sources:
                found.setdefault(r.target, []).append((source, r.kind))
        elif r.kind == "rephrases":
            for source in r.sources:
                found.setdefault(r.target, []).append((source, r.kind))
                found.setdefault(source, []).append((r.target, r.kind))
    return found


def _cross_map(
    own: Sequence[Node], supporters: Mapping[str, list[tuple[str, str]]], refs: _Refs
) -> Iterable[CrossMapSupport]:
    for node in own:
        support = supporters.get(node.id, [])
        if support and all(refs.is_imported(source) for source, _ in support):
            yield CrossMapSupport(
                refs.node(node),
                tuple(refs.node_id(source) for source, _ in support),
                tuple(dict.fromkeys(kind for _, kind in support)),
            )


def _single_source(
    amap: ArgumentMap,
    own: Sequence[Node],
    supporters: Mapping[str, list[tuple[str, str]]],
    refs: _Refs,
    mapped: str | None,
) -> tuple[SourceGroup, ...]:
    """The claims whose citations, with those of all that supports them, name one work."""
    groups: dict[str, list[Ref]] = {}
    for node in own:
        if not isinstance(node, Claim):
            continue
        keys: dict[str, None] = {}
        seen = {node.id}
        stack = [node.id]
        while stack:
            current = refs.nodes.get(stack.pop())
            if current is None:
                continue
            keys.update((c.key, None) for c in current.cites)
            for source, kind in supporters.get(current.id, []):
                if kind in _SUPPORTING and source not in seen:
                    seen.add(source)
                    stack.append(source)
        if len(keys) == 1:
            groups.setdefault(next(iter(keys)), []).append(refs.node(node))
    return tuple(SourceGroup(key, key == mapped, tuple(claims)) for key, claims in groups.items())


def _evidence_gaps(own: Sequence[Node], refs: _Refs) -> Iterable[EvidenceGap]:
    for node in own:
        if not isinstance(node, Evidence):
            continue
        missing = []
        if any(c.locator is None for c in node.cites):
            missing.append("locator")
        if any(c.quote is None for c in node.cites):
            missing.append("quote")
        if missing:
            keys = tuple(dict.fromkeys(c.key for c in node.cites))
            yield EvidenceGap(refs.node(node), tuple(missing), keys)


def review_data(review: MapReview) -> dict[str, Any]:
    """The review as plain data (for JSON): every field, with counts for scripts."""
    data = asdict(review)
    data["counts"] = {
        "inferences": len(review.inferences),
        "with_scheme": sum(1 for i in review.inferences if i.scheme_state == "found"),
        "questions": review.question_counts(),
        "unsupported": len(review.unsupported),
        "single_source": sum(len(g.claims) for g in review.single_source),
        "evidence_gaps": len(review.evidence_gaps),
        "cross_map": len(review.cross_map),
        "rejected": len(review.rejected),
    }
    return data


def dump_reviews(reviews: Sequence[MapReview]) -> str:
    """The reviews as JSON text: ``{"reviews": [...]}``, keys sorted, two-space indent."""
    import json

    data = {"reviews": [review_data(review) for review in reviews]}
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
