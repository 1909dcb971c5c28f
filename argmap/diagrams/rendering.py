"""Writing diagrams to files: SVG, PNG, PDF and the HTML page through Graphviz, DOT and Mermaid."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias, Unpack

import graphviz

from argmap._io import write_atomic
from argmap.diagrams.backend import Engine, pipe
from argmap.diagrams.dot import DiagramOptions, to_dot
from argmap.diagrams.mermaid import to_mermaid
from argmap.diagrams.options import check_options
from argmap.errors import RenderError
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.citations.bibliography import Bibliography

__all__ = ["DIAGRAM_FORMATS", "Format", "format_for", "render"]

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
    | {"citation_labels"}
)


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


def render(
    amap_or_dot: ArgumentMap | graphviz.Digraph | graphviz.Graph,
    path: str | os.PathLike[str],
    *,
    fmt: Format | None = None,
    engine: Engine = "dot",
    timeout: float | None = None,
    bibliography: Bibliography | None = None,
    style: str = "apa",
    **options: Unpack[DiagramOptions],
) -> Path:
    """Write a diagram to a file: SVG, PNG, PDF or an HTML page through Graphviz, or text.

    The file appears complete or not at all: it is written beside its final name and
    then moved over it, so an existing file is replaced only by a finished one. Missing
    folders on the way to it are created.

    Args:
        amap_or_dot: a map, or a diagram made by :func:`argmap.to_dot` (or any
            ``graphviz`` graph).
        path: the file to write.
        fmt: ``"svg"``, ``"png"``, ``"pdf"``, ``"html"`` (maps only, see
            :func:`argmap.diagrams.html.to_html`), ``"dot"`` or ``"mermaid"`` (maps only);
            by default from the suffix of ``path``.
        engine: the Graphviz layout engine.
        timeout: seconds after which Graphviz is stopped.
        bibliography: for ``"html"``: where the map's keys resolve
            (:func:`argmap.read_map_bibliography`), so citations are formatted.
        style: for ``"html"``: the citation style.
        **options: options of :func:`argmap.to_dot`, when ``amap_or_dot`` is a map.

    Returns:
        The path written.

    Raises:
        GraphvizNotFoundError: an image format was asked for and ``dot`` is not
            installed (DOT and Mermaid output still work).
        OptionError: a diagram option is unknown or has a value it cannot take.
        RenderError: the format is unknown, Graphviz failed, or the file cannot be written.
    """
    check_options(options)
    target = Path(os.fspath(path))
    chosen = fmt if fmt is not None else format_for(target)
    if chosen not in DIAGRAM_FORMATS:
        raise RenderError(f"unknown format {chosen!r}; use one of {', '.join(DIAGRAM_FORMATS)}")
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
        source = to_dot(amap_or_dot, **options).source
        svg = pipe(source, format="svg", engine=engine, timeout=timeout).decode("utf-8")
        data = to_html(
            amap_or_dot,
            svg,
            bibliography=bibliography,
            style=style,
            annotations=options.get("annotations"),
            annotation_label=options.get("annotation_key") or "Status",
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
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as exc:
        raise RenderError(f"{target}: cannot write the file: {exc.strerror or exc}") from None
    return target
