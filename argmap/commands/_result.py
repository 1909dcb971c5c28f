"""What a command gives back, and the one place its files are written."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from argmap._io import file_kind, write_atomic
from argmap.errors import Issue, Location, OutputError, sort_issues

__all__ = ["Output", "Result", "check_output", "write_outputs"]

PathLike = str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class Output:
    """A file a command makes: where it goes (as the user named it) and its content."""

    path: Path
    data: str | bytes


@dataclass(slots=True)
class Result:
    """What a command found and made.

    Attributes:
        text: what it prints on standard output.
        outputs: the files it makes, written by :func:`write_outputs`.
        issues: the problems it found, located, in file order.
        notes: lines for people on standard error, after the issues (summaries, hints).
        inputs: every file it read, by real path, with its name as read: no output may be
            written over one.
        failed: the command failed (an error, or a warning under ``--strict``): exit 1.
    """

    text: str = ""
    outputs: list[Output] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    inputs: dict[Path, str] = field(default_factory=dict)
    failed: bool = False

    @property
    def errors(self) -> list[Issue]:
        """The issues of severity error."""
        return [i for i in self.issues if i.is_error]

    def add(self, issues: Iterable[Issue]) -> None:
        """Add issues, each once, keeping file order."""
        seen = {(str(i), i.code) for i in self.issues}
        fresh = []
        for issue in issues:
            if (str(issue), issue.code) not in seen:
                seen.add((str(issue), issue.code))
                fresh.append(issue)
        self.issues = sort_issues([*self.issues, *fresh])


def _refuse(target: PathLike, code: str, message: str) -> OutputError:
    return OutputError([Issue("error", message, code=code, location=Location(os.fspath(target)))])


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def check_output(output: PathLike, *, inputs: Mapping[Path, str] | Iterable[PathLike] = ()) -> Path:
    """Refuse an output path that is one of the inputs, or a folder.

    Args:
        output: the file a command is about to write.
        inputs: the files the command read (paths, or names by real path); the output may
            be none of them.

    Raises:
        OutputError: the output is one of the inputs, or a folder.

    >>> try:
    ...     check_output("m.yaml", inputs=["maps/../m.yaml"])
    ... except OutputError as exc:
    ...     print(exc.issues[0])
    m.yaml: error: the output is the input file maps/../m.yaml; choose another output path
    """
    target = Path(os.fspath(output))
    real = _real(target)
    named_by_real = (
        dict(inputs)
        if isinstance(inputs, Mapping)
        else {_real(Path(os.fspath(p))): os.fspath(p) for p in inputs}
    )
    source = named_by_real.get(real)
    if source is None and target.exists():
        # A hard link to an input is the input under another name.
        source = next((name for path, name in named_by_real.items() if _same(path, target)), None)
    if source is not None:
        named = "" if source == os.fspath(output) else f" {source}"
        raise _refuse(
            output, "same-file", f"the output is the input file{named}; choose another output path"
        )
    try:
        mode = target.stat().st_mode
    except OSError:  # not there yet (or not to be looked at): writing will say
        return target
    if stat.S_ISDIR(mode):
        raise _refuse(output, "not-a-file", "is a folder; give a file name to write")
    if not stat.S_ISREG(mode):
        # Written beside and moved over, a device (/dev/null) or a pipe would be replaced
        # by a regular file: as root, /dev/null itself.
        raise _refuse(
            output,
            "not-a-file",
            f"is {file_kind(mode)}, not a regular file; argmap writes regular files "
            "(leave out -o to print to standard output)",
        )
    return target


def write_outputs(result: Result) -> list[Path]:
    """Write a result's files atomically, each after :func:`check_output`; return them.

    Missing folders on the way to a file are created. A file that cannot be written stops
    the writing: those before it are written, it and those after it are not.

    Raises:
        OutputError: a file is one of the inputs, a folder, or cannot be written.
    """
    written = []
    for output in result.outputs:
        target = check_output(output.path, inputs=result.inputs)
        folder = target.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise _refuse(
                output.path,
                "unwritable",
                f"cannot create the folder {folder}: part of it is a file",
            ) from None
        except OSError as exc:
            raise _refuse(
                output.path,
                "unwritable",
                f"cannot create the folder {folder}: {exc.strerror or exc}",
            ) from None
        try:
            write_atomic(target, output.data)
        except OSError as exc:
            raise _refuse(
                output.path, "unwritable", f"cannot write the file: {exc.strerror or exc}"
            ) from None
        written.append(target)
    return written
