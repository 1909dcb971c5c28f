"""``argmap analyze``: which claims of a map (or an ICCMA framework) stand, and why."""

from __future__ import annotations

import json
from pathlib import Path

import click

from argmap.analysis.dung import SEMANTICS, Semantics
from argmap.analysis.framework import to_framework
from argmap.analysis.gradual import GRADUAL_SEMANTICS, GradualSemantics
from argmap.analysis.report import analyze, dump_report, format_report
from argmap.analysis.tasks import TASK_KINDS, TASK_SEMANTICS, solve_task
from argmap.cli._common import handle_errors
from argmap.formats.iccma import af_format_for, read_af
from argmap.formats.mapfile import read_map
from argmap.model import PROOF_STANDARDS, ProofStandard

_TASKS = [f"{k}-{s}" for k in TASK_KINDS for s in TASK_SEMANTICS]


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
    help="Base score of the gradual semantics (default: 1 for h-categorizer, 0.5 for the "
    "others; a map's weighted factors use their weight).",
)
@click.option(
    "--standard",
    type=click.Choice(PROOF_STANDARDS),
    default="preponderance",
    show_default=True,
    help="Proof standard of the map's nodes that set none.",
)
@click.option(
    "-x",
    "--explain",
    "explaining",
    metavar="ID",
    multiple=True,
    help="Say why this argument has its status, and its verdict (repeat for several).",
)
@click.option(
    "-t",
    "--task",
    type=click.Choice(_TASKS, case_sensitive=False),
    metavar="TASK",
    help="Answer one ICCMA task instead, such as DC-PR, DS-ST or SE-CO: print YES or NO "
    "(DC, DS), or 'w' and an extension (SE).",
)
@click.option("-a", "--argument", metavar="ID", help="The argument a DC or DS task asks about.")
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
    base: float | None,
    standard: ProofStandard,
    explaining: tuple[str, ...],
    task: str | None,
    argument: str | None,
    fmt: str,
) -> None:
    """Evaluate the map or ICCMA framework SOURCE (.af/.i23, .apx, .tgf).

    \b
    argmap analyze maps/m.yaml                      verdicts, grounded status, balances
    argmap analyze maps/m.yaml -s preferred -g df-quad -x some-claim
    argmap analyze bench.af -s stable -f json       an ICCMA file, as JSON
    argmap analyze bench.af --task DC-PR -a 3       an ICCMA task: YES or NO

    A map's pros and cons (supports, pushes; attacks, pulls) are weighed by proof
    standards; Dung's semantics read its attacks, not its pushes and pulls (see the
    README).
    """
    amap = None
    if af_format_for(source) is not None:
        fw = read_af(source)
    else:
        amap = read_map(Path(source))
        fw = to_framework(amap)
    if task is not None:
        try:
            result = solve_task(fw, task, argument)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
        if fmt == "json":
            click.echo(json.dumps(result.to_dict(fw), sort_keys=True))
        else:
            click.echo(result.format(fw), nl=False)
        return
    try:
        report = analyze(
            fw,
            amap=amap,
            semantics=semantics or ("grounded",),
            gradual=gradual,
            base=base,
            explaining=explaining,
            standard=standard,
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(dump_report(report) if fmt == "json" else format_report(report), nl=False)


__all__ = ["analyze_command"]
