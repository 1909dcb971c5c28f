"""Benchmark: argmap's share of rendering a diagram, next to Graphviz's own layout time.

For synthetic maps of 100, 1,000 and 5,000 nodes (about two relations a node) it times
``to_dot``, the whole ``render`` to SVG, and, as the baseline, Graphviz's ``dot -Tsvg``
alone on the DOT file ``render`` produced. argmap's share is everything but Graphviz:
``(to_dot + atomic write) / render``; the target is at most 10 % at 1,000 nodes.

Run: ``.venv/bin/python -m bench.render [--sizes 100 1000 5000] [--timeout 90]``
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import tempfile
from pathlib import Path

from argmap import RenderError, render, to_dot
from argmap._io import write_atomic
from argmap.diagrams.backend import dot_path
from bench._timing import best_of
from tests.support.synthetic import synthetic_map


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds per Graphviz run")
    args = parser.parse_args(argv)
    program = dot_path()
    if program is None:
        print("Graphviz's dot is not installed; only to_dot can be timed", file=sys.stderr)
    header = (
        f"{'nodes':>6} {'relations':>9} {'to_dot s':>9} {'us/node':>8} {'write s':>8} "
        f"{'render s':>9} {'dot -Tsvg s':>11} {'render/dot':>10} {'argmap share':>12}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            amap = synthetic_map(size)
            # The best of several runs: the machine is shared, and noise only adds time.
            repeat = 5 if size <= 1000 else 2
            build = best_of(functools.partial(to_dot, amap), max(repeat, 3))
            per_node = build / size * 1e6
            row = f"{size:>6} {len(amap.relations):>9} {build:>9.3f} {per_node:>8.1f}"
            if program is None:
                print(row)
                continue
            svg = Path(folder) / f"{amap.id}.svg"
            dot_file = Path(folder) / f"{amap.id}.dot"
            render(amap, dot_file)
            try:
                full = best_of(functools.partial(render, amap, svg, timeout=args.timeout), repeat)
            except RenderError as error:
                print(f"{row} {'-':>8} {'timeout':>9} {'-':>11} {'-':>10} {'-':>12}  ({error})")
                continue
            write = best_of(functools.partial(write_atomic, svg, svg.read_bytes()), repeat)
            command = [program, "-Tsvg", str(dot_file), "-o", str(Path(folder) / "alone.svg")]
            alone = best_of(
                functools.partial(subprocess.run, command, check=True, timeout=args.timeout),
                repeat,
            )
            # argmap's own work is building the DOT and writing the file; the rest of
            # render is Graphviz (its layout, and the pipe to it).
            share = (build + write) / full
            print(
                f"{row} {write:>8.3f} {full:>9.3f} {alone:>11.3f} {full / alone:>10.2f} "
                f"{share:>12.1%}"
            )
    print(
        "\nbaseline: Graphviz's `dot -Tsvg` alone on the same DOT file (render/dot is the "
        "ratio);\nargmap share = (to_dot + atomic write) / render; target <= 10% at 1,000 "
        "nodes.\nTimes are the best of several runs (one or two at 5,000 nodes)."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
