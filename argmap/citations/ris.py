"""Reading RIS bibliographies (Zotero's, EndNote's, databases' exports) with rispy.

rispy splits the records and their tags; each record becomes a CSL-JSON item, tag by
tag, as Zotero's RIS importer and pandoc's RIS reader read them:

=========================  ==================================================
RIS                        CSL-JSON
=========================  ==================================================
``TY``                     ``type`` (``JOUR`` article-journal, ``BOOK`` book,
                           ``CHAP`` chapter, ``CONF`` paper-conference, ...)
``ID``                     ``id``; without one, pandoc's: the first word of
                           each author's name and the year, joined by ``_``
``AU``, ``A1``             ``author`` (``ED``, ``A2``: ``editor``)
``TI``, ``T1``, ``CT``     ``title`` (``BT``: the title of a book, else its
                           container's)
``T2``, ``JO``, ``JF``     ``container-title`` (``J2``: ``container-title-short``;
                           ``T3``: ``collection-title``)
``PY``, ``Y1``, ``DA``     ``issued`` (``YYYY/MM/DD/``; ``DA`` gives the month
                           and day ``PY`` lacks); ``Y2`` ``accessed``
``SP``, ``EP``             ``page`` (``SP-EP``)
``VL``, ``IS``, ``ET``,    ``volume``, ``issue``, ``edition``,
``NV``                     ``number-of-volumes``
``PB``, ``CY``, ``PP``     ``publisher``, ``publisher-place``
``SN``                     ``ISBN`` of a book or chapter, else ``ISSN``
``DO``, ``UR``, ``LA``     ``DOI``, ``URL`` (the first), ``language``
``AB``, ``KW``             ``abstract``, ``keyword`` (joined with ", ")
=========================  ==================================================

A record that never ends (no ``ER``) and a file without any record are located errors.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from argmap.errors import Issue, Location

__all__ = ["RIS_TYPES", "parse_ris"]

#: RIS reference type -> CSL type.
RIS_TYPES: dict[str, str] = {
    "ABST": "article-journal", "ADVS": "motion_picture", "AGGR": "dataset",
    "ANCIENT": "book", "ART": "graphic", "BILL": "bill", "BLOG": "post-weblog",
    "BOOK": "book", "CASE": "legal_case", "CHAP": "chapter", "CHART": "graphic",
    "CLSWK": "book", "COMP": "software", "CONF": "paper-conference",
    "CPAPER": "paper-conference", "DATA": "dataset", "DBASE": "dataset", "DICT": "book",
    "EBOOK": "book", "ECHAP": "chapter", "EDBOOK": "book", "EJOUR": "article-journal",
    "ELEC": "webpage", "ENCYC": "entry-encyclopedia", "FIGURE": "figure", "GEN": "document",
    "GOVDOC": "report", "GRANT": "report", "HEAR": "hearing", "ICOMM": "personal_communication",
    "INPR": "article-journal", "JFULL": "article-journal", "JOUR": "article-journal",
    "LEGAL": "legal_case", "MANSCPT": "manuscript", "MAP": "map", "MGZN": "article-magazine",
    "MPCT": "motion_picture", "MULTI": "webpage", "MUSIC": "musical_score",
    "NEWS": "article-newspaper", "PAMP": "pamphlet", "PAT": "patent",
    "PCOMM": "personal_communication", "RPRT": "report", "SER": "book", "SLIDE": "graphic",
    "SOUND": "song", "STAND": "standard", "STAT": "legislation", "THES": "thesis",
    "UNBILL": "bill", "UNPB": "manuscript", "VIDEO": "motion_picture", "WEB": "webpage",
}  # fmt: skip

_LIST_TAGS = ["A1", "A2", "A3", "A4", "AU", "ED", "KW", "UR", "N1", "L1", "L2", "L4"]
_TAGS = [
    "TY", "ID", "AU", "A1", "A2", "A3", "A4", "ED", "TI", "T1", "CT", "BT", "T2", "JO", "JF",
    "JA", "J2", "T3", "PY", "Y1", "DA", "Y2", "SP", "EP", "VL", "IS", "ET", "NV", "PB", "CY",
    "PP", "SN", "DO", "UR", "LA", "AB", "N2", "KW", "N1", "M3", "L1", "L2", "L4", "ST",
]  # fmt: skip
_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  -", re.M)
_BOOKS = frozenset({"book", "chapter"})


def parse_ris(
    text: str, filename: str
) -> tuple[list[tuple[dict[str, Any], Location]], list[Issue]]:
    """The CSL items of a RIS text, each with its place, and the problems found, located."""
    import rispy

    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    starts = [m.start() for m in _TAG_LINE.finditer(text) if m.group(1) == "TY"]
    ends = [m.start() for m in _TAG_LINE.finditer(text) if m.group(1) == "ER"]
    issues: list[Issue] = []
    if not starts:
        issues.append(
            Issue(
                "error",
                "this RIS file has no record: each starts with a line 'TY  - JOUR' (or "
                "another type) and ends with 'ER  -'",
                code="ris-syntax",
                location=Location(filename, 1, 1),
            )
        )
        return [], issues
    for index, start in enumerate(starts):
        following = starts[index + 1] if index + 1 < len(starts) else len(text)
        if not any(start < end < following for end in ends):
            issues.append(
                Issue(
                    "error",
                    "this RIS record does not end: add a line 'ER  -' after its last tag",
                    code="ris-syntax",
                    location=Location(filename, text.count("\n", 0, start) + 1, 1),
                )
            )
    records = rispy.loads(
        text, mapping={tag: tag for tag in _TAGS}, list_tags=_LIST_TAGS, skip_unknown_tags=True
    )
    items: list[tuple[dict[str, Any], Location]] = []
    seen: dict[str, int] = {}
    for record, start in zip(records, starts, strict=False):
        item = to_csl_item(record)
        key = item["id"]
        count = seen.get(key)
        if count is not None:
            # pandoc's way with keys made twice: "a", then "b", ... after the second.
            seen[key] = count + 1
            key = item["id"] = f"{key}{chr(ord('a') + count)}"
        else:
            seen[key] = 0
        location = Location(filename, text.count("\n", 0, start) + 1, 1)
        items.append((item, location))
    return items, issues


def to_csl_item(record: Mapping[str, Any]) -> dict[str, Any]:
    """The CSL-JSON item of one RIS record (tags as keys, as rispy reads them raw).

    >>> to_csl_item({"TY": "JOUR", "AU": ["van de Schoot, Rens", "de Bruin, J."],
    ...     "TI": "An open source framework", "T2": "Nature Machine Intelligence",
    ...     "PY": "2021", "DA": "2021/02/01/", "SP": "125", "EP": "133", "VL": "3"})
    ... # doctest: +NORMALIZE_WHITESPACE
    {'id': 'van_de_2021', 'type': 'article-journal',
     'author': [{'family': 'Schoot', 'given': 'Rens', 'dropping-particle': 'van de'},
                {'family': 'Bruin', 'given': 'J.', 'dropping-particle': 'de'}],
     'title': 'An open source framework', 'container-title': 'Nature Machine Intelligence',
     'issued': {'date-parts': [[2021, 2, 1]]}, 'page': '125-133', 'volume': '3'}
    """

    def first(*tags: str) -> str:
        for tag in tags:
            value = record.get(tag)
            if isinstance(value, list):
                value = next((v for v in value if v.strip()), "")
            if value and str(value).strip():
                return str(value).strip()
        return ""

    def people(*tags: str) -> list[dict[str, str]]:
        found: list[dict[str, str]] = []
        for tag in tags:
            value = record.get(tag) or []
            for name in [value] if isinstance(value, str) else value:
                if name.strip():
                    found.append(_name(name.strip()))
        return found

    ctype = RIS_TYPES.get(first("TY").upper(), "document")
    item: dict[str, Any] = {"id": first("ID") or _pandoc_key(record), "type": ctype}
    for role, name_tags in (("author", ("AU", "A1")), ("editor", ("ED", "A2"))):
        names = people(*name_tags)
        if names:
            item[role] = names
    title = first("TI", "T1", "CT")
    book_title = first("BT")
    if ctype == "book" and not title:
        title = book_title
    if title:
        item["title"] = title
    container = first("T2", "JO", "JF", "JA") or (book_title if ctype != "book" else "")
    if container:
        item["container-title"] = container
    single: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("container-title-short", ("J2",)),
        ("collection-title", ("T3",)),
        ("title-short", ("ST",)),
    )
    for csl_field, tags in single:
        value = first(*tags)
        if value:
            item[csl_field] = value
    issued = _date(first("DA"), first("PY", "Y1"))
    if issued is not None:
        item["issued"] = issued
    accessed = _date(first("Y2"), "")
    if accessed is not None:
        item["accessed"] = accessed
    start, end = first("SP"), first("EP")
    if start or end:
        item["page"] = f"{start}-{end}" if start and end and start != end else start or end
    plain: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("volume", ("VL",)),
        ("issue", ("IS",)),
        ("edition", ("ET",)),
        ("number-of-volumes", ("NV",)),
        ("publisher", ("PB",)),
        ("publisher-place", ("CY", "PP")),
        ("DOI", ("DO",)),
        ("URL", ("UR",)),
        ("language", ("LA",)),
        ("abstract", ("AB", "N2")),
        ("genre", ("M3",)),
    )
    for csl_field, tags in plain:
        value = first(*tags)
        if value:
            item[csl_field] = value
    serial = first("SN")
    if serial:
        item["ISBN" if ctype in _BOOKS else "ISSN"] = serial
    keywords = [k.strip() for k in record.get("KW") or [] if k.strip()]
    if keywords:
        item["keyword"] = ", ".join(keywords)
    if "DOI" in item:
        item["DOI"] = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", item["DOI"], flags=re.I)
    return item


def _name(raw: str) -> dict[str, str]:
    """A RIS name (``Last, First, Suffix``; one without a comma is an institution's).

    Lower-case words before the family name are a particle that drops before it when
    names are inverted, as in biblatex and pandoc: "Schoot, R. van de".
    """
    if "," not in raw:
        return {"literal": raw}
    family, _, rest = raw.partition(",")
    given, _, suffix = rest.partition(",")
    words = family.split()
    particle = []
    while len(words) > 1 and words[0][:1].islower():
        particle.append(words.pop(0))
    name = {"family": " ".join(words), "given": given.strip()}
    if particle:
        name["dropping-particle"] = " ".join(particle)
    if suffix.strip():
        name["suffix"] = suffix.strip()
    return {key: value for key, value in name.items() if value}


def _pandoc_key(record: Mapping[str, Any]) -> str:
    """pandoc's key for a record without ``ID``: authors' first words and the year."""
    names: list[str] = []
    for tag in ("AU", "A1"):
        value = record.get(tag) or []
        names += [value] if isinstance(value, str) else list(value)
    authors = "_".join(re.split(r"[,\s]", name.strip(), maxsplit=1)[0] for name in names)
    years = [record.get(tag) for tag in ("PY", "Y1") if record.get(tag)]
    return authors + "".join(f"_{year}" for year in years)


_RIS_DATE = re.compile(r"^\s*(\d{1,4})(?:[/-](\d{0,2})(?:[/-](\d{0,2}))?)?")


def _date(full: str, year: str) -> dict[str, Any] | None:
    """``issued`` from RIS ``DA`` (``YYYY/MM/DD/other``) and ``PY`` (a year)."""
    for value in (full, year):
        match = _RIS_DATE.match(value)
        if match is None:
            continue
        parts = [int(match.group(1))]
        for group in (match.group(2), match.group(3)):
            if not group or not 1 <= int(group) <= 31:
                break
            parts.append(int(group))
        if len(parts) > 1 and parts[1] > 12:
            parts = parts[:1]
        if value is full and year and year[:4].isdigit() and int(year[:4]) != parts[0]:
            continue  # DA and PY disagree: the year in PY wins
        return {"date-parts": [parts]}
    if year.strip():
        return {"literal": year.strip()}
    return None
