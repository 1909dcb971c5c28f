"""The error hierarchy and the located problem reports (issues) that errors carry.

::

    ArgmapError                  base of every error argmap raises on purpose
    ├── MapError                 a map file or map object is invalid (.issues)
    │   └── ModelError           a model built in code has a wrong field (also a ValueError)
    ├── BibliographyError        a bibliography file is invalid (.issues)
    ├── FormatError              an interchange file (AIF, Argdown, ...) is invalid (.issues)
    ├── ExtensionLimitError      a semantics has too many extensions to list
    ├── RenderError              a diagram could not be rendered
    │   ├── OptionError          a diagram option has a value it cannot take (a ValueError)
    │   └── GraphvizNotFoundError  Graphviz's ``dot`` program is not installed
    └── OutputError              a command's output cannot or must not be written (.issues)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
PathPart = str | int
Path = tuple[PathPart, ...]


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a file: 1-based line and column.

    >>> str(Location("maps/a.yaml", 3, 7))
    'maps/a.yaml:3:7'
    """

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a map, a bibliography or an interchange file.

    ``path`` points at the offending value inside the document, e.g.
    ``("nodes", 2, "weight")``; ``location`` is where that value is written, when the
    document came from a file.

    >>> issue = Issue("error", "weight must be between 0 and 1, got 1.5", code="weight-range",
    ...               location=Location("m.yaml", 12, 13))
    >>> str(issue)
    'm.yaml:12:13: error: weight must be between 0 and 1, got 1.5'
    """

    severity: Severity
    message: str
    code: str = "invalid"
    path: Path = ()
    location: Location | None = field(default=None, compare=False)
    related: tuple[Path, ...] = field(default=(), compare=False)
    """Other values the message names by path (``first defined at nodes[0].id``); locating
    the issue names their lines instead."""

    @property
    def is_error(self) -> bool:
        """True for errors, False for warnings."""
        return self.severity == "error"

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location is not None else ""
        return f"{where}{self.severity}: {self.message}"


def format_path(path: Path) -> str:
    """A value path as a reader writes it.

    >>> format_path(("nodes", 2, "cites", 0, "key"))
    'nodes[2].cites[0].key'
    """
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Order issues as a reader of the file expects: by file, line, column."""

    def key(issue: Issue) -> tuple[str, int, int, str]:
        loc = issue.location
        if loc is None:
            return ("", 0, 0, issue.message)
        return (loc.file, loc.line or 0, loc.column or 0, issue.message)

    return sorted(issues, key=key)


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class _IssuesError(ArgmapError):
    """An error made of one or more located issues."""

    kind = "input"

    def __init__(self, issues: Sequence[Issue], *, source: str | None = None) -> None:
        self.issues: list[Issue] = list(issues)
        self.source = source
        errors = [i for i in self.issues if i.is_error]
        head = f"{source}: " if source else ""
        count = len(errors)
        summary = f"{head}{count} error{'s' if count != 1 else ''} in {self.kind}"
        super().__init__("\n".join([summary, *(str(i) for i in self.issues)]))

    @property
    def errors(self) -> list[Issue]:
        """The issues of severity error."""
        return [i for i in self.issues if i.is_error]


class MapError(_IssuesError):
    """An argument map is invalid; ``.issues`` lists every problem found, located."""

    kind = "argument map"


class ModelError(MapError, ValueError):
    """A model built in code (``Claim(...)``, ``ArgumentMap(...)``) has a wrong field or an
    unsound structure; ``.issues`` says what, by path, in the words reading a file uses."""


class BibliographyError(_IssuesError):
    """A bibliography is invalid; ``.issues`` lists every problem found, located."""

    kind = "bibliography"


class FormatError(_IssuesError):
    """An interchange file (AIF, Argdown JSON, GraphML, ...) cannot be read."""

    kind = "interchange file"


class RenderError(ArgmapError):
    """A diagram could not be rendered."""


class OptionError(RenderError, ValueError):
    """A diagram option is unknown or has a value it cannot take; the message lists the
    choices (``direction must be one of 'TB', 'LR'; got 'sideways'``)."""


class GraphvizNotFoundError(RenderError):
    """Graphviz's ``dot`` program is not installed or not on PATH."""


def did_you_mean(name: str, choices: Iterable[str], *, cutoff: float = 0.75) -> str:
    """A hint naming the closest of ``choices`` to ``name``, each once; empty if none is close.

    >>> did_you_mean("apa7", ["apa", "apa", "jaapa", "mla"])
    " (did you mean 'apa'?)"
    >>> did_you_mean("zzz", ["apa"])
    ''
    """
    import difflib

    unique = list(dict.fromkeys(choices))
    close = difflib.get_close_matches(name, unique, n=3, cutoff=cutoff)
    if not close:
        return ""
    return " (did you mean " + " or ".join(repr(c) for c in close) + "?)"


class ExtensionLimitError(ArgmapError):
    """A semantics has more extensions than argmap lists (exponentially many, as 25 pairs
    of mutually attacking arguments have 2^25 preferred extensions)."""

    def __init__(self, semantics: str, limit: int) -> None:
        self.semantics = semantics
        self.limit = limit
        task = {"complete": "CO", "preferred": "PR", "stable": "ST"}.get(semantics)
        hint = (
            f"; ask whether one argument is in one (--task DC-{task} --argument ID), or for "
            f"one extension (--task SE-{task})"
            if task is not None
            else ""
        )
        super().__init__(
            f"{semantics} semantics has more than {limit:,} extensions, too many to list{hint}"
        )


class OutputError(_IssuesError):
    """An output file cannot or must not be written: it is an input, or the file system fails.

    Its one issue is located at the output path.
    """

    kind = "output file"
