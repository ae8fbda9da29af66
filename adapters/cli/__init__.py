"""The `secretariat` command line."""

from __future__ import annotations

import importlib
import sys

import click

from adapters.cli.running import (
    NO_ARGS_IS_HELP,
    SecretariatGroup,
    Settings,
    global_options,
    stop_writing,
)

QUICK_COMMANDS = {
    "calendar": "adapters.cli.views:calendar",
    "deadlines": "adapters.cli.views:deadlines",
    "postponements": "adapters.cli.views:postponements",
    "projections": "adapters.cli.views:projections",
    "history": "adapters.cli.reading:history",
    "bodies": "adapters.cli.reading:bodies",
    "session": "adapters.cli.reading:session",
}
"""The reading commands, each imported alone when it is run, so that a query
starts without importing what recording needs."""


def all_commands() -> list[click.Command]:
    """Every command, in the order `--help` lists them."""
    from adapters.cli.access import ACCESS_COMMANDS
    from adapters.cli.exporting import export
    from adapters.cli.importing import import_file
    from adapters.cli.keys import keygen
    from adapters.cli.reading import READING_COMMANDS
    from adapters.cli.recording import RECORDING_COMMANDS
    from adapters.cli.serve import serve
    from adapters.cli.site import site
    from adapters.cli.views import VIEW_COMMANDS

    return [
        *RECORDING_COMMANDS,
        import_file,
        export,
        *READING_COMMANDS,
        *VIEW_COMMANDS,
        site,
        serve,
        *ACCESS_COMMANDS,
        keygen,
    ]


class LazyGroup(SecretariatGroup):
    """Imports a command's module when the command is asked for (click's lazy
    loading pattern): a reading command imports its own module alone."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            if cmd_name in QUICK_COMMANDS:
                module, name = QUICK_COMMANDS[cmd_name].split(":")
                command = getattr(importlib.import_module(module), name)
                self.add_command(command, cmd_name)
            else:
                self._add_all()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._add_all()
        return super().list_commands(ctx)

    def _add_all(self) -> None:
        for command in all_commands():
            self.add_command(command)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@global_options
@click.version_option(package_name="secretariat")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Record and read the decisions of an intergovernmental body's secretariat.

    Every decision (scheduling, postponing, extending a deadline, receiving a
    comment) is kept as an event: nothing is overwritten, and the record shows
    what was decided, when it took effect, when it was recorded, and by whom.
    Dates are written YYYY-MM-DD.

    Exit codes: 0 done; 1 rejected by a rule of the secretariat; 2 bad usage or
    bad input; 3 someone else changed the same record at the same moment (run it
    again); 4 the store cannot be reached or read.
    """
    ctx.ensure_object(Settings)


def main(argv: list[str] | None = None) -> None:
    """Run one command; print a one-line error and exit non-zero when it fails."""
    try:
        exit_code = cli.main(args=argv, prog_name="secretariat", standalone_mode=False)
    except NO_ARGS_IS_HELP as asked:
        try:
            click.echo(asked.ctx.get_help())
        except BrokenPipeError:
            stop_writing()
        sys.exit(0)
    except BrokenPipeError:
        # Cut short while click wrote (`--help | head`): not an error either.
        stop_writing()
        sys.exit(0)
    except click.ClickException as failure:
        # One line, whatever the message (click lists choices on lines of their own).
        message = " ".join(failure.format_message().split())
        click.echo(f"error: {message}", err=True)
        sys.exit(failure.exit_code)
    except click.Abort:
        click.echo("error: interrupted; nothing more was recorded", err=True)
        sys.exit(130)
    sys.exit(exit_code if isinstance(exit_code, int) else 0)
