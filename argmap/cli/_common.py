"""What every command shares: one exit-code contract, printing a result, writing its files.

Exit codes, the same for the same failure in every command:

- 0: done; warnings, if any, were printed.
- 1: the input has errors (a missing or unreadable file included), a warning under
  ``--strict``, or an output could not be written. Each problem is one located line,
  ``path:line:col: severity: message``; never a traceback.
- 2: bad usage (an unknown option or choice, a folder with nothing in it to work on),
  with click's usage text.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NoReturn, ParamSpec, TextIO, TypeVar

import click

from argmap._terminal import printable
from argmap.commands import Result, write_outputs
from argmap.errors import ArgmapError, Issue, _IssuesError

P = ParamSpec("P")
R = TypeVar("R")

#: Exit codes: success, errors in the input, bad usage (click's own).
EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def echo_issues(issues: Iterable[Issue], *, err: bool = True) -> None:
    """Print issues one a line, ``path:line:col: severity: message`` (standard error)."""
    for issue in issues:
        click.echo(printable(str(issue)), err=err)


def finish(result: Result, *, quiet: bool = False, issues_to_stdout: bool = False) -> NoReturn:
    """Print a command's result, write its files, and exit with the contract's code.

    The text goes to standard output; the issues (only errors with ``quiet``) and notes to
    standard error; each file written is named (``wrote PATH``). What a terminal shows has
    its control characters escaped (:func:`~argmap._terminal.printable`): issues and notes
    always, the text when standard output is a terminal. Piped or redirected, the text is
    data (DOT, JSON, BibTeX) and is written exactly, as ``-o`` would write it.
    """
    shown = [i for i in result.issues if i.is_error or not quiet]
    if not issues_to_stdout:
        echo_issues(shown)
    if result.text:
        if issues_to_stdout or _is_terminal(sys.stdout):
            click.echo(printable(result.text, keep_newlines=True), nl=False)
        else:
            # color=True: click would otherwise strip what looks like a colour code.
            click.echo(result.text, nl=False, color=True)
    if result.outputs:
        for path in write_outputs(result):
            click.echo(f"wrote {printable(str(path))}", err=True)
    for note in result.notes:
        click.echo(printable(note), err=True)
    sys.exit(EXIT_ERRORS if result.failed else EXIT_OK)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a stand-in without the method, or closed
        return False


def require_files(paths: Iterable[str], *, bibliographies: bool = False) -> None:
    """A usage error for a folder given with no map file directly in it (nor, with
    ``bibliographies``, a bibliography)."""
    from argmap.workspace.reading import (
        BIBLIOGRAPHY_SUFFIXES,
        MAP_SUFFIXES,
        expand_map_paths,
        is_bibliography,
    )

    for name in paths:
        folder = Path(name)
        if not folder.is_dir() or expand_map_paths([folder]):
            continue
        if bibliographies and any(p.is_file() and is_bibliography(p) for p in folder.iterdir()):
            continue
        suffixes = (*MAP_SUFFIXES, *(BIBLIOGRAPHY_SUFFIXES if bibliographies else ()))
        what = "map or bibliography files" if bibliographies else "map files"
        raise click.UsageError(f"no {what} ({', '.join(suffixes)}) in {printable(name)}")


def given(option: str) -> bool:
    """True when the user gave the option on the command line (not its default)."""
    from click.core import ParameterSource

    source = click.get_current_context().get_parameter_source(option)
    return source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Report argmap's own errors as located lines and exit 1; never show a traceback for
    bad input (a bug still shows one)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except _IssuesError as exc:
            echo_issues(exc.issues)
            sys.exit(EXIT_ERRORS)
        except ArgmapError as exc:
            click.echo(f"argmap: error: {printable(str(exc))}", err=True)
            sys.exit(EXIT_ERRORS)
        except OSError as exc:
            # A file-system failure no reader or writer turned into an argmap error.
            where = f"{exc.filename}: " if exc.filename else ""
            message = printable(f"{where}{exc.strerror or exc}")
            click.echo(f"argmap: error: {message}", err=True)
            sys.exit(EXIT_ERRORS)

    return wrapper
