"""CSL rules on entries of the corpus of real bibliographies (tests/data/bibliographies/).

Each case is an entry written by others that argmap's processor once printed otherwise
than citeproc-js; the expected text is citeproc-js's (the CSL processor of Zotero), fed
the same items. tests/citations/test_bibliography_score.py scores the whole corpus; these tests
say which rule each entry checks.
"""

# Typographic quotes and apostrophes are the data these tests check.
# ruff: noqa: RUF001

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from argmap.citations import csl_items, read_bibliography
from argmap.citations.formatting import format_references
from tests.support import DATA

CORPUS = DATA / "bibliographies"


@cache
def _items(file: str) -> list[dict[str, Any]]:
    return csl_items(read_bibliography(CORPUS / file), markup=True)


@cache
def _entries(file: str, style: str) -> dict[str, str]:
    return format_references(_items(file), style=style, output="text")


def entry(file: str, key: str, style: str) -> str:
    """The entry of one work of a corpus file, formatted with the rest of its file."""
    return _entries(file, style)[key]


@pytest.mark.parametrize(
    ("file", "key", "style", "expected"),
    [
        # A name ending in an apostrophe: the delimiter after it stays outside.
        (
            "bbt-particles.bib",
            "almeida_reading_2013",
            "apa",
            "Almeida, L. d’, Edwards, J., & Dolcetti, A. (Eds.). (2013).",
        ),
        ("bbt-particles.bib", "abbot1", "apa", "Aubignac, F. H., abbé d’. (n.d.)."),
        ("bbt-particles.bib", "bugreports_ApostropheOnParticle", "chicago", "Jones, John d’. n.d."),
        # A title ending in an apostrophe (its quotation closed earlier): the period
        # stays after it, inside the style's own quotation marks.
        (
            "asreview-baseline-zotero.ris",
            "Gabriels_Brouwer_maat_van_2015",
            "apa",
            "Systematic Review ‘Parents’ Experience of Kangaroo Care’. Pediatrics",
        ),
        (
            "asreview-baseline-zotero.ris",
            "Gabriels_Brouwer_maat_van_2015",
            "chicago",
            "Systematic Review ‘Parents’ Experience of Kangaroo Care’.” Pediatrics",
        ),
        # A quotation closing a title in no-case markup: the period goes inside both.
        (
            "bbt-collections.bib",
            "Apostol-1985-MarioBungesCritical",
            "chicago",
            "“About Mario Bunge’s ‘A Critical Examination of Dialectics.’” Studies",
        ),
    ],
)
def test_punctuation_moves_into_quotations_but_not_past_apostrophes(
    file: str, key: str, style: str, expected: str
) -> None:
    assert expected in entry(file, key, style)


@pytest.mark.parametrize(
    ("file", "key", "style", "expected"),
    [
        (
            "bbt-particles.bib",
            "disambiguate_FailWithYearSuffix",
            "apa",
            "Caritas Europa & JRS-Europe.",
        ),
        ("bbt-particles.bib", "sort_ChicagoYearSuffix1", "apa", "Zoo, B. & Beijing Zoo."),
        (
            "bbt-particles.bib",
            "sort_ChicagoYearSuffix1",
            "chicago",
            "Zoo, Beijing and Beijing Zoo.",
        ),
        (
            "bbt-read-only-group.bib",
            "uhlir2012",
            "chicago",
            "Uhlir, P. F. and National Research Council (U.S.), eds.",
        ),
    ],
)
def test_before_an_institution_the_last_delimiter_follows_the_style_not_the_name(
    file: str, key: str, style: str, expected: str
) -> None:
    # APA and Chicago ask <name delimiter-precedes-last="always">; an institution last
    # in the list takes the style's own setting (contextual: no comma between two).
    assert entry(file, key, style).startswith(expected)


@pytest.mark.parametrize(
    ("key", "style", "expected"),
    [
        (
            "t5",
            "apa",
            "Doe5, J. (334 B.C.E.). BC tests: -0333. (Original work published 334–333 B.C.E.)",
        ),
        ("t6", "apa", "Doe6, J. (100–44 B.C.E.)."),
        ("t5", "chicago", "Doe5, John. (334–333 BC) 334 BC."),
        ("t6", "chicago", "Doe6, John. 100–44 BC."),
    ],
)
def test_a_range_of_years_of_one_era_writes_the_era_once(
    key: str, style: str, expected: str
) -> None:
    assert entry("bbt-date-export.json", key, style).startswith(expected)


@pytest.mark.parametrize(
    ("file", "key", "style", "expected"),
    [
        # Brackets, periods and dashes end a word as spaces do.
        (
            "asreview-baseline-zotero.ris",
            "de_Kök_Hoving_Slump_Toorop_de_2020",
            "chicago",
            "“(In)Comparability of Carotid Artery Stent Characteristics:",
        ),
        (
            "bbt-read-only-group.bib",
            "misutka2015",
            "apa",
            "Https://Github.Com/Ufal/Lindat-Dspace.",
        ),
        (
            "bbt-read-only-group.bib",
            "borgman",
            "chicago",
            "“HarvardDataCitationSymposiumBorgman20120516.Pptx - "
            "Harvarddatacitationsymposiumborgman20120516.Pdf.”",
        ),
        # A stop word before a bracket is still a stop word.
        (
            "bbt-date-export.json",
            "doe12_edtf_2011",
            "chicago",
            "“EDTF Date YYYY-MM~ [Month Precision & circa]: 2011-05~.”",
        ),
        # A lone letter stays as written, before a colon too.
        (
            "bbt-deterministic-ordering.json",
            "morgan2016",
            "chicago",
            "“Caster Semenya Wins 800 m: Beaten GB Finalist",
        ),
        # What follows an apostrophe is not a word of its own; the apostrophe stays.
        (
            "bbt-particles.bib",
            "almeida_reading_2013",
            "chicago",
            "Reading HLA Hart’s: The Concept of Law.",
        ),
        ("bbt-deterministic-ordering.json", "tagg2016", "chicago", "“Macho Men in a Girls’ Game:"),
    ],
)
def test_title_case_splits_words_as_citeproc_js_does(
    file: str, key: str, style: str, expected: str
) -> None:
    assert expected in entry(file, key, style)


@pytest.mark.parametrize("style", ["apa", "chicago"])
def test_markup_in_a_title_does_not_sort(style: str) -> None:
    # An untitled work sorts by its title, here "<span class="nocase">CLARIN</span> -
    # ...": between "Christine" and "Cliggett", as citeproc-js orders it, not after
    # every letter as the tag's "<" would put it.
    keys = list(_entries("bbt-read-only-group.bib", style))
    assert keys.index("christine2014") + 1 == keys.index("zotero-item-125")
    assert keys.index("zotero-item-125") + 1 == keys.index("cliggett")
