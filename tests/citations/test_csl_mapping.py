"""The BibTeX -> CSL mapping, checked with citeproc-js (the CSL processor Zotero uses).

Our CSL-JSON export and pandoc's reading of the same ``.bib`` are both formatted by
citeproc-js in Chicago (which prints series, report numbers and URLs) and APA; the
references must read alike. The differences that remain are explained, not hidden:

- case only: our items keep series and book titles as written, as Zotero stores them,
  where pandoc sentence-cases them (so APA prints "Computational Logic: Logic Programming
  and Beyond" from ours, "Computational logic: Logic programming and beyond" from
  pandoc's; Chicago title-cases pandoc's back, differing only in small words);
- pandoc splits a publisher at "and" ("Institute for Security; Development Policy");
- pandoc reads ``{\\'\\i}`` as a dotless i with a combining accent.

Skipped where node or the citeproc npm package (``make tools``) is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from argmap.citations import export_citations, read_bibliography
from tests.support import DATA, ROOT, SEED_BIB
from tests.support.pandoc import require_pandoc

TOOLS = ROOT / "tests" / "tools"
STYLES = ROOT / "argmap" / "citations" / "styles"
BIBS = {
    "seed": (SEED_BIB, "bibtex"),
    "names": (DATA / "citations" / "names.bib", "biblatex"),
    "varied": (DATA / "citations" / "varied.bib", "biblatex"),
    "crossref": (DATA / "citations" / "crossref.bib", "biblatex"),
}

pytestmark = [
    pytest.mark.pandoc,
    pytest.mark.skipif(
        shutil.which("node") is None or not (TOOLS / "node_modules" / "citeproc").is_dir(),
        reason="node with the citeproc package is not installed (make tools)",
    ),
]


def _locale() -> Path:
    import citeproc  # citeproc-py ships the CSL en-US locale the engine also reads

    return Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml"


def _render(jobs: list[tuple[str, list[dict[str, Any]]]], folder: Path) -> list[dict[str, str]]:
    """Each job's items formatted in its style: one node process for all (it starts slowly)."""
    path = folder / "jobs.json"
    path.write_text(
        json.dumps(
            [{"style": str(STYLES / f"{style}.csl"), "items": items} for style, items in jobs]
        ),
        encoding="utf-8",
    )
    node = shutil.which("node")
    assert node is not None
    done = subprocess.run(
        [node, str(TOOLS / "citeproc-render.js"), str(_locale()), str(path)],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    rendered: list[dict[str, str]] = json.loads(done.stdout)
    return rendered


def _pandoc_items(path: Path, mode: str) -> list[dict[str, Any]]:
    pandoc = require_pandoc()
    done = subprocess.run(
        [pandoc, "-f", mode, "-t", "csljson", str(path)],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    items: list[dict[str, Any]] = json.loads(done.stdout)
    for item in items:
        item["type"] = item.get("type") or "document"  # pandoc leaves @misc untyped
    return items


def _explained(ours: str, pandocs: str) -> bool:
    pandocs = pandocs.replace("\u0131\u0301", "\u00ed").replace("; ", " and ")
    return ours.lower() == pandocs.lower()


STYLE_NAMES = ("chicago-author-date", "apa")


@pytest.fixture(scope="module")
def formatted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Any]:
    """(bibliography, style, "ours" or "pandoc") -> citeproc-js's entries."""
    jobs: list[tuple[str, list[dict[str, Any]]]] = []
    keys: list[tuple[str, str, str]] = []
    for name, (path, mode) in BIBS.items():
        ours = json.loads(export_citations(read_bibliography(path), fmt="csl-json"))
        theirs = _pandoc_items(path, mode)
        for style in STYLE_NAMES:
            jobs += [(style, ours), (style, theirs)]
            keys += [(name, style, "ours"), (name, style, "pandoc")]
    return dict(zip(keys, _render(jobs, tmp_path_factory.mktemp("citeproc")), strict=True))


@pytest.mark.parametrize("style", STYLE_NAMES)
@pytest.mark.parametrize("name", list(BIBS))
def test_citeproc_js_formats_our_items_as_it_formats_pandocs(
    name: str, style: str, formatted: dict[tuple[str, str, str], Any]
) -> None:
    ours = formatted[name, style, "ours"]
    theirs = formatted[name, style, "pandoc"]
    assert set(ours) == set(theirs)
    for key, text in ours.items():
        assert text == theirs[key] or _explained(text, theirs[key]), (key, text, theirs[key])


def test_citeproc_js_prints_series_report_numbers_and_web_pages_as_written(
    formatted: dict[tuple[str, str, str], Any],
) -> None:
    chicago = {
        **formatted["seed", "chicago-author-date", "ours"],
        **formatted["names", "chicago-author-date", "ours"],
    }
    assert chicago["shagina2018dilemma"] == (
        "Shagina, Maria. 2018a. Japan\u2019s Dilemma with Sanctions Policy towards Russia: A "
        "Delicate Balancing Act. Focus Asia: Perspective & Analysis. Institute for Security "
        "and Development Policy. "
        "https://isdp.se/publication/japan-dilemma-sanctions-policy-towards-russia/."
    )
    # A report's own number, in its series.
    assert (
        "No. 15. Sasakawa USA Forum. Sasakawa Peace Foundation USA."
        in (chicago["shagina2018sanctions"])
    )
    # An @online entry is a web page, its URL printed as written.
    assert chicago["mao2021"].endswith("https://example.org/tracker?a=1&b=2%20c_d.")
    # Braced words keep their case in APA's sentence-case titles.
    apa = formatted["names", "apa", "ours"]
    assert "NATO and the Baltic: Deterrence by denial" in apa["vanderberg2020"]


EXAMPLES = ROOT / "tests" / "data" / "bibliographies" / "biblatex-examples.bib"


@pytest.fixture(scope="module")
def examples() -> dict[str, dict[str, Any]]:
    """biblatex's own example entries, mapped (see tests/data/bibliographies/README.md)."""
    from argmap.citations.csl import to_csl

    return {key: to_csl(entry) for key, entry in read_bibliography(EXAMPLES).items()}


@pytest.mark.parametrize(
    ("key", "field", "value"),
    [
        # Localisation keys, as biblatex's English strings or CSL's terms.
        ("gillies", "collection-title", "new series"),
        ("sorace", "genre", "U.S. patent"),
        ("kowalik", "genre", "French patent request"),
        ("almendro", "jurisdiction", "France; United Kingdom; Germany"),
        # langid with langidopts; useprefix alone in options.
        ("gillies", "language", "en-GB"),
        ("vangennep", "author", [{"family": "Gennep", "given": "Arnold",
                                  "non-dropping-particle": "van"}]),
        # maintitle, volume and part; the book a chapter is in.
        ("coleridge", "title", "The collected works of Samuel Taylor Coleridge"),
        ("coleridge", "volume-title",
         "Biographia literaria, or Biographical sketches of my literary life and opinions"),
        ("coleridge", "volume", "7.2"),
        ("kant:kpv", "container-title", "Kants Werke. Akademie Textausgabe"),
        ("kant:kpv", "volume-title", "Kritik der praktischen Vernunft. Kritik der Urtheilskraft"),
        # origyear and origpublisher; volumes; eprint as a link.
        ("kullback:reprint", "original-date", {"date-parts": [[1959]]}),
        ("kullback:reprint", "original-publisher", "John Wiley & Sons"),
        ("knuth:ct", "number-of-volumes", "5"),
        ("baez/article", "URL", "https://arxiv.org/abs/math/0307200v3"),
        # \hyphen, \mkbibquote, subtitle; the first word after a colon.
        ("kastenholz", "title", "Computation of methodology-independent ionic solvation "
         "free energies from molecular simulations: I. The electrostatic potential in "
         "molecular liquids"),
        ("nussbaum", "title", "Aristotle's \u201cde motu animalium\u201d"),
        ("yoon", "title", "Palladium pincer complexes with reduced bond angle strain: "
         "Efficient catalysts for the Heck reaction"),
    ],
)  # fmt: skip
def test_biblatex_examples_map_to_csl_as_biber_reads_them(
    examples: dict[str, dict[str, Any]], key: str, field: str, value: Any
) -> None:
    assert examples[key][field] == value


def test_a_proceedings_booktitle_is_not_its_container(
    examples: dict[str, dict[str, Any]],
) -> None:
    # @proceedings and @collection are the containers; only their parts have one.
    for key, item in examples.items():
        if item["type"] == "book":
            assert "container-title" not in item, key


def test_and_others_is_marked_for_et_al_as_pandoc_marks_it() -> None:
    from argmap.citations import parse_bibliography
    from argmap.citations.csl import to_csl

    entry = parse_bibliography("@book{k, author = {Smith, Ann and others}, title = {T}}")["k"]
    assert to_csl(entry)["author"] == [{"family": "Smith", "given": "Ann"}, {"literal": "others"}]
