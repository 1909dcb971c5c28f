"""biblatex's localisation keys in database fields, as the words they stand for.

A ``.bib`` entry may write a key instead of words: ``type = {patentfr}``, ``pubstate =
{inpress}``, ``series = {newseries}``, ``location = {countryfr}``. biblatex prints the
key's string in the document's language; pandoc does the same from the same strings.
argmap's reading lists are in English, so keys resolve to the long English strings of
biblatex's ``english.lbx`` (LaTeX Project Public License), except where CSL's own locale
has the term (``inpress`` is CSL's "in press"), which CSL styles then print as they do
their other terms. A series that is only a number (``series = {3}``) is a "3rd series".
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.citations.csl_engine._locale import Locale

__all__ = ["BIBLATEX_STRINGS", "resolve_key", "series_title"]

#: biblatex key -> its long English string (``english.lbx``), for the keys found in data.
BIBLATEX_STRINGS: dict[str, str] = {
    "jourser": "series",
    "newseries": "new series",
    "oldseries": "old series",
    "mathesis": "Master's thesis",
    "phdthesis": "PhD thesis",
    "candthesis": "Candidate thesis",
    "resreport": "research report",
    "techreport": "technical report",
    "software": "computer software",
    "datacd": "CD-ROM",
    "audiocd": "audio CD",
    "inpreparation": "in preparation",
    "submitted": "submitted",
    "forthcoming": "forthcoming",
    "inpress": "in press",
    "prepublished": "pre-published",
    "langamerican": "American",
    "langbasque": "Basque",
    "langbrazilian": "Brazilian",
    "langbulgarian": "Bulgarian",
    "langcatalan": "Catalan",
    "langcroatian": "Croatian",
    "langczech": "Czech",
    "langdanish": "Danish",
    "langdutch": "Dutch",
    "langenglish": "English",
    "langestonian": "Estonian",
    "langfinnish": "Finnish",
    "langfrench": "French",
    "langgalician": "Galician",
    "langgerman": "German",
    "langgreek": "Greek",
    "langhungarian": "Hungarian",
    "langitalian": "Italian",
    "langjapanese": "Japanese",
    "langlatin": "Latin",
    "langlatvian": "Latvian",
    "langlithuanian": "Lithuanian",
    "langmarathi": "Marathi",
    "langnorwegian": "Norwegian",
    "langpolish": "Polish",
    "langportuguese": "Portuguese",
    "langromanian": "Romanian",
    "langrussian": "Russian",
    "langserbian": "Serbian",
    "langslovak": "Slovak",
    "langslovene": "Slovene",
    "langspanish": "Spanish",
    "langswedish": "Swedish",
    "langturkish": "Turkish",
    "langukrainian": "Ukrainian",
    "countryde": "Germany",
    "countryeu": "European Union",
    "countryep": "European Union",
    "countryfr": "France",
    "countryuk": "United Kingdom",
    "countryus": "United States of America",
    "patent": "patent",
    "patentde": "German patent",
    "patenteu": "European patent",
    "patentfr": "French patent",
    "patentuk": "British patent",
    "patentus": "U.S. patent",
    "patreq": "patent request",
    "patreqde": "German patent request",
    "patreqeu": "European patent request",
    "patreqfr": "French patent request",
    "patrequk": "British patent request",
    "patrequs": "U.S. patent request",
}

#: Keys that are CSL locale terms: key -> the term's name.
_CSL_TERMS = {"inpress": "in press", "forthcoming": "forthcoming"}


@cache
def _english() -> Locale:
    from xml.etree import ElementTree as ET

    from argmap.citations.csl_engine._locale import load_locale

    return load_locale(ET.Element("style"), lang="en-US")


def resolve_key(value: str) -> str:
    """The words a localisation key stands for; any other value as it is.

    >>> resolve_key("patreqfr"), resolve_key("inpress"), resolve_key("Doctoral thesis")
    ('French patent request', 'in press', 'Doctoral thesis')
    """
    key = value.strip().lower()
    term = _CSL_TERMS.get(key)
    if term is not None:
        found = _english().term(term)
        if found:
            return found
    return BIBLATEX_STRINGS.get(key, value)


def series_title(value: str) -> str:
    """A ``series`` value: a key's words, a bare number as an ordinal series.

    >>> series_title("3"), series_title("newseries"), series_title("Focus Asia")
    ('3rd series', 'new series', 'Focus Asia')
    """
    stripped = value.strip()
    if stripped.isdigit():
        ordinal = _english().ordinal(int(stripped))
        return f"{ordinal} {BIBLATEX_STRINGS['jourser']}"
    return resolve_key(stripped)
