"""``argmap check``: report every problem of map files and their citations, located."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.citations.bibliography import Bibliography, bibliography_paths
from argmap.citations.checks import check_citations
from argmap.cli._common import EXIT_ERRORS, EXIT_OK, try_map_bibliography
from argmap.errors import Issue, MapError, sort_issues
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
        self._read: dict[tuple[Path, ...], tuple[Bibliography | None, list[Issue]]] = {}

    def of(self, amap: ArgumentMap) -> tuple[Bibliography | None, list[Issue]]:
        """The map's bibliography, and its problems the first time this set is read."""
        key = tuple(path.resolve() for path in bibliography_paths(amap))
        if key in self._read:
            return self._read[key][0], []
        bibliography, issues = try_map_bibliography(amap)
        if bibliography is not None:
            issues = bibliography.issues
        self._read[key] = (bibliography, issues)
        return bibliography, issues


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
        issues: list[Issue] = []
        try:
            amap = read_map(path, warnings=issues)
        except MapError as exc:
            issues = exc.issues
        else:
            if amap.bibliography and not no_bib:
                bib, bib_issues = bibliographies.of(amap)
                if bib is not None:
                    issues = sort_issues([*issues, *check_citations(amap, bib)])
                issues = [*bib_issues, *issues]
        for issue in issues:
            if issue.is_error or not quiet:
                click.echo(str(issue))
        errors += sum(1 for i in issues if i.is_error)
        warnings += sum(1 for i in issues if not i.is_error)
    noun = "file" if len(targets) == 1 else "files"
    click.echo(f"{len(targets)} {noun} checked: {errors} errors, {warnings} warnings", err=True)
    failed = errors > 0 or (strict and warnings > 0)
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)
