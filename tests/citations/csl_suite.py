"""The CSL processor test suite run through :class:`argmap.citations.CitationProcessor`.

Each fixture of ``../shared/corpora/csl-test-suite/`` (its README describes the format)
gives a style, CSL-JSON items, optionally cite clusters, and the expected output as
citeproc-js prints it. :func:`run_fixture` renders a fixture the way the suite's runner
does; :func:`failures` lists the fixtures whose output differs.

``python -m tests.citations.csl_suite`` prints the pass rate and the failing fixtures grouped
by name prefix; ``python -m tests.citations.csl_suite --write`` rewrites the committed list
of known failures (``tests/data/csl-known-failures.txt``), which
``tests/citations/csl_engine/test_csl_suite.py`` holds the processor to: a fixture newly
failing and one newly passing both fail the tests.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.citations import CitationProcessor
from argmap.citations.csl_engine._output import LEFT_MARGIN, NODECOR, RIGHT_INLINE, UPRIGHT, Token
from tests.support import CORPORA, DATA

SUITE = CORPORA / "csl-test-suite"
KNOWN_FAILURES = DATA / "csl-known-failures.txt"

_OPEN = re.compile(r"^.*>>=+\s([A-Z-]+)\s.*=>>.*$")
_CLOSE = re.compile(r"^.*<<=+\s([A-Z-]+)\s.*=<<.*$")


@dataclass(frozen=True)
class Fixture:
    """One fixture: its name and sections."""

    name: str
    mode: str
    result: str
    csl: str
    items: list[dict[str, Any]]
    citation_items: list[list[dict[str, Any]]] | None
    citations: list[Any] | None


def fixture_paths() -> list[Path]:
    """Every fixture file of the suite, by name."""
    return sorted(p for p in SUITE.glob("*.txt"))


def parse_fixture(path: Path) -> Fixture:
    """Read a fixture file's sections line by line, as the suite's own runner does."""
    sections: dict[str, str] = {}
    name: str | None = None
    lines: list[str] = []
    for line in re.split(r"\r\n|\n", path.read_text(encoding="utf-8")):
        if name is None and (m := _OPEN.match(line)):
            name, lines = m.group(1), []
        elif name is not None and (m := _CLOSE.match(line)) and m.group(1) == name:
            sections[name] = "\n".join(lines)
            name = None
        elif name is not None:
            lines.append(line)

    def data(name: str) -> Any:
        body = sections.get(name)
        return json.loads(body) if body and body.strip() else None

    return Fixture(
        name=path.stem,
        mode=sections.get("MODE", "").strip(),
        result=sections.get("RESULT", ""),
        csl=sections.get("CSL", "").strip(),
        items=data("INPUT") or [],
        citation_items=data("CITATION-ITEMS"),
        citations=data("CITATIONS"),
    )


def run_fixture(fixture: Fixture) -> str:
    """The fixture's output as the suite's runner prints it."""
    clusters: list[list[dict[str, Any]]] = []
    if fixture.citations is not None:
        # A citation given again under its ID replaces the earlier one.
        latest = {str(c[0]["citationID"]): c[0]["citationItems"] for c in fixture.citations}
        clusters = list(latest.values())
    elif fixture.citation_items is not None:
        clusters = fixture.citation_items
    # The suite's runner names items without an id by their place.
    given = [dict(item, id=item.get("id", f"ITEM-{n}")) for n, item in enumerate(fixture.items, 1)]
    # It keeps items by id: a later item replaces an earlier one of the same id.
    given = list({str(item["id"]): item for item in given}.values())
    items = _in_citation_order(given, clusters)
    if fixture.mode == "bibliography":
        if clusters:  # only the items cited
            cited = {str(c["id"]) for cluster in clusters for c in cluster}
            items = [i for i in items if str(i.get("id")) in cited]
        entries = [entry.tokens for entry in CitationProcessor(fixture.csl, items).engine.entries()]
        body = "".join(f'  <div class="csl-entry">{serialise(e)}</div>\n' for e in entries)
        return f'<div class="csl-bib-body">\n{body}</div>'
    if fixture.citations is not None:
        return _document(fixture.csl, items, fixture.citations)
    processor = CitationProcessor(fixture.csl, items)
    if not clusters:
        # Every item in one citation, in the order of the bibliography.
        clusters = [[{"id": key} for key in processor.order()]]
    return "\n".join(serialise(tokens) for tokens in processor.cite_tokens(clusters))


def _in_citation_order(
    items: list[dict[str, Any]], clusters: Sequence[Sequence[Mapping[str, Any]]]
) -> list[dict[str, Any]]:
    """Items cited first come first (numeric styles number in citation order)."""
    rank: dict[str, int] = {}
    for cluster in clusters:
        for cite in cluster:
            rank.setdefault(str(cite["id"]), len(rank))
    return sorted(items, key=lambda i: rank.get(str(i.get("id")), len(rank)))


def _document(csl: str, items: list[dict[str, Any]], citations: list[Any]) -> str:
    """Citations inserted one by one; the last insertion's changes marked ``>>``.

    As in a word processor, each insertion renders the document's citations anew with
    only the items cited so far, so that earlier citations may change.
    """
    order: list[str] = []
    by_id: dict[str, Mapping[str, Any]] = {}
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for citation, pre, post in citations:
        key = str(citation["citationID"])
        by_id[key] = citation
        known = [str(p[0]) for p in pre] + [key] + [str(p[0]) for p in post]
        order = [k for k in known if k in by_id]
        before = after
        clusters = [by_id[k] for k in order]
        cited = {str(c["id"]) for cluster in clusters for c in cluster["citationItems"]}
        ranked = _in_citation_order(
            [i for i in items if str(i["id"]) in cited],
            [cluster["citationItems"] for cluster in clusters],
        )
        rendered = CitationProcessor(csl, ranked).cite_tokens(clusters)
        after = {k: serialise(tokens) for k, tokens in zip(order, rendered, strict=True)}
    lines = []
    for n, key in enumerate(order):
        mark = (
            ">>"
            if key == str(citations[-1][0]["citationID"]) or before.get(key) != after[key]
            else ".."
        )
        lines.append(f"{mark}[{n}] {after[key]}")
    return "\n".join(lines)


_TAGS = {
    "i": ("<i>", "</i>"),
    "b": ("<b>", "</b>"),
    "sc": ('<span style="font-variant:small-caps;">', "</span>"),
    "sup": ("<sup>", "</sup>"),
    "sub": ("<sub>", "</sub>"),
    "baseline": ('<span style="baseline">', "</span>"),  # sic: citeproc-js's HTML
    "u": ('<span style="text-decoration:underline;">', "</span>"),
    # citeproc-js lays the parts of an entry out on lines of their own.
    LEFT_MARGIN: ('\n    <div class="csl-left-margin">', "</div>"),
    RIGHT_INLINE: ('<div class="csl-right-inline">', "</div>\n  "),
    "block": ('\n\n    <div class="csl-block">', "</div>\n"),
    "indent": ('<div class="csl-indent">', "</div>\n  "),
}
#: What a nested mark of the same kind prints: the formatting turned off (flip-flop).
_NORMAL = {
    "i": '<span style="font-style:normal;">',
    "b": '<span style="font-weight:normal;">',
    "sc": '<span style="font-variant:normal;">',
}


def _superscripts() -> dict[str, str]:
    """Superscript characters, which citeproc-js's HTML writes as ``<sup>`` and the base.

    Those Unicode composes from a base as ``<super>``, and the modifier letters for the
    glottal stops and the Arabic small waw and yeh, which it does not.
    """
    found = {
        chr(code): "".join(chr(int(h, 16)) for h in decomposition.split()[1:])
        for code in range(0x80, 0x10000)
        if (decomposition := unicodedata.decomposition(chr(code))).startswith("<super>")
    }
    return found | {"\u02c0": "\u0294", "\u02c1": "\u0295", "\u06e5": "\u0648", "\u06e6": "\u064a"}


_SUPERSCRIPTS = _superscripts()
_SUPERSCRIPT = re.compile("[" + "".join(_SUPERSCRIPTS) + "]")


def _text(text: str) -> str:
    # citeproc-js's escaping: numeric entities.
    escaped = text.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;")
    return _SUPERSCRIPT.sub(lambda m: f"<sup>{_SUPERSCRIPTS[m.group(0)]}</sup>", escaped)


def serialise(tokens: Sequence[Token]) -> str:
    """Tokens as the suite's HTML: ``<i>``, ``<b>``, small-caps spans, escaped text.

    Formatting nested in the same formatting turns it off, as citeproc-js prints it.
    """
    parts: list[str] = []
    active: dict[str, int] = {}
    closing: list[str] = []
    upright: list[str] = []
    for tok in tokens:
        if isinstance(tok, str):
            parts.append(_text(tok))
            continue
        sign, kind = tok
        if kind.startswith("a:") or kind == "nc":
            continue
        if kind == UPRIGHT:  # font-style="normal": upright inside italics only
            if sign == "+":
                upright.append("i" if active.get("i", 0) % 2 else UPRIGHT)
            kind = upright[-1] if sign == "+" else upright.pop()
        if sign == "+":
            if kind == NODECOR:
                on = [k for k in _NORMAL if active.get(k, 0) % 2]
                style = "".join(_NORMAL[k].split('"')[1] for k in on)
                parts.append(f'<span style="{style}">' if on else "")
                closing.append("</span>" if on else "")
            elif kind in _NORMAL and active.get(kind, 0) % 2:
                parts.append(_NORMAL[kind])
                closing.append("</span>")
            else:
                opening, close = _TAGS.get(kind, ("", ""))
                parts.append(opening)
                closing.append(close)
            active[kind] = active.get(kind, 0) + 1
        else:
            active[kind] = active.get(kind, 0) - 1
            parts.append(closing.pop() if closing else "")
    return "".join(parts)


def outcome(path: Path) -> tuple[bool, str, str]:
    """Whether a fixture passes, its expected and its actual output.

    The comparison is the suite runner's: exact, entities and whitespace included, after
    its one normalisation, of line endings to ``\\n``.
    """
    fixture = parse_fixture(path)
    expected = fixture.result.replace("\r\n", "\n")
    try:
        actual = run_fixture(fixture).replace("\r\n", "\n")
    except Exception as exc:
        actual = f"{type(exc).__name__}: {exc}"
    return expected == actual, expected, actual


def failures() -> Iterator[str]:
    """The names of the fixtures whose output differs from the expected one."""
    for path in fixture_paths():
        if not outcome(path)[0]:
            yield path.stem


def known_failure_reasons() -> dict[str, str]:
    """The committed list of fixtures known to fail, each with its reason ("" if none).

    A line is a fixture's name, optionally followed by ``# reason``.
    """
    if not KNOWN_FAILURES.is_file():
        return {}
    reasons: dict[str, str] = {}
    for line in KNOWN_FAILURES.read_text(encoding="utf-8").splitlines():
        name, _, reason = line.partition("#")
        if name.strip():
            reasons[name.strip()] = reason.strip()
    return reasons


def known_failures() -> set[str]:
    """The committed list of fixtures known to fail."""
    return set(known_failure_reasons())


def main(argv: Sequence[str]) -> int:
    """Print the pass rate and failures by category; ``--write`` updates the list."""
    if not SUITE.is_dir():
        print(f"the CSL test suite is not at {SUITE}", file=sys.stderr)
        return 1
    start = time.perf_counter()
    paths = fixture_paths()
    failed = sorted(failures())
    took = time.perf_counter() - start
    passed = len(paths) - len(failed)
    share = 100 * passed / len(paths)
    print(f"{passed}/{len(paths)} fixtures identical ({share:.1f}%) in {took:.2f} s")
    for prefix, count in Counter(name.split("_")[0] for name in failed).most_common():
        print(f"  {prefix}: {count}")
    if "--list" in argv:
        print("\n".join(failed))
    if "--write" in argv:
        header = (
            "# CSL test-suite fixtures argmap's processor does not yet render identically,\n"
            "# each optionally with its reason after a '#' (kept when the list is rewritten).\n"
            "# Regenerate with: make csl-known-failures\n"
        )
        reasons = known_failure_reasons()
        lines = [f"{n}  # {reasons[n]}\n" if reasons.get(n) else f"{n}\n" for n in failed]
        KNOWN_FAILURES.write_text(header + "".join(lines), encoding="utf-8")
        print(f"wrote {KNOWN_FAILURES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
