"""CSL rules under argmap's bundled styles: names, disambiguation, collapsing, affixes.

Checked on the seed map's real bibliography, its items given co-authors where a case
needs them; the CSL test suite (tests/citations/csl_engine/test_csl_suite.py) checks each
rule in isolation.
"""

# Typographic apostrophes and dashes are the data these tests check.
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

from typing import Any

import pytest

from argmap.citations import CitationProcessor, csl_items, read_bibliography
from tests.support import SEED_BIB

ITEMS: list[dict[str, Any]] = csl_items(read_bibliography([SEED_BIB]))
CO_AUTHORS = [{"family": "Kuznetsov", "given": "Ivan"}, {"family": "Sato", "given": "Yuki"}]


def _two_works_of_2018() -> list[dict[str, Any]]:
    """The seed's two 2018 reports, by the same three authors and a fourth on the second."""
    first, second = (dict(item) for item in ITEMS if item["id"].startswith("shagina2018"))
    first["author"] = [*first["author"], *CO_AUTHORS]
    second["author"] = [*second["author"], *CO_AUTHORS, {"family": "Tanaka", "given": "Aiko"}]
    return [first, second]


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("apa", ["(Shagina, Kuznetsov, & Sato, 2018)", "(Shagina, Kuznetsov, Sato, et al., 2018)"]),
        (
            "chicago-author-date",
            ["(Shagina, Kuznetsov, and Sato 2018)", "(Shagina, Kuznetsov, Sato, et al. 2018)"],
        ),
    ],
)
def test_added_names_stop_where_et_al_tells_the_cites_apart(
    style: str, expected: list[str]
) -> None:
    # Three names and "et al." differ from the same three names alone: a fourth name
    # is not needed.
    items = _two_works_of_2018()
    clusters = [[{"id": item["id"]}] for item in items]
    assert CitationProcessor(style, items).cite(clusters, fmt="text") == expected


def _by(item: dict[str, Any], family: str, given: str) -> dict[str, Any]:
    return dict(item, author=[{"family": family, "given": given}])


def test_abbreviated_and_elided_particles_are_taken_from_the_family_name() -> None:
    # "v.d." and "in 't" are particles: Chicago moves them behind the given name and
    # sorts by "Berg" and "Veld"; APA keeps them in front and sorts by them.
    items = [_by(ITEMS[0], "in 't Veld", "Jan"), _by(ITEMS[2], "v.d. Berg", "Anna")]
    chicago = CitationProcessor("chicago-author-date", items).bibliography(fmt="text")
    assert [entry.split(".")[0] for entry in chicago] == ["Berg, Anna v", "Veld, Jan in ’t"]
    apa = CitationProcessor("apa", items).bibliography(fmt="text")
    assert [entry.split(" (")[0] for entry in apa] == ["in ’t Veld, J.", "v.d. Berg, A."]


def test_a_particle_inside_given_names_stays_apart_from_initials_before_it() -> None:
    # Harvard initialises without a space ("J.B."); the kept "de" still needs one.
    items = [_by(ITEMS[0], "Saunders", "John Bertrand de Cusance Morant")]
    entry = CitationProcessor("harvard-cite-them-right", items).bibliography(fmt="text")[0]
    assert entry.startswith("Saunders, J.B. de C.M. (2018)")


def test_a_cites_affixes_keep_their_punctuation_outside_quotation_marks() -> None:
    # American English moves punctuation into the style's quotation marks, not into
    # those the writer typed in a prefix or suffix.
    dilemma = ITEMS[0]["id"]
    clusters = [
        [{"id": dilemma, "suffix": ', calling it "a delicate act".'}],
        [{"id": dilemma, "prefix": 'see "Japan", '}],
    ]
    assert CitationProcessor("apa", ITEMS).cite(clusters, fmt="text") == [
        "(Shagina, 2018a, calling it “a delicate act”.)",
        "(see “Japan”, Shagina, 2018a)",
    ]


def test_a_given_name_in_tags_is_still_initialised() -> None:
    # Tags written into a name stay around its initial instead of stopping it, and
    # format it as in any other field.
    items = [_by(ITEMS[0], "Shagina", "<i>Maria</i>-Anna")]
    processor = CitationProcessor("apa", items)
    assert processor.bibliography(fmt="text")[0].startswith("Shagina, M.-A. (2018)")
    assert processor.bibliography(fmt="html")[0].startswith("Shagina, <em>M.</em>-A. (2018)")


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("apa", "Shagina, M., Kuznetsov, I., et al. (2018)"),
        ("chicago-author-date", "Shagina, Maria, Ivan Kuznetsov, et al. 2018."),
    ],
)
def test_a_list_ending_in_others_is_cut_short_with_et_al(style: str, expected: str) -> None:
    # BibTeX's "and others" is CSL-JSON's {"literal": "others"}: "et al." after the
    # names before it, as pandoc prints it, not the word "others".
    item = dict(ITEMS[0], author=[*ITEMS[0]["author"], CO_AUTHORS[0], {"literal": "others"}])
    entry = CitationProcessor(style, [item]).bibliography(fmt="text")[0]
    assert entry.startswith(expected)
    assert "others" not in entry


def test_a_range_of_years_across_eras_writes_both_eras() -> None:
    # Years of one era write it once ("334–333 BC"); across the change both ends keep
    # theirs: one era after both would date the start wrongly.
    item = dict(ITEMS[0], issued={"date-parts": [[-43], [14]]})
    entry = CitationProcessor("chicago-author-date", [item]).bibliography(fmt="text")[0]
    assert entry.startswith("Shagina, Maria. 43 BC–14 AD.")
