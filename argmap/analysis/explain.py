"""Why an argument is accepted, rejected or undecided under a Dung semantics.

- **in** (grounded): a *defence*, the accepted arguments that answer each attacker, and
  those that answer theirs in turn, down to unattacked ones. Each defender was accepted
  earlier than the argument it defends (the grounded labelling is built in rounds from
  the unattacked arguments), so the explanation never goes round in a circle; the
  argument and its defence together form an admissible set.
- **in** (another semantics, in every extension): the defence inside the first extension.
- **out**: the accepted attackers that defeat it (for a semantics other than grounded,
  those accepted in some extension: each extension accepts one of them).
- **undec**: the attackers that are neither accepted nor defeated, for grounded (an odd
  cycle, or a cycle nobody breaks); for the others, how many extensions accept it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from argmap.analysis.dung import Label, Semantics, extensions, labelling
from argmap.analysis.framework import Framework

__all__ = ["Explanation", "explain"]


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why ``argument`` has ``label`` under ``semantics``.

    ``attackers``: every attacker; ``defeaters``: the accepted attackers (for ``out``);
    ``defence``: the defending arguments (for ``in``); ``undecided``: the undecided
    attackers (for ``undec``); ``accepted_in``/``extensions``: in how many of how many
    extensions it is.
    """

    argument: str
    semantics: Semantics
    label: Label
    attackers: tuple[str, ...]
    defeaters: tuple[str, ...] = ()
    defence: tuple[str, ...] = ()
    undecided: tuple[str, ...] = ()
    accepted_in: int = 0
    extensions: int = 1

    def text(self, labels: Mapping[str, str] | None = None) -> str:
        """The explanation in a sentence, arguments by their labels.

        >>> fw = Framework("abc", attacks=[("a", "b"), ("b", "c")])
        >>> explain(fw, "c").text()
        'c is in under grounded semantics: its attacker b is out, defeated by a.'
        """
        name = _namer(labels)
        head = f"{name(self.argument)} is {self.label} under {self.semantics} semantics"
        if self.label == "in":
            if not self.attackers:
                return f"{head}: nothing attacks it."
            which = "its attacker" if len(self.attackers) == 1 else "its attackers"
            verb = "is" if len(self.attackers) == 1 else "are"
            return (
                f"{head}: {which} {_listed(self.attackers, name)} {verb} out, defeated by "
                f"{_listed(self.defence, name)}."
            )
        if self.label == "out":
            one = len(self.defeaters) == 1
            verbs = "attacks it and stands" if one else "attack it and stand"
            return f"{head}: {_listed(self.defeaters, name)} {verbs}."
        if self.semantics != "grounded" and self.extensions:
            return f"{head}: it is accepted in {self.accepted_in} of {self.extensions} extensions."
        if self.semantics != "grounded":
            return f"{head}: there is no extension."
        verbs = (
            "attacks it and is itself"
            if len(self.undecided) == 1
            else ("attack it and are themselves")
        )
        return (
            f"{head}: {_listed(self.undecided, name)} {verbs} undecided (a cycle that no "
            "accepted argument breaks)."
        )

    def to_dict(self) -> dict[str, Any]:
        """The explanation as JSON-ready data."""
        return {
            "argument": self.argument,
            "semantics": self.semantics,
            "label": self.label,
            "attackers": list(self.attackers),
            "defeaters": list(self.defeaters),
            "defence": list(self.defence),
            "undecided": list(self.undecided),
            "accepted_in": self.accepted_in,
            "extensions": self.extensions,
        }


def explain(fw: Framework, argument: str, semantics: Semantics = "grounded") -> Explanation:
    """Why ``argument`` has its label under ``semantics``.

    >>> fw = Framework("abcd", attacks=[("a", "b"), ("b", "c"), ("d", "d")])
    >>> e = explain(fw, "c")
    >>> e.label, e.defence
    ('in', ('a',))
    >>> explain(fw, "b").defeaters
    ('a',)

    Raises:
        ValueError: ``argument`` is not in the framework, or the semantics is unknown.
    """
    if argument not in fw:
        raise ValueError(f"{argument!r} is not an argument of the framework")
    attackers = tuple(sorted(fw.attackers(argument), key=fw.index))
    if semantics == "grounded":
        return _grounded(fw, argument, attackers)
    status = labelling(fw, semantics)
    found = extensions(fw, semantics)
    label = status[argument]
    accepted = sum(argument in e for e in found)
    if label == "in":
        first = next(e for e in found if argument in e)
        return Explanation(
            argument,
            semantics,
            label,
            attackers,
            defence=_defence(fw, argument, first),
            accepted_in=accepted,
            extensions=len(found),
        )
    if label == "out":
        defeaters = tuple(a for a in attackers if any(a in e for e in found))
        return Explanation(
            argument,
            semantics,
            label,
            attackers,
            defeaters=defeaters,
            accepted_in=accepted,
            extensions=len(found),
        )
    return Explanation(
        argument, semantics, label, attackers, accepted_in=accepted, extensions=len(found)
    )


def _grounded(fw: Framework, argument: str, attackers: tuple[str, ...]) -> Explanation:
    rounds = _rounds(fw)
    status = labelling(fw)
    label = status[argument]
    if label == "out":
        defeaters = tuple(a for a in attackers if status[a] == "in")
        return Explanation(argument, "grounded", label, attackers, defeaters=defeaters)
    if label == "undec":
        undecided = tuple(a for a in attackers if status[a] == "undec")
        return Explanation(argument, "grounded", label, attackers, undecided=undecided)
    # Defend each attacker with an accepted attacker of it from an earlier round, and so
    # on down: the rounds make the defence well founded.
    defence: dict[str, None] = {}
    pending = [argument]
    while pending:
        a = pending.pop()
        for b in sorted(fw.attackers(a), key=fw.index):
            beaten_by = [c for c in fw.attackers(b) if status[c] == "in"]
            c = min(beaten_by, key=lambda x: (rounds[x], fw.index(x)))
            if c not in defence:
                defence[c] = None
                pending.append(c)
    members = tuple(sorted(defence, key=fw.index))
    return Explanation(argument, "grounded", label, attackers, defence=members)


def _rounds(fw: Framework) -> dict[str, int]:
    """The round in which the grounded labelling accepts each accepted argument.

    Round 0 holds the unattacked arguments; round k + 1 those whose attackers the first
    k + 1 rounds defeat. Linear in arguments and attacks, as the labelling itself.
    """
    targets, attackers = fw.attack_lists()
    pending = [len(hit) for hit in attackers]  # attackers not yet defeated, by attack
    out = [False] * len(pending)
    accepted: dict[int, int] = {}
    frontier = [i for i, k in enumerate(pending) if k == 0]
    round_ = 0
    while frontier:
        following: list[int] = []
        for i in frontier:
            accepted[i] = round_
        for i in frontier:
            for b in targets[i]:
                if out[b]:
                    continue
                out[b] = True
                for c in targets[b]:
                    pending[c] -= 1
                    if pending[c] == 0 and c not in accepted and not out[c]:
                        following.append(c)
        frontier = list(dict.fromkeys(following))
        round_ += 1
    return {fw.arguments[i]: r for i, r in accepted.items()}


def _defence(fw: Framework, argument: str, extension: frozenset[str]) -> tuple[str, ...]:
    """The members of ``extension`` that defend ``argument``, directly or in turn."""
    defence: dict[str, None] = {}
    pending = [argument]
    while pending:
        a = pending.pop()
        for b in fw.attackers(a):
            for c in sorted(fw.attackers(b) & extension, key=fw.index)[:1]:
                if c not in defence:
                    defence[c] = None
                    pending.append(c)
    return tuple(sorted(defence, key=fw.index))


def _namer(labels: Mapping[str, str] | None) -> Callable[[str], str]:
    if not labels:
        return str
    return lambda a: labels.get(a, a)


def _listed(names: tuple[str, ...], name: Callable[[str], str]) -> str:
    shown = [name(a) for a in names]
    if len(shown) < 2:
        return "".join(shown)
    return "; ".join(shown[:-1]) + " and " + shown[-1]
