"""CSL locales: terms, localized date formats and options, with a style's overrides."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
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
    #: The grammatical gender of terms that have one ("edition": "feminine").
    genders: dict[str, str] = field(default_factory=dict)
    #: The language tag the locale renders ("en-US").
    lang: str = "en-US"

    def copy(self) -> Locale:
        """A copy that a style's overrides can change without touching this one."""
        return Locale(
            terms=dict(self.terms),
            ordinal_match=dict(self.ordinal_match),
            dates={form: list(parts) for form, parts in self.dates.items()},
            date_delimiters=dict(self.date_delimiters),
            punctuation_in_quote=self.punctuation_in_quote,
            limit_day_ordinals=self.limit_day_ordinals,
            genders=dict(self.genders),
            lang=self.lang,
        )

    def term(self, name: str, *, form: str = "long", plural: bool = False) -> str:
        """The text of a term in a form, falling back to longer forms; "" when absent."""
        for candidate in _FALLBACK.get(form, (form, "long")):
            found = self.terms.get((name, candidate))
            if found is not None:
                return found[1] if plural else found[0]
        return ""

    def ordinal(self, number: int, *, long: bool = False, gender: str | None = None) -> str:
        """A number as an ordinal: "3rd", or "third" in the long form up to ten.

        ``gender`` is that of the term the number counts ("feminine" for French
        "édition": "1ʳᵉ"); a gendered ordinal term is used for it where the locale has one.
        """
        if long and 1 <= number <= 10:
            word = self.term(self._gendered(f"long-ordinal-{number:02d}", gender))
            if word:
                return word
        two = number % 100
        name = self._gendered(f"ordinal-{two:02d}", gender)
        if (name, "long") in self.terms and self.ordinal_match.get(name) != "last-digit":
            match = self.ordinal_match.get(name, "last-two-digits")
            if match != "whole-number" or number == two:
                return f"{number}{self.terms[(name, 'long')][0]}"
        one = number % 10
        name = self._gendered(f"ordinal-{one:02d}", gender)
        if (name, "long") in self.terms:
            match = self.ordinal_match.get(name, "last-digit")
            if match == "last-digit" or (match == "whole-number" and number == one):
                return f"{number}{self.terms[(name, 'long')][0]}"
        return f"{number}{self.term(self._gendered('ordinal', gender))}"

    def _gendered(self, name: str, gender: str | None) -> str:
        """The key of a term's form for a gender, else of its neuter form.

        A number whose term has no gender takes the masculine form where there is no
        neuter one; one of another gender never does ("2.ª edición", not "2.º").
        """
        if gender and (f"{name}@{gender}", "long") in self.terms:
            return f"{name}@{gender}"
        if (
            gender
            or (name, "long") in self.terms
            or (f"{name}@masculine", "long") not in self.terms
        ):
            return name
        return f"{name}@masculine"

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
                if any(t.get("name", "").startswith("ordinal") for t in child):
                    # A locale's ordinals replace the whole set of a more general one.
                    for key in [k for k in self.terms if k[0].startswith("ordinal")]:
                        del self.terms[key]
                    self.ordinal_match.clear()
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
        if term.get("gender"):
            self.genders[name] = term.get("gender", "")
        if term.get("gender-form"):
            name = f"{name}@{term.get('gender-form')}"
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
    """A term's text; one of nothing but line breaks and indentation is empty."""
    text = "" if element is None else (element.text or "")
    return "" if "\n" in text and not text.strip() else text


LOCALE_DIR: Final = Path(__file__).resolve().parent / "locales"


@lru_cache(maxsize=64)
def _locale_file(lang: str) -> ET.Element | None:
    path = LOCALE_DIR / f"locales-{lang}.xml"
    return ET.parse(path).getroot() if path.is_file() else None


@lru_cache(maxsize=1)
def _primary_dialects() -> dict[str, str]:
    data = json.loads((LOCALE_DIR / "locales.json").read_text(encoding="utf-8"))
    return dict(data["primary-dialects"])


def _tag(lang: str) -> str:
    return re.split(r"-x-", lang.strip(), maxsplit=1)[0].replace("_", "-") or "en-US"


def locale_chain(lang: str) -> list[str]:
    """The locale files a language reads, most general first, as CSL falls back.

    A dialect falls back to its language's primary dialect, and everything to American
    English; private-use tags ("-x-...") are ignored.

    >>> locale_chain("de-AT"), locale_chain("fr"), locale_chain("en-US-x-sort-de")
    (['en-US', 'de-DE', 'de-AT'], ['en-US', 'fr-FR'], ['en-US'])
    """
    tag = _tag(lang)
    language = tag.split("-")[0].lower()
    chain = ["en-US", _primary_dialects().get(language, language), tag]
    return [name for name in dict.fromkeys(chain) if _locale_file(name) is not None]


@lru_cache(maxsize=64)
def _base_locale(lang: str) -> Locale:
    locale = Locale()
    for name in locale_chain(lang):
        root = _locale_file(name)
        if root is not None:
            locale.merge(root)
    return locale


def load_locale(style_root: ET.Element, *, lang: str = "en-US") -> Locale:
    """The locale for a style: the standard locale files, then the style's own overrides.

    Terms missing from a language's file come from its primary dialect, then from
    American English; the style's ``<locale>`` elements come last, generic ones first.
    """
    locale = _base_locale(lang).copy()
    tag = _tag(lang)
    locale.lang = tag
    base = tag.split("-")[0]
    overrides = [el for el in style_root if el.tag == NS + "locale"]
    # Generic overrides first, then language-wide, then exact: the most specific wins.
    for wanted in (None, base, tag):
        for element in overrides:
            if element.get(_XML_LANG) == wanted:
                locale.merge(element)
    return locale
