"""A readable text summary of a map: title, source, thesis, factors, counts, warnings."""

from __future__ import annotations

import textwrap

from argmap.analysis.balance import balance
from argmap.errors import Issue
from argmap.model import ArgumentMap

__all__ = ["summarize"]


def summarize(
    amap: ArgumentMap,
    issues: list[Issue] | None = None,
    *,
    width: int = 88,
    source: str | None = None,
) -> str:
    """A readable summary: title, source, thesis, push and pull factors, counts, problems.

    Args:
        amap: the map.
        issues: the map's problems (from :func:`argmap.check`), listed.
        width: the width text is wrapped to.
        source: the formatted reference of the mapped work; by default its key.
    """
    lines: list[str] = [amap.title, "=" * min(len(amap.title), width)]
    lines.append(f"map: {amap.id}")
    if amap.source is not None:
        where = f", {amap.source.locator}" if amap.source.locator else ""
        text = f"{source} [{amap.source.key}{where}]" if source else amap.source.key + where
        lines.extend(
            textwrap.wrap(
                f"source: {text}",
                width=width,
                subsequent_indent="  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    if amap.authors:
        lines.append("mapped by: " + ", ".join(amap.authors))
    lines.append("")
    thesis = amap.thesis
    if thesis is not None:
        lines.append(f"Thesis [{thesis.id}]")
        lines.extend(_wrapped(thesis.text, width))
    else:
        lines.append("Thesis: none marked")
    sides = (("Push factors", amap.push_factors), ("Pull factors", amap.pull_factors))
    for title, factors in sides:
        lines.append("")
        lines.append(f"{title} ({len(factors)})")
        for f in factors:
            weight = f"  weight {f.weight:g}" if f.weight is not None else ""
            lines.append(f"  {'+' if f.direction == 'push' else '-'} {f.label} [{f.id}]{weight}")
    for entry in balance(amap):
        target = amap.node(entry.target).label if amap.has_node(entry.target) else entry.target
        sums = (
            f"; weights {entry.push_weight:g} push vs {entry.pull_weight:g} pull"
            if entry.is_weighted
            else ""
        )
        lines.append(f"  balance on {target}: {len(entry.push)} push, {len(entry.pull)} pull{sums}")
    counts = amap.counts()
    lines.append("")
    parts = [
        f"{counts.get(kind, 0)} {_plural(kind, counts.get(kind, 0))}"
        for kind in ("claim", "evidence", "factor", "question")
    ]
    lines.append(
        "Counts: "
        + ", ".join(parts)
        + f"; {counts['relations']} "
        + _plural("relation", counts["relations"])
    )
    errors = [i for i in (issues or []) if i.is_error]
    warnings = [i for i in (issues or []) if not i.is_error]
    lines.append("")
    if errors:
        lines.append(f"Errors ({len(errors)})")
        lines.extend(f"  {e}" for e in errors)
    if warnings:
        lines.append(f"Warnings ({len(warnings)})")
        lines.extend(f"  {w}" for w in warnings)
    else:
        lines.append("Warnings: none")
    return "\n".join(lines) + "\n"


def _plural(word: str, count: int) -> str:
    if count == 1 or word == "evidence":
        return word
    return word + "s"


def _wrapped(text: str, width: int) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()), width=width - 2, initial_indent="  ", subsequent_indent="  "
    )
