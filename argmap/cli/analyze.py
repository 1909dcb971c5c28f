"""``argmap analyze``: which arguments of a map or an ICCMA framework stand, and how strongly."""

from __future__ import annotations

from typing import Literal

import click

from argmap.analysis.dung import SEMANTICS, Semantics
from argmap.analysis.gradual import GRADUAL_SEMANTICS, GradualSemantics
from argmap.cli._common import finish, given, handle_errors
from argmap.commands.analyze import analyze_files


@click.command("analyze")
@click.argument("source", type=click.Path())
@click.option(
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
    fmt: Literal["text", "json"],
) -> None:
    """Evaluate the map, the folder of maps or the ICCMA framework SOURCE.

    A map is analysed with the nodes it imports from the maps it uses; an ICCMA file is
    .af/.i23, .apx or .tgf.

    \b
    argmap analyze maps/m.yaml                      grounded status, balances
    argmap analyze maps/m.yaml --semantics preferred -g df-quad
    argmap analyze bench.af --semantics stable -f json   an ICCMA file, as JSON

    A map's attacks and pulls are attacks, its supports and pushes supports; linked and
    undercut inferences are arguments of their own (see the README).
    """
    if given("base") and not gradual:
        click.echo("note: --base has no effect without -g/--strengths", err=True)
    result = analyze_files(
        source, semantics=semantics or ("grounded",), gradual=gradual, base=base, fmt=fmt
    )
    finish(result)


__all__ = ["analyze_command"]
