"""``argmap check``: report every problem of map files and their citations, located."""

from __future__ import annotations

import click

from argmap.cli._common import finish, handle_errors, require_files
from argmap.commands.check import check_files

__all__ = ["check_command"]


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on warnings).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, not warnings.")
@click.option(
    "--no-bib", is_flag=True, help="Do not read the maps' bibliographies or check cited keys."
)
@handle_errors
def check_command(files: tuple[str, ...], strict: bool, quiet: bool, no_bib: bool) -> None:
    """Check map files and print each problem as PATH:LINE:COL: SEVERITY: MESSAGE.

    FILES are map files (.yaml, .yml, .json), BibTeX files (.bib) or folders of them. Each
    map is read with the maps it uses; its bibliography is read too, and every cited key
    must be in it; a .bib file is checked on its own (blocks that do not parse, repeated
    keys, missing fields). Exits 0 when no errors were found, 1 when there were errors (or
    warnings, with --strict), 2 on bad usage.
    """
    require_files(files, bibliographies=True)
    result = check_files(files, bibliographies=not no_bib, strict=strict)
    if quiet:
        result.text = "".join(f"{i}\n" for i in result.issues if i.is_error)
    finish(result, issues_to_stdout=True)
