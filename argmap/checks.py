"""Semantic checks of an argument map: references, kinds, cycles, the thesis, connectivity."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import TYPE_CHECKING

from argmap.errors import Issue, Path, format_path
from argmap.graph import algorithms as ga
from argmap.model import ArgumentMap, Claim, Evidence, Factor, Node, Question
from argmap.model._structure import STRUCTURE_STEPS, StepContext, describe_relation, endpoint_paths
from argmap.model.provenance import locate_issues
from argmap.model.reference import Reference

if TYPE_CHECKING:
    from argmap.citations.bibliography import Bibliography

__all__ = ["check", "map_issues"]

#: The code of the warning that a map's references to other maps are not resolved: a map
#: checked alone cannot resolve them; a workspace does (:func:`argmap.read_maps`).
NOT_RESOLVED = "not-resolved"

#: Relation kinds that count as support when looking for circular reasoning.
SUPPORT_KINDS = ga.SUPPORT_KINDS


def check(amap: ArgumentMap, *, bibliography: Bibliography | None = None) -> list[Issue]:
    """Check a map's meaning beyond its types; return every problem found, errors and warnings.

    Errors: duplicate ids, relations to missing nodes, undercuts that do not target a
    relation, relation kinds that do not fit their nodes (``pushes`` from a pull factor,
    ``questions`` from a claim, ...), evidence without citations, several theses, support
    cycles, unknown actors. Warnings: no thesis, nodes not connected to the thesis,
    repeated relations.

    When the map was read from a file, every issue carries the file, line and column of the
    offending value.

    Args:
        amap: the map to check.
        bibliography: when given, every cited key must be in it (see
            :func:`argmap.check_citations`); read a map's own with
            :func:`argmap.read_map_bibliography`.

    Returns:
        The issues, ordered by position in the file (by position in the map otherwise).

    >>> from argmap.model import ArgumentMap, Claim, Relation
    >>> amap = ArgumentMap.model_construct(id="m", title="M",
    ...     nodes=[Claim(id="a", text="A", thesis=True)],
    ...     relations=[Relation(kind="supports", source="a", target="b")])
    >>> [str(i) for i in check(amap)]
    ["error: supports relation (relations[0]): 'to' refers to unknown node 'b'"]
    """
    issues = map_issues(amap)
    if bibliography is not None:
        from argmap.citations.checks import check_citations

        issues.extend(check_citations(amap, bibliography))
    provenance = amap.provenance
    if provenance is not None and provenance.locator is not None:
        return locate_issues(issues, provenance.locator)
    return issues


def map_issues(amap: ArgumentMap, *, structure: bool = True) -> list[Issue]:
    """The problems :func:`check` finds in a map, by their paths in it, not yet located.

    For a caller that drops some before they are located (positions are read from the
    map's file only when an issue needs one).

    Args:
        amap: the map to check.
        structure: run the structural steps (ids, endpoints, actors) too. A reader that has
            just validated the map, which runs them, and found no error passes False.
    """
    ctx = StepContext(amap)
    for step in (*STRUCTURE_STEPS, *_STEPS) if structure else _STEPS:
        step(ctx)
    return ctx.issues


def _node_phrase(n: Node) -> str:
    if isinstance(n, Factor):
        return f"a {n.direction} factor"
    return f"an {n.kind}" if n.kind[0] in "aeiou" else f"a {n.kind}"


#: The relation kinds whose sources must be nodes of one kind.
_KIND_BOUND = frozenset({"pushes", "pulls", "questions"})
#: The direction of the factors that push and pull.
_DIRECTION = {"pushes": "push", "pulls": "pull"}


def _check_kinds(ctx: StepContext) -> None:
    for i, (r, (sources, _)) in enumerate(zip(ctx.amap.relations, ctx.ends, strict=True)):
        if r.kind not in _KIND_BOUND:
            continue
        for source in sources:
            n = ctx.nodes.get(source)
            if n is None:
                continue
            if r.kind == "questions":
                if isinstance(n, Question):
                    continue
            elif isinstance(n, Factor) and n.direction == _DIRECTION[r.kind]:
                continue
            what = describe_relation(r, i)
            if r.kind in ("pushes", "pulls"):
                wanted = "push" if r.kind == "pushes" else "pull"
                if not isinstance(n, Factor):
                    ctx.add(
                        "error",
                        "kind-mismatch",
                        ("relations", i, "kind"),
                        f"{what}: {r.kind} must come from a {wanted} factor, but {source!r} is "
                        f"{_node_phrase(n)}",
                    )
                elif n.direction != wanted:
                    other = "pulls" if r.kind == "pushes" else "pushes"
                    ctx.add(
                        "error",
                        "kind-mismatch",
                        ("relations", i, "kind"),
                        f"{what}: {r.kind} must come from a {wanted} factor, but {source!r} is "
                        f"a {n.direction} factor; use '{other}'",
                    )
            elif r.kind == "questions" and not isinstance(n, Question):
                ctx.add(
                    "error",
                    "kind-mismatch",
                    ("relations", i, "kind"),
                    f"{what}: questions must come from a question node, but {source!r} is "
                    f"{_node_phrase(n)}",
                )
    for i, n in enumerate(ctx.amap.nodes):
        if isinstance(n, Evidence) and not n.cites:
            ctx.add(
                "error",
                "uncited-evidence",
                ("nodes", i),
                f"evidence {n.id!r} cites no source; evidence must cite at least one "
                "(cites: [{key: ..., locator: ...}])",
            )


def _check_thesis(ctx: StepContext) -> None:
    theses = [(i, n) for i, n in enumerate(ctx.amap.nodes) if isinstance(n, Claim) and n.thesis]
    if not theses:
        ctx.add(
            "warning",
            "no-thesis",
            ("nodes",) if ctx.amap.nodes else (),
            "the map has no thesis; mark its main claim with 'thesis: true'",
        )
        return
    first_i, first = theses[0]
    for i, n in theses[1:]:
        ctx.add(
            "error",
            "several-theses",
            ("nodes", i, "thesis"),
            f"{n.id!r} is a second thesis; a map has at most one (the first is {first.id!r} at "
            f"{format_path(('nodes', first_i, 'thesis'))})",
            related=(("nodes", first_i, "thesis"),),
        )


def _check_support_cycles(ctx: StepContext) -> None:
    for cycle in ga.support_cycles(ctx.amap):
        ctx.add(
            "error",
            "support-cycle",
            ("relations", cycle.closing),
            "support cycle (circular reasoning): " + " -> ".join(cycle.steps),
        )


def _check_connected(ctx: StepContext) -> None:
    thesis = ctx.amap.thesis
    if thesis is None:
        return
    connected = ga.connected_to(ctx.amap, thesis.id)
    for i, n in enumerate(ctx.amap.nodes):
        if n.id not in connected:
            ctx.add(
                "warning",
                "disconnected",
                ("nodes", i, "id"),
                f"node {n.id!r} is not connected to the thesis {thesis.id!r}",
            )


def _check_references(ctx: StepContext) -> None:
    """Name, once, the references to other maps, which only a workspace resolves."""
    for i, (sources, target) in enumerate(ctx.ends):
        if not (isinstance(target, Reference) or any(isinstance(s, Reference) for s in sources)):
            continue
        for path, end in endpoint_paths(ctx.amap.relations[i], i):
            if isinstance(end, Reference):
                ctx.add(
                    "warning",
                    NOT_RESOLVED,
                    path,
                    f"{end!r} names a node of another map; not resolved: read the map "
                    "with its corpus (argmap.read_maps, or argmap check on its folder)",
                )
                return


_SCHEME = operator.attrgetter("scheme")
_ANSWERS = operator.attrgetter("answers")


def _check_schemes(ctx: StepContext) -> None:
    """Look the map's scheme names and critical questions up in its catalogue (the bundled
    one and the map's own ``schemes:``); report what is not there, and answers that no
    inference of their scheme is linked to."""
    amap = ctx.amap
    if not (
        amap.schemes
        or any(map(_SCHEME, amap.relations))  # a scheme name is never empty
        or any(map(_ANSWERS, amap.relations))
        or any(map(_ANSWERS, amap.nodes))
    ):
        return  # most maps: the catalogue is not even read
    from argmap.schemes.inferences import find_answers, map_catalogue

    catalogue, problems = map_catalogue(amap)
    ctx.issues.extend(problems)
    looked_up: dict[str, str | None] = {}
    for i, r in enumerate(amap.relations):
        if r.scheme is None:
            continue
        if r.scheme not in looked_up:
            found = catalogue.lookup(r.scheme)
            hint = "" if found.suggestion else "; define it under the map's 'schemes'"
            looked_up[r.scheme] = None if found.message is None else found.message + hint
        message = looked_up[r.scheme]
        if message is not None:
            ctx.add(
                "warning",
                "unknown-scheme",
                ("relations", i, "scheme"),
                f"{describe_relation(r, i)}: {message}",
            )
    for answer in find_answers(amap, catalogue):
        owner = _answer_owner(answer.path, answer.element)
        lookup = answer.lookup
        if lookup.scheme is None or lookup.question is None:
            ctx.add("warning", "unknown-question", answer.path, f"{owner}: {lookup.message}")
        elif not answer.inferences and not answer.unresolved:
            scheme = lookup.scheme.id
            ctx.add(
                "warning",
                "unplaced-answer",
                answer.path,
                f"{owner} answers {answer.ref!r}, but no inference of scheme {scheme!r} is "
                f"linked to it; name the scheme on the inference it answers for "
                f"(scheme: {scheme})",
            )


def _answer_owner(path: Path, element: str) -> str:
    return f"node {element!r}" if path[0] == "nodes" else f"relation {element!r}"


def _check_repeated_relations(ctx: StepContext) -> None:
    seen: dict[tuple[str, tuple[str, ...], str], int] = {}
    for i, (r, (sources, target)) in enumerate(zip(ctx.amap.relations, ctx.ends, strict=True)):
        key = (r.kind, sources if len(sources) == 1 else tuple(sorted(sources)), target)
        if key in seen:
            ctx.add(
                "warning",
                "repeated-relation",
                ("relations", i),
                f"{describe_relation(r, i)} repeats the relation at "
                f"{format_path(('relations', seen[key]))}",
                related=(("relations", seen[key]),),
            )
        else:
            seen[key] = i


_STEPS: tuple[Callable[[StepContext], None], ...] = (
    _check_kinds,
    _check_thesis,
    _check_support_cycles,
    _check_connected,
    _check_repeated_relations,
    _check_references,
    _check_schemes,
)
