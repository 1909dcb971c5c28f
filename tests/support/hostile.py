"""Running the ``argmap`` program on the hostile corpus, under limits of memory and time.

What every case must do whatever its input (``assert_bounded``) is here too, for the
corpus's tests in a terminal and in a browser.
"""

from __future__ import annotations

import os
import pty
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import tty
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support import TESTS

#: The hostile corpus: the files of the cases, and the code that writes the big ones.
CORPUS = TESTS / "hostile"
#: The program under test: the one installed beside this interpreter.
ARGMAP = str(Path(sys.executable).parent / "argmap")
#: The most memory (address space) a case may use, and the most processor time (the
#: machine is shared: a wall-clock bound would measure the other jobs too).
MEMORY = 1 << 30
TIMEOUT = 5.0
#: The most wall-clock time: a process that waits without working (on a pipe no one
#: writes to) uses no processor time, and is stopped as hung after this.
WALL = 20.0
#: Characters a terminal acts on: C0 but tab and line feed, DEL, C1, bidirectional controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: An error on a located line: FILE[:LINE[:COL]]: error: MESSAGE.
LOCATED_ERROR = re.compile(r"^(?!argmap: )[^\s:][^:]*(?::\d+(?::\d+)?)?: error: \S")


@dataclass
class Run:
    """What one run of the program did."""

    code: int
    seconds: float  # processor time, of the program and the programs it ran
    wall: float
    peak: int  # bytes, the most memory the process held
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [*self.stderr.splitlines(), *self.stdout.splitlines()]

    def show(self) -> str:
        return (
            f"exit {self.code} after {self.seconds:.2f} s of processor time ({self.wall:.2f} s), "
            f"{self.peak >> 20} MB\n"
            f"--- stderr\n{self.stderr[-3000:]}\n--- stdout\n{self.stdout[-2000:]}"
        )


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    # SIGXCPU past the limit, SIGKILL a second later.
    resource.setrlimit(resource.RLIMIT_CPU, (int(TIMEOUT), int(TIMEOUT) + 1))


def run_argmap(
    args: list[str],
    cwd: Path,
    *,
    timeout: float = WALL,
    program: list[str] | None = None,
    terminal: bool = True,
) -> Run:
    """Run the program with the limits of memory and processor time, stopped (SIGKILL) after
    ``timeout`` seconds of wall-clock time.

    Its standard output is a terminal (a pseudo-terminal in raw mode) unless ``terminal``
    is false, when it is a file, as when the output is piped or redirected.
    """
    command = program or [ARGMAP]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        reader: threading.Thread | None = None
        chunks: list[bytes] = []
        stdout: Any = out
        if terminal:
            master, stdout = pty.openpty()
            tty.setraw(stdout)  # as written: no line-end translation
            reader = threading.Thread(target=_drain, args=(master, chunks), daemon=True)
            reader.start()
        started = time.monotonic()
        try:
            process = subprocess.Popen(
                [*command, *args],
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=err,
                preexec_fn=_limits,
            )
        finally:
            if terminal:
                os.close(stdout)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - started
        if reader is not None:
            reader.join(timeout=WALL)
            os.close(master)
        out.seek(0)
        err.seek(0)
        written = b"".join(chunks) if terminal else out.read()
        return Run(
            process.returncode,
            usage.ru_utime + usage.ru_stime,
            wall,
            usage.ru_maxrss * 1024,
            written.decode("utf-8", errors="replace"),
            err.read().decode("utf-8", errors="replace"),
        )


def _drain(master: int, chunks: list[bytes]) -> None:
    """Read a pseudo-terminal until its last writer is gone (then reading fails)."""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            return
        if not data:
            return
        chunks.append(data)


def assert_bounded(run: Run, *, terminal: bool = True) -> None:
    """What every case must do, whatever its input; ``terminal``: its standard output was
    a terminal (piped, it is data, written exactly)."""
    assert run.code in (0, 1), f"exit status {run.code} (killed at a limit?)\n{run.show()}"
    assert run.seconds < TIMEOUT, run.show()
    assert run.wall < WALL, run.show()
    assert run.peak < MEMORY, run.show()
    assert "Traceback (most recent call last)" not in run.stderr, run.show()
    raw = RAW_CONTROL.findall((run.stdout if terminal else "") + run.stderr)
    assert not raw, f"raw control characters reached the terminal: {raw!r}\n{run.show()}"
    if run.code == 1:
        assert any(LOCATED_ERROR.match(line) for line in run.lines), run.show()
