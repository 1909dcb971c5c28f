"""Where commands write: one guard that keeps every output off the command's inputs.

Each command that writes a file passes its output path and the files it read (maps, the
bibliographies they name, the file it converts) through :func:`check_output` before
writing, and writes with :func:`write_output`; both turn file-system problems into one
located line (:class:`OutputError`), never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from argmap._io import write_atomic
from argmap.citations.bibliography import bibliography_paths
from argmap.errors import ArgmapError, Issue, Location, OutputError
from argmap.model import ArgumentMap

PathLike = str | os.PathLike[str]


def map_inputs(amaps: Iterable[ArgumentMap]) -> list[Path]:
    """The files maps were read from and every bibliography they name.

    >>> from argmap.model import ArgumentMap
    >>> amap = ArgumentMap.model_validate({"id": "m", "title": "M", "nodes": [],
    ...     "bibliography": ["refs.bib"]})
    >>> [p.as_posix() for p in map_inputs([amap])]
    ['refs.bib']
    """
    paths: list[Path] = []
    for amap in amaps:
        if amap.origin:
            paths.append(Path(amap.origin))
        paths.extend(bibliography_paths(amap))
    return paths


def file_inputs(path: PathLike) -> list[Path]:
    """A file a command reads and, when it is a valid map, the bibliographies it names.

    A file that is not a readable map yields itself only: the command that reads it
    reports its problems.
    """
    source = Path(os.fspath(path))
    if source.suffix.lower() not in (".yaml", ".yml", ".json"):
        return [source]
    from argmap.formats.mapfile import read_map

    try:
        amap = read_map(source)
    except ArgmapError:
        return [source]
    return [source, *bibliography_paths(amap)]


def _refuse(target: PathLike, code: str, message: str) -> OutputError:
    # Located at the path as the user wrote it.
    return OutputError([Issue("error", message, code=code, location=Location(os.fspath(target)))])


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        # One of them does not exist (yet): compare where they would be.
        return a.resolve() == b.resolve()


def check_output(output: PathLike, *, inputs: Iterable[PathLike] = ()) -> Path:
    """Refuse an output path that is one of the inputs, or a folder.

    Args:
        output: the file the command is about to write.
        inputs: the files the command read (or will read); the output may be none of them.

    Returns:
        The output path, as given.

    Raises:
        OutputError: the output is one of the inputs, or a folder.

    >>> try:
    ...     check_output("m.yaml", inputs=["maps/../m.yaml"])
    ... except OutputError as exc:
    ...     print(exc.issues[0])
    m.yaml: error: the output is the input file maps/../m.yaml; choose another output path
    """
    target = Path(os.fspath(output))
    for source in inputs:
        if _same_file(target, Path(os.fspath(source))):
            named = "" if os.fspath(source) == os.fspath(output) else f" {os.fspath(source)}"
            raise _refuse(
                output,
                "same-file",
                f"the output is the input file{named}; choose another output path",
            )
    if target.is_dir():
        raise _refuse(output, "not-a-file", "is a folder; give a file name to write")
    return target


def write_output(output: PathLike, data: str | bytes, *, inputs: Iterable[PathLike] = ()) -> Path:
    """Write ``data`` to ``output`` atomically, after :func:`check_output`.

    Missing folders on the way to the file are created.

    Raises:
        OutputError: as :func:`check_output`, or the folder or file cannot be written.
    """
    target = check_output(output, inputs=inputs)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise _refuse(
            output, "unwritable", f"cannot create the folder {folder}: part of it is a file"
        ) from None
    except OSError as exc:
        raise _refuse(
            output, "unwritable", f"cannot create the folder {folder}: {exc.strerror or exc}"
        ) from None
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise _refuse(
            output, "unwritable", f"cannot write the file: {exc.strerror or exc}"
        ) from None
    return target


__all__ = ["check_output", "file_inputs", "map_inputs", "write_output"]
