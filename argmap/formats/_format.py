"""What a format module declares about its format, once, for the registry to iterate over.

Each format module ends with ``FORMATS``, a tuple of :class:`FileFormat`: its names,
suffixes, one-line summaries and the ``parse_*``/``dump_*`` functions on strings. The
registry (:mod:`argmap.formats.registry`) knows only which modules declare formats.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from argmap.errors import Issue
    from argmap.model import ArgumentMap


class Parse(Protocol):
    """A format's ``parse_*``: text in, a checked map out, its warnings appended on request."""

    def __call__(
        self, text: str, /, *, filename: str = ..., warnings: list[Issue] | None = ...
    ) -> ArgumentMap:
        """The map the text describes; raises the format's error when it describes none."""
        ...


#: A format's ``dump_*``: a map in, the text of a file out.
Dump = Callable[["ArgumentMap"], str]


@dataclass(frozen=True, slots=True)
class FileFormat:
    """A file format argmap reads maps from or writes them to.

    Attributes:
        name: the name users give (``argmap convert --from``, :func:`argmap.convert`).
        suffixes: the file name endings it is known by; the first is used for output.
        summary: one line for listings.
        parse: reads text into a map; None when argmap cannot read the format.
        dump: writes a map as text; None when argmap cannot write the format.
        found_as: other endings its files often have (corpora of AIF keep it in plain
            ``.json``); converting a folder of this format takes them too.

    >>> fmt = FileFormat("txt", (".txt",), "plain text", dump=lambda amap: amap.title)
    >>> fmt.readable, fmt.writable
    (False, True)
    """

    name: str
    suffixes: tuple[str, ...]
    summary: str
    parse: Parse | None = None
    dump: Dump | None = None
    found_as: tuple[str, ...] = ()

    @property
    def readable(self) -> bool:
        """Whether argmap reads this format."""
        return self.parse is not None

    @property
    def writable(self) -> bool:
        """Whether argmap writes this format."""
        return self.dump is not None
