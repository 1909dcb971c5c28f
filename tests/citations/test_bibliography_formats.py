"""Bibliographies in CSL-JSON, CSL-YAML and RIS: read, told apart, located when wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.citations import export_citations, parse_bibliography, read_bibliography
from argmap.citations.bibliography import bibliography_format, read_map_bibliography
from argmap.citations.checks import check_citations
from argmap.citations.csl import to_csl
from argmap.errors import BibliographyError
from tests.support import DATA, SEED_BIB, SEED_MAP

CORPUS = DATA / "bibliographies"


def test_a_zotero_csl_json_item_reaches_the_formatter_unchanged() -> None:
    path = CORPUS / "bbt-deterministic-ordering.json"
    written = json.loads(path.read_text(encoding="utf-8"))
    bib = read_bibliography(path)
    assert list(bib) == [item["id"] for item in written]
    for item in written:
        assert to_csl(bib[item["id"]], markup=True) == item
    assert bib.issues == []
    assert (bib[written[0]["id"]].location.line, bib[written[0]["id"]].location.column) == (2, 3)


def test_argmaps_own_csl_json_reads_back_as_the_same_items(tmp_path: Path) -> None:
    exported = export_citations(read_bibliography(SEED_BIB), fmt="csl-json")
    path = tmp_path / "seed.json"
    path.write_text(exported, encoding="utf-8")
    again = export_citations(read_bibliography(path), fmt="csl-json")
    assert json.loads(again) == json.loads(exported)


def test_a_map_may_name_a_csl_json_bibliography(tmp_path: Path) -> None:
    (tmp_path / "refs.json").write_text(
        export_citations(read_bibliography(SEED_BIB), fmt="csl-json"), encoding="utf-8"
    )
    text = SEED_MAP.read_text(encoding="utf-8").replace(
        "bibliography: [../bibliography/shagina-japan-russia.bib]", "bibliography: [refs.json]"
    )
    (tmp_path / "map.yaml").write_text(text, encoding="utf-8")
    amap = argmap.read_map(tmp_path / "map.yaml")
    assert check_citations(amap, read_map_bibliography(amap)) == []


def test_pandocs_csl_yaml_reads_its_markdown_and_old_dates() -> None:
    bib = read_bibliography(CORPUS / "bbt-pandoc-schomd.yaml")
    adams = to_csl(bib["Adams2001"], markup=True)
    assert adams["title"].startswith("The physical volcanology of the 1600 eruption of <b>")
    assert adams["issued"] == {"date-parts": [[2014, 12, 31], [2015, 1, 1]]}
    assert to_csl(bib["Adams2001"])["title"].endswith("<b>Huaynaputina</b>, southern Peru")


def test_zoteros_ris_reads_as_pandoc_keys_and_maps_it() -> None:
    bib = read_bibliography(CORPUS / "asreview-pubmed-zotero.ris")
    assert len(bib) == 6
    key = next(iter(bib))
    item = to_csl(bib[key])
    assert item["type"] == "article-journal"
    assert key.endswith("_" + str(item["issued"]["date-parts"][0][0]))
    assert bib[key].location.line == 1
    assert all(entry.location.column == 1 for entry in bib.values())


@pytest.mark.parametrize(
    ("filename", "text", "expected"),
    [
        ("refs.bib", '[{"id": "k", "type": "book"}]', "csl-json"),
        ("refs.txt", "\ufeffTY  - JOUR\nER  - \n", "ris"),
        ("refs", "references:\n- id: k\n", "csl-yaml"),
        ("refs.json", "", "csl-json"),
        ("refs.txt", "@book{k, title={T}}", "bibtex"),
        ("refs.txt", "Some notes", None),
    ],
)
def test_the_format_is_told_by_content_then_extension(
    filename: str, text: str, expected: str | None
) -> None:
    assert bibliography_format(filename, text) == expected


@pytest.mark.parametrize(
    ("filename", "text", "message"),
    [
        (
            "refs.json",
            '[\n  {"id": "a", "type": "book"},\n  {"id": "b" "type": "book"}\n]',
            "refs.json:3:14: error: this CSL-JSON file is not valid JSON: Expecting ',' delimiter",
        ),
        (
            "refs.json",
            '[{"id": "a", "type": "book"},\n {"type": "book", "title": "T"}]',
            "refs.json:2:2: error: this CSL item has no 'id'; give it the key it is cited by",
        ),
        (
            "refs.json",
            '[{"id": "a", "type": "book"},\n {"id": "a", "type": "book"}]',
            "refs.json:2:2: error: duplicate key 'a': already defined at refs.json:1:2",
        ),
        (
            "refs.yaml",
            "references:\n- id: a\n  title: [unclosed\n",
            "refs.yaml:4:1: error: this CSL-YAML file is not valid YAML: expected ',' or ']', "
            "but got '<stream end>'",
        ),
        (
            "refs.ris",
            "TY  - JOUR\nTI  - One\nER  - \n\nTY  - BOOK\nTI  - Two\n",
            "refs.ris:5:1: error: this RIS record does not end: add a line 'ER  -' after its "
            "last tag",
        ),
        (
            "refs.txt",
            "Smith, A. (2001). A title.\n",
            "refs.txt:1:1: error: cannot tell the format of this bibliography: expected BibTeX "
            'or BibLaTeX (@article{key, ...}), CSL-JSON ([{"id": ...}]), CSL-YAML '
            "(references:) or RIS (TY  - JOUR); name the file .bib, .json, .yaml or .ris",
        ),
    ],
    ids=["json-syntax", "json-no-id", "json-duplicate", "yaml-syntax", "ris-no-end", "unknown"],
)
def test_a_file_argmap_cannot_read_says_so_in_one_located_line(
    filename: str, text: str, message: str
) -> None:
    with pytest.raises(BibliographyError) as caught:
        parse_bibliography(text, filename=filename)
    assert [str(issue) for issue in caught.value.issues] == [message]
