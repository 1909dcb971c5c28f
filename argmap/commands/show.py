"""``argmap show``: a readable summary of each map given, with what it builds on."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable

from argmap.analysis.summary import summarize
from argmap.citations.formatting import format_cited
from argmap.commands._result import Result
from argmap.workspace.model import Workspace
from argmap.workspace.reading import read_maps
from argmap.workspace.summary import summarize_uses, summarize_workspace
from argmap.workspace.view import map_view

__all__ = ["show_files"]

PathLike = str | os.PathLike[str]


def show_files(paths: Iterable[PathLike], *, style: str = "apa") -> Result:
    """Summarise maps: title, source, thesis, push and pull factors, counts, problems.

    The maps are read as one workspace: a map's push and pull factors include those it
    imports from the maps it uses, and it lists what it builds on; its errors and
    warnings (a reference that does not resolve, say) are listed under it. Several maps
    end with a line about them all.

    Args:
        paths: map files or folders of them.
        style: the citation style of the mapped work's reference.

    Returns:
        The summaries as text; ``failed`` when a map given has an error (a map that cannot
        be read is not summarised: its issues say why).
    """
    workspace = read_maps(list(paths))
    # A summary does without a bibliography it cannot read (it names the source by key):
    # `argmap check` fails on that, `show` says so.
    workspace.issues = [
        dataclasses.replace(i, severity="warning") if i.path[:1] == ("bibliography",) else i
        for i in workspace.issues
    ]
    result = Result(inputs=dict(workspace.inputs))
    unread = [i for i in workspace.errors if _file_of(i) not in _given_files(workspace)]
    result.add(unread)
    parts = []
    for map_id in workspace.given:
        amap = map_view(workspace, map_id).amap
        issues = workspace.issues_of(map_id)
        text = summarize(amap, issues, source=_source_reference(workspace, map_id, style))
        uses = summarize_uses(workspace, map_id)
        parts.append(text + ("\n" + uses if uses else ""))
    if len(workspace.given) > 1:
        parts.append(summarize_workspace(workspace))
    result.text = "\n".join(parts)
    result.failed = bool(workspace.errors)
    return result


def _file_of(issue: object) -> str | None:
    location = getattr(issue, "location", None)
    return None if location is None else location.file


def _given_files(workspace: Workspace) -> set[str]:
    return {str(workspace.files[m]) for m in workspace.given}


def _source_reference(workspace: Workspace, map_id: str, style: str) -> str | None:
    """The mapped work as a reference, when the map's bibliography has it."""
    amap = workspace.maps[map_id]
    if amap.source is None:
        return None
    # A summary does without it; `argmap check` reports a bibliography's problems.
    bibliography, _ = workspace.bibliography([map_id])
    if bibliography is None:
        return None
    return format_cited(bibliography, [amap.source.key], style=style).get(amap.source.key)
