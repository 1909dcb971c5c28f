"""The ``argmap`` command line: each command parses its options, calls the library, prints."""

from __future__ import annotations

import gc
import importlib
import signal

import click

#: Each command: the module that defines it, and the first line of its help, so that
#: ``argmap --help`` lists the commands without importing them (a test keeps these equal).
COMMANDS: dict[str, tuple[str, str]] = {
    "analyze": (
        "argmap.cli.analyze",
        "Evaluate the map, the folder of maps or the ICCMA framework SOURCE.",
    ),
    "check": (
        "argmap.cli.check",
        "Check map files and print each problem as PATH:LINE:COL: SEVERITY: MESSAGE.",
    ),
    "cite": (
        "argmap.cli.cite",
        "Export the sources MAPS cite, with every key resolved in their bibliographies.",
    ),
    "convert": (
        "argmap.cli.convert",
        "Convert SOURCE to another format: argmap YAML/JSON, AIF, Argdown, GraphML, GEXF.",
    ),
    "render": (
        "argmap.cli.render",
        "Draw the map SOURCE as a diagram, or every map in the folder SOURCE.",
    ),
    "review": (
        "argmap.cli.review",
        "Review maps: schemes, critical questions, unsupported claims, sources, rejections.",
    ),
    "schema": ("argmap.cli.schema", "Print the JSON Schema (draft 2020-12) of argmap map files."),
    "show": (
        "argmap.cli.show",
        "Summarise maps: title, source, thesis, push and pull factors, counts, problems.",
    ),
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands or cmd_name not in COMMANDS:
            return self.commands.get(cmd_name)
        module = importlib.import_module(COMMANDS[cmd_name][0])
        command: click.Command = getattr(module, f"{cmd_name}_command")
        self.add_command(command, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [
            (name, click.Command(name, help=COMMANDS[name][1]).get_short_help_str(limit))
            if name in COMMANDS and name not in self.commands
            else (name, self.commands[name].get_short_help_str(limit))
            for name in names
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(None, "--version", "-V", package_name="argmap", prog_name="argmap")
def main() -> None:
    """argmap: argument maps with citations.

    Check map files, summarise them, draw them as diagrams and export their citations.
    """


def run() -> None:
    """The ``argmap`` program: the command line, with the process-wide policy it needs.

    A command reads, checks and draws, then ends: it makes hundreds of thousands of
    objects and no cyclic garbage, and each automatic collection would scan them all again
    (reading a 10,000-node map would take several times as long). So the program runs
    with the cyclic garbage collector off; reference counting still frees memory. As it
    ends, the objects still alive are frozen, so that the interpreter's last collections
    do not walk them only to free memory the system takes back at once. SIGTERM (and
    SIGHUP, a closed terminal) end the program as Ctrl-C does, by an exception, so that a
    file being written is removed, never left half written. Library callers and tests call
    :func:`main`, which changes none of this.
    """
    gc.disable()
    signal.signal(signal.SIGTERM, _terminate)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, _terminate)
    try:
        main()
    finally:
        gc.freeze()


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
