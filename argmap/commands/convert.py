"""``argmap convert``: a file, or a folder of them, from one format to another."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from argmap._io import read_text
from argmap._plural import counted
from argmap.checks import NOT_RESOLVED
from argmap.commands._result import Output, Result, check_output, write_outputs
from argmap.errors import ArgmapError, FormatError, Issue, Location, MapError, _IssuesError
from argmap.formats.registry import (
    READABLE,
    WRITABLE,
    directory_plan,
    dump_as,
    format_of,
    import_as,
)

__all__ = ["convert", "convert_file", "convert_folder"]

PathLike = str | os.PathLike[str]
#: Wraps the (input, output) pairs of a folder as they are converted (a progress bar).
Progress = Callable[[list[tuple[Path, Path]]], Iterable[tuple[Path, Path]]]


def _refusal(path: PathLike, code: str, message: str) -> FormatError:
    name = os.fspath(path)
    return FormatError([Issue("error", message, code=code, location=Location(name))], source=name)


def _check_name(fmt: str | None, allowed: tuple[str, ...], what: str) -> None:
    if fmt is not None and fmt not in allowed:
        raise ValueError(f"unknown {what} format {fmt!r}; expected one of: {', '.join(allowed)}")


def convert(
    source: PathLike,
    target: PathLike,
    *,
    from_format: str | None = None,
    to_format: str | None = None,
) -> list[Issue]:
    """Convert one file to another format; formats follow the suffixes unless named.

    The output is written atomically (its folder is created when missing); no file the
    conversion read is ever written over (converting a file onto itself is refused). A
    map that names nodes of the maps it uses is converted with them: its AIF nodeset holds
    the nodes it names, under their own ids.

    Args:
        source: the file to read.
        target: the file to write.
        from_format: the input format (a name of ``MAP_FORMATS``); inferred when None.
        to_format: the output format; inferred from ``target``'s suffix when None.

    Returns:
        The warnings found while reading (errors raise).

    Raises:
        FormatError: a format cannot be inferred, the input cannot be read as its format,
            or the target is an input.
        MapError: an argmap map file (or a map it uses) is invalid.
        OutputError: the target cannot be written.
        ValueError: a named format is unknown.
    """
    result = convert_file(source, target, from_format=from_format, to_format=to_format)
    write_outputs(result)
    return result.issues


def convert_file(
    source: PathLike,
    target: PathLike,
    *,
    from_format: str | None = None,
    to_format: str | None = None,
) -> Result:
    """The converted file as an output to write, and the warnings found reading it.

    Raises:
        As :func:`convert`, but for writing.
    """
    _check_name(from_format, READABLE, "input")
    _check_name(to_format, WRITABLE, "output")
    src, dst = Path(os.fspath(source)), Path(os.fspath(target))
    text = read_text(src, FormatError)
    result = Result(inputs={src.resolve(): str(src)})
    in_format = from_format or format_of(src, text=text)
    amap, issues = import_as(text, in_format, filename=os.fspath(source))
    # The files the map names are the user's too: never written over.
    for written in (*amap.bibliography, *amap.uses):
        named = src.parent / written
        result.inputs.setdefault(named.resolve(), os.fspath(named))
    workspace = None
    if amap.uses:
        # So are the maps it uses and the files they name: they are read to know them.
        from argmap.workspace.reading import read_maps

        workspace = read_maps(src, bibliographies=False)
        result.inputs.update(workspace.inputs)
        for map_id, path in workspace.files.items():
            for written in workspace.maps[map_id].bibliography:
                named = path.parent / written
                result.inputs.setdefault(named.resolve(), os.fspath(named))
    check_output(dst, inputs=result.inputs)
    out_format = to_format or format_of(dst)
    if out_format not in WRITABLE:
        raise _refusal(
            target,
            "unwritable-format",
            f"argmap cannot write {out_format}; writable formats: {', '.join(WRITABLE)}",
        )
    if out_format == "aif" and workspace is not None:
        # Its nodeset holds the nodes it names of the maps it uses, under their own ids.
        from argmap.workspace.aif import dump_map_aif

        if workspace.errors:
            raise MapError(workspace.errors)
        output = dump_map_aif(workspace, amap.id)
        issues = [i for i in issues if i.code != NOT_RESOLVED]  # resolved with the others
    else:
        output = dump_as(amap, out_format)
    result.add(issues)
    result.outputs.append(Output(dst, output))
    return result


def convert_folder(
    source: PathLike,
    target: PathLike,
    *,
    from_format: str | None = None,
    to_format: str = "yaml",
    progress: Progress | None = None,
) -> Result:
    """Convert every file of a folder (and its sub-folders) that argmap reads.

    The outputs keep their relative paths (see
    :func:`argmap.formats.registry.directory_plan`). A file that cannot be converted is
    reported, located, and the others are converted all the same.

    Args:
        source: the folder.
        target: the folder to write into.
        from_format: convert only files of this format.
        to_format: the format to write.
        progress: wraps the pairs as they are converted (a progress bar).

    Returns:
        The files to write, the warnings and errors, and a note that counts them;
        ``failed`` when a file could not be converted.
    """
    pairs = directory_plan(source, target, from_format=from_format, to_format=to_format)
    if not pairs:
        raise _refusal(source, "no-files", "no files of a format argmap reads in this folder")
    result = Result()
    failed: list[Path] = []
    warnings = 0
    for src, dst in (progress or list)(pairs):
        try:
            converted = convert_file(src, dst, from_format=from_format, to_format=to_format)
        except _IssuesError as exc:
            result.add(exc.issues)
            failed.append(src)
            continue
        except ArgmapError as exc:
            result.add([Issue("error", str(exc), code="convert", location=Location(str(src)))])
            failed.append(src)
            continue
        warnings += len(converted.issues)
        result.add(converted.issues)
        result.inputs.update(converted.inputs)
        result.outputs.extend(converted.outputs)
    done = len(pairs) - len(failed)
    result.notes.append(
        f"{done} of {counted(len(pairs), 'file')} converted to {os.fspath(target)} "
        f"({counted(warnings, 'warning')}); "
        f"{len(failed)} failed" + (": " + ", ".join(str(s) for s in failed) if failed else "")
    )
    result.failed = bool(failed)
    return result
