"""``argmap convert``: one file, or a whole folder of them, from one format to another."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap._plural import counted
from argmap.cli._common import EXIT_ERRORS, EXIT_OK, echo_issues, handle_errors
from argmap.cli._output import check_output, file_inputs
from argmap.errors import ArgmapError, FormatError, Issue, _IssuesError
from argmap.formats.registry import READABLE, WRITABLE, convert, directory_plan, format_of


@click.command("convert")
@click.argument("source", type=click.Path(exists=True, file_okay=True, dir_okay=True))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=True),
    help="The file to write (a folder when SOURCE is a folder).",
)
@click.option(
    "--from",
    "from_format",
    type=click.Choice(READABLE),
    help="Input format (default: from the suffix, and the content of .json files).",
)
@click.option(
    "--to",
    "to_format",
    type=click.Choice(WRITABLE),
    help="Output format (default: from the output suffix; yaml for a folder).",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings.")
@handle_errors
def convert_command(
    source: str, output: str, from_format: str | None, to_format: str | None, quiet: bool
) -> None:
    """Convert SOURCE to another format: argmap YAML/JSON, AIF, Argdown, GraphML, GEXF.

    Formats follow the suffixes unless --from/--to name them: yaml (.yaml, .yml),
    json (.json), aif (.aif.json, .aif), argdown (.argdown, .ad; reading runs the
    Argdown parser), argdown-json (.argdown.json, read only), graphml (.graphml),
    gexf (.gexf). A plain .json input is recognised by its content.

    When SOURCE is a folder, every file in it (and in its sub-folders) of a format argmap
    reads is converted into the folder OUTPUT, with a progress bar; bad files are reported
    at the end and the exit status is 1 if any failed.
    """
    if Path(source).is_dir():
        _convert_folder(Path(source), Path(output), from_format, to_format or "yaml", quiet)
        return
    check_output(output, inputs=file_inputs(source))
    issues = convert(source, output, from_format=from_format, to_format=to_format)
    if not quiet:
        echo_issues(issues)
    click.echo(f"wrote {output}", err=True)


def _convert_folder(
    source: Path, output: Path, from_format: str | None, to_format: str, quiet: bool
) -> None:
    # As in render: a folder of inputs goes into a folder, never into something named
    # like a file, and a folder with nothing to convert is a usage error.
    if output.exists() and not output.is_dir():
        raise click.UsageError(f"{output} is a file; give a folder with -o for a folder")
    if not output.exists() and _names_a_file(output):
        raise click.UsageError(
            f"{output} names a file, but {source} is a folder: give a folder with -o "
            "(the format with --to)"
        )
    pairs = directory_plan(source, output, from_format=from_format, to_format=to_format)
    if not pairs:
        raise click.UsageError(f"{source}: no files of a format argmap reads")
    failed: list[tuple[Path, list[Issue] | str]] = []
    warnings: list[Issue] = []
    with click.progressbar(
        pairs,
        label=f"Converting {counted(len(pairs), 'file')}",
        file=sys.stderr,
        show_pos=True,
    ) as bar:
        for src, dst in bar:
            dst.parent.mkdir(parents=True, exist_ok=True)
            try:
                issues = convert(src, dst, from_format=from_format, to_format=to_format)
            except _IssuesError as exc:
                failed.append((src, exc.issues))
                continue
            except ArgmapError as exc:
                failed.append((src, str(exc)))
                continue
            warnings.extend(issues)
    if not quiet:
        echo_issues(warnings)
    for src, problem in failed:
        if isinstance(problem, str):
            click.echo(f"{src}: error: {problem}", err=True)
        else:
            echo_issues(problem)
    done = len(pairs) - len(failed)
    click.echo(
        f"{done} of {counted(len(pairs), 'file')} converted to {output} "
        f"({counted(len(warnings), 'warning')}); "
        f"{len(failed)} failed" + (": " + ", ".join(str(s) for s, _ in failed) if failed else ""),
        err=True,
    )
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


def _names_a_file(path: Path) -> bool:
    """True when the path ends in the suffix of a format argmap writes (``two.json``)."""
    try:
        format_of(path)
    except FormatError:
        return False
    return True
