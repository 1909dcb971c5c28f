"""Benchmark: read_map (with its check) + to_networkx against the floor (YAML parse + graph).

Run: ``python -m bench.map_io [--sizes 1000 100000] [--repeat 3] [--against ../main]``.
Maps are generated with about two relations per node (supports, attacks, pushes, pulls, a
linked argument every tenth node, an undercut every twentieth), written to a temporary
folder, then timed.
The floor parses the same file with PyYAML's fastest safe loader (libyaml) and builds a
networkx graph of the nodes and relations with no attributes.

Each argmap figure is measured in a fresh process (so that one size's garbage does not
slow the next): the best time of read_map (which checks) + to_networkx, and the peak resident
memory of a process that imports argmap and reads the map (``VmHWM``). With
``--against`` the same is measured for another checkout of argmap (its source folder),
in the same run, and the ratios are printed.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

import argmap
from argmap.model import ArgumentMap, Claim, Evidence, Factor, Question, Relation


def synthetic_map(size: int, *, seed: int = 7) -> ArgumentMap:
    """A valid map of ``size`` nodes and about ``2 * size`` relations, with no support cycle."""
    rng = random.Random(seed)
    cite = [argmap.Citation(key="shagina2018dilemma", locator="p. 1")]
    nodes: list[Any] = [Claim(id="n0", text="The thesis.", thesis=True, cites=cite)]
    relations: list[Relation] = []
    for i in range(1, size):
        node_id = f"n{i}"
        text = f"Statement number {i}, paraphrased from the source text."
        match i % 5:
            case 0:
                nodes.append(Evidence(id=node_id, text=text, cites=cite, tags=["evidence"]))
            case 1:
                nodes.append(Factor(id=node_id, text=text, direction="push", weight=0.5))
            case 2:
                nodes.append(Factor(id=node_id, text=text, direction="pull", weight=0.25))
            case 3:
                nodes.append(Question(id=node_id, text=text))
            case _:
                nodes.append(Claim(id=node_id, text=text, cites=cite))
    kinds = {"evidence": "supports", "claim": "supports", "question": "questions"}
    for i in range(1, size):
        node = nodes[i]
        target = f"n{rng.randrange(0, i)}"  # always an earlier node: supports stay acyclic
        if isinstance(node, Factor):
            kind = "pushes" if node.direction == "push" else "pulls"
        else:
            kind = kinds[node.kind]
        relations.append(Relation(id=f"r{i}", kind=kind, source=node.id, target=target))  # type: ignore[arg-type]
        other = f"n{rng.randrange(0, size)}"
        if other != node.id:
            relations.append(Relation(kind="attacks", source=node.id, target=other))
        if i % 10 == 0 and i > 2:
            relations.append(
                Relation(
                    kind="supports",
                    source=[f"n{i - 1}", f"n{i - 2}"],
                    target=f"n{rng.randrange(0, i - 2)}",
                )
            )
        if i % 20 == 0 and isinstance(node, Claim | Evidence):
            relations.append(Relation(kind="undercuts", source=node.id, target=f"r{i - 1}"))
    data = {"id": f"synthetic-{size}", "title": f"Synthetic map of {size} nodes"}
    return ArgumentMap.model_validate({**data, "nodes": nodes, "relations": relations})


def floor(path: Path) -> nx.DiGraph:
    """Parse with PyYAML's libyaml safe loader, then build a bare graph."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from(n["id"] for n in data["nodes"])
    for r in data["relations"]:
        sources = r["from"] if isinstance(r["from"], list) else [r["from"]]
        graph.add_edges_from((s, r["to"]) for s in sources)
    return graph


def floor_without_gc(path: Path) -> nx.DiGraph:
    """The floor with the cyclic garbage collector paused, as argmap's reader does."""
    gc.disable()
    try:
        return floor(path)
    finally:
        gc.enable()


def full(path: Path) -> nx.DiGraph:
    """What a user runs: read the file (validated and checked: errors raise, warnings are
    gathered), build the graph; with the garbage-collector recipe for large maps that
    ``docs/performance.md`` gives."""
    # The recipe of bench._timing.reading_recipe, written out: this runs in a process whose
    # argmap (and bench) may be another checkout's.
    gc.unfreeze()
    gc.disable()
    try:
        warnings: list[argmap.Issue] = []
        amap = argmap.read_map(path, warnings=warnings)
        return argmap.to_networkx(amap)
    finally:
        gc.freeze()
        gc.enable()


def worker(path: Path, repeat: int) -> None:
    """In a fresh process: the best time of :func:`full`, then the peak memory of a read."""
    seconds = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        full(path)
        seconds = min(seconds, time.perf_counter() - start)
    print(json.dumps({"seconds": seconds, "peak": own_peak()}))


def own_peak() -> int:
    """This process's peak resident memory, in bytes.

    Linux keeps in ``ru_maxrss`` the peak of the process that started this one (the
    benchmark, holding its generated maps) as it was before ``exec``; ``VmHWM`` counts
    this program's memory alone.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:  # noqa: PTH123
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def measure(path: Path, repeat: int, source: Path | None = None) -> dict[str, float]:
    """Run :func:`worker` in a new interpreter, on this argmap or the one in ``source``."""
    # Run as a script from the map's folder, so that the argmap imported is the one on
    # PYTHONPATH, not the current folder's.
    root = Path(argmap.__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str((source or root).resolve())}
    script = Path(__file__).resolve()
    out = subprocess.run(
        [sys.executable, str(script), "--worker", str(path), "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=path.parent,
    ).stdout
    result: dict[str, float] = json.loads(out.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another argmap checkout to compare")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        worker(args.worker, args.repeat)
        return
    from bench._timing import best_of

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"synthetic-{size}.yaml"
            amap = synthetic_map(size)
            argmap.write_map(amap, path)
            del amap
            repeat = args.repeat if size <= 10000 else 1
            plain = best_of(functools.partial(floor, path), repeat)
            fast = best_of(functools.partial(floor_without_gc, path), repeat)
            ours = measure(path, repeat)
            theirs = measure(path, repeat, args.against) if args.against else None
            rows.append((size, plain, fast, ours, theirs))
    print("floor: PyYAML (libyaml) load + bare networkx graph; floor-nogc: the same, GC paused")
    print("argmap: read_map (parse, validate, check) + check + to_networkx, in a fresh process")
    header = ("nodes", "floor s", "nogc s", "argmap s", "us/node", "x nogc", "peak MiB")
    print("{:>7} {:>8} {:>8} {:>9} {:>8} {:>7} {:>9}".format(*header))
    for size, plain, fast, ours, _ in rows:
        cells = (size, plain, fast, ours["seconds"], ours["seconds"] / size * 1e6,
                 ours["seconds"] / fast, ours["peak"] / 2**20)  # fmt: skip
        print("{:>7} {:>8.3f} {:>8.3f} {:>9.3f} {:>8.0f} {:>7.2f} {:>9.0f}".format(*cells))
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        per_small = small[3]["seconds"] / small[0]
        per_large = large[3]["seconds"] / large[0]
        print(
            f"per node at {large[0]} vs {small[0]} nodes: {per_large * 1e6:.0f} vs "
            f"{per_small * 1e6:.0f} us, x{per_large / per_small:.2f}"
        )
    if args.against:
        print(f"against {args.against}:")
        for size, _, _, ours, theirs in rows:
            assert theirs is not None
            print(
                f"{size:>7} nodes: time {ours['seconds']:.3f} vs {theirs['seconds']:.3f} s "
                f"(x{ours['seconds'] / theirs['seconds']:.2f}), peak "
                f"{ours['peak'] / 2**20:.0f} vs {theirs['peak'] / 2**20:.0f} MiB "
                f"(x{ours['peak'] / theirs['peak']:.2f})"
            )


if __name__ == "__main__":
    main()
