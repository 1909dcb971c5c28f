"""Exports: golden files, round trips (bibtexparser, pandoc, rispy), schema and escaping.

Golden files live in tests/golden/citations/exports/; regenerate them after an intended
change with ``ARGMAP_REGENERATE=1 .venv/bin/pytest tests/citations/test_exports.py`` and review the
diff.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import rispy

import argmap
from argmap.citations import (
    Bibliography,
    parse_bibliography,
    read_bibliography,
    read_map_bibliography,
    to_csl,
)
from argmap.citations import export as export_module
from argmap.citations.csl import CSL_TYPES, plain_text
from argmap.citations.export import EXPORT_FORMATS, STYLE_NAMES, export_citations, to_ris
from argmap.errors import BibliographyError
from tests.support import DATA, GOLDEN, SEED_BIB, TOOLS
from tests.support.pandoc import require_pandoc

HERE = DATA / "citations"
EXPORTS = GOLDEN / "citations" / "exports"
VARIED = HERE / "varied.bib"
BIBS = {
    "seed": SEED_BIB,
    "names": HERE / "names.bib",
    "varied": VARIED,
    "crossref": HERE / "crossref.bib",
}
SUFFIXES = {"bibtex": ".bib", "biblatex": ".biblatex.bib", "csl-json": ".json", "ris": ".ris"}


def _bib(name: str) -> Bibliography:
    path = BIBS[name]
    if not path.exists():
        pytest.skip(f"{path} is not there yet")
    return read_bibliography(path)


def _works(bib: Bibliography) -> list[str]:
    """The keys of the entries that are works: @xdata entries only hold shared fields."""
    return [key for key, entry in bib.items() if entry.type != "xdata"]


@pytest.mark.parametrize("fmt", list(SUFFIXES))
@pytest.mark.parametrize("name", ["seed", "names", "crossref"])
def test_exports_match_golden_files(name: str, fmt: str) -> None:
    text = export_citations(_bib(name), fmt=fmt)
    golden = EXPORTS / f"{name}{SUFFIXES[fmt]}"
    if os.environ.get("ARGMAP_REGENERATE"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_focus_asia_paper_is_a_report_in_a_series_everywhere() -> None:
    source = [read_bibliography(SEED_BIB)["shagina2018dilemma"]]
    bibtex = export_citations(source, fmt="bibtex")
    assert bibtex.startswith("@techreport{shagina2018dilemma,\n")
    # Written back as the file has it, alignment included.
    for line in (
        "  series      = {{Focus Asia}: Perspective \\& Analysis},",
        "  institution = {Institute for Security and Development Policy},",
        "  address     = {Stockholm},",
        "  month       = nov,",
        "  url         = {https://isdp.se/publication/japan-dilemma-sanctions-policy-towards-russia/},",
    ):
        assert line in bibtex.splitlines()
    biblatex = export_citations(source, fmt="biblatex")
    assert biblatex.startswith("@report{shagina2018dilemma,\n")
    assert "  location    = {Stockholm}," in biblatex.splitlines()
    assert "  date        = {2018-11}," in biblatex.splitlines()
    assert "  type        = {techreport}" in biblatex.splitlines()
    (item,) = json.loads(export_citations(source, fmt="csl-json"))
    assert item["type"] == "report"
    # Sentence case, as pandoc also reads it, with the braced {Focus Asia} kept as written.
    # The series keeps its case, as written.
    assert item["collection-title"] == (
        '<span class="nocase">Focus Asia</span>: Perspective & Analysis'
    )
    assert item["publisher"] == "Institute for Security and Development Policy"
    assert item["publisher-place"] == "Stockholm"
    assert item["issued"] == {"date-parts": [[2018, 11]]}
    ris = export_citations(source, fmt="ris").splitlines()
    assert ris[0] == "TY  - RPRT"
    assert "T2  - Focus Asia: Perspective & Analysis" in ris
    assert "PB  - Institute for Security and Development Policy" in ris
    assert "CY  - Stockholm" in ris
    assert ris[-1] == "ER  -"


def test_bibtex_escapes_specials_keeps_braces_and_leaves_urls_alone() -> None:
    bib = parse_bibliography(
        r"""@misc{k,
          title = {{NATO} \& Co: 50\% of \$5 \#1 a\_b},
          url = {https://example.org/a_b?x=1&y=2%20z},
          doi = {10.1000/a_b%c},
          urldate = {2024-03-01},
        }"""
    )
    for fmt in ("bibtex", "biblatex"):
        text = export_citations(bib, fmt=fmt)
        assert r"title = {{NATO} \& Co: 50\% of \$5 \#1 a\_b}" in text
        assert "url = {https://example.org/a_b?x=1&y=2%20z}" in text
        assert "doi = {10.1000/a_b%c}" in text


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
@pytest.mark.parametrize("name", list(BIBS))
def test_bibtex_round_trip_through_bibtexparser_keeps_every_field(name: str, fmt: str) -> None:
    bib = _bib(name)
    again = parse_bibliography(export_citations(bib, fmt=fmt), filename=f"{name}.{fmt}")
    assert list(again) == list(bib)
    for key, entry in bib.items():
        assert to_csl(again[key], markup=True, sentence_case=False) == to_csl(
            entry, markup=True, sentence_case=False
        ), key


def _csl_schema() -> dict[str, Any]:
    # The structure of CSL-JSON items we write (CSL 1.0 variables), strict about extras.
    strings = [
        "id", "title", "title-short", "container-title", "collection-title", "publisher",
        "publisher-place", "genre", "URL", "DOI", "ISBN", "ISSN", "language", "note",
        "abstract", "medium", "version", "event", "keyword", "annote",
    ]  # fmt: skip
    numbers = [
        "volume", "issue", "number", "page", "number-of-pages", "edition", "chapter-number",
        "collection-number",
    ]  # fmt: skip
    name = {
        "type": "object",
        "properties": {
            k: {"type": "string"}
            for k in (
                "family",
                "given",
                "non-dropping-particle",
                "dropping-particle",
                "suffix",
                "literal",
            )
        },
        "additionalProperties": False,
        "minProperties": 1,
    }
    date = {
        "type": "object",
        "properties": {
            "date-parts": {
                "type": "array",
                "minItems": 1,
                "maxItems": 2,
                "items": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 3,
                    "items": {"type": "integer"},
                },
            },
            "literal": {"type": "string"},
        },
        "additionalProperties": False,
    }
    properties: dict[str, Any] = {"type": {"enum": sorted(set(CSL_TYPES.values()))}}
    properties.update({k: {"type": "string"} for k in strings})
    properties.update({k: {"type": ["string", "number"]} for k in numbers})
    properties.update(
        {
            k: {"type": "array", "items": name}
            for k in ("author", "editor", "translator", "container-author")
        }
    )
    properties.update(dict.fromkeys(("issued", "accessed"), date))
    return {
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": ["id", "type"],
            "additionalProperties": False,
        },
    }


@pytest.mark.parametrize("name", list(BIBS))
def test_csl_json_is_valid(name: str) -> None:
    items = json.loads(export_citations(_bib(name), fmt="csl-json"))
    jsonschema.validate(items, _csl_schema())
    assert [i["id"] for i in items] == _works(_bib(name))


def _pandoc_csl(fmt: str, text: str) -> dict[str, dict[str, Any]]:
    pandoc = require_pandoc()
    done = subprocess.run(
        [pandoc, "-f", fmt, "-t", "csljson"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stderr == ""
    return {item["id"]: item for item in json.loads(done.stdout)}


@pytest.mark.pandoc
@pytest.mark.parametrize("name", list(BIBS))
def test_pandoc_reads_our_csl_json_as_it_reads_the_bibtex(name: str) -> None:
    """pandoc (an independent reader) gets the same items from our CSL-JSON as from the .bib.

    The only differences are pandoc's own quirks, listed in the README (Citations, Known
    limitations): it splits a publisher at the word "and", gives @misc no type, decodes
    ``{\\'\\i}`` as a dotless i with a combining accent, and sentence-cases series and
    book titles, which our CSL-JSON keeps as written.
    """
    bib = _bib(name)
    from_bib = _pandoc_csl("biblatex", BIBS[name].read_text(encoding="utf-8"))
    from_ours = _pandoc_csl("csljson", export_citations(bib, fmt="csl-json"))
    assert list(from_ours) == _works(bib)
    for key, expected in from_bib.items():
        got = from_ours[key]
        for field in set(expected) | set(got):
            if expected.get(field) != got.get(field):
                assert _is_pandoc_quirk(field, expected.get(field), got.get(field)), (key, field)


def _is_pandoc_quirk(field: str, pandoc: Any, ours: Any) -> bool:
    if field == "publisher":  # pandoc splits a BibLaTeX publisher at "and"
        return isinstance(ours, str) and bool(pandoc == ours.replace(" and ", "; "))
    if field == "type":  # pandoc leaves @misc untyped; CSL's type for it is "document"
        return bool(pandoc == "" and ours == "document")
    if field == "publisher-place":  # pandoc's BibTeX mode ignores BibLaTeX's location
        return pandoc is None
    if isinstance(pandoc, str) and "<i>" in pandoc:
        # pandoc keeps \\emph as <i>; our CSL-JSON carries no rich text but nocase spans.
        return bool(pandoc.replace("<i>", "").replace("</i>", "") == ours)
    if field in ("collection-title", "container-title"):
        # pandoc sentence-cases series and book titles; we keep them as written (Zotero's
        # convention), so only their case may differ.
        return isinstance(ours, str) and isinstance(pandoc, str) and pandoc.lower() == ours.lower()
    if field == "genre":  # pandoc types @report{type = techreport}, not @techreport
        return pandoc is None and ours == "technical report"
    if field in (
        "author",
        "editor",
    ):  # pandoc decodes {\'\i} as a dotless i with a combining accent
        text = json.dumps(pandoc, ensure_ascii=False).replace("\u0131\u0301", "\u00ed")
        return text == json.dumps(ours, ensure_ascii=False)
    return False


@pytest.mark.pandoc
@pytest.mark.parametrize("name", list(BIBS))
def test_pandoc_reads_our_biblatex_as_it_reads_the_original(name: str) -> None:
    bib = _bib(name)
    original = _pandoc_csl("biblatex", BIBS[name].read_text(encoding="utf-8"))
    ours = _pandoc_csl("biblatex", export_citations(bib, fmt="biblatex"))
    assert list(ours) == list(original)
    for key, expected in original.items():
        for field in set(expected) | set(ours[key]):
            if expected.get(field) != ours[key].get(field):
                assert _is_pandoc_quirk(field, expected.get(field), ours[key].get(field))


@pytest.mark.pandoc
@pytest.mark.parametrize("name", list(BIBS))
def test_pandoc_reads_our_bibtex_as_it_reads_the_original(name: str) -> None:
    bib = _bib(name)
    original = _pandoc_csl("bibtex", BIBS[name].read_text(encoding="utf-8"))
    ours = _pandoc_csl("bibtex", export_citations(bib, fmt="bibtex"))
    for key, item in original.items():
        for field in set(item) | set(ours[key]):
            if item.get(field) != ours[key].get(field):
                assert _is_pandoc_quirk(field, item.get(field), ours[key].get(field))


@pytest.mark.parametrize("name", list(BIBS))
def test_ris_round_trip_through_rispy(name: str) -> None:
    bib = _bib(name)
    records = rispy.loads(export_citations(bib, fmt="ris"))
    assert [r["id"] for r in records] == _works(bib)
    for record in records:
        item = to_csl(bib[record["id"]])
        assert record["title"] == item["title"]
        names = [
            p.get("literal")
            or ", ".join(
                x
                for x in (
                    " ".join(
                        y
                        for y in (
                            p.get("non-dropping-particle") or p.get("dropping-particle"),
                            p.get("family"),
                        )
                        if y
                    ),
                    p.get("given"),
                    p.get("suffix"),
                )
                if x
            )
            for p in item.get("author", [])
        ]
        assert record.get("authors", []) == names
        if "issued" in item and "date-parts" in item["issued"]:
            assert record["year"] == str(item["issued"]["date-parts"][0][0])
        assert record.get("doi") == item.get("DOI")
        assert record.get("urls", [None])[0] == item.get("URL")
        assert record.get("publisher") == item.get("publisher")
        # Zotero reads a conference paper's place from C1 (rispy: custom1), not CY.
        place = "custom1" if record["type_of_reference"] == "CONF" else "place_published"
        assert record.get(place) == item.get("publisher-place")
        if "page" in item:
            assert item["page"].startswith(record["start_page"])


def test_ris_of_a_chapter_names_the_book_and_its_editors() -> None:
    (chapter,) = [to_csl(read_bibliography(HERE / "names.bib")["erdos1999"])]
    ris = to_ris([chapter]).splitlines()
    assert ris[0] == "TY  - CHAP"
    assert "T2  - Combinatorics in Europe" in ris
    assert "A2  - van Beethoven, Ludwig" in ris
    assert ris[ris.index("SP  - 1") + 1] == "EP  - 20"


def test_unknown_format_or_style_lists_the_valid_ones() -> None:
    bib = read_bibliography(SEED_BIB)
    with pytest.raises(ValueError, match="unknown format 'docx'; choose one of: bibtex, "):
        export_citations(bib, fmt="docx")
    with pytest.raises(ValueError, match="unknown style 'vancouver'; choose one of: apa, "):
        export_citations(bib, fmt="text", style="vancouver")
    assert EXPORT_FORMATS == ("bibtex", "biblatex", "csl-json", "ris", "text", "markdown", "html")
    assert STYLE_NAMES == ("apa", "chicago", "harvard", "mla", "ieee")


def test_a_cited_key_missing_from_the_bibliography_cannot_be_exported() -> None:
    amap = argmap.read_map(HERE / "missing-key.yaml")
    sources = argmap.cited_sources(amap, read_map_bibliography(amap))
    with pytest.raises(BibliographyError) as caught:
        export_citations(sources, fmt="ris")
    assert [str(i) for i in caught.value.issues] == [
        f"{HERE / 'missing-key.yaml'}:16:15: error: cited key 'vanderberg2021' is not in "
        "the bibliography"
    ]


def test_plain_text_drops_nocase_markup() -> None:
    item = to_csl(read_bibliography(SEED_BIB)["shagina2018dilemma"], markup=True)
    assert (
        plain_text(item["title"])
        == to_csl(read_bibliography(SEED_BIB)["shagina2018dilemma"])["title"]
    )


SPANNED_TITLE = json.dumps(
    [
        {
            "id": "nato2020",
            "type": "article-journal",
            "title": '<span style="font-variant:small-caps;">Nato</span> and the'
            ' <span class="nocase">EU</span>: Deterrence by <i>denial</i>',
            "author": [{"family": "Berg", "given": "Anna"}],
            "issued": {"date-parts": [[2020]]},
        }
    ]
)


def test_plain_text_closes_each_span_of_a_csl_json_title_with_its_own_end() -> None:
    # A small-caps span used to stay open to the end of the title, its "</span>" taken
    # for the nocase span's.
    bib = parse_bibliography(SPANNED_TITLE, filename="spans.json")
    title = (
        '<span style="font-variant:small-caps;">Nato</span> and the EU: Deterrence by <i>denial</i>'
    )
    assert f"TI  - {title}\n" in export_citations(bib, fmt="ris")
    assert argmap.citations.csl_items(bib)[0]["title"] == title


@pytest.mark.skipif(
    importlib.util.find_spec("argmap.citations.formatting") is None,
    reason="the CSL formatting module is not there yet",
)
@pytest.mark.parametrize("output", ["text", "markdown", "html"])
def test_reading_lists_come_from_the_formatting_module(output: str) -> None:
    text = export_citations(read_bibliography(SEED_BIB), fmt=output, style="apa")
    assert text.count("Shagina") >= 3
    if output == "html":
        assert "&amp;" in text  # "Perspective & analysis" is escaped
        # A whole page, as `argmap cite -f html` writes it, under a strict policy.
        assert text.startswith("<!DOCTYPE html>") and text.endswith("</html>\n")
        assert "<title>Reading list</title>" in text and "default-src 'none'" in text


def test_exports_never_modify_the_bibliography_file(tmp_path: Path) -> None:
    before = SEED_BIB.read_bytes()
    for fmt in SUFFIXES:
        export_citations(read_bibliography(SEED_BIB), fmt=fmt)
    assert SEED_BIB.read_bytes() == before


# ---------------------------------------------------------------- re-read by other tools
#
# Every export is read back by the tools users hand it to, and every field must come back:
# biber (BibLaTeX's own reader) for BibTeX and BibLaTeX, rispy (after Zotero's RIS tag
# mapping) for RIS, citeproc-js (Zotero's CSL processor) for CSL-JSON.


#: The field names biber reads under another name (its default source map).
_BIBER_ALIASES = {
    "address": "location",
    "journal": "journaltitle",
    "school": "institution",
    "annote": "annotation",
    "key": "sortkey",
}


def _latex_text(value: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    return " ".join(LatexNodes2Text().latex_to_text(value).split())


def _biber_fields(entry: Any) -> dict[str, str]:
    """An entry's fields as biber names them, year and month as one date."""
    fields = {f.key.lower(): str(f.value) for f in entry.fields}
    year, month = fields.pop("year", None), fields.pop("month", None)
    if year is not None and "date" not in fields:
        months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov")
        number = months.index(month) + 1 if month in months else 12 if month == "dec" else None
        fields["date"] = f"{year}-{number:02d}" if number else year
    return {_BIBER_ALIASES.get(k, k): v for k, v in fields.items()}


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed")
@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
@pytest.mark.parametrize("name", list(BIBS))
def test_biber_reads_every_field_of_the_bibtex_exports(name: str, fmt: str, tmp_path: Path) -> None:
    from bibtexparser.entrypoint import parse_string

    ours = tmp_path / "ours.bib"
    ours.write_text(export_citations(_bib(name), fmt=fmt), encoding="utf-8")
    again = tmp_path / "biber.bib"
    biber = shutil.which("biber")
    assert biber is not None
    done = subprocess.run(
        [biber, "--tool", "--validate-datamodel", "--nolog", f"--output-file={again}", str(ours)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ERROR" not in done.stdout, done.stdout
    read = {e.key: e for e in parse_string(again.read_text("utf-8")).entries}
    written = parse_string(ours.read_text("utf-8")).entries
    assert sorted(read) == sorted(e.key for e in written)
    # Biber itself refuses, with a warning, a field outside BibLaTeX's data model (such as
    # MathSciNet's "mrnumber", which the BibTeX export keeps as written); nothing else may go.
    refused = set(re.findall(r"Entry '([^']+)' \([^)]*\): Field '([^']+)' invalid", done.stdout))
    # Biber's tool mode consumes an "xdata" reference; resolved, its fields must be there.
    resolved: dict[str, dict[str, str]] = {}
    if any(f.key.lower() == "xdata" for e in written for f in e.fields):
        resolved_file = tmp_path / "resolved.bib"
        subprocess.run(
            [biber, "--tool", "--tool-resolve", "--nolog", f"--output-file={resolved_file}",
             str(ours)],
            capture_output=True, text=True, timeout=120, cwd=tmp_path, check=True,
        )  # fmt: skip
        resolved = {
            e.key: _biber_fields(e) for e in parse_string(resolved_file.read_text("utf-8")).entries
        }
    for entry in written:
        theirs = _biber_fields(read[entry.key])
        for field, value in _biber_fields(entry).items():
            if (entry.key, field) in refused:
                continue
            if field == "xdata":
                shared = {f: v for e in written if e.key == value.strip("{}") for f, v in
                          _biber_fields(e).items()}  # fmt: skip
                assert set(shared) <= set(resolved[entry.key]), (entry.key, shared)
                continue
            assert field in theirs, (entry.key, field)
            if field == "keywords":  # a list, which biber writes without spaces
                assert theirs[field].split(",") == [w.strip() for w in value.split(",")]
            elif " # " in value or value.isidentifier():
                continue  # @string macros, which biber writes expanded or as macros
            elif field not in ("author", "editor", "translator", "bookauthor"):
                # Names biber may write in another order of parts; the rest as written.
                assert _latex_text(theirs[field]) == _latex_text(value), (entry.key, field)


def _ris_person(name: dict[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    particle = name.get("non-dropping-particle") or name.get("dropping-particle")
    family = " ".join(p for p in (particle, name.get("family")) if p)
    return ", ".join(p for p in (family, name.get("given"), name.get("suffix")) if p)


def _ris_date(value: str) -> dict[str, Any]:
    parts = [int(p) for p in value.split("/") if p.strip()]
    return {"date-parts": [parts]}


def _csl_from_ris(record: dict[str, Any]) -> dict[str, Any]:
    """A CSL item rebuilt from a rispy record the way Zotero's RIS importer reads it.

    Written apart from the exporter, from Zotero's RIS translator's tag map: a reader's
    view of the file, so that a field the exporter drops or misplaces comes back wrong.
    """
    ty = record["type_of_reference"]
    types = {ris: csl for csl, ris in export_module._RIS_TYPES.items()}
    item: dict[str, Any] = {"id": record["id"], "type": types[ty]}
    unknown = record.get("unknown_tag", {})
    people = {
        "author": record.get("authors"),
        "editor": record.get("tertiary_authors" if ty == "BOOK" else "secondary_authors"),
        "translator": record.get("subsidiary_authors"),
    }
    item.update({role: names for role, names in people.items() if names})
    simple = {
        "title": "title", "title-short": "short_title", "volume": "volume", "issue": "number",
        "edition": "edition", "genre": "type_of_work", "publisher": "publisher",
        "DOI": "doi", "language": "language", "abstract": "abstract",
        "annote": "research_notes", "number-of-volumes": "number_of_volumes",
        "chapter-number": "section", "container-title-short": "alternate_title1",
    }  # fmt: skip
    item.update({field: record[key] for field, key in simple.items() if key in record})
    in_container = ty in ("CHAP", "CONF", "JOUR", "MGZN", "NEWS", "ELEC", "BLOG")
    if ty == "CONF" and "custom3" in record:
        item["event-title"] = record["secondary_title"]
        item["container-title"] = record["custom3"]
        if "tertiary_title" in record:
            item["collection-title"] = record["tertiary_title"]
    elif in_container or "tertiary_title" in record:
        if "secondary_title" in record:
            item["collection-title" if not in_container else "container-title"] = record[
                "secondary_title"
            ]
        if "tertiary_title" in record:
            item["container-title" if not in_container else "collection-title"] = record[
                "tertiary_title"
            ]
    elif "secondary_title" in record:
        # Alone, T2 is a report's or book's series (Zotero: seriesTitle, series).
        item["collection-title"] = record["secondary_title"]
    if "issn" in record:
        if ty in ("RPRT", "PAT"):
            item["number"] = record["issn"]
        else:
            item["ISSN" if ty in ("JOUR", "MGZN", "NEWS") else "ISBN"] = record["issn"]
    if "note" in record:  # M1
        item["collection-number" if ty == "BOOK" else "number"] = record["note"]
    if "SV" in unknown:
        item["collection-number"] = unknown["SV"][0]
    if "start_page" in record:
        if "end_page" in record:
            item["page"] = f"{record['start_page']}-{record['end_page']}"
        else:
            item["page" if ty not in ("BOOK", "THES", "RPRT") else "number-of-pages"] = record[
                "start_page"
            ]
    place = record.get("custom1") if ty == "CONF" else record.get("place_published")
    if place:
        item["publisher-place"] = place
    if "date" in record:
        item["issued"] = _ris_date(record["date"])
    elif "year" in record:
        item["issued"] = {"date-parts": [[int(record["year"])]]}
    if "access_date" in record:
        item["accessed"] = _ris_date(record["access_date"])
    if record.get("urls"):
        item["URL"] = record["urls"][0]
    if record.get("keywords"):
        item["keyword"] = ", ".join(record["keywords"])
    if record.get("notes"):
        item["note"] = " ".join(record["notes"])
    return item


def _as_ris_reads(item: dict[str, Any]) -> dict[str, Any]:
    """What of an item one line a field can carry: names as "Family, Given", text plain."""
    out: dict[str, Any] = {}
    for field, value in item.items():
        if field in ("author", "editor", "translator"):
            out[field] = [_ris_person(p) for p in value]
        elif isinstance(value, str):
            out[field] = re.sub(r"[ \t\r\n]+", " ", plain_text(value)).strip(" ")
        else:
            out[field] = value
    if "page" in out:
        out["page"] = str(out["page"]).replace("\u2013", "-")
    return out


@pytest.mark.parametrize("name", list(BIBS))
def test_rispy_reads_every_field_of_the_ris_export(name: str) -> None:
    bib = _bib(name)
    records = rispy.loads(export_citations(bib, fmt="ris"))
    assert [r["id"] for r in records] == _works(bib)
    for record in records:
        expected = _as_ris_reads(to_csl(bib[record["id"]], sentence_case="title"))
        assert _csl_from_ris(record) == expected, record["id"]


def _dump_style(items: list[dict[str, Any]]) -> str:
    """A CSL style whose bibliography prints every variable the items have, each named."""
    names = {"author", "editor", "translator", "container-author", "collection-editor"}
    dates = {"issued", "accessed", "event-date", "original-date"}
    fields = sorted({f for item in items for f in item} - {"id", "type"})
    parts = ['<text variable="type" prefix="type=" suffix="|"/>']
    for field in fields:
        if field in names:
            parts.append(
                f'<names variable="{field}" prefix="{field}=" suffix="|"><name name-as-sort-order='
                '"all" sort-separator=", " delimiter="; " initialize="false"/></names>'
            )
        elif field in dates:
            parts.append(
                f'<date variable="{field}" prefix="{field}=" suffix="|" delimiter="-">'
                '<date-part name="year"/><date-part name="month" form="numeric"/>'
                '<date-part name="day"/></date>'
            )
        else:
            parts.append(f'<text variable="{field}" prefix="{field}=" suffix="|"/>')
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>dump</title><id>dump</id><updated>2024-01-01T00:00:00Z</updated></info>"
        '<citation><layout><text variable="title"/></layout></citation>'
        f"<bibliography><layout>{''.join(parts)}</layout></bibliography></style>"
    )


@pytest.mark.skipif(
    shutil.which("node") is None or not (TOOLS / "node_modules" / "citeproc").is_dir(),
    reason="node with the citeproc package is not installed (make tools)",
)
def test_citeproc_js_reads_every_field_of_the_csl_json_export(tmp_path: Path) -> None:
    from argmap.citations.csl_engine._locale import LOCALE_DIR

    exports = {name: json.loads(export_citations(_bib(name), fmt="csl-json")) for name in BIBS}
    everything = [item for items in exports.values() for item in items]
    style = tmp_path / "dump.csl"
    style.write_text(_dump_style(everything), encoding="utf-8")
    jobs = tmp_path / "jobs.json"
    jobs.write_text(json.dumps([{"style": str(style), "items": i} for i in exports.values()]))
    node = shutil.which("node")
    assert node is not None
    done = subprocess.run(
        [node, str(TOOLS / "citeproc-render.js"), str(LOCALE_DIR / "locales-en-US.xml"),
         str(jobs)],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    for items, printed in zip(exports.values(), json.loads(done.stdout), strict=True):
        for item in items:
            shown = dict(
                part.split("=", 1) for part in printed[item["id"]].split("|") if "=" in part
            )
            assert set(shown) == set(item) - {"id"}, item["id"]
            for field, value in item.items():
                if isinstance(value, str) and field not in ("type", "id"):
                    # citeproc-js reads the rich text: the words come back, not the tags,
                    # with typographic apostrophes.
                    back = shown[field].replace("\u2019", "'")
                    if field == "page":  # a range, which it prints with an en dash
                        back = back.replace("\u2013", "-")
                    assert " ".join(back.split()) == " ".join(plain_text(value).split()), (
                        item["id"],
                        field,
                    )
