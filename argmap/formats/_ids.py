"""Making ids: from titles (Argdown, GraphML), from other formats' ids (AIF), and fresh ones.

Every id argmap makes up comes from here, so that they all follow the model's
:data:`~argmap.model._base.ID_PATTERN`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from argmap.model._base import ID_PATTERN

ID_RE: Final = re.compile(ID_PATTERN)


def slugify(title: str) -> str:
    """An id for a title: the title itself when it is a valid id, else a readable slug.

    >>> slugify("g7-solidarity"), slugify("Statement 2"), slugify("❤ Welcome!")
    ('g7-solidarity', 'statement-2', 'welcome')
    """
    if ID_RE.match(title):
        return title
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_.:]+", "-", ascii_text.lower()).strip("-.:")
    return slug or "untitled"


def id_from(value: object) -> str:
    """The id another format's id becomes: itself when valid, else with each character an
    id cannot hold replaced by ``_`` (ids stay distinct and recognisable).

    >>> id_from("1"), id_from("node 7"), id_from("-x")
    ('1', 'node_7', '_-x')
    """
    text = str(value)
    if ID_RE.match(text):
        return text
    text = re.sub(r"[^A-Za-z0-9_.:\-]", "_", text)
    return text if text and ID_RE.match(text) else f"_{text}"


def fresh_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``, ... : the first not in ``taken``, which it joins.

    >>> taken = {"r1", "r1-2"}
    >>> fresh_id("r1", taken), fresh_id("r2", taken), sorted(taken)
    ('r1-3', 'r2', ['r1', 'r1-2', 'r1-3', 'r2'])
    """
    candidate, count = base, 1
    while candidate in taken:
        count += 1
        candidate = f"{base}-{count}"
    taken.add(candidate)
    return candidate
