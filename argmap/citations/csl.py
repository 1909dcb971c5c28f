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
``maintitle`` of a book, its ``title``          ``title``, ``volume-title``
``maintitle``, ``booktitle`` of a chapter       ``container-title``, ``volume-title``
``volume``, ``part``; ``volumes``               ``volume`` ("7.2"); ``number-of-volumes``
``origdate``, ``origtitle``, ``origpublisher``  ``original-date``, ``original-title``, ...
``eventtitle``, ``venue``, ``eventdate``        ``event-title``, ``event-place``, ``event-date``
``pubstate`` (``inpress``)                      ``status`` ("in press")
``eprint`` (arXiv, JSTOR, PubMed, Handle)       ``URL``; with ``eprinttype = doi``, ``DOI``
``location`` of a patent                        ``jurisdiction`` (``countryfr``: "France")
``note`` + ``addendum``                         ``note`` ("Note. Addendum")
==============================================  ===========================================

Localisation keys (``patreqfr``, ``newseries``, ``inpress``) become words through
:mod:`argmap.citations.bibstrings`; dates are read by :mod:`argmap.citations.dates`.

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
from html.parser import HTMLParser
from typing import Any, Literal

from argmap.citations.bibliography import BibEntry
from argmap.citations.bibstrings import resolve_key, series_title
from argmap.citations.dates import parse_date
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
    "australian": "en-AU",
    "newzealand": "en-NZ",
    "canadian": "en-CA",
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

_TITLE_FIELDS = (
    "title",
    "title-short",
    "container-title",
    "collection-title",
    "volume-title",
    "event-title",
    "original-title",
)

_NAME_ROLES = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
}

_SPACE = re.compile(r"[ \t\r\n]+")

#: Types whose ``booktitle`` (or ``maintitle``) is the work that holds them.
_CHAPTERLIKE = frozenset(
    {"inbook", "incollection", "inproceedings", "inreference", "bookinbook", "suppbook",
     "suppcollection", "conference"}
)  # fmt: skip
_MONTH_NUMBERS = {
    name: str(number)
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_ARTICLES = frozenset({"article", "periodical", "suppperiodical", "review"})
#: Types whose ``number`` is their number in a series (CSL ``collection-number``).
_IN_SERIES = frozenset(
    {"book", "collection", "proceedings", "reference", "mvbook", "mvcollection",
     "mvproceedings", "mvreference", "bookinbook", "inbook", "incollection", "inproceedings",
     "conference", "inreference", "suppbook", "suppcollection"}
)  # fmt: skip
#: CSL date variables and the BibLaTeX date fields they come from.
_DATES = (
    ("issued", "date"),
    ("original-date", "origdate"),
    ("event-date", "eventdate"),
    ("accessed", "urldate"),
)
#: ``eprinttype`` -> the URL an ``eprint`` identifier completes.
EPRINT_URLS = {
    "arxiv": "https://arxiv.org/abs/",
    "jstor": "https://www.jstor.org/stable/",
    "pubmed": "https://www.ncbi.nlm.nih.gov/pubmed/",
    "googlebooks": "https://books.google.com?id=",
    "hdl": "https://hdl.handle.net/",
}
_YEAR = re.compile(r"(\d{1,4})(?:--?(\d{1,4}))?")


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
    if entry.csl is not None:
        return _as_read(entry, markup=markup)
    text = entry.text
    fields = entry.fields
    btype = entry.type
    subtype = _clean(text.get("entrysubtype", "")).lower()
    item: dict[str, Any] = {"id": entry.key, "type": _csl_type(btype, subtype, text)}
    language = _language(text)
    english = not language or language.lower().startswith("en")
    chapterlike = btype in _CHAPTERLIKE
    periodical = btype == "periodical"
    has_main = bool(_clean(fields.get("maintitle", "")))

    def put(csl_field: str, *bib_fields: str, keep_case: bool = False) -> None:
        for name in bib_fields:
            value = _clean(text.get(name, ""))
            if not value:
                continue
            if csl_field in _TITLE_FIELDS:
                lower = bool(sentence_case) and english and not keep_case
                if csl_field == "container-title" and sentence_case == "title":
                    lower = False
                value = _title(_with_subtitle(fields, name), markup=markup, sentence_case=lower)
            item.setdefault(csl_field, value)
            return

    options = _options(text.get("options", ""))
    useprefix = options.get("useprefix") in ("", "true")
    director = _clean(text.get("editortype", "")).lower() == "director"
    for bib_role, csl_role in _NAME_ROLES.items():
        people = entry.names.get(bib_role)
        if people:
            if bib_role == "editor" and director:
                csl_role = "director"
            item[csl_role] = [_csl_name(person, useprefix=useprefix) for person in people]

    # Titles, as biblatex's data model and pandoc place them.
    if periodical:
        put("title", "issuetitle", "title")
        put("container-title", "title", keep_case=True)
    elif has_main and not chapterlike:
        put("title", "maintitle")
        put("volume-title", "title")
    else:
        put("title", "title")
    if chapterlike:
        if has_main:
            put("container-title", "maintitle")
            put("volume-title", "booktitle")
        else:
            put("container-title", "booktitle")
    put("container-title", "journaltitle", "journal", keep_case=True)
    put("container-title-short", "shortjournal")
    if not has_main or chapterlike:
        put("title-short", "shorttitle")
    if "title-short" not in item and ":" in item.get("title", ""):
        item["title-short"] = item["title"].split(":", 1)[0].rstrip()
    series = _clean(text.get("series", ""))
    if series:
        resolved = series_title(series)
        if resolved != series:
            item["collection-title"] = resolved
        else:
            put("collection-title", "series", keep_case=True)
    put("event-title", "eventtitle", "event")
    put("event-place", "venue")
    put("original-title", "origtitle")

    # Numbers.
    number = _clean(text.get("number", ""))
    if btype in _ARTICLES:
        issue = _clean(text.get("issue", ""))
        joined = ", ".join(part for part in (number, issue) if part)
        if joined:
            item["issue"] = joined
    elif number:
        item["collection-number" if btype in _IN_SERIES else "number"] = number
    volume = _clean(text.get("volume", ""))
    part = _clean(text.get("part", ""))
    if volume or part:
        item["volume"] = f"{volume}.{part}" if volume and part else volume or part
    put("number-of-volumes", "volumes")

    # Publisher, place, kind of work.
    genre = _clean(text.get("type", ""))
    genre = TYPE_KEYS.get(genre.lower(), resolve_key(genre)) if genre else ""
    if btype in ("techreport", "report"):
        put("publisher", "institution", "publisher", "organization")
    elif btype in ("phdthesis", "mastersthesis", "thesis"):
        put("publisher", "school", "institution", "publisher")
        genre = genre or {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}.get(
            btype, ""
        )
    elif btype == "manual":
        put("publisher", "organization", "publisher", "institution")
    else:
        put("publisher", "publisher", "organization", "institution", "howpublished")
    if genre:
        item["genre"] = genre
    if btype == "patent":
        places = [resolve_key(place) for place in _split_list(text.get("location", ""))]
        if places:
            item["jurisdiction"] = "; ".join(places)
        put("publisher-place", "address")
    else:
        put("publisher-place", "location", "address")
    put("original-publisher", "origpublisher")
    put("original-publisher-place", "origlocation")
    pubstate = _clean(text.get("pubstate", ""))
    if pubstate:
        item["status"] = resolve_key(pubstate)

    put("page", "pages")
    if "page" in item:
        # CSL styles format page ranges themselves from a plain hyphen.
        item["page"] = item["page"].replace("\u2013", "-")
    put("number-of-pages", "pagetotal")
    put("edition", "edition")
    put("chapter-number", "chapter")
    put("ISBN", "isbn")
    put("ISSN", "issn")
    if options.get("doi") != "false":
        put("DOI", "doi")
    if options.get("url") != "false" or btype == "online":
        put("URL", "url")
    _put_eprint(item, fields)
    put("PMID", "pmid")
    put("PMCID", "pmcid")
    put("call-number", "library")
    if language:
        item["language"] = language
    note = ". ".join(
        value for name in ("note", "addendum") if (value := _clean(text.get(name, "")))
    )
    if note and not periodical:
        item["note"] = note
    put("abstract", "abstract")
    put("keyword", "keywords")
    put("annote", "annote", "annotation")
    put("medium", "medium")
    put("version", "version")

    for csl_field, bib_field in _DATES:
        date = _date(fields.get(bib_field, ""))
        if date is None:
            # BibLaTeX's older fields: origyear and origmonth, eventyear, urlyear, ...
            date = _issued(text, bib_field.removesuffix("date"))
        if date is not None:
            item[csl_field] = date
    if "DOI" in item:
        item["DOI"] = _bare_doi(item["DOI"])
    return item


def plain_text(value: str) -> str:
    """Drop the nocase spans of a value written with ``markup=True``, keeping their text.

    Each ``</span>`` closes the span opened last, so only the nocase spans' own end tags
    go; CSL-JSON's other rich text (small caps, ``<i>``, ``<b>``) stays as written.

    >>> plain_text('<span class="nocase">Japan</span>\\'s Dilemma')
    "Japan's Dilemma"
    >>> caps = '<span style="font-variant:small-caps;">'
    >>> plain_text(f'{caps}Nato</span> and <span class="nocase">EU</span>')
    '<span style="font-variant:small-caps;">Nato</span> and EU'
    >>> plain_text(f'<span class="nocase">a {caps}b</span></span> < c')
    'a <span style="font-variant:small-caps;">b</span> < c'
    """
    if NOCASE_OPEN not in value:
        return value
    parser = _NocaseRemover()
    parser.feed(value)
    parser.close()
    return "".join(parser.out)


class _NocaseRemover(HTMLParser):
    """Copies markup as written but for the nocase spans' tags (see :func:`plain_text`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.spans: list[bool] = []  # the open spans, innermost last: is it nocase?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = self.get_starttag_text() or ""
        if tag == "span":
            nocase = written == NOCASE_OPEN
            self.spans.append(nocase)
            if nocase:
                return
        self.out.append(written)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.spans and self.spans.pop():
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def _csl_type(btype: str, subtype: str, text: Mapping[str, str]) -> str:
    if btype in ("article", "periodical", "suppperiodical") and subtype in (
        "magazine",
        "newspaper",
    ):
        return f"article-{subtype}"
    if btype == "misc" and "url" in text and "urldate" in text:
        # BibTeX has no web page type; a @misc with a URL and an access date is one.
        return "webpage"
    if btype == "unpublished" and any(k in text for k in ("eventtitle", "eventdate", "venue")):
        return "speech"
    return CSL_TYPES.get(btype, "document")


def _language(text: Mapping[str, str]) -> str:
    """The entry's language as a BCP 47 tag, from ``langid`` (with ``langidopts``)."""
    name = _clean(text.get("langid", "") or text.get("hyphenation", "")).lower()
    if name == "english":
        variant = _options(text.get("langidopts", "")).get("variant", "")
        name = _ENGLISH_VARIANTS.get(variant, name)
    if not name:
        name = _clean(text.get("language", ""))
    return LANGUAGES.get(name.lower(), name)


_ENGLISH_VARIANTS = {
    "british": "british",
    "uk": "british",
    "american": "american",
    "us": "american",
    "usmax": "american",
    "australian": "australian",
    "newzealand": "newzealand",
}


def _options(value: str) -> dict[str, str]:
    """biblatex's ``key=value`` options (``useprefix`` alone is ``useprefix=``).

    >>> _options("useprefix, url=false")
    {'useprefix': '', 'url': 'false'}
    """
    found = {}
    for option in value.split(","):
        key, _, setting = option.partition("=")
        if key.strip():
            found[key.strip().lower()] = setting.strip().lower()
    return found


def _split_list(value: str) -> list[str]:
    """The items of a BibLaTeX literal list (``a and b``)."""
    return [part for part in (_clean(p) for p in re.split(r"\s+and\s+", value)) if part]


def _put_eprint(item: dict[str, Any], fields: Mapping[str, str]) -> None:
    """An ``eprint`` as a link: arXiv, JSTOR, PubMed and Handle IDs as URLs, a DOI as DOI."""
    eprint = _clean(fields.get("eprint", ""))
    kind = _clean(fields.get("eprinttype", "") or fields.get("archiveprefix", "")).lower()
    if not eprint or not kind:
        return
    if kind == "doi":
        item.setdefault("DOI", eprint)
    elif kind in EPRINT_URLS and "URL" not in item:
        item["URL"] = EPRINT_URLS[kind] + eprint


def _as_read(entry: BibEntry, *, markup: bool) -> dict[str, Any]:
    """The CSL item of an entry read from CSL-JSON, CSL-YAML or RIS, as it was read."""
    assert entry.csl is not None
    item = dict(entry.csl)
    item["id"] = entry.key
    if not markup:
        for name in _TITLE_FIELDS:
            value = item.get(name)
            if isinstance(value, str):
                item[name] = plain_text(value)
    return item


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
    "maintitle": ("mainsubtitle", "maintitleaddon"),
    "issuetitle": ("issuesubtitle", "issuetitleaddon"),
    "journaltitle": ("journalsubtitle", "journaltitleaddon"),
    "eventtitle": ("", "eventtitleaddon"),
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

    The first word after a colon starts with a capital, as APA and pandoc write it.

    Words with capitals inside (``USA``, ``iPhone``) keep their case; so do words a BibTeX
    title protects with braces (see :func:`to_csl`).

    >>> sentence_case("The Sanctions Paradox: Economic Statecraft and Sense-Making in the USA")
    'The sanctions paradox: Economic statecraft and sense-making in the USA'
    >>> sentence_case("Self-Determination: Long-Term Thinking in e-Government")
    'Self-determination: Long-term thinking in e-government'
    >>> sentence_case("Reduced bond angle strain: efficient catalysts")
    'Reduced bond angle strain: Efficient catalysts'
    >>> sentence_case('Title: "quoted" Words')
    'Title: "Quoted" words'
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
                # Opening quotation marks are passed over: 'Title: "quoted" words' gives
                # 'Title: "Quoted" words', as citeproc-js capitalises a quoted word.
                word = head.lstrip(_OPENING_QUOTES)
                if _can_capitalise(word):
                    # The title's first word and the first after a colon start with a
                    # capital, as APA and pandoc write them; "iPhone" and "eBay" do not.
                    quotes = head[: len(head) - len(word)]
                    head = quotes + word[0].upper() + word[1:]
                out.append(head + hyphen + _WORD_PART.sub(_lower_capitalised, tail))
            else:
                out.append(_WORD_PART.sub(_lower_capitalised, piece))
            keep_next = _BREAK.search(piece) is not None
        result.append(("".join(out), protected))
    return result


#: Quotation marks a word may open with (straight, typographic, guillemets).
_OPENING_QUOTES = "\"'\u201c\u2018\u201e\u201a\u00ab\u2039"


def _can_capitalise(word: str) -> bool:
    return word[:1].islower() and word[:1].isalpha() and not word[1:2].isupper()


def _lower_capitalised(match: re.Match[str]) -> str:
    word = match.group()
    if word[0].isupper() and (len(word) == 1 or word[1:].islower()):
        return word.lower()
    return word


def _csl_name(person: PersonName, *, useprefix: bool = False) -> dict[str, str]:
    if person.literal:
        return {"literal": _clean(person.literal)}
    if person.family == "others" and not (person.given or person.particle):
        # BibTeX's "and others": pandoc's CSL items mark it so, for "et al."
        return {"literal": "others"}
    name: dict[str, str] = {}
    if person.family:
        name["family"] = _clean(person.family)
    if person.given:
        name["given"] = _clean(person.given)
    if person.particle:
        if person.useprefix is not None:
            useprefix = person.useprefix
        particle = "non-dropping-particle" if useprefix else "dropping-particle"
        name[particle] = _clean(person.particle)
    if person.suffix:
        name["suffix"] = _clean(person.suffix)
    return name


def _date(value: str) -> dict[str, Any] | None:
    return parse_date(value) if value.strip() else None


def _issued(text: Mapping[str, str], prefix: str = "") -> dict[str, Any] | None:
    """A date from BibTeX's ``year`` and ``month`` (``origyear``, ... with a prefix)."""
    year = text.get(f"{prefix}year", "").strip()
    if not year:
        return None
    match = _YEAR.fullmatch(year.replace("\u2013", "-"))
    if match is None:
        return {"literal": _clean(year)}
    parts = [int(match.group(1))]
    if match.group(2):
        return {"date-parts": [parts, [int(match.group(2))]]}
    month = text.get(f"{prefix}month", "").strip()
    month = _MONTH_NUMBERS.get(month[:3].lower(), month)
    if month.isdigit() and 1 <= int(month) <= 12:
        parts.append(int(month))
    return {"date-parts": [parts]}


def _bare_doi(value: str) -> str:
    # CSL wants the DOI name; styles add their own https://doi.org/ prefix.
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if value.lower().startswith(prefix):
            return value[len(prefix) :]
    return value
