"""Dung's extension semantics: grounded, complete, preferred, stable, semi-stable, ideal.

Every semantics is computed on labellings (Caminada): an argument is ``in`` when all its
attackers are ``out``, ``out`` when some attacker is ``in``, ``undec`` otherwise; complete
labellings are those where every label obeys these rules, and their ``in`` sets are the
complete extensions.

- **grounded**: the least complete labelling, by the classic linear-time propagation from
  the unattacked arguments (each attack is looked at a bounded number of times).
- **complete**, **preferred**, **stable**: SCC-recursively (Baroni, Giacomin and Guida
  2005). The grounded labelling is computed first, and fixes every argument it decides
  in all complete labellings. The undecided rest splits into strongly connected
  components, solved in the order of the attacks between them: the labels of earlier
  components fix which arguments of a later one are ``out`` (attacked by an ``in``) and
  which cannot be ``in`` (attacked by an ``undec``); that component is then solved again
  the same way, and only a component that no longer splits is searched, by backtracking
  over its labels with propagation of the rules above. A preferred labelling is one whose
  ``in`` set is maximal in every component given the components before it; a stable one
  has no ``undec`` argument, so a framework may have no stable extension at all.
- **semi-stable**: the stable extensions when there are any, otherwise the preferred
  extensions whose ``undec`` set is minimal (every semi-stable extension is preferred).
- **ideal**: the largest admissible subset of the intersection of the preferred
  extensions (Dung, Mancarella and Toni 2007).

Self-attacking arguments and odd cycles need no special case: the rules leave them
``undec`` (or ``out``, when an accepted argument attacks them).

A framework may have exponentially many extensions (25 pairs of arguments attacking each
other have 2^25 preferred ones). Past :data:`MAX_EXTENSIONS` the search stops with
:class:`~argmap.errors.ExtensionLimitError`; an ICCMA task
(:func:`argmap.analysis.tasks.solve_task`) still answers whether one argument is
accepted, or gives one extension, without listing them all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain, compress
from typing import Literal, TypeAlias

from argmap.analysis.asp import solve_labellings
from argmap.analysis.framework import Framework
from argmap.errors import ExtensionLimitError

__all__ = [
    "LABELS",
    "MAX_EXTENSIONS",
    "SEMANTICS",
    "Label",
    "Mode",
    "Semantics",
    "extensions",
    "is_accepted",
    "labelling",
    "labellings",
]

Semantics: TypeAlias = Literal[
    "grounded", "complete", "preferred", "stable", "semi-stable", "ideal"
]
SEMANTICS: tuple[Semantics, ...] = (
    "grounded",
    "complete",
    "preferred",
    "stable",
    "semi-stable",
    "ideal",
)
Label: TypeAlias = Literal["in", "out", "undec"]
LABELS: tuple[Label, ...] = ("in", "out", "undec")
Mode: TypeAlias = Literal["credulous", "skeptical"]

_NONE, _IN, _OUT, _UNDEC = 0, 1, 2, 3
_NAMES: dict[int, Label] = {_IN: "in", _OUT: "out", _UNDEC: "undec"}
_Search: TypeAlias = Literal["complete", "preferred", "stable"]
_Adjacency: TypeAlias = list[list[int]]
#: Components of at most this many arguments are searched by backtracking in Python first,
#: larger ones by clingo straight away: past about 30 arguments the search's median time
#: is clingo's, and its slowest cases grow fast.
_BACKTRACK_LIMIT = 32
#: How many labels the Python search may try on one component before it hands the
#: component to clingo: about two milliseconds, clingo's start-up and a little more. Most
#: components of up to 30 arguments need fewer; the hard ones of 20 and more can need
#: thousands (``python -m bench.solver --components``).
_BACKTRACK_BUDGET = 100
#: The most extensions (labellings) a semantics is enumerated to: past it, listing them
#: would take exponential time and memory, and no reader would read the list.
MAX_EXTENSIONS = 10_000


def extensions(fw: Framework, semantics: Semantics) -> list[frozenset[str]]:
    """The extensions of ``fw`` under ``semantics``, in a fixed order.

    Extensions are listed by their arguments in the framework's order. Grounded and ideal
    give exactly one extension; stable may give none.

    >>> fw = Framework(["a", "b", "c"], attacks=[("a", "b"), ("b", "a"), ("b", "c")])
    >>> extensions(fw, "grounded")
    [frozenset()]
    >>> [sorted(e) for e in extensions(fw, "preferred")]
    [['a', 'c'], ['b']]
    >>> extensions(Framework(["a"], attacks=[("a", "a")]), "stable")
    []

    Raises:
        ValueError: ``semantics`` is not one of :data:`SEMANTICS`.
        ExtensionLimitError: there are more than :data:`MAX_EXTENSIONS`.
    """
    found = _labellings(fw, semantics)
    found.sort(key=lambda lab: [i for i, v in enumerate(lab) if v == _IN])
    return [frozenset(compress(fw.arguments, [v == _IN for v in lab])) for lab in found]


def labellings(fw: Framework, semantics: Semantics) -> list[dict[str, Label]]:
    """The labellings of ``fw`` under ``semantics``, one per extension, in the same order.

    >>> labellings(Framework(["a", "b"], attacks=[("a", "b")]), "preferred")
    [{'a': 'in', 'b': 'out'}]

    Raises:
        ExtensionLimitError: there are more than :data:`MAX_EXTENSIONS`.
    """
    found = [
        {fw.arguments[i]: _NAMES[v] for i, v in enumerate(lab)}
        for lab in _labellings(fw, semantics)
    ]
    return sorted(found, key=lambda lab: sorted(fw.index(a) for a, v in lab.items() if v == "in"))


def labelling(fw: Framework, semantics: Semantics = "grounded") -> dict[str, Label]:
    """The status of each argument: ``in``, ``out`` or ``undec``.

    For grounded and ideal semantics this is the labelling of the one extension. For the
    others it is the skeptical status across all their labellings: ``in`` (or ``out``)
    when every labelling says so, ``undec`` otherwise, and ``undec`` for every argument
    when there is no labelling at all (a framework without stable extensions).

    >>> fw = Framework(["a", "b", "c"], attacks=[("a", "b"), ("b", "c")])
    >>> labelling(fw)
    {'a': 'in', 'b': 'out', 'c': 'in'}
    >>> labelling(Framework(["a", "b"], attacks=[("a", "b"), ("b", "a")]), "preferred")
    {'a': 'undec', 'b': 'undec'}

    Raises:
        ExtensionLimitError: the semantics has more than :data:`MAX_EXTENSIONS` labellings
            to look through (grounded and ideal never do).
    """
    found = _labellings(fw, semantics)
    n = len(fw.arguments)
    status = [_UNDEC] * n
    if found:
        first = found[0]
        for i in range(n):
            if all(lab[i] == first[i] for lab in found):
                status[i] = first[i]
    return {fw.arguments[i]: _NAMES[v] for i, v in enumerate(status)}


def is_accepted(
    fw: Framework, argument: str, semantics: Semantics, *, mode: Mode = "credulous"
) -> bool:
    """Whether ``argument`` is in some (credulous) or every (skeptical) extension.

    Skeptical acceptance over no extension at all holds trivially, as in the ICCMA
    competitions (a framework without stable extensions accepts everything skeptically).

    >>> fw = Framework(["a", "b"], attacks=[("a", "b"), ("b", "a")])
    >>> is_accepted(fw, "a", "preferred"), is_accepted(fw, "a", "preferred", mode="skeptical")
    (True, False)

    Raises:
        ValueError: ``argument`` is not in the framework, or ``mode`` is unknown.
    """
    if argument not in fw:
        raise ValueError(f"{argument!r} is not an argument of the framework")
    if mode not in ("credulous", "skeptical"):
        raise ValueError(f"unknown mode {mode!r}; expected 'credulous' or 'skeptical'")
    i = fw.index(argument)
    found = (lab[i] == _IN for lab in _labellings(fw, semantics))
    return any(found) if mode == "credulous" else all(found)


def _labellings(fw: Framework, semantics: Semantics) -> list[list[int]]:
    """The labellings of ``semantics`` as lists of label codes by argument position."""
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; expected one of {', '.join(SEMANTICS)}")
    n = len(fw.arguments)
    if semantics == "grounded":
        return [_grounded(n, fw.target_lists())]
    try:
        return _search_labellings(fw, semantics)
    except ExtensionLimitError as exc:  # named by the semantics asked for
        raise ExtensionLimitError(semantics, exc.limit) from None


def _search_labellings(fw: Framework, semantics: Semantics) -> list[list[int]]:
    n = len(fw.arguments)
    targets, attackers = fw.attack_lists()
    if semantics in ("complete", "preferred", "stable"):
        return _solve_all(n, targets, attackers, semantics)
    if semantics == "semi-stable":
        stable = _solve_all(n, targets, attackers, "stable")
        if stable:
            return stable
        preferred = _solve_all(n, targets, attackers, "preferred")
        undec = [frozenset(i for i, v in enumerate(lab) if v == _UNDEC) for lab in preferred]
        return [
            lab for lab, u in zip(preferred, undec, strict=True) if not any(o < u for o in undec)
        ]
    return [_ideal(n, targets, attackers)]


def _grounded(n: int, targets: _Adjacency) -> list[int]:
    """The grounded labelling, as label codes, in time linear in arguments and attacks.

    Args:
        n: the number of arguments, numbered from 0.
        targets: the arguments each argument attacks.
    """
    label = [_NONE] * n
    # How many attackers of each argument are not yet out: an argument whose count falls
    # to zero has only out attackers, and is in.
    count = [0] * n
    for hit, times in Counter(chain.from_iterable(targets)).items():
        count[hit] = times
    queue = [i for i in range(n) if count[i] == 0]
    for i in queue:
        label[i] = _IN
    while queue:
        a = queue.pop()
        for b in targets[a]:
            if label[b] == _NONE:
                label[b] = _OUT
                for c in targets[b]:
                    count[c] -= 1
                    if count[c] == 0 and label[c] == _NONE:
                        label[c] = _IN
                        queue.append(c)
    return [v or _UNDEC for v in label]


def _solve_all(
    n: int, targets: _Adjacency, attackers: _Adjacency, search: _Search
) -> list[list[int]]:
    solver = _Solver(targets, attackers, search)
    result = []
    for local in solver.solve(list(range(n)), set()):
        lab = [_UNDEC] * n
        for i, v in local.items():
            lab[i] = v
        result.append(lab)
    return result


def _ideal(n: int, targets: _Adjacency, attackers: _Adjacency) -> list[int]:
    preferred = _solve_all(n, targets, attackers, "preferred")
    members = {i for i in range(n) if all(lab[i] == _IN for lab in preferred)}
    # Drop every member that has an attacker the members do not attack, until none is
    # left: what remains is the largest admissible subset.
    changed = True
    while changed:
        attacked = {b for a in members for b in targets[a]}
        keep = {a for a in members if all(b in attacked for b in attackers[a])}
        changed = keep != members
        members = keep
    attacked = {b for a in members for b in targets[a]}
    return [_IN if i in members else _OUT if i in attacked else _UNDEC for i in range(n)]


class _Solver:
    """The SCC-recursive search for complete, preferred or stable labellings."""

    def __init__(self, targets: _Adjacency, attackers: _Adjacency, search: _Search) -> None:
        self.targets = targets
        self.attackers = attackers
        self.search = search

    def solve(self, members: list[int], blocked: set[int]) -> list[dict[int, int]]:
        """The labellings of ``members`` (attacks from outside them fixed by the caller).

        Arguments of ``blocked`` have an ``undec`` attacker outside ``members``: they can
        be ``out`` or ``undec``, never ``in``. Arguments that an outside ``in`` attacks
        are not passed at all.
        """
        fixed, rest = self._propagate(members, blocked)
        if not rest:
            return [fixed]
        components = _components(rest, self.targets)
        if len(components) == 1:
            return [fixed | local for local in self._search(components[0], blocked)]
        partials: list[dict[int, int]] = [fixed]
        for component in components:
            grown: list[dict[int, int]] = []
            for partial in partials:
                inner: list[int] = []
                inner_blocked: set[int] = set()
                outs: list[int] = []
                for a in component:
                    seen = {partial.get(b, _NONE) for b in self.attackers[a]}
                    if _IN in seen:
                        outs.append(a)
                        continue
                    inner.append(a)
                    if _UNDEC in seen or a in blocked:
                        inner_blocked.add(a)
                locals_ = self.solve(inner, inner_blocked) if inner else [{}]
                if len(grown) + len(locals_) > MAX_EXTENSIONS:
                    raise ExtensionLimitError(self.search, MAX_EXTENSIONS)
                for k, local in enumerate(locals_):
                    # The last choice extends the partial in place: copying only where the
                    # search branches keeps long chains of components linear.
                    target = partial if k == len(locals_) - 1 else dict(partial)
                    target.update(local)
                    target.update(dict.fromkeys(outs, _OUT))
                    grown.append(target)
            partials = grown
            if not partials:
                break
        return partials

    def _propagate(self, members: list[int], blocked: set[int]) -> tuple[dict[int, int], list[int]]:
        """The grounded labels within ``members``, and the members they leave undecided."""
        inside = set(members)
        targets, attackers = self.targets, self.attackers
        count = {a: sum(1 for b in attackers[a] if b in inside) for a in members}
        label: dict[int, int] = {}
        queue = [a for a in members if count[a] == 0 and a not in blocked]
        for a in queue:
            label[a] = _IN
        while queue:
            a = queue.pop()
            for b in targets[a]:
                if b in inside and b not in label:
                    label[b] = _OUT
                    for c in targets[b]:
                        if c in inside:
                            count[c] -= 1
                            if count[c] == 0 and c not in label and c not in blocked:
                                label[c] = _IN
                                queue.append(c)
        return label, [a for a in members if a not in label]

    def _search(self, members: list[int], blocked: set[int]) -> list[dict[int, int]]:
        found = None
        if len(members) <= _BACKTRACK_LIMIT:
            search = _Backtrack(members, blocked, self.targets, self.attackers, self.search)
            found = search.run(budget=_BACKTRACK_BUDGET)
        if found is None:
            inside = set(members)
            attacks = [(a, b) for a in members for b in self.targets[a] if b in inside]
            found = solve_labellings(
                members, attacks, blocked & inside, self.search, limit=MAX_EXTENSIONS + 1
            )
            if len(found) > MAX_EXTENSIONS:
                raise ExtensionLimitError(self.search, MAX_EXTENSIONS)
            return found
        if self.search != "preferred" or len(found) < 2:
            return found
        ins = [frozenset(a for a, v in lab.items() if v == _IN) for lab in found]
        return [lab for lab, s in zip(found, ins, strict=True) if not any(s < o for o in ins)]


class _Backtrack:
    """Every complete labelling of one strongly connected component, by backtracking."""

    def __init__(
        self,
        members: list[int],
        blocked: set[int],
        targets: _Adjacency,
        attackers: _Adjacency,
        search: _Search,
    ) -> None:
        inside = set(members)
        self.members = members
        self.blocked = blocked & inside
        self.att = {a: [b for b in attackers[a] if b in inside] for a in members}
        self.tgt = {a: [b for b in targets[a] if b in inside] for a in members}
        self.allow_undec = search != "stable"
        # Arguments with most attacks first: their labels decide the most.
        self.order = sorted(members, key=lambda a: -(len(self.att[a]) + len(self.tgt[a])))
        self.label = dict.fromkeys(members, _NONE)
        self.trail: list[int] = []

    def run(self, budget: int | None = None) -> list[dict[int, int]] | None:
        """Every labelling; None when more than ``budget`` labels were tried first."""
        found: list[dict[int, int]] = []
        if not self._check(list(self.members)):
            return found
        frames: list[list[int]] = []  # position in order, argument, option tried, trail mark
        position = self._advance(0)
        tries = 0
        while True:
            if position is None:
                found.append(dict(self.label))
            else:
                frames.append([position, self.order[position], 0, len(self.trail)])
            position = None
            while frames:
                frame = frames[-1]
                self._undo(frame[3])
                options = self._options(frame[1])
                if frame[2] >= len(options):
                    frames.pop()
                    continue
                value = options[frame[2]]
                frame[2] += 1
                tries += 1
                if budget is not None and tries > budget:
                    return None
                if self._assign(frame[1], value):
                    position = self._advance(frame[0] + 1)
                    break
            else:
                return found

    def _options(self, a: int) -> Sequence[int]:
        if a in self.blocked:
            return (_OUT, _UNDEC) if self.allow_undec else (_OUT,)
        return (_IN, _OUT, _UNDEC) if self.allow_undec else (_IN, _OUT)

    def _advance(self, start: int) -> int | None:
        order, label = self.order, self.label
        for position in range(start, len(order)):
            if label[order[position]] == _NONE:
                return position
        return None

    def _undo(self, mark: int) -> None:
        trail, label = self.trail, self.label
        while len(trail) > mark:
            label[trail.pop()] = _NONE

    def _assign(self, a: int, value: int) -> bool:
        self.label[a] = value
        self.trail.append(a)
        return self._check([a, *self.att[a], *self.tgt[a]])

    def _check(self, queue: list[int]) -> bool:
        """Enforce the labelling rules around ``queue``, labelling what they force."""
        label, att, tgt = self.label, self.att, self.tgt
        while queue:
            a = queue.pop()
            ins = undecs = free = 0
            last_free = -1
            for b in att[a]:
                v = label[b]
                if v == _IN:
                    ins += 1
                elif v == _UNDEC:
                    undecs += 1
                elif v == _NONE:
                    free += 1
                    last_free = b
            v = label[a]
            blocked = a in self.blocked
            forced = _NONE
            if v == _IN:
                if ins or undecs:
                    return False
                for b in att[a]:
                    if label[b] == _NONE:
                        label[b] = _OUT
                        self.trail.append(b)
                        queue.extend((b, *att[b], *tgt[b]))
            elif v == _OUT:
                if not ins and not free:
                    return False
                if not ins and free == 1:
                    if last_free in self.blocked:
                        return False
                    forced, a = _IN, last_free
            elif v == _UNDEC:
                if ins or not (undecs or free or blocked):
                    return False
                if not (undecs or blocked) and free == 1:
                    if not self.allow_undec:
                        return False
                    forced, a = _UNDEC, last_free
            elif ins:
                forced = _OUT
            elif not free:
                if undecs or blocked:
                    if not self.allow_undec:
                        return False
                    forced = _UNDEC
                else:
                    forced = _IN
            if forced != _NONE:
                label[a] = forced
                self.trail.append(a)
                queue.extend((a, *att[a], *tgt[a]))
        return True


def _components(members: list[int], targets: _Adjacency) -> list[list[int]]:
    """The strongly connected components of ``members``, attackers' components first.

    Tarjan's algorithm without recursion; it finds components attacked ones first, so the
    list is reversed.
    """
    inside = set(members)
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in members:
        if root in index:
            continue
        work: list[tuple[int, Iterator[int]]] = [(root, iter(targets[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            a, edges = work[-1]
            for b in edges:
                if b not in inside:
                    continue
                if b not in index:
                    index[b] = low[b] = counter
                    counter += 1
                    stack.append(b)
                    on_stack.add(b)
                    work.append((b, iter(targets[b])))
                    break
                if b in on_stack:
                    low[a] = min(low[a], index[b])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[a])
                if low[a] == index[a]:
                    component = []
                    while True:
                        b = stack.pop()
                        on_stack.discard(b)
                        component.append(b)
                        if b == a:
                            break
                    found.append(component)
    found.reverse()
    return found
