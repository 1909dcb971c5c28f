"""``argmap analyze``: which claims of each map (or of an ICCMA framework) stand, and why."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from argmap.analysis.dung import Semantics
from argmap.analysis.framework import Framework, to_framework
from argmap.analysis.gradual import GradualSemantics
from argmap.analysis.report import analyze, dump_report, format_report
from argmap.analysis.standards import reasons
from argmap.analysis.tasks import solve_task
from argmap.commands._result import Result
from argmap.errors import ExtensionLimitError, Issue, Location, MapError, did_you_mean
from argmap.formats.iccma import af_format_for, read_af
from argmap.model import ArgumentMap, ProofStandard
from argmap.workspace.reading import read_maps
from argmap.workspace.view import map_view

__all__ = ["analyze_files"]

PathLike = str | os.PathLike[str]


def analyze_files(
    source: PathLike,
    *,
    semantics: Sequence[Semantics] = ("grounded",),
    gradual: Sequence[GradualSemantics] = (),
    base: float | None = None,
    standard: ProofStandard = "preponderance",
    explaining: Sequence[str] = (),
    task: str | None = None,
    argument: str | None = None,
    fmt: Literal["text", "json"] = "text",
) -> Result:
    """Analyse the map ``source`` (with the nodes it imports), every map of a folder, or an
    ICCMA framework file: verdicts on its thesis and outcomes, Dung's semantics, strengths.

    A map that names nodes of the maps it uses is analysed with them: the nodes it
    imports are arguments of its framework, keyed ``MAP-ID#NODE-ID``.

    Args:
        source: a map file, a folder of them, or an ICCMA file (.af/.i23, .apx, .tgf).
        semantics: the Dung semantics to compute.
        gradual: the gradual semantics whose strengths to compute.
        base: the base score of the gradual semantics' arguments (None: each semantics'
            own default); a map's weighted factors use their weight.
        standard: the proof standard of the map's nodes that set none.
        explaining: arguments to say why they have their status, and their verdicts.
        task: one ICCMA task to answer instead (``DC-PR``, ``DS-ST``, ``SE-CO``, ...), on
            an ICCMA file or on each map's framework.
        argument: the argument a DC or DS task asks about.
        fmt: ``text`` for people, ``json`` for scripts (one report for a file, a list of
            them for a folder).

    Raises:
        MapError: the map, or a map it uses, has errors; a semantics has more than
            :data:`argmap.analysis.dung.MAX_EXTENSIONS` extensions to list; or
            ``argument`` or a name in ``explaining`` is an argument of none of the
            frameworks (code ``unknown-node``, with the closest names).
        FormatError: an ICCMA file cannot be read.
        ValueError: an unknown task, or a DC or DS task without ``argument``.
    """
    path = Path(os.fspath(source))
    frameworks: list[tuple[Framework, ArgumentMap | None]]
    if not path.is_dir() and af_format_for(path) is not None:
        frameworks = [(read_af(path), None)]
        inputs = {path.resolve(): str(path)}
    else:
        workspace = read_maps(path, bibliographies=False)
        if workspace.errors:
            raise MapError(workspace.errors)
        views = [map_view(workspace, map_id).amap for map_id in workspace.given]
        frameworks = [(to_framework(view), view) for view in views]
        inputs = dict(workspace.inputs)
    if task is not None:
        if argument is not None:
            _refuse_unknown([argument], [set(fw.arguments) for fw, _ in frameworks], str(path))
        try:
            answers = [
                (solve_task(fw, task, argument), fw)
                for fw, _ in frameworks
                if argument is None or argument in fw
            ]
        except ExtensionLimitError as exc:
            raise _too_many(exc, path) from None
        if fmt == "json":
            text = "".join(
                json.dumps(answer.to_dict(fw), sort_keys=True) + "\n" for answer, fw in answers
            )
        else:
            text = "".join(answer.format(fw) for answer, fw in answers)
        return Result(text=text, inputs=inputs)
    known = [_arguments(fw, amap) for fw, amap in frameworks]
    _refuse_unknown(explaining, known, str(path))
    try:
        reports = _reports(frameworks, known, semantics, gradual, base, explaining, standard)
    except ExtensionLimitError as exc:
        raise _too_many(exc, path) from None
    if not path.is_dir():
        text = dump_report(reports[0]) if fmt == "json" else format_report(reports[0])
    elif fmt == "json":
        text = json.dumps(reports, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    else:
        text = "\n".join(format_report(report) for report in reports)
    return Result(text=text, inputs=inputs)


def _too_many(exc: ExtensionLimitError, path: Path) -> MapError:
    """The error for a semantics with too many extensions to list, at the file analysed."""
    where = Location(str(path))
    return MapError([Issue("error", str(exc), code="too-many-extensions", location=where)])


def _reports(
    frameworks: Sequence[tuple[Framework, ArgumentMap | None]],
    known: Sequence[set[str]],
    semantics: Sequence[Semantics],
    gradual: Sequence[GradualSemantics],
    base: float | None,
    explaining: Sequence[str],
    standard: ProofStandard,
) -> list[dict[str, Any]]:
    """The report on each framework, explaining the names it knows."""
    return [
        analyze(
            fw,
            amap=amap,
            semantics=semantics,
            gradual=gradual,
            base=base,
            explaining=[name for name in explaining if name in names],
            standard=standard,
        )
        for (fw, amap), names in zip(frameworks, known, strict=True)
    ]


def _arguments(fw: Framework, amap: ArgumentMap | None) -> set[str]:
    """The names an argument may be asked about by: the framework's arguments and, for a
    map, its reasons (the relations weighed for or against a claim)."""
    names = set(fw.arguments)
    if amap is not None:
        names.update(reason.name for reason in reasons(amap))
    return names


def _refuse_unknown(asked: Sequence[str], known: Sequence[set[str]], where: str) -> None:
    """An error for each name that is an argument of none of the frameworks, with the
    closest names: bad input, as a node the map lacks is in ``render`` and ``cite``."""
    every = set().union(*known) if known else set()
    issues = [
        Issue(
            "error",
            f"no argument {name!r}{did_you_mean(name, sorted(every))}",
            code="unknown-node",
            location=Location(where),
        )
        for name in dict.fromkeys(asked)
        if name not in every
    ]
    if issues:
        raise MapError(issues)
