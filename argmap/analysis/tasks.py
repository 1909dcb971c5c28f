"""ICCMA's reasoning tasks on a framework: credulous (DC), skeptical (DS), some extension (SE).

A task is named as in the ICCMA competitions, ``KIND-SEMANTICS``: ``DC-PR`` asks whether
an argument is in some preferred extension, ``DS-ST`` whether it is in every stable one,
``SE-CO`` for one complete extension. The semantics are ``GR`` (grounded), ``CO``
(complete), ``PR`` (preferred), ``ST`` (stable), ``SST`` (semi-stable) and ``ID`` (ideal).

Each task is answered without enumerating extensions where it can: the grounded labelling
settles every argument it labels (``in`` is credulously and skeptically accepted under
every semantics but stable without extensions; ``out`` under none), and what it leaves
undecided goes to clingo as one question: an admissible set with the argument in it
(``DC-CO``, ``DC-PR``: the subset-maximal such set is a preferred extension), a stable
extension with it in (``DC-ST``) or out (``DS-ST``), or the first preferred one (``SE-PR``).
``DS-PR`` and the semi-stable and ideal tasks read the extensions of
:mod:`argmap.analysis.dung`, stopping at the first counterexample.

An answer carries a certificate, as ICCMA asks for: the extension that makes a credulous
answer YES or a skeptical one NO, and the extension an SE task finds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from argmap.analysis.asp import solve_labellings
from argmap.analysis.dung import Semantics, extensions
from argmap.analysis.framework import Framework

__all__ = ["TASK_KINDS", "TASK_SEMANTICS", "TaskKind", "TaskResult", "parse_task", "solve_task"]

TaskKind: TypeAlias = Literal["DC", "DS", "SE"]
TASK_KINDS: tuple[TaskKind, ...] = ("DC", "DS", "SE")
#: ICCMA's abbreviations of the semantics.
TASK_SEMANTICS: dict[str, Semantics] = {
    "GR": "grounded",
    "CO": "complete",
    "PR": "preferred",
    "ST": "stable",
    "SST": "semi-stable",
    "ID": "ideal",
}

_IN, _OUT = 1, 2


@dataclass(frozen=True, slots=True)
class TaskResult:
    """The answer to a task, and the extension that shows it (None where none does).

    For DC and DS, ``answer`` is YES (True) or NO (False); ``witness`` is an extension
    with the argument for a YES to DC, one without it for a NO to DS. For SE, ``answer``
    says whether there is an extension at all and ``witness`` is the one found.
    """

    task: str
    argument: str | None
    answer: bool
    witness: frozenset[str] | None

    def to_dict(self, fw: Framework) -> dict[str, object]:
        """The answer as JSON-ready data, the witness's arguments in the framework's order."""
        return {
            "task": self.task,
            "argument": self.argument,
            "answer": self.answer,
            "witness": None if self.witness is None else sorted(self.witness, key=fw.index),
        }

    def format(self, fw: Framework) -> str:
        """The answer as an ICCMA solver prints it: ``YES``/``NO``, or ``w`` and the extension.

        >>> fw = Framework(["1", "2"], attacks=[("1", "2")])
        >>> print(solve_task(fw, "SE-PR").format(fw), end="")
        w 1
        >>> print(solve_task(fw, "DC-PR", "2").format(fw), end="")
        NO
        """
        if self.task.startswith("SE"):
            if self.witness is None:
                return "NO\n"
            members = sorted(self.witness, key=fw.index)
            return " ".join(["w", *members]) + "\n"
        return "YES\n" if self.answer else "NO\n"


def parse_task(task: str) -> tuple[TaskKind, Semantics]:
    """The kind and semantics of an ICCMA task name such as ``DC-PR``.

    >>> parse_task("DS-ST")
    ('DS', 'stable')

    Raises:
        ValueError: the name is not ``KIND-SEMANTICS`` with a kind and semantics above.
    """
    code, _, abbreviation = task.upper().partition("-")
    kind = next((k for k in TASK_KINDS if k == code), None)
    if kind is None or abbreviation not in TASK_SEMANTICS:
        names = ", ".join(f"{k}-{s}" for k in TASK_KINDS for s in TASK_SEMANTICS)
        raise ValueError(f"unknown task {task!r}; expected one of {names}")
    return kind, TASK_SEMANTICS[abbreviation]


def solve_task(fw: Framework, task: str, argument: str | None = None) -> TaskResult:
    """Answer an ICCMA task on ``fw``.

    Args:
        fw: the framework.
        task: ``DC-``, ``DS-`` or ``SE-`` and a semantics (see :data:`TASK_SEMANTICS`).
        argument: the argument a DC or DS task asks about.

    >>> fw = Framework("abc", attacks=[("a", "b"), ("b", "a"), ("b", "c")])
    >>> result = solve_task(fw, "DC-PR", "c")
    >>> result.answer, sorted(result.witness or ())
    (True, ['a', 'c'])
    >>> solve_task(fw, "DS-PR", "c").answer
    False

    Raises:
        ValueError: an unknown task, a DC or DS task without an argument, or an argument
            that is not in the framework.
    """
    kind, semantics = parse_task(task)
    name = task.upper()
    if kind == "SE":
        witness = _some_extension(fw, semantics)
        return TaskResult(name, None, witness is not None, witness)
    if argument is None:
        raise ValueError(f"the task {name} asks about an argument: give one")
    if argument not in fw:
        raise ValueError(f"{argument!r} is not an argument of the framework")
    if kind == "DC":
        witness = _with(fw, semantics, argument)
        return TaskResult(name, argument, witness is not None, witness)
    witness = _without(fw, semantics, argument)
    return TaskResult(name, argument, witness is None, witness)


def _some_extension(fw: Framework, semantics: Semantics) -> frozenset[str] | None:
    if semantics in ("grounded", "complete"):
        return extensions(fw, "grounded")[0]
    if semantics in ("preferred", "stable"):
        return _ask(fw, semantics)
    found = extensions(fw, semantics)
    return found[0] if found else None


def _with(fw: Framework, semantics: Semantics, argument: str) -> frozenset[str] | None:
    """An extension of ``semantics`` that holds ``argument``; None when there is none."""
    if semantics in ("complete", "preferred", "stable"):
        search: Semantics = "preferred" if semantics == "complete" else semantics
        return _ask(fw, search, require=argument)
    return next((e for e in extensions(fw, semantics) if argument in e), None)


def _without(fw: Framework, semantics: Semantics, argument: str) -> frozenset[str] | None:
    """An extension of ``semantics`` without ``argument``; None when there is none."""
    if semantics == "complete":
        semantics = "grounded"  # the least complete extension: in it iff in all of them
    if semantics == "stable":
        return _ask(fw, "stable", exclude=argument)
    return next((e for e in extensions(fw, semantics) if argument not in e), None)


def _ask(
    fw: Framework,
    search: Semantics,
    *,
    require: str | None = None,
    exclude: str | None = None,
) -> frozenset[str] | None:
    """One preferred or stable extension, with or without an argument, by clingo.

    The grounded labelling is fixed in every such extension; clingo decides the rest.
    A preferred search with ``require`` finds a subset-maximal admissible set among those
    that hold the argument, which is a preferred extension: every admissible set that
    contains it holds the argument too.
    """
    grounded = extensions(fw, "grounded")[0]
    targets, _ = fw.attack_lists()
    beaten = {b for a in grounded for b in targets[fw.index(a)]}
    if require is not None and fw.index(require) in beaten:
        return None  # out in the grounded labelling: out in every extension
    if exclude is not None and exclude in grounded:
        return None  # in the grounded labelling: in every extension
    undecided = [i for i, a in enumerate(fw.arguments) if i not in beaten and a not in grounded]
    inside = set(undecided)
    attacks = [(a, b) for a in undecided for b in targets[a] if b in inside]

    def undecided_one(name: str | None) -> list[int]:
        return [fw.index(name)] if name is not None and fw.index(name) in inside else []

    found = solve_labellings(
        undecided,
        attacks,
        (),
        "preferred" if search == "preferred" else "stable",
        require=undecided_one(require),
        exclude=undecided_one(exclude),
        limit=1,
    )
    if not found:
        return None
    ins = {fw.arguments[i] for i, v in found[0].items() if v == _IN}
    return frozenset(grounded | ins)
