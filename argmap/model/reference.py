"""References to nodes of other maps: ``MAP-ID#NODE-ID``, optionally pinned ``@sha256:HEX``.

A relation endpoint that names a node of another map is a :class:`Reference`: a string,
as written in the file, parsed once when the relation is validated.
"""

from __future__ import annotations

import hashlib

__all__ = ["PIN_LENGTH", "Reference", "endpoint", "text_hash"]

#: How many hex digits of the hash a new pin carries (enough to tell texts apart).
PIN_LENGTH = 12


class Reference(str):
    """A relation endpoint that names a node (or relation) of another map.

    It is the endpoint's text (so it compares, hashes and serialises as that string) with
    its parts parsed: ``map_id``, ``node_id`` and the optional ``pin``; ``key`` is the
    reference without its pin, the node's id across maps.

    >>> ref = Reference("shagina-2018-japan-sanctions#g7-solidarity@sha256:0123abcd")
    >>> ref.map_id, ref.node_id, ref.pin
    ('shagina-2018-japan-sanctions', 'g7-solidarity', '0123abcd')
    >>> ref.key
    'shagina-2018-japan-sanctions#g7-solidarity'
    >>> ref.pinned("ffffeeee0000")
    'shagina-2018-japan-sanctions#g7-solidarity@sha256:ffffeeee0000'
    >>> Reference("a")
    Traceback (most recent call last):
    ...
    ValueError: 'a' is a local node id, not MAP-ID#NODE-ID
    """

    map_id: str
    node_id: str
    pin: str | None

    def __new__(cls, text: str) -> Reference:
        map_id, sep, rest = text.partition("#")
        if not sep:
            raise ValueError(f"{text!r} is a local node id, not MAP-ID#NODE-ID")
        node_id, _, pin = rest.partition("@sha256:")
        self = super().__new__(cls, text)
        self.map_id = map_id
        self.node_id = node_id
        self.pin = pin or None
        return self

    @property
    def key(self) -> str:
        """``MAP-ID#NODE-ID`` without the pin: the node's id across maps."""
        return f"{self.map_id}#{self.node_id}"

    def pinned(self, digest: str) -> Reference:
        """The same reference pinned to another hash."""
        return Reference(f"{self.key}@sha256:{digest}")


def endpoint(text: str) -> str:
    """A relation endpoint as the model keeps it: a :class:`Reference` when it names a node
    of another map (``MAP-ID#NODE-ID``), the local id otherwise.

    >>> type(endpoint("seed#a")).__name__, type(endpoint("a")).__name__
    ('Reference', 'str')
    """
    if "#" in text:
        return text if isinstance(text, Reference) else Reference(text)
    return text


def text_hash(text: str) -> str:
    """The pin of a node's text: the first hex digits of the SHA-256 of its UTF-8 bytes.

    >>> text_hash("Sanctions were symbolic.")
    'bcc93cee12d5'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:PIN_LENGTH]
