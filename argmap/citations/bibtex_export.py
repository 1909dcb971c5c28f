"""BibTeX and BibLaTeX exports that write the cited entries back as they were read.

An entry read from a ``.bib`` file is written from its own text, not rebuilt: every field
is kept (``keywords``, ``file``, ``crossref``, ``annote``, ``mrnumber``, fields argmap
knows nothing of), with its LaTeX, its braces, its field order and the case of its names
as the file has them. Around the cited entries the export adds what they need to mean the
same in a file of their own: the ``@string`` definitions their values use (first, each
after those it uses), and the entries they name by ``crossref``, ``xdata`` or ``xref``
(last, after every entry that names them, as BibTeX requires). A parent is added however
few entries cite it: BibTeX's ``-min-crossrefs`` and biber's ``mincrossrefs`` decide at
typesetting time whether it is also listed on its own, and both need it in the file.

BibLaTeX export of a BibTeX entry converts only what has a defined BibLaTeX equivalent
(biblatex's documented type and field aliases, which biber also applies):

================  ==========================================================
BibTeX            BibLaTeX
================  ==========================================================
``@techreport``   ``@report`` with ``type = {techreport}``
``@phdthesis``    ``@thesis`` with ``type = {phdthesis}``
``@mastersthesis`` ``@thesis`` with ``type = {mathesis}``
``@conference``   ``@inproceedings``
``@electronic``   ``@online`` (``@www`` too)
``journal``       ``journaltitle``
``address``       ``location``
``school``        ``institution``
``annote``        ``annotation``
``archiveprefix`` ``eprinttype``
``primaryclass``  ``eprintclass``
``pdf``           ``file``
``key``           ``sortkey``
``year, month``   ``date = {YYYY-MM}`` (a numeric year and a month only)
================  ==========================================================

A type the entry already gives (``type = {Doctoral dissertation}``) is kept; a field is
not renamed when the entry already has the BibLaTeX one; ``year`` and ``month`` stay as
they are when the entry also has a ``date`` that says otherwise, and go when it agrees.
Everything else, ``institution`` of an article included, is written as it was. An entry
without source text (built in code) is written from its CSL-JSON item instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from argmap.citations.bibliography import BibEntry

__all__ = ["BIBLATEX_FIELDS", "BIBLATEX_TYPES", "dump_entries", "to_biblatex_fields"]

#: BibTeX entry type -> (BibLaTeX type, the ``type`` field it implies or "").
BIBLATEX_TYPES: dict[str, tuple[str, str]] = {
    "techreport": ("report", "techreport"),
    "phdthesis": ("thesis", "phdthesis"),
    "mastersthesis": ("thesis", "mathesis"),
    "conference": ("inproceedings", ""),
    "electronic": ("online", ""),
    "www": ("online", ""),
}
#: BibTeX field -> BibLaTeX field.
BIBLATEX_FIELDS: dict[str, str] = {
    "journal": "journaltitle",
    "address": "location",
    "school": "institution",
    "annote": "annotation",
    "archiveprefix": "eprinttype",
    "primaryclass": "eprintclass",
    "pdf": "file",
    "key": "sortkey",
}


def dump_entries(
    entries: Sequence[BibEntry], *, dialect: Literal["bibtex", "biblatex"] = "bibtex"
) -> str:
    """The ``.bib`` text of entries read from files, with what they need around them.

    Args:
        entries: entries with source text (``entry.raw``), in the order to write them.
        dialect: ``bibtex`` writes each entry exactly as read; ``biblatex`` converts
            BibTeX types and fields as the module's table says.

    >>> from argmap.citations.bibliography import parse_bibliography
    >>> bib = parse_bibliography('''@string{isdp = {Institute for Security and Development Policy}}
    ... @TechReport{k, Title = {{Japan}'s Dilemma}, institution = isdp, Address = {Stockholm},
    ...   year = 2018, month = nov, keywords = {sanctions}}''')
    >>> print(dump_entries([bib["k"]]))
    @string{isdp = {Institute for Security and Development Policy}}
    <BLANKLINE>
    @TechReport{k, Title = {{Japan}'s Dilemma}, institution = isdp, Address = {Stockholm},
      year = 2018, month = nov, keywords = {sanctions}}
    <BLANKLINE>
    >>> print(dump_entries([bib["k"]], dialect="biblatex").split("\\n\\n")[1])
    @report{k,
      Title = {{Japan}'s Dilemma},
      institution = isdp,
      location = {Stockholm},
      date = {2018-11},
      keywords = {sanctions},
      type = {techreport}
    }
    <BLANKLINE>
    """
    ordered = _with_parents(entries)
    strings: dict[str, str] = {}
    for entry in ordered:
        for name, raw in entry.macros:
            strings.setdefault(name, raw)
    blocks = list(strings.values())
    for entry in ordered:
        if dialect == "biblatex":
            converted = to_biblatex_fields(entry)
            if converted is not None:
                blocks.append(_entry_text(entry, *converted))
                continue
        blocks.append(entry.raw.strip())
    return "\n\n".join(blocks) + "\n" if blocks else ""


def to_biblatex_fields(entry: BibEntry) -> tuple[str, list[tuple[str, str]]] | None:
    """The BibLaTeX type and fields (as written) of an entry; None if nothing changes.

    >>> from argmap.citations.bibliography import parse_bibliography
    >>> entry = parse_bibliography(
    ...     "@phdthesis{k, author = {A, B}, title = {T}, school = {MIT}, year = 1999}")["k"]
    >>> to_biblatex_fields(entry)
    ('thesis', [('author', '{A, B}'), ('title', '{T}'), ('institution', '{MIT}'), ('year', '1999'), ('type', '{phdthesis}')])
    """  # noqa: E501
    own = {name.lower() for name, _ in entry.written}
    btype, implied = BIBLATEX_TYPES.get(entry.type, (entry.written_type, ""))
    changed = btype != entry.written_type
    fields: list[tuple[str, str]] = []
    date = _date(entry, own)
    for name, value in entry.written:
        lower = name.lower()
        if lower in ("year", "month") and date is not None:
            if lower == "year" and date:
                fields.append(("date", "{" + date + "}"))
            changed = True
            continue
        target = BIBLATEX_FIELDS.get(lower)
        if target is not None and target not in own:
            fields.append((target, value))
            changed = True
            continue
        fields.append((name, value))
    if implied and "type" not in own:
        fields.append(("type", "{" + implied + "}"))
    return (btype, fields) if changed else None


def _date(entry: BibEntry, own: set[str]) -> str | None:
    """The ``date`` that ``year`` and ``month`` become; "" if a ``date`` holds them already.

    None leaves them as they are: no numeric year and month, or a ``date`` that differs.
    """
    year = entry.text.get("year", "").strip() if "year" in own else ""
    month = entry.text.get("month", "").strip() if "month" in own else ""
    if not (len(year) == 4 and year.isdigit()) or (month and not month.isdigit()):
        return None
    date = f"{year}-{int(month):02d}" if month else year
    if "date" in own:
        return "" if entry.text.get("date", "").strip().startswith(date) else None
    return date if month else None


_ALIGNED = re.compile(r"\n[ \t]+\w+[ \t]{2,}=")


def _entry_text(entry: BibEntry, btype: str, fields: list[tuple[str, str]]) -> str:
    # Names padded to one width where the source aligns its equals signs.
    width = max(len(name) for name, _ in fields) if _ALIGNED.search(entry.raw) else 0
    body = ",\n".join(f"  {name:<{width}} = {value}" for name, value in fields)
    return f"@{btype}{{{entry.key},\n{body}\n}}"


def _with_parents(entries: Sequence[BibEntry]) -> list[BibEntry]:
    """The entries, then the parents they need, each after every entry that names it."""
    depth: dict[str, int] = {}
    found: dict[str, BibEntry] = {}

    def visit(entry: BibEntry, level: int) -> None:
        for parent in entry.parents:
            if depth.get(parent.key, 0) < level:
                depth[parent.key] = level
                found[parent.key] = parent
                visit(parent, level + 1)

    for entry in entries:
        visit(entry, 1)
    unique = {entry.key: entry for entry in reversed(entries)}  # the first of each key
    first = [entry for entry in reversed(unique.values()) if entry.key not in found]
    parents = sorted(found.values(), key=lambda parent: depth[parent.key])
    return first + parents
