"""``argmap render``: draw a map (or every map of a folder) as SVG, PNG, PDF, HTML, DOT, Mermaid."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import click

from argmap.analysis.report import DiagramAnalysis
from argmap.cli._common import finish, given, handle_errors, require_files
from argmap.cli._styles import CITATION_STYLE
from argmap.commands.render import render_files
from argmap.diagrams import (
    DIAGRAM_FORMATS,
    ENGINES,
    DiagramOptions,
    Engine,
    Format,
    GroupBy,
    LayoutDirection,
    PageSize,
    ThemeName,
    format_for,
)
from argmap.errors import ArgmapError


@click.command("render")
@click.argument("source", type=click.Path())
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
    type=click.Choice(["verdict", "grounded", "preferred", "df-quad"]),
    help="Colour each node by the verdict of the proof standards, or its status (grounded, "
    "preferred), and name it; or show its DF-QuAD strength. --legend explains it.",
)
@click.option(
    "--schemes/--no-schemes",
    "show_schemes",
    default=None,
    help="Label each inference with its argument scheme. Default: on for html, off otherwise.",
)
@click.option(
    "--no-verdicts",
    is_flag=True,
    help="html: leave out the verdicts on the thesis and outcomes.",
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
    show_schemes: bool | None,
    no_verdicts: bool,
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
    if show_schemes is not None:
        diagram["show_schemes"] = show_schemes
    path = Path(source)
    require_files([source])
    if path.is_dir() and output is not None:
        outdir = Path(output)
        if outdir.exists() and not outdir.is_dir():
            raise click.UsageError(
                f"{outdir} is a file; give a folder with -o for a folder of maps"
            )
        if not outdir.exists() and _names_a_file(outdir):
            raise click.UsageError(
                f"{outdir} names a file, but {path} is a folder of maps: give a folder with -o "
                "(the format with -f)"
            )
    chosen = fmt or (
        format_for(output) if output and not Path(output).is_dir() and not path.is_dir() else "svg"
    )
    _note_unused_options(chosen, focus=focus, no_bib=no_bib, engine=engine)
    result = render_files(
        source,
        output=output,
        fmt=fmt,
        engine=engine,
        style=None if no_bib else style,
        strict=strict,
        analysis=analysis,
        verdicts=not no_verdicts,
        with_uses=with_uses,
        progress=_progress_bar if path.is_dir() else None,
        **diagram,
    )
    finish(result)


#: The options Mermaid output cannot carry, as the user writes them and by parameter.
_NOT_IN_MERMAID = (
    ("--group-by", "group_by"),
    ("--legend", "legend"),
    ("--theme", "theme"),
    ("--weights", "show_weights"),
    ("--no-key-block", "no_key_block"),
    ("-s/--style", "style"),
    ("--no-title", "no_title"),
    ("--size", "size"),
    ("--analysis", "analysis"),
)


def _note_unused_options(chosen: str, *, focus: str | None, no_bib: bool, engine: str) -> None:
    """Say so when an option given on the command line changes nothing."""
    unused = []
    if given("depth") and focus is None:
        unused.append("--depth has no effect without --focus")
    if given("dpi") and chosen != "png":
        unused.append(f"--dpi has no effect on {chosen} (only on png)")
    if given("style") and no_bib:
        unused.append("-s/--style has no effect with --no-bib (the key block lists keys)")
    if given("engine") and chosen in ("dot", "mermaid"):
        unused.append(f"--engine {engine} has no effect on {chosen} source (it lays out images)")
    if chosen == "mermaid":
        ignored = [
            option
            for option, name in _NOT_IN_MERMAID
            if given(name) and not (name == "style" and no_bib)
        ]
        if ignored:
            unused.append(f"{', '.join(ignored)}: no effect on mermaid (Mermaid draws its own way)")
    if given("no_verdicts") and chosen != "html":
        unused.append(
            f"--no-verdicts has no effect on {chosen} (only the html page shows verdicts)"
        )
    for note in unused:
        click.echo(f"note: {note}", err=True)


def _progress_bar(map_ids: list[str]) -> Iterable[str]:
    with click.progressbar(map_ids, label="Rendering", file=sys.stderr, show_pos=True) as bar:
        yield from bar


def _names_a_file(path: Path) -> bool:
    """True when the path ends in the suffix of a format argmap writes (``two.svg``)."""
    try:
        format_for(path)
    except ArgmapError:
        return False
    return True
