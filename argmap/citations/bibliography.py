"""Reading bibliographies (BibTeX and BibLaTeX with bibtexparser 2; CSL-JSON, CSL-YAML, RIS).

bibtexparser keeps going past a block it cannot parse and records it as a failed block;
this module turns those, duplicate keys, unknown entry types and missing required fields
into located issues (``path:line:column``), joins ``#`` pieces and expands ``@string``
macros (see :mod:`argmap.citations.values`), decodes every value's LaTeX once (see
:mod:`argmap.citations.latex`), resolves keys across several files, and gives entries the
fields they inherit by ``crossref`` and ``xdata`` (see :mod:`argmap.citations.inheritance`).
Each entry keeps its text as written too, so that it can be written back unchanged.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from argmap._io import read_text
from argmap._plural import counted
from argmap.citations.latex import PersonName, decode_latex, split_name, split_people
from argmap.citations.values import (
    MAX_VALUE_LENGTH,
    MONTH_MACROS,
    ExpansionError,
    resolve_value,
)
from argmap.errors import BibliographyError, Issue, Location

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = [
    "BibEntry",
    "Bibliography",
    "BibliographyFormat",
    "bibliography_format",
    "bibliography_paths",
    "missing_bibliographies",
    "parse_bibliographies",
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

    Field names are lower case. ``fields`` holds the values' LaTeX (outer braces or quotes
    removed, ``#`` pieces joined, ``@string`` macros expanded), the inherited ones included;
    ``text`` the same values decoded to Unicode (verbatim fields such as ``url`` and ``doi``
    unchanged); ``names`` the people of name fields, split then decoded. ``raw`` and
    ``written`` keep the entry as the file has it, for exports that write it back.
    """

    key: str
    type: str
    fields: Mapping[str, str]
    text: Mapping[str, str]
    names: Mapping[str, tuple[PersonName, ...]]
    location: Location
    field_lines: Mapping[str, int] = field(default_factory=dict)
    """The line each field starts on, 1-based."""
    raw: str = ""
    """The entry's text as written in its file; empty for an entry built in code."""
    written: tuple[tuple[str, str], ...] = ()
    """The entry's own fields as written: name in its case, value with its braces."""
    macros: tuple[tuple[str, str], ...] = ()
    """The ``@string`` definitions its values use, as ``(name, text as written)``."""
    parents: tuple[BibEntry, ...] = ()
    """The entries it names by ``xdata``, ``crossref`` and ``xref``, in that order."""
    inherited: frozenset[str] = frozenset()
    """The fields it takes from its parents."""
    csl: Mapping[str, Any] | None = None
    """The CSL-JSON item of an entry read from CSL-JSON, CSL-YAML or RIS; None for BibTeX.

    Formatting and exports take it as it is: it is the entry. ``type`` is its CSL type,
    ``text`` its top-level text values, and ``fields``, ``names``, ``raw`` are empty.
    """

    @property
    def written_type(self) -> str:
        """The entry type as the file spells it (``TechReport``); ``type`` is lower case."""
        head = self.raw.lstrip()[1:].split("{", 1)[0].split("(", 1)[0].strip()
        return head if head.lower() == self.type else self.type

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
    """The entries of one or more bibliography files, by key, with the warnings found.

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
        entries = counted(len(self), "entry", "entries")
        return f"Bibliography({entries} from {self.sources or ['<string>']})"


def parse_bibliography(
    text: str, *, filename: str = "<string>", fmt: BibliographyFormat | None = None
) -> Bibliography:
    """Parse a bibliography's text: BibTeX, BibLaTeX, CSL-JSON, CSL-YAML or RIS.

    Args:
        text: the content of a bibliography file.
        filename: the file name used in locations; its extension tells the format when
            the text does not (see :func:`bibliography_format`).
        fmt: the format, where it is known; by default told from ``filename`` and text.

    Returns:
        The entries by key; ``issues`` holds warnings (unknown entry type, missing
        required field, undefined ``@string``, missing ``crossref`` parent) located at
        ``filename:line:column``.

    Raises:
        BibliographyError: a block cannot be parsed, a key or field is defined twice, or
            the format cannot be told; every such problem of the text is listed, located.
    """
    entries, issues = _parse_any(text, filename, {}, fmt)
    return _finish(entries, issues, [filename])


def read_bibliography(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> Bibliography:
    """Read one or more bibliography files into one bibliography; keys resolve across them.

    Each file may be BibTeX or BibLaTeX (``.bib``), CSL-JSON (``.json``), CSL-YAML
    (``.yaml``, ``.yml``) or RIS (``.ris``); the content decides where the extension
    does not (see :func:`bibliography_format`). As in BibTeX, ``@string`` macros of a
    file hold in the files after it, and a ``crossref`` may name an entry of any file.

    Args:
        paths: a path or several, read in order.

    Raises:
        BibliographyError: a file is missing, not UTF-8 or of no format argmap reads, a
            block cannot be parsed, or a key is defined twice (in one file or across
            files); all problems of all files are listed together, each at
            ``path:line:column``.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    texts: list[tuple[str, str | None]] = []
    problems: list[Issue] = []
    for path in paths:
        name = os.fspath(path)
        try:
            texts.append((name, read_text(name, BibliographyError)))
        except BibliographyError as exc:
            problems.extend(exc.issues)
            texts.append((name, None))
    return parse_bibliographies(texts, issues=problems)


def parse_bibliographies(
    texts: Iterable[tuple[str, str | None]], *, issues: Iterable[Issue] = ()
) -> Bibliography:
    """The texts of several ``.bib`` files, each with its file name, as one bibliography.

    As :func:`read_bibliography`, for a caller that has read the files: keys, ``@string``
    macros and ``crossref`` resolve across them, in order. A text of None is a file that
    could not be read (its name is listed among the sources; ``issues`` says why).

    Raises:
        BibliographyError: as :func:`read_bibliography`, ``issues`` included.
    """
    entries: dict[str, BibEntry] = {}
    found: list[Issue] = list(issues)
    sources: list[str] = []
    strings: dict[str, _String] = {}
    for name, text in texts:
        sources.append(name)
        if text is None:
            continue
        part, part_issues = _parse_any(text, name, strings, None)
        found.extend(part_issues)
        for key, entry in part.items():
            first = entries.get(key)
            if first is not None:
                found.append(
                    Issue(
                        "error",
                        f"duplicate key {key!r}: already defined at {first.location}",
                        code="duplicate-key",
                        location=entry.location,
                    )
                )
                continue
            entries[key] = entry
    return _finish(entries, found, sources)


#: The formats of bibliography files argmap reads.
BibliographyFormat = Literal["bibtex", "csl-json", "csl-yaml", "ris"]

_EXTENSIONS: dict[str, BibliographyFormat] = {
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".biblatex": "bibtex",
    ".json": "csl-json",
    ".yaml": "csl-yaml",
    ".yml": "csl-yaml",
    ".ris": "ris",
}
_RIS_START = re.compile(r"\A\s*TY  -")
_YAML_START = re.compile(r"\A(?:---|references\s*:|-\s+\w+\s*:|-\s*$)", re.M)
_BIBTEX_BLOCK = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.M)


def bibliography_format(filename: str, text: str) -> BibliographyFormat | None:
    r"""The format of a bibliography file: its content's, else its extension's.

    A JSON array or object is CSL-JSON, a first line ``TY  -`` RIS, and text starting
    with ``---``, ``references:`` or a YAML list of mappings CSL-YAML, whatever the
    extension; otherwise the extension decides (``.bib``, ``.json``, ``.yaml``, ``.ris``),
    and text with an ``@type{`` block is BibTeX. None when nothing tells.

    >>> bibliography_format("refs.bib", '[{"id": "k", "type": "book"}]')
    'csl-json'
    >>> bibliography_format("refs.txt", "TY  - JOUR\nER  -\n"), bibliography_format("x", "hello")
    ('ris', None)
    """
    head = text.lstrip("\ufeff \t\r\n")[:200]
    if head[:1] in ("[", "{"):
        return "csl-json"
    if _RIS_START.match(head):
        return "ris"
    if _YAML_START.match(head):
        return "csl-yaml"
    found = _EXTENSIONS.get(Path(filename).suffix.lower())
    if found is not None:
        return found
    if not head or _BIBTEX_BLOCK.search(text):
        return "bibtex"
    return None


def _parse_any(
    text: str, source: str, strings: dict[str, _String], fmt: BibliographyFormat | None
) -> tuple[dict[str, BibEntry], list[Issue]]:
    """The entries of one file of any format argmap reads, and its problems."""
    fmt = fmt or bibliography_format(source, text)
    if fmt == "bibtex":
        return _parse(text, source, strings)
    if fmt is None:
        message = (
            "cannot tell the format of this bibliography: expected BibTeX or BibLaTeX "
            '(@article{key, ...}), CSL-JSON ([{"id": ...}]), CSL-YAML (references:) or RIS '
            "(TY  - JOUR); name the file .bib, .json, .yaml or .ris"
        )
        return {}, [Issue("error", message, code="unknown-format", location=Location(source, 1, 1))]
    if fmt == "ris":
        from argmap.citations.ris import parse_ris

        found, issues = parse_ris(text, source)
    else:
        from argmap.citations.csljson import parse_csl_json, parse_csl_yaml

        parse = parse_csl_json if fmt == "csl-json" else parse_csl_yaml
        found, issues = parse(text, source)
    entries: dict[str, BibEntry] = {}
    for item, location in found:
        entry = BibEntry(
            key=item["id"],
            type=str(item["type"]),
            fields={},
            text={name: value for name, value in item.items() if isinstance(value, str)},
            names={},
            location=location,
            csl=item,
        )
        first = entries.get(entry.key)
        if first is not None:
            issues.append(
                Issue(
                    "error",
                    f"duplicate key {entry.key!r}: already defined at {first.location}",
                    code="duplicate-key",
                    location=entry.location,
                )
            )
            continue
        entries[entry.key] = entry
    return entries, issues


@dataclass(frozen=True, slots=True)
class _String:
    """An ``@string`` macro: its text, as written, and the macros it uses."""

    text: str
    raw: str
    uses: tuple[str, ...]


def _parse(
    text: str, source: str, strings: dict[str, _String]
) -> tuple[dict[str, BibEntry], list[Issue]]:
    """The entries of one file, as written and decoded; ``strings`` gains its macros."""
    from bibtexparser import model
    from bibtexparser.entrypoint import parse_string

    text = uncomment(text)
    with _quiet_parser():
        # No middleware: braces, quotes, macros and ``#`` are resolved here, keeping the
        # values as written for the exports.
        library = parse_string(text, parse_stack=[])
    lines = text.split("\n")  # as bibtexparser counts lines; splitlines also splits at \x0b
    issues: list[Issue] = []
    for block in library.failed_blocks:
        issues.append(_failed_block_issue(block, lines, source, model))
    values = {name: string.text for name, string in strings.items()}
    for string in library.strings:
        name = string.key.lower()
        try:
            value = resolve_value(str(string.value), values)
        except ExpansionError as exc:
            location = _block_location(string.start_line, lines, source)
            issues.append(_too_long_issue(f"@string {string.key!r}", exc.length, location))
            continue
        strings[name] = _String(value.text, string.raw or "", value.macros)
        values[name] = value.text
    entries: dict[str, BibEntry] = {}
    decoder = _Decoder()
    # Each parsed block is let go once its entry is built, so that the garbage collector
    # does not scan bibtexparser's objects and argmap's, both whole, again and again.
    parsed: list[Any] = library.entries
    del library
    for index, raw in enumerate(parsed):
        parsed[index] = None
        undefined: list[tuple[str, str]] = []
        too_long: list[tuple[str, int]] = []
        entry = _entry(raw, lines, source, decoder, strings, values, undefined, too_long)
        if not entry.key.strip():
            issues.append(
                Issue(
                    "error",
                    f"this @{entry.type} entry has no key; write one after "
                    f"'@{entry.type}{{', then a comma",
                    code="missing-key",
                    location=entry.location,
                )
            )
            continue
        entries[entry.key] = entry
        if undefined:
            issues.extend(_macro_issues(undefined, entry))
        for name, length in too_long:
            what = f"field {name!r} of entry {entry.key!r}"
            issues.append(_too_long_issue(what, length, entry.field_location(name)))
        issues.extend(_run_on_issues(raw, entry, lines))
    return entries, issues


def _too_long_issue(what: str, length: int, location: Location) -> Issue:
    return Issue(
        "error",
        f"{what} expands to {length:,} characters, more than the limit of "
        f"{MAX_VALUE_LENGTH:,} for one value; @string macros that use each other twice "
        "double at each step",
        code="value-too-long",
        location=location,
    )


_COMMENT_LINE = re.compile(r"^[ \t]*%.*$", re.M)


def uncomment(text: str) -> str:
    r"""Blank the lines that start with ``%`` between entries and between fields.

    biber and pandoc read such a line as a comment: ``%@article{k, ...}`` is an entry
    taken out, ``% note = {...},`` a field taken out. bibtexparser reads both (the first
    as an entry that then clashes with the real one). Inside a value a ``%`` line is the
    value's text and stays. The lines stay, empty, so that line numbers hold.

    >>> uncomment("%@book{k, title={Old}}\n@book{k,\n % note={x},\n title={100%\n% a}}")
    '\n@book{k,\n\n title={100%\n% a}}'
    """
    if "%" not in text:
        return text
    pieces: list[str] = []
    depth = 0
    position = 0
    for match in _COMMENT_LINE.finditer(text):
        start = match.start()
        depth += _brace_balance(text, position, start)
        pieces.append(text[position:start])
        if depth <= 1:
            pieces.append("")  # the line goes, its newline stays
        else:
            pieces.append(match.group())
            depth += _brace_balance(text, start, match.end())
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)


def _brace_balance(text: str, start: int, end: int) -> int:
    """Braces opened less braces closed in a stretch of text, escaped ones not counted."""
    opened = text.count("{", start, end) - text.count("\\{", start, end)
    closed = text.count("}", start, end) - text.count("\\}", start, end)
    return opened - closed


def _finish(entries: dict[str, BibEntry], issues: list[Issue], sources: list[str]) -> Bibliography:
    """Resolve inheritance, check each entry, and raise if any problem is an error."""
    from argmap.citations.inheritance import resolve_inheritance

    entries, inheritance_issues = resolve_inheritance(entries)
    issues.extend(inheritance_issues)
    for entry in entries.values():
        issues.extend(_entry_issues(entry))
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
        BibliographyError: as :func:`read_bibliography`; a file that does not exist is
            reported at the map's ``bibliography:`` entry, with the path as written and
            as resolved.
    """
    paths = bibliography_paths(amap)
    missing = missing_bibliographies(amap)
    try:
        bibliography = read_bibliography(p for p in paths if p.exists())
    except BibliographyError as exc:
        missing.extend(exc.issues)
        raise BibliographyError(_sorted(missing)) from None
    if missing:
        raise BibliographyError(_sorted(missing))
    return bibliography


def missing_bibliographies(amap: ArgumentMap) -> list[Issue]:
    """The ``.bib`` files a map names that do not exist, each at its ``bibliography:`` entry.

    The message shows the path as written in the map and as resolved from the map's folder.
    """
    issues = []
    provenance = amap.provenance
    locator = provenance.locator if provenance is not None else None
    for i, (written, path) in enumerate(
        zip(amap.bibliography, bibliography_paths(amap), strict=True)
    ):
        if path.exists():
            continue
        message = (
            f"bibliography file {written} does not exist (looked for {path.resolve()}; "
            "paths under 'bibliography:' are relative to the map's folder)"
        )
        location = locator.locate(("bibliography", i)) if locator else Location(written)
        issues.append(
            Issue(
                "error", message, code="missing-file", path=("bibliography", i), location=location
            )
        )
    return issues


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
    end = (block.start_line or 0) + raw.rstrip().count("\n") + 1
    fault = _block_fault(lines, block.start_line or 0, end, head)
    if fault is not None:
        line, column, message = fault
        return Issue(
            "error", message, code="bibtex-syntax", location=Location(source, line, column)
        )
    reason = getattr(block.error, "abort_reason", None) or str(block.error)
    reason = " ".join(reason.split()) or type(block.error).__name__
    return Issue(
        "error",
        f"cannot parse this {head} block (it breaks off by line {end}): {reason}",
        code="bibtex-syntax",
        location=location,
    )


_FIELD_START = re.compile(r"\s*([A-Za-z][\w:.+-]*)\s*=")


_RUN_ON = re.compile(r"\n\s*([A-Za-z][\w:.+-]*)\s*=")


def _block_fault(lines: list[str], first: int, end: int, head: str) -> tuple[int, int, str] | None:
    r"""Where a block bibtexparser could not parse goes wrong, when the braces tell.

    ``first`` is the block's 0-based first line, ``end`` its 1-based last line. A value
    whose brace is still open when the next field (or block) starts is the fault, and so
    is a field that follows the previous value without a comma. Returns the 1-based line
    and column of the fault and a message, or None when neither is the case.

    >>> text = "@article{a,\n  author = {Smith, {John},\n  year = 2000\n}"
    >>> _block_fault(text.splitlines(), 0, 4, "@article")
    (2, 12, "the brace opened here is not closed before field 'year' on line 3; add '}'")
    >>> _block_fault(["@book{b,", "  title = {B}", "  year = 1", "}"], 0, 4, "@book")
    (2, 14, "expected ',' after this value, before field 'year' on line 3")
    """
    stack: list[tuple[int, int]] = []
    previous: tuple[int, str] | None = None  # the last non-blank line inside the entry
    for number in range(first, min(end, len(lines))):
        text = lines[number]
        if number > first:
            starts = _FIELD_START.match(text)
            new_block = text.lstrip().startswith("@")
            if (starts or new_block) and len(stack) >= 2:
                line, column = stack[-1]
                before = f"field {starts.group(1)!r}" if starts else "the next block"
                return (
                    line,
                    column,
                    f"the brace opened here is not closed before {before} on line "
                    f"{number + 1}; add '}}'",
                )
            if starts and len(stack) == 1 and previous is not None:
                line, value = previous
                stripped = value.rstrip()
                if not stripped.endswith((",", "{", "(")):
                    return (
                        line,
                        len(stripped) + 1,
                        f"expected ',' after this value, before field {starts.group(1)!r} "
                        f"on line {number + 1}",
                    )
        escaped = False
        for column, char in enumerate(text, start=1):
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == "{":
                stack.append((number + 1, column))
            elif char == "}" and stack:
                stack.pop()
        if text.strip() and not text.lstrip().startswith("%"):
            previous = (number + 1, text)
    if len(stack) >= 2:
        line, column = stack[-1]
        return line, column, "the brace opened here is never closed; add '}'"
    if len(stack) == 1:
        line, column = stack[0]
        return line, column, f"this {head} entry is never closed; end it with '}}'"
    return None


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
    raw: Any,
    lines: list[str],
    source: str,
    decoder: _Decoder,
    strings: Mapping[str, _String],
    values: Mapping[str, str],
    undefined: list[tuple[str, str]],
    too_long: list[tuple[str, int]],
) -> BibEntry:
    fields: dict[str, str] = {}
    text: dict[str, str] = {}
    names: dict[str, tuple[PersonName, ...]] = {}
    field_lines: dict[str, int] = {}
    written: list[tuple[str, str]] = []
    used: list[str] = []
    texts = decoder.values
    for item in raw.fields:
        key = item.key
        name = key.lower()
        as_written = item.value if isinstance(item.value, str) else str(item.value)
        written.append((key, as_written))
        first = as_written[:1]
        if (first == "{" or first == '"') and "#" not in as_written:
            value = as_written[1:-1]  # the common case, resolved without a call
        elif as_written.isdigit():
            value = as_written
        elif (lower := as_written.lower()) in MONTH_MACROS and lower not in values:
            value = MONTH_MACROS[lower]  # ``month = nov``
        else:
            try:
                resolved = resolve_value(as_written, values)
            except ExpansionError as exc:
                too_long.append((name, exc.length))
                continue
            value = resolved.text
            used.extend(resolved.macros)
            undefined.extend((name, macro) for macro in resolved.undefined)
        fields[name] = value
        if item.start_line is not None:
            field_lines[name] = item.start_line + 1
        if name == "month":
            # ``month = nov`` is a BibTeX macro, not text: store the month's number.
            text[name] = _MONTHS.get(value.strip().lower()) or decoder.text(value)
        elif name in VERBATIM_FIELDS:
            text[name] = value
        else:
            decoded = texts.get(value)  # journals, publishers, places repeat
            text[name] = decoded if decoded is not None else decoder.text(value)
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
        raw=raw.raw or "",
        written=tuple(written),
        macros=_macro_definitions(used, strings) if used else (),
    )


def _macro_definitions(
    used: list[str], strings: Mapping[str, _String]
) -> tuple[tuple[str, str], ...]:
    """The ``@string`` blocks that define the macros used, those they use first."""
    found: dict[str, str] = {}

    def add(name: str) -> None:
        string = strings.get(name)
        if string is None or name in found:
            return
        for inner in string.uses:
            add(inner)
        found[name] = string.raw

    for name in used:
        add(name)
    return tuple(found.items())


def _run_on_issues(raw: Any, entry: BibEntry, lines: list[str]) -> list[Issue]:
    """Values that run on into the next field: the comma before that field is missing.

    bibtexparser reads ``title = {B}`` and, with no comma, ``year = 2001`` on the next
    line as one value; the missing comma is reported where it belongs.
    """
    issues = []
    for item in raw.fields:
        value = item.value if isinstance(item.value, str) else str(item.value)
        runs_on = _RUN_ON.search(value)
        if runs_on is None or _first_group_end(value) > runs_on.start():
            continue  # a newline and 'name =' inside one braced value are text
        line = entry.field_lines.get(item.key.lower(), entry.location.line or 1)
        line += value.count("\n", 0, runs_on.start())
        text = lines[line - 1].rstrip() if 0 < line <= len(lines) else ""
        message = (
            f"expected ',' after this value, before field {runs_on.group(1)!r} on line {line + 1}"
        )
        location = Location(entry.location.file, line, len(text) + 1)
        issues.append(Issue("error", message, code="bibtex-syntax", location=location))
    return issues


def _first_group_end(value: str) -> int:
    r"""Where the value's first braced or quoted group ends (its length if it does not).

    >>> _first_group_end("{B}\n  year = 1"), _first_group_end("{a\n n = 3}")
    (3, 10)
    """
    if value[:1] == '"':
        end = value.find('"', 1)
        return end + 1 if end > 0 else len(value)
    depth = 0
    for i, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(value)


def _macro_issues(undefined: list[tuple[str, str]], entry: BibEntry) -> list[Issue]:
    """Values that use a macro no ``@string`` defines."""
    return [
        Issue(
            "warning",
            f"field {name!r} of entry {entry.key!r} uses @string {macro!r}, which is not "
            "defined; define it before the entry or write the value in braces",
            code="undefined-string",
            location=entry.field_location(name),
        )
        for name, macro in undefined
    ]


def _has_text(value: str | None) -> bool:
    return value is not None and value != "" and not value.isspace()


def _entry_issues(entry: BibEntry) -> list[Issue]:
    if entry.csl is not None:
        return []  # CSL's types and variables: nothing is required
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
