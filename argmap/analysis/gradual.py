"""Gradual semantics: a strength in [0, 1] for each argument, from base scores and relations.

Each semantics is a function ``f`` that computes an argument's strength from its base score
``w(a)`` and the current strengths of its attackers ``Att(a)`` and supporters ``Sup(a)``:

- ``h-categorizer`` (Besnard and Hunter 2001, weighted by Amgoud et al. 2017)::

      f(a) = w(a) / (1 + sum(s(b) for b in Att(a)))

  Supports play no part. With ``w = 1`` this is the original categoriser: an argument in
  a cycle of four gets ``1 / (1 + s)`` with ``s = 0.618...``, the golden ratio's inverse.
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
    base: float | Mapping[str, float] = 0.5,
) -> dict[str, float]:
    """The strength of each argument under a gradual semantics.

    Args:
        fw: the framework.
        semantics: one of :data:`GRADUAL_SEMANTICS`.
        base: the base score of every argument, or a mapping from arguments to base
            scores (arguments it leaves out get 0.5).

    Returns:
        The strengths, by argument in the framework's order. Use
        :func:`compute_strengths` to learn how the computation converged; this function
        warns (``RuntimeWarning``) when it did not.

    >>> cycle = Framework("abcd", attacks=[("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")])
    >>> round(strengths(cycle, "h-categorizer", base=1.0)["a"], 3)
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
    base: float | Mapping[str, float] = 0.5,
    tolerance: float = 1e-9,
    max_iterations: int = 10_000,
) -> StrengthResult:
    """The strengths of :func:`strengths`, with the iterations, residual and convergence.

    >>> ring = Framework("ab", attacks=[("a", "b"), ("b", "a")])
    >>> result = compute_strengths(ring, "df-quad")
    >>> round(result.values["a"], 6), result.converged, result.residual <= 1e-9
    (0.333333, True, True)

    Raises:
        ValueError: an unknown semantics, a base score outside [0, 1], a tolerance that
            is not positive, or fewer than one iteration.
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
    weights = _bases(fw, base)
    attackers: list[list[int]] = [[] for _ in range(n)]
    supporters: list[list[int]] = [[] for _ in range(n)]
    for edges, into in ((fw.attacks, attackers), (fw.supports, supporters)):
        for a, b in edges:
            into[fw.index(b)].append(fw.index(a))
    if semantics == "h-categorizer":
        supporters = [[] for _ in range(n)]

    order = _topological(n, attackers, supporters)
    s = list(weights)
    if order is not None:
        for i in order:
            s[i] = update(weights[i], [s[j] for j in attackers[i]], [s[j] for j in supporters[i]])
        return StrengthResult(dict(zip(names, s, strict=True)), 1, 0.0, True)

    residual = math.inf
    for iteration in range(1, max_iterations + 1):
        target = [
            update(weights[i], [s[j] for j in attackers[i]], [s[j] for j in supporters[i]])
            for i in range(n)
        ]
        residual = max((abs(t - v) for t, v in zip(target, s, strict=True)), default=0.0)
        if residual <= tolerance:
            return StrengthResult(dict(zip(names, target, strict=True)), iteration, residual, True)
        s = [(v + t) / 2 for v, t in zip(s, target, strict=True)]
    return StrengthResult(dict(zip(names, s, strict=True)), max_iterations, residual, False)


def _bases(fw: Framework, base: float | Mapping[str, float]) -> list[float]:
    if isinstance(base, Mapping):
        unknown = sorted(set(base) - set(fw.arguments))
        if unknown:
            raise ValueError(f"base scores for arguments not in the framework: {unknown}")
        values = [float(base.get(a, 0.5)) for a in fw.arguments]
    else:
        values = [float(base)] * len(fw.arguments)
    for name, value in zip(fw.arguments, values, strict=True):
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"the base score of {name!r} must be in [0, 1], got {value}")
    return values


def _topological(
    n: int, attackers: list[list[int]], supporters: list[list[int]]
) -> list[int] | None:
    """An order where every argument comes after those acting on it; None for a cycle."""
    pending = [len(attackers[i]) + len(supporters[i]) for i in range(n)]
    acting: list[list[int]] = [[] for _ in range(n)]
    for i in range(n):
        for j in (*attackers[i], *supporters[i]):
            acting[j].append(i)
    order = [i for i in range(n) if pending[i] == 0]
    for i in order:
        for k in acting[i]:
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
