"""What every command shares: printing located issues and turning errors into exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable
from typing import ParamSpec, TypeVar

import click

from argmap.citations.bibliography import Bibliography, read_map_bibliography
from argmap.errors import ArgmapError, BibliographyError, Issue, _IssuesError
from argmap.model import ArgumentMap

P = ParamSpec("P")
R = TypeVar("R")

#: Exit codes: success, errors in the input, bad usage (click's own), a bug or missing tool.
EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def echo_issues(issues: Iterable[Issue]) -> None:
    """Print issues one a line, ``path:line:col: severity: message``, to standard error."""
    for issue in issues:
        click.echo(str(issue), err=True)


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Report argmap's own errors as messages and exit 1; never show a traceback for them."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except _IssuesError as exc:
            echo_issues(exc.issues)
            sys.exit(EXIT_ERRORS)
        except ArgmapError as exc:
            click.echo(f"argmap: error: {exc}", err=True)
            sys.exit(EXIT_ERRORS)
        except OSError as exc:
            # A file-system failure no reader or writer turned into an argmap error.
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"argmap: error: {where}{exc.strerror or exc}", err=True)
            sys.exit(EXIT_ERRORS)

    return wrapper


def try_map_bibliography(amap: ArgumentMap) -> tuple[Bibliography | None, list[Issue]]:
    """The map's bibliography, or None with the problems that kept it from being read.

    For commands that can do without it: a map that names no ``.bib`` file gives
    ``(None, [])``.
    """
    if not amap.bibliography:
        return None, []
    try:
        return read_map_bibliography(amap), []
    except BibliographyError as exc:
        return None, exc.issues
