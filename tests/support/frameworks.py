"""Dung frameworks the analysis tests share, and an oracle for them written apart from argmap.

The oracle is answer-set programming (clingo) with encodings that follow the published
ASPARTIX encodings' logic: guess a set, forbid conflicts, forbid undefended members;
complete adds "every defended argument is in", stable "every argument out is attacked".
Maximality (preferred), range maximality (semi-stable) and the ideal set are then picked
from clingo's answer sets by set logic.
"""

from __future__ import annotations

import json
import random

import clingo

from argmap import Framework

Extensions = set[frozenset[str]]

_CORE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X, Y).
defeated(X) :- in(Y), att(Y, X).
undefended(X) :- att(Y, X), not defeated(Y).
"""
#: The ASP encodings whose answer sets are a framework's admissible, complete and stable sets.
ADMISSIBLE = _CORE + ":- in(X), undefended(X).\n"
COMPLETE = ADMISSIBLE + ":- out(X), not undefended(X).\n"
STABLE = _CORE + ":- out(X), not defeated(X).\n"


def _random_framework(rng: random.Random, n: int) -> Framework:
    """A random framework; self-attacks and odd cycles come up often at these densities."""
    names = [f"a{i}" for i in range(n)]
    density = rng.choice([0.1, 0.15, 0.2, 0.3, 0.45])
    attacks = [(a, b) for a in names for b in names if rng.random() < density]
    if n >= 3 and rng.random() < 0.4:  # make sure of an odd cycle now and then
        a, b, c = rng.sample(names, 3)
        attacks += [(a, b), (b, c), (c, a)]
    return Framework(names, attacks)


#: 300 random frameworks of 1 to 10 arguments, the same every run.
FRAMEWORKS = [_random_framework(random.Random(seed), 1 + seed % 10) for seed in range(300)]


def answer_sets(fw: Framework, program: str) -> Extensions:
    """The sets of arguments ``in`` in the answer sets of ``program`` over ``fw``."""
    # Quoted, any argument name is an ASP string constant.
    facts = "".join(f"arg({json.dumps(a)}).\n" for a in fw.arguments)
    facts += "".join(f"att({json.dumps(a)},{json.dumps(b)}).\n" for a, b in fw.attacks)
    control = clingo.Control(["0", "--warn=none"])
    control.add("base", [], program + facts)
    control.ground([("base", [])])
    found: Extensions = set()
    with control.solve(yield_=True) as handle:
        for model in handle:
            found.add(
                frozenset(
                    s.arguments[0].string for s in model.symbols(shown=True) if s.name == "in"
                )
            )
    return found


def extension_range(fw: Framework, members: frozenset[str]) -> frozenset[str]:
    """The members and every argument they attack."""
    return members | {b for a, b in fw.attacks if a in members}


def asp_extensions(fw: Framework) -> dict[str, Extensions]:
    """Every semantics of ``fw`` from clingo's answer sets."""
    complete = answer_sets(fw, COMPLETE)
    admissible = answer_sets(fw, ADMISSIBLE)
    preferred = {e for e in complete if not any(e < o for o in complete)}
    common = frozenset.intersection(*preferred)
    ideal = max((e for e in admissible if e <= common), key=len)
    ranges = {e: extension_range(fw, e) for e in complete}
    return {
        "grounded": {frozenset.intersection(*complete)},
        "complete": complete,
        "preferred": preferred,
        "stable": answer_sets(fw, STABLE),
        "semi-stable": {e for e in complete if not any(ranges[e] < ranges[o] for o in complete)},
        "ideal": {ideal},
    }
