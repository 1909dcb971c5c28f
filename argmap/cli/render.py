"""``argmap render``: draw a map (or every map of a folder) as SVG, PNG, PDF, DOT or Mermaid."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.analysis.report import DiagramAnalysis, diagram_annotations
from argmap.citations.formatting import CITATION_STYLES, format_cited
from argmap.cli._common import EXIT_ERRORS, echo_issues, handle_errors, try_map_bibliography
from argmap.cli.check import expand_map_paths
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
    ThemeName,
    format_for,
    render,
    to_dot,
    to_mermaid,
)
from argmap.errors import ArgmapError, _IssuesError
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
    type=click.Choice(sorted(CITATION_STYLES)),
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
    "--analysis",
    type=click.Choice(["grounded", "preferred", "df-quad"]),
    help="Show each node's status (grounded, preferred) or DF-QuAD strength; --legend explains it.",
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
    analysis: DiagramAnalysis | None,
) -> None:
    """Draw the map SOURCE as a diagram, or every map in the folder SOURCE.

    \b
    argmap render maps/m.yaml                  writes maps/m.svg
    argmap render maps/m.yaml -o m.pdf         PDF (format from the suffix)
    argmap render maps/m.yaml -f mermaid       Mermaid to standard output
    argmap render maps/ -o out/                every map of maps/ into out/

    SVG, PNG and PDF need Graphviz's dot program; DOT and Mermaid do not.
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
    }
    path = Path(source)
    if path.is_dir():
        _render_folder(path, output, fmt, engine, diagram, None if no_bib else style, analysis)
        return
    amap = read_map(path)
    if analysis is not None:
        diagram["annotations"], diagram["annotation_key"] = diagram_annotations(amap, analysis)
    _suggest_focus(amap, diagram)
    if not (no_bib or no_key_block or hide_citations):
        diagram["references"] = _references(amap, style)
    chosen: Format = fmt or (format_for(output) if output and not Path(output).is_dir() else "svg")
    if output is None and chosen in _TEXT_FORMATS:
        click.echo(_text(amap, chosen, diagram), nl=False)
        return
    target = _target(path, output, chosen)
    render(amap, target, fmt=chosen, engine=engine, **diagram)
    click.echo(f"wrote {target}", err=True)


def _render_folder(
    folder: Path,
    output: str | None,
    fmt: Format | None,
    engine: Engine,
    diagram: DiagramOptions,
    style: str | None,
    analysis: DiagramAnalysis | None,
) -> None:
    chosen: Format = fmt or "svg"
    outdir = Path(output) if output else folder
    if outdir.exists() and not outdir.is_dir():
        raise click.UsageError(f"{outdir} is a file; give a folder with -o for a folder of maps")
    outdir.mkdir(parents=True, exist_ok=True)
    paths = expand_map_paths((str(folder),))
    failures: list[tuple[Path, ArgmapError]] = []
    large: list[str] = []
    with click.progressbar(paths, label="Rendering", file=sys.stderr, show_pos=True) as bar:
        for path in bar:
            try:
                amap = read_map(path)
                if analysis is not None:
                    notes, key = diagram_annotations(amap, analysis)
                    diagram["annotations"], diagram["annotation_key"] = notes, key
                if style and diagram.get("key_block") and not diagram.get("hide_citations"):
                    diagram["references"] = _references(amap, style, quiet=True)
                if len(amap.nodes) > LARGE_MAP and diagram.get("focus") is None:
                    large.append(f"{path} ({len(amap.nodes)} nodes)")
                target = outdir / (path.stem + SUFFIXES[chosen])
                render(amap, target, fmt=chosen, engine=engine, **diagram)
            except ArgmapError as exc:
                failures.append((path, exc))
    done = len(paths) - len(failures)
    click.echo(
        f"{done} of {len(paths)} map{'s' if len(paths) != 1 else ''} rendered to {outdir}"
        + (f", {len(failures)} failed:" if failures else ""),
        err=True,
    )
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
    if failures:
        sys.exit(EXIT_ERRORS)


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
    )


def _references(amap: ArgumentMap, style: str, *, quiet: bool = False) -> dict[str, str] | None:
    """The formatted entries of the works the map cites, for the diagram's key block.

    A bibliography that cannot be read does not stop the diagram: its key block then
    lists the keys, and the problems are reported as a note.
    """
    bibliography, issues = try_map_bibliography(amap)
    if bibliography is None:
        if issues and not quiet:
            click.echo("note: the bibliography was not read; the key block lists keys:", err=True)
            echo_issues(i for i in issues if i.is_error)
        return None
    return format_cited(bibliography, amap.cited_keys(), style=style) or None


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
