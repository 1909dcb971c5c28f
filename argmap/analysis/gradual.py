"""Gradual semantics: a strength in [0, 1] for each argument, from base scores and relations.

Each semantics is a function ``f`` that computes an argument's strength from its base score
``w(a)`` and the current strengths of its attackers ``Att(a)`` and supporters ``Sup(a)``:

- ``h-categorizer`` (Besnard and Hunter 2001, weighted by Amgoud et al. 2017)::

      f(a) = w(a) / (1 + sum(s(b) for b in Att(a)))

  Supports play no part. The default base score is 1, Besnard and Hunter's classic
  categoriser ``1 / (1 + sum(s(Att)))``: each argument of a cycle of three (or four) gets
  ``0.618...``, the golden ratio's inverse.
- ``df-quad`` (Rago, Toni, Aurisicchio and Baroni 2016)::

      F(v1..vn) = 1 - prod(1 - vi)     (0 for no value)
      va = F(s(b) for b in Att(a)),  vs = F(s(b) for b in Sup(a))
      f(a) = w(a) - w(a) * (va - vs)          if va >= vs
      f(a) = w(a) + (1 - w(a)) * (vs - va)    if va <  vs

- ``quadratic-energy`` (Potyka 2018)::

      E(a) = sum(s(b) for b in Sup(a)) - sum(s(b) for b in Att(a))
      h(x) = max(x, 0)**2 / (1 + max(x, 0)**2)
      f(a) = w(a) + (1 - w(a)) * h(E(a)) - w(a) * h(-E(a))

- ``euler`` (Amgoud and Ben-Naim 2017, the Euler-based semantics)::

      f(a) = 1 - (1 - w(a)**2) / (1 + w(a) * exp(E(a)))      with E(a) as above

The default base score of df-quad, quadratic-energy and euler is 0.5, the middle of the
scale (an argument no relation touches keeps it).

An argument that stands for an inference (:attr:`Framework.premises`) has no base score of
its own: its base is the strength of its weakest premise (Pollock's weakest link), and its
undercutters act on it as attackers. The attacks it inherits from its premises for Dung's
semantics are not counted again (they act through the premise), so the four semantics
keep the properties of Amgoud and Ben-Naim and of Baroni, Rago and Toni where inferences
become arguments: a weaker premise never strengthens a conclusion its inference supports,
a linked inference with a premise of strength 0 has no effect, and an added attacker
(an undercut of strength 0 included) never raises its target.

Acyclic frameworks are evaluated once, in topological order: the result is exact.
Frameworks with cycles are solved as the fixed point of ``s = f(s)``, read as Potyka's
continuous model ``ds/dt = f(s) - s`` and integrated by explicit Euler steps of 1/2
(averaging each step with the last damps the oscillations plain iteration shows on
cycles), until the residual ``max |f(s) - s|`` is at most ``tolerance`` or
``max_iterations`` steps have run: it never loops forever. :func:`compute_strengths`
reports the iterations, the residual and whether it converged.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias

from argmap.analysis.framework import Framework

__all__ = [
    "DEFAULT_BASE",
    "GRADUAL_SEMANTICS",
    "GradualSemantics",
    "StrengthResult",
    "compute_strengths",
    "strengths",
]

GradualSemantics: TypeAlias = Literal["h-categorizer", "df-quad", "quadratic-energy", "euler"]
GRADUAL_SEMANTICS: tuple[GradualSemantics, ...] = (
    "h-categorizer",
    "df-quad",
    "quadratic-energy",
    "euler",
)

#: Each semantics' base score for arguments not given one: Besnard and Hunter's classic
#: categoriser starts every argument at 1; the others at the middle of the scale.
DEFAULT_BASE: dict[GradualSemantics, float] = {
    "h-categorizer": 1.0,
    "df-quad": 0.5,
    "quadratic-energy": 0.5,
    "euler": 0.5,
}

_Update: TypeAlias = Callable[[float, list[float], list[float]], float]


@dataclass(frozen=True, slots=True)
class StrengthResult:
    """The strengths of a gradual semantics and how their computation ended.

    ``iterations`` is 1 for an acyclic framework (one exact pass); ``residual`` is the
    largest ``|f(s) - s|`` left, 0.0 when exact.
    """

    values: dict[str, float]
    iterations: int
    residual: float
    converged: bool


def strengths(
    fw: Framework,
    semantics: GradualSemantics,
    *,
    base: float | Mapping[str, float] | None = None,
) -> dict[str, float]:
    """The strength of each argument under a gradual semantics.

    Args:
        fw: the framework.
        semantics: one of :data:`GRADUAL_SEMANTICS`.
        base: the base score of every argument, or a mapping from arguments to base
            scores; arguments it leaves out (and every argument, when None) get the
            semantics' :data:`DEFAULT_BASE`. Inference arguments take no base score:
            they start from their weakest premise.

    Returns:
        The strengths, by argument in the framework's order. Use
        :func:`compute_strengths` to learn how the computation converged; this function
        warns (``RuntimeWarning``) when it did not.

    >>> cycle = Framework("abc", attacks=[("a", "b"), ("b", "c"), ("c", "a")])
    >>> round(strengths(cycle, "h-categorizer")["a"], 3)
    0.618
    >>> strengths(Framework("ab", supports=[("a", "b")]), "df-quad")
    {'a': 0.5, 'b': 0.75}
    """
    result = compute_strengths(fw, semantics, base=base)
    if not result.converged:
        warnings.warn(
            f"{semantics} strengths did not converge after {result.iterations} iterations "
            f"(residual {result.residual:.3g})",
            RuntimeWarning,
            stacklevel=2,
        )
    return result.values


def compute_strengths(
    fw: Framework,
    semantics: GradualSemantics,
    *,
    base: float | Mapping[str, float] | None = None,
    tolerance: float = 1e-9,
    max_iterations: int = 10_000,
) -> StrengthResult:
    """The strengths of :func:`strengths`, with the iterations, residual and convergence.

    >>> ring = Framework("ab", attacks=[("a", "b"), ("b", "a")])
    >>> result = compute_strengths(ring, "df-quad")
    >>> round(result.values["a"], 6), result.converged, result.residual <= 1e-9
    (0.333333, True, True)

    Raises:
        ValueError: an unknown semantics, a base score outside [0, 1] or given to an
            inference argument, a tolerance that is not positive, or fewer than one
            iteration.
    """
    if semantics not in _UPDATES:
        raise ValueError(
            f"unknown gradual semantics {semantics!r}; expected one of "
            f"{', '.join(GRADUAL_SEMANTICS)}"
        )
    if tolerance <= 0 or max_iterations < 1:
        raise ValueError("tolerance must be positive and max_iterations at least 1")
    update = _UPDATES[semantics]
    names = fw.arguments
    n = len(names)
    weights = _bases(fw, semantics, base)
    attackers: list[list[int]] = [[] for _ in range(n)]
    supporters: list[list[int]] = [[] for _ in range(n)]
    for edges, into in ((fw.direct_attacks, attackers), (fw.supports, supporters)):
        for a, b in edges:
            into[fw.index(b)].append(fw.index(a))
    if semantics == "h-categorizer":
        supporters = [[] for _ in range(n)]
    # An inference's base score is the strength of its weakest premise.
    premises: list[list[int] | None] = [None] * n
    for inference, needed in fw.premises.items():
        premises[fw.index(inference)] = [fw.index(p) for p in needed]

    def step(i: int, s: list[float]) -> float:
        needed = premises[i]
        w = weights[i] if needed is None else min((s[j] for j in needed), default=1.0)
        return update(w, [s[j] for j in attackers[i]], [s[j] for j in supporters[i]])

    acting = [[*attackers[i], *supporters[i], *(premises[i] or ())] for i in range(n)]
    order = _topological(n, acting)
    s = list(weights)
    if order is not None:
        for i in order:
            s[i] = step(i, s)
        return StrengthResult(dict(zip(names, s, strict=True)), 1, 0.0, True)

    residual = math.inf
    for iteration in range(1, max_iterations + 1):
        target = [step(i, s) for i in range(n)]
        residual = max((abs(t - v) for t, v in zip(target, s, strict=True)), default=0.0)
        if residual <= tolerance:
            return StrengthResult(dict(zip(names, target, strict=True)), iteration, residual, True)
        s = [(v + t) / 2 for v, t in zip(s, target, strict=True)]
    return StrengthResult(dict(zip(names, s, strict=True)), max_iterations, residual, False)


def _bases(
    fw: Framework, semantics: GradualSemantics, base: float | Mapping[str, float] | None
) -> list[float]:
    default = DEFAULT_BASE[semantics]
    if isinstance(base, Mapping):
        unknown = sorted(set(base) - set(fw.arguments))
        if unknown:
            raise ValueError(f"base scores for arguments not in the framework: {unknown}")
        inferences = sorted(set(base) & set(fw.premises))
        if inferences:
            raise ValueError(
                f"inference arguments take their base score from their premises: {inferences}"
            )
        values = [float(base.get(a, default)) for a in fw.arguments]
    else:
        values = [float(default if base is None else base)] * len(fw.arguments)
    for name, value in zip(fw.arguments, values, strict=True):
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"the base score of {name!r} must be in [0, 1], got {value}")
    return values


def _topological(n: int, acting: list[list[int]]) -> list[int] | None:
    """An order where every argument comes after those acting on it; None for a cycle."""
    pending = [len(acting[i]) for i in range(n)]
    acted: list[list[int]] = [[] for _ in range(n)]
    for i in range(n):
        for j in acting[i]:
            acted[j].append(i)
    order = [i for i in range(n) if pending[i] == 0]
    for i in order:
        for k in acted[i]:
            pending[k] -= 1
            if pending[k] == 0:
                order.append(k)
    return order if len(order) == n else None


def _aggregate(values: list[float]) -> float:
    return 1.0 - math.prod(1.0 - v for v in values)


def _h_categorizer(w: float, attacks: list[float], supports: list[float]) -> float:
    return w / (1.0 + sum(attacks))


def _df_quad(w: float, attacks: list[float], supports: list[float]) -> float:
    va, vs = _aggregate(attacks), _aggregate(supports)
    if va >= vs:
        return w - w * (va - vs)
    return w + (1.0 - w) * (vs - va)


def _impact(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1.0 + x * x)


def _quadratic_energy(w: float, attacks: list[float], supports: list[float]) -> float:
    energy = sum(supports) - sum(attacks)
    return w + (1.0 - w) * _impact(energy) - w * _impact(-energy)


def _euler(w: float, attacks: list[float], supports: list[float]) -> float:
    energy = sum(supports) - sum(attacks)
    return 1.0 - (1.0 - w * w) / (1.0 + w * math.exp(min(energy, 700.0)))


_UPDATES: dict[str, _Update] = {
    "h-categorizer": _h_categorizer,
    "df-quad": _df_quad,
    "quadratic-energy": _quadratic_energy,
    "euler": _euler,
}
