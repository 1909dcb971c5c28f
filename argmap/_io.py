"""File edges: reading text with located decoding errors, and atomic writes."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from argmap.errors import Issue, Location, _IssuesError

#: The largest file argmap reads (a map of 100,000 nodes takes a fifth of it).
MAX_FILE_BYTES = 256 * 1024 * 1024


def read_text(
    path: str | os.PathLike[str],
    error: type[_IssuesError],
    *,
    limit: int = MAX_FILE_BYTES,
) -> str:
    """Read a UTF-8 text file (a BOM is allowed), refusing anything but a regular file.

    A device (``/dev/zero``), a pipe or a socket would be read without end or would block:
    they are refused before a byte is read, and so is a file larger than ``limit`` bytes.

    Args:
        path: the file.
        error: the error class to raise.
        limit: the most bytes read.

    Raises:
        error: the file is missing, not a regular file, too large, unreadable, or not
            UTF-8 (located at the first bad byte).
    """
    name = os.fspath(path)
    data = read_bytes(name, error, limit=limit)
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


def read_bytes(
    path: str | os.PathLike[str],
    error: type[_IssuesError],
    *,
    limit: int = MAX_FILE_BYTES,
) -> bytes:
    """Read a file's bytes as :func:`read_text` reads its text: a regular file of at most
    ``limit`` bytes, or an error located at the file.

    Raises:
        error: the file is missing, not a regular file, too large, or unreadable.
    """
    name = os.fspath(path)
    where = Location(name)

    def refuse(code: str, message: str) -> _IssuesError:
        return error([Issue("error", message, code=code, location=where)])

    try:
        # Non-blocking, so that opening a pipe with no writer returns at once.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise refuse("missing-file", "no such file") from None
    except IsADirectoryError:
        raise refuse("not-a-file", "is a directory, not a file") from None
    except OSError as exc:
        raise refuse("unreadable", f"cannot read file: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
    except BaseException:
        os.close(fd)
        raise
    if not stat.S_ISREG(info.st_mode):
        # Looked at before the descriptor becomes a file object, which a folder cannot be.
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise refuse("not-a-file", "is a directory, not a file")
        raise refuse("not-a-file", f"is {file_kind(info.st_mode)}, not a regular file; name a file")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise refuse("too-large", _too_large(info.st_size, limit))
        try:
            # The size it has now, and one byte more to see whether it grew (reading
            # ``limit`` bytes at once would allocate that much for every small file).
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(limit + 1 - len(data))
        except OSError as exc:
            raise refuse("unreadable", f"cannot read file: {exc.strerror}") from None
    if len(data) > limit:  # it grew while being read
        raise refuse("too-large", _too_large(len(data), limit))
    return data


def _too_large(size: int, limit: int) -> str:
    return (
        f"the file is larger than argmap reads ({size:,} bytes; the limit is {limit:,} "
        "bytes); split it"
    )


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages: a pipe, a device, a socket."""
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write a file so that readers see the old content or the new, never a partial file.

    The data goes to a temporary file beside the target, which then replaces it; a target
    that is a device or a pipe is refused (it would be replaced, not written to). The
    temporary file is removed whatever stops the writing, a signal included (the command
    line turns SIGTERM and SIGHUP into an exit, as Ctrl-C is): its name is known before it
    is made, so that it never exists unnamed.
    """
    target = Path(os.fspath(path))
    try:
        mode = target.stat().st_mode
    except OSError:
        mode = stat.S_IFREG  # not there yet
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # Moved over a device (/dev/null) or a pipe, the file would replace it.
        raise OSError(errno.EINVAL, f"is {file_kind(mode)}, not a regular file", os.fspath(path))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path()
    temporary: Path | None = None
    try:
        for _ in range(100):
            temporary = directory / f".{target.name}.{secrets.token_hex(4)}.tmp"
            try:
                fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                break
            except FileExistsError:  # another file's name, drawn at random: draw again
                temporary = None
        else:  # pragma: no cover - a hundred names drawn at random were all taken
            raise FileExistsError(f"no free temporary name beside {target}")
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            temporary.chmod(target.stat().st_mode & 0o777)
        else:
            temporary.chmod(0o666 & ~_umask())
        temporary.replace(target)
    except BaseException:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
