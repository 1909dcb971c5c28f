"""Exports of cited sources: BibTeX, BibLaTeX, CSL-JSON, RIS and formatted reading lists.

BibTeX and BibLaTeX write entries read from a file back from their own text, every field
kept (:mod:`argmap.citations.bibtex_export`). Every other export starts from the same
CSL-JSON items (:func:`argmap.citations.csl.to_csl`), so a field means the same thing in
each of them, and so do BibTeX and BibLaTeX for entries built in code, written through
bibtexparser; CSL-JSON follows the CSL-JSON schema; RIS follows what Zotero's RIS importer
reads (a report is ``TY  - RPRT`` with its series in ``T2`` and its number in ``SN``).
Reading lists are formatted from CSL style files by :mod:`argmap.citations.formatting`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, Literal, get_args

from argmap.citations.bibtex_export import dump_entries
from argmap.citations.csl import LANGID_NAMES, NOCASE_CLOSE, NOCASE_OPEN, plain_text, to_csl
from argmap.citations.items import Sources, csl_items, entries_of

__all__ = [
    "EXPORT_FORMATS",
    "STYLE_NAMES",
    "ExportFormat",
    "Style",
    "csl_items",
    "export_citations",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]

ExportFormat = Literal["bibtex", "biblatex", "csl-json", "ris", "text", "markdown", "html"]
Style = Literal["apa", "chicago", "harvard", "mla", "ieee"]
#: The formats :func:`export_citations` writes.
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)
#: The names of the bundled citation styles (see :data:`CITATION_STYLES`).
STYLE_NAMES: tuple[str, ...] = get_args(Style)


def export_citations(
    sources: Sources,
    *,
    fmt: ExportFormat | str = "bibtex",
    style: Style | str = "apa",
) -> str:
    """Write sources in one export format.

    Args:
        sources: cited sources, bibliography entries, or a whole bibliography.
        fmt: one of :data:`EXPORT_FORMATS`: ``bibtex``, ``biblatex``, ``csl-json``, ``ris``,
            or a formatted reading list as ``text``, ``markdown`` or ``html`` (a whole
            HTML page, see :func:`argmap.citations.formatting.html_document`).
        style: for reading lists, one of :data:`STYLE_NAMES`, the name of any style of the
            CSL style collection, or the path of a ``.csl`` file.

    Returns:
        The file content (ending with a newline).

    Raises:
        ValueError: unknown format or style (the message lists the valid ones).
        BibliographyError: a cited key has no bibliography entry.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(EXPORT_FORMATS)}")
    if fmt in ("bibtex", "biblatex"):
        dialect: Literal["bibtex", "biblatex"] = "biblatex" if fmt == "biblatex" else "bibtex"
        entries = entries_of(sources, works_only=False)
        read = [e for e in entries if e.raw]
        bib = dump_entries(read, dialect=dialect) if read else ""
        built = [e for e in entries if not e.raw]
        if built:
            # Titles as written: a BibTeX file keeps the author's casing and braces.
            items = [to_csl(e, markup=True, sentence_case=False) for e in built]
            bib = "\n".join(part for part in (bib, to_bibtex(items, dialect=dialect)) if part)
        return bib
    entries = entries_of(sources)
    if fmt == "csl-json":
        # Zotero and other managers store journal, book and series titles as written.
        return to_csl_json([to_csl(e, markup=True, sentence_case="title") for e in entries])
    if fmt == "ris":
        return to_ris([to_csl(e, sentence_case="title") for e in entries])
    # Imported on use: CSL styles and their engine load only for reading lists.
    from argmap.citations import formatting

    # The CSL engine reads nocase spans, which title-casing styles must respect.
    items = [to_csl(e, markup=True) for e in entries]
    text: str = formatting.format_bibliography(items, style=style, output=fmt)
    if fmt == "html":
        return formatting.html_document(text, title="Reading list")
    return text if text.endswith("\n") else text + "\n"


# -- CSL-JSON --------------------------------------------------------------------------------


def to_csl_json(items: Sequence[Mapping[str, Any]]) -> str:
    """CSL-JSON text of items: a JSON array, UTF-8, keys in the items' order.

    >>> print(to_csl_json([{"id": "k", "type": "book", "title": "T"}]), end="")
    [
      {
        "id": "k",
        "type": "book",
        "title": "T"
      }
    ]
    """
    return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


# -- BibTeX and BibLaTeX ---------------------------------------------------------------------

_BIBTEX_TYPES = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "report": "techreport",
    "thesis": "phdthesis",
    "manuscript": "unpublished",
    "pamphlet": "booklet",
    "entry-encyclopedia": "incollection",
    "periodical": "misc",
}
_BIBLATEX_TYPES = {
    **_BIBTEX_TYPES,
    "report": "report",
    "thesis": "thesis",
    "webpage": "online",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
    "standard": "standard",
    "periodical": "periodical",
    "entry-encyclopedia": "inreference",
    "legislation": "legislation",
    "legal_case": "jurisdiction",
    "motion_picture": "movie",
    "personal_communication": "letter",
    "review": "review",
}
# The genre a BibTeX thesis type implies, not repeated as a ``type`` field.
_DEFAULT_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}
_MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# Text characters with a meaning in LaTeX, written so that LaTeX prints them.
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\u2013": "--",
    "\u2014": "---",
    "\u00a0": "~",
    "\u201c": "``",
    "\u201d": "''",
}
_SPECIALS_RE = re.compile("[" + re.escape("".join(_LATEX_SPECIALS)) + "]")
_ACCENTS = {
    "\u0301": "'",
    "\u0300": "`",
    "\u0302": "^",
    "\u0308": '"',
    "\u0303": "~",
    "\u0304": "=",
    "\u0307": ".",
    "\u0327": "c",
    "\u030c": "v",
    "\u0306": "u",
    "\u030b": "H",
    "\u0328": "k",
    "\u030a": "r",
}
_LETTERS = {
    "ß": r"\ss",
    "ø": r"\o",
    "Ø": r"\O",
    "æ": r"\ae",
    "Æ": r"\AE",
    "œ": r"\oe",
    "Œ": r"\OE",
    "ł": r"\l",
    "Ł": r"\L",
    "\u0131": r"\i",  # dotless i
    "å": r"\aa",
    "Å": r"\AA",
}
_NOCASE = re.compile(re.escape(NOCASE_OPEN) + "(.*?)" + re.escape(NOCASE_CLOSE), re.DOTALL)


def latex_escape(text: str, *, ascii_only: bool = False) -> str:
    """Write text as LaTeX: specials escaped; with ``ascii_only``, Latin accents as commands.

    Letters of other scripts (Cyrillic, CJK, ...) stay as they are in any case.

    >>> latex_escape("Perspective & Analysis, 50% \u2013 Müller")
    'Perspective \\\\& Analysis, 50\\\\% -- Müller'
    >>> latex_escape("Müller, Jérôme, Łódź", ascii_only=True)
    'M{\\\\"u}ller, J{\\\\\\'e}r{\\\\^o}me, {\\\\L}{\\\\\\'o}d{\\\\\\'z}'
    """
    text = _SPECIALS_RE.sub(lambda m: _LATEX_SPECIALS[m.group()], text)
    if not ascii_only or text.isascii():
        return text
    out: list[str] = []
    for char in text:
        if char.isascii():
            out.append(char)
        elif char in _LETTERS:
            out.append("{" + _LETTERS[char] + "}")
        else:
            out.append(_accented(char))
    return "".join(out)


def _accented(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not base.isascii() or len(marks) != 1 or marks not in _ACCENTS:
        return char
    command = _ACCENTS[marks]
    if command.isalpha():
        return "{\\" + command + "{" + base + "}}"
    return "{\\" + command + base + "}"


def _field_text(value: Any, *, ascii_only: bool) -> str:
    text = str(value)
    if NOCASE_OPEN not in text:
        return latex_escape(text, ascii_only=ascii_only)
    parts: list[str] = []
    position = 0
    for match in _NOCASE.finditer(text):
        parts.append(latex_escape(text[position : match.start()], ascii_only=ascii_only))
        parts.append("{" + latex_escape(match.group(1), ascii_only=ascii_only) + "}")
        position = match.end()
    parts.append(latex_escape(text[position:], ascii_only=ascii_only))
    return "".join(parts)


def _bibtex_name(name: Mapping[str, str], *, ascii_only: bool) -> str:
    def part(key: str) -> str:
        value = latex_escape(name.get(key, ""), ascii_only=ascii_only)
        # A part holding a comma or the word "and" would split the name list.
        if "," in value or re.search(r"\band\b", value):
            value = "{" + value + "}"
        return value

    if "literal" in name:
        return "{" + latex_escape(name["literal"], ascii_only=ascii_only) + "}"
    particle = part("non-dropping-particle") or part("dropping-particle")
    family = " ".join(p for p in (particle, part("family")) if p)
    return ", ".join(p for p in (family, part("suffix"), part("given")) if p)


def _date_parts(item: Mapping[str, Any], key: str) -> list[int] | None:
    date = item.get(key)
    if not isinstance(date, Mapping) or not date.get("date-parts"):
        return None
    return [int(p) for p in date["date-parts"][0]]


def _iso(parts: Sequence[int]) -> str:
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def to_bibtex(
    items: Sequence[Mapping[str, Any]], *, dialect: Literal["bibtex", "biblatex"] = "bibtex"
) -> str:
    """BibTeX or BibLaTeX text of CSL-JSON items, written with bibtexparser.

    ``bibtex`` writes Latin accents as LaTeX commands (``{\\"u}``) and dates as ``year``
    and ``month``; ``biblatex`` keeps UTF-8 and writes ``date``, ``journaltitle``,
    ``location``. Both escape LaTeX specials, keep case-protecting braces (from
    ``<span class="nocase">``) and leave URLs and DOIs untouched.

    >>> print(to_bibtex([{"id": "k", "type": "report", "title": "A & B",
    ...     "collection-title": "Focus Asia", "publisher": "ISDP",
    ...     "issued": {"date-parts": [[2018, 11]]}}]), end="")
    @techreport{k,
      title = {A \\& B},
      series = {Focus Asia},
      institution = {ISDP},
      year = {2018},
      month = nov
    }
    """
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.model import Block, Entry, Field
    from bibtexparser.writer import BibtexFormat

    biblatex = dialect == "biblatex"
    types = _BIBLATEX_TYPES if biblatex else _BIBTEX_TYPES
    blocks: list[Block] = []
    for item in items:
        ctype = str(item.get("type", "document"))
        btype = types.get(ctype, "misc")
        genre = item.get("genre")
        if btype == "phdthesis" and "master" in str(genre).lower():
            btype = "mastersthesis"
        if btype in _DEFAULT_GENRES and _DEFAULT_GENRES[btype] == genre:
            genre = None
        fields: list[tuple[str, str]] = []

        def add(
            name: str, value: Any, *, verbatim: bool = False, out: list[tuple[str, str]] = fields
        ) -> None:
            if value is None or value == "":
                return
            text = str(value) if verbatim else _field_text(value, ascii_only=not biblatex)
            out.append((name, text))

        for role, bib_role in (
            ("author", "author"),
            ("editor", "editor"),
            ("translator", "translator"),
            ("container-author", "bookauthor"),
        ):
            people = item.get(role)
            if people:
                add(
                    bib_role,
                    " and ".join(_bibtex_name(p, ascii_only=not biblatex) for p in people),
                    verbatim=True,
                )
        add("title", item.get("title"))
        title = str(item.get("title", ""))
        short = item.get("title-short")
        if short and not (":" in title and title.split(":", 1)[0].rstrip() == short):
            add("shorttitle", short)
        container = item.get("container-title")
        if btype == "article":
            add("journaltitle" if biblatex else "journal", container)
        else:
            add("booktitle", container)
        add("series", item.get("collection-title"))
        add("volume", item.get("volume"))
        if btype == "article":
            add("number", item.get("issue"))
        add("number", item.get("number") or item.get("collection-number"))
        publisher = item.get("publisher")
        if ctype == "report":
            add("institution", publisher)
            add("type", item.get("genre"))
        elif ctype == "thesis":
            add("institution" if biblatex else "school", publisher)
            add("type", genre)
        elif ctype == "webpage":
            add("organization", publisher)
        elif btype == "misc":
            add("howpublished", publisher)
        else:
            add("publisher", publisher)
        add("eventtitle", item.get("event"))
        add("location" if biblatex else "address", item.get("publisher-place"))
        add("edition", item.get("edition"))
        add("chapter", item.get("chapter-number"))
        add("pages", item.get("page"))
        add("pagetotal", item.get("number-of-pages"))
        issued = _date_parts(item, "issued")
        if issued is not None:
            if biblatex:
                add("date", _iso(issued), verbatim=True)
            else:
                add("year", str(issued[0]), verbatim=True)
                if len(issued) > 1:
                    fields.append(("month", _MONTH_MACROS[issued[1] - 1]))
                if len(issued) > 2:
                    add("date", _iso(issued), verbatim=True)
        elif isinstance(item.get("issued"), Mapping) and item["issued"].get("literal"):
            add("date" if biblatex else "year", item["issued"]["literal"])
        accessed = _date_parts(item, "accessed")
        if accessed is not None:
            add("urldate", _iso(accessed), verbatim=True)
        add("isbn", item.get("ISBN"))
        add("issn", item.get("ISSN"))
        add("doi", item.get("DOI"), verbatim=True)
        add("url", item.get("URL"), verbatim=True)
        language = item.get("language")
        add("langid", LANGID_NAMES.get(str(language), language))
        add("version", item.get("version"))
        people = [p for role in ("author", "editor", "translator") for p in item.get(role, [])]
        if any("non-dropping-particle" in p for p in people):
            # Particles that sort with the family name: BibLaTeX's useprefix option.
            add("options", "useprefix=true", verbatim=True)
        add("note", item.get("note"))
        add("abstract", item.get("abstract"))
        entry_fields = [
            Field(name, value, enclosing="no-enclosing" if name == "month" else None)
            for name, value in fields
        ]
        blocks.append(Entry(btype, str(item["id"]), entry_fields))
    library = Library(blocks)
    layout = BibtexFormat()  # type: ignore[no-untyped-call]
    layout.indent = "  "
    layout.block_separator = "\n"
    text: str = write_string(library, bibtex_format=layout)
    return text.strip() + "\n" if text.strip() else ""


# -- RIS -------------------------------------------------------------------------------------

_RIS_TYPES = {
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "chapter": "CHAP",
    "paper-conference": "CONF",
    "report": "RPRT",
    "thesis": "THES",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "manuscript": "MANSCPT",
    "pamphlet": "PAMP",
    "dataset": "DATA",
    "software": "COMP",
    "patent": "PAT",
    "entry-encyclopedia": "ENCYC",
    "entry-dictionary": "DICT",
    "motion_picture": "MPCT",
    "legal_case": "CASE",
    "legislation": "STAT",
    "bill": "BILL",
    "graphic": "ART",
    "song": "SOUND",
    "personal_communication": "PCOMM",
    "map": "MAP",
    "standard": "STAND",
    "document": "GEN",
}


def _ris_name(name: Mapping[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    particle = name.get("non-dropping-particle") or name.get("dropping-particle")
    family = " ".join(p for p in (particle, name.get("family")) if p)
    return ", ".join(p for p in (family, name.get("given"), name.get("suffix")) if p)


def _ris_date(parts: Sequence[int]) -> str:
    padded = [f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])]
    while len(padded) < 3:
        padded.append("")
    return "/".join(padded) + "/"


#: Where the people of an item go, by RIS type (Zotero's RIS mapping): editors of a
#: book are A3 and of anything in a book A2; series editors the other of the two.
_RIS_EDITOR = {"BOOK": "A3"}
_RIS_SERIES_EDITOR = {"BOOK": "A2", "RPRT": "A2"}
_RIS_IN_CONTAINER = ("CHAP", "CONF", "JOUR", "MGZN", "NEWS", "ELEC", "BLOG", "ENCYC", "DICT")
_RIS_PERIODICALS = ("JOUR", "MGZN", "NEWS")


def _keywords(value: Any) -> list[str]:
    """Keywords as CSL-JSON writes them, one string with commas or semicolons, or a list."""
    words = value if isinstance(value, list) else re.split(r"\s*[,;]\s*", str(value))
    return [str(w).strip() for w in words if str(w).strip()]


def to_ris(items: Sequence[Mapping[str, Any]]) -> str:
    """RIS text of CSL-JSON items, tagged as Zotero's RIS importer reads them.

    Every field is written to the tag Zotero's RIS translator reads it from: a report is
    ``RPRT`` with its series in ``T2``, its institution in ``PB`` and its number in
    ``SN`` (Zotero's report number; elsewhere ``SN`` is the ISBN or, for periodicals, the
    ISSN); a book's series number is ``M1``, a chapter's ``SV``; a chapter's book is
    ``T2`` and its series ``T3``; a conference paper's conference is ``T2`` and its
    proceedings ``C3``, its place ``C1``; editors of a book are ``A3``, of a chapter or
    article ``A2``; dates are ``PY`` (year) and ``DA`` (Y/M/D/); keywords one ``KW``
    each, the short title ``ST``, the journal abbreviation ``J2``, notes ``N1``,
    annotations ``RN``, language ``LA``, DOI ``DO``, edition or version ``ET``.

    >>> print(to_ris([{"id": "k", "type": "report", "title": "T",
    ...     "author": [{"family": "Shagina", "given": "Maria"}], "number": "15",
    ...     "collection-title": "Focus Asia", "issued": {"date-parts": [[2018, 11]]}}]), end="")
    TY  - RPRT
    ID  - k
    AU  - Shagina, Maria
    TI  - T
    T2  - Focus Asia
    SN  - 15
    PY  - 2018
    DA  - 2018/11//
    ER  -
    """
    lines: list[str] = []
    for item in items:
        ctype = str(item.get("type", "document"))
        ris_type = _RIS_TYPES.get(ctype, "GEN")

        def tag(name: str, value: Any) -> None:
            if value is None or value == "":
                return
            # One line a tag: line breaks become spaces, no-break spaces stay.
            text = re.sub(r"[ \t\r\n]+", " ", plain_text(str(value))).strip(" ")
            if text:
                lines.append(f"{name}  - {text}")

        def people(name: str, role: str, item: Mapping[str, Any] = item) -> None:
            for person in item.get(role) or []:
                tag(name, _ris_name(person))

        tag("TY", ris_type)
        tag("ID", item.get("id"))
        people("AU", "author")
        people(_RIS_EDITOR.get(ris_type, "A2"), "editor")
        people(_RIS_SERIES_EDITOR.get(ris_type, "A3"), "collection-editor")
        people("A4", "translator")
        if ris_type == "CHAP":
            people("C2", "container-author")  # Zotero's book author
        tag("TI", item.get("title"))
        tag("ST", item.get("title-short"))
        container = item.get("container-title")
        series = item.get("collection-title")
        if ris_type == "CONF" and item.get("event-title"):
            tag("T2", item.get("event-title"))
            tag("C3", container)
            tag("T3", series)
        elif ris_type in _RIS_IN_CONTAINER:
            tag("T2", container)
            tag("T3", series)
        else:
            tag("T2", series or container)
            if series:
                tag("T3", container)
        tag("J2", item.get("container-title-short") or item.get("journalAbbreviation"))
        tag("VL", item.get("volume"))
        tag("IS", item.get("issue"))
        tag("NV", item.get("number-of-volumes"))
        if ris_type in ("RPRT", "PAT"):
            tag("SN", item.get("number"))
        else:
            periodical = ris_type in _RIS_PERIODICALS
            first, second = ("ISSN", "ISBN") if periodical else ("ISBN", "ISSN")
            tag("SN", item.get(first) or item.get(second))
            tag("SV" if ris_type == "CHAP" else "M1", item.get("collection-number"))
            if item.get("collection-number") is None:
                tag("M1", item.get("number"))
        page = item.get("page")
        if page:
            pages = re.split(r"\s*[-\u2013\u2014]+\s*", str(page), maxsplit=1)
            tag("SP", pages[0])
            if len(pages) > 1:
                tag("EP", pages[1])
        if item.get("number-of-pages") and (not page or ris_type in ("BOOK", "THES")):
            tag("SP", item.get("number-of-pages"))
        tag("SE", item.get("section") or item.get("chapter-number"))
        tag("ET", item.get("edition") or item.get("version"))
        tag("M3", item.get("genre") or item.get("medium"))
        tag("PB", item.get("publisher"))
        tag("C1" if ris_type == "CONF" else "CY", item.get("publisher-place"))
        issued = _date_parts(item, "issued")
        if issued is not None:
            tag("PY", f"{issued[0]:04d}")
            tag("DA", _ris_date(issued))
        elif isinstance(item.get("issued"), Mapping):
            tag("PY", item["issued"].get("literal") or item["issued"].get("raw"))
        accessed = _date_parts(item, "accessed")
        if accessed is not None:
            tag("Y2", _ris_date(accessed))
        tag("DO", item.get("DOI"))
        tag("UR", item.get("URL"))
        tag("CN", item.get("call-number"))
        tag("DB", item.get("archive"))
        tag("AN", item.get("archive_location"))
        tag("LA", item.get("language"))
        for word in _keywords(item.get("keyword") or ""):
            tag("KW", word)
        tag("AB", item.get("abstract"))
        tag("N1", item.get("note"))
        tag("RN", item.get("annote"))
        lines.append("ER  -")
        lines.append("")
    return "\n".join(lines[:-1]) + "\n" if lines else ""
