"""``argmap render``: draw a map (or every map of a folder) as SVG, PNG, PDF, HTML, DOT, Mermaid."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.analysis.report import DiagramAnalysis, diagram_annotations
from argmap.citations.bibliography import Bibliography
from argmap.citations.formatting import format_cited
from argmap.cli._common import EXIT_ERRORS, echo_issues, handle_errors, try_map_bibliography
from argmap.cli._output import check_output, map_inputs
from argmap.cli._styles import CITATION_STYLE
from argmap.cli.check import MAP_SUFFIXES, expand_map_paths
from argmap.corpus.view import read_view
from argmap.diagrams import (
    DIAGRAM_FORMATS,
    ENGINES,
    LARGE_MAP,
    SUFFIXES,
    DiagramOptions,
    Engine,
    Format,
    GroupBy,
    LayoutDirection,
    PageSize,
    ThemeName,
    format_for,
    render,
    to_dot,
    to_mermaid,
)
from argmap.diagrams.warnings import diagram_warnings
from argmap.errors import ArgmapError, Issue, _IssuesError
from argmap.formats.mapfile import read_map
from argmap.model import ArgumentMap

_TEXT_FORMATS = ("dot", "mermaid")


@click.command("render")
@click.argument("source", type=click.Path(exists=True, dir_okay=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=True),
    help="File to write (format from its suffix), or folder. Default: text formats to "
    "standard output, images next to the map.",
)
@click.option("-f", "--format", "fmt", type=click.Choice(DIAGRAM_FORMATS), help="Output format.")
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="dot",
    show_default=True,
    help="Graphviz layout program.",
)
@click.option(
    "--direction",
    type=click.Choice(["TB", "LR"]),
    default="TB",
    show_default=True,
    help="TB: thesis on top; LR: reasons left, thesis right.",
)
@click.option("--group-by", type=click.Choice(["actor", "kind"]), help="Box nodes by group.")
@click.option("--focus", metavar="ID", help="Show only this node and its neighbourhood.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="With --focus: how many relations away nodes are shown.",
)
@click.option("--legend", is_flag=True, help="Add a legend explaining the shapes and lines.")
@click.option(
    "--theme",
    type=click.Choice(["color", "print"]),
    default="color",
    show_default=True,
    help="print: grayscale.",
)
@click.option(
    "--wrap",
    "wrap_width",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    help="Longest label line, in characters (0: no wrapping).",
)
@click.option("--hide-evidence", is_flag=True, help="Leave evidence nodes out.")
@click.option("--hide-citations", is_flag=True, help="Leave citation markers out.")
@click.option("--hide-text", is_flag=True, help="Show node titles only.")
@click.option("--weights", "show_weights", is_flag=True, help="Show weights.")
@click.option("--no-key-block", is_flag=True, help="Do not list the cited works.")
@click.option(
    "-s",
    "--style",
    type=CITATION_STYLE,
    default="apa",
    show_default=True,
    help="Citation style of the works listed in the key block.",
)
@click.option(
    "--no-bib",
    is_flag=True,
    help="Do not read the map's bibliography: the key block lists bibliography keys.",
)
@click.option("--no-title", is_flag=True, help="Do not show the map's title.")
@click.option(
    "--size",
    type=click.Choice(["a4", "letter", "slide"]),
    help="Fit the diagram to a page (upright for TB, landscape for LR) or a 16:9 slide.",
)
@click.option("--dpi", type=click.IntRange(min=1), help="Resolution of PNG output.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors: write nothing, exit 1.")
@click.option(
    "--analysis",
    type=click.Choice(["grounded", "preferred", "df-quad"]),
    help="Show each node's status (grounded, preferred) or DF-QuAD strength; --legend explains it.",
)
@click.option(
    "--with-uses",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    metavar="DEPTH",
    help="Also draw whole the maps this map builds on ('uses'), DEPTH steps deep; "
    "0: only the nodes of theirs it names.",
)
@handle_errors
def render_command(
    source: str,
    output: str | None,
    fmt: Format | None,
    engine: Engine,
    direction: LayoutDirection,
    group_by: GroupBy | None,
    focus: str | None,
    depth: int,
    legend: bool,
    theme: ThemeName,
    wrap_width: int,
    hide_evidence: bool,
    hide_citations: bool,
    hide_text: bool,
    show_weights: bool,
    no_key_block: bool,
    style: str,
    no_bib: bool,
    no_title: bool,
    size: PageSize | None,
    dpi: int | None,
    strict: bool,
    analysis: DiagramAnalysis | None,
    with_uses: int,
) -> None:
    """Draw the map SOURCE as a diagram, or every map in the folder SOURCE.

    \b
    argmap render maps/m.yaml                  writes maps/m.svg
    argmap render maps/m.yaml -o m.pdf         PDF (format from the suffix)
    argmap render maps/m.yaml -o m.html        one offline page: diagram, details, sources
    argmap render maps/m.yaml --size slide     fit a 16:9 slide
    argmap render maps/m.yaml -f mermaid       Mermaid to standard output
    argmap render maps/ -o out/                every map of maps/ into out/

    SVG, PNG, PDF and HTML need Graphviz's dot program; DOT and Mermaid do not.
    Warnings (a cited key missing from the bibliography, --weights on a map without
    weights, a script no installed font can draw) are printed; with --strict they fail.
    """
    diagram: DiagramOptions = {
        "direction": direction,
        "group_by": group_by,
        "focus": focus,
        "depth": depth,
        "legend": legend,
        "theme": theme,
        "wrap_width": wrap_width,
        "hide_evidence": hide_evidence,
        "hide_citations": hide_citations,
        "hide_text": hide_text,
        "show_weights": show_weights,
        "key_block": not no_key_block,
        "title": not no_title,
        "size": size,
        "dpi": dpi,
    }
    path = Path(source)
    if path.is_dir():
        _render_folder(
            path, output, fmt, engine, diagram, None if no_bib else style, strict, analysis
        )
        return
    amap = read_map(path)
    if analysis is not None:
        diagram["annotations"], diagram["annotation_key"] = diagram_annotations(amap, analysis)
    if amap.uses:
        # Nodes of other maps that this map names are drawn too, dashed and labelled.
        amap, diagram["imported"] = read_view(path, depth=with_uses)
    _suggest_focus(amap, diagram)
    chosen: Format = fmt or (format_for(output) if output and not Path(output).is_dir() else "svg")
    bibliography = None
    if not no_bib:
        bibliography = _bibliography(amap, diagram, style, chosen, strict=strict)
    if output is None and chosen in _TEXT_FORMATS:
        click.echo(_text(amap, chosen, diagram), nl=False)
        return
    target = check_output(_target(path, output, chosen), inputs=[path, *map_inputs([amap])])
    render(
        amap, target, fmt=chosen, engine=engine, bibliography=bibliography, style=style,
        **diagram,
    )  # fmt: skip
    click.echo(f"wrote {target}", err=True)


def _bibliography(
    amap: ArgumentMap, diagram: DiagramOptions, style: str, chosen: Format, *, strict: bool
) -> Bibliography | None:
    """Read the map's bibliography, print the diagram's warnings, and set its key block.

    Raises:
        click.exceptions.Exit: ``strict`` and there were warnings.
    """
    bibliography, warnings = _prepare(amap, diagram, style, chosen)
    echo_issues(warnings)
    if strict and warnings:
        count = f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
        click.echo(f"argmap: error: {count} with --strict: nothing written", err=True)
        raise click.exceptions.Exit(EXIT_ERRORS)
    return bibliography


def _prepare(
    amap: ArgumentMap, diagram: DiagramOptions, style: str, chosen: Format
) -> tuple[Bibliography | None, list[Issue]]:
    """The map's bibliography (None where it has none or it cannot be read), and warnings.

    Sets the formatted references of the diagram's key block from it.
    """
    bibliography, issues = try_map_bibliography(amap)
    listed = diagram.get("key_block") and not diagram.get("hide_citations")
    # Set for every map, so that a folder's map without a bibliography lists keys rather
    # than the references of the map before it.
    diagram["references"] = (
        format_cited(bibliography, amap.cited_keys(), style=style) or None
        if bibliography is not None and listed
        else None
    )
    warnings = diagram_warnings(
        amap,
        bibliography=bibliography,
        bibliography_issues=issues,
        show_weights=bool(diagram.get("show_weights")),
        check_fonts=chosen not in _TEXT_FORMATS,
        options=diagram,
        fmt=chosen,
    )
    return bibliography, warnings


def _render_folder(
    folder: Path,
    output: str | None,
    fmt: Format | None,
    engine: Engine,
    diagram: DiagramOptions,
    style: str | None,
    strict: bool,
    analysis: DiagramAnalysis | None,
) -> None:
    chosen: Format = fmt or "svg"
    outdir = Path(output) if output else folder
    if outdir.exists() and not outdir.is_dir():
        raise click.UsageError(f"{outdir} is a file; give a folder with -o for a folder of maps")
    if not outdir.exists() and _names_a_file(outdir):
        raise click.UsageError(
            f"{outdir} names a file, but {folder} is a folder of maps: give a folder with -o "
            "(the format with -f)"
        )
    paths = expand_map_paths((str(folder),))
    if not paths:
        raise click.UsageError(f"no map files ({', '.join(MAP_SUFFIXES)}) in {folder}")
    outdir.mkdir(parents=True, exist_ok=True)
    failures: list[tuple[Path, ArgmapError]] = []
    warned: list[Issue] = []
    held = 0
    large: list[str] = []
    with click.progressbar(paths, label="Rendering", file=sys.stderr, show_pos=True) as bar:
        for path in bar:
            try:
                amap = read_map(path)
                if analysis is not None:
                    notes, key = diagram_annotations(amap, analysis)
                    diagram["annotations"], diagram["annotation_key"] = notes, key
                bibliography = None
                if style is not None:
                    bibliography, warnings = _prepare(amap, diagram, style, chosen)
                    warned.extend(warnings)
                    if strict and warnings:
                        held += 1
                        continue
                if len(amap.nodes) > LARGE_MAP and diagram.get("focus") is None:
                    large.append(f"{path} ({len(amap.nodes)} nodes)")
                target = check_output(outdir / (path.stem + SUFFIXES[chosen]), inputs=[path])
                render(
                    amap, target, fmt=chosen, engine=engine, bibliography=bibliography,
                    style=style or "apa", **diagram,
                )  # fmt: skip
            except ArgmapError as exc:
                failures.append((path, exc))
    done = len(paths) - len(failures) - held
    click.echo(
        f"{done} of {len(paths)} map{'s' if len(paths) != 1 else ''} rendered to {outdir}"
        + (f", {len(failures)} failed:" if failures else ""),
        err=True,
    )
    echo_issues(warned)
    if large:
        click.echo(
            f"note: large maps lay out slowly and are hard to read: {', '.join(large)}; "
            "render them one by one with --focus ID --depth N",
            err=True,
        )
    for path, error in failures:
        if isinstance(error, _IssuesError):
            echo_issues(error.errors)
        else:
            click.echo(f"{path}: error: {error}", err=True)
    if failures or (strict and warned):
        sys.exit(EXIT_ERRORS)


def _names_a_file(path: Path) -> bool:
    """True when the path ends in the suffix of a format argmap writes (``two.svg``)."""
    try:
        format_for(path)
    except ArgmapError:
        return False
    return True


def _target(source: Path, output: str | None, chosen: Format) -> Path:
    if output is None:
        target = source.with_suffix(SUFFIXES[chosen])
    elif Path(output).is_dir():
        target = Path(output) / (source.stem + SUFFIXES[chosen])
    else:
        target = Path(output)
    if target.resolve() == source.resolve():
        raise click.UsageError(f"the output {target} is the map itself; choose another file")
    return target


def _text(amap: ArgumentMap, chosen: Format, diagram: DiagramOptions) -> str:
    if chosen == "dot":
        source: str = to_dot(amap, **diagram).source
        return source
    return to_mermaid(
        amap,
        direction=diagram.get("direction", "TB"),
        wrap_width=diagram.get("wrap_width", 30),
        hide_evidence=diagram.get("hide_evidence", False),
        hide_citations=diagram.get("hide_citations", False),
        hide_text=diagram.get("hide_text", False),
        focus=diagram.get("focus"),
        depth=diagram.get("depth", 1),
        imported=diagram.get("imported"),
    )


def _suggest_focus(amap: ArgumentMap, diagram: DiagramOptions) -> None:
    count = len(amap.nodes)
    if count > LARGE_MAP and diagram.get("focus") is None:
        first = amap.thesis.id if amap.thesis is not None else amap.nodes[0].id
        click.echo(
            f"note: {amap.id} has {count} nodes; a diagram this large lays out slowly and is "
            f"hard to read. Try --focus {first} --depth 2 for one node's neighbourhood.",
            err=True,
        )


__all__ = ["render_command"]
