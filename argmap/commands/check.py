"""``argmap check``: every problem of maps, the maps they use and their bibliographies."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from argmap._plural import counted
from argmap.citations.bibliography import read_bibliography
from argmap.citations.checks import check_bibliography, check_citations
from argmap.commands._result import Result
from argmap.errors import BibliographyError, Issue, Location, MapError
from argmap.workspace.reading import MAP_SUFFIXES, is_bibliography, read_maps

__all__ = ["check_files"]

PathLike = str | os.PathLike[str]


def check_files(
    paths: Iterable[PathLike], *, bibliographies: bool = True, strict: bool = False
) -> Result:
    """Check map files, ``.bib`` files and folders of them; every problem, located.

    The maps are read as one workspace, with the maps they use: references between them
    resolve, and every map's bibliography is read (each file once) and every key it cites
    must be in it. A ``.bib`` file given on its own is checked on its own (blocks that do
    not parse, repeated keys, missing fields, fields holding a control character).

    Args:
        paths: map files (.yaml, .yml, .json), .bib files, or folders of them.
        bibliographies: read the maps' bibliographies and check the cited keys.
        strict: warnings fail the check too.

    Returns:
        The issues, in file order; a note counts the files checked. ``failed`` when there
        were errors (or warnings, with ``strict``).

    >>> result = check_files(["maps"])
    >>> result.notes, result.failed
    (['2 files checked: 0 errors, 0 warnings'], False)
    """
    given = [Path(os.fspath(p)) for p in paths]
    bib_files = _bib_files(given)
    targets = [p for p in given if p not in bib_files]
    result = Result()
    checked: set[Path] = set()  # the map files read and the .bib files given
    if targets:
        try:
            workspace = read_maps(targets, bibliographies=bibliographies)
        except MapError:
            if not bib_files:  # nothing to check at all
                raise
            workspace = None  # folders of .bib files only
        if workspace is not None:
            result.add(workspace.issues)
            result.inputs.update(workspace.inputs)
            bibs = workspace.bibliographies.texts
            checked |= {real for real in workspace.inputs if real not in bibs}
            if bibliographies:
                for map_id, amap in workspace.maps.items():
                    bibliography, problems = workspace.bibliography([map_id])
                    result.add(problems)
                    if bibliography is not None:
                        result.add(check_citations(amap, bibliography))
    elif not bib_files:
        kinds = ", ".join((*MAP_SUFFIXES, ".bib"))
        where = ", ".join(str(p) for p in given)
        raise MapError(
            [
                Issue(
                    "error",
                    f"no map or BibTeX files ({kinds})",
                    code="no-maps",
                    location=Location(where),
                )
            ]
        )
    for path in bib_files:
        real = path.resolve()
        checked.add(real)
        if real in result.inputs:
            continue  # named by a map: checked with it
        result.inputs[real] = str(path)
        try:
            bibliography = read_bibliography(path)
        except BibliographyError as exc:
            result.add(exc.issues)
            continue
        result.add(bibliography.issues)
        result.add(check_bibliography(bibliography))
    errors = len(result.errors)
    warnings = len(result.issues) - errors
    result.notes.append(
        f"{counted(len(checked), 'file')} checked: "
        f"{counted(errors, 'error')}, {counted(warnings, 'warning')}"
    )
    result.text = "".join(f"{issue}\n" for issue in result.issues)
    result.failed = errors > 0 or (strict and warnings > 0)
    return result


def _bib_files(paths: list[Path]) -> list[Path]:
    """The bibliographies given, and those directly inside the folders given (.bib and .ris
    files, CSL-JSON and CSL-YAML ones), sorted by name."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.is_file() and is_bibliography(p)))
        elif is_bibliography(path):
            found.append(path)
    return found
