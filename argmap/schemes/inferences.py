"""A map's inferences with their schemes, and what its nodes and relations do to the
critical questions each one leaves open.

An *inference* is a relation that argues: ``supports``, ``pushes``, ``pulls`` and
``attacks``, and any relation whose ``scheme:`` names a scheme. Its scheme is looked up in
the map's catalogue (the bundled one and the map's own ``schemes:``), and each of the
scheme's critical questions is:

- ``raised`` when an element that names it in ``answers:`` challenges the inference: a
  question node, or an ``attacks``, ``undercuts``, ``questions`` or ``pulls`` relation (a
  node is a challenge when it reaches the inference through one of those);
- ``answered`` when an element that names it otherwise bears on the inference (a premise
  that states the answer, a node or relation that supports a premise or the conclusion);
- ``open`` when nothing names it.

An element that names ``SCHEME#QUESTION`` bears on every inference of that scheme it is
linked to: the inference it targets (an undercut or a question aimed at the relation),
the inferences whose premise or conclusion it targets, and, for a node, the inferences
it is a premise of. A question both raised and answered is ``raised``: it is in dispute,
and a reviewer reads both lists.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from argmap.errors import Issue, Path
from argmap.model import ArgumentMap, Question, Relation
from argmap.model.reference import Reference
from argmap.schemes._file import builtin_catalogue
from argmap.schemes.catalogue import Catalogue, CatalogueError, QuestionLookup, SchemeLookup
from argmap.schemes.scheme import CriticalQuestion, Scheme

__all__ = [
    "ARGUING_KINDS",
    "CHALLENGING_KINDS",
    "Answer",
    "Inference",
    "QuestionState",
    "QuestionStatus",
    "find_answers",
    "find_inferences",
    "map_catalogue",
    "uses_schemes",
]

QuestionStatus: TypeAlias = Literal["answered", "raised", "open"]

#: Relation kinds that argue for or against their target: inferences, with or without a
#: scheme named.
ARGUING_KINDS = frozenset({"supports", "pushes", "pulls", "attacks"})
#: Relation kinds whose ``answers:`` raise a question rather than answer it.
CHALLENGING_KINDS = frozenset({"attacks", "undercuts", "questions", "pulls"})


def uses_schemes(amap: ArgumentMap) -> bool:
    """True when the map names a scheme, a critical question or schemes of its own."""
    return bool(
        amap.schemes
        or any(r.scheme is not None or r.answers for r in amap.relations)
        or any(n.answers for n in amap.nodes)
    )


def map_catalogue(
    amap: ArgumentMap, *, base: Catalogue | None = None
) -> tuple[Catalogue, list[Issue]]:
    """The catalogue a map's names are looked up in: ``base`` (the bundled catalogue by
    default) with the map's own ``schemes:``.

    When the map's schemes do not fit the catalogue (an id or a name taken, a
    ``variant_of`` that names no scheme), the issues say why, each with its path in the
    map, and the catalogue is ``base`` alone.
    """
    catalogue = builtin_catalogue() if base is None else base
    if not amap.schemes:
        return catalogue, []
    try:
        return catalogue.with_schemes(amap.schemes), []
    except CatalogueError as exc:
        return catalogue, [
            Issue("error", f"the map's schemes: {i.message}", code=i.code, path=i.path)
            for i in exc.issues
        ]


@dataclass(frozen=True, slots=True)
class Answer:
    """One ``SCHEME#QUESTION`` a node or relation names in ``answers:``, resolved.

    ``inferences`` are the positions (in ``amap.relations``) of the inferences of that
    scheme it bears on; ``raises`` is True when it challenges them. ``unresolved`` is True
    when it is linked to a node or relation of another map, which only a workspace
    resolves.
    """

    element: str
    """The id of the node, or the id (or ``relations[i]``) of the relation."""
    path: Path
    """Where the reference is written: ``("nodes", 3, "answers", 0)``."""
    lookup: QuestionLookup
    raises: bool
    inferences: tuple[int, ...] = ()
    unresolved: bool = False

    @property
    def ref(self) -> str:
        """The reference as written."""
        return self.lookup.ref


@dataclass(frozen=True, slots=True)
class QuestionState:
    """One critical question of an inference's scheme and who answers or raises it."""

    question: CriticalQuestion
    ref: str
    """``SCHEME-ID#QUESTION-ID``."""
    answered_by: tuple[str, ...] = ()
    raised_by: tuple[str, ...] = ()

    @property
    def status(self) -> QuestionStatus:
        """``raised``, ``answered`` or ``open`` (see the module's documentation)."""
        if self.raised_by:
            return "raised"
        return "answered" if self.answered_by else "open"


@dataclass(frozen=True, slots=True)
class Inference:
    """An inference of a map, its scheme and the state of each of its critical questions.

    ``lookup`` is how its ``scheme:`` resolved (None when it names none); ``challenges``
    are the undercuts and questions aimed at it that name none of its questions.
    """

    index: int
    relation: Relation
    lookup: SchemeLookup | None
    questions: tuple[QuestionState, ...] = ()
    challenges: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        """The relation's id, or ``relations[i]`` for one without an id."""
        return _relation_name(self.relation, self.index)

    @property
    def scheme(self) -> Scheme | None:
        """The scheme it names, when the catalogue has it."""
        return None if self.lookup is None else self.lookup.scheme

    def count(self, status: QuestionStatus) -> int:
        """How many of its questions have this status."""
        return sum(1 for q in self.questions if q.status == status)


def _relation_name(relation: Relation, index: int) -> str:
    return relation.id if relation.id is not None else f"relations[{index}]"


class _Links:
    """Which inferences of a map each node and relation is linked to, found once."""

    def __init__(self, amap: ArgumentMap, schemes: Sequence[Scheme | None]) -> None:
        self.schemes = schemes
        self.by_id: dict[str, int] = {}
        self.by_premise: dict[str, list[int]] = {}
        self.by_conclusion: dict[str, list[int]] = {}
        self.by_source: dict[str, list[Relation]] = {}
        for i, r in enumerate(amap.relations):
            if r.id is not None:
                self.by_id.setdefault(r.id, i)
            for source in r.sources:
                self.by_source.setdefault(source, []).append(r)
            if schemes[i] is None:
                continue
            for source in r.sources:
                self.by_premise.setdefault(source, []).append(i)
            self.by_conclusion.setdefault(r.target, []).append(i)

    def of_relation(self, r: Relation) -> tuple[list[int], bool]:
        """The inferences a relation bears on, and whether an end lies in another map."""
        target = r.target
        if isinstance(target, Reference):
            return [], True
        index = self.by_id.get(target)
        if index is not None and r.kind in ("undercuts", "questions"):
            return ([index] if self.schemes[index] is not None else []), False
        found = [*self.by_premise.get(target, ()), *self.by_conclusion.get(target, ())]
        return found, False

    def of_node(self, node_id: str, *, question: bool) -> Iterator[tuple[int, bool, bool]]:
        """Each inference a node bears on: its position, whether the node challenges it,
        and whether a link lies in another map (then the position is -1)."""
        for i in self.by_premise.get(node_id, ()):
            yield i, question, False
        for r in self.by_source.get(node_id, ()):
            found, elsewhere = self.of_relation(r)
            if elsewhere:
                yield -1, False, True
            for i in found:
                yield i, question or r.kind in CHALLENGING_KINDS, False


def _resolve_schemes(
    amap: ArgumentMap, catalogue: Catalogue
) -> tuple[list[SchemeLookup | None], list[Scheme | None]]:
    cache: dict[str, SchemeLookup] = {}
    lookups: list[SchemeLookup | None] = []
    for r in amap.relations:
        if r.scheme is None:
            lookups.append(None)
            continue
        if r.scheme not in cache:
            cache[r.scheme] = catalogue.lookup(r.scheme)
        lookups.append(cache[r.scheme])
    return lookups, [None if found is None else found.scheme for found in lookups]


def find_answers(amap: ArgumentMap, catalogue: Catalogue) -> list[Answer]:
    """Every ``answers:`` reference of the map's nodes and relations, in map order."""
    if not any(r.answers for r in amap.relations) and not any(n.answers for n in amap.nodes):
        return []
    _, schemes = _resolve_schemes(amap, catalogue)
    return _answers(amap, catalogue, _Links(amap, schemes))


def _answers(amap: ArgumentMap, catalogue: Catalogue, links: _Links) -> list[Answer]:
    found: list[Answer] = []
    for i, n in enumerate(amap.nodes):
        if not n.answers:
            continue
        hits = list(links.of_node(n.id, question=isinstance(n, Question)))
        for j, ref in enumerate(n.answers):
            lookup = catalogue.lookup_question(ref)
            found.append(_placed(n.id, ("nodes", i, "answers", j), lookup, hits, links))
    for i, r in enumerate(amap.relations):
        if not r.answers:
            continue
        targets, elsewhere = links.of_relation(r)
        challenge = r.kind in CHALLENGING_KINDS
        hits = [(k, challenge, False) for k in targets]
        if elsewhere:
            hits.append((-1, False, True))
        for j, ref in enumerate(r.answers):
            lookup = catalogue.lookup_question(ref)
            path: Path = ("relations", i, "answers", j)
            found.append(_placed(_relation_name(r, i), path, lookup, hits, links))
    return found


def _placed(
    element: str,
    path: Path,
    lookup: QuestionLookup,
    hits: Sequence[tuple[int, bool, bool]],
    links: _Links,
) -> Answer:
    scheme = lookup.scheme if lookup.found else None
    chosen = [
        (i, challenge)
        for i, challenge, _ in hits
        if i >= 0 and scheme is not None and _same(links.schemes[i], scheme)
    ]
    positions = tuple(dict.fromkeys(i for i, _ in chosen))
    raises = any(challenge for _, challenge in chosen) or (
        not chosen and any(challenge for _, challenge, _ in hits)
    )
    return Answer(
        element,
        path,
        lookup,
        raises=raises,
        inferences=positions,
        unresolved=any(elsewhere for _, _, elsewhere in hits),
    )


def _same(a: Scheme | None, b: Scheme) -> bool:
    # By id: a question of a general scheme is not one of its variants'.
    return a is not None and a.id == b.id


def find_inferences(amap: ArgumentMap, catalogue: Catalogue) -> list[Inference]:
    """The map's inferences in map order, each with its scheme and its questions' state.

    >>> from argmap.model import Claim, Question, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[
    ...     Claim(id="c", text="Take the train."), Claim(id="g", text="We want to be on time."),
    ...     Question(id="q", text="Is the train on time?", answers=["practical-reasoning#means"])],
    ...   relations=[Relation(id="r", kind="supports", source="g", target="c",
    ...                       scheme="practical-reasoning"),
    ...              Relation(kind="questions", source="q", target="r")])
    >>> [inference] = find_inferences(amap, builtin_catalogue())
    >>> inference.scheme.id, [(s.question.id, s.status) for s in inference.questions][-2:]
    ('practical-reasoning', [('feasibility', 'open'), ('means', 'raised')])
    """
    lookups, schemes = _resolve_schemes(amap, catalogue)
    links = _Links(amap, schemes)
    answers = _answers(amap, catalogue, links)
    by_question: dict[tuple[int, str], tuple[list[str], list[str]]] = {}
    named: dict[int, set[str]] = {}
    for answer in answers:
        question = answer.lookup.question
        if question is None:
            continue
        for i in answer.inferences:
            answered, raised = by_question.setdefault((i, question.id), ([], []))
            (raised if answer.raises else answered).append(answer.element)
            named.setdefault(i, set()).add(answer.element)
    # The undercuts and questions aimed at each relation, by its id: found once, not once
    # for each inference.
    aimed: dict[str, list[tuple[int, Relation]]] = {}
    for k, other in enumerate(amap.relations):
        if other.kind in ("undercuts", "questions"):
            aimed.setdefault(other.target, []).append((k, other))
    result = []
    for i, r in enumerate(amap.relations):
        if r.kind not in ARGUING_KINDS and r.scheme is None:
            continue
        scheme = schemes[i]
        states = []
        if scheme is not None:
            for q in scheme.questions:
                answered, raised = by_question.get((i, q.id), ([], []))
                states.append(
                    QuestionState(
                        q,
                        scheme.ref(q.id),
                        tuple(dict.fromkeys(answered)),
                        tuple(dict.fromkeys(raised)),
                    )
                )
        result.append(
            Inference(
                i,
                r,
                lookups[i],
                tuple(states),
                _challenges(aimed.get(r.id, []) if r.id is not None else [], named.get(i, set())),
            )
        )
    return result


def _challenges(aimed: list[tuple[int, Relation]], named: set[str]) -> tuple[str, ...]:
    """The undercuts and questions aimed at an inference that name none of its questions."""
    found: dict[str, None] = {}
    for i, other in aimed:
        name = _relation_name(other, i)
        if name in named or any(s in named for s in other.sources):
            continue
        found[name] = None
    return tuple(found)
