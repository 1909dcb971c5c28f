"""Dates as biber reads them (ISO 8601 and EDTF), turned into CSL-JSON date objects.

biblatex's ``date``, ``origdate``, ``eventdate`` and ``urldate`` take an ISO 8601 date
with the Extended Date/Time Format's additions, which biber reads:

=====================  ======================================  ===========================
written                meaning                                 CSL-JSON
=====================  ======================================  ===========================
``2018``, ``2018-11``  a year, a month, a day (a time after    ``[[2018]]``, ``[[2018, 11]]``
``2018-11-05T10:00``   ``T`` is dropped)
``2015/2020``          a range (``..``, ``unknown`` or         ``[[2015], [2020]]``
                       nothing: an open end, left out)
``1723~``, ``1723?``   approximate, uncertain (``%``: both)    ``"circa": true``
``-0876``, ``y-51234`` a year before the common era; EDTF      ``[[-877]]``: CSL counts
                       counts a year 0 (1 BCE), CSL does not   1 BCE as -1
``199u``, ``19XX``     unspecified digits: the decade, the     ``[[1990], [1999]]``
                       century
``2018-21``            a season (21 spring ... 24 winter)      ``"season": 1``
=====================  ======================================  ===========================

Anything else is kept as a ``literal`` date, printed as written.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["parse_date"]

_PART = re.compile(
    r"^(?P<year>y?-?\d+|[0-9uUxX]{4})"
    r"(?:-(?P<month>\d{2}|[uUxX]{2}))?"
    r"(?:-(?P<day>\d{2}|[uUxX]{2}))?"
    r"(?:T[0-9:.]*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_QUALIFIERS = "~?%"


def parse_date(value: str) -> dict[str, Any] | None:
    """The CSL-JSON date object of a biblatex date; None for an empty value.

    >>> parse_date("2015/2020")
    {'date-parts': [[2015], [2020]]}
    >>> parse_date("-3000~")
    {'date-parts': [[-3001]], 'circa': True}
    >>> parse_date("2018-11-05T10:00:00Z"), parse_date("199u"), parse_date("2018-22")
    ({'date-parts': [[2018, 11, 5]]}, {'date-parts': [[1990], [1999]]}, {'date-parts': [[2018]], 'season': 2})
    >>> parse_date("Spring term 2001")
    {'literal': 'Spring term 2001'}
    """  # noqa: E501
    text = value.strip().replace("\u00a0", "~")
    if not text:
        return None
    circa = False
    pieces = text.split("/")
    if len(pieces) > 2:
        return {"literal": value.strip()}
    parts: list[list[int]] = []
    season = 0
    for index, piece in enumerate(pieces):
        piece = piece.strip()
        if piece.lower() in ("", "..", "unknown"):
            if index == 0 or len(pieces) == 1:
                return {"literal": value.strip()}
            continue  # an open end: the range's start is what can be printed
        stripped = piece.rstrip(_QUALIFIERS)
        if stripped != piece:
            circa = True
        parsed = _part(stripped.lstrip(_QUALIFIERS))
        if parsed is None:
            return {"literal": value.strip()}
        date, end, season_of = parsed
        season = season or season_of
        parts.append(date)
        if end is not None and len(pieces) == 1:
            parts.append(end)
    result: dict[str, Any] = {"date-parts": parts}
    if circa:
        result["circa"] = True
    if season:
        result["season"] = season
    return result


def _part(piece: str) -> tuple[list[int], list[int] | None, int] | None:
    """A date's parts, the end of what unspecified digits span, and its season (or 0)."""
    match = _PART.match(piece)
    if match is None:
        return None
    year_text = match.group("year").lstrip("y")
    unspecified = re.search(r"[uUxX]", year_text)
    if unspecified:
        low = int(re.sub(r"[uUxX]", "0", year_text))
        high = int(re.sub(r"[uUxX]", "9", year_text))
        return [low], [high], 0
    year = int(year_text)
    if year <= 0:
        year -= 1  # EDTF's year 0 is 1 BCE; CSL has no year 0
    date = [year]
    season = 0
    month = match.group("month")
    if month and month.isdigit():
        number = int(month)
        if 21 <= number <= 24:
            season = number - 20
        elif 1 <= number <= 12:
            date.append(number)
            day = match.group("day")
            if day and day.isdigit() and 1 <= int(day) <= 31:
                date.append(int(day))
        else:
            return None
    return date, None, season
