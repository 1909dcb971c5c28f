"""``argmap analyze``: which arguments of each map (or of an ICCMA framework) stand."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from argmap.analysis.dung import Semantics
from argmap.analysis.framework import to_framework
from argmap.analysis.gradual import GradualSemantics
from argmap.analysis.report import analyze, dump_report, format_report
from argmap.commands._result import Result
from argmap.errors import MapError
from argmap.formats.iccma import af_format_for, read_af
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
    fmt: Literal["text", "json"] = "text",
) -> Result:
    """Analyse the map ``source`` (with the nodes it imports), every map of a folder, or an
    ICCMA framework file.

    A map that names nodes of the maps it uses is analysed with them: the nodes it
    imports are arguments of its framework, keyed ``MAP-ID#NODE-ID``.

    Args:
        source: a map file, a folder of them, or an ICCMA file (.af/.i23, .apx, .tgf).
        semantics: the Dung semantics to compute.
        gradual: the gradual semantics whose strengths to compute.
        base: the base score of the gradual semantics' arguments (None: each semantics'
            own default); a map's weighted factors use their weight.
        fmt: ``text`` for people, ``json`` for scripts (one report, or a list of them for
            a folder).

    Raises:
        MapError: the map, or a map it uses, has errors.
        FormatError: an ICCMA file cannot be read.
    """
    options = {"semantics": semantics, "gradual": gradual}
    if base is not None:
        options["base"] = base  # type: ignore[assignment]
    path = Path(os.fspath(source))
    if not path.is_dir() and af_format_for(path) is not None:
        report = analyze(read_af(path), **options)  # type: ignore[arg-type]
        text = dump_report(report) if fmt == "json" else format_report(report)
        return Result(text=text, inputs={path.resolve(): str(path)})
    workspace = read_maps(path, bibliographies=False)
    if workspace.errors:
        raise MapError(workspace.errors)
    reports = []
    for map_id in workspace.given:
        view = map_view(workspace, map_id).amap
        reports.append(analyze(to_framework(view), amap=view, **options))  # type: ignore[arg-type]
    if fmt == "json":
        if path.is_dir():
            import json

            text = json.dumps(reports, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        else:
            text = dump_report(reports[0])
    else:
        text = "\n".join(format_report(report) for report in reports)
    return Result(text=text, inputs=dict(workspace.inputs))
