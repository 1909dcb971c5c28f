"""CSL locales: terms, localized date formats and options, with a style's overrides."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final
from xml.etree import ElementTree as ET

NS: Final = "{http://purl.org/net/xbiblio/csl}"
_XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"

# A form falls back to the next one when the locale lacks it (CSL 1.0.1, "Terms").
_FALLBACK: Final = {
    "verb-short": ("verb-short", "verb", "long"),
    "symbol": ("symbol", "short", "long"),
    "short": ("short", "long"),
    "verb": ("verb", "long"),
    "long": ("long",),
}


@dataclass
class DatePart:
    """One part of a date format: its name and attributes as written in CSL."""

    name: str
    attrs: dict[str, str]


@dataclass
class Locale:
    """The terms and date formats a style renders with."""

    terms: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    ordinal_match: dict[str, str] = field(default_factory=dict)
    dates: dict[str, list[DatePart]] = field(default_factory=dict)
    date_delimiters: dict[str, str] = field(default_factory=dict)
    punctuation_in_quote: bool = False
    limit_day_ordinals: bool = False

    def term(self, name: str, *, form: str = "long", plural: bool = False) -> str:
        """The text of a term in a form, falling back to longer forms; "" when absent."""
        for candidate in _FALLBACK.get(form, (form, "long")):
            found = self.terms.get((name, candidate))
            if found is not None:
                return found[1] if plural else found[0]
        return ""

    def ordinal(self, number: int, *, long: bool = False) -> str:
        """A number as an ordinal: "3rd", or "third" in the long form up to ten."""
        if long and 1 <= number <= 10:
            word = self.term(f"long-ordinal-{number:02d}")
            if word:
                return word
        two = number % 100
        name = f"ordinal-{two:02d}"
        if (name, "long") in self.terms and self.ordinal_match.get(name) != "last-digit":
            match = self.ordinal_match.get(name, "last-two-digits")
            if match != "whole-number" or number == two:
                return f"{number}{self.terms[(name, 'long')][0]}"
        one = number % 10
        name = f"ordinal-{one:02d}"
        if (name, "long") in self.terms:
            match = self.ordinal_match.get(name, "last-digit")
            if match == "last-digit" or (match == "whole-number" and number == one):
                return f"{number}{self.terms[(name, 'long')][0]}"
        return f"{number}{self.term('ordinal')}"

    def merge(self, element: ET.Element) -> None:
        """Add the terms, dates and options of a <locale> element, replacing earlier ones."""
        for child in element:
            tag = child.tag.removeprefix(NS)
            if tag == "style-options":
                if "punctuation-in-quote" in child.attrib:
                    self.punctuation_in_quote = child.get("punctuation-in-quote") == "true"
                if "limit-day-ordinals-to-day-1" in child.attrib:
                    value = child.get("limit-day-ordinals-to-day-1")
                    self.limit_day_ordinals = value == "true"
            elif tag == "terms":
                for term in child:
                    self._add_term(term)
            elif tag == "date":
                form = child.get("form", "text")
                self.dates[form] = [
                    DatePart(part.get("name", ""), dict(part.attrib))
                    for part in child
                    if part.tag == NS + "date-part"
                ]
                self.date_delimiters[form] = child.get("delimiter", "")

    def _add_term(self, term: ET.Element) -> None:
        name = term.get("name", "")
        form = term.get("form", "long")
        single = term.find(NS + "single")
        multiple = term.find(NS + "multiple")
        if single is not None or multiple is not None:
            one = _text(single)
            many = _text(multiple) if multiple is not None else one
        else:
            one = many = _text(term)
        self.terms[(name, form)] = (one, many)
        if "match" in term.attrib:
            self.ordinal_match[name] = term.get("match", "")
        elif name.startswith("ordinal-"):
            self.ordinal_match.pop(name, None)


def _text(element: ET.Element | None) -> str:
    return "" if element is None else (element.text or "")


def _locale_dir() -> Path:
    spec = importlib.util.find_spec("citeproc")
    if spec is None or spec.origin is None:  # pragma: no cover - a declared dependency
        raise RuntimeError("citeproc-py, which provides the CSL locale files, is not installed")
    return Path(spec.origin).parent / "data" / "locales"


def load_locale(style_root: ET.Element, *, lang: str = "en-US") -> Locale:
    """The locale for a style: the standard locale file, then the style's own overrides."""
    locale = Locale()
    path = _locale_dir() / f"locales-{lang}.xml"
    if not path.is_file():
        raise ValueError(f"no CSL locale for {lang!r}")
    locale.merge(ET.parse(path).getroot())
    base = lang.split("-")[0]
    overrides = [el for el in style_root if el.tag == NS + "locale"]
    # Generic overrides first, then language-wide, then exact: the most specific wins.
    for wanted in (None, base, lang):
        for element in overrides:
            if element.get(_XML_LANG) == wanted:
                locale.merge(element)
    return locale
