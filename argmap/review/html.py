"""A review as one HTML page: every user text escaped, and a Content-Security-Policy that
lets the page run nothing and load nothing but its own style sheet."""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable, Sequence

from argmap.review.markdown import STATUS_ORDER
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

__all__ = ["CSS", "format_html"]

#: The page's one style sheet, allowed by its hash.
CSS = """\
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.25rem; }
code { font-size: 0.9em; background: #f2f2f2; padding: 0 0.2em; }
.status { font-weight: 600; padding: 0 0.3em; border-radius: 0.2em; }
.status-raised { background: #fde2c8; } .status-answered { background: #d6f0d6; }
.status-open { background: #eeeeee; }
.kind { font-style: italic; color: #555; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def format_html(reviews: Sequence[MapReview], *, title: str | None = None) -> str:
    """The reviews as one whole HTML document, a section each.

    >>> from argmap.review.report import MapReview
    >>> page = format_html([MapReview("m", "<script>", None, (), (), (), (), (), ())])
    >>> "<script>" in page, "&lt;script&gt;" in page, "default-src 'none'" in page
    (False, True, True)
    """
    if title is None:
        title = "Review: " + reviews[0].title if len(reviews) == 1 else "Review of maps"
    digest = base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    body = "\n".join(_review(review, level=2 if len(reviews) > 1 else 1) for review in reviews)
    heading = f"<h1>{_e(title)}</h1>\n" if len(reviews) > 1 else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="generator" content="argmap">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{heading}{body}</main>\n</body>\n</html>\n"
    )


def _ref(ref: Ref) -> str:
    where = f" of map <code>{_e(ref.map_id)}</code>" if ref.map_id is not None else ""
    return f"<strong>{_e(ref.label)}</strong>{where}"


def _refs(refs: Iterable[Ref], *, with_kind: bool = False) -> str:
    parts = []
    for ref in refs:
        text = _ref(ref)
        if with_kind and ref.kind not in PLAIN_KINDS:
            text += f' <span class="kind">({_e(ref.kind)})</span>'
        parts.append(text)
    return ", ".join(parts)


def _review(review: MapReview, *, level: int) -> str:
    h, h2, h3 = f"h{level}", f"h{level + 1}", f"h{level + 2}"
    out = [f'<section id="{_e(review.map_id)}">', f"<{h}>Review: {_e(review.title)}</{h}>"]
    head = f"Map <code>{_e(review.map_id)}</code>"
    if review.source is not None:
        head += f"; the work mapped: <code>{_e(review.source)}</code>"
    counts = review.question_counts()
    out += [
        f"<p>{head}.</p>",
        f"<p>{len(review.inferences)} inferences; critical questions: "
        f"{counts['raised']} raised, {counts['answered']} answered, {counts['open']} open.</p>",
        f"<{h2}>Inferences and their critical questions</{h2}>",
    ]
    if not review.inferences:
        out.append("<p>The map has no inferences.</p>")
    for number, inference in enumerate(review.inferences, start=1):
        out += _inference(number, inference, h3)
    out += [f"<{h2}>Claims without support</{h2}>"]
    out += _items(
        (f"{_ref(r)} (<code>{_e(r.id)}</code>)" for r in review.unsupported),
        none="Every claim has support in the map.",
    )
    out += [f"<{h2}>Claims that rest on one source</{h2}>"]
    out += _items(
        (
            f"<code>{_e(g.key)}</code>"
            + (" (the work mapped)" if g.is_mapped_work else "")
            + f": {_refs(g.claims)}"
            for g in review.single_source
        ),
        none="No claim rests on a single source.",
    )
    out += [f"<{h2}>Evidence without a locator or a quote</{h2}>"]
    out += _items(
        (
            f"{_ref(gap.node)}: no {' and no '.join(gap.missing)} in its citation of "
            + ", ".join(f"<code>{_e(k)}</code>" for k in gap.keys)
            for gap in review.evidence_gaps
        ),
        none="No evidence lacks a locator or a quote.",
    )
    out += [f"<{h2}>Support that rests only on another map</{h2}>"]
    out += _items(
        (
            f"{_ref(c.node)} rests on {_refs(c.rests_on)} ({_e(', '.join(c.via))})"
            for c in review.cross_map
        ),
        none="No claim rests only on another map.",
    )
    out += [f"<{h2}>Conclusions the analysis rejects</{h2}>"]
    if review.rejected:
        out.append(
            f"<p>Under {SEMANTICS} semantics: an attack, a pull or an undercut defeats its "
            "target when its source stands.</p>"
        )
    out += _items(
        (
            f"{_ref(r.argument)} (<code>{_e(r.argument.id)}</code>) is {_why(r)}"
            for r in review.rejected
        ),
        none="The analysis rejects none of the map's nodes.",
    )
    out.append("</section>")
    return "\n".join(out) + "\n"


def _inference(number: int, inference: InferenceReview, h: str) -> list[str]:
    relation = inference.relation
    premises = " + ".join(_ref(p) for p in inference.premises)
    out = [f"<{h}>{number}. {premises} → {_ref(inference.conclusion)}</{h}>"]
    line = f'<span class="kind">{_e(relation.kind)}</span> <code>{_e(relation.id)}</code>'
    out.append(f"<p>{line}; {_scheme(inference)}</p>")
    ordered = sorted(inference.questions, key=lambda q: STATUS_ORDER.index(q.status))
    if ordered:
        out.append("<ul>")
        out += [f"<li>{_question(q)}</li>" for q in ordered]
        out.append("</ul>")
    if inference.challenges:
        out.append(
            "<p>Challenged, without naming a critical question, by "
            f"{_refs(inference.challenges, with_kind=True)}.</p>"
        )
    if inference.rejection is not None:
        out.append(f"<p>The analysis rejects this inference, {_why(inference.rejection)}.</p>")
    return out


def _scheme(inference: InferenceReview) -> str:
    written = _e(inference.scheme or "")
    if inference.scheme_state == "found":
        return (
            f"scheme: <strong>{_e(inference.scheme_title or '')}</strong> "
            f"(<code>{_e(inference.scheme_id or '')}</code>)."
        )
    if inference.scheme_state == "unnamed":
        return f"no scheme chosen ({written})."
    if inference.scheme_state == "unknown":
        hint = (
            f"; did you mean <code>{_e(inference.suggestion)}</code>?"
            if inference.suggestion
            else ""
        )
        return f"scheme {written}, which the catalogue does not have{hint}."
    return "no scheme named."


def _question(question: QuestionReview) -> str:
    badge = f'<span class="status status-{question.status}">{question.status}</span>'
    what = f"(<code>{_e(question.ref)}</code>, {_e(question.kind)})"
    parts = []
    if question.raised_by:
        parts.append(f"raised by {_refs(question.raised_by, with_kind=True)}")
    if question.answered_by:
        parts.append(f"answered by {_refs(question.answered_by, with_kind=True)}")
    tail = f"; {'; '.join(parts)}" if parts else ""
    return f"{badge} {_e(question.text)} {what}{tail}"


def _why(rejection: Rejection) -> str:
    return why_rejected(rejection, _ref, _e)


def _items(items: Iterable[str], *, none: str) -> list[str]:
    found = [f"<li>{item}</li>" for item in items]
    if not found:
        return [f"<p>{none}</p>"]
    return ["<ul>", *found, "</ul>"]
