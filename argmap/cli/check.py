"""``argmap check``: report every problem of map files and their citations, located."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.checks import check
from argmap.citations.bibliography import Bibliography, read_map_bibliography
from argmap.cli._common import EXIT_ERRORS, EXIT_OK
from argmap.errors import BibliographyError, Issue, MapError
from argmap.formats.mapfile import read_map
from argmap.model import ArgumentMap

MAP_SUFFIXES = (".yaml", ".yml", ".json")


def expand_map_paths(paths: tuple[str, ...]) -> list[Path]:
    """Files as given; folders as the map files directly inside them, sorted."""
    result: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            result.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in MAP_SUFFIXES))
        else:
            result.append(path)
    return result


class _Bibliographies:
    """Reads each distinct set of .bib files once, however many maps name it."""

    def __init__(self) -> None:
        self._read: dict[tuple[str, ...], Bibliography | list[Issue]] = {}

    def issues_of(self, amap: ArgumentMap) -> tuple[Bibliography | None, list[Issue], bool]:
        """The map's bibliography, and its problems the first time this set is read."""
        base = Path(amap.origin).parent if amap.origin else Path()
        key = tuple(str((base / p).resolve()) for p in amap.bibliography)
        first = key not in self._read
        if first:
            try:
                self._read[key] = read_map_bibliography(amap)
            except BibliographyError as exc:
                self._read[key] = exc.issues
        found = self._read[key]
        if isinstance(found, Bibliography):
            return found, found.issues if first else [], first
        return None, found if first else [], first


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on warnings).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, not warnings.")
@click.option(
    "--no-bib", is_flag=True, help="Do not read the maps' bibliographies or check cited keys."
)
def check_command(files: tuple[str, ...], strict: bool, quiet: bool, no_bib: bool) -> None:
    """Check map files and print each problem as PATH:LINE:COL: SEVERITY: MESSAGE.

    FILES are map files (.yaml, .yml, .json) or folders of them. Each map's bibliography
    is read too, and every cited key must be in it. Exits 0 when no errors were found, 1
    when there were errors (or warnings, with --strict), 2 on bad usage.
    """
    bibliographies = _Bibliographies()
    errors = warnings = 0
    targets = expand_map_paths(files)
    if not targets:
        raise click.UsageError(f"no map files ({', '.join(MAP_SUFFIXES)}) in {', '.join(files)}")
    for path in targets:
        issues: list[Issue]
        try:
            amap = read_map(path)
        except MapError as exc:
            issues = exc.issues
        else:
            bib: Bibliography | None = None
            issues = []
            if amap.bibliography and not no_bib:
                bib, bib_issues, _ = bibliographies.issues_of(amap)
                issues.extend(bib_issues)
            issues.extend(check(amap, bibliography=bib))
        for issue in issues:
            if issue.is_error or not quiet:
                click.echo(str(issue))
        errors += sum(1 for i in issues if i.is_error)
        warnings += sum(1 for i in issues if not i.is_error)
    noun = "file" if len(targets) == 1 else "files"
    click.echo(f"{len(targets)} {noun} checked: {errors} errors, {warnings} warnings", err=True)
    failed = errors > 0 or (strict and warnings > 0)
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)
