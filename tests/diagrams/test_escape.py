"""Escaping of user text for DOT and Mermaid, and the doctests of the diagram modules."""

from __future__ import annotations

import doctest
import importlib

import pytest
from graphviz.quoting import quote

from argmap.diagrams.escape import clean_text, escape_html, escape_mermaid, escape_string, wrap

MODULES = [
    "argmap.diagrams.escape",
    "argmap.diagrams.theme",
    "argmap.diagrams.dot",
    "argmap.diagrams.mermaid",
    "argmap.diagrams.rendering",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("a < b > c", "a &lt; b &gt; c"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ("&amp;", "&amp;amp;"),
        ('say "hi"', "say &quot;hi&quot;"),
        ("it's", "it&#39;s"),
        ("\\N", "\\\\N"),
        ("ends\\", "ends\\\\"),
        ("{braces} [brackets] |pipes|", "{braces} [brackets] |pipes|"),
        ("</TD></TR></TABLE>", "&lt;/TD&gt;&lt;/TR&gt;&lt;/TABLE&gt;"),
        ("日本 🙂 שלום", "日本 🙂 שלום"),
        ("bell\x07 and nul\x00", "bell and nul"),
    ],
)
def test_escape_html(text: str, expected: str) -> None:
    assert escape_html(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('a "quote"', "a #quot;quote#quot;"),
        ("<script>", "#lt;script#gt;"),
        ("#hash; & amp", "#35;hash; #amp; amp"),
        ("`code`", "#96;code#96;"),
        ("a|b", "a#124;b"),
        ("line\nbreak", "line<br>break"),
        ("(round) [square] {curly}", "(round) [square] {curly}"),
        ("東京 🙂", "東京 🙂"),
    ],
)
def test_escape_mermaid(text: str, expected: str) -> None:
    assert escape_mermaid(text) == expected


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("plain", "plain"),
        ("with space", '"with space"'),
        ('"', '"\\""'),
        ("\\", '"\\\\"'),
        ('\\"', '"\\\\\\""'),
        ("<b>not html</b>", '"<b>not html</b>"'),
        ("node", '"node"'),
    ],
)
def test_escape_string_quotes_as_a_literal_dot_string(text: str, quoted: str) -> None:
    assert quote(escape_string(text)) == quoted


def test_clean_text_normalises_line_ends() -> None:
    assert clean_text("a\r\nb\rc") == "a\nb\nc"


def test_wrap_keeps_every_character() -> None:
    text = "A long sentence with a verylongwordthatmustbebroken and 日本語の文章 too."
    lines = wrap(text, 10)
    assert all(len(line) <= 10 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
