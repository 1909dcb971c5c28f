"""``argmap render``: each map given drawn with what it builds on, as files to write."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Unpack

from argmap._io import write_atomic
from argmap.commands._result import Output, Result
from argmap.diagrams import LARGE_MAP, SUFFIXES, DiagramOptions, Engine, Format, draw, format_for
from argmap.diagrams.rendering import check_layout
from argmap.diagrams.warnings import diagram_warnings
from argmap.errors import (
    ArgmapError,
    GraphvizNotFoundError,
    Issue,
    Location,
    MapError,
    RenderError,
    _IssuesError,
    did_you_mean,
)
from argmap.model import ArgumentMap
from argmap.workspace.model import Workspace
from argmap.workspace.reading import expand_map_paths, read_maps
from argmap.workspace.view import map_view

if TYPE_CHECKING:
    import graphviz

    from argmap.analysis.report import DiagramAnalysis
    from argmap.citations.bibliography import Bibliography

__all__ = ["TEXT_FORMATS", "render", "render_files"]

#: The formats that are text, printed when no output file is named.
TEXT_FORMATS: tuple[Format, ...] = ("dot", "mermaid")

PathLike = str | os.PathLike[str]


def render(
    amap_or_dot: ArgumentMap | graphviz.Digraph | graphviz.Graph,
    path: PathLike,
    *,
    fmt: Format | None = None,
    engine: Engine = "dot",
    timeout: float | None = None,
    bibliography: Bibliography | None = None,
    style: str = "apa",
    verdicts: bool = True,
    **options: Unpack[DiagramOptions],
) -> Path:
    """Write a diagram to a file: SVG, PNG, PDF or an HTML page through Graphviz, or text.

    The file appears complete or not at all: it is written beside its final name and
    then moved over it, so an existing file is replaced only by a finished one. Missing
    folders on the way to it are created. See :func:`argmap.diagrams.draw` for the
    arguments; ``fmt`` follows the suffix of ``path`` when not given.

    Returns:
        The path written.

    Raises:
        GraphvizNotFoundError: an image format was asked for and ``dot`` is not
            installed (DOT and Mermaid output still work).
        RenderError: the format is unknown, Graphviz failed, or the file cannot be written.
    """
    target = Path(os.fspath(path))
    chosen = fmt if fmt is not None else format_for(target)
    data = draw(
        amap_or_dot,
        fmt=chosen,
        engine=engine,
        timeout=timeout,
        bibliography=bibliography,
        style=style,
        verdicts=verdicts,
        **options,
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as exc:
        raise RenderError(f"{target}: cannot write the file: {exc.strerror or exc}") from None
    return target


def render_files(
    source: PathLike,
    *,
    output: PathLike | None = None,
    fmt: Format | None = None,
    engine: Engine = "dot",
    style: str | None = "apa",
    strict: bool = False,
    analysis: DiagramAnalysis | None = None,
    verdicts: bool = True,
    with_uses: int = 0,
    progress: Callable[[list[str]], Iterable[str]] | None = None,
    **options: Unpack[DiagramOptions],
) -> Result:
    """Draw the map ``source`` (or every map in the folder ``source``) as diagram files.

    Each map is drawn with the nodes it imports from the maps it uses (dashed, labelled
    with their map), or with those maps whole, ``with_uses`` steps deep; the works its
    imported nodes cite are listed with its own. The works are formatted from the
    bibliographies of every map drawn from (each file read once).

    Args:
        source: a map file, or a folder of them.
        output: the file to write (its suffix names the format) or, for a folder or with
            ``fmt``, a folder; by default text formats go to ``text`` and images beside
            the map.
        fmt: one of :data:`argmap.diagrams.DIAGRAM_FORMATS`.
        engine: the Graphviz layout program.
        style: the citation style of the works listed; None reads no bibliography (the
            key block lists keys).
        strict: a warning fails the map: nothing is written for it.
        analysis: annotate each node with the verdict of the proof standards
            (``verdict``), its status (``grounded``, ``preferred``) or its strength
            (``df-quad``), and colour it by how the analysis reads it (stands, falls,
            open; a strength has no colour).
        verdicts: show the verdicts on the thesis and outcomes on an HTML page.
        with_uses: how many steps of ``uses`` to draw whole.
        progress: wraps the ids of the maps as they are drawn (a progress bar).
        **options: the options of :func:`argmap.to_dot`.

    Returns:
        The files to write (or the text of a DOT or Mermaid diagram), the warnings and
        errors found, and notes (large maps, a folder's count).
    """
    root = Path(os.fspath(source))
    folder = root.is_dir()
    workspace = read_maps(root)
    result = Result(inputs=dict(workspace.inputs))
    given = {str(workspace.files[m]) for m in workspace.given}
    result.add(i for i in workspace.errors if i.location is None or i.location.file not in given)
    chosen: Format = fmt or (
        format_for(output)
        if output is not None and not folder and not Path(output).is_dir()
        else "svg"
    )
    outdir = Path(os.fspath(output)) if folder and output is not None else root
    done = 0
    # The map files that did not read (their errors say why).
    failed = [str(p) for p in expand_map_paths([root]) if str(os.path.normpath(p)) not in given]
    large: list[str] = []
    for map_id in (progress or list)(list(workspace.given)):
        path = workspace.files[map_id]
        if len(workspace.maps[map_id].nodes) > LARGE_MAP and options.get("focus") is None:
            large.append(f"{path} ({len(workspace.maps[map_id].nodes)} nodes)")
        try:
            drawn = _draw_one(
                workspace, map_id, chosen, engine, style, analysis, verdicts, with_uses, options
            )
        except _IssuesError as exc:
            result.add(exc.issues)
            failed.append(str(path))
            continue
        except GraphvizNotFoundError:
            raise  # not the map's problem: how to install Graphviz, once
        except ArgmapError as exc:
            result.add([Issue("error", str(exc), code="render", location=Location(str(path)))])
            failed.append(str(path))
            continue
        data, warnings = drawn
        result.add(warnings)
        if strict and warnings:
            failed.append(str(path))
            continue
        if folder:
            target = outdir / (path.stem + SUFFIXES[chosen])
        elif output is None:
            if chosen in TEXT_FORMATS:
                result.text = str(data)
                done += 1
                continue
            target = path.with_suffix(SUFFIXES[chosen])
        elif Path(output).is_dir():
            target = Path(output) / (path.stem + SUFFIXES[chosen])
        else:
            target = Path(output)
        result.outputs.append(Output(target, data))
        done += 1
    if folder:
        count = len(expand_map_paths([root]))
        result.notes.append(
            f"{done} of {count} map{'s' if count != 1 else ''} rendered to {outdir}"
            + (f", {len(failed)} failed: {', '.join(failed)}" if failed else "")
        )
    if strict and failed and not result.errors:
        count = sum(1 for i in result.issues if not i.is_error)
        result.notes.append(
            f"argmap: error: {count} warning{'s' if count != 1 else ''} with --strict: "
            "nothing written" + (f" for {', '.join(failed)}" if folder else "")
        )
    if large and folder:
        result.notes.append(
            f"note: large maps lay out slowly and are hard to read: {', '.join(large)}; "
            "render them one by one with --focus ID --depth N"
        )
    elif large:
        amap = workspace.maps[workspace.given[0]]
        first = amap.thesis.id if amap.thesis is not None else amap.nodes[0].id
        result.notes.append(
            f"note: {amap.id} has {len(amap.nodes)} nodes; a diagram this large lays out "
            f"slowly and is hard to read. Try --focus {first} --depth 2 for one node's "
            "neighbourhood."
        )
    result.failed = bool(failed) or bool(result.errors)
    return result


def _draw_one(
    workspace: Workspace,
    map_id: str,
    chosen: Format,
    engine: Engine,
    style: str | None,
    analysis: DiagramAnalysis | None,
    verdicts: bool,
    with_uses: int,
    options: DiagramOptions,
) -> tuple[str | bytes, list[Issue]]:
    """One map's diagram and its warnings; its errors (or those of a map it uses) raise."""
    closure = workspace.uses_closure(map_id)
    files = {str(workspace.files[m]) for m in closure}
    # A bibliography that cannot be read is a warning here: citations show as keys.
    errors = [
        i
        for i in workspace.errors
        if i.location is not None and i.location.file in files and i.path[:1] != ("bibliography",)
    ]
    if errors:
        raise MapError(errors)
    view = map_view(workspace, map_id, depth=with_uses)
    focus = options.get("focus")
    if focus is not None and not view.amap.has_node(focus):
        hint = did_you_mean(focus, [node.id for node in view.amap.nodes])
        where = Location(str(workspace.files[map_id]))
        message = f"no node {focus!r} to focus on{hint}"
        raise MapError([Issue("error", message, code="unknown-node", location=where)])
    diagram: DiagramOptions = dict(options)  # type: ignore[assignment]
    if view.imported:
        diagram["imported"] = view.imported
    if analysis is not None:
        from argmap.analysis.report import node_annotations

        marks = node_annotations(view.amap, analysis)
        diagram["annotations"], diagram["annotation_key"] = marks.labels, marks.key
        if marks.tones:
            diagram["tones"] = marks.tones
    bibliography = None
    problems: list[Issue] = []
    if style is not None:
        bibliography, problems = workspace.bibliography(view.maps)
        listed = diagram.get("key_block", True) and not diagram.get("hide_citations")
        if bibliography is not None and listed:
            from argmap.citations.formatting import format_cited

            diagram["references"] = (
                format_cited(bibliography, view.amap.cited_keys(), style=style) or None
            )
    path = str(workspace.files[map_id])
    if chosen not in TEXT_FORMATS:
        try:
            check_layout(view.amap, diagram)  # before the page check lays it out
        except RenderError as exc:
            error = Issue("error", str(exc), code="layout", location=Location(path))
            raise MapError([error]) from None
    # After the key block is set: the page check lays out the diagram as it will be drawn.
    warnings = diagram_warnings(
        view.amap,
        bibliography=bibliography,
        bibliography_issues=problems,
        check_keys=style is not None,
        show_weights=bool(diagram.get("show_weights")),
        check_fonts=chosen not in TEXT_FORMATS,
        options=diagram,
        fmt=chosen,
        engine=engine,
    )
    try:
        data = draw(
            view.amap,
            fmt=chosen,
            engine=engine,
            bibliography=bibliography,
            style=style or "apa",
            verdicts=verdicts,
            **diagram,
        )
    except GraphvizNotFoundError:
        raise
    except ArgmapError as exc:  # Graphviz failed: with the warnings that may say why
        error = Issue("error", str(exc), code="render", location=Location(path))
        raise MapError([*warnings, error]) from None
    return data, warnings
