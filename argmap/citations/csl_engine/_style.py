"""A compiled CSL style and the processor that sorts, disambiguates and renders items."""

# Typographic dashes and quotes are what this module produces and matches.
# ruff: noqa: RUF001, RUF002

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from xml.etree import ElementTree as ET

from argmap.citations.csl_engine._compile import (
    DATE_VARIABLES,
    NAME_VARIABLES,
    Compiler,
    Context,
    Ctx,
    SortKey,
    is_numeric,
    trigraph,
)
from argmap.citations.csl_engine._locale import NS, Locale, load_locale
from argmap.citations.csl_engine._names import initials_of, name_key, sort_key
from argmap.citations.csl_engine._output import (
    LEFT_MARGIN,
    NAME_SEPARATOR,
    RIGHT_INLINE,
    SAME_AUTHOR,
    TERM,
    Token,
    finish,
    parse_markup,
    plain,
    resolve_quotes,
)

_INHERITED_NAME_ATTRS: Final = (
    "and",
    "delimiter-precedes-et-al",
    "delimiter-precedes-last",
    "et-al-min",
    "et-al-use-first",
    "et-al-use-last",
    "et-al-subsequent-min",
    "et-al-subsequent-use-first",
    "initialize",
    "initialize-with",
    "name-as-sort-order",
    "sort-separator",
    "name-form",
    "name-delimiter",
    "names-delimiter",
    "givenname-disambiguation-rule",
)
_SUFFIXES: Final = string.ascii_lowercase


#: How deeply a style's elements may nest, the macros they call counted in: rendering
#: recurses once a level. The deepest style of the CSL style collection nests 73 levels.
MAX_NESTING: Final = 100


def check_nesting(root: ET.Element) -> None:
    """Refuse a style whose macros call each other in a cycle or are missing, or whose
    elements nest more than :data:`MAX_NESTING` levels with its macros expanded.

    Raises:
        ValueError: what is wrong, naming the macros.
    """
    macros = {m.get("name", ""): m for m in root.iter(NS + "macro")}
    depths: dict[str, int] = {}

    def depth(element: ET.Element, calling: tuple[str, ...]) -> int:
        deepest = 0
        pending = [(element, 1)]
        while pending:
            node, level = pending.pop()
            name = node.get("macro")
            if name is not None:
                if name in calling:
                    cycle = " -> ".join([*calling[calling.index(name) :], name])
                    raise ValueError(f"the style's macros call each other in a cycle: {cycle}")
                if name not in macros:
                    raise ValueError(f"the style calls an undefined macro {name!r}")
                if name not in depths:
                    if len(calling) > MAX_NESTING:
                        depths[name] = MAX_NESTING + 1
                    else:
                        depths[name] = depth(macros[name], (*calling, name))
                level += depths[name]
            deepest = max(deepest, level)
            if deepest > MAX_NESTING:
                raise ValueError(
                    f"the style nests its elements more than {MAX_NESTING} levels deep "
                    "(its macros expanded)"
                )
            pending.extend((child, level + 1) for child in node)
        return deepest

    for part in (root.find(NS + "citation"), root.find(NS + "bibliography")):
        if part is not None:
            depth(part, ())


class Style:
    """A CSL style compiled for rendering: citation and bibliography layouts, sort keys.

    Args:
        source: the CSL XML text of an independent style.
        lang: the locale to render in; by default the style's ``default-locale``, else
            American English.
    """

    def __init__(self, source: str | bytes, *, lang: str | None = None) -> None:
        root = ET.fromstring(source)
        if root.tag != NS + "style":
            raise ValueError("not a CSL style: the root element is not <style>")
        check_nesting(root)
        self.root = root
        self.locale: Locale = load_locale(root, lang=lang or root.get("default-locale") or "en-US")
        self.title = root.findtext(f"{NS}info/{NS}title") or ""
        explicit = any(el.get("variable") == "year-suffix" for el in root.iter(NS + "text"))
        base = {k: v for k, v in root.attrib.items() if k in _INHERITED_NAME_ATTRS}
        citation_el = root.find(NS + "citation")
        if citation_el is None:
            parent = next(
                (
                    link.get("href", "")
                    for link in root.iter(NS + "link")
                    if link.get("rel") == "independent-parent"
                ),
                None,
            )
            if parent is not None:
                raise ValueError(
                    f"a dependent CSL style, which only names its parent {parent}; "
                    "give the parent (independent) style instead"
                )
            raise ValueError("the CSL style has no <citation> element")
        self.citation = self._context(citation_el, base, explicit)
        bibliography_el = root.find(NS + "bibliography")
        self.bibliography = (
            None if bibliography_el is None else self._context(bibliography_el, base, explicit)
        )
        # How many conditions test "disambiguate": each is one more step of it.
        self.disambiguate_conditions = sum(
            "disambiguate" in el.attrib
            for el in root.iter()
            if el.tag in (NS + "if", NS + "else-if")
        )
        self.demote = root.get("demote-non-dropping-particle", "display-and-sort")
        #: Whether the citations print the citation number (directly or in a macro).
        self.cites_by_number = _cites_by_number(root)

    @classmethod
    def from_path(cls, path: Path, *, lang: str | None = None) -> Style:
        """Read and compile a .csl file."""
        return cls(path.read_bytes(), lang=lang)

    def _context(self, element: ET.Element, base: dict[str, str], explicit: bool) -> Context:
        inherited = dict(base)
        inherited.update({k: v for k, v in element.attrib.items() if k in _INHERITED_NAME_ATTRS})
        compiler = Compiler(self.root, self.locale, inherited, explicit_year_suffix=explicit)
        layout_el = element.find(NS + "layout")
        if layout_el is None:
            raise ValueError(f"the CSL <{element.tag.removeprefix(NS)}> has no <layout>")
        parts = compiler.children(layout_el)
        if element.get("second-field-align") in ("flush", "margin") and len(parts) > 1:
            first, rest = parts[0], parts[1:]

            def layout(ctx: Ctx) -> list[Token]:
                head = first(ctx)
                tail: list[Token] = []
                for part in rest:
                    tail.extend(part(ctx))
                if not head:
                    return tail
                return [
                    ("+", LEFT_MARGIN),
                    *head,
                    ("-", LEFT_MARGIN),
                    ("+", RIGHT_INLINE),
                    *tail,
                    ("-", RIGHT_INLINE),
                ]
        else:

            def layout(ctx: Ctx) -> list[Token]:
                out: list[Token] = []
                for part in parts:
                    out.extend(part(ctx))
                return out

        marks = Compiler.marks(layout_el)

        def wrap(tokens: list[Token]) -> list[Token]:
            if not marks:
                return tokens
            return [*[("+", m) for m in marks], *tokens, *[("-", m) for m in reversed(marks)]]

        sort_el = element.find(NS + "sort")
        keys = [] if sort_el is None else [self._sort_key(compiler, k) for k in sort_el]
        return Context(
            layout=layout,
            delimiter=layout_el.get("delimiter", ""),
            prefix=layout_el.get("prefix", ""),
            suffix=layout_el.get("suffix", ""),
            wrap=wrap,
            sort=keys,
            options=dict(element.attrib),
        )

    def _sort_key(self, compiler: Compiler, key: ET.Element) -> SortKey:
        descending = key.get("sort") == "descending"
        names: tuple[int, int, bool] | None = None
        if "names-min" in key.attrib or "names-use-first" in key.attrib:
            names = (
                int(key.get("names-min", "0")),
                int(key.get("names-use-first", "0")),
                key.get("names-use-last") == "true",
            )
        if "macro" in key.attrib:
            macro = compiler.macro(key.get("macro", ""))
            render: Callable[[Ctx], str] = lambda ctx: plain(macro(ctx))  # noqa: E731
        else:
            render = _variable_sort_value(key.get("variable", ""), self)
        return SortKey(
            render=render, descending=descending, names=names, variable=key.get("variable", "")
        )


def _variable_sort_value(name: str, style: Style) -> Callable[[Ctx], str]:
    def run(ctx: Ctx) -> str:
        if name == "citation-number":
            return f"{ctx.number:08d}"
        if name == "citation-label":
            return str(ctx.item.get("citation-label") or trigraph(ctx.item))
        value = ctx.item.get(name)
        if value is None or value == "":
            return ""
        if name in NAME_VARIABLES:
            return NAME_SEPARATOR.join(sort_key(p, demote=style.demote) for p in value)
        if name in DATE_VARIABLES:
            starts, ends = value.get("parts", ((), ())) if isinstance(value, dict) else ((), ())
            if not starts:
                return ""
            # A range sorts by its start, then by its end.
            return "".join(
                f"{p[0] + 10000:05d}{p[1]:02d}{p[2]:02d}"
                for p in ([*d, 0, 0][:3] for d in (starts, ends) if d)
            )
        text = plain(parse_markup(str(value)))  # markup and quotation marks do not sort
        if is_numeric(text):
            m = re.match(r"\D*(\d+)", text)
            return f"{int(m.group(1)):010d}" if m else text
        return text

    return run


# ---------------------------------------------------------------- items


def prepare(item: Mapping[str, Any]) -> dict[str, Any]:
    """A CSL-JSON item normalised for rendering: dates parsed, numbers as text.

    Variables written into the note ("container-title-short: Nature") fill those the
    item lacks, and Zotero's ``journalAbbreviation`` and ``shortTitle`` are the short
    container title and short title, as citeproc-js reads them.
    """
    out: dict[str, Any] = {}
    for key, value in _with_note_fields(item).items():
        if key in ("url", "doi", "isbn", "issn", "pmid", "pmcid"):
            key = key.upper()
        if value is None or value == "" or value == []:
            continue
        if key in DATE_VARIABLES:
            out[key] = _parse_date(value)
        elif key in NAME_VARIABLES:
            out[key] = [
                _parse_name({k: _typographic(v) if isinstance(v, str) else v for k, v in p.items()})
                for p in value
                if isinstance(p, dict) and p
            ]
        elif isinstance(value, int | float) and not isinstance(value, bool):
            out[key] = str(int(value)) if float(value).is_integer() else str(value)
        else:
            out[key] = value
    page = out.get("page")
    if isinstance(page, str) and "page-first" not in out:
        m = re.match(r"\s*([^\s\-–—,]+)", page)
        if m:
            out["page-first"] = m.group(1)
    return out


#: Zotero's names of two CSL variables.
_ZOTERO_FIELDS: Final = {
    "journalAbbreviation": "container-title-short",
    "shortTitle": "title-short",
}
_NOTE_FIELD: Final = re.compile(r"^([-_a-z]+|[A-Z]+):\s*([^}]+?)\s*$")


def _with_note_fields(item: Mapping[str, Any]) -> Mapping[str, Any]:
    r"""The item with the variables its note's leading ``name: value`` lines give.

    A line names a variable it does not have (a date, a name as "Family || Given" or
    as written, or text); a ``type`` line replaces the type. The lines read end at the
    first other line after the first, and the note keeps the rest.

    >>> _with_note_fields({"type": "book", "note": "original-date: 1890\nissue: 4\nRead twice."})
    {'type': 'book', 'note': 'Read twice.', 'original-date': {'raw': '1890'}, 'issue': '4'}
    """
    fields = {_ZOTERO_FIELDS[k]: v for k, v in item.items() if k in _ZOTERO_FIELDS and v}
    note = item.get("note")
    if not fields and not (isinstance(note, str) and ":" in note):
        return item
    out = dict(item)
    for key, value in fields.items():
        out.setdefault(key, value)
    if not isinstance(note, str):
        return out
    lines = note.split("\n")
    names: dict[str, list[dict[str, str]]] = {}
    for n, line in enumerate(lines):
        m = _NOTE_FIELD.match(line)
        if not m:
            if not line.strip() or n == 0:
                continue
            break
        key, value = m.group(1), m.group(2)
        if key == "type":
            out["type"] = value
        elif out.get(key):
            continue  # the item's own value wins, and the line stays in the note
        elif key in DATE_VARIABLES:
            out[key] = {"raw": value}
        elif key in NAME_VARIABLES:
            family, _, given = (p.strip() for p in value.partition("||"))
            names.setdefault(key, []).append(
                {"family": family, "given": given} if given else {"literal": family}
            )
        else:
            out[key] = value
        lines[n] = ""
    out.update(names)
    out["note"] = "\n".join(lines).strip()
    return out


#: Particle words may be abbreviated ("v.d.") or elided ("in 't").
_PARTICLE: Final = re.compile(r"^((?:[’']?[\w.]+(?:\s+|[’'-]))+)(?=\S)")
_DROPPING: Final = re.compile(r"(?:\s+[\w’']+)+$")


_GIVEN_SUFFIX: Final = re.compile(r"^(.*?),(!?)\s+(\S.*)$")


def _lowercase_words(text: str) -> bool:
    return all(word[:1].islower() for word in re.split(r"[\s’'-]+", text) if word)


def _parse_name(name: dict[str, Any]) -> dict[str, Any]:
    """Particles and suffixes written into a name's family or given part, taken apart.

    A family name's lowercase lead ("van Gogh", "d’Aubignac") is its non-dropping
    particle, a given name's lowercase tail ("Alexander von") its dropping particle, and
    "John, III" a given name and suffix ("John,! Jr." keeps the comma). A family name
    in quotation marks is taken as written; so is a name with ``parse-names`` false.

    >>> _parse_name({"family": "van Gogh", "given": "Vincent"})
    {'family': 'Gogh', 'given': 'Vincent', 'non-dropping-particle': 'van'}
    >>> _parse_name({"family": "v.d. Berg", "given": "Jan"})["non-dropping-particle"]
    'v.d.'
    >>> _parse_name({"family": "Humboldt", "given": "Alexander von"})
    {'family': 'Humboldt', 'given': 'Alexander', 'dropping-particle': 'von'}
    """
    if name.get("literal") or name.get("parse-names") in (False, "false"):
        return {k: v for k, v in name.items() if k != "parse-names"}
    out = dict(name)
    family = out.get("family")
    if isinstance(family, str):
        if len(family) > 1 and family[0] == family[-1] == '"':
            out["family"] = family[1:-1]
        elif "non-dropping-particle" not in out:
            m = _PARTICLE.match(family)
            while m and not _lowercase_words(m.group(1)):
                m = _PARTICLE.match(family[: m.end(1) - 1]) if m.end(1) > 1 else None
            if m:
                out["non-dropping-particle"] = m.group(1).strip()
                out["family"] = family[m.end() :]
    given = out.get("given")
    if isinstance(given, str):
        m = _GIVEN_SUFFIX.match(given) if "suffix" not in out else None
        if m:
            given, out["suffix"] = m.group(1), m.group(3)
            if m.group(2):
                out["comma-suffix"] = True
        if "dropping-particle" not in out:
            m = _DROPPING.search(given)
            while m and not _lowercase_words(m.group(0)):
                m = _DROPPING.search(given, m.start() + 1)
            if m and m.start() > 0:
                out["dropping-particle"] = m.group(0).strip()
                given = given[: m.start()]
        out["given"] = given
    return out


_VERBATIM: Final = frozenset({"id", "type", "URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID"})


def _typographic(text: str) -> str:
    """Straight apostrophes as typographic ones, as CSL processors print them."""
    return text.replace("'", "’") if "'" in text else text


_SEASONS: Final = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}


def _parse_date(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        value = {"raw": value}
    if not isinstance(value, dict):
        return {}
    parts = value.get("date-parts")
    if not parts and value.get("raw"):
        parts = [
            [int(x) for x in piece.split("-") if x.lstrip("-").isdigit()]
            for piece in re.split(r"/", str(value["raw"]))
            if re.fullmatch(r"-?\d{1,4}(?:-\d{1,2}){0,2}", piece.strip())
        ]
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    if parts:
        try:
            starts = tuple(int(x) for x in parts[0] if str(x).strip() != "")
            if len(parts) > 1:
                ends = tuple(int(x) for x in parts[1] if str(x).strip() != "")
        except (TypeError, ValueError):
            starts = ends = ()
    # Months 13-24 are seasons in CSL-JSON (21-24 in EDTF, 13-16 and on in older data),
    # spring to winter in turn as citeproc-js reads them; here they are 13-16.
    starts = tuple(
        13 + (m - 13) % 4 if n == 1 and 13 <= m <= 24 else m for n, m in enumerate(starts)
    )
    ends = tuple(13 + (m - 13) % 4 if n == 1 and 13 <= m <= 24 else m for n, m in enumerate(ends))
    season = value.get("season")
    if len(starts) == 1 and season:
        # A season stands where the month would: months 13-16 are the season terms.
        number = _SEASONS.get(str(season).strip().casefold())
        if number is None and str(season).strip().isdigit():
            number = int(str(season).strip())
        if number in (1, 2, 3, 4):
            starts = (starts[0], 12 + number)
            season = None
    literal = value.get("literal") or (None if starts else value.get("raw"))
    return {
        "parts": (starts, ends),
        "literal": literal,
        "season": season,
        "circa": value.get("circa"),
    }


# Letters that sort with a base letter but do not decompose into it.
_BASE_LETTERS: Final = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH"}
)  # fmt: skip


def collation_key(text: str) -> str:
    """Text folded the way the Unicode collation algorithm orders it at the first level.

    Accents and case are ignored; spaces sort before digits and letters, so "Brown, C."
    comes before "Brown, C. L." and both before "Brown, Chaïm". Punctuation and quotation
    marks only break ties ("’t Hooft" sorts under T, "[F]linders" under F).

    >>> sorted(["Brown, Chaïm", "Brown, C. L.", "Brown, C."], key=collation_key)
    ['Brown, C.', 'Brown, C. L.', 'Brown, Chaïm']
    >>> collation_key("Chesñevar") < collation_key("Connolly")
    True
    >>> collation_key("’t Hooft") > collation_key("Schmidt")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_BASE_LETTERS))
    primary = []
    out = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        if char.isspace() and char != NAME_SEPARATOR:
            primary.append("\x01")
            out.append("\x01")
        elif char == NAME_SEPARATOR:
            primary.append("\x02")
            out.append("\x02")
        elif char.isalnum():
            primary.append(char.casefold())
            out.append(char.casefold())
        else:
            rank = _PUNCTUATION_ORDER.find(char)
            out.append(chr(3 + (rank if rank >= 0 else len(_PUNCTUATION_ORDER))))
    return "".join(primary) + "\x00" + "".join(out)


# Punctuation in the order of the Unicode collation element table.
_PUNCTUATION_ORDER: Final = "_-–—,;:!?.’'\"“”«»()[]{}@*/\\&#%`^+<=>|~$"


# ---------------------------------------------------------------- processing


@dataclass(frozen=True)
class Cite:
    """One cite of a cluster: the item (by position), where in it, affixes and position."""

    index: int
    locator: str | None = None
    label: str = "page"
    prefix: str = ""
    suffix: str = ""
    suppress_author: bool = False
    author_only: bool = False
    position: str = "first"
    near_note: bool = False
    first_note: int = 0


@dataclass
class Entry:
    """One rendered bibliography entry."""

    id: str
    tokens: list[Token]


class Processor:
    """Items under one style: sorted, numbered, disambiguated, ready to render.

    Args:
        style: the compiled style.
        items: CSL-JSON items; their order is the citation order (for numeric styles).
    """

    def __init__(self, style: Style, items: Sequence[Mapping[str, Any]]) -> None:
        self.style = style
        self.items = [prepare(i) for i in items]
        # From the items as given: preparing drops empty values, and "" is an id like
        # any other (citeproc-js formats and cites it).
        self.ids = [str(index if i.get("id") is None else i["id"]) for index, i in enumerate(items)]
        self.numbers = list(range(1, len(self.items) + 1))
        self.suffix = [""] * len(self.items)
        # How many of the style's disambiguate="true" conditions hold for each item.
        self.disambiguate = [0] * len(self.items)
        self.names_shown = [0] * len(self.items)
        self.hints: list[Mapping[tuple[str, ...], str]] = [{}] * len(self.items)
        self.order = self._sorted_order()
        term = style.locale.term
        self.quotes = (
            term("open-quote") or "“",
            term("close-quote") or "”",
            term("open-inner-quote") or "‘",
            term("close-inner-quote") or "’",
        )
        bibliography = self.style.bibliography
        if (
            bibliography is not None
            and bibliography.sort
            and not any(k.variable == "citation-number" for k in bibliography.sort)
        ):
            for rank, index in enumerate(self.order, start=1):
                self.numbers[index] = rank
        self._disambiguate()

    def _sorted_order(self) -> list[int]:
        order = list(range(len(self.items)))
        context = self.style.bibliography
        if context is None or not context.sort:
            return order
        for key in reversed(context.sort):
            values = []
            for index in order:
                ctx = Ctx(self.items[index], "sort")
                ctx.number = self.numbers[index]
                ctx.sort_names = key.names
                values.append(key.render(ctx))
            folded = {i: (collation_key(v), v) for i, v in zip(order, values, strict=True)}
            empty = {i for i, v in zip(order, values, strict=True) if not v.strip()}
            if key.descending:
                order.sort(key=lambda i: (i not in empty, folded[i]), reverse=True)
            else:
                order.sort(key=lambda i: (i in empty, folded[i]))
        return order

    def _cite_info(self, index: int) -> tuple[str, list[Sequence[dict[str, Any]]]]:
        """A citation as disambiguation compares it, in plain text, and its name lists."""
        ctx = Ctx(self.items[index], "cite")
        # A cite is ambiguous when its later, shortest form is (as in citeproc-js).
        ctx.position, ctx.near_note = "subsequent", True
        ctx.number = self.numbers[index]
        ctx.disambiguate = self.disambiguate[index]
        ctx.names_shown = self.names_shown[index]
        ctx.hints = self.hints[index]
        # The date of access says nothing of the work (citeproc-js leaves it out too).
        ctx.suppressed.add("accessed")
        return plain(self.style.citation.layout(ctx)), ctx.people

    def _disambiguate(self) -> None:
        """Tell apart citations that would print alike, in CSL's order of methods.

        As pandoc's citeproc does: given names by a global rule first (unless the rule
        is "by-cite"), then, for citations still alike, more names, given names per
        citation, and year suffixes (or the style's ``disambiguate`` condition).
        """
        options = self.style.citation.options
        count = len(self.items)
        add_given = options.get("disambiguate-add-givenname") == "true"
        rule = options.get("givenname-disambiguation-rule", "by-cite") if add_given else ""
        infos = [self._cite_info(i) for i in range(count)]
        if rule and rule != "by-cite":
            hints = _global_name_hints([groups for _, groups in infos], rule)
            if hints:
                self.hints = [hints] * count
                infos = [self._cite_info(i) for i in range(count)]
        alike: dict[str, list[int]] = {}
        for index, (text, _) in enumerate(infos):
            if text:
                alike.setdefault(text, []).append(index)
        groups = [g for g in alike.values() if len(g) > 1]
        if not groups:
            return
        people = [[p for group in groups_ for p in group] for _, groups_ in infos]
        remaining: list[list[int]] = []
        for group in groups:
            if options.get("disambiguate-add-names") == "true":
                self._add_names(group, people, rule)
                if rule == "by-cite":
                    # Adding names assumes by-cite given names for the whole group.
                    self._add_given_names(group, people)
            # Only what still prints alike stays ambiguous: names that differ only in
            # parts the citation does not show are not enough (pandoc 2.17 agrees).
            still = self._still_alike(group)
            if rule == "by-cite":
                for alike_group in still:
                    self._add_given_names(alike_group, people)
                still = [g for alike_group in still for g in self._still_alike(alike_group)]
            remaining.extend(still)
        groups = remaining
        if options.get("disambiguate-add-year-suffix") == "true":
            rank = {index: r for r, index in enumerate(self.order)}
            for group in groups:
                for n, index in enumerate(sorted(group, key=rank.__getitem__)):
                    self.suffix[index] = _suffix(n)
        else:
            # One condition more at a time, for the cites still alike (as citeproc-js).
            for _ in range(self.style.disambiguate_conditions):
                for index in {i for group in groups for i in group}:
                    self.disambiguate[index] += 1
                groups = [g for group in groups for g in self._still_alike(group)]

    def _still_alike(self, group: list[int]) -> list[list[int]]:
        alike: dict[str, list[int]] = {}
        for index in group:
            alike.setdefault(self._cite_info(index)[0], []).append(index)
        return [g for g in alike.values() if len(g) > 1]

    def _add_names(self, group: list[int], people: list[list[dict[str, Any]]], rule: str) -> None:
        """Show each citation the fewest names that tell it apart from its group."""
        most = max(len(people[i]) for i in group)
        if not most:
            return
        # Names cut short end in "et al.": the same first names are not the same text
        # as a list of only those names.
        keys = {
            shown: {
                i: (*_name_parts(people[i][:shown], rule), (str(len(people[i]) > shown),))
                for i in group
            }
            for shown in range(1, most + 1)
        }
        for index in group:
            # Only the citations that more names can tell apart at all count: names are
            # added until this one differs from each of them.
            others = [j for j in group if j != index and keys[most][j] != keys[most][index]]
            if not others:
                continue
            for shown in range(1, most + 1):
                mine = keys[shown][index]
                if all(keys[shown][j] != mine for j in others):
                    self.names_shown[index] = shown
                    break

    def _add_given_names(self, group: list[int], people: list[list[dict[str, Any]]]) -> None:
        """Add initials or given names where names at one position share a family name."""
        longest = max((len(people[i]) for i in group), default=0)
        unhinted = set(group)
        for position in range(longest):
            if not unhinted:
                break  # later names only matter while some citation has no hint yet
            column = [people[i][position] for i in group if len(people[i]) > position]
            # Pairs the column with the group's first items, as pandoc's citeproc does.
            for index, name in zip(group, column, strict=False):
                same_family = [
                    n
                    for n in column
                    if name_key(n) != name_key(name) and _surname(n) == _surname(name)
                ]
                if not same_family:
                    continue
                hint = "given" if any(_initials_match(name, n) for n in same_family) else "initials"
                self.hints[index] = {**self.hints[index], name_key(name): hint}
                unhinted.discard(index)

    # ------------------------------------------------------------ rendering

    def entries(self) -> list[Entry]:
        """The bibliography entries in the style's order."""
        context = self.style.bibliography
        if context is None:
            raise ValueError(f"the style {self.style.title!r} has no bibliography")
        quote = self.style.locale.punctuation_in_quote
        out: list[Entry] = []
        for index in self.order:
            ctx = Ctx(self.items[index], "bib")
            ctx.number = self.numbers[index]
            ctx.year_suffix = self.suffix[index]
            ctx.disambiguate = self.disambiguate[index]
            # Names added to tell citations apart show in the entry too, as in pandoc.
            ctx.names_shown = self.names_shown[index]
            ctx.hints = self.hints[index]
            body = context.layout(ctx)
            if body:
                if body[-1] == ("-", RIGHT_INLINE):
                    # The layout's affixes belong inside an aligned entry's second field.
                    tokens = context.wrap([context.prefix, *body[:-1], context.suffix, body[-1]])
                else:
                    tokens = context.wrap([context.prefix, *body, context.suffix])
                out.append(Entry(self.ids[index], tokens))
            elif self.style.cites_by_number:
                # A numbered list must not skip a number without saying why.
                out.append(Entry(self.ids[index], [f"{len(out) + 1}. {_NO_PRINTED_FORM}"]))
        substitute = context.options.get("subsequent-author-substitute")
        if substitute is not None:
            _substitute_authors(out, substitute)
        for entry in out:
            entry.tokens = _trim_second_field(
                finish(entry.tokens, punctuation_in_quote=quote, quotes=self.quotes)
            )
        return out

    def citation(
        self,
        indices: Sequence[int],
        *,
        locator: str | None = None,
        label: str = "page",
        locators: Mapping[int, tuple[str | None, str]] | None = None,
    ) -> list[Token]:
        """One citation of the items at these positions, each cited for the first time.

        ``locator`` and ``label`` apply to every item; ``locators`` gives an item (by
        position) its own locator and label instead.
        """
        cites = []
        for index in indices:
            loc, lab = (locators or {}).get(index, (locator, label))
            cites.append(Cite(index, locator=loc, label=lab))
        return self.cluster(cites)

    def cluster(self, cites: Sequence[Cite]) -> list[Token]:
        """One citation cluster: its cites sorted as the style says, rendered, delimited.

        With ``collapse``, citation numbers in a run of three or more become a range
        ("[1]–[4]"), and cites of one author are written once ("Smith 2000a, 2001"),
        their year suffixes alone when the years match ("2000a, b" or "2000a–c").
        With ``cite-group-delimiter`` alone, cites of one author are moved together and
        joined by it.
        """
        context = self.style.citation
        options = context.options
        chosen = list(cites)
        if context.sort:
            rank = self._cluster_rank([c.index for c in chosen])
            chosen.sort(key=lambda c: rank[c.index])
        collapse = options.get("collapse", "")
        rendered = [
            r
            for r in (self._render_cite(c, collapse, n == 0) for n, c in enumerate(chosen))
            if r.tokens
        ]
        if not rendered:
            return []
        delimiter = context.delimiter
        if collapse == "citation-number":
            parts = _collapse_numbers(rendered, delimiter)
        elif collapse.startswith("year"):
            parts = _collapse_years(
                rendered,
                options,
                delimiter,
                collapse,
                regroup=bool(context.sort),
                in_text=self.style.root.get("class") == "in-text",
            )
        else:
            group_delimiter = options.get("cite-group-delimiter")
            if group_delimiter is not None:
                rendered = _grouped(rendered)
            parts = []
            for n, r in enumerate(rendered):
                if parts and delimiter:
                    grouped = bool(r.author) and r.author == rendered[n - 1].author
                    joint = group_delimiter if grouped and group_delimiter else delimiter
                    parts.append(_joint(joint, rendered[n - 1], r))
                parts.extend(r.tokens)
        tokens = context.wrap([context.prefix, *parts, context.suffix])
        return finish(
            tokens,
            punctuation_in_quote=self.style.locale.punctuation_in_quote,
            quotes=self.quotes,
        )

    def _render_cite(self, cite: Cite, collapse: str, first: bool) -> _Rendered:
        index = cite.index
        context = self.style.citation

        def run(year_suffix: str) -> list[Token]:
            ctx = Ctx(self.items[index], "cite")
            ctx.number = self.numbers[index]
            ctx.year_suffix = year_suffix
            ctx.disambiguate = self.disambiguate[index]
            ctx.names_shown = self.names_shown[index]
            ctx.hints = self.hints[index]
            ctx.locator, ctx.label = cite.locator, cite.label
            ctx.position, ctx.near_note = cite.position, cite.near_note
            ctx.first_note = cite.first_note
            return context.layout(ctx)

        got = run(self.suffix[index])
        if cite.author_only:
            got = _author_tokens(got) or []
        elif cite.suppress_author:
            got = _split_author(got)[1]
        elif not got and first:
            # A citation must not vanish: it says the style printed nothing for it.
            got = [_NO_PRINTED_FORM]
        author, rest = _split_author(got)
        bare = ""
        if collapse.startswith("year-suffix") and self.suffix[index] and not cite.locator:
            bare = plain(_split_author(run(""))[1])
            if cite.suppress_author:
                rest = got
        affixed = bool(cite.prefix or cite.suffix)
        # In a footnote a cite opens a sentence; in the text it does not.
        in_note = self.style.root.get("class") == "note"
        if in_note and ((first and not cite.prefix) or _starts_sentence(cite.prefix)):
            got = _capitalise_term(got)
        if affixed:
            got = [*self._affix(cite.prefix), *got, *self._affix(cite.suffix)]
        return _Rendered(
            tokens=got,
            # Cites whose authors are all suppressed collapse with one another.
            author=None if affixed else ("" if cite.suppress_author else (author or "")),
            rest=rest,
            number=self.numbers[index] if not (affixed or cite.locator) else None,
            year_suffix=self.suffix[index],
            bare=bare,
            locator=cite.locator,
            punctuated=cite.prefix.startswith(tuple(_CLUSTER_PUNCTUATION)),
            closed=cite.suffix.rstrip().endswith(tuple(_CLUSTER_PUNCTUATION)),
        )

    def _affix(self, text: str) -> list[Token]:
        """A cite's prefix or suffix: its markup, and its punctuation as the writer put it.

        Quotation marks are resolved here, so that a period typed after a closing
        quotation mark stays after it whatever the locale's punctuation-in-quote.
        """
        out: list[Token] = []
        for tok in resolve_quotes(parse_markup(text), self.quotes):
            if isinstance(tok, str) and out and isinstance(out[-1], str):
                out[-1] += tok
            else:
                out.append(tok)
        return out

    def _cluster_rank(self, indices: list[int]) -> dict[int, tuple[Any, ...]]:
        keys: dict[int, list[tuple[Any, ...]]] = {i: [] for i in indices}
        for key in self.style.citation.sort:
            for index in indices:
                ctx = Ctx(self.items[index], "sort")
                ctx.number = self.numbers[index]
                ctx.sort_names = key.names
                value = key.render(ctx)
                folded = collation_key(value)
                keys[index].append((not value, _Desc(folded) if key.descending else folded))
        return {i: tuple(k) for i, k in keys.items()}


@dataclass
class _Rendered:
    """A rendered cite and what collapsing needs to know of it."""

    tokens: list[Token]
    author: str | None  # the author text, when the cite can share it
    rest: list[Token]  # the cite without its author
    number: int | None  # the citation number, when the cite can be part of a range
    year_suffix: str
    bare: str  # the cite without author and year suffix, to compare years
    locator: str | None
    punctuated: bool = False  # the prefix opens with punctuation: no delimiter before
    closed: bool = False  # the suffix ends with punctuation: none from the delimiter after


#: The punctuation a cite's affix may bring that replaces the cluster delimiter's.
_CLUSTER_PUNCTUATION: Final = ",.;:"


def _joint(delimiter: str, before: _Rendered, after: _Rendered) -> str:
    """The delimiter between two cites, giving way to their affixes' punctuation.

    A prefix opening with punctuation (", and ") replaces the delimiter; after a suffix
    closing with punctuation ("is one source,") only the delimiter's space is left.
    """
    if after.punctuated:
        return ""
    if before.closed:
        return delimiter.lstrip(_CLUSTER_PUNCTUATION)
    return delimiter


#: What a citation or numbered entry the style prints nothing for shows, as in citeproc-js.
_NO_PRINTED_FORM: Final = "[CSL STYLE ERROR: reference with no printed form.]"


def _cites_by_number(root: ET.Element) -> bool:
    """Whether a style's citations print the citation number (directly or in a macro)."""
    macros = {m.get("name", ""): m for m in root.iter(NS + "macro")}
    todo = list(root.iter(NS + "citation"))
    seen: set[str] = set()
    while todo:
        element = todo.pop()
        for text in element.iter(NS + "text"):
            if text.get("variable") == "citation-number":
                return True
            name = text.get("macro")
            if name in macros and name not in seen:
                seen.add(name)
                todo.append(macros[name])
    return False


def _trim_second_field(tokens: list[Token]) -> list[Token]:
    """An aligned entry's second field, the space its last suffix leaves moved after it.

    A suffix's space separates what follows; at the end of an entry's own block
    nothing does, and citeproc-js prints it after the block.

    >>> _trim_second_field([("+", RIGHT_INLINE), "Main title. ", ("-", RIGHT_INLINE)])
    [('+', 'ri'), 'Main title.', ('-', 'ri'), ' ']
    """
    if not tokens or tokens[-1] != ("-", RIGHT_INLINE):
        return tokens
    out = list(tokens)
    trailing = ""
    for n in range(len(out) - 2, -1, -1):
        tok = out[n]
        if isinstance(tok, str):
            out[n] = tok.rstrip()
            trailing = tok[len(out[n]) :] + trailing
            if out[n]:
                break
        elif tok == ("+", RIGHT_INLINE):
            break
    return [t for t in out if t != ""] + ([trailing] if trailing else [])


def _starts_sentence(prefix: str) -> bool:
    """Whether a cite's prefix ends a sentence of more than one word ("As said. ")."""
    text = prefix.rstrip().rstrip("”’\"'")
    return text.endswith((".", "!", "?")) and len(text.split()) > 1


def _capitalise_term(tokens: list[Token]) -> list[Token]:
    """A cite that opens with a term ("ibid.") opens a sentence: "Ibid."."""
    in_term = False
    for i, tok in enumerate(tokens):
        if not isinstance(tok, str):
            if tok[1] == TERM:
                in_term = tok[0] == "+"
            continue
        m = re.search(r"\w", tok)
        if m is None:
            continue
        if not in_term or not tok[m.start()].islower():
            return tokens
        out = list(tokens)
        out[i] = tok[: m.start()] + tok[m.start()].upper() + tok[m.start() + 1 :]
        return out
    return tokens


def _collapse_numbers(rendered: list[_Rendered], delimiter: str) -> list[Token]:
    """Runs of three or more consecutive citation numbers as ranges."""
    parts: list[Token] = []
    i = 0
    while i < len(rendered):
        j = i
        while (
            j + 1 < len(rendered)
            and rendered[j].number is not None
            and rendered[j + 1].number == rendered[j].number + 1  # type: ignore[operator]
        ):
            j += 1
        if parts and delimiter:
            parts.append(delimiter)
        if j - i >= 2:
            parts.extend([*rendered[i].tokens, "–", *rendered[j].tokens])
        else:
            j = i
            parts.extend(rendered[i].tokens)
        i = j + 1
    return parts


def _collapse_years(
    rendered: list[_Rendered],
    options: Mapping[str, str],
    delimiter: str,
    collapse: str,
    *,
    regroup: bool,
    in_text: bool,
) -> list[Token]:
    """Cites of one author written once, and their years or year suffixes after it.

    In a sorted citation an author's cites join the first one; otherwise only
    neighbouring cites of one author collapse. Without ``cite-group-delimiter`` an
    in-text style joins an author's cites with ", ", a note style with the layout's
    delimiter (as citeproc-js does); with ``after-collapse-delimiter`` only the layout's
    delimiter joins them, and the after-collapse one follows every group, except a
    single cite's under ``collapse="year-suffix"``.
    """
    after_given = options.get("after-collapse-delimiter")
    if after_given is None:
        group_delimiter = options.get("cite-group-delimiter", ", " if in_text else delimiter)
        after_collapse = delimiter
    else:
        group_delimiter, after_collapse = delimiter, after_given
    suffix_delimiter = options.get(
        "year-suffix-delimiter", options.get("cite-group-delimiter", delimiter)
    )
    groups: dict[str, list[_Rendered]] = {}
    order: list[list[_Rendered]] = []
    for r in rendered:
        if r.author is None:
            order.append([r])
            continue
        group = groups.get(r.author)
        if group is not None and not regroup and group is not order[-1]:
            group = None
        if group is None:
            group = groups[r.author] = []
            order.append(group)
        group.append(r)
    parts: list[Token] = []
    previous_collapsed = False
    previous = rendered[0]  # the cite written last
    for group in order:
        if parts:
            closes = previous_collapsed or (after_given is not None and collapse != "year-suffix")
            joint = after_collapse if closes else delimiter
            parts.append(_joint(joint, previous, group[0]))
        parts.extend(group[0].tokens)
        previous = group[-1]
        previous_collapsed = len(group) > 1
        k = 1
        while k < len(group):
            r, last = group[k], group[k - 1]
            if r.bare and r.bare == last.bare and not last.locator:
                # The same year again: only the suffixes, ranged when asked to.
                run_end = k
                while (
                    run_end + 1 < len(group)
                    and group[run_end + 1].bare == r.bare
                    and _next_suffix(group[run_end].year_suffix) == group[run_end + 1].year_suffix
                    and not group[run_end].locator
                ):
                    run_end += 1
                starts_range = _next_suffix(last.year_suffix) == r.year_suffix
                if collapse == "year-suffix-ranged" and starts_range and run_end - k >= 1:
                    parts.extend(["–", group[run_end].year_suffix])
                    k = run_end + 1
                    continue
                parts.extend([suffix_delimiter, r.year_suffix])
            elif not plain(r.rest).strip():
                pass  # nothing but the author, already written: nothing to add
            else:
                # After a locator or a run of bare year suffixes, the groups' delimiter.
                suffixes_before = k > 1 and last.bare and last.bare == group[k - 2].bare
                after = last.locator or (suffixes_before and collapse.startswith("year-suffix"))
                parts.append(after_collapse if after else group_delimiter)
                parts.extend(r.rest)
            k += 1
    return parts


def _grouped(rendered: list[_Rendered]) -> list[_Rendered]:
    """Cites of one author moved next to the first one (CSL's cite grouping)."""
    groups: dict[str, list[_Rendered]] = {}
    order: list[list[_Rendered]] = []
    for r in rendered:
        if not r.author:
            order.append([r])
        elif r.author in groups:
            groups[r.author].append(r)
        else:
            order.append(groups.setdefault(r.author, [r]))
    return [r for group in order for r in group]


def _next_suffix(suffix: str) -> str:
    if not suffix:
        return ""
    n = 0
    for char in suffix:
        n = n * len(_SUFFIXES) + _SUFFIXES.index(char) + 1
    return _suffix(n)


class _Desc:
    """Reverses the order of a string inside a sort key."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def __lt__(self, other: _Desc) -> bool:
        return self.value > other.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


def _suffix(n: int) -> str:
    """The year suffix of the n-th work (from 0): a ... z, aa, ab, ..."""
    if n < len(_SUFFIXES):
        return _SUFFIXES[n]
    return _suffix(n // len(_SUFFIXES) - 1) + _SUFFIXES[n % len(_SUFFIXES)]


def _surname(name: Mapping[str, Any]) -> str:
    """The family name as a short form shows it: with its non-dropping particle."""
    return f"{name.get('non-dropping-particle') or ''} {name.get('family') or ''}".strip()


def _initials_match(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    given_a, given_b = str(a.get("given") or ""), str(b.get("given") or "")
    return bool(given_a and given_b) and initials_of(given_a) == initials_of(given_b)


def _name_parts(names: Sequence[dict[str, Any]], rule: str) -> tuple[tuple[str, ...], ...]:
    """Names as the given-name rule lets them differ: full, initials, or family only."""
    out = []
    for position, name in enumerate(names):
        key = list(name_key(name))
        given = str(name.get("given") or "")
        primary = position == 0
        full = rule in ("by-cite", "all-names") or (rule == "primary-name" and primary)
        if not full:
            with_initials = rule == "all-names-with-initials" or (
                rule == "primary-name-with-initials" and primary
            )
            key[1] = initials_of(given) if with_initials else ""
        out.append(tuple(key))
    return tuple(out)


def _global_name_hints(
    groups_per_cite: Sequence[Sequence[Sequence[dict[str, Any]]]], rule: str
) -> dict[tuple[str, ...], str]:
    """Initials or given names for every name that shares its family name with another.

    Under the "primary-name" rules only first names count; where initials cannot tell two
    names apart, the "-with-initials" rules add nothing and the others add given names.
    """
    primary_only = rule.startswith("primary-name")
    relevant: dict[tuple[str, ...], dict[str, Any]] = {}
    for groups in groups_per_cite:
        for names in groups:
            for name in names[:1] if primary_only else names:
                relevant.setdefault(name_key(name), name)
    families: dict[str, list[dict[str, Any]]] = {}
    for name in relevant.values():
        if name.get("family"):
            families.setdefault(_surname(name), []).append(name)
    suffix = "-primary" if primary_only else ""
    hints: dict[tuple[str, ...], str] = {}
    for names in families.values():
        if len(names) < 2:
            continue
        for name in names:
            others = [n for n in names if n is not name]
            if any(_initials_match(name, other) for other in others):
                if not rule.endswith("with-initials"):
                    hints[name_key(name)] = "given" + suffix
            else:
                hints[name_key(name)] = "initials" + suffix
    return hints


def _author_tokens(tokens: list[Token]) -> list[Token] | None:
    """The author part of a rendered citation, with its markup; None without one."""
    try:
        start = tokens.index(("+", SAME_AUTHOR))
        end = tokens.index(("-", SAME_AUTHOR), start)
    except ValueError:
        return None
    return tokens[start : end + 1]


def _split_author(tokens: list[Token]) -> tuple[str | None, list[Token]]:
    """The author text of a rendered citation, and the citation without it.

    What follows the author up to the next text (the delimiter before the year) goes too.
    """
    try:
        start = tokens.index(("+", SAME_AUTHOR))
        end = tokens.index(("-", SAME_AUTHOR), start)
    except ValueError:
        return None, tokens
    rest = tokens[end + 1 :]
    head = list(tokens[:start])
    unclosed: list[int] = []  # where the markup still open at the author opened
    for i, tok in enumerate(head):
        if not isinstance(tok, str):
            if tok[0] == "+":
                unclosed.append(i)
            elif unclosed:
                unclosed.pop()
    dropped: set[int] = set()
    while rest and (
        (isinstance(rest[0], str) and not any(c.isalnum() for c in rest[0]))
        or (not isinstance(rest[0], str) and rest[0][0] == "-")
    ):
        if not isinstance(rest[0], str) and unclosed:
            # Markup closed here was opened around the author: it goes with the author.
            dropped.add(unclosed.pop())
        rest = rest[1:]
    head = [t for i, t in enumerate(head) if i not in dropped]
    return plain(tokens[start + 1 : end]), [*head, *rest]


def _substitute_authors(entries: list[Entry], substitute: str) -> None:
    previous: str | None = None
    for entry in entries:
        tokens = entry.tokens
        try:
            start = tokens.index(("+", SAME_AUTHOR))
            end = tokens.index(("-", SAME_AUTHOR), start)
        except ValueError:
            previous = None
            continue
        names = plain(tokens[start + 1 : end])
        if previous is not None and names == previous:
            entry.tokens = [*tokens[:start], substitute, *tokens[end + 1 :]]
        previous = names
