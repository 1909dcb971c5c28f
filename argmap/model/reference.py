"""References to nodes of other maps: ``MAP-ID#NODE-ID``, optionally pinned ``@sha256:HEX``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

__all__ = ["Reference", "is_reference", "parse_reference", "text_hash"]

#: How many hex digits of the hash a new pin carries (enough to tell texts apart).
PIN_LENGTH = 12


@dataclass(frozen=True, slots=True)
class Reference:
    """A relation endpoint that names a node (or relation) of another map.

    >>> ref = parse_reference("shagina-2018-japan-sanctions#g7-solidarity@sha256:0123abcd")
    >>> ref.map_id, ref.node_id, ref.pin
    ('shagina-2018-japan-sanctions', 'g7-solidarity', '0123abcd')
    >>> str(ref.pinned("ffffeeee0000"))
    'shagina-2018-japan-sanctions#g7-solidarity@sha256:ffffeeee0000'
    """

    map_id: str
    node_id: str
    pin: str | None = None

    @property
    def key(self) -> str:
        """``MAP-ID#NODE-ID`` without the pin: the node's id across a corpus."""
        return f"{self.map_id}#{self.node_id}"

    def pinned(self, digest: str) -> Reference:
        """The same reference pinned to another hash."""
        return Reference(self.map_id, self.node_id, digest)

    def __str__(self) -> str:
        return self.key if self.pin is None else f"{self.key}@sha256:{self.pin}"


def is_reference(endpoint: str) -> bool:
    """True when an endpoint names another map's node (``MAP-ID#NODE-ID``).

    >>> is_reference("seed#a"), is_reference("a")
    (True, False)
    """
    return "#" in endpoint


def parse_reference(endpoint: str) -> Reference:
    """Split ``MAP-ID#NODE-ID[@sha256:HEX]`` (already validated by the model's pattern).

    Raises:
        ValueError: the endpoint is a local node id.
    """
    map_id, sep, rest = endpoint.partition("#")
    if not sep:
        raise ValueError(f"{endpoint!r} is a local node id, not MAP-ID#NODE-ID")
    node_id, _, pin = rest.partition("@sha256:")
    return Reference(map_id, node_id, pin or None)


def text_hash(text: str) -> str:
    """The pin of a node's text: the first hex digits of the SHA-256 of its UTF-8 bytes.

    >>> text_hash("Sanctions were symbolic.")
    'bcc93cee12d5'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:PIN_LENGTH]
