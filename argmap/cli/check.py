"""``argmap check``: report every problem of map files and their citations, located."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from argmap._plural import counted
from argmap.citations.bibliography import (
    Bibliography,
    bibliography_paths,
    read_bibliography,
    read_map_bibliography,
)
from argmap.citations.checks import check_citations
from argmap.cli._common import EXIT_ERRORS, EXIT_OK, handle_errors
from argmap.corpus.model import Corpus
from argmap.corpus.reading import MAP_SUFFIXES, expand_map_paths, read_maps
from argmap.errors import BibliographyError, Issue, sort_issues
from argmap.model import ArgumentMap

__all__ = ["MAP_SUFFIXES", "check_command", "expand_map_paths"]


class _Bibliographies:
    """Reads each distinct set of .bib files once, however many maps name it."""

    def __init__(self) -> None:
        self._read: dict[tuple[Path, ...], tuple[Bibliography | None, list[Issue]]] = {}

    def of(self, amap: ArgumentMap) -> tuple[Bibliography | None, list[Issue]]:
        """The map's bibliography, and its problems the first time this set is read."""
        if not amap.bibliography:
            return None, []
        key = tuple(path.resolve() for path in bibliography_paths(amap))
        return self._once(key, lambda: read_map_bibliography(amap))

    def given(self, path: Path) -> list[Issue]:
        """The problems of a .bib file given on its own (the first time it is read)."""
        return self._once((path.resolve(),), lambda: read_bibliography(path))[1]

    def _once(
        self, key: tuple[Path, ...], read: Callable[[], Bibliography]
    ) -> tuple[Bibliography | None, list[Issue]]:
        if key in self._read:
            return self._read[key][0], []
        try:
            bibliography = read()
            found: tuple[Bibliography | None, list[Issue]] = (bibliography, bibliography.issues)
        except BibliographyError as exc:
            found = (None, exc.issues)
        self._read[key] = found
        return found


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on warnings).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, not warnings.")
@click.option(
    "--no-bib", is_flag=True, help="Do not read the maps' bibliographies or check cited keys."
)
@handle_errors
def check_command(files: tuple[str, ...], strict: bool, quiet: bool, no_bib: bool) -> None:
    """Check map files and print each problem as PATH:LINE:COL: SEVERITY: MESSAGE.

    FILES are map files (.yaml, .yml, .json), BibTeX files (.bib) or folders of them. Each
    map's bibliography is read too, and every cited key must be in it; a .bib file is
    checked on its own (blocks that do not parse, repeated keys, missing fields). Exits 0
    when no errors were found, 1 when there were errors (or warnings, with --strict), 2 on
    bad usage.
    """
    bibliographies = _Bibliographies()
    bib_files = _bib_files(files)
    targets = [p for p in expand_map_paths(files) if p.suffix.lower() != ".bib"]
    if not targets and not bib_files:
        kinds = ", ".join((*MAP_SUFFIXES, ".bib"))
        raise click.UsageError(f"no map or BibTeX files ({kinds}) in {', '.join(files)}")
    issues: list[Issue] = []
    for path in bib_files:
        issues.extend(bibliographies.given(path))
    # One corpus: references between the maps resolve, and each map's 'uses' is read too.
    corpus = read_maps(targets) if targets else Corpus()
    issues.extend(corpus.issues)
    for amap in corpus.maps.values():
        if amap.bibliography and not no_bib:
            bib, bib_issues = bibliographies.of(amap)
            if bib is not None:
                issues.extend(check_citations(amap, bib))
            issues.extend(bib_issues)
    # A .bib given and also named by a map, with others, is read twice: say each once.
    issues = sort_issues(list({str(issue): issue for issue in issues}.values()))
    for issue in issues:
        if issue.is_error or not quiet:
            click.echo(str(issue))
    errors = sum(1 for i in issues if i.is_error)
    warnings = len(issues) - errors
    read = {p.resolve() for p in (*targets, *bib_files)}
    read |= {p.resolve() for p in corpus.files.values()}
    click.echo(
        f"{counted(len(read), 'file')} checked: "
        f"{counted(errors, 'error')}, {counted(warnings, 'warning')}",
        err=True,
    )
    failed = errors > 0 or (strict and warnings > 0)
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


def _bib_files(files: tuple[str, ...]) -> list[Path]:
    """The .bib files given, and those directly inside the folders given, sorted by name."""
    found: list[Path] = []
    for name in files:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ".bib"))
        elif path.suffix.lower() == ".bib":
            found.append(path)
    return found
