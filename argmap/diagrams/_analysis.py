"""What the HTML page shows of a map's analysis: the verdicts on its thesis and outcomes
(by node, and as a summary under the diagram) and its inferences' schemes with the state
of each critical question.

The page is read by people who cannot ask the map's author, so it carries the answers as
data for the side panel (:func:`verdict_data`, :func:`inference_data`) and as a short
summary in the page itself (:func:`verdict_summary`), which reads without the script and
prints.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from argmap.diagrams.theme import COLOR, Tone
from argmap.graph.convert import junction_key
from argmap.model import ArgumentMap, Relation

if TYPE_CHECKING:
    from argmap.analysis.verdict import Verdict
    from argmap.schemes.inferences import Inference

__all__ = ["inference_data", "verdict_data", "verdict_summary", "verdict_tone"]

_TONES: dict[str, Tone] = {"yes": "stands", "no": "falls", "open": "open"}


def verdict_tone(verdict: Verdict) -> Tone:
    """How the verdict reads its node: it stands (holds), falls (fails) or is left open."""
    return _TONES[verdict.holds]


def verdict_data(verdicts: Sequence[Verdict]) -> dict[str, dict[str, Any]]:
    """Each verdict as the side panel reads it, by node id: its JSON form and its tone.

    A pro or con names its premises by id (the panel links them by their labels), so
    their titles and its side, which the list it is in says, are left out.
    """
    found: dict[str, dict[str, Any]] = {}
    for verdict in verdicts:
        data = verdict.to_dict()
        del data["node"]
        for side in ("pros", "cons"):
            for item in data[side]:
                del item["title"], item["side"]
        data["tone"] = verdict_tone(verdict)
        found[verdict.node] = data
    return found


def _short(verdict: Verdict) -> str:
    """The verdict's first sentence without the node's title: ``holds by preponderance ...``.

    The headline says ``TITLE: VERDICT.`` and then, for a node that is argued about, how
    its pros and cons meet each standard; the summary keeps the first part.
    """
    head = verdict.headline
    prefix = f"{verdict.title}: "
    if not head.startswith(prefix):
        return head
    return head[len(prefix) :].split(". ", 1)[0].rstrip(".")


def _count(n: int, word: str) -> str:
    return f"no {word}" if n == 0 else f"{n} {word}{'' if n == 1 else 's'}"


def verdict_summary(verdicts: Sequence[Verdict]) -> str:
    """The verdicts on the thesis and outcomes as a short list under the diagram.

    Each line has the tone's mark, the node's title (a link that opens its panel), its
    roles, the verdict in a few words and how many pros and cons bear on it.

    >>> from argmap import read_map
    >>> from argmap.analysis.verdict import verdicts
    >>> summary = verdict_summary(verdicts(read_map("maps/shagina-2018-japan-sanctions.yaml")))
    >>> print(summary.split("<li")[1])  # doctest: +NORMALIZE_WHITESPACE
     class="argmap-tone-stands"><span class="argmap-mark" aria-label="stands">✓</span>
     <a href="#symbolic-sanctions">Symbolic sanctions</a> <span
     class="argmap-roles">(thesis)</span>: holds by preponderance of the evidence
     <span class="argmap-count">(2 pros, no con)</span></li>
    """
    if not verdicts:
        return ""
    rows = []
    for verdict in verdicts:
        tone = verdict_tone(verdict)
        mark = COLOR.tones[tone].mark
        target = html.escape("#" + quote(verdict.node, safe="-_.!~*'()"), quote=True)
        roles = " and ".join(verdict.roles)
        counts = f"{_count(len(verdict.pros), 'pro')}, {_count(len(verdict.cons), 'con')}"
        rows.append(
            f'<li class="argmap-tone-{tone}"><span class="argmap-mark" aria-label="{tone}">'
            f'{mark}</span> <a href="{target}">{html.escape(verdict.title)}</a> '
            f'<span class="argmap-roles">({html.escape(roles)})</span>: '
            f'{html.escape(_short(verdict))} <span class="argmap-count">({counts})</span></li>\n'
        )
    return (
        '<details id="argmap-verdicts" open><summary>Verdicts <span class="argmap-count">'
        "(pros and cons weighed by proof standards; open a node for why, and for what would "
        "change it)</span></summary>\n"
        f"<ul>\n{''.join(rows)}</ul></details>\n"
    )


def inference_data(
    amap: ArgumentMap, inferences: Sequence[Inference]
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """Each inference that names a scheme, as the side panel reads it, and its schemes.

    Inferences are keyed by the name of their junction in the diagram (the relation's
    id, or ``#relation-N``), so that a click on the junction opens one: its premises and
    conclusion, its scheme (by id), and the state of each of the scheme's critical
    questions, with the nodes (or relations) that answer or raise it. Schemes are keyed
    by id, with their title, premises, conclusion and questions, written once however
    many inferences use them.
    """
    relations = {r.id: (i, r) for i, r in enumerate(amap.relations) if r.id is not None}
    found: dict[str, dict[str, Any]] = {}
    schemes: dict[str, dict[str, Any]] = {}
    for inference in inferences:
        relation = inference.relation
        if relation.scheme is None:
            continue
        data: dict[str, Any] = {
            "kind": relation.kind,
            "premises": list(relation.sources),
            "conclusion": relation.target,
        }
        scheme = inference.scheme
        if scheme is None:
            data["named"] = relation.scheme
        else:
            data["scheme"] = scheme.id
            schemes.setdefault(
                scheme.id,
                {
                    "title": scheme.title,
                    "premises": [p.text for p in scheme.premises],
                    "conclusion": scheme.conclusion,
                    "questions": [{"kind": q.kind, "text": q.text} for q in scheme.questions],
                },
            )
        states = []
        for state in inference.questions:
            entry: dict[str, Any] = {"status": state.status}
            if state.answered_by:
                entry["answeredBy"] = [_element(amap, relations, e) for e in state.answered_by]
            if state.raised_by:
                entry["raisedBy"] = [_element(amap, relations, e) for e in state.raised_by]
            states.append(entry)
        data["questions"] = states
        if inference.challenges:
            data["challenges"] = [_element(amap, relations, c) for c in inference.challenges]
        found[junction_key(relation, inference.index)] = data
    return found, schemes


def _element(
    amap: ArgumentMap, relations: Mapping[str, tuple[int, Relation]], name: str
) -> dict[str, Any]:
    """A node or relation that answers or raises a question: a node by id, a relation by
    its kind and sources (``relations[i]`` names one without an id)."""
    if amap.has_node(name):
        return {"id": name}
    found = relations.get(name)
    if found is None and name.startswith("relations[") and name.endswith("]"):
        index = int(name[len("relations[") : -1])
        found = (index, amap.relations[index])
    if found is None:
        return {"id": name}
    relation = found[1]
    return {"ids": list(relation.sources), "kind": relation.kind}
