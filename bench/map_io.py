"""Benchmark: read_map + check + to_networkx against the floor (YAML parse + bare graph).

Run: ``python -m bench.map_io [--sizes 1000 10000] [--repeat 3]``. Maps are generated with
about two relations per node (supports, attacks, pushes, pulls, a linked argument every
tenth node, an undercut every twentieth), written to a temporary folder, then timed.
The floor parses the same file with PyYAML's fastest safe loader (libyaml) and builds a
networkx graph of the nodes and relations with no attributes.
"""

from __future__ import annotations

import argparse
import gc
import random
import tempfile
import time
from collections.abc import Callable
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
    return ArgumentMap.model_validate(
        {**data, "nodes": nodes, "relations": relations}, context={"argmap_defer_checks": True}
    )


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
    """What a user runs: read and validate the file, check it, build the graph."""
    amap = argmap.read_map(path)
    issues = argmap.check(amap)
    assert not [i for i in issues if i.is_error]
    return argmap.to_networkx(amap)


def best_of(func: Callable[[Path], object], path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        func(path)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"synthetic-{size}.yaml"
            amap = synthetic_map(size)
            argmap.write_map(amap, path)
            plain = best_of(floor, path, args.repeat)
            fast = best_of(floor_without_gc, path, args.repeat)
            ours = best_of(full, path, args.repeat)
            rows.append((size, len(amap.relations), plain, fast, ours))
    print("floor: PyYAML (libyaml) load + bare networkx graph; floor-nogc: the same, GC paused")
    print("argmap: read_map (parse, validate, check) + check + to_networkx")
    header = ("nodes", "relations", "floor s", "floor-nogc s", "argmap s", "x floor", "x nogc")
    print("{:>7} {:>9} {:>8} {:>12} {:>8} {:>8} {:>7}".format(*header))
    for size, relations, plain, fast, ours in rows:
        cells = (size, relations, plain, fast, ours, ours / plain, ours / fast)
        print("{:>7} {:>9} {:>8.3f} {:>12.3f} {:>8.3f} {:>8.2f} {:>7.2f}".format(*cells))
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        growth = large[4] / small[4]
        print(
            f"growth {small[0]} -> {large[0]} nodes (x{large[0] / small[0]:.0f}): "
            f"argmap time x{growth:.1f}, {small[4] / small[0] * 1e6:.0f} -> "
            f"{large[4] / large[0] * 1e6:.0f} us per node"
        )


if __name__ == "__main__":
    main()
