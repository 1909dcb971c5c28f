"""Real bibliographies formatted by argmap, scored entry by entry against two oracles.

Every file of ``tests/data/bibliographies/`` (BibTeX, BibLaTeX, CSL-JSON, CSL-YAML, RIS,
written by others; its README says where each comes from) is read by argmap and formatted
in APA and Chicago author-date, entry by entry, and compared with

- ``citeproc-js``: citeproc-js (the CSL processor of Zotero) fed the very CSL-JSON items
  argmap's own processor formats, so a difference is the processor's, or an item that
  the two processors read differently;
- ``pandoc``: pandoc 3 (the ``pypandoc-binary`` wheel's) reading the same file itself and
  formatting it with its citeproc, so a difference may also be in how the file is read
  and mapped to CSL.

Both oracles and argmap use the same style files (argmap's bundled ones) and citeproc-js
argmap's ``en-US`` locale. Entries are compared as plain text with runs of white space
made one space. An entry argmap cannot produce (a file it refuses) counts as differing.

Every difference is classified in the ledger ``tests/data/bibliographies/differences.txt``,
one line each::

    ORACLE STYLE FILE KEY CLASS reason...

with CLASS one of ``argmap`` (argmap reads or maps the entry wrongly), ``engine``
(argmap's CSL processor formats the item otherwise than citeproc-js), ``oracle`` (the
oracle is wrong) or ``variant`` (both are defensible readings).
``tests/citations/test_bibliography_score`` fails on a difference the ledger lacks and on a
ledger line that no longer differs.

``python -m tests.citations.bibliography_score`` prints the rates and each difference (argmap's
text, then the oracle's); ``--write`` adds the differences missing from the ledger, as
``unclassified``, and drops the lines that no longer differ.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tests.support import DATA, ROOT, TOOLS
from tests.support.pandoc import pandoc_path

CORPUS = DATA / "bibliographies"
LEDGER = CORPUS / "differences.txt"
STYLE_DIR = ROOT / "argmap" / "citations" / "styles"
LOCALE = ROOT / "argmap" / "citations" / "csl_engine" / "locales" / "locales-en-US.xml"

#: argmap's style name -> its CSL file's stem.
STYLES = {"apa": "apa", "chicago": "chicago-author-date"}
ORACLES = ("citeproc-js", "pandoc")
CLASSES = ("argmap", "engine", "oracle", "variant", "unclassified")
SUFFIXES = (".bib", ".json", ".yaml", ".yml", ".ris")

_SPACE = re.compile(r"\s+")
_ENTRY = re.compile(
    r'<div id="ref-(?P<key>[^"]*)" class="csl-entry"[^>]*>(?P<body>.*?)</div>', re.S
)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Difference:
    """One entry that argmap formats otherwise than an oracle."""

    oracle: str
    style: str
    file: str
    key: str
    ours: str
    theirs: str

    @property
    def id(self) -> tuple[str, str, str, str]:
        return (self.oracle, self.style, self.file, self.key)


@dataclass(frozen=True, slots=True)
class Score:
    """Entries compared and differences, per oracle and style."""

    compared: Mapping[tuple[str, str], int]
    differences: list[Difference]
    oracle_texts: Mapping[tuple[str, str, str, str], str]
    """Each oracle's entry: (oracle, style, file, key) -> text, normalised."""

    def rate(self, oracle: str, style: str) -> float:
        total = self.compared[oracle, style]
        wrong = sum(1 for d in self.differences if (d.oracle, d.style) == (oracle, style))
        return (total - wrong) / total if total else 1.0


def corpus_files() -> list[Path]:
    """The bibliographies of the corpus, by name."""
    return sorted(p for p in CORPUS.iterdir() if p.suffix in SUFFIXES)


def normalise(text: str) -> str:
    """An entry as compared: white space runs one space, no space at either end."""
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def has_citeproc_js() -> bool:
    """Whether node and the citeproc npm package (``make tools``) are there."""
    return shutil.which("node") is not None and (TOOLS / "node_modules" / "citeproc").is_dir()


def argmap_items(path: Path) -> list[dict[str, Any]] | None:
    """The CSL-JSON items argmap formats a file's works from; None if it refuses the file."""
    from argmap.citations import read_bibliography
    from argmap.citations.items import csl_items
    from argmap.errors import BibliographyError

    try:
        bibliography = read_bibliography(path)
    except BibliographyError:
        return None
    return csl_items(bibliography, markup=True)


def argmap_entries(items: list[dict[str, Any]], style: str) -> dict[str, str]:
    """argmap's entries of items in a style, as plain text by id."""
    from argmap.citations.formatting import format_references

    return format_references(items, style=style, output="text")


_REFUSED = "citeproc-js error"


def citeproc_js_entries(jobs: list[tuple[str, list[dict[str, Any]]]]) -> list[dict[str, str]]:
    """citeproc-js's entries of each job (a style name and items), by id.

    citeproc-js refuses a whole list for one item it cannot read (a date range whose
    ends have different parts): such a job's items are rendered one by one, and an item
    refused alone gets the error as its entry.
    """
    results = _citeproc_js_run(jobs)
    failed = [index for index, result in enumerate(results) if _REFUSED in result]
    if failed:
        singles = [(jobs[i][0], [item]) for i in failed for item in jobs[i][1]]
        rendered = iter(_citeproc_js_run(singles))
        for i in failed:
            merged: dict[str, str] = {}
            for item in jobs[i][1]:
                single = next(rendered)
                merged[str(item["id"])] = single.get(str(item["id"]), single.get(_REFUSED, ""))
            results[i] = merged
    return results


def _citeproc_js_run(jobs: list[tuple[str, list[dict[str, Any]]]]) -> list[dict[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "jobs.json"
        path.write_text(
            json.dumps(
                [{"style": str(STYLE_DIR / f"{STYLES[s]}.csl"), "items": i} for s, i in jobs]
            ),
            encoding="utf-8",
        )
        node = shutil.which("node")
        assert node is not None
        done = subprocess.run(
            [node, str(TOOLS / "citeproc-render.js"), str(LOCALE), str(path)],
            capture_output=True, text=True, check=True, timeout=600,
        )  # fmt: skip
    rendered: list[dict[str, str]] = json.loads(done.stdout)
    return rendered


def pandoc_entries(path: Path, style: str, pandoc: str) -> dict[str, str]:
    """pandoc's entries of every work of a bibliography file in a style, by key."""
    document = "---\nnocite: '[@*]'\n---\n"
    done = subprocess.run(
        [
            pandoc, "-f", "markdown", "-t", "html", "--wrap=none", "--citeproc",
            "--csl", str(STYLE_DIR / f"{STYLES[style]}.csl"), "--bibliography", str(path),
        ],
        input=document, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    return {
        html.unescape(m.group("key")): html.unescape(_TAG.sub("", m.group("body")))
        for m in _ENTRY.finditer(done.stdout)
    }


def score(files: Iterable[Path] | None = None, *, oracles: Iterable[str] = ORACLES) -> Score:
    """Compare argmap's entries of the corpus with the oracles' (those that are installed)."""
    files = list(corpus_files() if files is None else files)
    oracles = list(oracles)
    pandoc = pandoc_path() if "pandoc" in oracles else None
    compared: Counter[tuple[str, str]] = Counter()
    differences: list[Difference] = []
    texts: dict[tuple[str, str, str, str], str] = {}
    ours: dict[tuple[str, str], dict[str, str]] = {}
    items_of: dict[str, list[dict[str, Any]] | None] = {}
    for path in files:
        items = argmap_items(path)
        items_of[path.name] = items
        for style in STYLES:
            ours[path.name, style] = argmap_entries(items, style) if items is not None else {}

    def compare(oracle: str, style: str, file: str, theirs: Mapping[str, str]) -> None:
        mine = ours[file, style]
        for key in dict.fromkeys([*mine, *theirs]):
            compared[oracle, style] += 1
            a = normalise(mine.get(key, ""))
            b = texts[oracle, style, file, key] = normalise(theirs.get(key, ""))
            if a != b:
                differences.append(Difference(oracle, style, file, key, a, b))

    if "citeproc-js" in oracles and has_citeproc_js():
        jobs = [
            (style, items)
            for path in files
            for style in STYLES
            if (items := items_of[path.name]) is not None
        ]
        rendered = iter(citeproc_js_entries(jobs))
        for path in files:
            for style in STYLES:
                if items_of[path.name] is None:
                    # Refused: count the works pandoc finds, or one for the file.
                    theirs = {"": "(argmap refuses the file)"}
                    if pandoc is not None:
                        theirs = pandoc_entries(path, style, pandoc) or theirs
                    compare("citeproc-js", style, path.name, theirs)
                else:
                    compare("citeproc-js", style, path.name, next(rendered))
    if pandoc is not None:
        for path in files:
            for style in STYLES:
                compare("pandoc", style, path.name, pandoc_entries(path, style, pandoc))
    return Score(dict(compared), differences, texts)


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_DASHES = str.maketrans({"\u2013": "-"})


def classify(difference: Difference, result: Score) -> tuple[str, str]:
    """A first classification of a difference, for ``--write`` to propose; the ledger,
    read by a person, is what counts.

    Against citeproc-js, which formats the very items argmap formats, a difference is
    argmap's processor's (``engine``) unless citeproc-js refuses the item. Against
    pandoc, a difference that citeproc-js shares is the processor's too; the known
    ways pandoc reads or prints otherwise are ``variant``; the rest is left for a person.
    """
    d = difference
    if d.theirs.startswith("citeproc-js error"):
        return "oracle", "citeproc-js refuses the item: " + d.theirs.split(": ", 2)[-1]
    if d.oracle == "citeproc-js":
        return "engine", "argmap's processor: " + _changed(d.ours, d.theirs)
    citeproc = result.oracle_texts.get(("citeproc-js", d.style, d.file, d.key))
    if citeproc is not None and citeproc == d.theirs:
        return "engine", "argmap's processor (citeproc-js agrees with pandoc): " + _changed(
            d.ours, d.theirs
        )
    ours, theirs = d.ours, d.theirs
    for name, table in (("quotes", _QUOTES), ("dashes", _DASHES)):
        ours, theirs = ours.translate(table), theirs.translate(table)
        if ours == theirs:
            reason = {
                "quotes": "pandoc keeps straight quotes and apostrophes as written",
                "dashes": "pandoc makes every hyphen of a range an en dash",
            }[name]
            return "variant", reason
    if ours.lower() == theirs.lower():
        return "variant", "case: " + _changed(d.ours, d.theirs)
    if ours.replace(" and ", "; ") == theirs.replace(" and ", "; "):
        return "variant", "pandoc splits a BibLaTeX list (publisher, location) at 'and'"
    if d.file.endswith(".ris") and _RANGE.sub(_single_page, theirs) == ours:
        return "variant", "pandoc prints a RIS start page equal to its end page as a range"
    return "unclassified", _changed(d.ours, d.theirs)


_RANGE = re.compile(r"(\w+)-(\w+)")


def _single_page(match: re.Match[str]) -> str:
    first, last = match.groups()
    return first if first.endswith(last) or last == "nan" else match.group()


def _changed(ours: str, theirs: str) -> str:
    """The fragments that differ, as "argmap 'x' / oracle 'y'"."""
    import difflib

    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    parts = [
        f"{ours[i1:i2]!r}->{theirs[j1:j2]!r}"
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
    return "; ".join(parts[:3]) + ("; ..." if len(parts) > 3 else "")


@cache
def _ledger_lines() -> tuple[str, ...]:
    if not LEDGER.exists():
        return ()
    return tuple(LEDGER.read_text(encoding="utf-8").splitlines())


def ledger() -> dict[tuple[str, str, str, str], tuple[str, str]]:
    """The classified differences: (oracle, style, file, key) -> (class, reason)."""
    known: dict[tuple[str, str, str, str], tuple[str, str]] = {}
    for line in _ledger_lines():
        if not line.strip() or line.startswith("#"):
            continue
        oracle, style, file, key, kind, *reason = line.split("\t")
        known[oracle, style, file, key] = (kind, reason[0] if reason else "")
    return known


def write_ledger(result: Score) -> None:
    """Rewrite the ledger: its lines that still differ, and new ones as :func:`classify`
    proposes them."""
    known = ledger()
    header = [line for line in _ledger_lines() if line.startswith("#")]
    rows = []
    for d in sorted(result.differences, key=lambda d: d.id):
        kind, reason = known.get(d.id) or classify(d, result)
        rows.append("\t".join([*d.id, kind, reason]))
    LEDGER.write_text("\n".join([*header, *rows]) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help="update the ledger")
    parser.add_argument("--quiet", action="store_true", help="rates only")
    parser.add_argument("--oracle", choices=ORACLES, action="append", help="only this oracle")
    parser.add_argument("files", nargs="*", type=Path, help="corpus files (default: all)")
    args = parser.parse_args(argv)
    result = score(args.files or None, oracles=args.oracle or ORACLES)
    known = ledger()
    if not args.quiet:
        for d in result.differences:
            kind = known.get(d.id, ("new", ""))[0]
            print(f"== {d.oracle} {d.style} {d.file} {d.key} [{kind}]")
            print(f"   argmap: {d.ours}")
            print(f"   {d.oracle}: {d.theirs}")
    for oracle, style in sorted(result.compared):
        total = result.compared[oracle, style]
        print(f"{oracle:12} {style:8} {result.rate(oracle, style):.3f} of {total} entries equal")
    if args.write:
        write_ledger(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
