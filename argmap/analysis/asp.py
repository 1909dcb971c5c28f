"""Complete, preferred and stable labellings of a framework by answer-set programming (clingo).

The encodings are written after the ASPARTIX encodings (Egly, Gaggl and Woltran 2010;
preferred by domain heuristics, Dvořák, Gaggl, Wallner and Woltran 2013): guess a set of
arguments ``in``, forbid conflicts, and forbid members that are not defended; a complete
set also takes in every argument it defends, a stable set attacks every argument outside
it, and the preferred sets are the admissible ones that are subset-maximal, which clingo
enumerates directly when told to prefer ``in`` atoms (``--heuristic=Domain
--enum-mode=domRec``).

The solver is given a part of a framework, as :mod:`argmap.analysis.dung` splits one:
arguments by position, the attacks between them, and the *blocked* arguments, which an
undecided argument outside the part attacks (they may be ``out`` or ``undec``, never
``in``). A blocked argument is encoded as one whose defence always fails.

clingo is imported on first use: frameworks small enough for the search of
:mod:`argmap.analysis.dung` never load it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias

__all__ = ["Search", "solve_labellings"]

Search: TypeAlias = Literal["complete", "preferred", "stable"]

_IN, _OUT, _UNDEC = 1, 2, 3

_GUESS = """\
in(X) :- a(X), not out(X).
out(X) :- a(X), not in(X).
:- in(X), in(Y), r(X,Y).
beaten(X) :- in(Y), r(Y,X).
"""
_DEFENDED = """\
open(X) :- r(Y,X), not beaten(Y).
open(X) :- b(X).
:- in(X), open(X).
"""
_ENCODINGS: dict[Search, str] = {
    # Admissible, and every argument whose attackers are all beaten is in.
    "complete": _GUESS + _DEFENDED + ":- out(X), not open(X).\n",
    # Admissible; subset-maximality comes from the heuristic and the enumeration mode.
    "preferred": _GUESS + _DEFENDED + "#heuristic in(X) : a(X). [1,true]\n",
    # Every argument left out is beaten (blocked ones too: they can never be in).
    "stable": _GUESS + ":- in(X), b(X).\n:- out(X), not beaten(X).\n",
}
_OPTIONS: dict[Search, list[str]] = {
    "complete": [],
    "preferred": ["--heuristic=Domain", "--enum-mode=domRec"],
    "stable": [],
}


def _ignore(code: object, message: str) -> None:
    """Drop a message of clingo's."""


def solve_labellings(
    members: Sequence[int],
    attacks: Iterable[tuple[int, int]],
    blocked: Iterable[int],
    search: Search,
    *,
    require: Iterable[int] = (),
    exclude: Iterable[int] = (),
    limit: int = 0,
) -> list[dict[int, int]]:
    """The labellings of ``members`` under ``search``, as label codes by argument.

    Args:
        members: the arguments, by position in their framework.
        attacks: the attacks between members, as pairs of positions.
        blocked: members an undecided argument outside them attacks.
        search: ``complete``, ``preferred`` or ``stable``.
        require: members that must be ``in`` (for a credulous question).
        exclude: members that must not be ``in`` (for a skeptical one).
        limit: stop after this many labellings; 0 for all of them.

    Returns:
        One dict a labelling, from each member to 1 (in), 2 (out) or 3 (undec). With
        ``require`` or ``exclude`` and ``search="preferred"``, the labellings are the
        subset-maximal admissible ones *among those that meet the conditions*, which are
        not preferred in general: only whether there is one is meaningful.

    >>> solve_labellings([0, 1, 2], [(0, 1), (1, 0), (1, 2)], [], "preferred")
    [{0: 1, 1: 2, 2: 1}, {0: 2, 1: 1, 2: 2}]
    >>> solve_labellings([0, 1, 2], [(0, 1), (1, 2), (2, 0)], [], "stable")
    []
    """
    import clingo

    facts = [f"a({m})." for m in members]
    facts.extend(f"r({a},{b})." for a, b in attacks)
    facts.extend(f"b({m})." for m in blocked)
    facts.extend(f":- not in({m})." for m in require)
    facts.extend(f":- in({m})." for m in exclude)
    # clingo's warnings (such as domRec finding no atom left to prefer, when every
    # argument is blocked) say nothing about the answer: they are dropped, not printed.
    control = clingo.Control(
        [*_OPTIONS[search], str(limit), "--warn=none"], logger=_ignore, message_limit=0
    )
    control.add("base", [], _ENCODINGS[search] + "#show in/1.\n" + "\n".join(facts))
    control.ground([("base", [])])
    targets: dict[int, list[int]] = {m: [] for m in members}
    for a, b in attacks:
        targets[a].append(b)
    found: list[dict[int, int]] = []
    with control.solve(yield_=True) as handle:
        for model in handle:
            ins = {s.arguments[0].number for s in model.symbols(shown=True)}
            label = dict.fromkeys(members, _UNDEC)
            for a in ins:
                for b in targets[a]:
                    label[b] = _OUT
            for a in ins:
                label[a] = _IN
            found.append(label)
    found.sort(key=lambda lab: sorted(a for a, v in lab.items() if v == _IN))
    return found
