"""Reading bibliographies: decoded entries, and every problem reported at path:line:column."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.citations import (
    BibEntry,
    Bibliography,
    parse_bibliography,
    read_bibliography,
    read_map_bibliography,
)
from argmap.errors import BibliographyError, Location
from tests.support import BIBLIOGRAPHY, DATA, SEED_BIB

HERE = DATA / "citations"


def test_seed_bibliography_is_read_and_decoded() -> None:
    bib = argmap.read_bibliography(SEED_BIB)
    assert list(bib) == ["shagina2018dilemma", "shagina2018sanctions", "shagina2019sanctions"]
    assert bib.issues == []
    entry = bib["shagina2018sanctions"]
    assert entry.type == "techreport"
    assert entry["title"] == (
        "Japan's Sanctions Policy Vis-\u00e0-Vis Russia: Implications for Western Sanctions Unity"
    )
    assert entry.fields["title"].startswith("{Japan}'s")  # the raw value is kept
    assert entry["series"] == "Sasakawa USA Forum"
    assert entry["month"] == "9"
    assert str(entry.location) == f"{SEED_BIB}:16:1"
    assert str(entry.field_location("title")) == f"{SEED_BIB}:18"
    dilemma = bib["shagina2018dilemma"]
    assert dilemma["series"] == "Focus Asia: Perspective & Analysis"
    assert dilemma.names["author"][0].family == "Shagina"


@pytest.mark.parametrize("path", sorted(BIBLIOGRAPHY.glob("*.bib")), ids=lambda p: p.name)
def test_every_repository_bibliography_reads_without_warnings(path: Path) -> None:
    bib = read_bibliography(path)
    assert len(bib) > 0
    assert bib.issues == []


def test_names_fixture_decodes_names_and_keeps_urls_verbatim() -> None:
    bib = read_bibliography(HERE / "names.bib")
    assert [str(n) for n in bib["vanderberg2020"].names["author"]] == [
        "van der Berg, Jan",
        "Müller, Jérôme",
        "de la Fontaine, Jr., Jean",
    ]
    assert bib["isdp2017"].names["author"][0].literal == (
        "Institute for Security and Development Policy"
    )
    assert bib["mao2021"]["url"] == "https://example.org/tracker?a=1&b=2%20c_d"
    assert bib["garcia2015"]["school"] == "Université de Genève"
    assert bib["vanderberg2020"]["doi"] == "10.1080/01402390.2019.1234567"


def test_broken_file_reports_every_error_located() -> None:
    path = HERE / "broken.bib"
    with pytest.raises(BibliographyError) as caught:
        read_bibliography(path)
    lines = [str(issue) for issue in caught.value.issues]
    assert lines == [
        f"{path}:3:1: error: duplicate key 'dup': already defined at {path}:1:1",
        f"{path}:5:1: error: entry 'twice' sets title more than once; keep one value per field",
        f"{path}:7:9: error: this @article entry is never closed; end it with '}}'",
        f"{path}:8:1: warning: entry 'odd' has unknown type @thing; it is treated as @misc "
        "(known types include article, book, incollection, inproceedings, misc, online, "
        "report, thesis, ...)",
        f"{path}:9:1: warning: @article entry 'thin' has no author",
        f"{path}:9:1: warning: @article entry 'thin' has no journal or journaltitle",
    ]
    assert str(caught.value).startswith("3 errors in bibliography")


def test_warnings_alone_do_not_raise() -> None:
    bib = parse_bibliography("@article{k, title = {T}}\n", filename="mine.bib")
    assert [str(i) for i in bib.issues] == [
        "mine.bib:1:1: warning: @article entry 'k' has no author",
        "mine.bib:1:1: warning: @article entry 'k' has no journal or journaltitle",
        "mine.bib:1:1: warning: @article entry 'k' has no year or date",
    ]
    assert [i.code for i in bib.issues] == ["missing-field"] * 3


def test_strings_and_concatenations_resolve_as_bibtex_does() -> None:
    bib = parse_bibliography(
        "@string{press = {Foo Press}}\n"
        '@String{Series = "Focus " # {Asia}}\n'
        "@misc{d, publisher = PRESS, note = bar,\n"
        '  title = press # { and } # "more", year = 2020, month = nov,\n'
        '  series = series # {: Perspective}, date = 2020 # "-" # {11}, addendum = nov # "~5"}\n',
        filename="s.bib",
    )
    entry = bib["d"]
    assert entry["publisher"] == "Foo Press"  # macro names are case-insensitive
    assert entry["title"] == "Foo Press and more"
    assert entry["series"] == "Focus Asia: Perspective"
    assert entry["date"] == "2020-11"
    assert entry["addendum"] == "November\u00a05"  # BibTeX's month macros
    assert entry["month"] == "11"
    # The values as written are kept for the exports, with the macros they use.
    assert ("title", 'press # { and } # "more"') in entry.written
    assert [name for name, _ in entry.macros] == ["press", "series"]
    assert [str(i) for i in bib.issues] == [
        "s.bib:3: warning: field 'note' of entry 'd' uses @string 'bar', which is not defined; "
        "define it before the entry or write the value in braces",
    ]


def test_strings_of_a_file_hold_in_the_files_after_it(tmp_path: Path) -> None:
    first = tmp_path / "strings.bib"
    first.write_text("@string{jss = {Journal of Strategic Studies}}\n", encoding="utf-8")
    second = tmp_path / "works.bib"
    second.write_text(
        "@article{a, author = {A, B}, title = {T}, journal = jss, year = 2020}\n",
        encoding="utf-8",
    )
    bib = read_bibliography([first, second])
    assert bib["a"]["journal"] == "Journal of Strategic Studies"
    assert bib.issues == []


def test_entries_keep_their_text_and_fields_as_written() -> None:
    text = SEED_BIB.read_text(encoding="utf-8")
    entry = read_bibliography(SEED_BIB)["shagina2018dilemma"]
    assert entry.raw in text and entry.raw.startswith("@techreport{shagina2018dilemma,")
    assert entry.written_type == "techreport"
    assert [name for name, _ in entry.written] == [
        "author", "title", "series", "institution", "address", "year", "month",
        "pagetotal", "url",
    ]  # fmt: skip
    assert dict(entry.written)["month"] == "nov"
    assert dict(entry.written)["series"] == r"{{Focus Asia}: Perspective \& Analysis}"
    odd = parse_bibliography("@TechReport{K, Title = {T}, Institution = {I}, Year = 1}")["K"]
    assert odd.written_type == "TechReport" and odd.type == "techreport"
    assert [name for name, _ in odd.written] == ["Title", "Institution", "Year"]


def test_keys_resolve_across_files_and_duplicates_across_files_are_errors(tmp_path: Path) -> None:
    other = tmp_path / "other.bib"
    other.write_text("@misc{extra, title = {Extra}}\n", encoding="utf-8")
    bib = read_bibliography([SEED_BIB, other])
    assert "extra" in bib and "shagina2018dilemma" in bib
    assert bib.sources == [str(SEED_BIB), str(other)]
    clash = tmp_path / "clash.bib"
    clash.write_text("\n@misc{shagina2019sanctions, title = {Clash}}\n", encoding="utf-8")
    with pytest.raises(BibliographyError) as caught:
        read_bibliography([SEED_BIB, clash])
    (issue,) = caught.value.issues
    assert str(issue) == (
        f"{clash}:2:1: error: duplicate key 'shagina2019sanctions': already defined at "
        f"{SEED_BIB}:28:1"
    )


def test_missing_and_non_utf8_files_are_reported_together(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.bib"
    with pytest.raises(BibliographyError) as caught:
        read_bibliography([missing, HERE / "latin1.bib"])
    assert {str(i) for i in caught.value.issues} == {
        f"{HERE / 'latin1.bib'}:1:26: error: not UTF-8: byte 0xfc cannot be decoded; "
        "save the file as UTF-8",
        f"{missing}: error: no such file",
    }


def test_read_map_bibliography_resolves_paths_relative_to_the_map(
    seed_map: argmap.ArgumentMap,
) -> None:
    bib = read_map_bibliography(seed_map)
    assert isinstance(bib, Bibliography)
    assert all(isinstance(e, BibEntry) for e in bib.values())
    assert Path(bib.sources[0]).resolve() == SEED_BIB.resolve()


def test_input_files_are_never_modified() -> None:
    before = SEED_BIB.read_bytes()
    read_bibliography(SEED_BIB)
    assert SEED_BIB.read_bytes() == before


def test_citation_api_is_exported_from_argmap() -> None:
    import argmap.citations

    names = [
        "BibEntry",
        "Bibliography",
        "CitedSource",
        "check_citations",
        "cited_sources",
        "export_citations",
        "parse_bibliography",
        "read_bibliography",
        "read_map_bibliography",
    ]
    assert set(names) <= set(argmap.citations.__all__)
    assert {"Bibliography", "read_bibliography", "cited_sources"} <= set(argmap.__all__)


def test_a_commented_out_entry_and_field_are_comments_as_biber_reads_them() -> None:
    bib = parse_bibliography(
        "%@ARTICLE{k, title = {Old}}\n"
        "@article{k, author = {Smith, Ann}, title = {New},\n"
        "  % journal = {Gone},\n"
        "  journaltitle = {Argumentation}, year = 2020}\n",
        filename="c.bib",
    )
    assert list(bib) == ["k"]
    assert bib["k"].text["title"] == "New"
    assert "journal" not in bib["k"].text
    assert bib["k"].location == Location("c.bib", 2, 1)


def _doubling(steps: int) -> str:
    strings = "".join(f"@string{{s{i + 1} = s{i} # s{i}}}\n" for i in range(steps))
    return '@string{s0 = "0123456789abcdef"}\n' + strings + f"@misc{{k, title = s{steps}}}\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            _doubling(20),
            "h.bib:17:1: error: @string 's16' expands to 1,048,576 characters, more than the "
            "limit of 1,000,000 for one value; @string macros that use each other twice "
            "double at each step",
        ),
        (
            "@string{a = {" + "x" * 600_000 + "}}\n@misc{k, title = a # a}\n",
            "h.bib:2:1: error: field 'title' of entry 'k' expands to 1,200,000 characters, "
            "more than the limit of 1,000,000 for one value; @string macros that use each "
            "other twice double at each step",
        ),
        (
            "@misc{k, title = {A}}\n@book{, title = {B}}\n",
            "h.bib:2:1: error: this @book entry has no key; write one after '@book{', then a comma",
        ),
    ],
    ids=["doubling-strings", "long-field", "empty-key"],
)
def test_hostile_input_is_a_located_error(text: str, message: str) -> None:
    assert len(text) < 2_000_000
    with pytest.raises(BibliographyError) as caught:
        parse_bibliography(text, filename="h.bib")
    assert str(caught.value.issues[0]) == message


def test_a_crossref_chain_of_600_entries_resolves_without_recursion() -> None:
    chain = "".join(f"@misc{{k{i}, crossref = {{k{i + 1}}}}}\n" for i in range(600))
    bib = parse_bibliography(chain + "@misc{k600, title = {End}, year = 2000}\n")
    assert bib["k0"].text["title"] == "End"
    assert [p.key for p in bib["k0"].parents] == ["k1"]


def test_100000_authors_are_read_in_linear_time() -> None:
    import time

    authors = " and ".join(f"Person{i}, A." for i in range(100_000))
    start = time.process_time()
    bib = parse_bibliography(f"@book{{k, author = {{{authors}}}, title = {{T}}, year = 2000}}")
    assert time.process_time() - start < 20  # it took minutes when splitting was quadratic
    assert len(bib["k"].names["author"]) == 100_000
    assert str(bib["k"].names["author"][-1]) == "Person99999, A."
