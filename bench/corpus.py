"""Benchmark: reading a corpus (read, check, resolve) with argmap against arguebuf 2.7.2.

Run: ``python -m bench.corpus [--sizes 100 300 1000] [--repeat 3] [--phases]``.

For each size N the script generates N maps of 40 nodes and about 45 relations each, with
two cross-map references a map (2,000 for 1,000 maps): each map supports a claim of an
earlier map and attacks a claim of another, and lists both in ``uses``. It writes them to a
temporary folder as map files, once as JSON and once as YAML, and, from the same corpus,
as one AIF nodeset a map (:func:`argmap.workspace.aif.write_corpus_aif`: shared I-nodes keep
one id). Then it times:

- argmap: ``argmap.read_maps(folder)`` on the JSON and on the YAML folder, with the
  garbage-collector recipe for large corpora (``docs/performance.md``, "Reading big
  corpora from Python"): every file parsed, validated and checked, every reference
  resolved (unknown maps and nodes, pins, kinds) and support cycles across maps looked
  for;
- PyYAML: ``yaml.load(text, Loader=yaml.CSafeLoader)`` for every YAML file, merely loading
  them (the bar for reading YAML map files: argmap's whole reading within its time);
- arguebuf: ``arguebuf.load.file(f)`` for every AIF file of the folder, in arguebuf's own
  environment (``bench/.venv-arguebuf``, set up by ``bench/aif.py`` on first run), in a
  subprocess, timed there.

The two take turns, size by size and round by round, so that both meet the same load on a
shared machine; each time is the best of ``--repeat`` rounds. The script prints the times,
their ratio, and argmap's time per map at each size (linear reading keeps it flat).
``--phases`` adds the CPU time of each step (read the files, parse, validate, check,
resolve) at the largest size, for each format.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import random
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

import argmap
from argmap.model import ArgumentMap, Citation, Claim, Evidence, Factor, Relation
from argmap.workspace.aif import write_corpus_aif
from bench._timing import reading_recipe
from bench.aif import ensure_arguebuf

NODES = 40
FORMATS = ("json", "yaml")

ARGUEBUF_SERVER = r"""
import gc, json, sys, time
from collections.abc import Iterator
from pathlib import Path

import arguebuf as ab

print("ready", flush=True)
for line in sys.stdin:
    folder = Path(line.strip())
    files = sorted(folder.glob("*.json"))
    gc.collect()
    start = time.perf_counter()
    graphs = [ab.load.file(f) for f in files]
    print(time.perf_counter() - start, flush=True)
"""


def synthetic_map(index: int, count: int, rng: random.Random) -> ArgumentMap:
    """Map ``index`` of ``count``: 40 nodes, two references to earlier (or other) maps."""
    cite = [Citation(key="shagina2018dilemma", locator="p. 1")]
    prefix = f"m{index}"
    nodes: list[Any] = [Claim(id=f"{prefix}-n0", text=f"Thesis of map {index}.", thesis=True)]
    for k in range(1, NODES):
        node_id = f"{prefix}-n{k}"
        text = f"Statement {k} of map {index}, paraphrased from its source."
        match k % 4:
            case 0:
                nodes.append(Evidence(id=node_id, text=text, cites=cite))
            case 1:
                nodes.append(Factor(id=node_id, text=text, direction="push", weight=0.5))
            case _:
                nodes.append(Claim(id=node_id, text=text, cites=cite))
    relations: list[Relation] = []
    for k in range(1, NODES):
        source = nodes[k]
        kind = "pushes" if isinstance(source, Factor) else "supports"
        target = f"{prefix}-n{rng.randrange(0, k)}"
        relations.append(Relation(id=f"{prefix}-r{k}", kind=kind, source=source.id, target=target))  # type: ignore[arg-type]
    for k in range(2, NODES, 8):
        relations.append(
            Relation(kind="attacks", source=f"{prefix}-n{k}", target=f"{prefix}-n{k - 1}")
        )
    uses: list[str] = []
    if count > 1:
        # Support goes to an earlier map only, so that no support cycle runs through maps.
        earlier = rng.randrange(0, index) if index else 1
        other = rng.choice(
            [j for j in (rng.randrange(0, count), (index + 1) % count) if j != index]
        )
        for kind, j in (("supports" if index else "attacks", earlier), ("attacks", other)):
            target = f"m{j}#m{j}-n{2 + 4 * rng.randrange(0, NODES // 4 - 1)}"
            relations.append(Relation(kind=kind, source=f"{prefix}-n2", target=target))  # type: ignore[arg-type]
            name = f"m{j}.yaml"
            if name not in uses:
                uses.append(name)
    return ArgumentMap(id=prefix, title=f"Map {index}", uses=uses, nodes=nodes, relations=relations)


def write_corpus(count: int, folder: Path, *, seed: int = 5) -> tuple[dict[str, Path], int]:
    """Write ``count`` maps as JSON, YAML and AIF; return the folders and the references."""
    rng = random.Random(seed)
    folders = {name: folder / name for name in ("json", "yaml", "aif")}
    folders["json"].mkdir(parents=True)
    folders["yaml"].mkdir(parents=True)
    for i in range(count):
        amap = synthetic_map(i, count, rng)
        argmap.write_map(amap, folders["yaml"] / f"m{i}.yaml")
        as_json = amap.model_copy(update={"uses": [u[:-5] + ".json" for u in amap.uses]})
        argmap.write_map(as_json, folders["json"] / f"m{i}.json")
    corpus = argmap.read_maps(folders["yaml"])
    assert corpus.errors == [], corpus.errors[:3]
    write_corpus_aif(corpus, folders["aif"])
    return folders, len(corpus.references)


def time_argmap(folder: Path) -> float:
    gc.unfreeze()
    gc.collect()
    with reading_recipe():
        start = time.perf_counter()
        corpus = argmap.read_maps(folder)
        elapsed = time.perf_counter() - start
    assert corpus.is_valid and all(r.target is not None for r in corpus.references)
    return elapsed


def time_csafeloader(folder: Path) -> float:
    """PyYAML's C loader merely loading the same files (read and parsed, nothing else)."""
    files = sorted(folder.glob("*.yaml"))
    gc.unfreeze()
    gc.collect()
    with reading_recipe():
        start = time.perf_counter()
        for f in files:
            yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        return time.perf_counter() - start


def phases(folder: Path, suffix: str, repeat: int) -> dict[str, float]:
    """CPU seconds of each step of reading one folder of maps, the best of ``repeat``."""
    from argmap.checks import map_issues
    from argmap.formats._pipeline import validate
    from argmap.formats._syntax import load_plain
    from argmap.workspace.reading import resolve

    files = sorted(folder.glob(f"*.{suffix}"))
    syntax = "json" if suffix == "json" else "yaml"
    best: dict[str, float] = {}

    @contextlib.contextmanager
    def step(name: str) -> Iterator[None]:
        gc.unfreeze()
        gc.collect()
        start = time.process_time()
        with reading_recipe():
            yield
        best[name] = min(best.get(name, float("inf")), time.process_time() - start)

    for _ in range(repeat):
        with step("read files"):
            texts = [f.read_text(encoding="utf-8") for f in files]
        with step("parse"):
            datas = [load_plain(t, syntax=syntax) for t in texts]
        with step("validate"):
            maps = [validate(d)[0] for d in datas]
        with step("check"):
            for amap in maps:
                assert amap is not None
                map_issues(amap, structure=False)  # validation ran the structural steps
        corpus = argmap.read_maps(folder)
        corpus.issues, corpus.references = [], []
        # The maps each map uses, by id, as read_maps finds them while it reads.
        by_real = {file.resolve(): map_id for map_id, file in corpus.files.items()}
        uses = {
            map_id: {by_real[(corpus.files[map_id].parent / u).resolve()] for u in amap.uses}
            for map_id, amap in corpus.maps.items()
        }
        with step("resolve"):
            resolve(corpus, uses=uses)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-setup", action="store_true", help="Do not install arguebuf.")
    parser.add_argument(
        "--phases", action="store_true", help="Also time each step at the largest size."
    )
    args = parser.parse_args()
    python = ensure_arguebuf(setup=not args.no_setup)
    server = subprocess.Popen(
        [str(python), "-c", ARGUEBUF_SERVER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdin is not None and server.stdout is not None
    assert server.stdout.readline().strip() == "ready"

    def time_arguebuf(folder: Path) -> float:
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(f"{folder}\n")
        server.stdin.flush()
        return float(server.stdout.readline())

    rows = []
    split: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            folders, references = write_corpus(size, Path(tmp) / str(size))
            times: dict[str, list[float]] = {
                "json": [],
                "yaml": [],
                "arguebuf": [],
                "csafeloader": [],
            }
            for _ in range(args.repeat):
                times["json"].append(time_argmap(folders["json"]))
                times["arguebuf"].append(time_arguebuf(folders["aif"]))
                times["yaml"].append(time_argmap(folders["yaml"]))
                times["csafeloader"].append(time_csafeloader(folders["yaml"]))
            rows.append((size, references, {k: min(v) for k, v in times.items()}))
            if args.phases and size == max(args.sizes):
                split = {kind: phases(folders[kind], kind, args.repeat) for kind in FORMATS}
    server.stdin.close()
    server.wait()
    print(
        f"{'maps':>6} {'refs':>6} {'json s':>8} {'yaml s':>8} {'arguebuf s':>11} "
        f"{'CSafeLoader s':>14} {'json/ab':>8} {'yaml/ab':>8} {'yaml/CSL':>9} "
        f"{'json ms/map':>12} {'yaml ms/map':>12}"
    )
    for size, references, best in rows:
        print(
            f"{size:>6} {references:>6} {best['json']:>8.3f} {best['yaml']:>8.3f} "
            f"{best['arguebuf']:>11.3f} {best['csafeloader']:>14.3f} "
            f"{best['json'] / best['arguebuf']:>8.2f} {best['yaml'] / best['arguebuf']:>8.2f} "
            f"{best['yaml'] / best['csafeloader']:>9.2f} {1000 * best['json'] / size:>12.3f} "
            f"{1000 * best['yaml'] / size:>12.3f}"
        )
    if args.phases:
        print(f"CPU seconds a step at {max(args.sizes)} maps (best of {args.repeat}):")
        for name in split["json"]:
            print(f"  {name:<11} json {split['json'][name]:.3f}  yaml {split['yaml'][name]:.3f}")
    (first_size, _, first), (last_size, _, last) = rows[0], rows[-1]
    print(
        json.dumps(
            {
                "json_over_arguebuf_at_largest": round(last["json"] / last["arguebuf"], 3),
                "yaml_over_arguebuf_at_largest": round(last["yaml"] / last["arguebuf"], 3),
                "yaml_over_csafeloader_at_largest": round(last["yaml"] / last["csafeloader"], 3),
                "json_per_map_growth": round(
                    (last["json"] / last_size) / (first["json"] / first_size), 3
                ),
                "yaml_per_map_growth": round(
                    (last["yaml"] / last_size) / (first["yaml"] / first_size), 3
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
