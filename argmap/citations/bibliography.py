"""Reading BibTeX bibliographies with bibtexparser 2, every problem found and located.

bibtexparser keeps going past a block it cannot parse and records it as a failed block;
this module turns those, duplicate keys, unknown entry types and missing required fields
into located issues (``path:line:column``), decodes every value's LaTeX once (see
:mod:`argmap.citations.latex`), and resolves keys across several files.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap._deprecation import renamed_keyword
from argmap._gc import without_gc
from argmap._io import read_text
from argmap.citations.latex import PersonName, decode_latex, split_name, split_people
from argmap.errors import BibliographyError, Issue, Location

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = [
    "BibEntry",
    "Bibliography",
    "bibliography_paths",
    "parse_bibliography",
    "read_bibliography",
    "read_map_bibliography",
]

#: Fields holding lists of people, split into names before decoding.
NAME_FIELDS = frozenset(
    {"author", "editor", "translator", "bookauthor", "editora", "editorb", "holder"}
)
#: Fields kept verbatim: decoding would corrupt them (``%20`` reads as a LaTeX comment).
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "file", "pdf", "urlraw", "verba"})

#: Entry types of BibTeX and BibLaTeX, with the fields each needs (``a|b``: one of them).
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "article": ("author", "title", "journal|journaltitle", "year|date"),
    "book": ("author|editor", "title", "year|date"),
    "mvbook": ("author|editor", "title", "year|date"),
    "bookinbook": ("author", "title", "year|date"),
    "booklet": ("title",),
    "collection": ("editor", "title", "year|date"),
    "mvcollection": ("editor", "title", "year|date"),
    "inbook": ("author|editor", "title", "year|date"),
    "incollection": ("author", "title", "booktitle", "year|date"),
    "inproceedings": ("author", "title", "booktitle", "year|date"),
    "conference": ("author", "title", "booktitle", "year|date"),
    "inreference": ("title", "booktitle", "year|date"),
    "manual": ("title",),
    "mastersthesis": ("author", "title", "school|institution", "year|date"),
    "phdthesis": ("author", "title", "school|institution", "year|date"),
    "thesis": ("author", "title", "type", "school|institution", "year|date"),
    "misc": (),
    "online": ("title", "url|doi|eprint"),
    "www": ("title", "url"),
    "electronic": ("title", "url"),
    "periodical": ("title", "year|date"),
    "proceedings": ("title", "year|date"),
    "mvproceedings": ("title", "year|date"),
    "reference": ("title", "year|date"),
    "report": ("author", "title", "type", "institution", "year|date"),
    "techreport": ("author", "title", "institution", "year|date"),
    "unpublished": ("author", "title"),
    "patent": ("author", "title", "number", "year|date"),
    "dataset": ("title",),
    "software": ("title",),
    "standard": ("title",),
    "letter": ("author", "title"),
    "legislation": ("title",),
    "jurisdiction": ("title",),
    "movie": ("title",),
    "video": ("title",),
    "audio": ("title",),
    "artwork": ("title",),
    "image": ("title",),
    "music": ("title",),
    "performance": ("title",),
    "review": ("author", "title"),
    "set": (),
    "xdata": (),
}


_REQUIRED_OPTIONS = {
    kind: tuple(tuple(alternatives.split("|")) for alternatives in required)
    for kind, required in REQUIRED_FIELDS.items()
}


@dataclass(frozen=True, slots=True)
class BibEntry:
    """One entry of a bibliography: its raw LaTeX fields, decoded text, names and place.

    Field names are lower case. ``fields`` holds the values as written (outer braces or
    quotes removed); ``text`` the same values decoded to Unicode (verbatim fields such as
    ``url`` and ``doi`` unchanged); ``names`` the people of name fields, split then decoded.
    """

    key: str
    type: str
    fields: Mapping[str, str]
    text: Mapping[str, str]
    names: Mapping[str, tuple[PersonName, ...]]
    location: Location
    field_lines: Mapping[str, int] = field(default_factory=dict)
    """The line each field starts on, 1-based."""

    def __getitem__(self, name: str) -> str:
        return self.text[name]

    def field_location(self, name: str) -> Location:
        """Where a field is written (``path:line``); the entry's place if unknown."""
        line = self.field_lines.get(name)
        if line is None:
            return self.location
        return Location(self.location.file, line)

    def __contains__(self, name: object) -> bool:
        return name in self.text


class Bibliography(Mapping[str, BibEntry]):
    """The entries of one or more BibTeX files, by key, with the warnings found reading them.

    >>> bib = parse_bibliography("@book{k, author={Le Guin, Ursula K.}, title={A}, year=1969}")
    >>> bib["k"].names["author"][0].family, len(bib)
    ('Le Guin', 1)
    """

    def __init__(
        self,
        entries: Mapping[str, BibEntry] | None = None,
        *,
        issues: Iterable[Issue] = (),
        sources: Iterable[str] = (),
    ) -> None:
        self._entries: dict[str, BibEntry] = dict(entries or {})
        self.issues: list[Issue] = list(issues)
        """Warnings (unknown types, missing fields); errors raise instead."""
        self.sources: list[str] = list(sources)
        """The files read, in order."""

    def __getitem__(self, key: str) -> BibEntry:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"Bibliography({len(self)} entries from {self.sources or ['<string>']})"


@renamed_keyword("source", "filename")
@without_gc  # as for maps: parsing makes many objects and no cycles
def parse_bibliography(text: str, *, filename: str = "<string>") -> Bibliography:
    """Parse BibTeX text into a bibliography.

    Args:
        text: the content of a ``.bib`` file.
        filename: the file name used in locations (``source=`` is a deprecated spelling).

    Returns:
        The entries by key; ``issues`` holds warnings (unknown entry type, missing
        required field) located at ``filename:line:column``.

    Raises:
        BibliographyError: a block cannot be parsed, or a key or field is defined twice;
            every such problem of the text is listed, located.
    """
    from bibtexparser import model
    from bibtexparser.entrypoint import parse_string

    with _quiet_parser():
        library = parse_string(text)
    lines = text.splitlines()
    issues: list[Issue] = []
    for block in library.failed_blocks:
        issues.append(_failed_block_issue(block, lines, filename, model))
    entries: dict[str, BibEntry] = {}
    decoder = _Decoder()
    for raw in library.entries:
        unresolved: list[tuple[str, str]] = []
        entry = _entry(raw, lines, filename, decoder, unresolved)
        entries[entry.key] = entry
        issues.extend(_entry_issues(entry))
        if unresolved:
            issues.extend(_macro_issues(unresolved, entry))
    errors = [i for i in issues if i.is_error]
    if errors:
        raise BibliographyError(_sorted(issues), source=None)
    return Bibliography(entries, issues=_sorted(issues), sources=[filename])


def read_bibliography(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> Bibliography:
    """Read one or more ``.bib`` files into one bibliography; keys resolve across them.

    Args:
        paths: a path or several, read in order.

    Raises:
        BibliographyError: a file is missing or not UTF-8, a block cannot be parsed, or a
            key is defined twice (in one file or across files); all problems of all files
            are listed together, each at ``path:line:column``.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    entries: dict[str, BibEntry] = {}
    issues: list[Issue] = []
    sources: list[str] = []
    for path in paths:
        name = os.fspath(path)
        sources.append(name)
        try:
            part = parse_bibliography(read_text(name, BibliographyError), filename=name)
        except BibliographyError as exc:
            issues.extend(exc.issues)
            continue
        issues.extend(part.issues)
        for key, entry in part.items():
            first = entries.get(key)
            if first is not None:
                issues.append(
                    Issue(
                        "error",
                        f"duplicate key {key!r}: already defined at {first.location}",
                        code="duplicate-key",
                        location=entry.location,
                    )
                )
                continue
            entries[key] = entry
    if any(i.is_error for i in issues):
        raise BibliographyError(_sorted(issues))
    return Bibliography(entries, issues=_sorted(issues), sources=sources)


def bibliography_paths(amap: ArgumentMap) -> list[Path]:
    """The ``.bib`` files a map names, relative to the map file's folder."""
    base = Path(amap.origin).parent if amap.origin else Path()
    return [base / path for path in amap.bibliography]


def read_map_bibliography(amap: ArgumentMap) -> Bibliography:
    """Read the ``.bib`` files a map names, relative to the map file's folder.

    Raises:
        BibliographyError: as :func:`read_bibliography`.
    """
    return read_bibliography(bibliography_paths(amap))


@contextlib.contextmanager
def _quiet_parser() -> Iterator[None]:
    # bibtexparser logs each failed block; they are reported as located issues instead.
    logger = logging.getLogger("bibtexparser")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _sorted(issues: list[Issue]) -> list[Issue]:
    from argmap.errors import sort_issues

    return sort_issues(issues)


def _block_location(start_line: int | None, lines: list[str], source: str) -> Location:
    if start_line is None:
        return Location(source)
    text = lines[start_line] if start_line < len(lines) else ""
    column = text.find("@") + 1 or 1
    return Location(source, start_line + 1, column)


def _failed_block_issue(block: Any, lines: list[str], source: str, model: Any) -> Issue:
    location = _block_location(block.start_line, lines, source)
    if isinstance(block, model.DuplicateBlockKeyBlock):
        previous = _block_location(block.previous_block.start_line, lines, source)
        return Issue(
            "error",
            f"duplicate key {block.key!r}: already defined at {previous}",
            code="duplicate-key",
            location=location,
        )
    if isinstance(block, model.DuplicateFieldKeyBlock):
        names = ", ".join(sorted(block.duplicate_keys))
        key = getattr(block.ignore_error_block, "key", "?")
        return Issue(
            "error",
            f"entry {key!r} sets {names} more than once; keep one value per field",
            code="duplicate-field",
            location=location,
        )
    raw = block.raw or ""
    head = raw.lstrip()[:40].split("{", 1)[0].split("(", 1)[0].strip() or "block"
    reason = getattr(block.error, "abort_reason", None) or str(block.error)
    reason = " ".join(reason.split()) or type(block.error).__name__
    end = (block.start_line or 0) + raw.rstrip().count("\n") + 1
    return Issue(
        "error",
        f"cannot parse this {head} block (it breaks off by line {end}): {reason}",
        code="bibtex-syntax",
        location=location,
    )


_MONTHS = {
    name: str(number)
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


class _Decoder:
    """Decodes values and name lists, each distinct one once per file.

    Journals, publishers, places and authors repeat across the entries of a bibliography;
    remembering them for the length of one parse keeps the cost per entry low.
    """

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.lists: dict[str, tuple[PersonName, ...]] = {}
        self.people: dict[str, PersonName] = {}

    def text(self, value: str) -> str:
        decoded = self.values.get(value)
        if decoded is None:
            decoded = self.values[value] = decode_latex(value)
        return decoded

    def names(self, value: str) -> tuple[PersonName, ...]:
        people = self.lists.get(value)
        if people is None:
            people = self.lists[value] = tuple(self.person(raw) for raw in split_people(value))
        return people

    def person(self, raw: str) -> PersonName:
        person = self.people.get(raw)
        if person is None:
            person = self.people[raw] = split_name(raw)
        return person


def _entry(
    raw: Any, lines: list[str], source: str, decoder: _Decoder, unresolved: list[tuple[str, str]]
) -> BibEntry:
    fields: dict[str, str] = {}
    text: dict[str, str] = {}
    names: dict[str, tuple[PersonName, ...]] = {}
    field_lines: dict[str, int] = {}
    for item in raw.fields:
        name = item.key.lower()
        value = item.value if isinstance(item.value, str) else str(item.value)
        fields[name] = value
        if item.start_line is not None:
            field_lines[name] = item.start_line + 1
        if item.enclosing == "no-enclosing" and not value.isdigit():
            # A bare word bibtexparser left as it is: a macro it could not resolve.
            month = _MONTHS.get(value.strip().lower()) if name == "month" else None
            if month is None:
                unresolved.append((name, value))
        if name == "month":
            # ``month = nov`` is a BibTeX macro, not text: store the month's number.
            text[name] = _MONTHS.get(value.strip().lower()) or decoder.text(value)
        elif name in VERBATIM_FIELDS:
            text[name] = value
        else:
            text[name] = decoder.text(value)
        if name in NAME_FIELDS:
            names[name] = decoder.names(value)
    return BibEntry(
        key=raw.key,
        type=raw.entry_type.lower(),
        fields=fields,
        text=text,
        names=names,
        location=_block_location(raw.start_line, lines, source),
        field_lines=field_lines,
    )


def _macro_issues(unresolved: list[tuple[str, str]], entry: BibEntry) -> list[Issue]:
    """Values written without braces that bibtexparser could not resolve."""
    issues = []
    for name, value in unresolved:
        if "#" in value:
            message = (
                f"field {name!r} of entry {entry.key!r} joins strings with '#', which is not "
                "resolved; write the whole value in braces"
            )
        else:
            message = (
                f"field {name!r} of entry {entry.key!r} uses @string {value!r}, which is not "
                "defined in this file; define it or write the value in braces"
            )
        issues.append(
            Issue("warning", message, code="undefined-string", location=entry.field_location(name))
        )
    return issues


def _has_text(value: str | None) -> bool:
    return value is not None and value != "" and not value.isspace()


def _entry_issues(entry: BibEntry) -> list[Issue]:
    required = REQUIRED_FIELDS.get(entry.type)
    if required is None:
        known = "article, book, incollection, inproceedings, misc, online, report, thesis"
        return [
            Issue(
                "warning",
                f"entry {entry.key!r} has unknown type @{entry.type}; it is treated as "
                f"@misc (known types include {known}, ...)",
                code="unknown-type",
                location=entry.location,
            )
        ]
    issues = []
    fields = entry.fields
    for options in _REQUIRED_OPTIONS[entry.type]:
        if not any(_has_text(fields.get(option)) for option in options):
            wanted = " or ".join(options)
            issues.append(
                Issue(
                    "warning",
                    f"@{entry.type} entry {entry.key!r} has no {wanted}",
                    code="missing-field",
                    location=entry.location,
                )
            )
    return issues
