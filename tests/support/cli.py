"""Running the ``argmap`` command in-process, as the CLI tests do."""

from __future__ import annotations

from click.testing import CliRunner

from argmap.cli import main


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """The exit status, standard output and standard error of ``argmap ARGS``.

    Fails on an exception other than the exit: a user of the command sees no traceback.
    """
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr
