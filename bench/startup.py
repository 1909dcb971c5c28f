"""Benchmark: start-up time of ``argmap --help``, ``argmap check`` and ``import argmap``.

Run: ``python -m bench.startup [--repeat 20] [--against ../main]``. Each figure is the
median and the best wall time of a fresh interpreter (what a user waits for), next to
``python -c pass`` (the interpreter's own start-up) and the imports of the dependencies a
check needs, without argmap (click, PyYAML, bibtexparser, pydantic's ``BaseModel``). With
``--against`` the same commands run on another checkout of argmap in the same run,
interleaved, and the ratios are printed. For where the time goes:
``python -X importtime -c 'import argmap'``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import argmap

ROOT = Path(argmap.__file__).resolve().parent.parent
SEED = ROOT / "maps" / "shagina-2018-japan-sanctions.yaml"
#: What the ``argmap`` console script runs (``main`` in versions before ``run``).
CLI = "import sys, argmap.cli as cli; sys.argv[0] = 'argmap'; getattr(cli, 'run', cli.main)()"

CASES: dict[str, list[str]] = {
    "python -c pass": ["-c", "pass"],
    "the dependencies alone": [
        "-c",
        "import click, yaml, bibtexparser; from pydantic import BaseModel",
    ],
    "import argmap": ["-c", "import argmap"],
    "argmap --help": ["-c", CLI, "--help"],
    "argmap check <seed map>": ["-c", CLI, "check", str(SEED)],
}
TARGETS = {"import argmap": 0.10, "argmap --help": 0.10, "argmap check <seed map>": 0.20}


def run_once(args: list[str], source: Path, cache: Path) -> float:
    # Compiled modules go to a folder of our own: another checkout may be read-only, and
    # recompiling it on every start would not be its start-up time.
    env = {**os.environ, "PYTHONPATH": str(source), "PYTHONPYCACHEPREFIX": str(cache)}
    # Compiled modules are written, as on a user's machine, even where the environment
    # says not to (without them every start compiles every module again).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd="/",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--against", type=Path, help="another argmap checkout to compare")
    args = parser.parse_args()
    sources = [ROOT] + ([args.against.resolve()] if args.against else [])
    times: dict[tuple[str, Path], list[float]] = {}
    with tempfile.TemporaryDirectory() as cache:
        for source in sources:  # warm the caches of compiled modules
            for case in CASES.values():
                run_once(case, source, Path(cache))
        for _ in range(args.repeat):
            for name, case in CASES.items():
                for source in sources:
                    elapsed = run_once(case, source, Path(cache))
                    times.setdefault((name, source), []).append(elapsed)
    print(
        f"{'':26} {'median s':>9} {'best s':>8} {'target':>7}"
        + ("  vs against" * bool(args.against))
    )
    for name in CASES:
        ours = times[(name, ROOT)]
        line = f"{name:26} {statistics.median(ours):9.3f} {min(ours):8.3f}"
        line += f" {TARGETS[name]:7.2f}" if name in TARGETS else " " * 8
        if args.against:
            theirs = times[(name, sources[1])]
            line += (
                f"  {statistics.median(theirs):.3f} s median,"
                f" x{statistics.median(ours) / statistics.median(theirs):.2f}"
            )
        print(line)


if __name__ == "__main__":
    main()
