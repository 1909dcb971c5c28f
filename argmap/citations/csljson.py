"""Reading CSL-JSON and CSL-YAML bibliographies: Zotero's, pandoc's and argmap's own.

A CSL-JSON file is a JSON array of CSL items (an object with one item is read too); a
CSL-YAML file is pandoc's: a list of items, or a mapping whose ``references`` holds the
list (as in a Markdown file's front matter). Each item becomes an entry whose ``csl`` is
the item itself, so that it reaches formatting and exports unchanged, keyed by its
``id``. Two things are made standard on the way, since CSL processors read nothing else:
a date written as a string (``issued: 2018-11``, EDTF, as pandoc writes CSL-YAML) or as
pandoc-citeproc's list of ``{year, month, day}`` becomes ``date-parts``; and in CSL-YAML,
whose text pandoc reads as Markdown, ``*emphasis*``, ``**strong**``, ``~sub~``, ``^super^``
and ``[Word]{.nocase}`` become CSL's rich text (``<i>``, ``<b>``, ``<sub>``, ``<sup>``,
``<span class="nocase">``).

Every problem is located (``path:line:column``): text that is not JSON or YAML, an item
that is not an object, one without an ``id``, an ``id`` given twice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from argmap.citations.dates import parse_date
from argmap.errors import Issue, Location

__all__ = ["LocatedItem", "parse_csl_json", "parse_csl_yaml"]

#: A CSL item and where it starts in its file.
LocatedItem = tuple[dict[str, Any], Location]

#: CSL's date variables.
DATE_FIELDS = frozenset(
    {"accessed", "available-date", "event-date", "issued", "original-date", "submitted"}
)
_RICH_FIELDS = ("title", "container-title", "collection-title", "volume-title", "title-short")


def parse_csl_json(text: str, filename: str) -> tuple[list[LocatedItem], list[Issue]]:
    """The items of a CSL-JSON text and the problems found, each located."""
    issues: list[Issue] = []
    try:
        elements = list(_top_level(text))
    except json.JSONDecodeError as exc:
        location = Location(filename, exc.lineno, exc.colno)
        message = f"this CSL-JSON file is not valid JSON: {exc.msg}"
        return [], [Issue("error", message, code="csl-json-syntax", location=location)]
    items: list[LocatedItem] = []
    for position, value in elements:
        line, column = _line_column(text, position)
        location = Location(filename, line, column)
        entry = _entry(value, location, issues, markdown=False)
        if entry is not None:
            items.append(entry)
    return items, issues


def parse_csl_yaml(text: str, filename: str) -> tuple[list[LocatedItem], list[Issue]]:
    """The items of a CSL-YAML text (pandoc's format) and the problems found, located."""
    import yaml

    issues: list[Issue] = []
    try:
        documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        location = Location(filename, mark.line + 1, mark.column + 1) if mark else None
        message = f"this CSL-YAML file is not valid YAML: {exc.problem}"
        return [], [Issue("error", message, code="csl-yaml-syntax", location=location)]
    nodes: list[Any] = []
    for document in documents:
        if isinstance(document, yaml.MappingNode):
            for key, value in document.value:
                if key.value == "references":
                    nodes.append(value)
        elif document is not None:
            nodes.append(document)
    items: list[LocatedItem] = []
    for node in nodes:
        members = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for member in members:
            location = Location(filename, member.start_mark.line + 1, member.start_mark.column + 1)
            value = yaml.SafeLoader(text).construct_object(member, deep=True)
            entry = _entry(value, location, issues, markdown=True)
            if entry is not None:
                items.append(entry)
    if not nodes and text.strip():
        issues.append(
            Issue(
                "error",
                "this CSL-YAML file has no references: expected a list of items, or "
                "'references:' with one",
                code="csl-yaml-syntax",
                location=Location(filename, 1, 1),
            )
        )
    return items, issues


def _top_level(text: str) -> Iterator[tuple[int, Any]]:
    """Each element of a JSON array with its offset; an object alone is one element."""
    decoder = json.JSONDecoder()
    index = _skip_space(text, 0)
    if text.startswith("\ufeff"):
        index = _skip_space(text, 1)
    if text[index : index + 1] != "[":
        value, end = decoder.raw_decode(text, index)
        _expect_end(text, end)
        yield index, value
        return
    index = _skip_space(text, index + 1)
    if text[index : index + 1] == "]":
        _expect_end(text, index + 1)
        return
    while True:
        value, end = decoder.raw_decode(text, index)
        yield index, value
        index = _skip_space(text, end)
        char = text[index : index + 1]
        if char == "]":
            _expect_end(text, index + 1)
            return
        if char != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", text, index)
        index = _skip_space(text, index + 1)


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def _expect_end(text: str, index: int) -> None:
    end = _skip_space(text, index)
    if end < len(text):
        raise json.JSONDecodeError("Extra data", text, end)


def _line_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _entry(
    value: Any, location: Location, issues: list[Issue], *, markdown: bool
) -> LocatedItem | None:
    if not isinstance(value, Mapping):
        issues.append(
            Issue(
                "error",
                f"expected a CSL item (an object with 'id' and 'type'), found "
                f"{type(value).__name__}",
                code="csl-item",
                location=location,
            )
        )
        return None
    key = value.get("id")
    if key is None or str(key).strip() == "":
        issues.append(
            Issue(
                "error",
                "this CSL item has no 'id'; give it the key it is cited by",
                code="missing-key",
                location=location,
            )
        )
        return None
    item = {str(name): field for name, field in value.items()}
    item["id"] = str(key)
    if not item.get("type"):
        issues.append(
            Issue(
                "warning",
                f"CSL item {item['id']!r} has no 'type'; it is treated as 'document'",
                code="unknown-type",
                location=location,
            )
        )
        item["type"] = "document"
    for name in DATE_FIELDS & item.keys():
        item[name] = _standard_date(item[name])
    if markdown:
        for name in _RICH_FIELDS:
            if isinstance(item.get(name), str):
                item[name] = _markdown_to_rich_text(item[name])
    return item, location


def _standard_date(value: Any) -> Any:
    """A date as CSL-JSON's ``date-parts`` object, from the forms pandoc also reads.

    >>> _standard_date("2015/2020"), _standard_date([{"year": 2014, "month": 12}])
    ({'date-parts': [[2015], [2020]]}, {'date-parts': [[2014, 12]]})
    """
    if isinstance(value, str | int):
        return parse_date(str(value)) or value
    if isinstance(value, list) and all(isinstance(part, Mapping) for part in value):
        parts = []
        for part in value:
            numbers = [part.get(name) for name in ("year", "month", "day")]
            found = [int(n) for n in numbers if isinstance(n, int | str) and str(n).isdigit()]
            if found:
                parts.append(found)
        return {"date-parts": parts} if parts else value
    return value


_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
_NOCASE = re.compile(r"\[([^\[\]]+)\]\{\.nocase\}")
_SUBSCRIPT = re.compile(r"~(?=\S)([^~\s]+)~")
_SUPERSCRIPT = re.compile(r"\^(?=\S)([^^\s]+)\^")


def _markdown_to_rich_text(value: str) -> str:
    """pandoc's Markdown in a CSL-YAML title as CSL rich text.

    >>> _markdown_to_rich_text("The **Huaynaputina** eruption in *Peru* and [NATO]{.nocase}")
    'The <b>Huaynaputina</b> eruption in <i>Peru</i> and <span class="nocase">NATO</span>'
    >>> _markdown_to_rich_text("ms. (g~1~), 10^th^ century")
    'ms. (g<sub>1</sub>), 10<sup>th</sup> century'
    """
    value = _NOCASE.sub(r'<span class="nocase">\1</span>', value)
    value = _STRONG.sub(r"<b>\1</b>", value)
    value = _SUBSCRIPT.sub(r"<sub>\1</sub>", value)
    value = _SUPERSCRIPT.sub(r"<sup>\1</sup>", value)
    return _EMPHASIS.sub(r"<i>\1</i>", value)
