"""``argmap review``: a reviewer's report on maps, in Markdown, HTML or JSON."""

from __future__ import annotations

import click

from argmap.cli._common import finish, handle_errors, require_files
from argmap.commands.review import REVIEW_FORMATS, ReviewFormat, review_files

__all__ = ["review_command"]


@click.command("review")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(REVIEW_FORMATS),
    default="markdown",
    show_default=True,
    help="markdown to paste into a report, html for one page, json for scripts.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write to FILE (atomically) instead of standard output.",
)
@handle_errors
def review_command(files: tuple[str, ...], fmt: ReviewFormat, output: str | None) -> None:
    """Review maps: schemes, critical questions, unsupported claims, sources, rejections.

    FILES are map files or folders of them, read with the maps they use. For each map
    given: each inference with its argument scheme and which of its critical questions
    are answered, raised or open; claims without support; claims resting on one source;
    evidence without a locator or a quote; support that rests only on another map; and
    the conclusions the analysis (grounded semantics) rejects, with why.

    \b
    Examples:
      argmap review maps/shagina-2018-japan-sanctions.yaml
      argmap review maps/ -f html -o review.html
      argmap review maps/shagina-2018-japan-sanctions.yaml -f json
    """
    require_files(files)
    finish(review_files(files, fmt=fmt, output=output))
