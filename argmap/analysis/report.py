"""The analysis report of ``argmap analyze`` as data and as text, and diagram annotations.

:func:`analyze` gathers, for a framework (and the map it came from, if any), the chosen
Dung semantics, gradual strengths, push/pull balances and force fields into plain data
whose JSON form is stable for scripts: keys sorted, extensions and arguments in the
framework's order, strengths rounded to six decimals.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

from argmap.analysis.balance import Balance, ForceField, balance, force_field
from argmap.analysis.dung import Semantics, extensions, labelling
from argmap.analysis.framework import Framework, base_scores, to_framework
from argmap.analysis.gradual import GradualSemantics, compute_strengths
from argmap.model import ArgumentMap

__all__ = ["DiagramAnalysis", "analyze", "diagram_annotations", "dump_report", "format_report"]

DiagramAnalysis: TypeAlias = Literal["grounded", "preferred", "df-quad"]
Report: TypeAlias = dict[str, Any]


def analyze(
    fw: Framework,
    *,
    amap: ArgumentMap | None = None,
    semantics: Sequence[Semantics] = ("grounded",),
    gradual: Sequence[GradualSemantics] = (),
    base: float = 0.5,
) -> Report:
    """The report on ``fw``; with ``amap``, also its balances, force fields and labels.

    With a map, factor weights are the base scores of the gradual semantics and ``base``
    that of every other argument.

    >>> report = analyze(Framework("ab", attacks=[("a", "b")]), gradual=["h-categorizer"])
    >>> report["semantics"]["grounded"]["extensions"]
    [['a']]
    >>> report["strengths"]["h-categorizer"]["values"]
    {'a': 0.5, 'b': 0.333333}
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
    scores = base_scores(amap, default=base) if amap is not None else base
    for method in gradual:
        result = compute_strengths(fw, method, base=scores)
        report["strengths"][method] = {
            "values": {a: round(v, 6) for a, v in result.values.items()},
            "iterations": result.iterations,
            "residual": result.residual,
            "converged": result.converged,
        }
    if amap is not None:
        report["map"] = amap.id
        report["title"] = amap.title
        report["labels"] = {n.id: n.label for n in amap.nodes}
        report["balances"] = [_balance(b) for b in balance(amap)]
        report["force_fields"] = [_field(f) for f in force_field(amap)]
    return report


def dump_report(report: Report) -> str:
    """The report as JSON text (keys sorted, two-space indent)."""
    return json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def format_report(report: Report, *, width: int = 88) -> str:
    """The report as text for people."""
    labels: dict[str, str] = report.get("labels", {})
    lines = []
    if "title" in report:
        lines.append(f"{report['title']} [{report['map']}]")
    lines.append(
        f"{report['arguments']} arguments, {report['attacks']} attacks, "
        f"{report['supports']} supports"
    )
    for name, entry in report["semantics"].items():
        count = len(entry["extensions"])
        lines.extend(["", f"{name}: {count} extension{'s' if count != 1 else ''}"])
        for number, members in enumerate(entry["extensions"], start=1):
            prefix = f"  {number}. {{"
            lines.append(_wrapped(prefix + ", ".join(members) + "}", width, len(prefix)))
        heading = "status" if name in ("grounded", "ideal") else "status in every extension"
        lines.append(f"  {heading}:")
        for label, members in entry["labelling"].items():
            if members:
                lines.append(_wrapped(f"    {label:<5}  {', '.join(members)}", width, 11))
    for name, entry in report["strengths"].items():
        how = (
            f"converged in {entry['iterations']} iteration{'s' if entry['iterations'] != 1 else ''}"
            if entry["converged"]
            else f"did NOT converge: {entry['iterations']} iterations, residual "
            f"{entry['residual']:.3g}"
        )
        lines.extend(["", f"{name} strengths ({how}):"])
        for argument, value in sorted(entry["values"].items(), key=lambda kv: -kv[1]):
            label = labels.get(argument)
            lines.append(f"  {value:.3f}  {argument}" + (f"  {label}" if label else ""))
    for entry in report.get("balances", []):
        lines.extend(["", _wrapped(_balance_text(entry, labels), width, 2)])
        lines.extend(_wrapped(f"  {line}", width, 4) for line in _balance_details(entry))
    for entry in report.get("force_fields", []):
        target = labels.get(entry["target"], entry["target"])
        lines.extend(["", _wrapped(f"Force field on {target}: {_field_text(entry)}", width, 2)])
    return "\n".join(lines) + "\n"


def diagram_annotations(amap: ArgumentMap, analysis: DiagramAnalysis) -> tuple[dict[str, str], str]:
    """Node annotations for :func:`argmap.to_dot` and the legend text that explains them.

    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[Claim(id="a", text="A"),
    ...     Claim(id="b", text="B")], relations=[Relation(kind="attacks", source="a", target="b")])
    >>> diagram_annotations(amap, "grounded")[0]
    {'a': 'grounded: in', 'b': 'grounded: out'}
    """
    fw = to_framework(amap)
    nodes = {n.id for n in amap.nodes}
    if analysis == "df-quad":
        values = compute_strengths(fw, "df-quad", base=base_scores(amap)).values
        notes = {a: f"DF-QuAD {v:.2f}" for a, v in values.items() if a in nodes}
        key = (
            "DF-QuAD strength from 0 to 1 (Rago et al. 2016): supports and pushes raise it, "
            "attacks and pulls lower it; base score 0.5, or the factor's weight."
        )
        return notes, key
    status = labelling(fw, analysis)
    notes = {a: f"{analysis}: {v}" for a, v in status.items() if a in nodes}
    every = "" if analysis == "grounded" else " in every preferred extension"
    key = (
        f"status under Dung's {analysis} semantics: in (accepted{every}), out (attacked by "
        "an accepted argument), undec (neither); attacks and pulls count as attacks."
    )
    return notes, key


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
    head = f"Balance on {target}: {push} push, {pull} pull"
    if entry["verdict"] == "unweighted":
        return f"{head}; no factor has a weight, so there is no verdict"
    sums = f"weights {entry['push_weight']:g} push vs {entry['pull_weight']:g} pull"
    if entry["verdict"] == "tie":
        return f"{head}; {sums}: a tie"
    return f"{head}; {sums}: {entry['verdict']} prevails by {entry['margin']:g}"


def _balance_details(entry: Report) -> list[str]:
    lines = []
    if entry["verdict"] in ("push", "pull"):
        deciding = ", ".join(entry["deciding"]) or "none alone"
        lines.append(f"deciding (each one alone): {deciding}")
        if entry["flips"]:
            changes = ", ".join(
                f"{c['factor']} {c['weight']:g} -> {c['tie']:g}" for c in entry["flips"]
            )
            lines.append(f"smallest flip: a change of {entry['margin']:g}, past a tie: {changes}")
        else:
            lines.append("smallest flip: no single weight change within [0, 1] can flip it")
    elif entry["verdict"] == "tie":
        lines.append("any change of any weighted factor tips it")
    if entry["unweighted"]:
        lines.append(
            f"unweighted, not counted: {', '.join(entry['unweighted'])}"
            if entry["verdict"] != "unweighted"
            else f"unweighted: {', '.join(entry['unweighted'])}"
        )
    return lines


def _field_text(entry: Report) -> str:
    if entry["verdict"] == "unscored":
        return "no force has a score (meta.force from 1 to 5, or a weight)"
    text = (
        f"driving {entry['driving_total']} vs restraining {entry['restraining_total']}: "
        f"{entry['verdict']}"
    )
    if entry["unscored"]:
        text += f"; unscored: {', '.join(entry['unscored'])}"
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
