"""The analysis report of ``argmap analyze`` as data and as text, and what diagrams show.

:func:`analyze` gathers, for a framework (and the map it came from, if any), the verdicts
on the map's thesis and outcomes (proof standards), the chosen Dung semantics, gradual
strengths, push/pull balances, force fields and, on request, explanations, into plain
data whose JSON form is stable for scripts: keys sorted, extensions and arguments in the
framework's order, strengths rounded to six decimals. :func:`format_report` writes it for
people, every node by its title.

The layers answer different questions and the report keeps them apart: the verdicts
weigh pros and cons (pushes, pulls, supports, attacks) by proof standards; Dung's
semantics say which claims survive attack, where pushes and pulls are no attacks; the
gradual semantics grade strength; the balance sums the factors' weights. Where a verdict
and Dung's grounded labelling, or preponderance and the balance's sums, read a node
differently, the verdict's notes say why.

For diagrams and pages: :func:`node_annotations` labels and colours every node by an
analysis (:func:`diagram_annotations` gives the labels and legend alone), and
:func:`verdicts` gives the verdicts as :class:`~argmap.analysis.verdict.Verdict` values
for a side panel.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from argmap.analysis.balance import Balance, ForceField, balance, force_field
from argmap.analysis.dung import Semantics, extensions, labelling
from argmap.analysis.explain import explain
from argmap.analysis.framework import Framework, base_scores, to_framework
from argmap.analysis.gradual import DEFAULT_BASE, GradualSemantics, compute_strengths
from argmap.analysis.standards import ReasonResult, Truth, weigh
from argmap.analysis.verdict import STANDARD_NAMES, Verdict, node_labels, verdict_on, verdicts
from argmap.model import ArgumentMap, ProofStandard

__all__ = [
    "DiagramAnalysis",
    "NodeAnnotations",
    "Tone",
    "analyze",
    "diagram_annotations",
    "dump_report",
    "format_report",
    "node_annotations",
    "verdicts",
]

DiagramAnalysis: TypeAlias = Literal["grounded", "preferred", "df-quad", "verdict"]
#: How a diagram may colour a node: it stands, it falls, or the analysis leaves it open.
Tone: TypeAlias = Literal["stands", "falls", "open"]
Report: TypeAlias = dict[str, Any]

_TONES: dict[str, Tone] = {"in": "stands", "out": "falls", "undec": "open"}
_TRUTH_TONES: dict[Truth, Tone] = {"yes": "stands", "no": "falls", "open": "open"}
_SHORT: dict[ProofStandard, str] = {
    "scintilla": "scintilla",
    "preponderance": "preponderance",
    "clear-and-convincing": "clear and convincing",
    "beyond-reasonable-doubt": "beyond reasonable doubt",
    "dialectical-validity": "dialectical validity",
}


def analyze(
    fw: Framework,
    *,
    amap: ArgumentMap | None = None,
    semantics: Sequence[Semantics] = ("grounded",),
    gradual: Sequence[GradualSemantics] = (),
    base: float | None = None,
    explaining: Sequence[str] = (),
    standard: ProofStandard = "preponderance",
) -> Report:
    """The report on ``fw``; with ``amap``, also its verdicts, balances and force fields.

    Args:
        fw: the framework (of ``amap``, or read from an ICCMA file).
        amap: the map ``fw`` came from, if any.
        semantics: the Dung semantics to compute.
        gradual: the gradual semantics whose strengths to compute.
        base: the base score of the gradual semantics; by default each semantics' own
            (:data:`~argmap.analysis.gradual.DEFAULT_BASE`). With a map, weighted factors
            start from their weight.
        explaining: arguments to explain (why each has its label, and for a map's node
            the verdict of the proof standards).
        standard: the proof standard of the map's nodes that set none.

    >>> report = analyze(Framework("ab", attacks=[("a", "b")]), gradual=["h-categorizer"])
    >>> report["semantics"]["grounded"]["extensions"]
    [['a']]
    >>> report["strengths"]["h-categorizer"]["values"]
    {'a': 1.0, 'b': 0.5}

    Raises:
        ValueError: an argument to explain is not in the framework.
    """
    order = {name: i for i, name in enumerate(fw.arguments)}
    report: Report = {
        "arguments": len(fw.arguments),
        "attacks": len(fw.attacks),
        "supports": len(fw.supports),
        "semantics": {},
        "strengths": {},
    }
    for name in semantics:
        found = extensions(fw, name)
        status = labelling(fw, name)
        report["semantics"][name] = {
            "extensions": [sorted(e, key=order.__getitem__) for e in found],
            "labelling": {
                label: [a for a in fw.arguments if status[a] == label]
                for label in ("in", "out", "undec")
            },
        }
    for method in gradual:
        default = DEFAULT_BASE[method] if base is None else base
        scores = base_scores(amap, default=default) if amap is not None else default
        result = compute_strengths(fw, method, base=scores)
        report["strengths"][method] = {
            "base": default,
            "values": {a: round(v, 6) for a, v in result.values.items()},
            "iterations": result.iterations,
            "residual": result.residual,
            "converged": result.converged,
        }
    found_verdicts: list[Verdict] = []
    if amap is not None:
        found_verdicts = verdicts(amap, default=standard)
        report["map"] = amap.id
        report["title"] = amap.title
        report["labels"] = node_labels(amap)
        report["verdicts"] = [v.to_dict() for v in found_verdicts]
        report["balances"] = [_balance(b) for b in balance(amap)]
        report["force_fields"] = [_field(f) for f in force_field(amap)]
    if explaining:
        report["explanations"] = _explanations(fw, amap, explaining, semantics, standard)
    return report


def dump_report(report: Report) -> str:
    """The report as JSON text (keys sorted, two-space indent)."""
    return json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def format_report(report: Report, *, width: int = 88) -> str:
    """The report as text for people: the verdicts first, every node by its title."""
    labels: dict[str, str] = report.get("labels", {})

    def name(argument: str) -> str:
        return labels.get(argument, argument)

    lines = []
    if "title" in report:
        lines.append(f"{report['title']} [{report['map']}]")
    if report.get("verdicts"):
        lines.extend(["", "Verdicts: pros and cons weighed by proof standards (Carneades)"])
        for verdict in report["verdicts"]:
            lines.extend(_verdict_lines(verdict, width))
    if lines:
        lines.append("")
    heading = "Which claims stand: Dung's semantics on attacks between claims"
    if "map" in report:
        heading += " (pushes and pulls are weighed above, not attacks)"
    lines.append(_wrapped(heading, width, 2))
    lines.append(
        f"{_count(report['arguments'], 'argument')}, {_count(report['attacks'], 'attack')}, "
        f"{_count(report['supports'], 'support')}"
    )
    separator = "; " if labels else ", "
    for semantics, entry in report["semantics"].items():
        count = len(entry["extensions"])
        lines.extend(["", f"{semantics}: {_count(count, 'extension')}"])
        for number, members in enumerate(entry["extensions"], start=1):
            prefix = f"  {number}. {{"
            shown = separator.join(name(a) for a in members)
            lines.append(_wrapped(prefix + shown + "}", width, len(prefix)))
        heading = "status" if semantics in ("grounded", "ideal") else "status in every extension"
        lines.append(f"  {heading}:")
        for label, members in entry["labelling"].items():
            if members:
                shown = separator.join(name(a) for a in members)
                lines.append(_wrapped(f"    {label:<5}  {shown}", width, 11))
    for method, entry in report["strengths"].items():
        how = (
            f"converged in {_count(entry['iterations'], 'iteration')}"
            if entry["converged"]
            else f"did NOT converge: {entry['iterations']} iterations, residual "
            f"{entry['residual']:.3g}"
        )
        lines.extend(["", f"{method} strengths (base {entry['base']:g}; {how}):"])
        for argument, value in sorted(entry["values"].items(), key=lambda kv: -kv[1]):
            lines.append(_wrapped(f"  {value:.3f}  {name(argument)}", width, 9))
    for entry in report.get("balances", []):
        lines.extend(["", _wrapped(_balance_text(entry, labels), width, 2)])
        lines.extend(_wrapped(f"  {line}", width, 4) for line in _balance_details(entry, labels))
    for entry in report.get("force_fields", []):
        target = name(entry["target"])
        lines.extend(
            ["", _wrapped(f"Force field on {target}: {_field_text(entry, labels)}", width, 2)]
        )
    for argument, entry in report.get("explanations", {}).items():
        lines.extend(["", f"Why {name(argument)}:"])
        lines.extend(_wrapped(f"  {text}", width, 4) for text in entry["text"])
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class NodeAnnotations:
    """What a diagram shows of an analysis: a label and a tone for nodes, and a legend."""

    labels: dict[str, str]
    tones: dict[str, Tone]
    key: str


def node_annotations(amap: ArgumentMap, analysis: DiagramAnalysis) -> NodeAnnotations:
    """Labels, tones (for colours) and a legend for the nodes of ``amap`` under an analysis.

    ``verdict`` labels every node with the proof standards' answer (``holds:
    preponderance``, ``accepted``); ``grounded`` and ``preferred`` with Dung's status;
    ``df-quad`` with the strength, which has no tone.

    >>> from argmap import read_map
    >>> marks = node_annotations(read_map("maps/shagina-2018-japan-sanctions.yaml"), "verdict")
    >>> marks.labels["sanctions-imposed"], marks.tones["sanctions-imposed"]
    ('accepted; contested', 'stands')
    """
    nodes = {n.id for n in amap.nodes}
    if analysis == "verdict":
        weighing = weigh(amap)
        labels: dict[str, str] = {}
        tones: dict[str, Tone] = {}
        for node, result in weighing.statements.items():
            text: str
            if result.basis in ("accepted", "rejected"):
                text = result.basis
                if result.basis == "accepted" and any(
                    weighing.reasons[r].applies == "yes" for r in result.cons
                ):
                    text += "; contested"
            elif result.basis == "standard":
                word = {"yes": "holds", "no": "fails", "open": "open"}[result.holds]
                text = f"{word}: {_SHORT[result.standard]}"
            elif result.basis == "stated":
                text = "stated"
            elif result.basis == "questioned":
                text = "questioned"
            else:
                text = "question"
            labels[node] = text
            if result.basis != "question":
                tones[node] = _TRUTH_TONES[result.holds]
        key = (
            "verdict of the proof standards (Carneades): holds or fails by the node's "
            "standard (preponderance unless it sets one), open where weights would decide; "
            "accepted: stated as fact (contested: a con stands against it); stated: nothing argues "
            "about it."
        )
        return NodeAnnotations(labels, tones, key)
    fw = to_framework(amap)
    if analysis == "df-quad":
        values = compute_strengths(fw, "df-quad", base=base_scores(amap)).values
        notes = {a: f"DF-QuAD {v:.2f}" for a, v in values.items() if a in nodes}
        key = (
            "DF-QuAD strength from 0 to 1 (Rago et al. 2016): supports raise it, attacks "
            "lower it; base score 0.5, or the factor's weight; pushes and pulls are weighed "
            "by the verdicts, not here."
        )
        return NodeAnnotations(notes, {}, key)
    status = labelling(fw, analysis)
    notes = {a: f"{analysis}: {v}" for a, v in status.items() if a in nodes}
    tones = {a: _TONES[v] for a, v in status.items() if a in nodes}
    every = "" if analysis == "grounded" else " in every preferred extension"
    key = (
        f"status under Dung's {analysis} semantics: in (accepted{every}), out (attacked by "
        "an accepted argument), undec (neither); attacks count, pushes and pulls do not."
    )
    return NodeAnnotations(notes, tones, key)


def diagram_annotations(amap: ArgumentMap, analysis: DiagramAnalysis) -> tuple[dict[str, str], str]:
    """Node annotations for :func:`argmap.to_dot` and the legend text that explains them.

    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[Claim(id="a", text="A"),
    ...     Claim(id="b", text="B")], relations=[Relation(kind="attacks", source="a", target="b")])
    >>> diagram_annotations(amap, "grounded")[0]
    {'a': 'grounded: in', 'b': 'grounded: out'}
    """
    marks = node_annotations(amap, analysis)
    return marks.labels, marks.key


# -- report parts ------------------------------------------------------------------------------


def _explanations(
    fw: Framework,
    amap: ArgumentMap | None,
    names: Sequence[str],
    semantics: Sequence[Semantics],
    standard: ProofStandard,
) -> Report:
    labels = node_labels(amap) if amap is not None else {}
    reasons = weigh(amap, default=standard).reasons if amap is not None else {}
    found: Report = {}
    for argument in names:
        if argument not in fw and argument not in reasons:
            raise ValueError(f"{argument!r} is not an argument of the framework")
        # Pushes and pulls are no arguments of the framework: only their weighing says
        # anything about them.
        dung = [explain(fw, argument, s) for s in semantics] if argument in fw else []
        entry: Report = {
            "dung": [e.to_dict() for e in dung],
            "text": [e.text(labels) for e in dung],
        }
        if amap is not None and amap.has_node(argument):
            verdict = verdict_on(amap, argument, default=standard)
            entry["verdict"] = verdict.to_dict()
            entry["text"].insert(0, verdict.headline)
        elif argument in reasons:
            entry["text"].insert(0, _reason_text(reasons[argument], labels))
            entry["applies"] = reasons[argument].applies
        found[argument] = entry
    return found


def _reason_text(result: ReasonResult, labels: dict[str, str]) -> str:
    """Whether a relation's argument applies, for the proof standards, in a sentence."""
    r = result.reason
    kind = _KINDS.get(r.kind, r.kind)
    premises = " + ".join(labels.get(p, p) for p in r.premises)
    target = labels.get(r.conclusion, r.conclusion)
    head = f"The {kind} from {premises} to {target}"
    if result.applies == "yes":
        return f"{head} applies: its premises hold and no exception does."
    reasons = [f"{labels.get(p, p)} does not hold" for p in result.failing]
    reasons += [f"undercut by {labels.get(e, e).split(' → ')[0]}" for e in result.undercut_by]
    verb = "does not apply" if result.applies == "no" else "may not apply"
    return f"{head} {verb}: " + "; ".join(reasons) + "."


def _verdict_lines(verdict: Report, width: int) -> list[str]:
    roles = f"[{' and '.join(verdict['roles'])}] " if verdict["roles"] else ""
    lines = ["", _wrapped(roles + verdict["headline"], width, 2)]
    for side, mark in (("pros", "+"), ("cons", "-")):
        for c in verdict[side]:
            text = f"  {mark} {c['title']} ({_KINDS.get(c['kind'], c['kind'])}"
            text += f", weight {c['weight']:g})" if c["weight"] is not None else ")"
            if c["applies"] == "no":
                text += f": does not apply, {c['why']}"
            elif c["applies"] == "open":
                text += f": may not apply, {c['why']}"
            lines.append(_wrapped(text, width, 4))
    if verdict["flip"]:
        name = STANDARD_NAMES[verdict["standard"]]
        lines.append(_wrapped(f"  what would flip {name}: {verdict['flip']}", width, 4))
    lines.extend(_wrapped(f"  {note}", width, 4) for note in verdict["notes"])
    return lines


_KINDS = {
    "supports": "support",
    "attacks": "attack",
    "pushes": "push",
    "pulls": "pull",
    "undercuts": "undercut",
}


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _balance(entry: Balance) -> Report:
    return {
        "target": entry.target,
        "verdict": entry.verdict,
        "push_weight": round(entry.push_weight, 9),
        "pull_weight": round(entry.pull_weight, 9),
        "margin": round(entry.margin, 9),
        "push": [f.id for f in entry.push],
        "pull": [f.id for f in entry.pull],
        "deciding": [f.id for f in entry.deciding],
        "unweighted": [f.id for f in entry.unweighted],
        "flips": [
            {"factor": c.factor, "weight": c.weight, "tie": round(c.tie, 9)} for c in entry.flips
        ],
    }


def _field(entry: ForceField) -> Report:
    return {
        "target": entry.target,
        "verdict": entry.verdict,
        "driving_total": entry.driving_total,
        "restraining_total": entry.restraining_total,
        "driving": [{"factor": f.factor.id, "score": f.score} for f in entry.driving],
        "restraining": [{"factor": f.factor.id, "score": f.score} for f in entry.restraining],
        "unscored": [f.id for f in entry.unscored],
    }


def _balance_text(entry: Report, labels: dict[str, str]) -> str:
    target = labels.get(entry["target"], entry["target"])
    push, pull = len(entry["push"]), len(entry["pull"])
    head = f"Balance of weights on {target}: {push} push, {pull} pull"
    if entry["verdict"] == "unweighted":
        return f"{head}; no factor has a weight, so the sums give no verdict"
    sums = f"weights {entry['push_weight']:g} push vs {entry['pull_weight']:g} pull"
    if entry["verdict"] == "tie":
        return f"{head}; {sums}: a tie"
    return f"{head}; {sums}: {entry['verdict']} prevails by {entry['margin']:g}"


def _balance_details(entry: Report, labels: dict[str, str]) -> list[str]:
    def names(ids: list[str]) -> str:
        return "; ".join(labels.get(i, i) for i in ids)

    lines = []
    if entry["verdict"] in ("push", "pull"):
        deciding = names(entry["deciding"]) or "none alone"
        lines.append(f"deciding (each one alone): {deciding}")
        if entry["flips"]:
            changes = "; ".join(
                f"{labels.get(c['factor'], c['factor'])} {c['weight']:g} -> {c['tie']:g}"
                for c in entry["flips"]
            )
            lines.append(f"smallest flip: a change of {entry['margin']:g}, past a tie: {changes}")
        else:
            lines.append("smallest flip: no single weight change within [0, 1] can flip it")
    elif entry["verdict"] == "tie":
        lines.append("any change of any weighted factor tips it")
    if entry["unweighted"]:
        lines.append(
            f"unweighted, not counted: {names(entry['unweighted'])}"
            if entry["verdict"] != "unweighted"
            else f"unweighted: {names(entry['unweighted'])}"
        )
    return lines


def _field_text(entry: Report, labels: dict[str, str]) -> str:
    if entry["verdict"] == "unscored":
        return "no force has a score (meta.force from 1 to 5, or a weight)"
    text = (
        f"driving {entry['driving_total']} vs restraining {entry['restraining_total']}: "
        f"{entry['verdict']}"
    )
    if entry["unscored"]:
        text += "; unscored: " + "; ".join(labels.get(i, i) for i in entry["unscored"])
    return text


def _wrapped(line: str, width: int, hang: int) -> str:
    """The line wrapped to ``width``, its continuation lines indented ``hang`` spaces."""
    lead = line[: len(line) - len(line.lstrip())]
    return "\n".join(
        textwrap.wrap(
            line.strip(),
            width,
            initial_indent=lead,
            subsequent_indent=" " * hang,
            break_long_words=False,
            break_on_hyphens=False,
        )
    )
