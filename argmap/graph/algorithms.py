"""Graph algorithms over an argument map: support, neighbourhoods, cycles, components, chains.

Plain functions, the map (or an adjacency mapping) first, named by what they find. They
need no networkx, so checking and drawing a map never import it; networkx is for users
who want its algorithms on :func:`argmap.to_networkx`'s graph.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from argmap.model import ArgumentMap
from argmap.model.reference import Reference

__all__ = [
    "SUPPORT_KINDS",
    "SupportCycle",
    "chain_heights",
    "components",
    "connected_to",
    "neighbourhood",
    "relation_endpoints",
    "support_closure",
    "support_cycles",
    "supporters",
    "topological_order",
]

#: Relation kinds that count as support (reasons for a claim, push factors for an outcome).
SUPPORT_KINDS = frozenset({"supports", "pushes"})

K = TypeVar("K", bound=Hashable)


def supporters(amap: ArgumentMap, node_id: str) -> list[str]:
    """The ids of the nodes that support a node directly, in map order.

    Support is ``supports`` and ``pushes`` (premises of linked arguments included).

    >>> from argmap.model import ArgumentMap, Claim, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[Claim(id="t", text="T"),
    ...     Claim(id="a", text="A"), Claim(id="b", text="B")],
    ...     relations=[Relation(kind="supports", source="a", target="t"),
    ...                Relation(kind="supports", source="b", target="a")])
    >>> supporters(amap, "t"), support_closure(amap, "t")
    (['a'], ['t', 'a', 'b'])
    """
    found = {
        source
        for r in amap.relations
        if r.target == node_id and r.kind in SUPPORT_KINDS
        for source in r.sources
    }
    return [n.id for n in amap.nodes if n.id in found]


def support_closure(amap: ArgumentMap, node_id: str) -> list[str]:
    """A node and every node that supports it, directly or through others, in map order.

    One pass over the relations builds the support edges; the search is then linear.

    Raises:
        KeyError: the map has no node with this id.
    """
    amap.node(node_id)
    into: dict[str, list[str]] = {}
    for r in amap.relations:
        if r.kind in SUPPORT_KINDS:
            into.setdefault(r.target, []).extend(r.sources)
    found = {node_id}
    queue = [node_id]
    while queue:
        for source in into.get(queue.pop(), ()):
            if source not in found and amap.has_node(source):
                found.add(source)
                queue.append(source)
    return [n.id for n in amap.nodes if n.id in found]


def relation_endpoints(amap: ArgumentMap) -> list[list[str]]:
    """The ids each relation joins, one list per relation; a targeted relation counts as
    its own ends (an undercut joins the undercutter and the inference's premises and
    conclusion)."""
    index = {r.id: i for i, r in enumerate(amap.relations) if r.id is not None}
    result: list[list[str]] = []
    for relation in amap.relations:
        nodes = list(relation.sources)
        target, seen = relation.target, set()
        while target in index and target not in seen:
            seen.add(target)
            inner = amap.relations[index[target]]
            nodes.extend(inner.sources)
            target = inner.target
        if target not in index:
            nodes.append(target)
        result.append(nodes)
    return result


def neighbourhood(amap: ArgumentMap, focus: str, depth: int) -> set[str]:
    """The ids at most ``depth`` relations from ``focus``, in either direction."""
    adjacent: dict[str, set[str]] = {}
    for nodes in relation_endpoints(amap):
        for node in nodes:
            adjacent.setdefault(node, set()).update(nodes)
    found = {focus: 0}
    queue = deque([focus])
    while queue:
        current = queue.popleft()
        if found[current] == depth:
            continue
        for neighbour in adjacent.get(current, ()):
            if neighbour not in found:
                found[neighbour] = found[current] + 1
                queue.append(neighbour)
    return set(found)


def components(amap: ArgumentMap) -> list[set[str]]:
    """The connected components of the map's nodes (relations joining their ends), in the
    order of their first node."""
    adjacent = _undirected(amap)
    seen: set[str] = set()
    result = []
    for n in amap.nodes:
        if n.id not in seen:
            component = _reach(adjacent, n.id)
            seen |= component
            result.append(component)
    return result


def connected_to(amap: ArgumentMap, node_id: str) -> set[str]:
    """The ids of the nodes joined to a node by relations, in either direction (itself too)."""
    return _reach(_undirected(amap), node_id)


def _undirected(amap: ArgumentMap) -> dict[str, list[str]]:
    """Each node's neighbours, relations taken both ways (a repeated one may repeat)."""
    adjacent: dict[str, list[str]] = {n.id: [] for n in amap.nodes}
    ends_of: dict[str, list[str]] | None = None
    for r in amap.relations:
        source, target = r.source, r.target
        if isinstance(source, str) and source in adjacent and target in adjacent:
            adjacent[source].append(target)  # the common case: one node to another
            adjacent[target].append(source)
            continue
        ends = [*r.sources, target]
        if target not in adjacent and not isinstance(target, Reference):
            if ends_of is None:
                ends_of = {q.id: [*q.sources, q.target] for q in amap.relations if q.id is not None}
            if target in ends_of:
                ends = [*r.sources, *ends_of[target]]
        # A node of another map (MAP-ID#NODE-ID) joins this map's nodes too.
        present = [e for e in ends if e in adjacent or "#" in e]
        for u, v in itertools.pairwise(present):
            adjacent.setdefault(u, []).append(v)
            adjacent.setdefault(v, []).append(u)
    return adjacent


def _reach(adjacent: Mapping[str, Iterable[str]], start: str) -> set[str]:
    found = {start}
    queue = [start]
    while queue:
        for nxt in adjacent.get(queue.pop(), ()):
            if nxt not in found:
                found.add(nxt)
                queue.append(nxt)
    return found


@dataclass(frozen=True, slots=True)
class SupportCycle:
    """Circular reasoning: ``steps`` from a node back to itself, and the relation (its
    index in the map) that closes the cycle last."""

    steps: tuple[str, ...]
    closing: int


def support_cycles(amap: ArgumentMap) -> list[SupportCycle]:
    """One cycle of support for each group of nodes that support each other in a circle.

    Each cycle starts at the group's first node in map order.

    >>> from argmap.model import ArgumentMap, Claim, Relation
    >>> amap = ArgumentMap(id="m", title="M",
    ...     nodes=[Claim(id="a", text="A"), Claim(id="b", text="B")],
    ...     relations=[Relation(kind="supports", source="a", target="b"),
    ...                Relation(kind="supports", source="b", target="a")])
    >>> support_cycles(amap)
    [SupportCycle(steps=('a', 'b', 'a'), closing=1)]
    """
    position: dict[str, int] = {}
    for i, n in enumerate(amap.nodes):
        position.setdefault(n.id, i)
    first_relation: dict[tuple[str, str], int] = {}
    for i, r in enumerate(amap.relations):
        target = r.target
        if r.kind not in SUPPORT_KINDS or target not in position:
            continue
        for source in (r.source,) if isinstance(r.source, str) else r.source:
            edge = (source, target)
            if source in position and source != target and edge not in first_relation:
                first_relation[edge] = i
    successors: dict[str, list[str]] = {}
    for source, target in first_relation:
        successors.setdefault(source, []).append(target)
        successors.setdefault(target, [])
    if topological_order(successors) is not None:
        return []  # the usual case, found in one linear pass: support runs one way
    result = []
    for component in strongly_connected(successors):
        if len(component) < 2:
            continue
        start = min(component, key=position.__getitem__)
        cycle = _find_cycle(successors, component, start)
        closing = max(first_relation[edge] for edge in itertools.pairwise(cycle))
        result.append(SupportCycle(tuple(cycle), closing))
    return result


def strongly_connected(successors: Mapping[K, Sequence[K]]) -> list[set[K]]:
    """The strongly connected components of a directed graph given by its successors
    (Tarjan's algorithm, without recursion), each once, sinks first."""
    index: dict[K, int] = {}
    low: dict[K, int] = {}
    on_stack: set[K] = set()
    stack: list[K] = []
    result: list[set[K]] = []
    for root in successors:
        if root in index:
            continue
        work: list[tuple[K, int]] = [(root, 0)]
        while work:
            node, i = work[-1]
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            following = successors.get(node, ())
            if i < len(following):
                work[-1] = (node, i + 1)
                nxt = following[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                result.append(component)
    return result


def _find_cycle(successors: Mapping[K, Sequence[K]], within: Collection[K], start: K) -> list[K]:
    """The first cycle a depth-first search from ``start`` meets, closed (last = first)."""
    path = [start]
    on_path = {start}
    done: set[K] = set()
    work = [(start, 0)]
    while work:
        node, i = work[-1]
        following = [s for s in successors.get(node, ()) if s in within]
        if i < len(following):
            work[-1] = (node, i + 1)
            nxt = following[i]
            if nxt in on_path:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in done:
                work.append((nxt, 0))
                path.append(nxt)
                on_path.add(nxt)
            continue
        work.pop()
        done.add(node)
        on_path.discard(path.pop())
    raise ValueError("no cycle through the start node")


def topological_order(successors: Mapping[K, Iterable[K]]) -> list[K] | None:
    """The nodes in an order where every edge points forward (Kahn's algorithm); None when
    the graph has a cycle.

    >>> topological_order({"a": ["b"], "b": ["c"], "c": []})
    ['a', 'b', 'c']
    >>> topological_order({"a": ["b"], "b": ["a"]}) is None
    True
    """
    indegree: dict[K, int] = {}
    for node, following in successors.items():
        indegree.setdefault(node, 0)
        for nxt in following:
            indegree[nxt] = indegree.get(nxt, 0) + 1
    ready = [n for n, d in indegree.items() if d == 0]
    order: list[K] = []
    while ready:
        current = ready.pop()
        order.append(current)
        for nxt in successors.get(current, ()):
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order if len(order) == len(indegree) else None


def chain_heights(successors: Mapping[K, Sequence[K]]) -> dict[K, int]:
    """For each node, the length in edges of the longest chain that starts there.

    An edge back into the chain being followed (a cycle) is ignored, as Graphviz reverses
    it when it ranks a diagram.

    >>> chain_heights({"a": ["b"], "b": ["c"], "c": ["a"]})["a"]
    2
    """
    height: dict[K, int] = {}
    for start in successors:
        stack: list[tuple[K, int]] = [(start, 0)]
        on_path = {start}
        while stack:
            name, position = stack[-1]
            following = successors.get(name, ())
            if name in height:
                stack.pop()
                on_path.discard(name)
            elif position < len(following):
                stack[-1] = (name, position + 1)
                successor = following[position]
                if successor not in height and successor not in on_path:
                    stack.append((successor, 0))
                    on_path.add(successor)
            else:
                height[name] = 1 + max(
                    (height.get(s, -1) for s in following if s not in on_path), default=-1
                )
                stack.pop()
                on_path.discard(name)
    return height
