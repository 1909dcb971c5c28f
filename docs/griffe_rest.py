"""A griffe extension: the reStructuredText in argmap's docstrings, as Markdown for the site.

argmap's docstrings follow the Google style, written for Python's help() and doctest, with a
few reStructuredText habits: cross-reference roles (:func:`read_map`), literal blocks after
``::``, and doctest examples (``>>>``) in the text. Markdown reads the roles as text, the
literal blocks as paragraphs and ``>>>`` as nested block quotes; this turns them into code
spans and code blocks when the API reference is built, and leaves the docstrings themselves
as they are.
"""

from __future__ import annotations

import re
from typing import Any

from griffe import Extension, Object

_ROLE = re.compile(r":(?:py:)?(?:func|mod|class|meth|attr|data|exc|obj|const):`~?([^`]+)`")
_INDENT = re.compile(r"^(\s*)")


def _role(match: re.Match[str]) -> str:
    target = match.group(1)
    # A "~" shows only the last part of the dotted name, as in Sphinx.
    shown = target.rsplit(".", 1)[-1] if match.group(0).split("`")[1].startswith("~") else target
    return f"`{shown}`"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def rest_to_markdown(text: str) -> str:
    """Roles to code spans, ``::`` literal blocks and doctest examples to fenced code.

    >>> print(rest_to_markdown("See :func:`~argmap.read_map`.\\n\\n>>> 1 + 1\\n2"))
    See `read_map`.
    <BLANKLINE>
    ```pycon
    >>> 1 + 1
    2
    ```
    """
    lines = _ROLE.sub(_role, text).split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(">>>"):
            margin = line[: _indent(line)]
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i][len(margin) :] if lines[i].startswith(margin) else lines[i])
                i += 1
            out += [f"{margin}```pycon", *(margin + b for b in block), f"{margin}```"]
            continue
        if stripped.endswith("::") and not stripped.startswith(("```", "|")):
            # A paragraph that ends with "::" introduces the indented block after it.
            intro = line.rstrip()[:-2].rstrip()
            if intro:
                out.append(intro + ":")
            i += 1
            while i < len(lines) and not lines[i].strip():
                i += 1
            base = _indent(line)
            block = []
            while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > base):
                block.append(lines[i])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            if block:
                cut = min(_indent(b) for b in block if b.strip())
                margin = " " * base
                out += ["", f"{margin}```text", *(margin + b[cut:] for b in block)]
                out += [f"{margin}```", ""]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


class RestToMarkdown(Extension):
    """Rewrite every docstring of the loaded package for Markdown."""

    def on_instance(self, *, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = rest_to_markdown(obj.docstring.value)
