"""Analyses of a map: which claims stand, how strong they are, and how the factors balance.

- :mod:`~argmap.analysis.framework`: :class:`Framework` and :func:`to_framework`, with the
  rules that turn a map's relations into attacks and supports;
- :mod:`~argmap.analysis.dung`: Dung's extensions, labellings and acceptance;
- :mod:`~argmap.analysis.gradual`: gradual strengths (h-categorizer, DF-QuAD, quadratic
  energy, Euler-based);
- :mod:`~argmap.analysis.balance`: push/pull balances and force-field analysis;
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
from argmap.analysis.framework import Framework, base_scores, to_framework
from argmap.analysis.gradual import (
    GRADUAL_SEMANTICS,
    GradualSemantics,
    StrengthResult,
    compute_strengths,
    strengths,
)
from argmap.analysis.summary import summarize

__all__ = [
    "GRADUAL_SEMANTICS",
    "LABELS",
    "SEMANTICS",
    "Balance",
    "Force",
    "ForceField",
    "Framework",
    "GradualSemantics",
    "Label",
    "Semantics",
    "StrengthResult",
    "WeightChange",
    "balance",
    "base_scores",
    "compute_strengths",
    "extensions",
    "force_field",
    "force_score",
    "is_accepted",
    "labelling",
    "labellings",
    "strengths",
    "summarize",
    "to_framework",
]
