"""``argmap analyze``: which arguments of a map or an ICCMA framework stand, and how strongly."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.analysis.dung import SEMANTICS, Semantics
from argmap.analysis.framework import to_framework
from argmap.analysis.gradual import GRADUAL_SEMANTICS, GradualSemantics
from argmap.analysis.report import analyze, dump_report, format_report
from argmap.cli._common import handle_errors
from argmap.formats.iccma import af_format_for, read_af
from argmap.formats.mapfile import read_map


@click.command("analyze")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-s",
    "--semantics",
    "semantics",
    type=click.Choice(SEMANTICS),
    multiple=True,
    help="Dung semantics to compute (repeat for several). Default: grounded.",
)
@click.option(
    "-g",
    "--strengths",
    "gradual",
    type=click.Choice(GRADUAL_SEMANTICS),
    multiple=True,
    help="Gradual semantics whose strengths to compute (repeat for several).",
)
@click.option(
    "--base",
    type=click.FloatRange(0.0, 1.0),
    default=0.5,
    show_default=True,
    help="Base score of the gradual semantics (a map's weighted factors use their weight).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json (stable keys) for scripts.",
)
@handle_errors
def analyze_command(
    source: str,
    semantics: tuple[Semantics, ...],
    gradual: tuple[GradualSemantics, ...],
    base: float,
    fmt: str,
) -> None:
    """Evaluate the map or ICCMA framework SOURCE (.af/.i23, .apx, .tgf).

    \b
    argmap analyze maps/m.yaml                      grounded status, balances
    argmap analyze maps/m.yaml -s preferred -g df-quad
    argmap analyze bench.af -s stable -f json       an ICCMA file, as JSON

    A map's attacks and pulls are attacks, its supports and pushes supports; linked and
    undercut inferences are arguments of their own (see the README).
    """
    chosen = semantics or ("grounded",)
    if af_format_for(source) is not None:
        fw, amap = read_af(source), None
    else:
        amap = read_map(Path(source))
        fw = to_framework(amap)
    report = analyze(fw, amap=amap, semantics=chosen, gradual=gradual, base=base)
    click.echo(dump_report(report) if fmt == "json" else format_report(report), nl=False)


__all__ = ["analyze_command"]
