"""The internal form of a source: a CSL-JSON item built from a BibTeX entry.

Every export but BibTeX and BibLaTeX (RIS, CSL-JSON, formatted reading lists) is derived
from this one form, so that a field means the same thing everywhere. Items follow the
CSL-JSON schema (https://citationstyles.org/): ``type`` is a CSL type, names are
``{"family", "given", "non-dropping-particle", "suffix"}`` or ``{"literal"}``, dates are
``{"date-parts": [[2018, 11]]}``. Entries have their ``crossref`` and ``xdata`` fields
inherited before they get here (see :mod:`argmap.citations.inheritance`).

The mapping, checked against pandoc's BibTeX reader in the tests:

==============================================  ===========================================
BibTeX / BibLaTeX                               CSL-JSON
==============================================  ===========================================
type, by :data:`CSL_TYPES`                      ``type`` (``@techreport`` is ``report``)
``@online``, ``@www``, ``@electronic``          ``webpage``
``@misc`` with ``url`` and ``urldate``          ``webpage`` (an accessed web page)
``@misc`` with ``url`` only                     ``document``, with its ``URL``
``title`` (+ ``subtitle``, ``titleaddon``)      ``title`` ("Title: Subtitle. Addon")
``shorttitle``, else the title before ``:``     ``title-short``
``journal``/``journaltitle`` of an article      ``container-title``
``booktitle`` of a chapter or paper             ``container-title``
``series``                                      ``collection-title``
``number`` of a report (in a series or not)     ``number`` (the report's own number)
``number`` of a book or chapter in a series     ``collection-number``
``number`` of an article                        ``issue``
``institution`` of a report                     ``publisher`` (also ``school`` of a thesis)
``type`` (``techreport``, ``phdthesis``, ...)   ``genre``, biblatex's keys as words
``address``/``location``                        ``publisher-place``
``pages`` (``--`` an en dash)                   ``page`` with a hyphen
``year`` + ``month``, or ``date``               ``issued``; ``urldate`` is ``accessed``
``keywords``, ``annote``/``annotation``         ``keyword``, ``annote``
``langid``/``language`` (babel names)           ``language`` (a BCP 47 tag)
==============================================  ===========================================

Case. Titles of English works (no ``langid``, or an English one) are stored in sentence
case, as CSL expects and pandoc does: "Japan's dilemma with sanctions policy towards
Russia: A delicate balancing act". Words BibTeX protects with braces (``{Russia}``) keep
their case, so do words with capitals inside (``USA``, ``iPhone``) and the first word of
the title and after a colon; in a hyphenated compound only the first part of a first word
keeps its capital ("Long-term thinking", "Self-determination", as pandoc writes them).
Journal and series titles always keep their case ("Focus Asia: Perspective & Analysis"),
as do the titles of the books that hold chapters, except in the items given to the CSL
processor for reading lists, where they are sentence-cased as pandoc's citeproc has them
(``sentence_case="title"`` keeps them, for CSL-JSON and RIS). Styles that want title case
(Chicago, MLA) convert back. ``sentence_case=False`` keeps every title as written.

With ``markup=True`` the text of title fields keeps BibTeX's case protection as CSL's rich
text, ``<span class="nocase">Japan</span>`` (as pandoc writes it), so that exports back to
BibTeX can restore the braces.

Name particles (``van der`` in ``van der Pijl, Kees``) are dropping particles, as in
BibLaTeX and pandoc, unless the entry's ``options`` say ``useprefix=true``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

from argmap.citations.bibliography import BibEntry
from argmap.citations.latex import PersonName, decode_latex_with_case

__all__ = ["CSL_TYPES", "NOCASE_CLOSE", "NOCASE_OPEN", "plain_text", "sentence_case", "to_csl"]

NOCASE_OPEN = '<span class="nocase">'
NOCASE_CLOSE = "</span>"

#: BibTeX/BibLaTeX entry type -> CSL item type.
CSL_TYPES: dict[str, str] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "bookinbook": "chapter",
    "booklet": "pamphlet",
    "collection": "book",
    "mvcollection": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "proceedings": "book",
    "mvproceedings": "book",
    "inreference": "entry-encyclopedia",
    "reference": "book",
    "manual": "report",
    "mastersthesis": "thesis",
    "phdthesis": "thesis",
    "thesis": "thesis",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "periodical": "periodical",
    "report": "report",
    "techreport": "report",
    "unpublished": "manuscript",
    "patent": "patent",
    "dataset": "dataset",
    "software": "software",
    "standard": "standard",
    "letter": "personal_communication",
    "legislation": "legislation",
    "jurisdiction": "legal_case",
    "movie": "motion_picture",
    "video": "motion_picture",
    "audio": "song",
    "music": "song",
    "artwork": "graphic",
    "image": "graphic",
    "performance": "performance",
    "review": "review",
    "misc": "document",
}

#: BibLaTeX's keys for the ``type`` field -> the CSL genre; "" where the BibTeX type of the
#: same work (``@techreport``) has no genre either, so both read alike.
TYPE_KEYS = {
    "techreport": "",
    "resreport": "Research report",
    "phdthesis": "PhD thesis",
    "mathesis": "Master's thesis",
    "candthesis": "Candidate thesis",
}

#: Babel and polyglossia language names (BibLaTeX ``langid``) -> BCP 47 tags for CSL.
LANGUAGES = {
    "english": "en-US",
    "american": "en-US",
    "USenglish": "en-US",
    "british": "en-GB",
    "UKenglish": "en-GB",
    "german": "de-DE",
    "ngerman": "de-DE",
    "austrian": "de-AT",
    "french": "fr-FR",
    "russian": "ru-RU",
    "japanese": "ja-JP",
    "chinese": "zh-CN",
    "korean": "ko-KR",
    "spanish": "es-ES",
    "italian": "it-IT",
    "dutch": "nl-NL",
    "portuguese": "pt-PT",
    "brazilian": "pt-BR",
    "swedish": "sv-SE",
    "norwegian": "nb-NO",
    "danish": "da-DK",
    "finnish": "fi-FI",
    "polish": "pl-PL",
    "czech": "cs-CZ",
    "ukrainian": "uk-UA",
    "greek": "el-GR",
    "turkish": "tr-TR",
    "arabic": "ar",
    "hebrew": "he-IL",
}
#: BCP 47 tag -> the language name BibLaTeX's ``langid`` expects (the first name above).
LANGID_NAMES: dict[str, str] = {}
for _name, _tag in LANGUAGES.items():
    LANGID_NAMES.setdefault(_tag, _name)
LANGUAGES = {name.lower(): tag for name, tag in LANGUAGES.items()}

_TITLE_FIELDS = ("title", "title-short", "container-title", "collection-title", "volume-title")

_NAME_ROLES = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
}

_SPACE = re.compile(r"[ \t\r\n]+")
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_YEAR = re.compile(r"\d{4}")


def to_csl(
    entry: BibEntry, *, markup: bool = False, sentence_case: bool | Literal["title"] = True
) -> dict[str, Any]:
    """Build the CSL-JSON item of a BibTeX entry.

    Args:
        entry: an entry of a :class:`~argmap.citations.bibliography.Bibliography`.
        markup: keep case-protected words of titles as ``<span class="nocase">``.
        sentence_case: write the titles of English works in sentence case (CSL's
            convention), the book of a chapter too; ``"title"`` only the work's own
            title; False keeps every title as written. Journal and series titles keep
            their case in any case.

    Returns:
        A dict valid against the CSL-JSON schema; its ``id`` is the BibTeX key.

    >>> from argmap.citations.bibliography import parse_bibliography
    >>> bib = parse_bibliography(r'''@techreport{k, author = {Shagina, Maria},
    ...   title = {{Japan}'s Dilemma}, series = {{Focus Asia}}, institution = {ISDP},
    ...   address = {Stockholm}, year = 2018, month = nov}''')
    >>> item = to_csl(bib["k"])
    >>> item["type"], item["collection-title"], item["publisher"], item["issued"]
    ('report', 'Focus Asia', 'ISDP', {'date-parts': [[2018, 11]]})
    >>> item["title"]
    "Japan's dilemma"
    >>> to_csl(bib["k"], markup=True, sentence_case=False)["title"]
    '<span class="nocase">Japan</span>\\'s Dilemma'
    """
    text = entry.text
    btype = entry.type
    ctype = CSL_TYPES.get(btype, "document")
    if btype == "misc" and "url" in text and "urldate" in text:
        # BibTeX has no web page type; a @misc with a URL and an access date is one.
        ctype = "webpage"
    item: dict[str, Any] = {"id": entry.key, "type": ctype}
    language = _clean(text.get("langid", "") or text.get("language", ""))
    english = not language or LANGUAGES.get(language.lower(), language).lower().startswith("en")
    periodical = btype in ("article", "periodical")

    def put(csl_field: str, *bib_fields: str) -> None:
        for name in bib_fields:
            value = _clean(text.get(name, ""))
            if value:
                if csl_field in _TITLE_FIELDS:
                    lower = bool(sentence_case) and english
                    if csl_field == "collection-title" or (
                        csl_field == "container-title" and (periodical or sentence_case == "title")
                    ):
                        lower = False  # journal and series names keep their case
                    raw = _with_subtitle(entry.fields, name)
                    value = _title(raw, markup=markup, sentence_case=lower)
                item.setdefault(csl_field, value)
                return

    useprefix = "useprefix=true" in _clean(text.get("options", "")).replace(" ", "").lower()
    for bib_role, csl_role in _NAME_ROLES.items():
        people = entry.names.get(bib_role)
        if people:
            item[csl_role] = [_csl_name(person, useprefix=useprefix) for person in people]

    put("title", "title")
    put("title-short", "shorttitle")
    if "title-short" not in item and ":" in item.get("title", ""):
        item["title-short"] = item["title"].split(":", 1)[0].rstrip()
    if btype in ("article", "periodical"):
        put("container-title", "journaltitle", "journal")
        put("issue", "number", "issue")
    else:
        put("container-title", "booktitle", "journaltitle", "journal")
    put("collection-title", "series")
    if btype in ("book", "mvbook", "collection", "proceedings", "incollection", "inbook"):
        put("collection-number", "number")
    elif btype not in ("article", "periodical"):
        put("number", "number")
    genre = _clean(text.get("type", ""))
    genre = TYPE_KEYS.get(genre.lower(), genre)
    if btype in ("techreport", "report"):
        put("publisher", "institution", "publisher", "organization")
        if genre:
            item["genre"] = genre
    elif btype in ("phdthesis", "mastersthesis", "thesis"):
        put("publisher", "school", "institution", "publisher")
        genre = genre or {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}.get(
            btype, ""
        )
        if genre:
            item["genre"] = genre
    elif btype == "manual":
        put("publisher", "organization", "publisher", "institution")
    else:
        put("publisher", "publisher", "organization", "institution", "howpublished")
    if btype in ("inproceedings", "conference"):
        put("event-title", "eventtitle")
    put("publisher-place", "location", "address")
    put("volume", "volume")
    put("page", "pages")
    if "page" in item:
        # CSL styles format page ranges themselves from a plain hyphen.
        item["page"] = item["page"].replace("\u2013", "-")
    put("number-of-pages", "pagetotal")
    put("edition", "edition")
    put("chapter-number", "chapter")
    put("ISBN", "isbn")
    put("ISSN", "issn")
    put("DOI", "doi")
    put("URL", "url")
    put("language", "langid", "language")
    if "language" in item:
        item["language"] = LANGUAGES.get(item["language"].lower(), item["language"])
    put("note", "note")
    put("abstract", "abstract")
    put("keyword", "keywords")
    put("annote", "annote", "annotation")
    put("medium", "medium")
    put("version", "version")

    issued = _issued(text)
    if issued is not None:
        item["issued"] = issued
    accessed = _date(text.get("urldate", ""))
    if accessed is not None:
        item["accessed"] = accessed
    if "DOI" in item:
        item["DOI"] = _bare_doi(item["DOI"])
    return item


def plain_text(value: str) -> str:
    """Drop the nocase markup of a title written with ``markup=True``.

    >>> plain_text('<span class="nocase">Japan</span>\\'s Dilemma')
    "Japan's Dilemma"
    """
    return value.replace(NOCASE_OPEN, "").replace(NOCASE_CLOSE, "")


def _clean(value: str) -> str:
    # Values written over several lines carry the file's line breaks and indentation;
    # no-break spaces (``~``) are meant and stay.
    return _SPACE.sub(" ", value).strip(" ")


_WORD_PART = re.compile(r"[^\W\d_]+")
_BREAK = re.compile(r"[:?!.]\s*$")


#: BibLaTeX's subtitle and title addon fields of each title field.
_SUBTITLES = {
    "title": ("subtitle", "titleaddon"),
    "booktitle": ("booksubtitle", "booktitleaddon"),
    "journaltitle": ("journalsubtitle", "journaltitleaddon"),
}


def _with_subtitle(fields: Mapping[str, str], name: str) -> str:
    # BibLaTeX prints "Title: Subtitle. Addon"; CSL has one title field (pandoc joins alike).
    raw = fields[name]
    subtitle, addon = _SUBTITLES.get(name, ("", ""))
    if fields.get(subtitle, "").strip():
        raw = f"{raw}: {fields[subtitle]}"
    if fields.get(addon, "").strip():
        raw = f"{raw}. {fields[addon]}"
    return raw


def _title(raw: str, *, markup: bool, sentence_case: bool) -> str:
    runs = decode_latex_with_case(raw)
    if sentence_case:
        runs = _sentence_case(runs)
    if not markup:
        return _clean("".join(run for run, _ in runs))
    parts = [f"{NOCASE_OPEN}{run}{NOCASE_CLOSE}" if protected else run for run, protected in runs]
    return _clean("".join(parts)).replace(f" {NOCASE_CLOSE}", f"{NOCASE_CLOSE} ")


def sentence_case(title: str) -> str:
    """Lower-case the capitalised words of a title, except the first and those after a colon.

    Words with capitals inside (``USA``, ``iPhone``) keep their case; so do words a BibTeX
    title protects with braces (see :func:`to_csl`).

    >>> sentence_case("The Sanctions Paradox: Economic Statecraft and Sense-Making in the USA")
    'The sanctions paradox: Economic statecraft and sense-making in the USA'
    >>> sentence_case("Self-Determination: Long-Term Thinking in e-Government")
    'Self-determination: Long-term thinking in e-government'
    """
    return "".join(run for run, _ in _sentence_case([(title, False)]))


def _sentence_case(runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    keep_next = True  # the first word of the title keeps its capital
    result: list[tuple[str, bool]] = []
    for run, protected in runs:
        if protected:
            if run.strip():
                keep_next = _BREAK.search(run) is not None
            result.append((run, protected))
            continue
        pieces = re.split(r"(\s+)", run)
        out: list[str] = []
        for piece in pieces:
            if not piece or piece.isspace():
                out.append(piece)
                continue
            if keep_next:
                # A first word keeps its capital, not those of its hyphenated parts.
                head, hyphen, tail = piece.partition("-")
                out.append(head + hyphen + _WORD_PART.sub(_lower_capitalised, tail))
            else:
                out.append(_WORD_PART.sub(_lower_capitalised, piece))
            keep_next = _BREAK.search(piece) is not None
        result.append(("".join(out), protected))
    return result


def _lower_capitalised(match: re.Match[str]) -> str:
    word = match.group()
    if word[0].isupper() and (len(word) == 1 or word[1:].islower()):
        return word.lower()
    return word


def _csl_name(person: PersonName, *, useprefix: bool = False) -> dict[str, str]:
    if person.literal:
        return {"literal": _clean(person.literal)}
    name: dict[str, str] = {}
    if person.family:
        name["family"] = _clean(person.family)
    if person.given:
        name["given"] = _clean(person.given)
    if person.particle:
        particle = "non-dropping-particle" if useprefix else "dropping-particle"
        name[particle] = _clean(person.particle)
    if person.suffix:
        name["suffix"] = _clean(person.suffix)
    return name


def _date(value: str) -> dict[str, Any] | None:
    match = _DATE.match(value)
    if match is None:
        return None
    parts = [int(part) for part in match.groups() if part is not None]
    return {"date-parts": [parts]}


def _issued(text: Mapping[str, str]) -> dict[str, Any] | None:
    date = text.get("date", "")
    if date:
        parsed = _date(date)
        if parsed is not None:
            return parsed
        return {"literal": _clean(date)}
    year = text.get("year", "").strip()
    if not year:
        return None
    match = _YEAR.search(year)
    if match is None:
        return {"literal": _clean(year)}
    parts = [int(match.group())]
    month = text.get("month", "").strip()
    if month.isdigit() and 1 <= int(month) <= 12:
        parts.append(int(month))
    return {"date-parts": [parts]}


def _bare_doi(value: str) -> str:
    # CSL wants the DOI name; styles add their own https://doi.org/ prefix.
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if value.lower().startswith(prefix):
            return value[len(prefix) :]
    return value
