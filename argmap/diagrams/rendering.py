"""Diagrams as the content of a file: SVG, PNG, PDF and the HTML page through Graphviz, DOT and
Mermaid as text. Nothing here writes a file (see :func:`argmap.render`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias, Unpack

import graphviz

from argmap.diagrams.backend import Engine, pipe
from argmap.diagrams.dot import DiagramOptions, to_dot
from argmap.diagrams.mermaid import to_mermaid
from argmap.diagrams.options import check_options
from argmap.errors import RenderError
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.analysis.verdict import Verdict
    from argmap.citations.bibliography import Bibliography
    from argmap.schemes.inferences import Inference

__all__ = ["DIAGRAM_FORMATS", "SUFFIXES", "Format", "check_layout", "draw", "format_for"]

Format: TypeAlias = Literal["svg", "png", "pdf", "html", "dot", "mermaid"]
DIAGRAM_FORMATS: tuple[Format, ...] = ("svg", "png", "pdf", "html", "dot", "mermaid")
_SUFFIXES: dict[str, Format] = {
    ".svg": "svg",
    ".html": "html",
    ".htm": "html",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
}
#: The file suffix each format is written with.
SUFFIXES: dict[Format, str] = {
    "svg": ".svg",
    "png": ".png",
    "pdf": ".pdf",
    "html": ".html",
    "dot": ".dot",
    "mermaid": ".mmd",
}
#: The options of to_dot that to_mermaid understands too.
_MERMAID_OPTIONS = frozenset(
    {"direction", "wrap_width", "hide_evidence", "hide_citations", "hide_text", "focus", "depth"}
    | {"citation_labels", "imported", "show_schemes"}
)


def _verdicts(amap: ArgumentMap) -> list[Verdict]:
    from argmap.analysis.verdict import verdicts

    return verdicts(amap)


def _inferences(amap: ArgumentMap) -> list[Inference]:
    """The map's inferences, where it names a scheme (most maps name none)."""
    if all(r.scheme is None for r in amap.relations):
        return []
    from argmap.schemes.inferences import find_inferences, map_catalogue

    return find_inferences(amap, map_catalogue(amap)[0])


def format_for(path: str | os.PathLike[str]) -> Format:
    """The output format a file name asks for, from its suffix.

    >>> format_for("out/map.SVG"), format_for("map.gv"), format_for("map.mmd")
    ('svg', 'dot', 'mermaid')

    Raises:
        RenderError: the suffix names no format argmap writes.
    """
    suffix = Path(os.fspath(path)).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        known = ", ".join(sorted(_SUFFIXES))
        shown = repr(suffix) if suffix else "no suffix"
        raise RenderError(
            f"{os.fspath(path)}: cannot tell the format from {shown}; use a file name ending "
            f"in one of {known}, or give the format"
        ) from None


def draw(
    amap_or_dot: ArgumentMap | graphviz.Digraph | graphviz.Graph,
    *,
    fmt: Format,
    engine: Engine = "dot",
    timeout: float | None = None,
    bibliography: Bibliography | None = None,
    style: str = "apa",
    verdicts: bool = True,
    **options: Unpack[DiagramOptions],
) -> str | bytes:
    """A diagram as the content of a file: SVG, PNG, PDF or an HTML page through Graphviz,
    or DOT and Mermaid text.

    Args:
        amap_or_dot: a map, or a diagram made by :func:`argmap.to_dot` (or any
            ``graphviz`` graph).
        fmt: ``"svg"``, ``"png"``, ``"pdf"``, ``"html"`` (maps only, see
            :func:`argmap.diagrams.html.to_html`), ``"dot"`` or ``"mermaid"`` (maps only).
        engine: the Graphviz layout engine.
        timeout: seconds after which Graphviz is stopped.
        bibliography: where the map's keys resolve, so that citations are formatted (the
            HTML page's sources).
        style: the citation style of the HTML page.
        verdicts: show the verdicts on the map's thesis and outcomes on the HTML page
            (:func:`argmap.analysis.verdict.verdicts`); its readers cannot ask for them.
        **options: options of :func:`argmap.to_dot`, when ``amap_or_dot`` is a map. The
            HTML page shows schemes unless ``show_schemes=False``: its panel explains them.

    Returns:
        Text for SVG, HTML, DOT and Mermaid; bytes for PNG and PDF.

    Raises:
        GraphvizNotFoundError: an image format was asked for and ``dot`` is not
            installed (DOT and Mermaid output still work).
        OptionError: a diagram option is unknown or has a value it cannot take.
        RenderError: the format is unknown, Graphviz failed, or the map (as far as it is
            shown) has more than :data:`~argmap.diagrams._selection.MAX_TANGLED`
            relations in one cycle, which Graphviz would lay out for minutes.
    """
    check_options(options)
    chosen = fmt
    if chosen not in DIAGRAM_FORMATS:
        raise RenderError(f"unknown format {chosen!r}; use one of {', '.join(DIAGRAM_FORMATS)}")
    if chosen not in ("dot", "mermaid") and isinstance(amap_or_dot, ArgumentMap):
        check_layout(amap_or_dot, options)
    data: str | bytes
    if chosen == "mermaid":
        if not isinstance(amap_or_dot, ArgumentMap):
            raise RenderError("Mermaid output needs a map, not a Graphviz diagram")
        picked = {k: v for k, v in options.items() if k in _MERMAID_OPTIONS}
        data = to_mermaid(amap_or_dot, **picked)  # type: ignore[arg-type]
    elif chosen == "html":
        if not isinstance(amap_or_dot, ArgumentMap):
            raise RenderError("the HTML page needs a map, not a Graphviz diagram")
        from argmap.diagrams.html import to_html

        if bibliography is not None and "references" not in options:
            from argmap.citations.formatting import format_cited

            cited = amap_or_dot.cited_keys()
            options["references"] = format_cited(bibliography, cited, style=style) or None
        # The page explains a scheme and its questions in the panel; an image cannot.
        show_schemes = options.setdefault("show_schemes", True)
        source = to_dot(amap_or_dot, **options).source
        svg = pipe(source, format="svg", engine=engine, timeout=timeout).decode("utf-8")
        key = options.get("annotation_key")
        data = to_html(
            amap_or_dot,
            svg,
            bibliography=bibliography,
            style=style,
            annotations=options.get("annotations"),
            annotation_label="Analysis" if key else "Status",
            annotation_key=key,
            tones=options.get("tones"),
            verdicts=_verdicts(amap_or_dot) if verdicts else (),
            inferences=_inferences(amap_or_dot) if show_schemes else (),
        )
    else:
        if isinstance(amap_or_dot, ArgumentMap):
            source = to_dot(amap_or_dot, **options).source
        else:
            if options:
                raise RenderError(
                    f"diagram options ({', '.join(options)}) apply to maps; pass them to to_dot"
                )
            source = amap_or_dot.source
        if chosen == "dot":
            data = source
        else:
            data = pipe(source, format=chosen, engine=engine, timeout=timeout)
    return data


def check_layout(amap: ArgumentMap, options: DiagramOptions) -> None:
    """Refuse a map whose shown part Graphviz would lay out for minutes, saying what helps.

    Raises:
        RenderError: more than :data:`~argmap.diagrams._selection.MAX_TANGLED` relations
            of the shown part run in one cycle.
    """
    from argmap.diagrams._selection import MAX_TANGLED, tangle, visible_nodes

    visible = visible_nodes(
        amap,
        focus=options.get("focus"),
        depth=options.get("depth", 1),
        hide_evidence=options.get("hide_evidence", False),
    )
    relations, nodes = tangle(amap, visible)
    if relations > MAX_TANGLED:
        raise RenderError(
            f"too tangled to lay out: {relations:,} relations run in cycles among {nodes:,} "
            f"nodes (at most {MAX_TANGLED} do), and Graphviz would take minutes; draw part of "
            "it with --focus ID --depth 1, or write DOT with -f dot and lay it out yourself"
        )
