"""The structure a map must have to be a map: unique ids and references that resolve.

The model enforces this when a map is built, from a file or in code; what the relations
*mean* (kinds that fit their nodes, one thesis, no circular support, connectivity) is
checked by :mod:`argmap.checks`, which reports these structural issues first.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from argmap._names import Hints, listing
from argmap.errors import Issue, Path, Severity, format_path
from argmap.model.reference import Reference
from argmap.model.relation import RELATION_TARGETING_KINDS, Relation

if TYPE_CHECKING:
    from argmap.model.argument_map import ArgumentMap
    from argmap.model.node import Node


class StructureError(ValueError):
    """A map's fields are valid but its structure is not; raised inside model validation.

    Carries the path-only issues and the map that was built, so that a reader can locate
    the issues in its text instead of reporting one pydantic error.
    """

    def __init__(self, issues: list[Issue], amap: ArgumentMap) -> None:
        super().__init__("; ".join(issue.message for issue in issues))
        self.issues = issues
        self.amap = amap


def structure_issues(amap: ArgumentMap) -> list[Issue]:
    """Every structural error of a map (duplicate ids, unknown nodes, relations or actors).

    The issues carry a path into the map, no file location.
    """
    found = StepContext(amap)
    for step in STRUCTURE_STEPS:
        step(found)
    return found.issues


def structure_error_of(error: Mapping[str, object]) -> StructureError | None:
    """The :class:`StructureError` behind one entry of ``ValidationError.errors()``, if any."""
    ctx = error.get("ctx")
    cause = ctx.get("error") if isinstance(ctx, dict) else None
    return cause if isinstance(cause, StructureError) else None


class StepContext:
    """The look-ups a checking step needs, and the issues found (shared with argmap.checks)."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.issues: list[Issue] = []
        #: Did-you-mean hints for unknown ids, which share one budget of comparisons.
        self.hints = Hints()
        self.nodes: dict[str, Node] = {n.id: n for n in amap.nodes}
        if len(self.nodes) != len(amap.nodes):  # a repeated id: the first node keeps it
            self.nodes = {}
            for n in amap.nodes:
                self.nodes.setdefault(n.id, n)

    @functools.cached_property
    def relation_index(self) -> dict[str, int]:
        """The position of each relation id (the first, where one repeats); made on first use."""
        index: dict[str, int] = {}
        for i, r in enumerate(self.amap.relations):
            if r.id is not None:
                index.setdefault(r.id, i)
        return index

    @functools.cached_property
    def ends(self) -> list[tuple[tuple[str, ...], str]]:
        """Each relation's premises and target, in map order (``sources`` made once)."""
        return [
            ((r.source,) if isinstance(r.source, str) else tuple(r.source), r.target)
            for r in self.amap.relations
        ]

    def add(
        self,
        severity: Severity,
        code: str,
        path: Path,
        message: str,
        *,
        related: tuple[Path, ...] = (),
    ) -> None:
        self.issues.append(Issue(severity, message, code=code, path=path, related=related))


def endpoint_paths(r: Relation, i: int) -> list[tuple[Path, str]]:
    """Each endpoint of relation ``i`` with its path in the map: its premises, then its target."""
    linked = isinstance(r.source, list)
    ends: list[tuple[Path, str]] = [
        (("relations", i, "from", j) if linked else ("relations", i, "from"), source)
        for j, source in enumerate(r.sources)
    ]
    ends.append((("relations", i, "to"), r.target))
    return ends


def describe_relation(r: Relation, i: int) -> str:
    return f"{r.kind} relation {r.id!r}" if r.id else f"{r.kind} relation (relations[{i}])"


def _check_ids(ctx: StepContext) -> None:
    named = sum(1 for r in ctx.amap.relations if r.id is not None)
    if (
        len(ctx.nodes) == len(ctx.amap.nodes)
        and len(ctx.relation_index) == named
        and ctx.nodes.keys().isdisjoint(ctx.relation_index)
    ):
        ids: list[tuple[str, Path]] = []  # every id is used once: nothing to report
    else:
        ids = [
            *((n.id, ("nodes", i, "id")) for i, n in enumerate(ctx.amap.nodes)),
            *(
                (r.id, ("relations", i, "id"))
                for i, r in enumerate(ctx.amap.relations)
                if r.id is not None
            ),
        ]
    first: dict[str, Path] = {}
    for element_id, path in ids:
        if element_id in first:
            ctx.add(
                "error",
                "duplicate-id",
                path,
                f"duplicate id {element_id!r} (first defined at "
                f"{format_path(first[element_id])}); ids of nodes and relations must be unique",
                related=(first[element_id],),
            )
        else:
            first[element_id] = path
    actors: dict[str, Path] = {}
    for i, a in enumerate(ctx.amap.actors):
        path = ("actors", i, "id")
        if a.id in actors:
            ctx.add(
                "error",
                "duplicate-id",
                path,
                f"duplicate actor id {a.id!r} (first defined at {format_path(actors[a.id])})",
                related=(actors[a.id],),
            )
        else:
            actors[a.id] = path


def _check_actors(ctx: StepContext) -> None:
    known = {a.id for a in ctx.amap.actors}
    listed = listing(known) if known else "none (add an 'actors' list)"
    for i, n in enumerate(ctx.amap.nodes):
        if n.actor is not None and n.actor not in known:
            ctx.add(
                "error",
                "unknown-actor",
                ("nodes", i, "actor"),
                f"node {n.id!r} names unknown actor {n.actor!r}"
                f"{ctx.hints.did_you_mean(n.actor, known, cutoff=0.75)}; "
                f"defined actors: {listed}",
            )


def _check_endpoints(ctx: StepContext) -> None:
    nodes = ctx.nodes
    for i, r in enumerate(ctx.amap.relations):
        source, target = r.source, r.target
        if (
            isinstance(source, str)
            and source in nodes
            and target in nodes
            and source != target
            and r.kind != "undercuts"
        ):
            continue  # from one node of this map to another: nothing to report
        sources = ctx.ends[i][0]
        what = describe_relation(r, i)
        linked = isinstance(r.source, list)
        seen: set[str] = set()
        for j, source in enumerate(sources):
            path: Path = ("relations", i, "from", j) if linked else ("relations", i, "from")
            if source in seen:
                message = f"{what}: premise {source!r} is listed twice"
                ctx.add("error", "repeated-premise", path, message)
            seen.add(source)
            if source in nodes or isinstance(source, Reference):
                continue  # a node of another map is resolved with its corpus
            if source in ctx.relation_index:
                ctx.add(
                    "error",
                    "relation-as-source",
                    path,
                    f"{what}: 'from' names relation {source!r}; relations start at nodes",
                )
            else:
                ctx.add(
                    "error",
                    "unknown-node",
                    path,
                    f"{what}: 'from' refers to unknown node {source!r}"
                    f"{ctx.hints.did_you_mean(source, ctx.nodes, cutoff=0.75)}",
                )
        target_path: Path = ("relations", i, "to")
        if target in sources:
            ctx.add("error", "self-relation", target_path, f"{what}: relates {target!r} to itself")
        if isinstance(target, Reference):
            continue
        is_node = target in ctx.nodes
        is_relation = target in ctx.relation_index
        if r.kind == "undercuts":
            if is_node:
                ctx.add(
                    "error",
                    "undercut-target",
                    target_path,
                    f"{what}: undercuts must target a relation id (an inference), but {target!r} "
                    "is a node; use 'attacks' to attack a node",
                )
            elif not is_relation:
                ctx.add(
                    "error",
                    "unknown-relation",
                    target_path,
                    f"{what}: 'to' refers to unknown relation {target!r}"
                    f"{ctx.hints.did_you_mean(target, ctx.relation_index, cutoff=0.75)}; "
                    "undercuts target a relation id",
                )
        elif r.kind in RELATION_TARGETING_KINDS:
            if not (is_node or is_relation):
                ctx.add(
                    "error",
                    "unknown-node",
                    target_path,
                    f"{what}: 'to' refers to unknown node or relation {target!r}"
                    + ctx.hints.did_you_mean(target, ctx.nodes, ctx.relation_index, cutoff=0.75),
                )
        elif is_relation and not is_node:
            ctx.add(
                "error",
                "relation-target",
                target_path,
                f"{what}: {r.kind} must target a node, but {target!r} is a relation; "
                "only undercuts and questions target relations",
            )
        elif not is_node:
            ctx.add(
                "error",
                "unknown-node",
                target_path,
                f"{what}: 'to' refers to unknown node {target!r}"
                + ctx.hints.did_you_mean(target, ctx.nodes, cutoff=0.75),
            )


#: The structural checks, in the order their issues are listed.
STRUCTURE_STEPS: tuple[Callable[[StepContext], None], ...] = (
    _check_ids,
    _check_actors,
    _check_endpoints,
)
