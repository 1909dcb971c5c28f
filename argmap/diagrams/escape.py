r"""Quoting and escaping of user text for DOT (HTML-like labels, escStrings) and Mermaid.

Every piece of user text that lands in a diagram passes through one function of this
module, so nothing a map says can change the structure of the DOT or Mermaid source or
inject markup into the SVG that Graphviz writes.
"""

from __future__ import annotations

import re

from graphviz import nohtml

__all__ = [
    "clean_text",
    "escape_html",
    "escape_mermaid",
    "escape_string",
    "html_lines",
    "wrap",
]

# C0 and C1 control characters other than tab and newline, U+FFFE, U+FFFF and lone
# surrogates: Graphviz rejects or mangles them, and XML 1.0 (the SVG it writes) cannot
# contain most of them at all. A map cannot hold them; a work it cites may.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    r"""Normalise line breaks to ``\n``, tabs to spaces, and drop control characters.

    >>> clean_text("a\r\nb\rc\td\x00e\x1bf")
    'a\nb\nc def'
    >>> clean_text("noncharacters \ufffe\uffff and a lone \ud800 surrogate")
    'noncharacters  and a lone  surrogate'
    >>> clean_text("日本 🙂")
    '日本 🙂'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


def wrap(text: str, width: int) -> list[str]:
    r"""Break text into lines of at most ``width`` characters; explicit newlines are kept.

    Lines break at spaces (a run of spaces counts as one); a word longer than the width is
    broken, so text without spaces, such as CJK, still wraps. A width below 1 means no
    wrapping. (Written out rather than using :mod:`textwrap`, which is several times slower
    and dominated the time of drawing large maps.)

    >>> wrap("Japan imposed sanctions on Russia, but reluctantly.", 20)
    ['Japan imposed', 'sanctions on Russia,', 'but reluctantly.']
    >>> wrap("first\nsecond line", 8)
    ['first', 'second', 'line']
    >>> wrap("日本の制裁は象徴的だった", 5)
    ['日本の制裁', 'は象徴的だ', 'った']
    >>> wrap("A verylongword", 10)
    ['A verylong', 'word']
    >>> wrap("", 10)
    []
    """
    lines: list[str] = []
    for paragraph in clean_text(text).split("\n"):
        if width < 1:
            lines.append(paragraph.strip())
            continue
        line = ""
        for word in paragraph.split():
            if not line and len(word) <= width:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line = f"{line} {word}"
            elif len(word) <= width:
                lines.append(line)
                line = word
            else:
                # Fill the rest of the line with the start of the long word, then break it.
                room = width - len(line) - 1 if line else width
                if room > 0:
                    line = f"{line} {word[:room]}" if line else word[:room]
                    word = word[room:]
                lines.append(line)
                while len(word) > width:
                    lines.append(word[:width])
                    word = word[width:]
                line = word
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def escape_html(text: str) -> str:
    r"""Escape text for a Graphviz HTML-like label (and the SVG Graphviz writes from it).

    ``&``, ``<``, ``>`` and quotes become character references, so the text can
    neither close the label nor open an element. Backslashes are doubled: Graphviz reads
    ``\N``, ``\G`` and ``\E`` even in HTML-like labels (and after decoding ``&#92;``), and
    reads ``\\`` as one backslash.

    >>> escape_html('<b>"Tom" & Jerry\'s</b>')
    '&lt;b&gt;&quot;Tom&quot; &amp; Jerry&#39;s&lt;/b&gt;'
    >>> print(escape_html("\\N is the node name; {braces} [1]"))
    \\N is the node name; {braces} [1]
    >>> escape_html("&amp; stays as written")
    '&amp;amp; stays as written'
    """
    return (
        clean_text(text)
        .replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def html_lines(lines: list[str]) -> str:
    """Escape each line and join them with Graphviz line breaks.

    >>> html_lines(["a < b", "c & d"])
    'a &lt; b<BR/>c &amp; d'
    """
    return "<BR/>".join(escape_html(line) for line in lines)


def escape_string(text: str) -> str:
    r"""Make text a literal DOT escString (for ``tooltip``, ``id``, plain ``label``).

    Backslashes are doubled so ``\N``, ``\l`` and friends stay literal, and the result is
    marked as not HTML, so text that looks like ``<...>`` is quoted like any other;
    graphviz's quoting then escapes the double quotes.

    >>> escape_string(r"C:\new\N")
    'C:\\\\new\\\\N'
    >>> from graphviz.quoting import quote
    >>> print(quote(escape_string('<b>"x"</b>')))
    "<b>\"x\"</b>"
    """
    escaped: str = nohtml(clean_text(text).replace("\\", "\\\\"))
    return escaped


# Characters Mermaid would read as syntax inside a quoted label, as its entity codes.
_MERMAID_ENTITIES = {
    "&": "#amp;",
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
    "|": "#124;",
}
_MERMAID_SPECIAL = re.compile("[" + re.escape("".join(_MERMAID_ENTITIES)) + "]")


def escape_mermaid(text: str) -> str:
    """Escape text for a double-quoted Mermaid label; newlines become ``<br>``.

    Every character that Mermaid or HTML could read as syntax inside a label becomes a Mermaid
    entity code (``#quot;``), which Mermaid renders as the character itself.

    >>> escape_mermaid('say "hi" <script>')
    'say #quot;hi#quot; #lt;script#gt;'
    >>> escape_mermaid("a|b; c#d")
    'a#124;b; c#35;d'
    >>> escape_mermaid("two\\nlines")
    'two<br>lines'
    """
    escaped = _MERMAID_SPECIAL.sub(lambda m: _MERMAID_ENTITIES[m.group()], clean_text(text))
    return escaped.replace("\n", "<br>")
