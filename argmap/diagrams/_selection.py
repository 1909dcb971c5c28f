"""Which nodes and relations a diagram shows, the citation markers on its nodes, and the
schemes on its inferences.

Shared by the DOT and Mermaid builders so both draw the same selection of a map.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from argmap.errors import RenderError, did_you_mean
from argmap.graph.algorithms import neighbourhood
from argmap.model import ArgumentMap, Citation, Relation

__all__ = ["Drawn", "Markers", "drawn_relations", "scheme_titles", "visible_nodes"]


@dataclass(slots=True)
class Drawn:
    """A relation as drawn: the premises and target left after filtering."""

    index: int
    relation: Relation
    sources: list[str]
    junction: bool = False


def visible_nodes(
    amap: ArgumentMap, *, focus: str | None, depth: int, hide_evidence: bool
) -> set[str]:
    """The ids of the nodes a diagram shows.

    Raises:
        RenderError: ``focus`` names no node of the map, or ``depth`` is negative.
    """
    visible = {n.id for n in amap.nodes}
    if focus is not None:
        if not amap.has_node(focus):
            ids = [n.id for n in amap.nodes]
            hint = did_you_mean(focus, ids)
            known = ", ".join(ids[:8]) + (", ..." if len(ids) > 8 else "")
            raise RenderError(
                f"cannot focus on {focus!r}: map {amap.id!r} has no such node"
                + (hint if hint else f" (its nodes: {known})")
            )
        if depth < 0:
            raise RenderError(f"depth must be 0 or more, got {depth}")
        visible = _neighbourhood(amap, focus, depth)
    if hide_evidence:
        visible -= {n.id for n in amap.evidence}
    return visible


def _neighbourhood(amap: ArgumentMap, focus: str, depth: int) -> set[str]:
    """Nodes at most ``depth`` relations from ``focus``, with linked arguments kept whole."""
    visible = neighbourhood(amap, focus, depth)
    # A linked argument is shown whole or not at all: half its premises would mislead.
    for relation in amap.relations:
        linked_in_view = relation.is_linked and relation.target in visible
        if linked_in_view and any(s in visible for s in relation.sources):
            visible.update(relation.sources)
    return visible


def drawn_relations(amap: ArgumentMap, visible: set[str]) -> list[Drawn]:
    """The relations among visible nodes, in map order, with the junctions they need.

    A relation is drawn when one of its premises is visible and its target is a visible
    node or a drawn relation. It needs a junction when it is linked or when a drawn
    relation targets it.
    """
    candidates = [
        Drawn(i, r, [s for s in r.sources if s in visible]) for i, r in enumerate(amap.relations)
    ]
    candidates = [c for c in candidates if c.sources]
    kept = [c for c in candidates if c.relation.target in visible]
    # Relations that target relations are kept once their target is; chains need rounds.
    pending = [c for c in candidates if c.relation.target not in visible]
    while pending:
        kept_ids = {c.relation.id for c in kept if c.relation.id is not None}
        ready = [c for c in pending if c.relation.target in kept_ids]
        if not ready:
            break
        kept.extend(ready)
        taken = {c.index for c in ready}
        pending = [c for c in pending if c.index not in taken]
    kept.sort(key=lambda c: c.index)
    targeted = {c.relation.target for c in kept}
    for item in kept:
        item.junction = item.relation.is_linked or (
            item.relation.id is not None and item.relation.id in targeted
        )
    return kept


class Markers:
    """Citation markers: numbers in order of first citation, or the labels given."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self.labels = labels
        self.order: dict[str, int] = {}

    def key_label(self, key: str) -> str:
        """The marker text of a key; the first call for a key gives it the next number."""
        self.order.setdefault(key, len(self.order) + 1)
        return self.labels.get(key) or str(self.order[key])

    def marker(self, cites: Iterable[Citation]) -> str:
        """The marker of a node's citations, ``[1, p. 1; 2]``, or ``""`` without any."""
        parts: list[str] = []
        for citation in cites:
            label = self.key_label(citation.key)
            part = f"{label}, {citation.locator}" if citation.locator else label
            if part not in parts:
                parts.append(part)
        return f"[{'; '.join(parts)}]" if parts else ""


def scheme_titles(amap: ArgumentMap) -> dict[int, str]:
    """The title of the scheme each relation names, by the relation's position.

    Names are looked up in the bundled catalogue with the map's own ``schemes:``; a name
    the catalogue lacks is shown as written (``argmap check`` reports it), and one that
    says no scheme was chosen (AIF's ``RA``) gets no title.

    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[Claim(id="a", text="A"),
    ...     Claim(id="b", text="B")], relations=[Relation(kind="supports", source="a",
    ...     target="b", scheme="expert-opinion")])
    >>> scheme_titles(amap)
    {0: 'Argument from expert opinion'}
    """
    if all(r.scheme is None for r in amap.relations):
        return {}
    # Imported here: most maps name no scheme, and the catalogue is read on first use.
    from argmap.schemes.inferences import map_catalogue

    catalogue, _ = map_catalogue(amap)
    by_name: dict[str, str | None] = {}
    titles: dict[int, str] = {}
    for index, relation in enumerate(amap.relations):
        name = relation.scheme
        if name is None:
            continue
        if name not in by_name:
            found = catalogue.lookup(name)
            by_name[name] = (
                found.scheme.title
                if found.scheme is not None
                else (name if found.status == "unknown" else None)
            )
        title = by_name[name]
        if title is not None:
            titles[index] = title
    return titles


#: Relations among the nodes of one cycle of relations past which a map is refused for
#: layout. Graphviz's dot ranks a cycle's nodes by reversing some of its edges and then
#: routes every edge across the ranks; past a few hundred relations in cycles this takes
#: minutes (100 claims with 500 attacks at random: 10 s; 300 with 900: over 2 minutes),
#: where an argument map's cycles are a few mutual attacks.
MAX_TANGLED = 400


def tangle(amap: ArgumentMap, visible: set[str]) -> tuple[int, int]:
    """The relations among the visible nodes of the largest cycle of relations (a strongly
    connected group of nodes), and its number of nodes; (0, 0) when there is none.

    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[Claim(id=i, text=i) for i in "abc"],
    ...     relations=[Relation(kind="attacks", source="a", target="b"),
    ...                Relation(kind="attacks", source="b", target="a"),
    ...                Relation(kind="supports", source="c", target="a")])
    >>> tangle(amap, {"a", "b", "c"})
    (2, 2)
    """
    from argmap.graph.algorithms import strongly_connected

    successors: dict[str, list[str]] = {}
    for relation in amap.relations:
        if relation.target in visible:
            for source in relation.sources:
                if source in visible:
                    successors.setdefault(source, []).append(relation.target)
    group_of: dict[str, int] = {}
    for count, group in enumerate(strongly_connected(successors)):
        if len(group) > 1:
            group_of.update(dict.fromkeys(group, count))
    if not group_of:
        return 0, 0
    inside: dict[int, int] = {}
    for source, targets in successors.items():
        found = group_of.get(source)
        if found is not None:
            inside[found] = inside.get(found, 0) + sum(
                1 for t in targets if group_of.get(t) == found
            )
    largest = max(inside, key=inside.__getitem__)
    return inside[largest], sum(1 for n in group_of.values() if n == largest)
