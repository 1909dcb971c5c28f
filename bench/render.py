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
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from argmap import ArgumentMap, RenderError, render, to_dot
from argmap._io import write_atomic
from argmap.diagrams.backend import dot_path
from argmap.model import Citation, Claim, Evidence, Factor, Node, Question, Relation, RelationKind
from bench._timing import best_of

WORDS = [
    "sanctions",
    "balance",
    "obligation",
    "interests",
    "dispute",
    "geopolitics",
    "solidarity",
    "strategy",
    "territory",
    "alliance",
    "economy",
    "security",
    "energy",
    "trade",
    "region",
    "policy",
    "government",
    "pressure",
]


#: How far apart (in node numbers) related nodes usually are in a synthetic map.
LOCAL = 25


def synthetic_map(size: int, *, seed: int = 7) -> ArgumentMap:
    """A valid map of ``size`` nodes and about two relations a node, the same every run."""
    rng = random.Random(seed)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18))).capitalize() + "."

    nodes: list[Node] = [Claim(id="n0", title="Thesis", text=sentence(), thesis=True)]
    relations: list[Relation] = []
    for i in range(1, size):
        cite = [Citation(key=f"source{i % 13}", locator=f"p. {i % 40 + 1}")]
        roll = rng.random()
        node: Node
        kind: RelationKind = "supports"
        if roll < 0.15:
            node = Factor(id=f"n{i}", text=sentence(), direction="push", cites=cite)
            kind = "pushes"
        elif roll < 0.3:
            node = Factor(id=f"n{i}", text=sentence(), direction="pull", cites=cite)
            kind = "pulls"
        elif roll < 0.45:
            node = Evidence(id=f"n{i}", title=f"Evidence {i}", text=sentence(), cites=cite)
        elif roll < 0.5:
            node = Question(id=f"n{i}", text=sentence())
            kind = "questions"
        else:
            node = Claim(id=f"n{i}", title=f"Claim {i}", text=sentence(), cites=cite)
        nodes.append(node)
        # A tree toward the thesis keeps the map connected and acyclic in its supports;
        # as in real maps, a node mostly relates to nodes of the same part of the argument.
        parent = rng.randrange(max(0, i - LOCAL), i)
        relations.append(Relation(id=f"r{i}", kind=kind, source=f"n{i}", target=f"n{parent}"))
    claims = [n.id for n in nodes if isinstance(n, Claim)]

    def before(i: int) -> str:
        """A claim shortly before node i: supports point backwards, so none is circular."""
        return rng.choice([c for c in claims if i - LOCAL <= int(c[1:]) < i] or ["n0"])

    for i in range(1, size):
        roll = rng.random()
        source = f"n{i}"
        if roll < 0.7 and isinstance(nodes[i], Claim | Evidence):
            target = before(i + LOCAL // 2)
            if target != source:
                relations.append(Relation(kind="attacks", source=source, target=target))
        elif roll < 0.85 and i > 3 and isinstance(nodes[i], Claim):
            relations.append(Relation(kind="undercuts", source=source, target=f"r{i - 1}"))
        elif isinstance(nodes[i], Claim | Evidence):
            other = f"n{rng.randrange(max(1, i - LOCAL), min(size, i + LOCAL))}"
            if other != source and isinstance(nodes[int(other[1:])], Claim | Evidence):
                relations.append(
                    Relation(
                        kind="supports",
                        source=[source, other],
                        target=before(min(i, int(other[1:]))),
                    )
                )
    return ArgumentMap(
        id=f"synthetic-{size}",
        title=f"Synthetic map of {size} nodes",
        nodes=nodes,
        relations=relations,
    )


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
