"""The public CSL processor: styles by name, path or text, locales, cite items, positions.

Checked on the seed map's real bibliography; the CSL test suite
(tests/citations/csl_engine/test_csl_suite.py) checks the engine fixture by fixture.
"""

# Typographic quotes are the data these tests check.
# ruff: noqa: RUF001

from __future__ import annotations

import doctest
from pathlib import Path
from typing import Any

import pytest

import argmap.citations
from argmap.citations import CitationProcessor, csl_items, format_bibliography, read_bibliography
from argmap.citations import processor as processor_module
from argmap.citations.csl_engine._locale import LOCALE_DIR, locale_chain
from tests.support import SEED_BIB

ITEMS: list[dict[str, Any]] = csl_items(read_bibliography([SEED_BIB]))
DILEMMA, SANCTIONS, RELATIONS = "shagina2018dilemma", "shagina2018sanctions", "shagina2019sanctions"
NOTE_STYLE = "chicago-notes-bibliography-16th-edition"  # a note style with ibid.


def test_the_processor_is_public_and_its_doctests_pass() -> None:
    assert argmap.citations.CitationProcessor is CitationProcessor
    assert doctest.testmod(processor_module).failed == 0


def test_order_and_bibliography_follow_the_style() -> None:
    processor = CitationProcessor("apa", ITEMS)
    assert processor.order() == [DILEMMA, SANCTIONS, RELATIONS]
    entries = processor.bibliography(fmt="text")
    assert entries[0].startswith("Shagina, M. (2018a). Japan’s dilemma with sanctions policy")
    # The same entries as the reading-list function, which goes through the processor.
    assert format_bibliography(ITEMS, style="apa") == "\n\n".join(entries) + "\n"


def test_html_and_markdown_entries_are_escaped() -> None:
    items = [dict(ITEMS[0], title="Sanctions <and> *tariffs* & quotas")]
    html_entry = CitationProcessor("apa", items).bibliography(fmt="html")[0]
    assert "Sanctions &lt;and&gt; *tariffs* &amp; quotas" in html_entry
    markdown = CitationProcessor("apa", items).bibliography(fmt="markdown")[0]
    assert r"\*tariffs\*" in markdown


def test_cite_items_take_affixes_locators_and_author_options() -> None:
    processor = CitationProcessor("apa", ITEMS)
    clusters: list[list[dict[str, Any]]] = [
        [{"id": DILEMMA, "prefix": "see ", "locator": "3", "label": "chapter"}],
        [{"id": SANCTIONS, "suppress-author": True}],
        [{"id": RELATIONS, "author-only": True}],
        [{"id": DILEMMA, "locator": "12-15"}, {"id": RELATIONS, "suffix": ", for example"}],
    ]
    assert processor.cite(clusters, fmt="text") == [
        "(see Shagina, 2018a, Chapter 3)",
        "(2018b)",
        "(Shagina)",
        "(Shagina, 2018a, pp. 12–15; Shagina, 2019, for example)",
    ]


def test_a_cite_s_punctuated_affixes_replace_the_cluster_delimiter_s() -> None:
    processor = CitationProcessor("apa", ITEMS)
    assert processor.cite(
        [
            [{"id": DILEMMA, "suffix": " is one source,"}, {"id": RELATIONS, "suffix": " another"}],
            [{"id": DILEMMA}, {"id": RELATIONS, "prefix": ", and "}],
        ]
    ) == [
        "(Shagina, 2018a is one source, Shagina, 2019 another)",
        "(Shagina, 2018a, and Shagina, 2019)",
    ]


def test_hyphenated_words_in_a_locator_are_no_range() -> None:
    cites = [
        [{"id": DILEMMA, "locator": "Japan-Russia", "label": "section"}],
        [{"id": DILEMMA, "locator": "ii-iv", "label": "section"}],
    ]
    assert CitationProcessor("chicago", ITEMS).cite(cites) == [
        "(Shagina 2018a, sec. Japan-Russia)",
        "(Shagina 2018a, secs. ii–iv)",
    ]


def test_a_locator_that_opens_with_its_own_label_takes_no_other() -> None:
    processor = CitationProcessor("apa", ITEMS)
    assert processor.cite([[{"id": DILEMMA, "locator": "vol. 2, p. 7"}]]) == [
        "(Shagina, 2018a, vol. 2, p. 7)"
    ]


def test_a_sub_verbo_locator_takes_the_style_s_term() -> None:
    # CSL-JSON spells the label "sub verbo", the locale's term is "sub-verbo".
    cite = [[{"id": DILEMMA, "locator": "sanctions", "label": "sub verbo"}]]
    assert CitationProcessor("harvard", ITEMS).cite(cite) == ["(Shagina, 2018a, s.v. sanctions)"]
    assert CitationProcessor("chicago", ITEMS).cite(cite) == ["(Shagina 2018a, under sanctions)"]


def test_positions_run_across_clusters() -> None:
    processor = CitationProcessor(NOTE_STYLE, ITEMS)
    notes = processor.cite(
        [
            [{"id": DILEMMA, "locator": "4"}],
            [{"id": DILEMMA, "locator": "4"}],  # ibid
            [{"id": DILEMMA, "locator": "7"}],  # ibid-with-locator
            [{"id": RELATIONS}],  # first
            [{"id": DILEMMA}],  # subsequent: a short note
        ],
        fmt="text",
    )
    assert notes[0].startswith("Maria Shagina, Japan’s Dilemma with Sanctions Policy")
    assert notes[1:3] == ["Ibid.", "Ibid., 7."]
    assert notes[3].startswith("Maria Shagina, Sanctions in Japan-Russia Economic Relations")
    assert notes[4] == "Shagina, Japan’s Dilemma with Sanctions Policy towards Russia."


def test_a_citation_object_gives_its_note_number() -> None:
    style = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
      <citation near-note-distance="2"><layout>
        <choose><if position="near-note"><text value="near "/></if></choose>
        <text variable="first-reference-note-number" prefix="first in note "/>
      </layout></citation></style>"""
    processor = CitationProcessor(style, ITEMS)
    clusters: list[Any] = [
        {"citationItems": [{"id": DILEMMA}], "properties": {"noteIndex": 1}},
        {"citationItems": [{"id": DILEMMA}], "properties": {"noteIndex": 3}},
        {"citationItems": [{"id": DILEMMA}], "properties": {"noteIndex": 9}},
    ]
    first = "[CSL STYLE ERROR: reference with no printed form.]"  # nothing to print yet
    assert processor.cite(clusters) == [first, "near first in note 1", "first in note 1"]


def test_a_citation_the_style_prints_nothing_for_says_so() -> None:
    style = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <citation><layout prefix="(" suffix=")" delimiter="; ">
        <text variable="container-title"/>
      </layout></citation></style>"""
    assert CitationProcessor(style, ITEMS).cite([[{"id": DILEMMA}]]) == [
        "([CSL STYLE ERROR: reference with no printed form.])"
    ]


def test_a_numbered_list_marks_an_entry_the_style_prints_nothing_for() -> None:
    style = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <citation><layout><text variable="citation-number"/></layout></citation>
      <bibliography><layout><choose><if variable="container-title">
        <text variable="citation-number" suffix=". "/><text variable="container-title"/>
      </if></choose></layout></bibliography></style>"""
    items = [dict(ITEMS[0], **{"container-title": "Focus Asia"}), ITEMS[1]]
    assert CitationProcessor(style, items).bibliography() == [
        "1. Focus Asia",
        "2. [CSL STYLE ERROR: reference with no printed form.]",
    ]


def test_styles_by_collection_name_path_and_xml_text(tmp_path: Path) -> None:
    by_name = CitationProcessor("nature", ITEMS).bibliography()
    path = processor_module.style_path("nature")
    assert path is not None
    assert CitationProcessor(path, ITEMS).bibliography() == by_name
    assert CitationProcessor(str(path), ITEMS).bibliography() == by_name
    assert CitationProcessor(path.read_text(encoding="utf-8"), ITEMS).bibliography() == by_name
    assert by_name[0].startswith("1. Shagina, M. Japan’s Dilemma with Sanctions Policy")


def test_a_dependent_style_of_the_collection_renders_as_its_parent() -> None:
    dependent = processor_module.style_path("2d-materials")
    assert dependent is not None and dependent.parent.name == "dependent"
    assert (
        CitationProcessor("2d-materials", ITEMS).bibliography()
        == CitationProcessor("institute-of-physics-numeric", ITEMS).bibliography()
    )


def test_unknown_styles_and_ids_are_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="unknown style 'no-such-style'"):
        CitationProcessor("no-such-style", ITEMS)
    with pytest.raises(ValueError, match=r"unknown style '\.\./apa'"):
        CitationProcessor("../apa", ITEMS)
    with pytest.raises(ValueError, match="not a readable CSL style"):
        CitationProcessor("<style", ITEMS)
    with pytest.raises(ValueError, match="'nowhere' is not among"):
        CitationProcessor("apa", ITEMS).cite([[{"id": "nowhere"}]])
    with pytest.raises(ValueError, match="unknown output 'pdf'"):
        CitationProcessor("apa", ITEMS).bibliography(fmt="pdf")


def test_locales_fall_back_to_the_language_then_to_american_english() -> None:
    assert locale_chain("de-AT") == ["en-US", "de-DE", "de-AT"]
    assert locale_chain("fr") == ["en-US", "fr-FR"]
    assert locale_chain("en-US-x-sort-de") == ["en-US"]
    assert locale_chain("xx-YY") == ["en-US"]
    german = CitationProcessor("apa", ITEMS, locale="de-AT")
    assert german.cite([[{"id": RELATIONS, "locator": "3"}]]) == ["(Shagina, 2019, S. 3)"]
    assert CitationProcessor("apa", ITEMS, locale="xx-YY").cite([[{"id": RELATIONS}]]) == [
        "(Shagina, 2019)"
    ]


def test_the_vendored_locales_carry_their_licence() -> None:
    licence = (LOCALE_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY-SA 3.0" in licence
    assert (LOCALE_DIR / "locales-en-US.xml").is_file()
    assert len(list(LOCALE_DIR.glob("locales-*.xml"))) >= 60
