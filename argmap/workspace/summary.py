"""Readable text about a workspace: what each map builds on, and how the maps hang together."""

from __future__ import annotations

from argmap._plural import counted
from argmap.model import Relation
from argmap.model.reference import text_hash
from argmap.workspace.model import Workspace

__all__ = ["summarize_uses", "summarize_workspace"]


def summarize_uses(workspace: Workspace, map_id: str) -> str:
    """What a map builds on: each node of another map it names, once, with its pin's state.

    An unpinned reference shows the pin of its target's text, to copy into the map.

    >>> from argmap.workspace import read_maps
    >>> workspace = read_maps("maps")
    >>> print(summarize_uses(workspace, "shagina-2018-sasakawa-sanctions-unity"), end="")
    Builds on (2)
      shagina-2018-japan-sanctions#symbolic-sanctions  Symbolic sanctions (pinned, current)
      shagina-2018-japan-sanctions#closing-critique  The closing critique (pinned, current)
    """
    seen: dict[str, str] = {}
    for ref in workspace.imports(map_id):
        key = ref.reference.key
        target = ref.target
        if key in seen or target is None:
            continue
        if isinstance(target, Relation):
            label = f"{target.kind} relation"
        else:
            label = target.label
            digest = text_hash(target.text)
            if ref.reference.pin is None:
                label += f" (not pinned; pin: @sha256:{digest})"
            elif digest.startswith(ref.reference.pin[: len(digest)]):
                label += " (pinned, current)"
            else:
                label += f" (pinned, text changed; now @sha256:{digest})"
        seen[key] = label
    if not seen:
        return ""
    lines = [f"Builds on ({len(seen)})"]
    lines.extend(f"  {key}  {label}" for key, label in seen.items())
    return "\n".join(lines) + "\n"


def summarize_workspace(workspace: Workspace) -> str:
    """One paragraph on the workspace: its maps, their references and the nodes reused.

    >>> from argmap.workspace import read_maps
    >>> print(summarize_workspace(read_maps("maps")), end="")
    Corpus: 2 maps, 3 cross-map references to 2 nodes and relations of 1 map; 0 errors, 0 warnings
    """
    resolved = [r for r in workspace.references if r.target is not None]
    targets = {r.reference.key for r in resolved}
    owners = {r.reference.map_id for r in resolved}
    errors = len(workspace.errors)
    warnings = len(workspace.issues) - errors
    return (
        f"Corpus: {counted(len(workspace.maps), 'map')}, "
        f"{counted(len(workspace.references), 'cross-map reference')} to {len(targets)} nodes and "
        f"relations of {counted(len(owners), 'map')}; "
        f"{counted(errors, 'error')}, {counted(warnings, 'warning')}\n"
    )
