"""Building the DOT diagram of a map as a ``graphviz.Digraph``; no process is started here.

The diagram follows the visual grammar of :mod:`argmap.diagrams.theme`. A relation is an
edge from its source to its target, except where it cannot be one (the model of
:mod:`argmap.graph`): a linked argument (premises that support only together) and a
relation that another relation targets (an undercut attacks the inference, not its
conclusion) become a small *junction* dot; premises join at the dot, one arrow leaves it,
and undercuts and questions of the inference point at the dot.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypedDict

import graphviz
from graphviz.quoting import a_list, quote

from argmap.diagrams._selection import (
    Drawn,
    Markers,
    drawn_relations,
    scheme_titles,
    visible_nodes,
)
from argmap.diagrams.escape import escape_html, escape_string, html_lines, wrap
from argmap.diagrams.options import (
    PAGE_SIZES,
    GroupBy,
    LayoutDirection,
    PageSize,
    check_options,
)
from argmap.diagrams.theme import (
    NODE_ROLES,
    THEMES,
    NodeRole,
    Theme,
    ThemeName,
    Tone,
    node_role,
)
from argmap.graph.algorithms import chain_heights
from argmap.graph.convert import junction_key
from argmap.model import ArgumentMap, Factor, Node, RelationKind

__all__ = [
    "PAGE_SIZES",
    "Diagram",
    "DiagramOptions",
    "GroupBy",
    "LayoutDirection",
    "PageSize",
    "to_dot",
]

#: The margin left free on every side of a paper page and of a slide, in inches.
_PAGE_MARGIN = 0.4
_SLIDE_MARGIN = 0.2
#: The resolution of a slide's PNG: 1920 by 1080 pixels.
_SLIDE_DPI = 144

#: Maps with more nodes than this get bounded layout passes (see to_dot).
_BOUNDED_LAYOUT = 500
#: Maps with more nodes than this lay out slowly and unreadably; callers suggest ``focus``.
LARGE_MAP = 1000

_KIND_CLUSTERS: dict[NodeRole, str] = {
    "thesis": "Claims",
    "claim": "Claims",
    "evidence": "Evidence",
    "push": "Push factors",
    "pull": "Pull factors",
    "question": "Questions",
}


class DiagramOptions(TypedDict, total=False):
    """The keyword options of :func:`to_dot`, for functions that pass them on."""

    direction: LayoutDirection
    wrap_width: int
    group_by: GroupBy | None
    hide_evidence: bool
    hide_citations: bool
    hide_text: bool
    focus: str | None
    depth: int
    theme: ThemeName
    show_weights: bool
    legend: bool
    key_block: bool
    title: bool
    citation_labels: Mapping[str, str] | None
    references: Mapping[str, str] | None
    size: PageSize | None
    dpi: int | None
    annotations: Mapping[str, str] | None
    annotation_key: str | None
    tones: Mapping[str, Tone] | None
    show_schemes: bool
    imported: Mapping[str, str] | None


class Diagram(graphviz.Digraph):  # type: ignore[misc]
    """A map's Graphviz diagram, which a notebook shows as wide as its cell at most.

    ``graphviz`` shows a graph as SVG of a fixed size in points, which a wide diagram
    overflows; this one is drawn through :func:`argmap.diagrams.backend.pipe` (so page
    sizes apply) and shown with a ``viewBox``, ``width="100%"`` and its own width as
    ``max-width``.
    """

    def _repr_image_svg_xml(self) -> str:
        from argmap.diagrams.backend import pipe
        from argmap.diagrams.svg import fit_svg

        svg = pipe(self.source, format="svg").decode("utf-8")
        return fit_svg(svg, alt=f"Argument map diagram {self.name or ''}".strip())


def to_dot(
    amap: ArgumentMap,
    *,
    direction: LayoutDirection = "TB",
    wrap_width: int = 30,
    group_by: GroupBy | None = None,
    hide_evidence: bool = False,
    hide_citations: bool = False,
    hide_text: bool = False,
    focus: str | None = None,
    depth: int = 1,
    theme: ThemeName = "color",
    show_weights: bool = False,
    legend: bool = False,
    key_block: bool = True,
    title: bool = True,
    citation_labels: Mapping[str, str] | None = None,
    references: Mapping[str, str] | None = None,
    size: PageSize | None = None,
    dpi: int | None = None,
    annotations: Mapping[str, str] | None = None,
    annotation_key: str | None = None,
    tones: Mapping[str, Tone] | None = None,
    show_schemes: bool = False,
    imported: Mapping[str, str] | None = None,
) -> Diagram:
    """The map as a Graphviz diagram, ready to render or to read as DOT source.

    Args:
        amap: the map.
        direction: ``"TB"`` puts the thesis on top with every arrow pointing up toward
            what it supports; ``"LR"`` puts reasons on the left and the thesis on the right.
        wrap_width: the longest line of a label, in characters (below 1: no wrapping).
        group_by: draw a box around the nodes of each ``"actor"`` or of each ``"kind"``.
        hide_evidence: leave evidence nodes (and relations from them alone) out.
        hide_citations: leave the citation markers and the key block out.
        hide_text: show each node's title only (its text where it has no title).
        focus: show only this node and its neighbourhood.
        depth: how many relations away from ``focus`` a node may be and still be shown.
        theme: ``"color"``, or ``"print"`` for grayscale print.
        show_weights: show factor and relation weights.
        legend: add a legend that explains the shapes, colours and line styles.
        key_block: list the cited works under the diagram (when citations are shown).
        title: show the map's title above the diagram.
        citation_labels: the marker of each bibliography key (e.g. ``"Shagina 2018"``);
            keys without one are numbered ``[1]``, ``[2]``, ... in order of first citation.
        references: the formatted reference of each key, for the key block; keys
            without one are listed as the key itself.
        size: draw on pages of an exact size: ``"a4"`` (595 by 842 pt) or ``"letter"``
            (612 by 792 pt), upright for ``TB`` and landscape for ``LR``, or a 16:9
            ``"slide"`` (1920 by 1080 px as PNG). Text keeps its size (8 pt at least): a
            PDF too large for one page becomes a grid of pages; an image is one page,
            shrunk to fit where it must (:func:`argmap.diagrams.warnings.diagram_warnings`
            says so).
        dpi: the resolution of bitmap output (PNG), in dots per inch (a slide: 144).
        annotations: a short text shown on each node it names, such as its status or
            strength under an argumentation semantics (see ``argmap render --analysis``).
        annotation_key: what the annotations mean, shown in the legend.
        tones: how an analysis reads each node it names: ``"stands"``, ``"falls"`` or
            ``"open"`` (:func:`argmap.analysis.report.node_annotations` gives them). The
            node is filled with the tone's colour and its annotation framed as a badge
            with a mark (``✓``, ``✗``, ``?``), in colour and in form, as the legend says.
        show_schemes: label each inference that names a scheme with the scheme's title,
            on the arrow into its conclusion.
        imported: the map id of each node taken from another map (see
            :func:`argmap.corpus.view.corpus_view`): drawn with a dashed border, its map
            named in its label.

    Returns:
        The diagram; ``str(result)`` is the DOT source.

    Raises:
        OptionError: an option has a value it cannot take (the error lists the choices).
        RenderError: ``focus`` names no node of the map.

    >>> from argmap.model import Claim, Relation
    >>> amap = ArgumentMap(id="m", title="M", nodes=[
    ...     Claim(id="t", text="Thesis", thesis=True), Claim(id="r", text="Reason")],
    ...     relations=[Relation(kind="supports", source="r", target="t")])
    >>> "r -> t" in to_dot(amap).source
    True
    """
    check_options({name: value for name, value in locals().items() if name != "amap"})
    style = THEMES[theme]
    visible = visible_nodes(amap, focus=focus, depth=depth, hide_evidence=hide_evidence)
    drawn = drawn_relations(amap, visible)
    nodes = [n for n in amap.nodes if n.id in visible]
    names = _dot_names(amap)
    markers = Markers(citation_labels or {})

    dot = Diagram(name=escape_string(amap.id))
    # Arrows run from reasons to what they support, so "top-down" (the thesis on top, as
    # argument maps are read) lays the graph out bottom to top.
    dot.attr(
        "graph",
        rankdir="BT" if direction == "TB" else "LR",
        nodesep="0.3",
        ranksep="0.45",
        fontname=style.fontname,
        pad="0.2",
    )
    if group_by is not None:
        # The classic ranking lays out each box on its own and can sink the thesis below
        # the nodes that support it; the newer one ranks the whole diagram at once.
        dot.attr("graph", newrank="true")
    if size is not None:
        # Graphviz's own page attributes; argmap.diagrams.backend draws them (see pages.py).
        width, height = _page(size, direction)
        margin = _SLIDE_MARGIN if size == "slide" else _PAGE_MARGIN
        dot.attr("graph", page=f"{width / 72:.6g},{height / 72:.6g}", margin=f"{margin:g}")
    if dpi is not None or size == "slide":
        dot.attr("graph", dpi=str(dpi if dpi is not None else _SLIDE_DPI))
    if len(nodes) > _BOUNDED_LAYOUT:
        # Graphviz's crossing and positioning passes grow much faster than the map; bound
        # their iterations so that a large map still lays out in seconds, not hours.
        dot.attr("graph", nslimit="1.0", mclimit="0.3")
    dot.attr(
        "node", fontname=style.fontname, fontcolor=style.text, fontsize="10", margin="0.14,0.08"
    )
    dot.attr("edge", fontname=style.fontname, fontsize="9", arrowsize="0.9")
    if title:
        title_width = max(wrap_width * 3, 60)
        if size is not None:
            # A 16 pt bold character is about 9 pt wide: keep the title inside the page.
            title_width = min(title_width, int((_page(size, direction)[0] - 72) / 9))
        dot.attr(
            "graph",
            label=f"<<B>{html_lines(wrap(amap.title, title_width))}</B>>",
            labelloc="t",
            labeljust="c",
            fontsize="16",
        )

    statements = _Statements()
    options = _NodeOptions(
        theme=style,
        wrap_width=wrap_width,
        hide_text=hide_text,
        citations=not hide_citations,
        weights=show_weights,
        actors=group_by != "actor",
        focus=focus,
        annotations=annotations or {},
        tones=tones or {},
        imported=imported or {},
    )
    for number, (group, members) in enumerate(_groups(amap, nodes, group_by)):
        if group is None:
            for node in members:
                _add_node(dot, amap, node, names[node.id], markers, options, statements)
            continue
        with dot.subgraph(name=f"cluster_{number}") as cluster:
            cluster.attr(
                label=f"<{escape_html(group)}>",
                style="rounded,dashed",
                color=style.cluster,
                fontcolor=style.muted,
                fontsize="11",
                labeljust="l",
            )
            for node in members:
                _add_node(cluster, amap, node, names[node.id], markers, options, statements)

    junctions = {d.index: junction_key(d.relation, d.index) for d in drawn if d.junction}
    by_id = {d.relation.id: d for d in drawn if d.relation.id is not None}
    schemes = scheme_titles(amap) if show_schemes else {}
    for item in drawn:
        _add_relation(
            dot,
            item,
            names,
            junctions,
            by_id,
            style,
            statements,
            weights=show_weights,
            scheme=schemes.get(item.index),
            wrap_width=wrap_width,
        )

    kinds = sorted({d.relation.kind for d in drawn}, key=list(style.edges).index)
    roles = sorted({node_role(n) for n in nodes}, key=NODE_ROLES.index)
    # Legend and key block hang below the node that starts the longest chain of arrows:
    # their rows then get ranks of their own instead of stretching the diagram's ranks.
    anchor = _lowest_node(nodes, drawn, names, junctions, by_id)
    if legend:
        explained = annotation_key if annotations or tones else None
        shown = {t for node_id, t in (tones or {}).items() if node_id in visible}
        top = _add_legend(
            dot, style, roles, kinds, has_junction=bool(junctions), annotation_key=explained,
            tones=[t for t in style.tones if t in shown], wrap_width=wrap_width,
            has_schemes=any(d.index in schemes for d in drawn),
        )  # fmt: skip
        if anchor is not None and top is not None:
            dot.edge(top, anchor, style="invis")
    if key_block and not hide_citations and markers.order:
        _add_key_block(dot, style, markers, references or {}, wrap_width)
        thesis = amap.thesis
        if thesis is not None and thesis.id in visible:
            # Beside the thesis, where a reader of the diagram starts.
            with dot.subgraph() as same:
                same.attr(rank="same")
                same.node(names[thesis.id])
                same.node("#key-block")
        elif anchor is not None:
            dot.edge("#key-block", anchor, style="invis")
    return dot


def _page(size: PageSize, direction: LayoutDirection) -> tuple[int, int]:
    """The page in points, turned to suit the direction (a slide is always landscape).

    >>> _page("a4", "TB"), _page("a4", "LR"), _page("slide", "TB")
    ((595, 842), (842, 595), (960, 540))
    """
    width, height = PAGE_SIZES[size]
    if size != "slide" and direction == "LR":
        width, height = height, width
    return width, height


def _lowest_node(
    nodes: list[Node],
    drawn: list[Drawn],
    names: Mapping[str, str],
    junctions: Mapping[int, str],
    by_id: Mapping[str, Drawn],
) -> str | None:
    """The DOT name of the node farthest (in arrows) from the top of the diagram."""
    heads: dict[str, list[str]] = {}
    for item in drawn:
        target = by_id.get(item.relation.target)
        head = junctions[target.index] if target is not None else names[item.relation.target]
        key = junctions.get(item.index)
        for source in item.sources:
            heads.setdefault(names[source], []).append(key or head)
        if key is not None:
            heads.setdefault(key, []).append(head)
    height = chain_heights(heads)
    if not nodes:
        return None
    return max((names[n.id] for n in nodes), key=lambda name: height.get(name, 0))


def _dot_names(amap: ArgumentMap) -> dict[str, str]:
    """DOT node names: the node id, unless a ``:`` in it would read as a port."""
    return {n.id: (n.id if ":" not in n.id else f"#node-{i}") for i, n in enumerate(amap.nodes)}


def _groups(
    amap: ArgumentMap, nodes: list[Node], group_by: GroupBy | None
) -> list[tuple[str | None, list[Node]]]:
    if group_by is None:
        return [(None, nodes)]
    groups: dict[str | None, list[Node]] = {}
    if group_by == "actor":
        names = {a.id: a.name for a in amap.actors}
        for actor in amap.actors:
            groups[actor.name] = []
        for node in nodes:
            groups.setdefault(names.get(node.actor) if node.actor else None, []).append(node)
    else:
        for role in NODE_ROLES:
            groups.setdefault(_KIND_CLUSTERS[role], [])
        for node in nodes:
            groups[_KIND_CLUSTERS[node_role(node)]].append(node)
    return [(name, members) for name, members in groups.items() if members]


# -- nodes ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _NodeOptions:
    theme: Theme
    wrap_width: int
    hide_text: bool
    citations: bool
    weights: bool
    actors: bool
    focus: str | None
    annotations: Mapping[str, str]
    tones: Mapping[str, Tone]
    imported: Mapping[str, str]


def _add_node(
    dot: graphviz.Digraph,
    amap: ArgumentMap,
    node: Node,
    name: str,
    markers: Markers,
    options: _NodeOptions,
    statements: _Statements,
) -> None:
    style = options.theme.nodes[node_role(node)]
    tag = style.tag
    if options.actors and node.actor is not None and _has_actor(amap, node.actor):
        tag = f"{tag} · {amap.actor(node.actor).name}"
    if options.weights and isinstance(node, Factor) and node.weight is not None:
        tag = f"{tag} · weight {node.weight:g}"
    origin = options.imported.get(node.id)
    if origin is not None:
        tag = f"{tag} · from {origin}"
    rows = [
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="{style.tagcolor}">'
        f"{escape_html(tag)}</FONT></TD></TR>"
    ]
    annotation = options.annotations.get(node.id)
    tone = options.tones.get(node.id)
    fill = style.fillcolor
    if tone is not None:
        marked = options.theme.tones[tone]
        fill = marked.fillcolor
        rows.append(
            f'<TR><TD ALIGN="LEFT" BORDER="1" STYLE="{marked.border}" COLOR="{marked.color}" '
            f'BGCOLOR="#ffffff"><FONT POINT-SIZE="9" COLOR="{marked.color}"><B>{marked.mark}</B> '
            f"<B>{escape_html(annotation or tone)}</B></FONT></TD></TR>"
        )
    elif annotation is not None:
        rows.append(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9"><B>{escape_html(annotation)}</B>'
            "</FONT></TD></TR>"
        )
    if node.title is not None:
        title = html_lines(wrap(node.title, options.wrap_width))
        rows.append(
            f'<TR><TD><FONT POINT-SIZE="{style.title_size}"><B>{title}</B></FONT></TD></TR>'
        )
    if node.title is None or not options.hide_text:
        text = html_lines(wrap(node.text, options.wrap_width))
        rows.append(f'<TR><TD BALIGN="LEFT">{text}</TD></TR>')
    marker = markers.marker(node.cites) if options.citations else ""
    if marker:
        rows.append(
            f'<TR><TD ALIGN="RIGHT"><FONT POINT-SIZE="8" COLOR="{style.tagcolor}">'
            f"{escape_html(marker)}</FONT></TD></TR>"
        )
    label = (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>>"
    )
    focused = node.id == options.focus
    statements.node(
        dot,
        name,
        label=label,
        element_id=node.id,
        attrs={
            "shape": style.shape,
            "style": style.style if origin is None else f"{style.style},dashed",
            "fillcolor": fill,
            "color": options.theme.focus if focused else style.color,
            "penwidth": f"{style.penwidth + 2 if focused else style.penwidth:g}",
            # Most styles use the theme's text colour, set once for all nodes.
            "fontcolor": style.fontcolor if style.fontcolor != options.theme.text else None,
        },
    )


class _Statements:
    """Node and edge statements added to a diagram's body, quoted by graphviz's own rules.

    A large map repeats a few attribute sets thousands of times; quoting each set once
    (instead of on every ``Digraph.node`` call) halves the time to build its diagram.
    """

    def __init__(self) -> None:
        self._quoted: dict[tuple[tuple[str, str], ...], str] = {}

    def _attributes(self, attrs: Mapping[str, str | None]) -> str:
        key = tuple((k, v) for k, v in attrs.items() if v is not None)
        quoted = self._quoted.get(key)
        if quoted is None:
            quoted = self._quoted[key] = a_list(kwargs=dict(key))
        return quoted

    def node(
        self,
        graph: graphviz.Digraph,
        name: str,
        *,
        label: str,
        element_id: str,
        attrs: Mapping[str, str | None],
    ) -> None:
        """Add ``name [label=... id=... attrs]`` to the graph; ``id`` names it in SVG."""
        graph.body.append(
            f"\t{quote(name)} [label={quote(label)} id={quote(escape_string(element_id))} "
            f"{self._attributes(attrs)}]\n"
        )

    def edge(
        self,
        graph: graphviz.Digraph,
        tail: str,
        head: str,
        attrs: Mapping[str, str | None],
        *,
        label: str | None = None,
    ) -> None:
        """Add ``tail -> head [attrs]`` to the graph (an edge label goes first)."""
        text = f"label={quote(label)} " if label is not None else ""
        graph.body.append(f"\t{quote(tail)} -> {quote(head)} [{text}{self._attributes(attrs)}]\n")


def _has_actor(amap: ArgumentMap, actor_id: str) -> bool:
    return any(a.id == actor_id for a in amap.actors)


# -- relations -----------------------------------------------------------------------------


def _add_relation(
    dot: graphviz.Digraph,
    item: Drawn,
    names: Mapping[str, str],
    junctions: Mapping[int, str],
    by_id: Mapping[str, Drawn],
    theme: Theme,
    statements: _Statements,
    *,
    weights: bool,
    scheme: str | None,
    wrap_width: int,
) -> None:
    relation = item.relation
    edge = theme.edges[relation.kind]
    line = {"color": edge.color, "style": edge.style, "penwidth": f"{edge.penwidth:g}"}
    parts = []
    if scheme is not None:
        # Narrower than a node: the label sits beside the arrow, between the nodes.
        width = max(wrap_width * 2 // 3, 16) if wrap_width > 0 else 0
        parts.append(f"<I>{html_lines(wrap(scheme, width))}</I>")
    if weights and relation.weight is not None:
        parts.append(f"{relation.weight:g}")
    label = None
    if parts:
        label = f'<<FONT COLOR="{theme.muted}">{"<BR/>".join(parts)}</FONT>>'
    target = relation.target
    target_drawn = by_id.get(target)
    head = junctions[target_drawn.index] if target_drawn is not None else names[target]
    arrow = {"arrowhead": edge.arrowhead, **line}
    if not item.junction:
        statements.edge(dot, names[item.sources[0]], head, arrow, label=label)
        return
    key = junctions[item.index]
    statements.node(
        dot,
        key,
        label="",
        element_id=key,
        attrs={
            "shape": "circle",
            "width": "0.14",
            "height": "0.14",
            "fixedsize": "true",
            "style": "filled",
            "fillcolor": edge.color,
            "color": edge.color,
        },
    )
    premise = {"arrowhead": "none", **line}
    for source in item.sources:
        statements.edge(dot, names[source], key, premise)
    statements.edge(dot, key, head, arrow, label=label)


# -- legend and key block ------------------------------------------------------------------


def _add_legend(
    dot: graphviz.Digraph,
    theme: Theme,
    roles: list[NodeRole],
    kinds: list[RelationKind],
    *,
    has_junction: bool,
    annotation_key: str | None = None,
    tones: list[Tone] | None = None,
    has_schemes: bool = False,
    wrap_width: int = 30,
) -> str | None:
    """Add the legend as one table node; return its name (None when it would be empty).

    A table keeps the legend compact whatever the direction of the diagram: its rows do
    not take part in the layout, and no sample line can run through a label. It is a
    node, not a cluster, so it inherits no graph label (a cluster would repeat the title).
    """
    samples: list[tuple[str, str]] = []
    for role in roles:
        style = theme.nodes[role]
        # The sample box takes the node's corners, border style and weight.
        lines = [word for word in ("rounded", "dashed") if word in style.style.split(",")]
        border = 2 if style.penwidth >= 2 else 1
        samples.append(
            (
                f'<TD BGCOLOR="{style.fillcolor}" COLOR="{style.color}" BORDER="{border}"'
                + (f' STYLE="{",".join(lines)}"' if lines else "")
                + f'><FONT POINT-SIZE="8" COLOR="{style.tagcolor}">'
                f"{escape_html(style.tag)}</FONT></TD>",
                style.legend,
            )
        )
    for kind in kinds:
        edge = theme.edges[kind]
        samples.append(
            (
                f'<TD><FONT COLOR="{edge.color}">{escape_html(edge.sample)}</FONT></TD>',
                edge.legend,
            )
        )
    if has_junction:
        samples.append(
            (
                f'<TD><FONT COLOR="{theme.muted}">●</FONT></TD>',
                "joins premises that support only together, or marks an undercut inference",
            )
        )
    if has_schemes:
        samples.append(
            (
                f'<TD><FONT COLOR="{theme.muted}"><I>Scheme</I></FONT></TD>',
                "the argument scheme of an inference, on the arrow into its conclusion",
            )
        )
    for tone in tones or ():
        marked = theme.tones[tone]
        samples.append(
            (
                f'<TD BGCOLOR="{marked.fillcolor}" COLOR="{marked.color}" BORDER="1" '
                f'STYLE="{marked.border}"><FONT COLOR="{marked.color}"><B>{marked.mark}</B>'
                "</FONT></TD>",
                marked.legend,
            )
        )
    if not samples and not annotation_key:
        return None
    half = (len(samples) + 1) // 2
    rows = ['<TR><TD ALIGN="LEFT" COLSPAN="4"><B>Legend</B></TD></TR>']
    if annotation_key:
        text = html_lines(wrap(annotation_key, max(wrap_width * 2, 40)))
        line = "Framed line on a node" if tones else "Bold line on a node"
        rows.append(
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" COLSPAN="4"><B>{line}</B>: {text}</TD></TR>'
        )
    for left, right in itertools.zip_longest(samples[:half], samples[half:]):
        cells = ""
        for sample in (left, right):
            if sample is None:
                cells += "<TD></TD><TD></TD>"
                continue
            cell, meaning = sample
            cells += f'{cell}<TD ALIGN="LEFT">{escape_html(meaning)}</TD>'
        rows.append(f"<TR>{cells}</TR>")
    dot.node(
        "#legend",
        label='<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2">'
        + "".join(rows)
        + "</TABLE>>",
        shape="box",
        style="rounded",
        color=theme.cluster,
        fontcolor=theme.muted,
        fontsize="9",
    )
    return "#legend"


def _add_key_block(
    dot: graphviz.Digraph,
    theme: Theme,
    markers: Markers,
    references: Mapping[str, str],
    wrap_width: int,
) -> None:
    rows = ['<TR><TD ALIGN="LEFT" COLSPAN="2"><B>Sources</B></TD></TR>']
    for key, number in markers.order.items():
        label = markers.labels.get(key) or str(number)
        text = references.get(key) or key
        # A URL or DOI broken across lines cannot be copied: widen the block to fit it.
        longest = max((len(word) for word in text.split()), default=0)
        width = max(wrap_width * 2, min(longest, 100)) if wrap_width > 0 else 0
        rows.append(
            f'<TR><TD ALIGN="RIGHT" VALIGN="TOP">[{escape_html(label)}]</TD>'
            f'<TD ALIGN="LEFT" BALIGN="LEFT">{html_lines(wrap(text, width))}</TD></TR>'
        )
    dot.node(
        "#key-block",
        label='<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
        + "".join(rows)
        + "</TABLE>>",
        shape="box",
        style="rounded",
        color=theme.cluster,
        fontcolor=theme.muted,
        fontsize="9",
    )
