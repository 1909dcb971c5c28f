"""Citations: a bibliography key with a locator, an optional short quote and a note."""

from __future__ import annotations

from pydantic import Field

from argmap.model._base import Model, Text

#: A BibTeX citation key: no white space, no character BibTeX gives a meaning to, and no
#: control character.
KEY_PATTERN = r"^[^\s,{}\"#'()=%~\\\x00-\x1F\x7F-\x9F\uFFFE\uFFFF]+$"


class Citation(Model):
    """A reference to a work in the map's bibliography.

    >>> Citation(key="shagina2018dilemma", locator="p. 1")
    Citation(key='shagina2018dilemma', locator='p. 1', quote=None, note=None)
    """

    key: str = Field(pattern=KEY_PATTERN, min_length=1)
    """The BibTeX key of the cited work."""
    locator: Text | None = None
    """Where in the work: ``p. 1``, ``pp. 3-5``, ``sec. 2``, ``para. 4``."""
    quote: Text | None = None
    """A short verbatim excerpt (a clause, not a paragraph)."""
    note: Text | None = None
