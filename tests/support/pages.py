"""The HTML page argmap writes, as a browser's parser reads it."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any


class _Page(HTMLParser):
    """The elements of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = tag if tag in ("script", "style") else None
        if tag == "script":
            self.scripts.append("")
        elif tag == "style":
            self.styles.append("")

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            self.scripts[-1] += data
        elif self._open == "style":
            self.styles[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def parse_page(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def page_data(page: str) -> dict[str, Any]:
    parsed = parse_page(page)
    blocks = [
        parsed.scripts[i]
        for i, (_, attrs) in enumerate(t for t in parsed.tags if t[0] == "script")
        if attrs.get("type") == "application/json"
    ]
    assert len(blocks) == 1
    data: dict[str, Any] = json.loads(blocks[0])
    return data
