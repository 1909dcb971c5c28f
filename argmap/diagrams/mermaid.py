"""The map as a Mermaid flowchart, which GitHub and GitLab draw inside Markdown.

The grammar follows the DOT diagrams as far as Mermaid allows: shapes and colours by node
kind, a thick arrow for pushes, a dotted one for pulls, a cross for attacks and undercuts,
and a small circle where premises join or an inference is undercut.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.diagrams._selection import (
    Drawn,
    Markers,
    drawn_relations,
    scheme_titles,
    visible_nodes,
)
from argmap.diagrams.dot import LayoutDirection
from argmap.diagrams.escape import escape_mermaid, wrap
from argmap.diagrams.options import check_options
from argmap.diagrams.theme import COLOR, NodeRole, node_role
from argmap.model import ArgumentMap, Node, RelationKind

__all__ = ["to_mermaid"]

# Shapes as (opening, closing) brackets around the quoted label.
_SHAPES: dict[NodeRole, tuple[str, str]] = {
    "thesis": ("(", ")"),
    "claim": ("(", ")"),
    "evidence": ("[/", "/]"),
    "push": ("[", "]"),
    "pull": ("[", "]"),
    "question": ("{{", "}}"),
}
# Link syntax by relation kind: the line into a junction, and the arrow to the target.
_LINKS: dict[RelationKind, tuple[str, str]] = {
    "supports": ("---", "-->"),
    "attacks": ("---", "--x"),
    "undercuts": ("-.-", "-.-x"),
    "pushes": ("===", "==>"),
    "pulls": ("-.-", "-.->"),
    "questions": ("-.-", "-.-o"),
    "rephrases": ("-.-", "-.->"),
    "prefers": ("---", "-->"),
}
# Kinds whose arrow alone could be mistaken for another's get a word on the line.
_LINK_LABELS: dict[RelationKind, str] = {
    "pulls": "pull",
    "pushes": "push",
    "rephrases": "rephrases",
    "prefers": "preferred to",
    "questions": "questions",
    "undercuts": "undercuts",
}


#: Mermaid's configuration, as the directive on the first line of a flowchart.
_CONFIG = '%%{init: {"flowchart": {"wrappingWidth": 2000}}}%%'


def to_mermaid(
    amap: ArgumentMap,
    *,
    direction: LayoutDirection = "TB",
    wrap_width: int = 30,
    hide_evidence: bool = False,
    hide_citations: bool = False,
    hide_text: bool = False,
    focus: str | None = None,
    depth: int = 1,
    citation_labels: Mapping[str, str] | None = None,
    imported: Mapping[str, str] | None = None,
    show_schemes: bool = False,
) -> str:
    """The map as Mermaid flowchart source (put it in a ```` ```mermaid ```` block).

    The options mean what they mean for :func:`argmap.to_dot`; nodes in ``imported`` get
    the class ``imported`` (a dashed border) and their map's id in the label, and with
    ``show_schemes`` an inference's scheme title is the label of the link into its
    conclusion (after the word that names the kind, where there is one). Every label is escaped
    with Mermaid entity codes, so no text of the map can change the flowchart.

    Raises:
        OptionError: an option has a value it cannot take (the error lists the choices).
        RenderError: ``focus`` names no node of the map.

    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[
    ...     Claim(id="t", text='"Thesis"', thesis=True), Claim(id="r", text="Reason")],
    ...     relations=[Relation(kind="supports", source="r", target="t")])
    >>> print(to_mermaid(amap, hide_citations=True), end="")
    %%{init: {"flowchart": {"wrappingWidth": 2000}}}%%
    flowchart BT
        n0("<small>THESIS</small><br><b>#quot;Thesis#quot;</b>")
        n1("<small>CLAIM</small><br><b>Reason</b>")
        n1 --> n0
        classDef thesis fill:#d6e6f5,stroke:#1f4e79,stroke-width:3px,color:#1a1a1a
        classDef claim fill:#eef4fb,stroke:#4a78a8,stroke-width:1.2px,color:#1a1a1a
        class n0 thesis
        class n1 claim
        linkStyle 0 stroke:#2b5d8c,stroke-width:1.4px
    """
    check_options({name: value for name, value in locals().items() if name != "amap"})
    visible = visible_nodes(amap, focus=focus, depth=depth, hide_evidence=hide_evidence)
    drawn = drawn_relations(amap, visible)
    nodes = [n for n in amap.nodes if n.id in visible]
    names = {n.id: f"n{i}" for i, n in enumerate(amap.nodes)}
    markers = Markers(citation_labels or {})
    # Mermaid reads "TB" top to bottom; arrows point at what they support, so the thesis
    # on top needs the bottom-to-top flow (as in the DOT diagrams).
    # The labels are wrapped here already; Mermaid would wrap them a second time at its
    # default of 200 px, so its own wrapping is pushed out of reach.
    lines = [_CONFIG, f"flowchart {'BT' if direction == 'TB' else 'LR'}"]
    origins = imported or {}
    for node in nodes:
        label = _label(amap, node, markers, wrap_width, hide_text, hide_citations)
        if node.id in origins:
            label = label.replace(
                "</small>", f" · from {escape_mermaid(origins[node.id])}</small>", 1
            )
        opening, closing = _SHAPES[node_role(node)]
        lines.append(f'    {names[node.id]}{opening}"{label}"{closing}')

    junctions = {d.index: f"j{d.index}" for d in drawn if d.junction}
    by_id = {d.relation.id: d for d in drawn if d.relation.id is not None}
    schemes = scheme_titles(amap) if show_schemes else {}
    link_kinds: list[RelationKind] = []
    for item in drawn:
        link_kinds.extend(
            _links(lines, item, names, junctions, by_id, schemes.get(item.index), wrap_width)
        )

    roles = {node_role(n) for n in nodes}
    for role, style in COLOR.nodes.items():
        if role in roles:
            dash = ",stroke-dasharray:5 3" if "dashed" in style.style else ""
            lines.append(
                f"    classDef {role} fill:{style.fillcolor},stroke:{style.color},"
                f"stroke-width:{style.penwidth:g}px,color:{style.fontcolor}{dash}"
            )
    for role in COLOR.nodes:
        members = [names[n.id] for n in nodes if node_role(n) == role]
        if members:
            lines.append(f"    class {','.join(members)} {role}")
    from_elsewhere = [names[n.id] for n in nodes if n.id in origins]
    if from_elsewhere:
        lines.append("    classDef imported stroke-dasharray:5 3")
        lines.append(f"    class {','.join(from_elsewhere)} imported")
    if junctions:
        lines.append("    classDef junction fill:#4d4d4d,stroke:#4d4d4d")
        lines.append(f"    class {','.join(junctions.values())} junction")
    for kind, edge in COLOR.edges.items():
        indexes = [str(i) for i, k in enumerate(link_kinds) if k == kind]
        if indexes:
            lines.append(
                f"    linkStyle {','.join(indexes)} stroke:{edge.color},"
                f"stroke-width:{edge.penwidth:g}px"
            )
    return "\n".join(lines) + "\n"


def _label(
    amap: ArgumentMap,
    node: Node,
    markers: Markers,
    wrap_width: int,
    hide_text: bool,
    hide_citations: bool,
) -> str:
    tag = COLOR.nodes[node_role(node)].tag
    if node.actor is not None and any(a.id == node.actor for a in amap.actors):
        tag = f"{tag} · {amap.actor(node.actor).name}"
    parts = [f"<small>{escape_mermaid(tag)}</small>"]
    if node.title is not None:
        title = "<br>".join(escape_mermaid(x) for x in wrap(node.title, wrap_width))
        parts.append(f"<b>{title}</b>")
    if node.title is None or not hide_text:
        text = "<br>".join(escape_mermaid(x) for x in wrap(node.text, wrap_width))
        parts.append(f"<b>{text}</b>" if node.title is None else text)
    marker = "" if hide_citations else markers.marker(node.cites)
    if marker:
        parts.append(f"<small>{escape_mermaid(marker)}</small>")
    return "<br>".join(parts)


def _links(
    lines: list[str],
    item: Drawn,
    names: Mapping[str, str],
    junctions: Mapping[int, str],
    by_id: Mapping[str, Drawn],
    scheme: str | None,
    wrap_width: int,
) -> list[RelationKind]:
    """Append the links of one relation; return the kind of each link, in order."""
    relation = item.relation
    into, arrow = _LINKS[relation.kind]
    words = [escape_mermaid(word)] if (word := _LINK_LABELS.get(relation.kind)) else []
    if scheme is not None:
        width = max(wrap_width * 2 // 3, 16) if wrap_width > 0 else 0
        words.append("<i>" + "<br>".join(escape_mermaid(x) for x in wrap(scheme, width)) + "</i>")
    target_drawn = by_id.get(relation.target)
    head = junctions[target_drawn.index] if target_drawn is not None else names[relation.target]
    labelled = f'{arrow}|"{"<br>".join(words)}"|' if words else arrow
    if not item.junction:
        lines.append(f"    {names[item.sources[0]]} {labelled} {head}")
        return [relation.kind]
    key = junctions[item.index]
    lines.append(f'    {key}((" "))')
    for source in item.sources:
        lines.append(f"    {names[source]} {into} {key}")
    lines.append(f"    {key} {labelled} {head}")
    return [relation.kind] * (len(item.sources) + 1)
