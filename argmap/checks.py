"""Semantic checks of an argument map: references, kinds, cycles, the thesis, connectivity."""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

import networkx as nx

from argmap._gc import without_gc
from argmap.errors import Issue, Path, Severity, sort_issues
from argmap.model import ArgumentMap, Claim, Evidence, Factor, Node, Question, Relation
from argmap.model.relation import RELATION_TARGETING_KINDS

if TYPE_CHECKING:
    from argmap.citations.bibliography import Bibliography

__all__ = ["check"]

#: Relation kinds that count as support when looking for circular reasoning.
SUPPORT_KINDS = frozenset({"supports", "pushes"})


@without_gc
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
    ctx = _Context(amap)
    for step in _STEPS:
        step(ctx)
    index = amap._source_index
    issues = ctx.issues
    if bibliography is not None:
        from argmap.citations.checks import check_citations

        issues.extend(check_citations(amap, bibliography))
    if index is not None:
        issues = [
            i if i.location is not None else replace(i, location=index.locate(i.path))
            for i in issues
        ]
        return sort_issues(issues)
    return issues


class _Context:
    """What every check step needs: the map, lookups built once, and the issues found."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.issues: list[Issue] = []
        self.nodes: dict[str, Node] = {}
        self.node_index: dict[str, int] = {}
        self.relation_index: dict[str, int] = {}
        for i, n in enumerate(amap.nodes):
            self.nodes.setdefault(n.id, n)
            self.node_index.setdefault(n.id, i)
        for i, r in enumerate(amap.relations):
            if r.id is not None:
                self.relation_index.setdefault(r.id, i)

    def add(self, severity: Severity, code: str, path: Path, message: str) -> None:
        self.issues.append(Issue(severity, message, code=code, path=path))

    def where(self, path: Path) -> str:
        """Say where a value is, for messages that point at a second place."""
        index = self.amap._source_index
        if index is not None:
            loc = index.locate(path)
            if loc.line is not None:
                return f"line {loc.line}"
        return _path_text(path)


def _path_text(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _describe(r: Relation, i: int) -> str:
    return f"{r.kind} relation {r.id!r}" if r.id else f"{r.kind} relation (relations[{i}])"


def _suggest(name: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def _node_phrase(n: Node) -> str:
    if isinstance(n, Factor):
        return f"a {n.direction} factor"
    return f"an {n.kind}" if n.kind[0] in "aeiou" else f"a {n.kind}"


def _check_ids(ctx: _Context) -> None:
    first: dict[str, Path] = {}
    for i, n in enumerate(ctx.amap.nodes):
        path: Path = ("nodes", i, "id")
        if n.id in first:
            ctx.add(
                "error",
                "duplicate-id",
                path,
                f"duplicate id {n.id!r} (first defined at {ctx.where(first[n.id])}); "
                "ids of nodes and relations must be unique",
            )
        else:
            first[n.id] = path
    for i, r in enumerate(ctx.amap.relations):
        if r.id is None:
            continue
        path = ("relations", i, "id")
        if r.id in first:
            ctx.add(
                "error",
                "duplicate-id",
                path,
                f"duplicate id {r.id!r} (first defined at {ctx.where(first[r.id])}); "
                "ids of nodes and relations must be unique",
            )
        else:
            first[r.id] = path
    actors: dict[str, Path] = {}
    for i, a in enumerate(ctx.amap.actors):
        path = ("actors", i, "id")
        if a.id in actors:
            ctx.add(
                "error",
                "duplicate-id",
                path,
                f"duplicate actor id {a.id!r} (first defined at {ctx.where(actors[a.id])})",
            )
        else:
            actors[a.id] = path


def _check_actors(ctx: _Context) -> None:
    known = {a.id for a in ctx.amap.actors}
    for i, n in enumerate(ctx.amap.nodes):
        if n.actor is not None and n.actor not in known:
            listed = ", ".join(sorted(known)) if known else "none (add an 'actors' list)"
            ctx.add(
                "error",
                "unknown-actor",
                ("nodes", i, "actor"),
                f"node {n.id!r} names unknown actor {n.actor!r}{_suggest(n.actor, known)}; "
                f"defined actors: {listed}",
            )


def _check_endpoints(ctx: _Context) -> None:
    for i, r in enumerate(ctx.amap.relations):
        what = _describe(r, i)
        linked = isinstance(r.source, list)
        seen: set[str] = set()
        for j, source in enumerate(r.sources):
            path: Path = ("relations", i, "from", j) if linked else ("relations", i, "from")
            if source in seen:
                message = f"{what}: premise {source!r} is listed twice"
                ctx.add("error", "repeated-premise", path, message)
            seen.add(source)
            if source in ctx.nodes:
                continue
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
                    f"{_suggest(source, ctx.nodes)}",
                )
        target_path: Path = ("relations", i, "to")
        target = r.target
        if target in r.sources:
            ctx.add("error", "self-relation", target_path, f"{what}: relates {target!r} to itself")
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
                    f"{_suggest(target, ctx.relation_index)}; undercuts target a relation id",
                )
        elif r.kind in RELATION_TARGETING_KINDS:
            if not (is_node or is_relation):
                ctx.add(
                    "error",
                    "unknown-node",
                    target_path,
                    f"{what}: 'to' refers to unknown node or relation {target!r}"
                    f"{_suggest(target, [*ctx.nodes, *ctx.relation_index])}",
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
                f"{what}: 'to' refers to unknown node {target!r}{_suggest(target, ctx.nodes)}",
            )


def _check_kinds(ctx: _Context) -> None:
    for i, r in enumerate(ctx.amap.relations):
        what = _describe(r, i)
        for source in r.sources:
            n = ctx.nodes.get(source)
            if n is None:
                continue
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


def _check_thesis(ctx: _Context) -> None:
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
            f"{ctx.where(('nodes', first_i, 'thesis'))})",
        )


def _check_support_cycles(ctx: _Context) -> None:
    graph: nx.DiGraph = nx.DiGraph()
    first_relation: dict[tuple[str, str], int] = {}
    for i, r in enumerate(ctx.amap.relations):
        if r.kind not in SUPPORT_KINDS or r.target not in ctx.nodes:
            continue
        for source in r.sources:
            if source in ctx.nodes and source != r.target:
                graph.add_edge(source, r.target)
                first_relation.setdefault((source, r.target), i)
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        start = min(component, key=ctx.node_index.__getitem__)
        cycle = nx.find_cycle(graph.subgraph(component), source=start)
        steps = [u for u, _ in cycle] + [cycle[0][0]]
        closing = max(first_relation[(u, v)] for u, v in cycle)
        ctx.add(
            "error",
            "support-cycle",
            ("relations", closing),
            "support cycle (circular reasoning): " + " -> ".join(steps),
        )


def _check_connected(ctx: _Context) -> None:
    thesis = ctx.amap.thesis
    if thesis is None:
        return
    graph: nx.Graph = nx.Graph()
    graph.add_nodes_from(ctx.nodes)
    relation_ends: dict[str, list[str]] = {}
    for r in ctx.amap.relations:
        ends = [*r.sources, r.target]
        if r.id is not None:
            relation_ends[r.id] = ends
    for r in ctx.amap.relations:
        ends = [*r.sources, r.target]
        if r.target not in ctx.nodes and r.target in relation_ends:
            ends = [*r.sources, *relation_ends[r.target]]
        present = [e for e in ends if e in ctx.nodes]
        graph.add_edges_from(itertools.pairwise(present))
    connected = nx.node_connected_component(graph, thesis.id)
    for i, n in enumerate(ctx.amap.nodes):
        if n.id not in connected:
            ctx.add(
                "warning",
                "disconnected",
                ("nodes", i, "id"),
                f"node {n.id!r} is not connected to the thesis {thesis.id!r}",
            )


def _check_repeated_relations(ctx: _Context) -> None:
    seen: dict[tuple[str, tuple[str, ...], str], int] = {}
    for i, r in enumerate(ctx.amap.relations):
        key = (r.kind, tuple(sorted(r.sources)), r.target)
        if key in seen:
            ctx.add(
                "warning",
                "repeated-relation",
                ("relations", i),
                f"{_describe(r, i)} repeats the relation at {ctx.where(('relations', seen[key]))}",
            )
        else:
            seen[key] = i


_STEPS: tuple[Callable[[_Context], None], ...] = (
    _check_ids,
    _check_actors,
    _check_endpoints,
    _check_kinds,
    _check_thesis,
    _check_support_cycles,
    _check_connected,
    _check_repeated_relations,
)
