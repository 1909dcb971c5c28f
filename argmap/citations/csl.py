"""The internal form of a source: a CSL-JSON item built from a BibTeX entry.

Every export (BibTeX, BibLaTeX, CSL-JSON, RIS, formatted reading lists) is derived from
this one form, so that a field means the same thing everywhere. Items follow the
CSL-JSON schema (https://citationstyles.org/): ``type`` is a CSL type, names are
``{"family", "given", "non-dropping-particle", "suffix"}`` or ``{"literal"}``, dates are
``{"date-parts": [[2018, 11]]}``.

With ``markup=True`` the text of title fields keeps BibTeX's case protection as CSL's rich
text, ``<span class="nocase">Japan</span>`` (as pandoc writes it), so that exports back to
BibTeX can restore the braces; formatted reading lists take the plain form.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.citations.bibliography import BibEntry
from argmap.citations.latex import PersonName, decode_latex_with_case

__all__ = ["CSL_TYPES", "NOCASE_CLOSE", "NOCASE_OPEN", "plain_text", "to_csl"]

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

#: Fields whose case BibTeX styles may change, so their braces carry meaning.
_TITLE_FIELDS = ("title", "container-title", "collection-title", "volume-title")

_NAME_ROLES = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
}

_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_YEAR = re.compile(r"\d{4}")


def to_csl(entry: BibEntry, *, markup: bool = False) -> dict[str, Any]:
    """Build the CSL-JSON item of a BibTeX entry.

    Args:
        entry: an entry of a :class:`~argmap.citations.bibliography.Bibliography`.
        markup: keep case-protected words of titles as ``<span class="nocase">``.

    Returns:
        A dict valid against the CSL-JSON schema; its ``id`` is the BibTeX key.

    >>> from argmap.citations.bibliography import parse_bibliography
    >>> bib = parse_bibliography(r'''@techreport{k, author = {Shagina, Maria},
    ...   title = {{Japan}'s Dilemma}, series = {Focus Asia}, institution = {ISDP},
    ...   address = {Stockholm}, year = 2018, month = nov}''')
    >>> item = to_csl(bib["k"])
    >>> item["type"], item["collection-title"], item["publisher"], item["issued"]
    ('report', 'Focus Asia', 'ISDP', {'date-parts': [[2018, 11]]})
    >>> to_csl(bib["k"], markup=True)["title"]
    '<span class="nocase">Japan</span>\\'s Dilemma'
    """
    text = entry.text
    btype = entry.type
    ctype = CSL_TYPES.get(btype, "document")
    if btype == "misc" and "url" in text and "urldate" in text:
        # BibTeX has no web page type; a @misc with a URL and an access date is one.
        ctype = "webpage"
    item: dict[str, Any] = {"id": entry.key, "type": ctype}

    def put(csl_field: str, *bib_fields: str) -> None:
        for name in bib_fields:
            value = _clean(text.get(name, ""))
            if value:
                if markup and csl_field in _TITLE_FIELDS:
                    value = _with_nocase(entry.fields[name])
                item.setdefault(csl_field, value)
                return

    for bib_role, csl_role in _NAME_ROLES.items():
        people = entry.names.get(bib_role)
        if people:
            item[csl_role] = [_csl_name(person) for person in people]

    put("title", "title")
    if btype in ("article", "periodical"):
        put("container-title", "journaltitle", "journal")
        put("issue", "number", "issue")
    elif ctype == "webpage":
        put("container-title", "organization", "journaltitle", "publisher")
    else:
        put("container-title", "booktitle", "journaltitle", "journal")
    put("collection-title", "series")
    if btype in ("book", "mvbook", "collection", "proceedings", "incollection", "inbook"):
        put("collection-number", "number")
    elif btype not in ("article", "periodical"):
        put("number", "number")
    if btype in ("techreport", "report"):
        put("publisher", "institution", "publisher", "organization")
        put("genre", "type")
    elif btype in ("phdthesis", "mastersthesis", "thesis"):
        put("publisher", "school", "institution", "publisher")
        genre = _clean(text.get("type", "")) or {
            "phdthesis": "PhD thesis",
            "mastersthesis": "Master's thesis",
        }.get(btype, "")
        if genre:
            item["genre"] = genre
    elif btype == "manual":
        put("publisher", "organization", "publisher", "institution")
    elif ctype != "webpage":
        put("publisher", "publisher", "organization", "institution")
    if btype in ("inproceedings", "conference"):
        put("event-title", "eventtitle")
    put("publisher-place", "location", "address")
    put("volume", "volume")
    put("page", "pages")
    put("number-of-pages", "pagetotal")
    put("edition", "edition")
    put("chapter-number", "chapter")
    put("ISBN", "isbn")
    put("ISSN", "issn")
    put("DOI", "doi")
    put("URL", "url")
    put("language", "langid", "language")
    put("note", "note", "howpublished")
    put("abstract", "abstract")
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
    # Values written over several lines carry the file's line breaks and indentation.
    return " ".join(value.split())


def _with_nocase(raw: str) -> str:
    parts = []
    for run, protected in decode_latex_with_case(raw):
        parts.append(f"{NOCASE_OPEN}{run}{NOCASE_CLOSE}" if protected else run)
    return _clean("".join(parts)).replace(f" {NOCASE_CLOSE}", f"{NOCASE_CLOSE} ")


def _csl_name(person: PersonName) -> dict[str, str]:
    if person.literal:
        return {"literal": _clean(person.literal)}
    name: dict[str, str] = {}
    if person.family:
        name["family"] = _clean(person.family)
    if person.given:
        name["given"] = _clean(person.given)
    if person.particle:
        name["non-dropping-particle"] = _clean(person.particle)
    if person.suffix:
        name["suffix"] = _clean(person.suffix)
    return name


def _date(value: str) -> dict[str, Any] | None:
    match = _DATE.match(value)
    if match is None:
        return None
    parts = [int(part) for part in match.groups() if part is not None]
    return {"date-parts": [parts]}


def _issued(text: dict[str, str] | Any) -> dict[str, Any] | None:
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
