"""The visual grammar of diagrams: node shapes and colours by kind, relation line styles,
and the tones of an analysis.

Every distinction is made twice, once in colour and once in form (shape, border style,
line style, arrowhead, a mark), so a diagram still reads when printed in grayscale. The
print theme is the colour theme with every colour turned into its grey of equal
luminance; the fills of the tones differ in luminance for that reason.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal, TypeAlias, get_args

from argmap.model import Claim, Factor, Node, RelationKind

__all__ = [
    "COLOR",
    "PRINT",
    "THEMES",
    "TONES",
    "EdgeStyle",
    "NodeRole",
    "NodeStyle",
    "Theme",
    "ThemeName",
    "Tone",
    "ToneStyle",
    "node_role",
    "to_gray",
]

ThemeName: TypeAlias = Literal["color", "print"]
#: How a node is drawn: its kind, with the thesis and the two factor directions apart.
NodeRole: TypeAlias = Literal["thesis", "claim", "evidence", "push", "pull", "question"]
NODE_ROLES: tuple[NodeRole, ...] = ("thesis", "claim", "evidence", "push", "pull", "question")
#: How an analysis reads a node: it stands, it falls, or the analysis leaves it open (the
#: tones of :func:`argmap.analysis.report.node_annotations`).
Tone: TypeAlias = Literal["stands", "falls", "open"]
TONES: tuple[Tone, ...] = get_args(Tone)


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """How one role of node is drawn."""

    tag: str
    """The small heading that names the kind on every node (``PUSH FACTOR``)."""
    legend: str
    """What the legend calls it."""
    shape: str
    style: str
    fillcolor: str
    color: str
    penwidth: float = 1.2
    fontcolor: str = "#1a1a1a"
    tagcolor: str = "#555555"
    title_size: int = 12


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """How one kind of relation is drawn."""

    legend: str
    color: str
    style: str
    arrowhead: str
    sample: str
    """The line drawn in text, for the legend's table (``───▶``)."""
    penwidth: float = 1.4


@dataclass(frozen=True, slots=True)
class ToneStyle:
    """How a node that an analysis reads one way is drawn: a fill for the whole node, and a
    badge (its analysis line, framed and marked) in the tone's colour."""

    legend: str
    mark: str
    """A sign before the badge's text (``✓``), so that the tone reads without colour."""
    fillcolor: str
    color: str
    """The badge's frame and text."""
    border: str
    """The badge's frame: ``solid``, ``dashed`` or ``dotted``."""


@dataclass(frozen=True, slots=True)
class Theme:
    """A complete visual grammar: node styles by role, edge styles by relation kind, and
    the tones of an analysis."""

    name: ThemeName
    nodes: dict[NodeRole, NodeStyle]
    edges: dict[RelationKind, EdgeStyle]
    tones: dict[Tone, ToneStyle]
    fontname: str = "Helvetica,Arial,sans-serif"
    text: str = "#1a1a1a"
    """The colour of node text, unless a node style says otherwise."""
    muted: str = "#555555"
    cluster: str = "#8c8c8c"
    focus: str = "#000000"


def node_role(node: Node) -> NodeRole:
    """The role that decides how a node is drawn.

    >>> from argmap.model import Factor
    >>> node_role(Factor(id="f", text="G7", direction="pull"))
    'pull'
    """
    if isinstance(node, Claim):
        return "thesis" if node.thesis else "claim"
    if isinstance(node, Factor):
        return node.direction
    return node.kind


COLOR = Theme(
    name="color",
    nodes={
        "thesis": NodeStyle(
            "THESIS",
            "thesis (the main claim)",
            "box",
            "rounded,filled,bold",
            "#d6e6f5",
            "#1f4e79",
            penwidth=3.0,
            tagcolor="#1f4e79",
            title_size=14,
        ),
        "claim": NodeStyle("CLAIM", "claim", "box", "rounded,filled", "#eef4fb", "#4a78a8"),
        "evidence": NodeStyle(
            "EVIDENCE", "evidence (fact, observation)", "note", "filled", "#f4f4f0", "#6b6b5e"
        ),
        "push": NodeStyle(
            "PUSH FACTOR", "push factor", "box", "filled", "#e1f1dd", "#2e7d32", penwidth=1.6
        ),
        "pull": NodeStyle(
            "PULL FACTOR",
            "pull factor",
            "box",
            "filled,dashed",
            "#fde9d4",
            "#b35806",
            penwidth=1.6,
        ),
        "question": NodeStyle(
            "QUESTION", "open question", "box", "filled,diagonals", "#f3eaf7", "#7b3f99"
        ),
    },
    edges={
        "supports": EdgeStyle("supports", "#2b5d8c", "solid", "normal", "───▶"),
        "attacks": EdgeStyle("attacks (rebuts)", "#c62828", "solid", "tee", "───┤", penwidth=2.0),
        "undercuts": EdgeStyle(
            "undercuts (attacks an inference)", "#c62828", "dashed", "tee", "╌╌╌┤", penwidth=2.0
        ),
        "pushes": EdgeStyle("pushes toward", "#2e7d32", "solid", "normal", "━━━▶", penwidth=2.6),
        # A pull runs from the factor toward the outcome, as every other arrow does, so
        # that it reads right without a legend; dashes, its colour and a hollow head keep
        # it apart from a push or a support.
        "pulls": EdgeStyle(
            "pulls away from (a reason against)",
            "#b35806",
            "dashed",
            "empty",
            "╌╌╌▷",
            penwidth=2.6,
        ),
        "questions": EdgeStyle("questions", "#7b3f99", "dotted", "odot", "┄┄┄○", penwidth=1.6),
        "rephrases": EdgeStyle("rephrases", "#6b6b6b", "dotted", "vee", "┄┄┄>"),
        "prefers": EdgeStyle("is preferred to", "#4d4d4d", "solid", "diamond", "───◆"),
    },
    # Fills of falling luminance (their greys: #ebebeb, #dcdcdc, #c9c9c9), marks and frames
    # of three styles: each tone reads in grayscale, and by its mark alone.
    tones={
        "stands": ToneStyle("stands (holds, accepted, in)", "✓", "#e2f3dc", "#1b5e20", "solid"),
        "open": ToneStyle("left open (undecided)", "?", "#f8dc90", "#6d4c00", "dotted"),
        "falls": ToneStyle("falls (fails, rejected, out)", "✗", "#f2b8b5", "#b71c1c", "dashed"),
    },
)


def to_gray(color: str) -> str:
    """The grey of the same luminance as a ``#rrggbb`` colour (Rec. 601 weights).

    >>> to_gray("#c62828")
    '#575757'
    >>> to_gray("#ffffff")
    '#ffffff'
    """
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    level = round(0.299 * red + 0.587 * green + 0.114 * blue)
    return f"#{level:02x}{level:02x}{level:02x}"


def _gray_theme(theme: Theme) -> Theme:
    nodes = {
        role: dataclasses.replace(
            style,
            fillcolor=to_gray(style.fillcolor),
            color=to_gray(style.color),
            fontcolor=to_gray(style.fontcolor),
            tagcolor=to_gray(style.tagcolor),
        )
        for role, style in theme.nodes.items()
    }
    edges = {
        kind: dataclasses.replace(style, color=to_gray(style.color))
        for kind, style in theme.edges.items()
    }
    tones = {
        tone: dataclasses.replace(
            style, fillcolor=to_gray(style.fillcolor), color=to_gray(style.color)
        )
        for tone, style in theme.tones.items()
    }
    return dataclasses.replace(
        theme,
        name="print",
        nodes=nodes,
        edges=edges,
        tones=tones,
        text=to_gray(theme.text),
        muted=to_gray(theme.muted),
        cluster=to_gray(theme.cluster),
        focus=to_gray(theme.focus),
    )


PRINT = _gray_theme(COLOR)
THEMES: dict[ThemeName, Theme] = {"color": COLOR, "print": PRINT}
