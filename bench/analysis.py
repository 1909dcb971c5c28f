"""Benchmark: Dung semantics with argmap against formal-argumentation 0.3.0, in one run.

Run: ``python -m bench.analysis [--repeat 3]``.

1. Grounded on an ICCMA'23 (i23) file of 100,000 arguments and 200,000 random attacks,
   reading the file included: ``argmap.formats.iccma.read_af`` then ``extensions(fw, "grounded")``
   against formal-argumentation's ``parse_af`` then ``grounded_extension``. The two take
   turns, best of ``--repeat``, and must find the same extension. Target: argmap at most
   0.3 x formal-argumentation's time.
2. Preferred on random frameworks of 10,000 arguments and 20,000 attacks (three seeds):
   argmap's time for each (target: under 2 s). formal-argumentation enumerates complete
   labellings exactly and gives up past 65,536 candidates (about 16 arguments), after
   minutes at this size, so it is not run here.
3. Preferred on small frameworks (two attacks per argument): 15 arguments, about the
   largest formal-argumentation accepts, both libraries on the same frameworks (ratio);
   25 arguments, formal-argumentation's refusal and argmap's time per framework.

formal-argumentation is a test dependency of argmap (the ``dev`` extra), so both run in
this interpreter; py_arg 2.0.2 is not on the package index this machine reaches.
"""

from __future__ import annotations

import argparse
import functools
import random
import statistics
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from argumentation.core import dung as fa
from argumentation.core.labelling import ExactEnumerationExceeded
from argumentation.interop.iccma import parse_af as fa_parse_af

import argmap
from argmap.formats.iccma import read_af
from bench._timing import best_of


def write_i23(path: Path, n: int, m: int, *, seed: int) -> None:
    rng = random.Random(seed)
    lines = [f"p af {n}", "# random attacks, self-attacks allowed"]
    lines.extend(f"{rng.randint(1, n)} {rng.randint(1, n)}" for _ in range(m))
    path.write_text("\n".join(lines) + "\n")


def random_framework(n: int, m: int, *, seed: int) -> argmap.Framework:
    rng = random.Random(seed)
    names = [str(i) for i in range(1, n + 1)]
    return argmap.Framework(names, [(rng.choice(names), rng.choice(names)) for _ in range(m)])


def theirs(fw: argmap.Framework) -> fa.ArgumentationFramework:
    return fa.ArgumentationFramework(arguments=frozenset(fw.arguments), defeats=fw.attacks)


def grounded(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random-100000.af"
        write_i23(path, 100_000, 200_000, seed=23)

        def ours() -> frozenset[str]:
            return argmap.extensions(read_af(path), "grounded")[0]

        def peer() -> frozenset[str]:
            return fa.grounded_extension(fa_parse_af(path.read_text()))

        assert ours() == peer(), "the two libraries disagree on the grounded extension"
        times: dict[str, list[float]] = {"argmap": [], "formal-argumentation": []}
        for _ in range(repeat):  # take turns, so both meet the same load
            times["argmap"].append(best_of(ours, 1))
            times["formal-argumentation"].append(best_of(peer, 1))
        a, f = min(times["argmap"]), min(times["formal-argumentation"])
        size = len(ours())
        print(f"1. grounded, 100,000 arguments, 200,000 attacks, parse included ({size} in):")
        print(f"   argmap {a:.3f} s, formal-argumentation {f:.3f} s: ratio {a / f:.2f}")


def preferred_large(repeat: int) -> None:
    print("2. preferred, 10,000 arguments, 20,000 random attacks:")
    for seed in (1, 2, 3):
        fw = random_framework(10_000, 20_000, seed=seed)
        count = len(argmap.extensions(fw, "preferred"))
        t = best_of(functools.partial(argmap.extensions, fw, "preferred"), repeat)
        print(f"   seed {seed}: argmap {t:.3f} s ({count} preferred extensions)")


def preferred_small(repeat: int) -> None:
    frameworks = [random_framework(15, 30, seed=seed) for seed in range(5)]
    start = time.perf_counter()
    expected = [set(fa.preferred_extensions(theirs(fw))) for fw in frameworks]
    f = (time.perf_counter() - start) / len(frameworks)
    for fw, found in zip(frameworks, expected, strict=True):
        assert set(argmap.extensions(fw, "preferred")) == found, "the libraries disagree"

    def ours() -> None:
        for fw in frameworks:
            argmap.extensions(fw, "preferred")

    a = best_of(ours, repeat) / len(frameworks)
    print("3. preferred on small frameworks (two attacks per argument):")
    print(
        f"   15 arguments: argmap {a * 1000:.2f} ms, formal-argumentation {f * 1000:.0f} ms "
        f"per framework: {f / a:.0f} x faster"
    )
    try:
        fa.preferred_extensions(theirs(random_framework(25, 50, seed=0)))
        print("   25 arguments: formal-argumentation finished")
    except ExactEnumerationExceeded as exc:
        print(f"   25 arguments: formal-argumentation refuses: {exc}")
    larger = [random_framework(25, 50, seed=seed) for seed in range(100)]
    per = best_of(lambda: [argmap.extensions(fw, "preferred") for fw in larger], repeat)
    times = [best_of(functools.partial(argmap.extensions, fw, "preferred"), 3) for fw in larger]
    print(
        f"   25 arguments: argmap {per / len(larger) * 1000:.2f} ms per framework "
        f"(median {statistics.median(times) * 1000:.2f} ms, slowest {max(times) * 1000:.2f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of how many runs")
    args = parser.parse_args()
    print(f"argmap {argmap.__version__}, formal-argumentation {version('formal-argumentation')}")
    grounded(args.repeat)
    preferred_large(args.repeat)
    preferred_small(args.repeat)


if __name__ == "__main__":
    main()
