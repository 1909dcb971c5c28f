"""Benchmark: preferred and stable extensions against clingo with ASPARTIX-style encodings.

Run: ``python -m bench.solver [--repeat 3] [--sizes 40 60 80 100 150 200]``.

Random frameworks of 40 to 200 arguments where each ordered pair of distinct arguments is
an attack with probability 4 / (n - 1), about 4 attackers an argument; two seeds a size.
For each, argmap's ``extensions(fw, "preferred")`` and ``extensions(fw, "stable")``
(from the argument and attack lists, the framework built inside the timing) against
clingo on the ASPARTIX encodings (Egly, Gaggl and Woltran 2010: guess, conflict-freeness,
defence; stable: every argument outside attacked; preferred: admissible sets made
subset-maximal by domain heuristics, ``--heuristic=Domain --enum-mode=domRec``), from
the same lists, the facts written and grounded inside the timing. The two take turns,
best of ``--repeat``, and must find the same extensions. Target: argmap within 3 x
clingo's time on each framework.

``--components`` also times what sets ``argmap.analysis.dung._BACKTRACK_BUDGET``: on
strongly connected frameworks of 8 to 48 arguments (a random cycle through all, then
random attacks up to three an argument), the Python search against clingo, preferred and
stable, median and slowest of ten seeds.
"""

from __future__ import annotations

import argparse
import functools
import random
import statistics
from importlib.metadata import version

import clingo

import argmap
from argmap.analysis.asp import Search, solve_labellings
from argmap.analysis.dung import _BACKTRACK_BUDGET, _BACKTRACK_LIMIT, _Backtrack
from bench._timing import best_of

_GUESS = """\
in(X) :- not out(X), arg(X).
out(X) :- not in(X), arg(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""
ASPARTIX = {
    "preferred": _GUESS
    + "not_defended(X) :- att(Y,X), not defeated(Y).\n"
    + ":- in(X), not_defended(X).\n"
    + "#heuristic in(X) : arg(X). [1,true]\n",
    "stable": _GUESS + ":- out(X), not defeated(X).\n",
}
OPTIONS = {"preferred": ["--heuristic=Domain", "--enum-mode=domRec"], "stable": []}

Attacks = list[tuple[str, str]]


def random_framework(n: int, *, seed: int) -> tuple[list[str], Attacks]:
    rng = random.Random(seed)
    names = [str(i) for i in range(1, n + 1)]
    p = 4 / (n - 1)
    return names, [(a, b) for a in names for b in names if a != b and rng.random() < p]


def aspartix(names: list[str], attacks: Attacks, semantics: str) -> set[frozenset[str]]:
    facts = "".join(f"arg({a}).\n" for a in names)
    facts += "".join(f"att({a},{b}).\n" for a, b in attacks)
    control = clingo.Control([*OPTIONS[semantics], "0", "--warn=none"])
    control.add("base", [], ASPARTIX[semantics] + "#show in/1.\n" + facts)
    control.ground([("base", [])])
    found = set()
    with control.solve(yield_=True) as handle:
        for model in handle:
            found.add(frozenset(str(s.arguments[0]) for s in model.symbols(shown=True)))
    return found


def ours(names: list[str], attacks: Attacks, semantics: str) -> set[frozenset[str]]:
    return set(argmap.extensions(argmap.Framework(names, attacks), semantics))  # type: ignore[arg-type]


def _backtrack(
    members: list[int], targets: list[list[int]], attackers: list[list[int]], search: Search
) -> object:
    return _Backtrack(members, set(), targets, attackers, search).run()


def components(repeat: int) -> None:
    print(
        "Python search (every labelling, no budget) against clingo by component size; "
        f"argmap tries {_BACKTRACK_BUDGET} labels in Python on components of up to "
        f"{_BACKTRACK_LIMIT} arguments, then hands them to clingo:"
    )
    for n in (8, 12, 16, 20, 24, 28, 32, 40, 48):
        python, asp = [], []
        for seed in range(10):
            rng = random.Random(100 * seed + n)
            order = list(range(n))
            rng.shuffle(order)
            attacks = {(order[i], order[(i + 1) % n]) for i in range(n)}
            while len(attacks) < 3 * n:
                a, b = rng.randrange(n), rng.randrange(n)
                if a != b:
                    attacks.add((a, b))
            targets: list[list[int]] = [[] for _ in range(n)]
            attackers: list[list[int]] = [[] for _ in range(n)]
            for a, b in attacks:
                targets[a].append(b)
                attackers[b].append(a)
            members = list(range(n))
            searches: tuple[Search, ...] = ("preferred", "stable")
            for search in searches:
                backtrack = functools.partial(_backtrack, members, targets, attackers, search)
                python.append(best_of(backtrack, repeat))
                solve = functools.partial(solve_labellings, members, attacks, (), search)
                asp.append(best_of(solve, repeat))
        print(
            f"  {n:2} arguments: Python median {statistics.median(python) * 1000:6.2f} ms, "
            f"slowest {max(python) * 1000:7.2f} ms | clingo median "
            f"{statistics.median(asp) * 1000:5.2f} ms, slowest {max(asp) * 1000:5.2f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of how many runs")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[40, 60, 80, 100, 150, 200], help="arguments"
    )
    parser.add_argument(
        "--components", action="store_true", help="also time the search by component size"
    )
    args = parser.parse_args()
    print(f"argmap {argmap.__version__}, clingo {version('clingo')}")
    if args.components:
        components(args.repeat)
    print(
        " size seed attacks | preferred: n  argmap  clingo  ratio"
        " | stable: n  argmap  clingo  ratio"
    )
    ratios: dict[str, list[float]] = {"preferred": [], "stable": []}
    for n in args.sizes:
        for seed in (1, 2):
            names, attacks = random_framework(n, seed=1000 * n + seed)
            row = f" {n:4} {seed:4} {len(attacks):7} |"
            for semantics in ("preferred", "stable"):
                expected = aspartix(names, attacks, semantics)
                assert ours(names, attacks, semantics) == expected, (n, seed, semantics)
                mine, theirs = [], []
                ours_ = functools.partial(ours, names, attacks, semantics)
                theirs_ = functools.partial(aspartix, names, attacks, semantics)
                for _ in range(args.repeat):  # take turns, so both meet the same load
                    mine.append(best_of(ours_, 1))
                    theirs.append(best_of(theirs_, 1))
                a, c = min(mine), min(theirs)
                ratios[semantics].append(a / c)
                row += f" {len(expected):3} {a * 1000:7.2f}ms {c * 1000:6.2f}ms {a / c:5.2f} |"
            print(row.rstrip("|"))
    for semantics, found in ratios.items():
        print(
            f"{semantics}: argmap / clingo median {statistics.median(found):.2f}, "
            f"largest {max(found):.2f} (target at most 3)"
        )


if __name__ == "__main__":
    main()
