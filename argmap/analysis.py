"""Analyses of a map that read it without changing it: summaries and push/pull balances."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from argmap.errors import Issue
from argmap.model import ArgumentMap, Factor

__all__ = ["Balance", "balance", "summarize"]


@dataclass(frozen=True, slots=True)
class Balance:
    """The push and pull factors acting on one node, and their summed weights.

    Unweighted factors are counted but add nothing to the sums.
    """

    target: str
    push: list[Factor] = field(default_factory=list)
    pull: list[Factor] = field(default_factory=list)

    @property
    def push_weight(self) -> float:
        """The sum of the push factors' weights."""
        return sum(f.weight or 0.0 for f in self.push)

    @property
    def pull_weight(self) -> float:
        """The sum of the pull factors' weights."""
        return sum(f.weight or 0.0 for f in self.pull)

    @property
    def is_weighted(self) -> bool:
        """True when any factor on the target has a weight."""
        return any(f.weight is not None for f in [*self.push, *self.pull])


def balance(amap: ArgumentMap) -> list[Balance]:
    """The push/pull balance on every node that a ``pushes`` or ``pulls`` relation targets.

    >>> from argmap.model import Claim, Factor, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[
    ...     Claim(id="d", text="Decision"),
    ...     Factor(id="p", text="P", direction="push", weight=0.75),
    ...     Factor(id="q", text="Q", direction="pull", weight=0.5)],
    ...     relations=[Relation(kind="pushes", source="p", target="d"),
    ...                Relation(kind="pulls", source="q", target="d")])
    >>> [(b.target, b.push_weight, b.pull_weight) for b in balance(amap)]
    [('d', 0.75, 0.5)]
    """
    factors = {f.id: f for f in amap.factors}
    result: dict[str, Balance] = {}
    for relation in amap.relations:
        if relation.kind not in ("pushes", "pulls"):
            continue
        entry = result.setdefault(relation.target, Balance(relation.target))
        side = entry.push if relation.kind == "pushes" else entry.pull
        for source in relation.sources:
            factor = factors.get(source)
            if factor is not None and factor not in side:
                side.append(factor)
    return list(result.values())


def summarize(
    amap: ArgumentMap,
    issues: list[Issue] | None = None,
    *,
    width: int = 88,
    source: str | None = None,
) -> str:
    """A readable summary: title, source, thesis, push and pull factors, counts, warnings.

    Args:
        amap: the map.
        issues: the map's problems (from :func:`argmap.check`); warnings are listed.
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
    warnings = [i for i in (issues or []) if not i.is_error]
    lines.append("")
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
