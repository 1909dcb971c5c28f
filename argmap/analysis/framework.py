"""Abstract argumentation frameworks, and the rules that derive one from an argument map.

A :class:`Framework` is Dung's pair of arguments and attacks, with a support relation
beside it (a bipolar framework) for the gradual semantics. :func:`to_framework` reads a map
by these rules, each a standard reading of the relation kinds:

- Every node (claim, evidence, factor, question) is an argument, named by its id.
- ``attacks`` (rebuttal) and ``pulls`` (a factor against its outcome) are attacks on the
  target; ``supports`` and ``pushes`` are supports of it.
- An *inference* becomes an argument of its own, named by the relation's id, when it is
  linked (several premises that act only together) or undercut (an undercut defeats the
  inference, not its premises or its conclusion). The inference argument attacks (or
  supports) the relation's target in place of its premises, each premise supports it, and
  the undercutters attack it. Its premises' support is *necessary*: whatever attacks a
  premise also attacks the inference (Cayrol and Lagasquie-Schiex's extended attack for
  necessary support, added to the attacks explicitly). So under Dung's semantics the
  inference is ``in`` exactly when all its premises are ``in`` and no undercutter is, and
  ``out`` as soon as one premise is ``out`` or one undercutter ``in``: the inference is
  represented faithfully, while its premises and its conclusion keep their own status.
  A single-premise inference that nothing undercuts stays a direct attack or support.
- ``undercuts`` attack the inference argument of the relation they target (an undercut
  that is linked or undercut in turn is an inference argument too); an undercut of a
  relation that is no inference (a question, a rephrase) has nothing to defeat.
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

_ATTACKING = frozenset({"attacks", "pulls", "undercuts"})
_SUPPORTING = frozenset({"supports", "pushes"})


class Framework:
    """An argumentation framework: named arguments, attacks, and supports between them.

    Arguments keep the order they are given in (duplicates are dropped); ``attacks`` and
    ``supports`` are sets of ``(source, target)`` pairs between them. Frameworks are
    immutable and compare equal when their arguments, attacks and supports are.

    >>> fw = Framework(["a", "b", "c"], attacks=[("a", "b"), ("b", "c")])
    >>> fw.attackers("c")
    frozenset({'b'})
    >>> Framework(["a"], attacks=[("a", "z")])
    Traceback (most recent call last):
    ...
    ValueError: the attack ('a', 'z') names an argument that is not in the framework: 'z'

    Raises:
        ValueError: an attack or support names an argument not in ``arguments``.
    """

    __slots__ = (
        "_arguments",
        "_attackers",
        "_attacks",
        "_index",
        "_numbers",
        "_supports",
        "_targets",
    )

    def __init__(
        self,
        arguments: Iterable[str],
        attacks: Iterable[tuple[str, str]] = (),
        supports: Iterable[tuple[str, str]] = (),
    ) -> None:
        self._arguments = tuple(dict.fromkeys(arguments))
        self._index = {name: i for i, name in enumerate(self._arguments)}
        self._attacks: frozenset[tuple[str, str]] | None = frozenset(attacks)
        self._supports = frozenset(supports)
        self._numbers: list[int] | None = None
        self._targets: list[list[int]] | None = None
        self._attackers: list[list[int]] | None = None
        for kind, edges in (("attack", self._attacks), ("support", self._supports)):
            for edge in edges:
                for end in edge:
                    if end not in self._index:
                        raise ValueError(
                            f"the {kind} {edge!r} names an argument that is not in the "
                            f"framework: {end!r}"
                        )

    @classmethod
    def _from_numbers(cls, n: int, numbers: list[int]) -> Framework:
        """The framework of arguments "1".."n" and attacks given as a flat list of numbers.

        ``numbers`` holds attacker and target in turn, each from 1 to ``n`` (the caller
        checks); the attack pairs are only built when :attr:`attacks` is read, which keeps
        reading a large ICCMA file fast.
        """
        fw = cls([str(i) for i in range(1, n + 1)])
        fw._attacks = None
        fw._numbers = numbers
        return fw

    @property
    def arguments(self) -> tuple[str, ...]:
        """The arguments, in the order given."""
        return self._arguments

    @property
    def attacks(self) -> frozenset[tuple[str, str]]:
        """The attacks, as ``(attacker, target)`` pairs."""
        if self._attacks is None:
            names, numbers = self._arguments, self._numbers or []
            self._attacks = frozenset(
                (names[a - 1], names[b - 1])
                for a, b in zip(numbers[0::2], numbers[1::2], strict=True)
            )
        return self._attacks

    @property
    def supports(self) -> frozenset[tuple[str, str]]:
        """The supports, as ``(supporter, supported)`` pairs."""
        return self._supports

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Framework):
            return NotImplemented
        return (self.arguments, self.attacks, self.supports) == (
            other.arguments,
            other.attacks,
            other.supports,
        )

    def __hash__(self) -> int:
        return hash((self.arguments, self.attacks, self.supports))

    def __repr__(self) -> str:
        return (
            f"Framework({len(self._arguments)} arguments, {len(self.attacks)} attacks, "
            f"{len(self._supports)} supports)"
        )

    def __len__(self) -> int:
        return len(self._arguments)

    def __contains__(self, argument: object) -> bool:
        return argument in self._index

    def attackers(self, argument: str) -> frozenset[str]:
        """The arguments that attack ``argument``."""
        return frozenset(a for a, b in self.attacks if b == argument)

    def supporters(self, argument: str) -> frozenset[str]:
        """The arguments that support ``argument``."""
        return frozenset(a for a, b in self._supports if b == argument)

    def index(self, argument: str) -> int:
        """The position of ``argument`` in :attr:`arguments`."""
        return self._index[argument]

    def target_lists(self) -> list[list[int]]:
        """For each argument by position, the positions of the arguments it attacks.

        Computed once and shared: do not change the lists. An attack that a file lists
        twice may appear twice; no semantics depends on it.
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
    >>> sorted(fw.attacks), sorted(fw.supports)
    ([('o', 't'), ('u', 'r1')], [('r', 'r1'), ('r1', 't')])
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
    inferences: dict[str, list[str]] = {}
    for name, relation in inferring:
        if relation.kind == "undercuts" and relation.target not in undercut:
            continue  # it undercuts a relation that is no inference (a question, say)
        edges = supports if relation.kind in _SUPPORTING else attacks
        if not relation.is_linked and name not in undercut:
            edges.add((relation.sources[0], relation.target))
            continue
        arguments.append(name)
        inferences[name] = relation.sources
        edges.add((name, relation.target))
        supports.update((premise, name) for premise in relation.sources)

    # The extended attacks of necessary support: an attacker of a premise attacks the
    # inference. Premises are nodes, and the attacks added here end at inferences, so one
    # pass over the attacks on nodes suffices.
    on_nodes: dict[str, list[str]] = {}
    for a, b in attacks:
        on_nodes.setdefault(b, []).append(a)
    for name, premises in inferences.items():
        attacks.update((a, name) for p in premises for a in on_nodes.get(p, ()))
    return Framework(arguments, attacks, supports)


def base_scores(amap: ArgumentMap, *, default: float = 0.5) -> dict[str, float]:
    """The base score of each argument of :func:`to_framework` (amap): factor weights.

    A weighted factor starts from its weight; every other argument (unweighted factors,
    claims, evidence, questions, inferences) from ``default``.

    >>> from argmap.model import Claim, Factor
    >>> amap = ArgumentMap(id="m", title="M", nodes=[Claim(id="d", text="D"),
    ...     Factor(id="f", text="F", direction="push", weight=0.9)])
    >>> base_scores(amap)
    {'d': 0.5, 'f': 0.9}
    """
    weights: Mapping[str, float | None] = {f.id: f.weight for f in amap.factors}
    scores = dict.fromkeys(to_framework(amap).arguments, default)
    for name, weight in weights.items():
        if weight is not None:
            scores[name] = weight
    return scores
