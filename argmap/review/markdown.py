"""A review as Markdown, to paste into a referee report: every user text escaped."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from argmap.review.report import (
    PLAIN_KINDS,
    SEMANTICS,
    InferenceReview,
    MapReview,
    QuestionReview,
    Ref,
    Rejection,
    why_rejected,
)

__all__ = ["escape_markdown", "format_markdown"]

# Inline text only, always after other text on its line: what starts a block ("-", "1.")
# cannot, and links and images cannot open without their brackets.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~^$&])")
_SPACE = re.compile(r"\s+")

#: The order questions are listed in: what is in dispute first.
STATUS_ORDER = ("raised", "answered", "open")


def escape_markdown(text: str) -> str:
    r"""Text as Markdown shows it literally: markup characters escaped, on one line.

    >>> escape_markdown("a_b *c* [1](x) <b> & co-op")
    'a\\_b \\*c\\* \\[1\\](x) \\<b\\> \\& co-op'
    >>> escape_markdown("two\n\n# lines")
    'two \\# lines'
    """
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text).strip())


def _code(text: str) -> str:
    """An id in a code span (ids hold no backtick; anything else is escaped text)."""
    return f"`{text}`" if "`" not in text and text.strip() == text else escape_markdown(text)


def _ref(ref: Ref) -> str:
    label = f"**{escape_markdown(ref.label)}**"
    where = f" of map {_code(ref.map_id)}" if ref.map_id is not None else ""
    return f"{label}{where}"


def _refs(refs: Iterable[Ref], *, with_kind: bool = False) -> str:
    parts = []
    for ref in refs:
        text = _ref(ref)
        if with_kind and ref.kind not in PLAIN_KINDS:
            text += f" ({escape_markdown(ref.kind)})"
        parts.append(text)
    return ", ".join(parts)


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def format_markdown(reviews: Sequence[MapReview]) -> str:
    """The reviews as one Markdown document, a top-level section each."""
    return "\n".join(_review(review) for review in reviews)


def _review(review: MapReview) -> str:
    lines = [f"# Review: {escape_markdown(review.title)}", ""]
    head = f"Map {_code(review.map_id)}"
    if review.source is not None:
        head += f"; the work mapped: {_code(review.source)}"
    lines += [head + ".", "", _summary(review), ""]
    lines += ["## Inferences and their critical questions", ""]
    if not review.inferences:
        lines += ["The map has no inferences.", ""]
    for number, inference in enumerate(review.inferences, start=1):
        lines += _inference(number, inference)
    lines += ["## Claims without support", ""]
    lines += _items(
        (f"{_ref(r)} ({_code(r.id)})" for r in review.unsupported),
        none="Every claim has support in the map.",
    )
    lines += ["## Claims that rest on one source", ""]
    lines += _items(
        (
            f"{_code(group.key)}"
            + (" (the work mapped)" if group.is_mapped_work else "")
            + f": {_refs(group.claims)}"
            for group in review.single_source
        ),
        none="No claim rests on a single source.",
    )
    lines += ["## Evidence without a locator or a quote", ""]
    lines += _items(
        (
            f"{_ref(gap.node)} ({_code(gap.node.id)}): no {' and no '.join(gap.missing)} "
            f"in its citation of {', '.join(_code(k) for k in gap.keys)}"
            for gap in review.evidence_gaps
        ),
        none="No evidence lacks a locator or a quote.",
    )
    lines += ["## Support that rests only on another map", ""]
    lines += _items(
        (
            f"{_ref(item.node)} rests on {_refs(item.rests_on)} "
            f"({', '.join(escape_markdown(v) for v in item.via)})"
            for item in review.cross_map
        ),
        none="No claim rests only on another map.",
    )
    lines += ["## Conclusions the analysis rejects", ""]
    if review.rejected:
        lines += [
            f"Under {SEMANTICS} semantics (as `argmap analyze` computes them: an attack, a "
            "pull or an undercut defeats its target when its source stands):",
            "",
        ]
    lines += _items(
        (_rejection(r) for r in review.rejected),
        none=f"The analysis ({review.semantics} semantics) rejects none of the map's nodes.",
    )
    return "\n".join(lines).rstrip() + "\n"


def _summary(review: MapReview) -> str:
    counts = review.question_counts()
    named = sum(1 for i in review.inferences if i.scheme_state == "found")
    total = sum(counts.values())
    parts = [
        f"{_plural(len(review.inferences), 'inference')}, {named} with a scheme of the catalogue",
    ]
    if total:
        parts.append(
            f"{_plural(total, 'critical question')}: {counts['raised']} raised, "
            f"{counts['answered']} answered, {counts['open']} open"
        )
    parts += [
        f"{_plural(len(review.unsupported), 'claim')} without support",
        f"{_plural(sum(len(g.claims) for g in review.single_source), 'claim')} on one source",
        f"{_plural(len(review.evidence_gaps), 'piece')} of evidence without a locator or a quote",
        f"{_plural(len(review.cross_map), 'node')} resting only on another map",
        f"{_plural(len(review.rejected), 'conclusion')} the analysis rejects",
    ]
    return "**In short:** " + "; ".join(parts) + "."


def _inference(number: int, inference: InferenceReview) -> list[str]:
    relation = inference.relation
    premises = " + ".join(_ref(p) for p in inference.premises)
    title = f"### {number}. {premises} → {_ref(inference.conclusion)}"
    lines = [title, ""]
    kind = f"*{escape_markdown(relation.kind)}* {_code(relation.id)}"
    lines += [f"{kind}; {_scheme(inference)}", ""]
    ordered = sorted(inference.questions, key=lambda q: STATUS_ORDER.index(q.status))
    lines += [_question(q) for q in ordered]
    if ordered:
        lines.append("")
    if inference.challenges:
        lines += [
            f"Challenged, without naming a critical question, by "
            f"{_refs(inference.challenges, with_kind=True)}.",
            "",
        ]
    if inference.rejection is not None:
        lines += [f"The analysis rejects this inference, {_why(inference.rejection)}.", ""]
    return lines


def _scheme(inference: InferenceReview) -> str:
    written = inference.scheme
    if inference.scheme_state == "found":
        title = escape_markdown(inference.scheme_title or "")
        return f"scheme: **{title}** ({_code(inference.scheme_id or '')})."
    if inference.scheme_state == "unnamed":
        return f"no scheme chosen ({escape_markdown(written or '')})."
    if inference.scheme_state == "unknown":
        hint = f"; did you mean {_code(inference.suggestion)}?" if inference.suggestion else ""
        return f"scheme {escape_markdown(written or '')}, which the catalogue does not have{hint}."
    return "no scheme named."


def _question(question: QuestionReview) -> str:
    text = escape_markdown(question.text)
    what = f"{_code(question.ref)}, {question.kind}"
    if question.status == "open":
        return f"- **open**: {text} ({what})"
    parts = []
    if question.raised_by:
        parts.append(f"raised by {_refs(question.raised_by, with_kind=True)}")
    if question.answered_by:
        parts.append(f"answered by {_refs(question.answered_by, with_kind=True)}")
    return f"- **{question.status}**: {text} ({what}); {'; '.join(parts)}"


def _why(rejection: Rejection) -> str:
    return why_rejected(rejection, _ref, escape_markdown)


def _rejection(rejection: Rejection) -> str:
    argument = rejection.argument
    return f"{_ref(argument)} ({_code(argument.id)}) is {_why(rejection)}"


def _items(items: Iterable[str], *, none: str) -> list[str]:
    found = [f"- {item}" for item in items]
    return [*(found or [none]), ""]
