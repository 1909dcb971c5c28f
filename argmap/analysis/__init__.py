"""Analyses of a map: which claims stand, how strong they are, and how pros and cons weigh.

- :mod:`~argmap.analysis.framework`: :class:`Framework` and :func:`to_framework`, with the
  rules that turn a map's relations into attacks, supports and inference premises;
- :mod:`~argmap.analysis.dung`: Dung's extensions, labellings and acceptance, with
  :mod:`~argmap.analysis.asp` (clingo) for the components too large to search in Python;
- :mod:`~argmap.analysis.tasks`: ICCMA's reasoning tasks (DC, DS, SE);
- :mod:`~argmap.analysis.explain`: why an argument has its Dung label;
- :mod:`~argmap.analysis.gradual`: gradual strengths (h-categorizer, DF-QuAD, quadratic
  energy, Euler-based);
- :mod:`~argmap.analysis.standards`: pros and cons weighed by proof standards (Carneades);
- :mod:`~argmap.analysis.verdict`: verdicts in plain language on a map's thesis and outcomes;
- :mod:`~argmap.analysis.balance`: push/pull balances and force-field analysis;
- :mod:`~argmap.analysis.report`: the report of ``argmap analyze`` and diagram annotations;
- :mod:`~argmap.analysis.summary`: the text summary of ``argmap show``.
"""

from argmap.analysis.balance import (
    Balance,
    Force,
    ForceField,
    WeightChange,
    balance,
    force_field,
    force_score,
)
from argmap.analysis.dung import (
    LABELS,
    SEMANTICS,
    Label,
    Semantics,
    extensions,
    is_accepted,
    labelling,
    labellings,
)
from argmap.analysis.explain import Explanation, explain
from argmap.analysis.framework import Framework, base_scores, to_framework
from argmap.analysis.gradual import (
    DEFAULT_BASE,
    GRADUAL_SEMANTICS,
    GradualSemantics,
    StrengthResult,
    compute_strengths,
    strengths,
)
from argmap.analysis.report import NodeAnnotations, analyze, node_annotations
from argmap.analysis.standards import Thresholds, Weighing, weigh
from argmap.analysis.summary import summarize
from argmap.analysis.tasks import TaskResult, solve_task
from argmap.analysis.verdict import Consideration, Verdict, verdict_on, verdicts

__all__ = [
    "DEFAULT_BASE",
    "GRADUAL_SEMANTICS",
    "LABELS",
    "SEMANTICS",
    "Balance",
    "Consideration",
    "Explanation",
    "Force",
    "ForceField",
    "Framework",
    "GradualSemantics",
    "Label",
    "NodeAnnotations",
    "Semantics",
    "StrengthResult",
    "TaskResult",
    "Thresholds",
    "Verdict",
    "Weighing",
    "WeightChange",
    "analyze",
    "balance",
    "base_scores",
    "compute_strengths",
    "explain",
    "extensions",
    "force_field",
    "force_score",
    "is_accepted",
    "labelling",
    "labellings",
    "node_annotations",
    "solve_task",
    "strengths",
    "summarize",
    "to_framework",
    "verdict_on",
    "verdicts",
    "weigh",
]
