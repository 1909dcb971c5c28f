"""``argmap cite``: the sources maps cite, as BibTeX, BibLaTeX, CSL-JSON, RIS or a reading list."""

from __future__ import annotations

import click

from argmap.citations.export import EXPORT_FORMATS
from argmap.cli._common import finish, given, handle_errors, require_files
from argmap.cli._styles import CITATION_STYLE
from argmap.commands.cite import READING_LISTS, cite_files


@click.command("cite")
@click.argument("maps", nargs=-1, required=True, type=click.Path())
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(EXPORT_FORMATS),
    default="bibtex",
    show_default=True,
    help="Export format: a file for LaTeX or a reference manager, or a reading list.",
)
@click.option(
    "-s",
    "--style",
    type=CITATION_STYLE,
    default="apa",
    show_default=True,
    help="Citation style of reading lists (text, markdown, html): apa, chicago, harvard, mla,"
    " ieee, any style of the CSL collection by name, or a .csl file.",
)
@click.option("-n", "--node", metavar="ID", help="Only the sources this node cites.")
@click.option(
    "--with-support",
    is_flag=True,
    help="With --node: also the sources of every node that supports it, transitively.",
)
@click.option(
    "-b",
    "--bib",
    "bib_files",
    multiple=True,
    type=click.Path(),
    help="Bibliography file to use instead of the maps' own (repeatable).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write to FILE (atomically) instead of standard output.",
)
@handle_errors
def cite_command(
    maps: tuple[str, ...],
    output_format: str,
    style: str,
    node: str | None,
    with_support: bool,
    bib_files: tuple[str, ...],
    output: str | None,
) -> None:
    """Export the sources MAPS cite, with every key resolved in their bibliographies.

    MAPS are map files or folders of them, read as one corpus with the maps they use.
    Several maps are merged, each source once; nodes a map imports from another map bring
    their citations. A reading list (text, markdown, html) that spans several maps says
    under each entry which maps and nodes cite it, with their locators. Cited keys missing
    from the bibliography are reported at the citation's line in the map, and nothing is
    written.

    \b
    Examples:
      argmap cite maps/shagina-2018-japan-sanctions.yaml -f ris -o reading.ris
      argmap cite maps/shagina-2018-japan-sanctions.yaml -f markdown -s chicago
      argmap cite maps/shagina-2018-japan-sanctions.yaml --node symbolic-sanctions --with-support
      argmap cite maps/ -f markdown
    """
    if with_support and node is None:
        raise click.UsageError("--with-support needs --node ID")
    if output_format not in READING_LISTS and given("style"):
        click.echo(
            f"note: -s/--style has no effect on {output_format} (only on the reading lists: "
            f"{', '.join(READING_LISTS)})",
            err=True,
        )
    require_files(maps)
    result = cite_files(
        maps,
        fmt=output_format,
        style=style,
        node=node,
        with_support=with_support,
        bibliographies=bib_files,
        output=output,
    )
    finish(result)


__all__ = ["cite_command"]
