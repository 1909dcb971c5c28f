"""Benchmark: reading a large BibTeX bibliography with its LaTeX decoded.

Generates 1,000 and 10,000 entries with LaTeX accents, braces, specials, ``\\url{...}``,
``{\\LaTeX}``, font commands and inline math (seeded, so every run reads the same text),
then times in the same run:

- bibtexparser's parse alone (no decoding): the baseline;
- pylatexenc decoding every field of that parse (as :mod:`argmap.citations.latex` sets it
  up, the reference its fast decoder must equal);
- ``argmap.read_bibliography``: parse, ``@string`` and ``#`` resolved, names split, every
  value decoded, crossrefs resolved, every entry checked; with the garbage-collector recipe
  for big files (``docs/performance.md``, "Reading big corpora from Python");

and checks that argmap's decoded text equals pylatexenc's on every field of every entry
(``month`` aside: it is a BibTeX macro, ``nov``, that argmap turns into a number), name
parts included. Target: argmap's full read in at most 1.5 times the plain parse.

Times are the CPU time of this process (``time.process_time``), which other work on a
shared machine disturbs less than wall-clock time; all three readers run single-threaded,
and the plain parse and argmap's read take turns, best of ``--repeat`` each.

Run: ``.venv/bin/python -m bench.bibliography [--sizes 1000 10000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from argmap.citations import read_bibliography
from argmap.citations.bibliography import NAME_FIELDS, VERBATIM_FIELDS
from bench._timing import reading_recipe
from tests.support.synthetic import generate


def _best(func: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """The first run's time, the best of ``repeat`` runs, and the result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.process_time()
        result = func()
        times.append(time.process_time() - start)
    return times[0], min(times), result


def _reference(library: Any) -> dict[tuple[str, str], str]:
    """pylatexenc's text of every field of every entry, by ``(key, field)``."""
    from argmap.citations.latex import _pylatexenc

    return {
        (entry.key, field.key.lower()): _pylatexenc(field.value)
        for entry in library.entries
        for field in entry.fields
        if field.key.lower() not in VERBATIM_FIELDS
    }


def _mismatches(ours: Any, library: Any, reference: dict[tuple[str, str], str]) -> list[str]:
    """Fields where argmap's decoded text differs from pylatexenc's, as ``key.field``."""
    from bibtexparser.middlewares.names import (
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )

    from argmap.citations.latex import _pylatexenc

    bad = []
    for entry in library.entries:
        mine = ours[entry.key]
        for field in entry.fields:
            name = field.key.lower()
            if name == "month":
                continue
            expected = reference.get((entry.key, name), field.value)
            if mine.text[name] != expected:
                bad.append(f"{entry.key}.{name}")
        for name in NAME_FIELDS & set(mine.names):
            # pylatexenc on each part of bibtexparser's own split, against argmap's parts.
            for person, raw in zip(
                mine.names[name], split_multiple_persons_names(mine.fields[name]), strict=True
            ):
                parts = parse_single_name_into_parts(raw, strict=False)
                expected = " ".join(_pylatexenc(p) for p in parts.last)
                if not person.literal and person.family != expected:
                    bad.append(f"{entry.key}.{name}")
    return bad


def run(sizes: list[int], repeat: int) -> int:
    """Time the three readers for each size, print a table; 1 if outputs differ."""
    from bibtexparser.entrypoint import parse_string

    rows = []
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            text = generate(size)
            path = Path(folder) / f"bench-{size}.bib"
            path.write_text(text, encoding="utf-8")
            _, decoded_time, reference = _best(functools.partial(_reference, parse_string(text)), 1)
            # The two readers take turns, so that a burst of load elsewhere hits both alike.
            plain = ours_time = first = float("inf")
            for turn in range(repeat):
                _, once, library = _best(functools.partial(parse_string, text), 1)
                plain = min(plain, once)
                with reading_recipe():  # as a script that reads big files does
                    _, once, ours = _best(functools.partial(read_bibliography, path), 1)
                first = once if turn == 0 else first
                ours_time = min(ours_time, once)
            bad = _mismatches(ours, library, reference)
            failed = failed or bool(bad)
            rows.append((size, plain, decoded_time, first, ours_time, len(bad)))
    print(
        f"{'entries':>8} {'parse only':>11} {'+pylatexenc':>12} {'argmap 1st':>11} "
        f"{'argmap best':>12} {'best/parse':>11} {'1st/parse':>10} {'pylatexenc/best':>16} "
        f"{'differing':>10}"
    )
    for size, plain, decoded_time, first, ours_time, bad_count in rows:
        print(
            f"{size:>8} {plain:>10.3f}s {decoded_time + plain:>11.3f}s {first:>10.3f}s "
            f"{ours_time:>11.3f}s {ours_time / plain:>10.2f}x {first / plain:>9.2f}x "
            f"{(decoded_time + plain) / ours_time:>15.1f}x {bad_count:>10}"
        )
    print(
        "parse only and argmap best: best of --repeat runs; argmap 1st: the first run of the "
        "process, which also asks pylatexenc for each distinct LaTeX token once"
    )
    print("target: argmap read <= 1.50x parse only, with 0 fields differing from pylatexenc")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="best of N for the fast readers")
    args = parser.parse_args(argv)
    return run(args.sizes, args.repeat)


if __name__ == "__main__":
    sys.exit(main())
