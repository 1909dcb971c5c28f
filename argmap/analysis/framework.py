"""Abstract argumentation frameworks, and the rules that derive one from an argument map.

A :class:`Framework` is Dung's pair of arguments and attacks, with a support relation
beside it (a bipolar framework) for the gradual semantics, and the premises of the
arguments that stand for inferences. :func:`to_framework` reads a map by these rules, each
a standard reading of the relation kinds:

- Every node (claim, evidence, factor, question) is an argument, named by its id.
- ``attacks`` (rebuttal) are attacks on the target; ``supports`` are supports of it.
- ``pushes`` and ``pulls`` are no part of the framework: a factor argues for or against a
  decision, it does not refute it. They are weighed by proof standards
  (:mod:`argmap.analysis.standards`) and in the push/pull balance
  (:mod:`argmap.analysis.balance`).
- An *inference* becomes an argument of its own, named by the relation's id, when it is
  linked (several premises that act only together) or undercut (an undercut defeats the
  inference, not its premises or its conclusion). The inference argument attacks (or
  supports) the relation's target in place of its premises, and the undercutters attack
  it. Its premises are recorded as such (:attr:`Framework.premises`): they support it
  *necessarily*, so whatever attacks a premise attacks the inference too (Cayrol and
  Lagasquie-Schiex's extended attack for necessary support), and :attr:`Framework.attacks`
  includes these inherited attacks. Under Dung's semantics the inference is then ``in``
  exactly when all its premises are ``in`` and no undercutter is, and ``out`` as soon as
  one premise is ``out`` or one undercutter ``in``. The gradual semantics read the
  attacks as given (:attr:`Framework.direct_attacks`) and give an inference the strength
  of its weakest premise before its undercutters act, so that no attack counts twice.
  A single-premise inference that nothing undercuts stays a direct attack or support.
- ``undercuts`` attack the inference argument of the relation they target (an undercut
  that is linked or undercut in turn is an inference argument too); an undercut of a
  relation that is no inference here (a push, a pull, a question, a rephrase) has nothing
  to defeat in the framework.
- ``questions`` (an open question), ``rephrases`` and ``prefers`` carry no attack or
  support: a question raises doubt without defeating anything.

Dung's semantics (:mod:`argmap.analysis.dung`) read the attacks alone; supports between
nodes give no acceptance in Dung's setting (an unattacked claim is accepted with or
without support). The gradual semantics (:mod:`argmap.analysis.gradual`) read both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.model import ArgumentMap, Relation

__all__ = ["Framework", "base_scores", "inference_name", "to_framework"]

_ATTACKING = frozenset({"attacks", "undercuts"})
_SUPPORTING = frozenset({"supports"})


class Framework:
    """An argumentation framework: named arguments, attacks, supports, inference premises.

    Arguments keep the order they are given in (duplicates are dropped); ``attacks`` and
    ``supports`` are sets of ``(source, target)`` pairs between them. ``premises`` maps an
    argument that stands for an inference to the arguments it needs together: whatever
    attacks one of them attacks the inference too (:attr:`attacks` includes these
    inherited attacks, :attr:`direct_attacks` leaves them out). Frameworks are immutable
    and compare equal when their arguments, attacks, supports and premises are.

    >>> fw = Framework(["a", "b", "c"], attacks=[("a", "b"), ("b", "c")])
    >>> fw.attackers("c")
    frozenset({'b'})
    >>> linked = Framework(["p", "q", "x", "i"], attacks=[("x", "q")], premises={"i": ["p", "q"]})
    >>> sorted(linked.attacks), sorted(linked.direct_attacks)
    ([('x', 'i'), ('x', 'q')], [('x', 'q')])
    >>> Framework(["a"], attacks=[("a", "z")])
    Traceback (most recent call last):
    ...
    ValueError: the attack ('a', 'z') names an argument that is not in the framework: 'z'

    Raises:
        ValueError: an attack, support or premise names an argument not in ``arguments``.
    """

    __slots__ = (
        "_arguments",
        "_attackers",
        "_attacks",
        "_direct",
        "_index",
        "_numbers",
        "_premises",
        "_supports",
        "_targets",
    )

    def __init__(
        self,
        arguments: Iterable[str],
        attacks: Iterable[tuple[str, str]] = (),
        supports: Iterable[tuple[str, str]] = (),
        *,
        premises: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self._arguments = tuple(dict.fromkeys(arguments))
        self._index = {name: i for i, name in enumerate(self._arguments)}
        self._direct: frozenset[tuple[str, str]] | None = frozenset(attacks)
        self._supports = frozenset(supports)
        self._premises = {k: tuple(dict.fromkeys(v)) for k, v in (premises or {}).items()}
        self._attacks: frozenset[tuple[str, str]] | None = None
        self._numbers: list[int] | None = None
        self._targets: list[list[int]] | None = None
        self._attackers: list[list[int]] | None = None
        for kind, edges in (("attack", self._direct), ("support", self._supports)):
            for edge in edges:
                for end in edge:
                    if end not in self._index:
                        raise ValueError(
                            f"the {kind} {edge!r} names an argument that is not in the "
                            f"framework: {end!r}"
                        )
        for inference, needed in self._premises.items():
            for end in (inference, *needed):
                if end not in self._index:
                    raise ValueError(
                        f"the premises of {inference!r} name an argument that is not in the "
                        f"framework: {end!r}"
                    )
        if not self._premises:
            self._attacks = self._direct

    @classmethod
    def _from_numbers(cls, n: int, numbers: list[int]) -> Framework:
        """The framework of arguments "1".."n" and attacks given as a flat list of numbers.

        ``numbers`` holds attacker and target in turn, each from 1 to ``n`` (the caller
        checks); the attack pairs are only built when :attr:`attacks` is read, which keeps
        reading a large ICCMA file fast.
        """
        fw = cls([str(i) for i in range(1, n + 1)])
        fw._attacks = fw._direct = None
        fw._numbers = numbers
        return fw

    @property
    def arguments(self) -> tuple[str, ...]:
        """The arguments, in the order given."""
        return self._arguments

    @property
    def direct_attacks(self) -> frozenset[tuple[str, str]]:
        """The attacks as given, ``(attacker, target)``: what the gradual semantics read."""
        if self._direct is None:
            names, numbers = self._arguments, self._numbers or []
            self._direct = frozenset(
                (names[a - 1], names[b - 1])
                for a, b in zip(numbers[0::2], numbers[1::2], strict=True)
            )
        return self._direct

    @property
    def attacks(self) -> frozenset[tuple[str, str]]:
        """Every attack, those inherited from premises included: what Dung's semantics read."""
        if self._attacks is None:
            direct = self.direct_attacks
            if not self._premises:
                self._attacks = direct
            else:
                self._attacks = direct | _inherited(direct, self._premises)
        return self._attacks

    @property
    def supports(self) -> frozenset[tuple[str, str]]:
        """The supports, as ``(supporter, supported)`` pairs."""
        return self._supports

    @property
    def premises(self) -> dict[str, tuple[str, ...]]:
        """For each argument that stands for an inference, the arguments it needs together."""
        return dict(self._premises)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Framework):
            return NotImplemented
        return (self.arguments, self.direct_attacks, self.supports, self._premises) == (
            other.arguments,
            other.direct_attacks,
            other.supports,
            other._premises,
        )

    def __hash__(self) -> int:
        return hash(
            (self.arguments, self.direct_attacks, self.supports, frozenset(self._premises.items()))
        )

    def __repr__(self) -> str:
        inferences = f", {len(self._premises)} inferences" if self._premises else ""
        return (
            f"Framework({len(self._arguments)} arguments, {len(self.attacks)} attacks, "
            f"{len(self._supports)} supports{inferences})"
        )

    def __len__(self) -> int:
        return len(self._arguments)

    def __contains__(self, argument: object) -> bool:
        return argument in self._index

    def attackers(self, argument: str) -> frozenset[str]:
        """The arguments that attack ``argument`` (inherited attacks included)."""
        return frozenset(a for a, b in self.attacks if b == argument)

    def supporters(self, argument: str) -> frozenset[str]:
        """The arguments that support ``argument``."""
        return frozenset(a for a, b in self._supports if b == argument)

    def index(self, argument: str) -> int:
        """The position of ``argument`` in :attr:`arguments`."""
        return self._index[argument]

    def target_lists(self) -> list[list[int]]:
        """For each argument by position, the positions of the arguments it attacks.

        Inherited attacks included. Computed once and shared: do not change the lists. An
        attack that a file lists twice may appear twice; no semantics depends on it.
        """
        if self._targets is None:
            targets: list[list[int]] = [[] for _ in self._arguments]
            if self._numbers is not None:
                flat = [x - 1 for x in self._numbers]
                for a, b in zip(flat[0::2], flat[1::2], strict=True):
                    targets[a].append(b)
            else:
                index = self._index
                for source, target in self.attacks:
                    targets[index[source]].append(index[target])
            self._targets = targets
        return self._targets

    def attack_lists(self) -> tuple[list[list[int]], list[list[int]]]:
        """For each argument by position: the positions it attacks, and its attackers.

        Computed once and shared, as :meth:`target_lists`.
        """
        targets = self.target_lists()
        if self._attackers is None:
            attackers: list[list[int]] = [[] for _ in self._arguments]
            for a, hit in enumerate(targets):
                for b in hit:
                    attackers[b].append(a)
            self._attackers = attackers
        return targets, self._attackers


def _inherited(
    direct: frozenset[tuple[str, str]], premises: Mapping[str, tuple[str, ...]]
) -> set[tuple[str, str]]:
    """The attacks an inference inherits from its premises, to a fixed point.

    A premise may itself be an inference (a framework built by hand), so what it
    inherits is passed on in turn.
    """
    on: dict[str, set[str]] = {}
    for a, b in direct:
        on.setdefault(b, set()).add(a)
    found: set[tuple[str, str]] = set()
    changed = True
    while changed:
        changed = False
        for inference, needed in premises.items():
            have = on.setdefault(inference, set())
            for premise in needed:
                new = on.get(premise, set()) - have
                if new:
                    have |= new
                    found.update((a, inference) for a in new)
                    changed = True
    return found - direct


def inference_name(relation: Relation, position: int) -> str:
    """The argument name of an inference: the relation's id, or one made from its place.

    >>> from argmap.model import Relation
    >>> inference_name(Relation(id="r-x", kind="supports", source="a", target="b"), 3)
    'r-x'
    >>> inference_name(Relation(kind="supports", source=["a", "b"], target="c"), 3)
    'relation-4'
    """
    return relation.id if relation.id is not None else f"relation-{position + 1}"


def to_framework(amap: ArgumentMap) -> Framework:
    """The framework of a map, by the rules in this module's documentation.

    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[
    ...     Claim(id="t", text="Thesis"), Claim(id="r", text="Reason"),
    ...     Claim(id="o", text="Objection"), Claim(id="u", text="Undercutter")],
    ...     relations=[Relation(id="r1", kind="supports", source="r", target="t"),
    ...                Relation(kind="attacks", source="o", target="t"),
    ...                Relation(kind="undercuts", source="u", target="r1")])
    >>> fw = to_framework(amap)
    >>> fw.arguments
    ('t', 'r', 'o', 'u', 'r1')
    >>> sorted(fw.attacks), sorted(fw.supports), fw.premises
    ([('o', 't'), ('u', 'r1')], [('r1', 't')], {'r1': ('r',)})
    """
    arguments = [n.id for n in amap.nodes]
    inferring = [
        (inference_name(r, i), r)
        for i, r in enumerate(amap.relations)
        if r.kind in _ATTACKING or r.kind in _SUPPORTING
    ]
    names = {name for name, _ in inferring}
    undercut = {r.target for r in amap.relations if r.kind == "undercuts"} & names

    attacks: set[tuple[str, str]] = set()
    supports: set[tuple[str, str]] = set()
    premises: dict[str, list[str]] = {}
    for name, relation in inferring:
        if relation.kind == "undercuts" and relation.target not in undercut:
            continue  # it undercuts a relation that is no inference here (a pull, say)
        edges = supports if relation.kind in _SUPPORTING else attacks
        if not relation.is_linked and name not in undercut:
            edges.add((relation.sources[0], relation.target))
            continue
        arguments.append(name)
        premises[name] = relation.sources
        edges.add((name, relation.target))
    # Undercuts aimed at an inference that is no argument here were skipped above; an
    # undercut whose own target was skipped (it undercut a pull) is dropped with it.
    known = set(arguments)
    attacks = {(a, b) for a, b in attacks if a in known and b in known}
    supports = {(a, b) for a, b in supports if a in known and b in known}
    premises = {k: v for k, v in premises.items() if known.issuperset(v)}
    return Framework(arguments, attacks, supports, premises=premises)


def base_scores(amap: ArgumentMap, *, default: float = 0.5) -> dict[str, float]:
    """The base score of each node of ``amap`` for the gradual semantics: factor weights.

    A weighted factor starts from its weight; every other node (unweighted factors,
    claims, evidence, questions) from ``default``. Inference arguments have no base score
    of their own: they start from their weakest premise (see :mod:`argmap.analysis.gradual`).

    >>> from argmap.model import Claim, Factor
    >>> amap = ArgumentMap(id="m", title="M", nodes=[Claim(id="d", text="D"),
    ...     Factor(id="f", text="F", direction="push", weight=0.9)])
    >>> base_scores(amap)
    {'d': 0.5, 'f': 0.9}
    """
    weights: Mapping[str, float | None] = {f.id: f.weight for f in amap.factors}
    scores = {n.id: default for n in amap.nodes}
    for name, weight in weights.items():
        if weight is not None:
            scores[name] = weight
    return scores
