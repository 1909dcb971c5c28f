"""Workspaces: the maps a command is given, the maps they use and their bibliographies,
read once, checked once and resolved together."""

from argmap.workspace.graph import workspace_to_networkx
from argmap.workspace.model import ResolvedReference, Workspace
from argmap.workspace.reading import read_maps
from argmap.workspace.view import View, map_view

__all__ = [
    "ResolvedReference",
    "View",
    "Workspace",
    "map_view",
    "read_maps",
    "workspace_to_networkx",
]
