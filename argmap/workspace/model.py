"""A workspace: the maps a command was given, the maps they use, and their bibliographies.

Every file is read once, by its real path; each map is checked once; every cross-map
reference is resolved; each set of bibliography files is parsed once, when first asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from argmap.errors import Issue, Location
from argmap.errors import Path as IssuePath
from argmap.model import ArgumentMap, Node, Relation
from argmap.model.provenance import Provenance
from argmap.model.reference import Reference

if TYPE_CHECKING:
    import networkx as nx

    from argmap.citations.bibliography import Bibliography

__all__ = ["BibliographyFiles", "ResolvedReference", "Workspace"]


@dataclass(frozen=True, slots=True)
class ResolvedReference:
    """One ``MAP-ID#NODE-ID`` endpoint of a map's relation, and what it names.

    ``target`` is the node (or, for undercuts and questions, the relation) of the other map,
    or None when it does not resolve (the workspace then has an error for it).
    """

    map_id: str
    """The map whose relation holds the reference."""
    path: IssuePath
    """Where in that map: ``("relations", 3, "from")``."""
    reference: Reference
    target: Node | Relation | None
    provenance: Provenance | None = field(default=None, repr=False, compare=False)
    """Where the referring map came from (None for maps built in code)."""

    @property
    def location(self) -> Location | None:
        """Where the reference is written, found when asked for."""
        return None if self.provenance is None else self.provenance.locate(self.path)


@dataclass(slots=True)
class BibliographyFiles:
    """The bibliography files of a workspace: each read once, by real path; each set of
    them parsed once, when first asked for (keys, ``@string`` macros and ``crossref``
    resolve within a set, as BibTeX reads the files a document names)."""

    texts: dict[Path, str | None] = field(default_factory=dict)
    """The text of each file by real path; None for a file that could not be read."""
    names: dict[Path, str] = field(default_factory=dict)
    """Each file's path as first written (relative to the map that names it), for messages."""
    problems: dict[Path, list[Issue]] = field(default_factory=dict)
    """Why a file could not be read."""
    parsed: dict[tuple[Path, ...], tuple[Bibliography | None, list[Issue]]] = field(
        default_factory=dict
    )

    def bibliography(self, paths: tuple[Path, ...]) -> tuple[Bibliography | None, list[Issue]]:
        """The files' entries as one bibliography (None if one is unreadable or has an
        error), with the problems found; parsed the first time this set is asked for."""
        if paths not in self.parsed:
            from argmap.citations.bibliography import parse_bibliographies
            from argmap.errors import BibliographyError

            problems = [issue for path in paths for issue in self.problems.get(path, [])]
            texts = [(self.names[path], self.texts[path]) for path in paths]
            try:
                bibliography = parse_bibliographies(texts, issues=problems)
                self.parsed[paths] = (bibliography, list(bibliography.issues))
            except BibliographyError as exc:
                self.parsed[paths] = (None, exc.issues)
        return self.parsed[paths]


@dataclass(slots=True)
class Workspace:
    """Maps read together (see :func:`argmap.read_maps`).

    Attributes:
        maps: the maps by id, in reading order (the files given first, then the maps their
            ``uses`` lists brought in).
        files: the file each map was read from, by map id (as named).
        given: the ids of the maps named on their own or in a folder given, in order.
        references: every cross-map reference, resolved or not, in reading order.
        issues: the problems of every map, of the references between them and of their
            bibliographies, located, in file order.
        inputs: every file read (maps and bibliographies), by real path, with its name as
            first read: no output may be written over one of them.
        bibliographies: the maps' bibliography files, by real path.
        bibliography_files: the real paths of each map's bibliography files, in order.
    """

    maps: dict[str, ArgumentMap] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    given: list[str] = field(default_factory=list)
    references: list[ResolvedReference] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    inputs: dict[Path, str] = field(default_factory=dict)
    bibliographies: BibliographyFiles = field(default_factory=BibliographyFiles)
    bibliography_files: dict[str, tuple[Path, ...]] = field(default_factory=dict)

    def __repr__(self) -> str:
        errors = len(self.errors)
        return (
            f"<Workspace: {len(self.maps)} maps ({len(self.given)} given), "
            f"{len(self.references)} cross-map references, {errors} errors, "
            f"{len(self.issues) - errors} warnings>"
        )

    @property
    def errors(self) -> list[Issue]:
        """The issues of severity error."""
        return [i for i in self.issues if i.is_error]

    @property
    def is_valid(self) -> bool:
        """True when no map and no reference has an error."""
        return not self.errors

    def issues_of(self, map_id: str) -> list[Issue]:
        """The issues located in one map's file."""
        name = str(self.files[map_id])
        return [i for i in self.issues if i.location is not None and i.location.file == name]

    def node(self, key: str) -> Node:
        """The node named ``MAP-ID#NODE-ID`` (a pin, if any, is ignored).

        Raises:
            KeyError: no map of the workspace has it.
        """
        ref = Reference(key)
        return self.maps[ref.map_id].node(ref.node_id)

    def imports(self, map_id: str) -> list[ResolvedReference]:
        """The resolved references of one map, in map order."""
        return [r for r in self.references if r.map_id == map_id and r.target is not None]

    def users(self, key: str) -> list[str]:
        """The ids of the maps that refer to the node ``MAP-ID#NODE-ID``, in reading order."""
        seen: dict[str, None] = {}
        for r in self.references:
            if r.reference.key == key and r.target is not None:
                seen[r.map_id] = None
        return list(seen)

    def uses_closure(self, map_id: str, *, depth: int | None = None) -> list[str]:
        """The map and the maps it builds on, through references, up to ``depth`` steps.

        ``depth=0`` is the map alone; None follows every step.
        """
        order = [map_id]
        frontier = [map_id]
        step = 0
        while frontier and (depth is None or step < depth):
            step += 1
            found: list[str] = []
            for current in frontier:
                for r in self.imports(current):
                    target_map = r.reference.map_id
                    if target_map not in order and target_map not in found:
                        found.append(target_map)
            order.extend(found)
            frontier = found
        return order

    def bibliography(self, map_ids: list[str]) -> tuple[Bibliography | None, list[Issue]]:
        """The bibliography of these maps: the files they name, each once, in order.

        Returns None (with the problems) when a map names no file, or one cannot be read.
        Parsed once per set of files, however often it is asked for.
        """
        paths = tuple(dict.fromkeys(p for m in map_ids for p in self.bibliography_files.get(m, ())))
        if not paths:
            return None, []
        return self.bibliographies.bibliography(paths)

    def to_networkx(self, *, junctions: Literal["auto", "all"] = "auto") -> nx.DiGraph:
        """The workspace as one graph: see :func:`argmap.workspace.workspace_to_networkx`."""
        from argmap.workspace.graph import workspace_to_networkx

        return workspace_to_networkx(self, junctions=junctions)
