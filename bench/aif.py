"""Benchmark: AIF import (and round trip) with argmap against arguebuf 2.7.2.

Run: ``python -m bench.aif [--repeat 5] [--size 10000]``.

Inputs, the same for both libraries in the same run: every file of the microtexts corpus
(``../shared/corpora/microtexts-aif``, 110 files) and a synthetic AIFdb map of ``--size``
I-nodes that this script writes to a temporary folder: inferences (some linked, some with
named schemes and ``schemeID``), conflicts, undercuts, rephrases, and a dialogue layer
(an ``L`` and a ``YA`` node for every tenth I-node, with locutions).

arguebuf runs in its own environment, ``bench/.venv-arguebuf`` (created on first run
unless ``--no-setup``: ``python -m venv`` then ``pip install arguebuf==2.7.2``), in a
subprocess, timed there with the same best-of-N rule. Each library is timed as shipped
(argmap pauses the cyclic garbage collector while importing; arguebuf does not). The two
libraries take turns, task by task, so that both meet the same load on a shared machine.

Besides the times and their ratio, the script reports what a round trip (import, then
export to AIF) keeps: nodes, edges and locutions, and how many come back different from
the input (nodes compared by id on type, text and every other key; edges by id).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import argmap
from argmap.formats.aif import dump_aif, read_aif
from bench._timing import best_of, reading_recipe

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "microtexts-aif"
ARGUEBUF_ENV = ROOT / "bench" / ".venv-arguebuf"
ARGUEBUF_VERSION = "2.7.2"

#: Run with arguebuf's interpreter. Its first line on stdin names the inputs; then each
#: line is a task, run once, answered with its time in seconds, so that the two libraries
#: take turns and meet the same load on a shared machine.
ARGUEBUF_SERVER = r"""
import gc, json, sys, time
from importlib.metadata import version
from pathlib import Path

import arguebuf as ab

job = json.loads(sys.stdin.readline())
corpus, synthetic, out = job["corpus"], job["synthetic"], Path(job["out"])
tasks = {
    "corpus": lambda: [ab.load.file(f) for f in corpus],
    "synthetic": lambda: ab.load.file(synthetic),
    "corpus_round_trip": lambda: [ab.dump.aif(ab.load.file(f)) for f in corpus],
    "synthetic_round_trip": lambda: ab.dump.aif(ab.load.file(synthetic)),
}
print(version("arguebuf"), flush=True)
for line in sys.stdin:
    task = line.strip()
    if task == "dump":
        for i, name in enumerate([*corpus, synthetic]):
            (out / f"{i}.json").write_text(json.dumps(ab.dump.aif(ab.load.file(name))))
        print("done", flush=True)
        continue
    gc.collect()
    start = time.perf_counter()
    tasks[task]()
    print(time.perf_counter() - start, flush=True)
"""
#: How many times a task runs in each round: the corpus tasks are short, so more.
RUNS = {"corpus": 5, "synthetic": 1, "corpus_round_trip": 5, "synthetic_round_trip": 1}


def synthetic_aif(size: int, *, seed: int = 11) -> dict[str, Any]:
    """An AIFdb-style map of ``size`` I-nodes, valid and without support cycles."""
    rng = random.Random(seed)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    next_id = size + 1

    def new_id() -> str:
        nonlocal next_id
        next_id += 1
        return str(next_id)

    def stamp(i: int) -> str:
        return f"2024-01-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{(7 * i) % 60:02d}"

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": new_id(), "fromID": source, "toID": target, "formEdgeID": None})

    def scheme(kind: str, text: str, i: int, **extra: Any) -> str:
        node_id = new_id()
        nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": stamp(i)})
        nodes[-1].update(extra)
        return node_id

    for i in range(1, size + 1):
        text = f"Proposition {i}: a statement the analyst found in the text."
        nodes.append({"nodeID": str(i), "text": text, "type": "I", "timestamp": stamp(i)})
    inferences: list[str] = []
    for i in range(2, size + 1):
        target = str(rng.randrange(1, i))  # an earlier node: support stays acyclic
        match i % 8:
            case 0 | 1 | 2:
                ra = scheme("RA", "Default Inference", i)
                edge(str(i), ra)
                edge(ra, target)
                inferences.append(ra)
            case 3:
                ra = scheme(
                    "RA",
                    "Argument From Expert Opinion",
                    i,
                    scheme="Argument From Expert Opinion",
                    schemeID="25",
                )
                edge(str(i), ra)
                edge(str(i - 1), ra)  # a linked argument: two premises
                edge(ra, str(rng.randrange(1, i - 1)))
                inferences.append(ra)
            case 4 | 5:
                ca = scheme("CA", "Default Conflict", i, schemeID="71")
                edge(str(i), ca)
                edge(
                    ca, str(rng.choice([k for k in (rng.randrange(1, size + 1), i - 1) if k != i]))
                )
            case 6 if inferences:
                ca = scheme("CA", "Default Conflict", i)  # an undercut
                edge(str(i), ca)
                edge(ca, rng.choice(inferences))
            case _:
                ma = scheme("MA", "Default Rephrase", i)
                edge(str(i), ma)
                edge(ma, target)
        if i % 10 == 0:
            said = new_id()
            nodes.append(
                {"nodeID": said, "text": f"Speaker: {i}", "type": "L", "timestamp": stamp(i)}
            )
            anchor = scheme("YA", "Asserting", i)
            edge(said, anchor)
            edge(anchor, str(i))
            locutions.append({"nodeID": said, "personID": i % 7, "timestamp": stamp(i)})
    return {"nodes": nodes, "edges": edges, "locutions": locutions}


def ensure_arguebuf(*, setup: bool) -> Path:
    """The interpreter of arguebuf's environment, created when missing and allowed."""
    python = ARGUEBUF_ENV / "bin" / "python"
    if not python.exists():
        if not setup:
            sys.exit(f"arguebuf is not installed at {ARGUEBUF_ENV}; run without --no-setup")
        subprocess.run([sys.executable, "-m", "venv", str(ARGUEBUF_ENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"arguebuf=={ARGUEBUF_VERSION}"],
            check=True,
        )
    return python


def kept(original: dict[str, Any], written: dict[str, Any]) -> dict[str, int]:
    """What a round trip kept of one AIF document, and how much came back changed."""
    before = original.get("AIF", original)
    after = written.get("AIF", written)
    old_nodes = {str(n["nodeID"]): n for n in before["nodes"]}
    new_nodes = {str(n["nodeID"]): n for n in after["nodes"]}
    old_edges = {str(e["edgeID"]): e for e in before["edges"]}
    new_edges = {str(e.get("edgeID")): e for e in after["edges"]}
    return {
        "nodes": len(after["nodes"]),
        "edges": len(after["edges"]),
        "locutions": len(after.get("locutions", [])),
        "nodes changed or lost": sum(
            1 for k, n in old_nodes.items() if _plain(new_nodes.get(k)) != _plain(n)
        ),
        "edges changed or lost": sum(
            1 for k, e in old_edges.items() if _plain(new_edges.get(k)) != _plain(e)
        ),
        "scheme names changed": sum(
            1
            for k, n in old_nodes.items()
            if n["type"] != "I"
            and (new_nodes.get(k) or {}).get("text") != n["text"]
            and k in new_nodes
        ),
    }


def _plain(item: dict[str, Any] | None) -> Any:
    """An AIF node or edge with ids as strings (both libraries may write either)."""
    if item is None:
        return None
    ids = ("nodeID", "edgeID", "fromID", "toID")
    return {k: str(v) if k in ids else v for k, v in item.items() if k != "argmap"}


def total(rows: Sequence[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in rows:
        for key, value in row.items():
            out[key] = out.get(key, 0) + value
    return out


def _recipe(task: Callable[[], object]) -> Callable[[], object]:
    """``task`` run with the garbage-collector recipe of ``docs/performance.md``."""

    def run() -> object:
        with reading_recipe():
            return task()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--size", type=int, default=10000, help="I-nodes of the synthetic map")
    parser.add_argument("--no-setup", action="store_true", help="do not create arguebuf's venv")
    args = parser.parse_args()

    corpus = sorted(CORPUS.glob("*.json"))
    if not corpus:
        sys.exit(f"no AIF files in {CORPUS}")
    python = ensure_arguebuf(setup=not args.no_setup)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        synthetic = folder / "synthetic.json"
        synthetic.write_text(json.dumps(synthetic_aif(args.size)), encoding="utf-8")
        inputs = [*corpus, synthetic]
        (folder / "arguebuf").mkdir()

        # argmap runs with the collector recipe for big inputs, as a script would.
        ours_tasks: dict[str, Callable[[], object]] = {
            "corpus": _recipe(lambda: [read_aif(f) for f in corpus]),
            "synthetic": _recipe(lambda: read_aif(synthetic)),
            "corpus_round_trip": _recipe(lambda: [dump_aif(read_aif(f)) for f in corpus]),
            "synthetic_round_trip": _recipe(lambda: dump_aif(read_aif(synthetic))),
        }
        job = {
            "corpus": [str(f) for f in corpus],
            "synthetic": str(synthetic),
            "out": str(folder / "arguebuf"),
        }
        server = subprocess.Popen(
            [str(python), "-c", ARGUEBUF_SERVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        assert server.stdin is not None and server.stdout is not None

        def ask(task: str) -> str:
            assert server.stdin is not None and server.stdout is not None
            server.stdin.write(task + "\n")
            server.stdin.flush()
            return server.stdout.readline().strip()

        server.stdin.write(json.dumps(job) + "\n")
        server.stdin.flush()
        version = server.stdout.readline().strip()
        ours = dict.fromkeys(ours_tasks, float("inf"))
        theirs = dict.fromkeys(ours_tasks, float("inf"))
        for _ in range(args.repeat):
            for key, task in ours_tasks.items():
                for _ in range(RUNS[key]):
                    ours[key] = min(ours[key], best_of(task, 1))
                    theirs[key] = min(theirs[key], float(ask(key)))
        ask("dump")
        server.stdin.close()
        server.wait()

        originals = [json.loads(p.read_text(encoding="utf-8")) for p in inputs]
        ours_out = [json.loads(dump_aif(read_aif(p))) for p in inputs]
        theirs_out = [
            json.loads((folder / "arguebuf" / f"{i}.json").read_text(encoding="utf-8"))
            for i in range(len(inputs))
        ]

    n = len(corpus)
    runs = ", ".join(f"{k} {v * args.repeat}" for k, v in RUNS.items())
    print(f"argmap {argmap.__version__} vs arguebuf {version}, taking turns; best of: {runs}")
    print()
    print(f"{'import (seconds)':<38}{'argmap':>10}{'arguebuf':>10}{'ratio':>8}")
    for key, label in (
        ("corpus", f"microtexts, {n} files"),
        ("synthetic", f"synthetic, {args.size} I-nodes"),
        ("corpus_round_trip", f"microtexts, {n} files, + export"),
        ("synthetic_round_trip", f"synthetic, {args.size} I-nodes, + export"),
    ):
        ratio = theirs[key] / ours[key]
        print(f"{label:<38}{ours[key]:>10.4f}{theirs[key]:>10.4f}{ratio:>7.1f}x")

    for label, part in (("microtexts", slice(0, n)), ("synthetic", slice(n, n + 1))):
        source = originals[part]
        before = total([kept(o, o) for o in source])
        after_ours = total([kept(o, w) for o, w in zip(source, ours_out[part], strict=True)])
        after_theirs = total([kept(o, w) for o, w in zip(source, theirs_out[part], strict=True)])
        print()
        print(f"{f'round trip, {label}':<38}{'input':>10}{'argmap':>10}{'arguebuf':>10}")
        for key in before:
            print(f"{key:<38}{before[key]:>10}{after_ours[key]:>10}{after_theirs[key]:>10}")


if __name__ == "__main__":
    main()
