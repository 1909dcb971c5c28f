"""File edges: reading text with located decoding errors, and atomic writes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from argmap.errors import Issue, Location, _IssuesError


def read_text(path: str | os.PathLike[str], error: type[_IssuesError]) -> str:
    """Read a UTF-8 text file (a BOM is allowed).

    Raises:
        error: the file is missing, unreadable, or not UTF-8 (located at the first bad byte).
    """
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except FileNotFoundError:
        raise error(
            [Issue("error", "no such file", code="missing-file", location=Location(name))]
        ) from None
    except IsADirectoryError:
        raise error(
            [
                Issue(
                    "error",
                    "is a directory, not a file",
                    code="not-a-file",
                    location=Location(name),
                )
            ]
        ) from None
    except OSError as exc:
        raise error(
            [
                Issue(
                    "error",
                    f"cannot read file: {exc.strerror}",
                    code="unreadable",
                    location=Location(name),
                )
            ]
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        message = (
            f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded; save the file as UTF-8"
        )
        raise error(
            [Issue("error", message, code="encoding", location=Location(name, line, column))]
        ) from None


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write a file so that readers see the old content or the new, never a partial file.

    The data goes to a temporary file beside the target, which then replaces it.
    """
    target = Path(os.fspath(path))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path()
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        temporary = Path(tmp)
        if target.exists():
            temporary.chmod(target.stat().st_mode & 0o777)
        else:
            temporary.chmod(0o666 & ~_umask())
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
