"""Benchmark: a formatted reading list of 1,000 entries, argmap against pandoc's citeproc.

Run with ``.venv/bin/python -m bench.reading_list [--entries N] [--repeat R]``. For each
style (APA and Chicago author-date by default) it formats the same synthetic entries with
argmap and with ``pandoc --citeproc`` on the same CSL file, in the same run, and prints
the times and their ratio (argmap / pandoc: below 1 is faster than pandoc), twice:

- ``json``: from CSL-JSON items, :func:`argmap.citations.formatting.format_bibliography`
  against pandoc given the items as a CSL-JSON bibliography;
- ``bib``: from the same entries as a ``.bib`` file, the whole of ``argmap cite -f html``'s
  work (read the file, map the entries, format them, write the page) against pandoc given
  the ``.bib``.

Every argmap run compiles the style afresh and nothing is carried over between runs. It
also reports how many entries the two agree on (entry by entry, and whether in the same
order), with pandoc given argmap's locale data as the tests do; in the ``bib`` rows that
also compares the two ``.bib`` readers (pandoc splits a publisher at "and", drops an
``@online`` entry's organisation and capitalises a title's word after a colon). ``--styles
apa,chicago,harvard,mla,ieee`` runs all. Pandoc is pandoc 3 from the ``pypandoc-binary``
wheel (a dev dependency), else the ``pandoc`` on the PATH; its version is printed.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from argmap.citations import formatting, processor

_GIVEN = [
    "Maria",
    "James D. J.",
    "Chaïm",
    "Jürgen",
    "Frans H.",
    "Iyad",
    "Henry",
    "Katie",
    "Anne-Marie",
    "Søren",
    "Zoë",
    "Łukasz",
    "Tsuyoshi",
    "Olga",
    "José",
    "C. L.",
]
_FAMILY = [
    "Shagina",
    "Brown",
    "Perelman",
    "Habermas",
    "Eemeren",
    "Rahwan",
    "Prakken",
    "Atkinson",
    "Dubois",
    "Kierkegaard",
    "Ng",
    "Kowalski",
    "Hasegawa",
    "Petrova",
    "García",
    "Hamblin",
    "Müller",
    "Øvergaard",
    "O'Neill",
    "Walton",
]
_PARTICLES = ["van", "van der", "de", "von"]
_WORDS = [
    "sanctions",
    "policy",
    "argument",
    "maps",
    "evidence",
    "Japan",
    "Russia",
    "trade",
    "energy",
    "security",
    "dialogue",
    "reasoning",
    "defeasible",
    "claims",
    "structure",
    "economic",
    "relations",
    "balancing",
    "statecraft",
    "theory",
]
_JOURNALS = [
    "Argument & Computation",
    "International Security",
    "Informal Logic",
    "Journal of East Asian Studies",
    "Europe-Asia Studies",
    "Argumentation",
]
_PUBLISHERS = [
    ("Cambridge University Press", "Cambridge"),
    ("Routledge", "London"),
    ("Springer", "Cham"),
    ("MIT Press", "Cambridge, MA"),
]
_TYPES = ["article-journal", "article-journal", "book", "chapter", "report", "webpage",
          "thesis", "paper-conference"]  # fmt: skip


def synthetic_items(count: int, *, seed: int = 5) -> list[dict[str, Any]]:
    """Varied CSL-JSON items: every common type, particles, accents, ranges, DOIs."""
    rng = random.Random(seed)

    def person() -> dict[str, str]:
        name = {"family": rng.choice(_FAMILY), "given": rng.choice(_GIVEN)}
        if rng.random() < 0.08:
            name["dropping-particle"] = rng.choice(_PARTICLES)
        return name

    def title(words: int) -> str:
        text = " ".join(rng.choice(_WORDS) for _ in range(words))
        return text[:1].upper() + text[1:]

    items: list[dict[str, Any]] = []
    for n in range(count):
        kind = rng.choice(_TYPES)
        year = rng.randint(1960, 2024)
        item: dict[str, Any] = {
            "id": f"item{n:05d}",
            "type": kind,
            "title": f"{title(rng.randint(3, 7))}: {title(rng.randint(2, 5)).lower()}",
            "issued": {"date-parts": [[year, rng.randint(1, 12)]]},
        }
        if rng.random() < 0.06:
            item["author"] = [{"literal": "Institute for Security and Development Policy"}]
        else:
            item["author"] = [person() for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 8]))]
        publisher, place = rng.choice(_PUBLISHERS)
        if kind == "article-journal":
            first = rng.randint(1, 900)
            item.update(
                {
                    "container-title": rng.choice(_JOURNALS),
                    "volume": str(rng.randint(1, 60)),
                    "issue": str(rng.randint(1, 6)),
                    "page": f"{first}-{first + rng.randint(5, 40)}",
                    "DOI": f"10.{rng.randint(1000, 9999)}/arg.{n}",
                }
            )
        elif kind in ("book", "thesis"):
            item.update({"publisher": publisher, "publisher-place": place})
            if kind == "thesis":
                item["genre"] = "PhD thesis"
            elif rng.random() < 0.2:
                item["edition"] = str(rng.randint(2, 5))
        elif kind in ("chapter", "paper-conference"):
            first = rng.randint(1, 400)
            item.update(
                {
                    "container-title": title(4),
                    "editor": [person() for _ in range(rng.randint(1, 3))],
                    "publisher": publisher,
                    "publisher-place": place,
                    "page": f"{first}-{first + rng.randint(8, 30)}",
                }
            )
        elif kind == "report":
            item.update(
                {
                    "publisher": "Institute for Security and Development Policy",
                    "publisher-place": "Stockholm",
                    "collection-title": "Focus Asia",
                    "number": str(rng.randint(1, 99)),
                }
            )
        else:
            item.update(
                {
                    "URL": f"https://example.org/{n}",
                    "accessed": {"date-parts": [[2026, rng.randint(1, 11), rng.randint(1, 28)]]},
                    "container-title": "Ministry of Foreign Affairs of Japan",
                }
            )
        items.append(item)
    return items


def _time(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _with_locale(style: Path, target: Path) -> Path:
    """The style with argmap's en-US locale inlined, as the oracle tests give pandoc."""
    from argmap.citations.csl_engine._locale import LOCALE_DIR

    locale = (LOCALE_DIR / "locales-en-US.xml").read_text(encoding="utf-8")
    body = re.search(r"<locale[^>]*>(.*)</locale>", locale, flags=re.S)
    assert body is not None
    terms = re.sub(r"<info>.*?</info>", "", body.group(1), flags=re.S)
    text = style.read_text(encoding="utf-8")
    at = text.index("</info>") + len("</info>")
    target.write_text(text[:at] + "\n<locale>" + terms + "</locale>" + text[at:], "utf-8")
    return target


def _pandoc(pandoc: str, csl: Path, items: Path, doc: Path) -> str:
    done = subprocess.run(
        [pandoc, str(doc), "--citeproc", f"--csl={csl}", f"--bibliography={items}",
         "-t", "html", "--wrap=none"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def _agreement(ours: str, theirs: str) -> tuple[int, int, bool]:
    def normal(fragment: str) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())

    pattern = r'<div id="ref-([^"]+)" class="csl-entry">(.*?)</div>\n'
    mine = {k: normal(v) for k, v in re.findall(pattern, ours, flags=re.S)}
    found = re.findall(r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>\n?(.*?)\n?</div>\n'
                       r'(?=<div id="ref-|</div>)', theirs, flags=re.S)  # fmt: skip
    oracle = {k: normal(v) for k, v in found}
    same = sum(mine.get(k) == v for k, v in oracle.items())
    return same, len(oracle), list(mine) == list(oracle)


def pandoc_program() -> str | None:
    """Pandoc 3 from the pypandoc-binary wheel, else the pandoc on the PATH, else None."""
    try:
        from pypandoc import get_pandoc_path  # type: ignore[import-untyped]

        found: str = get_pandoc_path()
        return found
    except (ImportError, OSError):
        return shutil.which("pandoc")


def _pandoc_version(pandoc: str) -> str:
    done = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[0]


def _from_bib(bib: Path, style: str) -> str:
    """All of `argmap cite -f html`'s work on a .bib: read, map, format, write the page."""
    from argmap.citations import export_citations, read_bibliography

    processor._compile_path.cache_clear()  # every run compiles the style afresh
    return export_citations(read_bibliography(bib), fmt="html", style=style)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--styles", default="apa,chicago")
    args = parser.parse_args(argv)
    pandoc = pandoc_program()
    items = synthetic_items(args.entries)
    print(f"reading list of {args.entries} synthetic entries, median of {args.repeat} runs")
    if pandoc is not None:
        print(f"against {_pandoc_version(pandoc)}")
    header = f"{'style':<9} {'from':<5} {'argmap s':>9} {'pandoc s':>9} {'ratio':>7}"
    print(f"{header} {'agree':>11} {'order':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = folder / "items.json"
        data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        from argmap.citations.export import to_bibtex

        bib = folder / "items.bib"
        bib.write_text(to_bibtex(items, dialect="biblatex"), encoding="utf-8")
        doc = folder / "doc.md"
        doc.write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
        for style in args.styles.split(","):
            csl = formatting.CITATION_STYLES[style]

            def ours(style: str = style) -> str:
                processor._compile_path.cache_clear()  # every run compiles the style afresh
                return formatting.format_bibliography(items, style=style, output="html")

            runs: list[tuple[str, Callable[[], object], Path]] = [
                ("json", ours, data),
                ("bib", partial(_from_bib, bib, style), bib),
            ]
            for source, run, given in runs:
                ours_time, ours_html = _time(run, args.repeat)
                if pandoc is None:
                    print(f"{style:<9} {source:<5} {ours_time:>9.3f} {'-':>9} {'-':>7} no pandoc")
                    continue
                theirs_time, _ = _time(partial(_pandoc, pandoc, csl, given, doc), args.repeat)
                oracle = _pandoc(pandoc, _with_locale(csl, folder / csl.name), given, doc)
                same, total, in_order = _agreement(str(ours_html), oracle)
                ratio = ours_time / theirs_time
                print(
                    f"{style:<9} {source:<5} {ours_time:>9.3f} {theirs_time:>9.3f} {ratio:>7.2f}"
                    f" {same:>5}/{total:<5} {'yes' if in_order else 'no':>5}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
