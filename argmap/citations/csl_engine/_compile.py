"""A CSL style compiled once into nested Python closures, then run on each item.

Walking the XML tree for every item (as citeproc-py does) costs most of the time of a
long reading list; here each element becomes one closure with its attributes already
read, so rendering an item only runs the code its entry needs.
"""

# Typographic dashes and quotes are what this module produces and matches.
# ruff: noqa: RUF001, RUF002

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Final
from xml.etree import ElementTree as ET

from argmap.citations.csl_engine._locale import NS, DatePart, Locale
from argmap.citations.csl_engine._names import (
    NameOptions,
    is_spaced,
    name_key,
    name_segments,
    render_name,
)
from argmap.citations.csl_engine._output import (
    LEFT_MARGIN,
    NAME_SEPARATOR,
    QUOTE,
    RIGHT_INLINE,
    SAME_AUTHOR,
    TERM,
    UPRIGHT,
    Token,
    change_case,
    parse_markup,
    plain,
)

NAME_VARIABLES: Final = frozenset(
    [
        "author",
        "chair",
        "collection-editor",
        "compiler",
        "composer",
        "container-author",
        "contributor",
        "curator",
        "director",
        "editor",
        "editorial-director",
        "editor-translator",
        "executive-producer",
        "guest",
        "host",
        "illustrator",
        "interviewer",
        "narrator",
        "organizer",
        "original-author",
        "performer",
        "producer",
        "recipient",
        "reviewed-author",
        "script-writer",
        "series-creator",
        "translator",
    ]
)
DATE_VARIABLES: Final = frozenset(
    ["accessed", "available-date", "event-date", "issued", "original-date", "submitted"]
)
_NUMBER_TERMS: Final = {
    "chapter-number": "chapter",
    "collection-number": "collection-number",
    "number-of-pages": "page",
    "number-of-volumes": "volume",
}
#: Number variables whose numeric ranges print with the range delimiter.
_RANGED_NUMBERS: Final = frozenset(
    ["issue", "volume", "number", "collection-number", "chapter-number", "supplement-number"]
)
_NUMERIC: Final = re.compile(
    r"^\s*[A-Za-z]{0,3}\d+[A-Za-z]{0,3}(?:\s*(?:[-–—,&]|and)\s*[A-Za-z]{0,3}\d+[A-Za-z]{0,3})*\s*$"
)
_MULTIPLE: Final = re.compile(r"(\w+)\s*(?:[-–—,&]|\band\b)\s*(\w+)")
_RANGE: Final = re.compile(r"(\w+)\s*[-–—]+\s*(\w+)")
#: What a range or list can join: numbers ("12", "N110", "3a") and roman numerals.
_COUNTABLE: Final = re.compile(r"\w*\d\w*|[ivxlcdm]+|[IVXLCDM]+")


def _is_multiple(text: str) -> bool:
    """Whether a number variable names more than one: "1-2", "i–ix", "3 & 5".

    Words joined by a hyphen are one: "Michaelson-Morely" is no range.

    >>> _is_multiple("1-2"), _is_multiple("i-ix"), _is_multiple("Michaelson-Morely")
    (True, True, False)
    """
    return any(
        _COUNTABLE.fullmatch(m.group(1)) and _COUNTABLE.fullmatch(m.group(2))
        for m in _MULTIPLE.finditer(text)
    )


_PREFIXED: Final = re.compile(r"(\w*?)(\d+)$")

#: A DOI links to its resolver; any other value of the DOI variable is text.
_LINKED_DOI: Final = re.compile(r"10\.\d+/\S")

Render = Callable[["Ctx"], list[Token]]
_NO_HINTS: Final[Mapping[tuple[str, ...], str]] = {}
#: Marks around the label that follows names.
LABEL_MARK: Final = "lbl"


class Ctx:
    """The state of rendering one item in one mode."""

    __slots__ = (
        "calls",
        "disambiguate",
        "disambiguate_met",
        "first_note",
        "hints",
        "hits",
        "item",
        "label",
        "locator",
        "mode",
        "names_shown",
        "near_note",
        "number",
        "people",
        "position",
        "quote_depth",
        "sas_pending",
        "sort_names",
        "substituting",
        "suppressed",
        "used",
        "year_suffix",
    )

    def __init__(self, item: dict[str, Any], mode: str) -> None:
        self.item = item
        self.mode = mode  # "bib", "cite" or "sort"
        self.calls = 0  # variables asked for, for group suppression
        self.hits = 0  # ... and found non-empty
        # How many disambiguate="true" conditions hold, and how many have been met.
        self.disambiguate = 0
        self.disambiguate_met = 0
        # Disambiguation: how many names to show, and for which names to add initials
        # ("initials") or given names ("given"), "-primary" when only as first name.
        self.names_shown = 0
        self.hints: Mapping[tuple[str, ...], str] = _NO_HINTS
        # In citations, the names of each names element rendered, in order.
        self.people: list[Sequence[dict[str, Any]]] = []
        self.label = "page"
        self.locator: str | None = None
        self.number = 0
        # The cite's position: "first", "subsequent", "ibid" or "ibid-with-locator",
        # and whether the item was cited in a recent note ("near-note").
        self.position = "first" if mode == "cite" else ""
        self.near_note = False
        self.first_note = 0  # the note the item was first cited in, for later cites
        self.quote_depth = 0
        # Mark the first names rendered: a repeated author is replaced in a reading list
        # and left out of a collapsed citation.
        self.sas_pending = mode in ("bib", "cite")
        self.sort_names: tuple[int, int, bool] | None = None
        self.suppressed: set[str] = set()
        # Inside <substitute>: a variable, once rendered, is not rendered again at all.
        self.substituting = False
        self.used: list[str] = []
        self.year_suffix = ""


def is_numeric(value: Any) -> bool:
    """Whether a variable's value counts as a number in CSL ("12", "5-6", "2nd").

    >>> is_numeric("5–6"), is_numeric("Updated"), is_numeric(3)
    (True, False, True)
    """
    if isinstance(value, int):
        return True
    return isinstance(value, str) and bool(_NUMERIC.match(value))


def format_range(value: str, fmt: str | None, dash: str = "–") -> str:
    """A page range with an en dash, abbreviated as the style's page-range-format says.

    ``dash`` is the locale's ``page-range-delimiter`` where it has one. Numbers with the
    same prefix ("N110-N115") are abbreviated after it; numbers with different prefixes
    ("N110-5", "110-N6") are no range to abbreviate and print as written.

    >>> format_range("321-357", "minimal-two"), format_range("321--57", "expanded")
    ('321–57', '321–357')
    >>> format_range("101-108", "chicago"), format_range("1496-1504", "chicago")
    ('101–8', '1496–1504')
    >>> format_range("1496-1504", "chicago-16"), format_range("n11564 - n1568", "minimal")
    ('1496–504', 'n11564–8')
    >>> format_range("N110 - 5", "expanded"), format_range("N110 - N5", "expanded")
    ('N110-5', 'N110–N115')
    """

    def one(m: re.Match[str]) -> str:
        first, last = m.group(1), m.group(2)
        if not (_COUNTABLE.fullmatch(first) and _COUNTABLE.fullmatch(last)):
            return m.group(0)  # hyphenated words: "Michaelson-Morely"
        if fmt is None:
            return f"{first}{dash}{last}"  # as written, but for the dash
        head, tail = _PREFIXED.match(first), _PREFIXED.match(last)
        if head is None or tail is None:
            return f"{first}{dash}{last}"  # roman numerals: only the dash changes
        prefix, first = head.groups()
        if tail.group(1) != prefix:
            return f"{prefix}{first}-{last}"
        last = tail.group(2)
        if len(last) < len(first):
            last = first[: len(first) - len(last)] + last
        chicago = fmt in ("chicago", "chicago-15", "chicago-16")
        if (fmt in ("minimal", "minimal-two") or chicago) and len(first) == len(last):
            keep = 1 if fmt == "minimal" else 2
            if chicago:
                number = int(first)
                if number < 100 or number % 100 == 0:
                    keep = len(last)
                elif number % 100 < 10:
                    keep = 1
                elif fmt != "chicago-16" and len(first) == 4 and first[1] != last[1]:
                    keep = 4  # the 15th edition's rule, which the 16th dropped
            same = 0
            while same < len(first) - 1 and first[same] == last[same]:
                same += 1
            last = last[min(same, max(len(last) - keep, 0)) :]
        elif fmt == "expanded":
            last = prefix + last
        return f"{prefix}{first}{dash}{last}"

    if "\\-" in value:  # an escaped hyphen is no range: "3\\-B" prints "3-B"
        return "-".join(_RANGE.sub(one, part) for part in value.split("\\-"))
    return _RANGE.sub(one, value)


# ---------------------------------------------------------------- compiled style


@dataclass
class SortKey:
    """One key of a <sort>: a variable or a macro, ascending or descending."""

    render: Callable[[Ctx], str]
    descending: bool
    names: tuple[int, int, bool] | None = None
    variable: str = ""


@dataclass
class Context:
    """A compiled <citation> or <bibliography>: its layout, sort keys and options."""

    layout: Render
    delimiter: str
    prefix: str
    suffix: str
    wrap: Callable[[list[Token]], list[Token]]
    sort: list[SortKey] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)


class Compiler:
    """Compiles one context (citation or bibliography) of a style into closures."""

    def __init__(
        self,
        root: ET.Element,
        locale: Locale,
        inherited: dict[str, str],
        *,
        explicit_year_suffix: bool,
    ) -> None:
        self.root = root
        self.locale = locale
        self.inherited = inherited
        self.explicit_year_suffix = explicit_year_suffix
        self.macros = {m.get("name", ""): m for m in root.iter(NS + "macro")}
        self.compiled: dict[str, Render] = {}
        self.page_range_format = root.get("page-range-format")
        self.range_dash = locale.term("page-range-delimiter") or "–"
        self.demote = root.get("demote-non-dropping-particle", "display-and-sort")
        self.substitute_spec: NamesSpec | None = None
        # The locale's locator labels as written in text, found once for every element.
        self.locator_labels = _locator_labels(locale)

    # ------------------------------------------------------------ structure

    def macro(self, name: str) -> Render:
        found = self.compiled.get(name)
        if found is not None:
            return found
        element = self.macros.get(name)
        if element is None:
            raise ValueError(f"the style calls an undefined macro {name!r}")
        slot: list[Render] = []
        # A placeholder lets a macro be referenced while it is being compiled.
        self.compiled[name] = lambda ctx: slot[0](ctx)
        body = self.sequence(list(element), "")
        slot.append(body)
        self.compiled[name] = body
        return body

    def children(self, element: ET.Element) -> list[Render]:
        return [r for r in (self.element(c) for c in element) if r is not None]

    def sequence(self, elements: list[ET.Element], delimiter: str) -> Render:
        # A <choose> is transparent: the chosen branch's elements are delimited as if
        # they were the enclosing group's own children.
        parts = [r for r in (self.element(c, delimiter) for c in elements) if r is not None]
        if not parts:
            return lambda ctx: []
        if len(parts) == 1:
            return parts[0]

        def run(ctx: Ctx) -> list[Token]:
            out: list[Token] = []
            for part in parts:
                got = part(ctx)
                if got:
                    if out and delimiter:
                        out.append(delimiter)
                    out.extend(got)
            return out

        return run

    def element(self, element: ET.Element, delimiter: str = "") -> Render | None:
        tag = element.tag.removeprefix(NS)
        if tag == "choose":
            return self.choose(element, delimiter)
        build = {
            "text": self.text,
            "group": self.group,
            "names": self.names,
            "date": self.date,
            "number": self.number,
            "label": self.label,
        }.get(tag)
        return None if build is None else build(element)

    # ------------------------------------------------------------ formatting

    def wrap(self, element: ET.Element, inner: Render, *, with_prefix: bool = True) -> Render:
        """Apply strip-periods, text-case, quotes, font, affixes and display, as given."""
        apply = self.formatter(element, with_prefix=with_prefix)
        if apply is None:
            return inner

        def run(ctx: Ctx) -> list[Token]:
            out = inner(ctx)
            return apply(out, ctx) if out else out

        return run

    def formatter(
        self, element: ET.Element, *, with_prefix: bool = True, any_language: bool = False
    ) -> Callable[[list[Token], Ctx], list[Token]] | None:
        """The formatting an element's attributes ask for, as a function of its output."""
        a = element.attrib
        steps: list[Callable[[list[Token], Ctx], list[Token]]] = []
        if a.get("strip-periods") == "true":
            steps.append(lambda t, c: [x.replace(".", "") if isinstance(x, str) else x for x in t])
        case = a.get("text-case")
        if case:
            steps.append(partial(self._case, case=case, any_language=any_language))
        if a.get("quotes") == "true":
            steps.append(self._quote)
        marks = self.marks(element)
        if marks:
            opens: list[Token] = [("+", m) for m in marks]
            closes: list[Token] = [("-", m) for m in reversed(marks)]
            steps.append(lambda t, c: [*opens, *t, *closes])
        prefix = a.get("prefix", "") if with_prefix else ""
        suffix = a.get("suffix", "")
        if prefix or suffix:
            steps.append(lambda t, c: [prefix, *t, suffix])
        display = a.get("display")
        if display in ("left-margin", "right-inline", "block", "indent"):
            kind = {"left-margin": LEFT_MARGIN, "right-inline": RIGHT_INLINE}.get(display, display)
            steps.append(lambda t, c: [("+", kind), *t, ("-", kind)])
        if not steps:
            return None

        def apply(tokens: list[Token], ctx: Ctx) -> list[Token]:
            for step in steps:
                tokens = step(tokens, ctx)
            return tokens

        return apply

    @staticmethod
    def marks(element: ET.Element) -> list[str]:
        """The marks of an element's font attributes, outermost first.

        They nest as in citeproc-js: vertical alignment outermost, then underline,
        weight, variant, and the font style innermost ("<b><i>…</i></b>").

        >>> Compiler.marks(ET.fromstring('<text font-style="italic" font-weight="bold"/>'))
        ['b', 'i']
        """
        a = element.attrib
        marks = []
        if a.get("vertical-align") in ("sup", "sub", "baseline"):
            marks.append(a["vertical-align"])
        if a.get("text-decoration") == "underline":
            marks.append("u")
        if a.get("font-weight") == "bold":
            marks.append("b")
        if a.get("font-variant") == "small-caps":
            marks.append("sc")
        if a.get("font-style") in ("italic", "oblique"):
            marks.append("i")
        elif a.get("font-style") == "normal":
            marks.append(UPRIGHT)
        return marks

    def _case(
        self, tokens: list[Token], ctx: Ctx, case: str, *, any_language: bool = False
    ) -> list[Token]:
        if case in ("title", "sentence") and not any_language:
            # Title case is English-only (CSL 1.0.1); other languages keep their case.
            # An item of no stated language is in the style's language.
            lang = str(ctx.item.get("language", "") or "") or self.locale.lang
            if not lang.lower().startswith("en"):
                return tokens
        if case in ("uppercase", "lowercase") and not any_language:
            lang = str(ctx.item.get("language", "") or "") or self.locale.lang
            if lang.lower()[:2] in ("tr", "az"):
                # Turkish and Azeri pair dotted i with dotted capital I (and back).
                dotted = ("i", "İ") if case == "uppercase" else ("I", "ı")
                tokens = [t.replace(*dotted) if isinstance(t, str) else t for t in tokens]
        return change_case(tokens, case)

    def _quote(self, tokens: list[Token], ctx: Ctx) -> list[Token]:
        if ctx.mode == "sort":
            return tokens  # quotation marks do not sort
        return [("+", QUOTE), *tokens, ("-", QUOTE)]

    # ------------------------------------------------------------ rendering elements

    def text(self, element: ET.Element) -> Render:
        a = element.attrib
        inner: Render
        if "variable" in a:
            inner = self._text_variable(a["variable"], a.get("form", "long"))
            if a["variable"] == "DOI" and a.get("prefix", "").startswith("https://doi.org/"):
                # The resolver prefix belongs inside the link.
                return self.wrap(element, self._doi_link(inner, a["prefix"]), with_prefix=False)
        elif "macro" in a:
            name = a["macro"]

            def inner(ctx: Ctx) -> list[Token]:
                # A macro is suppressed as a group is: variables called, none found.
                calls, hits = ctx.calls, ctx.hits
                return _group_output(ctx, calls, hits, self.macro(name)(ctx))
        elif "term" in a:
            value = self.locale.term(
                a["term"], form=a.get("form", "long"), plural=a.get("plural") == "true"
            )
            # Marked, so that a citation opening with a term ("ibid.") can capitalise it.
            tokens: list[Token] = [("+", TERM), value, ("-", TERM)] if value else []
            if a["term"] == "no date":
                implicit = not self.explicit_year_suffix

                def inner(ctx: Ctx) -> list[Token]:
                    # "n.d." stands for a date: it keeps its group, as a date would.
                    ctx.calls += 1
                    ctx.hits += bool(tokens)
                    # An undated work's year suffix follows "n.d.": "n.d.-a".
                    if implicit and ctx.year_suffix and tokens and ctx.mode != "sort":
                        ctx.year_suffix, suffix = "", ctx.year_suffix
                        return [*tokens, "-" + suffix]
                    return list(tokens)
            else:
                inner = lambda ctx: list(tokens)  # noqa: E731
        else:
            value_tokens = parse_markup(a.get("value", ""))
            inner = lambda ctx: list(value_tokens)  # noqa: E731
        if a.get("quotes") == "true":
            quoted = inner

            def inner(ctx: Ctx) -> list[Token]:
                ctx.quote_depth += 1
                try:
                    return quoted(ctx)
                finally:
                    ctx.quote_depth -= 1

        return self.wrap(element, inner)

    def _doi_link(self, inner: Render, prefix: str) -> Render:
        def run(ctx: Ctx) -> list[Token]:
            out = inner(ctx)
            if not out:
                return out
            doi = plain(out)
            if not _LINKED_DOI.match(doi):  # no DOI: no link to a resolver
                return [prefix + doi]
            return [("+", "a:" + prefix + doi), prefix + doi, ("-", "a:" + prefix + doi)]

        return run

    def _text_variable(self, name: str, form: str) -> Render:
        range_format = self.page_range_format
        dash = self.range_dash
        # "213 & 235" in a locator or page number is written with the locale's "&".
        ampersand = self.locale.term("and", form="symbol") or "&"

        # An empty year-suffix does not empty its group: it is generated, not data, and
        # a group of "n.d." and the suffix must still print "n.d." (as pandoc does).
        counted = name != "year-suffix"

        def run(ctx: Ctx) -> list[Token]:
            ctx.calls += counted
            if name in ctx.suppressed:
                return []
            value: Any
            if name == "locator":
                value = ctx.locator.strip() if ctx.locator else ctx.locator
                if value:
                    # Page locators abbreviate as the style says; others take an en dash.
                    fmt = range_format if ctx.label == "page" else None
                    value = format_range(value, fmt, dash).replace(" & ", f" {ampersand} ")
            elif name == "citation-label":
                value = ctx.item.get("citation-label") or trigraph(ctx.item)
                if value and ctx.year_suffix and not self.explicit_year_suffix:
                    ctx.year_suffix, suffix = "", ctx.year_suffix
                    value += suffix
            elif name == "first-reference-note-number":
                value = str(ctx.first_note) if ctx.first_note else ""
            elif name == "citation-number":
                value = str(ctx.number) if ctx.number else ""
            elif name == "year-suffix":
                value = ctx.year_suffix
            else:
                item = ctx.item
                value = None
                if form == "short":
                    value = item.get(name + "-short") or (
                        item.get("journalAbbreviation") if name == "container-title" else None
                    )
                if not value:
                    value = item.get(name)
                if value is None or value == "":
                    return []
                if not isinstance(value, str):
                    value = str(value)
                if name == "page":
                    value = format_range(value, range_format, dash).replace(" & ", f" {ampersand} ")
                elif name in _RANGED_NUMBERS and is_numeric(value):
                    value = format_range(value, None, dash)  # "3-4" with a dash
            if not value:
                return []
            ctx.hits += 1
            if ctx.mode == "sort":
                # Markup and quotation marks do not sort: "<i>Apple</i>" is under A.
                return [plain(parse_markup(value))]
            ctx.used.append(name)
            if ctx.substituting:
                ctx.suppressed.add(name)
            if name == "URL":
                return [("+", "a:" + value), value, ("-", "a:" + value)]
            if name == "DOI" and _LINKED_DOI.match(value):
                # A bare DOI ("doi: 10.1/x") still links to its resolver.
                target = "a:https://doi.org/" + value
                return [("+", target), value, ("-", target)]
            return parse_markup(_narrow_spaces(value))

        return run

    def number(self, element: ET.Element) -> Render:
        name = element.get("variable", "")
        form = element.get("form", "numeric")
        locale = self.locale
        dash = self.range_dash

        gender = locale.genders.get(_NUMBER_TERMS.get(name, name))
        labels = self.locator_labels

        def render_one(text: str) -> str:
            n = int(text)
            if form == "ordinal":
                return locale.ordinal(n, gender=gender)
            if form == "long-ordinal":
                return locale.ordinal(n, long=True, gender=gender)
            if form == "roman":
                return _roman(n)
            return text

        def run(ctx: Ctx) -> list[Token]:
            ctx.calls += 1
            value = ctx.item.get(name)
            if value is None or value == "" or name in ctx.suppressed:
                return []
            ctx.hits += 1
            ctx.used.append(name)
            text = str(value)
            found = labels[0].search(text) if labels else None
            if labels and found and found.start() > 0:
                # "7, p. 3-8": the variable's own numbers, then the page label's.
                head = text[: found.start()].rstrip(" ,;")
                if is_numeric(head):
                    tail = text[found.start() :]
                    gap = ", " if "," in text[len(head) : found.start()] else " "
                    return [formatted(head) + gap + relabelled(tail, *labels)]
            # Markup in a number prints as written, as citeproc-js has it: "1<sup>er</sup>".
            return [formatted(text)]

        def formatted(text: str) -> str:
            if is_numeric(text):
                # A number with letters ("2nd", "7a") is written as it is.
                text = re.sub(r"(?<!\w)\d+(?!\w)", lambda m: render_one(m.group(0)), text)
                text = re.sub(r"\s*[-–—]+\s*", dash, text)
                text = re.sub(r"\s*,\s*", ", ", text)
                text = re.sub(r"\s*&\s*", " & ", text)
            return text

        def relabelled(text: str, pattern: re.Pattern[str], terms: Mapping[str, str]) -> str:
            """Labelled numbers ("p. 3-8"): the label in number, the range with a dash."""
            m = pattern.match(text)
            if m is None:
                return text
            rest = text[m.end() :]
            following = pattern.search(rest)
            own = rest[: following.start()] if following else rest
            term = locale.term(terms[m.group(1)], form="short", plural=_is_multiple(own))
            spacing = text[len(m.group(1)) : m.end()]
            return (term or m.group(1)) + spacing + format_range(rest, None, dash)

        return self.wrap(element, run)

    def label(self, element: ET.Element) -> Render:
        name = element.get("variable", "")
        form = element.get("form", "long")
        plural_rule = element.get("plural", "contextual")
        locale = self.locale
        and_term = locale.term("and") or "and"
        labels = self.locator_labels

        def run(ctx: Ctx) -> list[Token]:
            if name == "locator":
                value: Any = ctx.locator
                term = _LOCATOR_TERMS.get(ctx.label, ctx.label)
                if labels and value and labels[0].match(value):
                    return []  # "vol. 1, fol. 186" brings its own labels
            else:
                value = ctx.item.get(name)
                term = _NUMBER_TERMS.get(name, name)
            if value is None or value == "" or name in ctx.suppressed:
                return []
            text = str(value)
            if labels and name != "locator":
                # "7, p. 3-8": the edition is the 7th; the pages are the page label's.
                found_label = labels[0].search(text)
                text = text[: found_label.start()] if found_label else text
            if plural_rule == "always":
                plural = True
            elif plural_rule == "never":
                plural = False
            elif name in ("number-of-pages", "number-of-volumes"):
                plural = text.isdigit() and int(text) > 1
            else:
                plural = _is_multiple(text) or f" {and_term} " in text
            found = locale.term(term, form=form, plural=plural)
            if not found and term != name:
                found = locale.term(name, form=form, plural=plural)
            return [found] if found else []

        return self.wrap(element, run)

    def group(self, element: ET.Element) -> Render:
        body = self.sequence(list(element), element.get("delimiter", ""))

        def run(ctx: Ctx) -> list[Token]:
            calls, hits = ctx.calls, ctx.hits
            return _group_output(ctx, calls, hits, body(ctx))

        return self.wrap(element, run)

    def choose(self, element: ET.Element, delimiter: str = "") -> Render:
        branches: list[tuple[Callable[[Ctx], bool], Render]] = []
        for branch in element:
            tag = branch.tag.removeprefix(NS)
            test = (lambda ctx: True) if tag == "else" else self.condition(branch)
            branches.append((test, self.sequence(list(branch), delimiter)))

        def run(ctx: Ctx) -> list[Token]:
            for test, body in branches:
                if test(ctx):
                    return body(ctx)
            return []

        return run

    def condition(self, element: ET.Element) -> Callable[[Ctx], bool]:
        a = element.attrib
        match = a.get("match", "all")
        tests: list[Callable[[Ctx], bool]] = []
        types = a.get("type", "").split()
        if match != "all" and len(types) > 1:
            # Styles list many types in one test: one set lookup stands for them all.
            wanted_types = frozenset(types)
            tests.append(lambda ctx: ctx.item.get("type") in wanted_types)
            types = []
        tests.extend(partial(_type_is, value) for value in types)
        for attribute, test in _CONDITIONS.items():
            if attribute != "type":
                tests.extend(partial(test, value) for value in a.get(attribute, "").split())
        if "disambiguate" in a:
            tests.append(_disambiguates if a["disambiguate"] == "true" else _not_disambiguated)
        if len(tests) == 1 and match != "none":
            return tests[0]
        if match == "any":
            return lambda ctx: any(t(ctx) for t in tests)
        if match == "none":
            return lambda ctx: not any(t(ctx) for t in tests)
        return lambda ctx: all(t(ctx) for t in tests)

    # ------------------------------------------------------------ names

    def names(self, element: ET.Element) -> Render:
        variables = element.get("variable", "").split()
        spec = self._names_spec(element, self.substitute_spec)
        delimiter = element.get("delimiter", self.inherited.get("names-delimiter", ""))
        # Each substitute, and whether it is a term or fixed text: one that ends the
        # substitution even when empty, as citeproc-js has it.
        substitutes: list[tuple[Render, bool]] = []
        for child in element:
            if child.tag == NS + "substitute":
                # Short <names> in a substitute, even inside a <choose>, take this
                # element's <name>, <et-al> and <label>.
                outer, self.substitute_spec = self.substitute_spec, spec
                try:
                    for sub in child:
                        render = self.element(sub)
                        if render is not None:
                            fixed = sub.tag == NS + "text" and (
                                "term" in sub.attrib or "value" in sub.attrib
                            )
                            substitutes.append((render, fixed))
                finally:
                    self.substitute_spec = outer

        # Without a term for the pair in the label's form, each keeps its own label.
        merge = (
            "editor" in variables
            and "translator" in variables
            and bool(self.locale.term("editortranslator", form=spec.label_form or "short"))
        )

        def run(ctx: Ctx) -> list[Token]:
            ctx.calls += 1
            out: list[Token] = []
            total = 0
            for var in variables:
                if var in ctx.suppressed:
                    continue
                people = ctx.item.get(var)
                if not people:
                    continue
                label_var = var
                # One person both edits and translates: "(ed. & trans.)" once.
                if (
                    merge
                    and var in ("editor", "translator")
                    and ctx.item.get("editor") == ctx.item.get("translator")
                ):
                    if var == "translator":
                        continue
                    label_var = "editortranslator"
                rendered = spec.render(ctx, label_var, people)
                if spec.form == "count":
                    total += int(plain(rendered) or 0)
                    ctx.used.append(var)
                    continue
                if rendered:
                    if ctx.mode == "cite":
                        ctx.people.append(people)
                    if out and delimiter:
                        out.append(delimiter)
                    out.extend(rendered)
                    ctx.used.append(var)
                    if ctx.substituting:
                        ctx.suppressed.add(var)
            if total:
                out = [str(total)]
            if not out:
                for sub, fixed in substitutes:
                    start = len(ctx.used)
                    calls = ctx.calls
                    suppressed, substituting = set(ctx.suppressed), ctx.substituting
                    ctx.substituting = True
                    got = sub(ctx)
                    ctx.substituting = substituting
                    if got:
                        ctx.calls = calls + 1
                        # Variables used as a substitute are not rendered again.
                        ctx.suppressed.update(ctx.used[start:])
                        out = got
                        break
                    ctx.suppressed = suppressed
                    if fixed:
                        ctx.calls -= 1  # nothing to print, and no variable missing
                        return []
                if not out:
                    return []
            ctx.hits += 1
            if ctx.sas_pending and ctx.mode != "sort":
                ctx.sas_pending = False
                # The names a repeated author is replaced in, without a trailing label.
                cut = len(out)
                if out and out[-1] == ("-", LABEL_MARK):
                    cut = max(i for i, t in enumerate(out) if t == ("+", LABEL_MARK))
                out = [("+", SAME_AUTHOR), *out[:cut], ("-", SAME_AUTHOR), *out[cut:]]
            return out

        return self.wrap(element, run)

    def _names_spec(self, element: ET.Element, parent: NamesSpec | None) -> NamesSpec:
        name_el = element.find(NS + "name")
        etal_el = element.find(NS + "et-al")
        label_el = element.find(NS + "label")
        if parent is not None and name_el is None and etal_el is None and label_el is None:
            return parent
        opts = dict(self.inherited)
        if "name-form" in opts:
            opts["form"] = opts["name-form"]
        if "name-delimiter" in opts:
            opts["delimiter"] = opts["name-delimiter"]
        if name_el is not None:
            opts.update(name_el.attrib)
        label_after = False
        if label_el is not None and name_el is not None:
            kids = list(element)
            label_after = kids.index(label_el) > kids.index(name_el)
        return NamesSpec(self, opts, name_el, etal_el, label_el, label_after)

    # ------------------------------------------------------------ dates

    def date(self, element: ET.Element) -> Render:
        name = element.get("variable", "")
        form = element.get("form")
        parts: list[DatePart]
        overrides = {
            p.get("name", ""): dict(p.attrib) for p in element if p.tag == NS + "date-part"
        }
        if form in ("text", "numeric"):
            shown = element.get("date-parts", "year-month-day").split("-")
            parts = []
            for part in self.locale.dates.get(form, []):
                if part.name in shown:
                    attrs = dict(part.attrs)
                    for key, value in overrides.get(part.name, {}).items():
                        if key not in ("prefix", "suffix"):
                            attrs[key] = value
                    parts.append(DatePart(part.name, attrs))
            delimiter = self.locale.date_delimiters.get(form, "")
        else:
            parts = [DatePart(n, a) for n, a in overrides.items()]
            delimiter = element.get("delimiter", "")
        part_renders = [self._date_part(p) for p in parts]
        explicit = self.explicit_year_suffix

        def run(ctx: Ctx) -> list[Token]:
            ctx.calls += 1
            value = ctx.item.get(name)
            if not value or name in ctx.suppressed:
                return []
            ctx.hits += 1
            if isinstance(value, str):
                return [value]
            starts, ends = value.get("parts") or ((), ())
            if not starts:
                literal = value.get("literal") or value.get("raw")
                return [str(literal)] if literal else []
            if ctx.mode == "sort":
                return [_sortable(starts, [p.name for p in parts])]
            attach = name == "issued" and ctx.year_suffix and not explicit and ctx.mode != "sort"
            out = _render_date(starts, ends, part_renders, delimiter, value.get("season"), ctx)
            if not out:  # none of the parts shown is in the data: the date is empty
                ctx.hits -= 1
                return []
            ctx.used.append(name)  # a date that substitutes for names prints once
            if attach and out:
                ctx.year_suffix, suffix = "", ctx.year_suffix
                out = _attach_suffix(out, suffix)
            return out

        return self.wrap(element, run)

    def _date_part(self, part: DatePart) -> DateRender:
        a = part.attrs
        form = a.get("form", "long" if part.name != "day" else "numeric")
        locale = self.locale
        name = part.name

        def raw(value: int, era: bool) -> str:
            if name == "year":
                text = str(abs(value)) if form != "short" else f"{abs(value) % 100:02d}"
                if not era:
                    return text
                if value < 0:
                    return text + locale.term("bc")
                if value < 1000:
                    return text + locale.term("ad")
                return text
            if name == "month":
                if value > 12:
                    return locale.term(f"season-{(value - 12):02d}")
                if form == "numeric":
                    return str(value)
                if form == "numeric-leading-zeros":
                    return f"{value:02d}"
                return locale.term(
                    f"month-{value:02d}", form="short" if form == "short" else "long"
                )
            if form == "numeric-leading-zeros":
                return f"{value:02d}"
            if form == "ordinal" and (value == 1 or not locale.limit_day_ordinals):
                # Months share their gender in the locales: a day ordinal agrees with it.
                return locale.ordinal(value, gender=locale.genders.get("month-01"))
            return str(value)

        core_attrs = {k: v for k, v in a.items() if k not in ("prefix", "suffix")}
        apply = self.formatter(ET.Element("date-part", core_attrs))
        prefix, suffix = a.get("prefix", ""), a.get("suffix", "")

        def run(
            value: int, ctx: Ctx, with_prefix: bool, with_suffix: bool, era: bool = True
        ) -> list[Token]:
            text = raw(value, era)
            if not text:
                return []
            out = apply([text], ctx) if apply is not None else [text]
            return [prefix if with_prefix else "", *out, suffix if with_suffix else ""]

        return DateRender(name, run, a.get("range-delimiter", "–"))


@dataclass(frozen=True)
class DateRender:
    """A compiled date part: its name, how it renders, and its range delimiter."""

    name: str
    #: (value, ctx, with its prefix, with its suffix, with its era) -> tokens
    run: Callable[[int, Ctx, bool, bool, bool], list[Token]]
    range_delimiter: str


# ---------------------------------------------------------------- names rendering


class NamesSpec:
    """The <name>, <et-al> and <label> of a <names> element, ready to render a list."""

    def __init__(
        self,
        compiler: Compiler,
        opts: dict[str, str],
        name_el: ET.Element | None,
        etal_el: ET.Element | None,
        label_el: ET.Element | None,
        label_after: bool,
    ) -> None:
        locale = compiler.locale
        self.locale = locale
        self.form = opts.get("form", "long")
        self.delimiter = opts.get("delimiter", ", ")
        self.and_ = {"text": locale.term("and"), "symbol": "&"}.get(opts.get("and", ""), "")
        self.precedes_last = opts.get("delimiter-precedes-last", "contextual")
        # Before an institution, the last delimiter follows the style's own setting, not
        # the <name>'s: an institution is no name of that element (as in citeproc-js).
        self.precedes_institution = compiler.inherited.get("delimiter-precedes-last", "contextual")
        self.precedes_etal = opts.get("delimiter-precedes-et-al", "contextual")
        self.etal_min = int(opts.get("et-al-min", "0") or 0)
        self.etal_first = int(opts.get("et-al-use-first", "0") or 0)
        # et-al-use-first="0" shows no names at all once et-al-min is reached.
        self.etal_none = opts.get("et-al-use-first") == "0"
        self.etal_last = opts.get("et-al-use-last") == "true"
        # Cites after an item's first may shorten its names further.
        self.subsequent_min = int(opts.get("et-al-subsequent-min", "0") or 0)
        self.subsequent_first = int(opts.get("et-al-subsequent-use-first", "0") or 0)
        self.sort_order = opts.get("name-as-sort-order", "")
        self.options = NameOptions(
            form=self.form,
            initialize=opts.get("initialize", "true") == "true",
            initialize_with=opts.get("initialize-with"),
            sort_separator=opts.get("sort-separator", ", "),
            demote_particle=compiler.demote,
            initialize_with_hyphen=compiler.root.get("initialize-with-hyphen", "true") == "true",
            family_case=_name_part_case(name_el, "family"),
            given_case=_name_part_case(name_el, "given"),
        )
        self.demote = compiler.demote
        # The forms a name grows into when given names disambiguate citations.
        initials = self.options.initialize_with
        # Without initialize-with, a name grows straight into its full given name.
        self.with_initials = replace(self.options, form="long", initialize_with=initials)
        self.with_given = replace(self.options, form="long", initialize_with=None)
        term = etal_el.get("term", "et-al") if etal_el is not None else "et-al"
        etal_text = locale.term(term)
        self.etal: list[Token] = [etal_text] if etal_text else []
        # "等" follows a name directly, "et al." after a space (as in citeproc-js).
        self.etal_space = " " if is_spaced(etal_text) else ""
        if etal_el is not None:
            marks = Compiler.marks(etal_el)
            self.etal = [
                *[("+", m) for m in marks],
                *self.etal,
                *[("-", m) for m in reversed(marks)],
            ]
        self.name_format = None if name_el is None else compiler.formatter(name_el)
        # <name-part> formatting: the font and case of each piece, the affixes around all.
        self.part_formats: dict[str, Callable[[list[Token], Ctx], list[Token]]] = {}
        self.part_affixes: dict[str, Callable[[list[Token], Ctx], list[Token]]] = {}
        for part in [] if name_el is None else name_el.findall(NS + "name-part"):
            which = part.get("name", "")
            core = {k: v for k, v in part.attrib.items() if k not in ("prefix", "suffix", "name")}
            font = compiler.formatter(ET.Element("name-part", core))
            if font is not None:
                self.part_formats[which] = font
            affixes = {k: v for k, v in part.attrib.items() if k in ("prefix", "suffix")}
            around = compiler.formatter(ET.Element("name-part", affixes))
            if around is not None:
                self.part_affixes[which] = around
        if self.part_affixes and not self.part_formats:
            self.part_formats[""] = lambda t, c: t
        self.label_after = label_after
        self.label_form = None if label_el is None else label_el.get("form", "long")
        self.label_plural = "contextual" if label_el is None else label_el.get("plural", "")
        # The label is a term of the style's locale: its case is not the item's language.
        self.label_format = (
            None if label_el is None else compiler.formatter(label_el, any_language=True)
        )

    def render(self, ctx: Ctx, var: str, people: Sequence[dict[str, Any]]) -> list[Token]:
        count = len(people)
        etal_min, etal_first, etal_last = self.etal_min, self.etal_first, self.etal_last
        sort_mode = ctx.mode == "sort"
        if ctx.mode == "cite" and ctx.position != "first" and self.subsequent_min:
            etal_min, etal_first = self.subsequent_min, self.subsequent_first or etal_first
        if sort_mode and ctx.sort_names is not None:
            etal_min, etal_first, etal_last = ctx.sort_names
        elif ctx.names_shown and etal_min and count >= etal_min:
            etal_first = max(etal_first, ctx.names_shown)
        truncated = bool(etal_min) and count >= etal_min and 0 < etal_first < count
        if self.etal_none and not etal_first and etal_min and count >= etal_min:
            return []
        if count > 1 and people[-1].get("literal") == "others":
            # BibTeX's "and others": the list is cut short there, "et al." (as pandoc).
            if not truncated or etal_first >= count:
                etal_first = count - 1
            truncated, etal_last = True, False
        shown = people[:etal_first] if truncated else people
        if self.form == "count":
            return [str(len(shown))]
        order = "all" if sort_mode else self.sort_order
        texts: list[list[Token]] = []
        inverted: list[bool] = []
        hints = ctx.hints if not sort_mode else _NO_HINTS
        for index, person in enumerate(shown):
            inv = order == "all" or (order == "first" and index == 0)
            # An institution is written the same either way: it counts as not inverted.
            inverted.append(inv and bool(person.get("given")) and not person.get("literal"))
            hint = hints.get(name_key(person)) if hints else None
            opts = self.options
            if hint and (index == 0 or not hint.endswith("-primary")):
                if hint.startswith("given"):
                    opts = self.with_given
                elif self.form == "short":
                    opts = self.with_initials
            texts.append(self._name(person, opts, inv, ctx))
        # In a sort key each name is a field of its own: "García, A." before "García, A. von".
        delim = NAME_SEPARATOR if sort_mode else self.delimiter
        if truncated:
            if etal_last:
                last = self._name(people[-1], self.options, order == "all", ctx)
                return self._finish(ctx, var, [*_joined(texts, delim), delim, "… ", *last], count)
            # "Contextual" here means: after two or more names (CSL 1.0.1).
            use_delim = _precedes(self.precedes_etal, len(texts) + 1, inverted[-1])
            tokens = _joined(texts, delim)
            if self.etal and not sort_mode:
                tokens.append(delim if use_delim else self.etal_space)
                tokens.extend(self.etal)
            return self._finish(ctx, var, tokens, count)
        if len(texts) == 1:
            return self._finish(ctx, var, texts[0], count)
        if self.and_ and not sort_mode:  # names sort as a list, without the "and"
            use_delim = _precedes(self.precedes_last, len(texts), inverted[-2])
            if shown[-1].get("literal"):
                rule = self.precedes_institution
                use_delim = (rule == "always" or (rule != "never" and len(texts) > 2)) or (
                    self.precedes_last == "after-inverted-name" and inverted[-2]
                )
            body = [
                *_joined(texts[:-1], delim),
                delim if use_delim else " ",
                self.and_ + " ",
                *texts[-1],
            ]
            return self._finish(ctx, var, body, count)
        return self._finish(ctx, var, _joined(texts, delim), count)

    def _name(
        self, person: dict[str, Any], opts: NameOptions, inverted: bool, ctx: Ctx
    ) -> list[Token]:
        """One name; with <name-part> formatting, each part's pieces formatted."""
        if not self.part_formats or ctx.mode == "sort":
            text = render_name(person, opts, inverted=inverted)
            if "<" not in text:
                return [text]
            # The inline markup CSL allows in names: "<b>Doe</b>" prints bold.
            marked = parse_markup(text, quotes=False)
            return [plain(marked)] if ctx.mode == "sort" else marked
        out: list[Token] = []
        group: list[Token] = []
        current = ""
        for part, formatting, text in name_segments(person, opts, inverted=inverted):
            if part != current:
                out.extend(self._affixed(current, group, ctx))
                group, current = [], part
            apply = self.part_formats.get(formatting) if formatting else None
            marked = parse_markup(text, quotes=False) if "<" in text else [text]
            group.extend(apply(marked, ctx) if apply is not None else marked)
        out.extend(self._affixed(current, group, ctx))
        return out

    def _affixed(self, part: str, group: list[Token], ctx: Ctx) -> list[Token]:
        affix = self.part_affixes.get(part)
        return affix(group, ctx) if affix is not None and group else group

    def _finish(self, ctx: Ctx, var: str, tokens: list[Token], count: int) -> list[Token]:
        if self.name_format is not None:
            tokens = self.name_format(tokens, ctx)
        if self.label_form is not None and ctx.mode != "sort":
            plural = {"always": True, "never": False}.get(self.label_plural, count > 1)
            term = self.locale.term(var, form=self.label_form, plural=plural)
            if term:
                label: list[Token] = [term]
                if self.label_format is not None:
                    label = self.label_format(label, ctx)
                if self.label_after:
                    return [*tokens, ("+", LABEL_MARK), *label, ("-", LABEL_MARK)]
                return [*label, *tokens]
        return tokens


def _joined(names: list[list[Token]], delimiter: str) -> list[Token]:
    out: list[Token] = []
    for n, name in enumerate(names):
        if n:
            out.append(delimiter)
        out.extend(name)
    return out


def _name_part_case(name_el: ET.Element | None, part: str) -> str:
    """The text-case a <name-part> asks for (its other formatting is not supported)."""
    if name_el is None:
        return ""
    for child in name_el:
        if child.tag == NS + "name-part" and child.get("name") == part:
            return child.get("text-case", "")
    return ""


def _precedes(rule: str, count: int, previous_inverted: bool) -> bool:
    if rule == "always":
        return True
    if rule == "never":
        return False
    if rule == "after-inverted-name":
        return previous_inverted
    return count > 2


# ---------------------------------------------------------------- helpers


def _disambiguates(ctx: Ctx) -> bool:
    """Whether this disambiguate="true" condition is among the item's first that hold."""
    if ctx.disambiguate_met < ctx.disambiguate:
        ctx.disambiguate_met += 1
        return True
    return False


def _not_disambiguated(ctx: Ctx) -> bool:
    return not ctx.disambiguate


def _type_is(wanted: str, ctx: Ctx) -> bool:
    return ctx.item.get("type") == wanted


def _variable_is_set(name: str, ctx: Ctx) -> bool:
    if name == "locator":
        return bool(ctx.locator)
    if name == "first-reference-note-number":
        return bool(ctx.first_note)
    value = ctx.item.get(name)
    return value is not None and value != "" and value != []


def _is_numeric_variable(name: str, ctx: Ctx) -> bool:
    value = ctx.locator if name == "locator" else ctx.item.get(name)
    return value is not None and is_numeric(value)


def _is_uncertain_date(name: str, ctx: Ctx) -> bool:
    value = ctx.item.get(name)
    return isinstance(value, dict) and bool(value.get("circa"))


def _locator_matches(wanted: str, ctx: Ctx) -> bool:
    return bool(ctx.locator) and _locator_is(ctx.label, wanted)


_POSITIONS: Final = {
    "first": frozenset({"first"}),
    "subsequent": frozenset({"subsequent", "ibid", "ibid-with-locator"}),
    "ibid": frozenset({"ibid", "ibid-with-locator"}),
    "ibid-with-locator": frozenset({"ibid-with-locator"}),
}


def _position_is(wanted: str, ctx: Ctx) -> bool:
    if ctx.mode != "cite":
        return False
    if wanted == "near-note":
        return ctx.near_note
    return ctx.position in _POSITIONS.get(wanted, ())


_CONDITIONS: Final[dict[str, Callable[[str, Ctx], bool]]] = {
    "type": _type_is,
    "variable": _variable_is_set,
    "is-numeric": _is_numeric_variable,
    "is-uncertain-date": _is_uncertain_date,
    "locator": _locator_matches,
    "position": _position_is,
}


_SPACED_PUNCTUATION: Final = re.compile(r" ([:;?!»])|(«) ")


def _narrow_spaces(text: str) -> str:
    """Spaces inside guillemets and before ":;?!" as narrow no-break spaces.

    French typography sets them so that a line never breaks there; citeproc-js writes
    them so in every variable's text.

    >>> _narrow_spaces("His « Anonymous » Life : a study")
    'His «\u202fAnonymous\u202f» Life\u202f: a study'
    """
    if " " not in text:
        return text
    return _SPACED_PUNCTUATION.sub(
        lambda m: f"\u202f{m.group(1)}" if m.group(1) else f"{m.group(2)}\u202f", text
    )


def _group_output(ctx: Ctx, calls: int, hits: int, out: list[Token]) -> list[Token]:
    """What a group (or macro) renders, given the variable counts before it ran.

    A group that called variables and found none is suppressed. One that prints
    without finding a variable (a term or a value only) counts as found in the group
    around it, as in citeproc-js: a macro printing "n.d." as text keeps its group.
    """
    if ctx.calls > calls and ctx.hits == hits:
        return []
    if out and ctx.hits == hits:
        ctx.hits += 1
    return out


#: The locator labels of CSL, as the locale's terms name them.
_LOCATOR_LABELS: Final = [
    "act",
    "appendix",
    "article-locator",
    "book",
    "canon",
    "chapter",
    "column",
    "elocation",
    "equation",
    "figure",
    "folio",
    "issue",
    "line",
    "note",
    "opus",
    "page",
    "paragraph",
    "part",
    "rule",
    "scene",
    "section",
    "sub-verbo",
    "supplement",
    "table",
    "timestamp",
    "title-locator",
    "verse",
    "version",
    "volume",
]


def _locator_labels(locale: Locale) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The locale's abbreviated locator labels written in text ("vol. 1, fol. 186").

    Returns a pattern that finds one (group 1) where a number follows it, and each
    label's text with the term it abbreviates. Only the abbreviated labels (those
    ending in a period) count: a word such as "part" may open a locator that needs
    its label.
    """
    terms = {
        text: label
        for label in _LOCATOR_LABELS
        for text in locale.terms.get((label, "short"), ())
        if text.endswith(".")
    }
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])({alternatives})\s*(?=\S)"), terms


_LOCATOR_ALIASES: Final = {"sub-verbo": "sub verbo"}
#: The term of a locator label that CSL-JSON spells differently ("sub verbo").
_LOCATOR_TERMS: Final = {label: term for term, label in _LOCATOR_ALIASES.items()}


def _locator_is(label: str, wanted: str) -> bool:
    return label == _LOCATOR_ALIASES.get(wanted, wanted)


def _roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    numerals = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = []
    for value, letters in numerals:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _sortable(parts: Sequence[int], shown: list[str]) -> str:
    year = parts[0] if parts else 0
    month = parts[1] if len(parts) > 1 and "month" in shown else 0
    day = parts[2] if len(parts) > 2 and "day" in shown else 0
    return f"{year + 10000:05d}{month:02d}{day:02d}"


_DATE_INDEX: Final = {"year": 0, "month": 1, "day": 2}
_RANGED: Final = {"year": ("year", "month", "day"), "month": ("month", "day"), "day": ("day",)}


def _date_value(values: Sequence[int], name: str) -> int | None:
    i = _DATE_INDEX.get(name, 0)
    return values[i] if i < len(values) and values[i] else None


def _render_date(
    starts: Sequence[int],
    ends: Sequence[int],
    part_renders: list[DateRender],
    delimiter: str,
    season: Any,
    ctx: Ctx,
) -> list[Token]:
    """A date or a date range: a range writes the parts both ends share once.

    The largest part that differs decides: "10–23 August 2003", "3 August–23 October
    2003", "1999–2001", joined by that part's ``range-delimiter``. Years of one era
    write it once, after the range: "334–333 BC" (as citeproc-js), "44 BC–14 AD".
    """

    def render(
        values: Sequence[int],
        chosen: list[DateRender],
        *,
        first_prefix: bool = True,
        last_suffix: bool = True,
        era: bool = True,
    ) -> list[Token]:
        shown: list[tuple[DateRender | None, int]] = []
        for part in chosen:
            value = _date_value(values, part.name)
            if value is None:
                if part.name == "month" and season and len(values) == 1:
                    shown.append((None, 0))  # a season CSL has no term for, as given
                continue
            if part.name == "day" and _date_value(values, "month") is None:
                continue
            shown.append((part, value))
        out: list[Token] = []
        for k, (shown_part, shown_value) in enumerate(shown):
            if shown_part is None:
                got: list[Token] = [str(season)]
            else:
                last = k == len(shown) - 1
                got = shown_part.run(
                    shown_value, ctx, k > 0 or first_prefix, not last or last_suffix, era
                )
            if got:
                if out and delimiter:
                    out.append(delimiter)
                out.extend(got)
        return out

    if not ends or list(ends) == list(starts):
        return render(starts, part_renders)
    names = [p.name for p in part_renders]
    differ = next(
        (
            n
            for n in ("year", "month", "day")
            if n in names and _date_value(starts, n) != _date_value(ends, n)
        ),
        None,
    )
    if differ is None:
        return render(starts, part_renders)
    dash = next(p.range_delimiter for p in part_renders if p.name == differ)
    ranged = [p for p in part_renders if p.name in _RANGED[differ]]

    start_year, end_year = starts[0], ends[0]
    one_era = (start_year < 0 and end_year < 0) or (0 < start_year < 1000 and 0 < end_year < 1000)

    def both(chosen: list[DateRender]) -> list[Token]:
        return [
            *render(starts, chosen, last_suffix=False, era=not one_era),
            dash,
            *render(ends, chosen, first_prefix=False),
        ]

    if differ == "year":
        return both(part_renders)
    out: list[Token] = []
    done = False
    for part in part_renders:
        if part.name in _RANGED[differ]:
            if done:
                continue
            done = True
            segment = both(ranged)
        else:
            segment = render(starts, [part])
        if segment:
            if out and delimiter:
                out.append(delimiter)
            out.extend(segment)
    return out


def trigraph(item: Mapping[str, Any]) -> str:
    """The default citation label: authors' initial letters and a two-digit year.

    One author gives four letters of the family name ("Asth00"), two give two each
    ("RoNo78"), three give two, one and one, more give one each of the first four.

    >>> trigraph({"author": [{"family": "Doe"}], "issued": {"parts": ((1965,), ())}})
    'Doe65'
    """
    people = item.get("author") or item.get("editor") or []
    families = [str(p.get("family") or p.get("literal") or "") for p in people][:4]
    widths = {1: [4], 2: [2, 2], 3: [2, 1, 1]}.get(len(families), [1, 1, 1, 1])
    letters = "".join(f[:w] for f, w in zip(families, widths, strict=False))
    issued = item.get("issued")
    starts = issued.get("parts", ((), ()))[0] if isinstance(issued, dict) else ()
    year = f"{starts[0] % 100:02d}" if starts else ""
    return letters + year


def _attach_suffix(tokens: list[Token], suffix: str) -> list[Token]:
    out = list(tokens)
    for i, tok in enumerate(out):
        if isinstance(tok, str):
            m = re.search(r"\d{3,4}", tok)
            if m:
                out[i] = tok[: m.end()] + suffix + tok[m.end() :]
                return out
    return [*out, suffix]


__all__ = [
    "Compiler",
    "Context",
    "Ctx",
    "NamesSpec",
    "SortKey",
    "format_range",
    "is_numeric",
    "trigraph",
]
