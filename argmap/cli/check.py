"""``argmap check``: report every problem of map files, located."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.checks import check
from argmap.cli._common import EXIT_ERRORS, EXIT_OK, echo_issues
from argmap.errors import Issue, MapError
from argmap.formats.mapfile import read_map

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


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on warnings).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, not warnings.")
def check_command(files: tuple[str, ...], strict: bool, quiet: bool) -> None:
    """Check map files and print each problem as PATH:LINE:COL: SEVERITY: MESSAGE.

    FILES are map files (.yaml, .yml, .json) or folders of them. Exits 0 when no errors
    were found, 1 when there were errors (or warnings, with --strict), 2 on bad usage.
    """
    failed = False
    errors = warnings = 0
    targets = expand_map_paths(files)
    for path in targets:
        issues: list[Issue]
        try:
            issues = check(read_map(path))
        except MapError as exc:
            issues = exc.issues
        shown = [i for i in issues if i.is_error or not quiet]
        for issue in shown:
            click.echo(str(issue))
        errors += sum(1 for i in issues if i.is_error)
        warnings += sum(1 for i in issues if not i.is_error)
        failed = failed or any(i.is_error or strict for i in issues)
    noun = "file" if len(targets) == 1 else "files"
    click.echo(f"{len(targets)} {noun} checked: {errors} errors, {warnings} warnings", err=True)
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


__all__ = ["check_command", "echo_issues", "expand_map_paths"]
