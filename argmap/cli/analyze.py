"""``argmap analyze``: which claims of a map (or an ICCMA framework) stand, and why."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from argmap.analysis.dung import SEMANTICS, Semantics
from argmap.analysis.gradual import GRADUAL_SEMANTICS, GradualSemantics
from argmap.analysis.tasks import TASK_KINDS, TASK_SEMANTICS
from argmap.cli._common import finish, given, handle_errors, require_files
from argmap.commands.analyze import analyze_files
from argmap.formats.iccma import af_format_for
from argmap.model import PROOF_STANDARDS, ProofStandard

_TASKS = [f"{k}-{s}" for k in TASK_KINDS for s in TASK_SEMANTICS]


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
    fmt: Literal["text", "json"],
) -> None:
    """Evaluate the map, the folder of maps or the ICCMA framework SOURCE.

    A map is analysed with the nodes it imports from the maps it uses; an ICCMA file is
    .af/.i23, .apx or .tgf.

    \b
    argmap analyze maps/m.yaml                      verdicts, grounded status, balances
    argmap analyze maps/m.yaml --semantics preferred -g df-quad -x some-claim
    argmap analyze bench.af --semantics stable -f json   an ICCMA file, as JSON
    argmap analyze bench.af --task DC-PR -a 3       an ICCMA task: YES or NO

    A map's pros and cons (supports, pushes; attacks, pulls) are weighed by proof
    standards; Dung's semantics read its attacks, not its pushes and pulls (see
    docs/guide/analysis.md).
    """
    for note in _notes(source, gradual, task, argument):
        click.echo(f"note: {note}", err=True)
    try:
        require_files([source])
        result = analyze_files(
            source,
            semantics=semantics or ("grounded",),
            gradual=gradual,
            base=base,
            standard=standard,
            explaining=explaining,
            task=task,
            argument=argument,
            fmt=fmt,
        )
    except ValueError as exc:  # an unknown task, or a DC or DS task without its argument
        raise click.UsageError(str(exc)) from None
    finish(result)


def _notes(
    source: str, gradual: tuple[GradualSemantics, ...], task: str | None, argument: str | None
) -> list[str]:
    """What to say of each option given that changes nothing with the others."""
    notes = []
    if given("base") and not gradual:
        notes.append("--base has no effect without -g/--strengths")
    if task is not None:
        ignored = [
            option
            for option, name in (
                ("--semantics", "semantics"),
                ("-g/--strengths", "gradual"),
                ("--standard", "standard"),
                ("-x/--explain", "explaining"),
            )
            if given(name)
        ]
        if ignored:
            notes.append(f"{', '.join(ignored)}: no effect with --task")
        if argument is not None and task.upper().startswith("SE"):
            notes.append(f"-a/--argument has no effect with {task.upper()}: it asks about none")
    else:
        if argument is not None:
            notes.append("-a/--argument has no effect without -t/--task")
        if given("standard") and not Path(source).is_dir() and af_format_for(Path(source)):
            notes.append("--standard has no effect on an ICCMA file: its arguments have no claims")
    return notes


__all__ = ["analyze_command"]
