"""How every CLI command runs: the store it opens, the exit code and one-line
message for each kind of failure, and the one canonical log line it writes."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click
import structlog

from adapters.failures import INTERNAL_ERROR, said
from adapters.logging import LOG_LEVEL_VARIABLE, configure_logging
from adapters.store import Store, parse_store_url, store_url, without_password

if TYPE_CHECKING:
    from adapters.views.views import Views
    from application.secretariat import Secretariat

log = structlog.get_logger("secretariat")

F = TypeVar("F", bound=Callable[..., Any])

LOG_LEVELS = {
    "done": logging.INFO,
    "rejected": logging.WARNING,
    "bad-usage": logging.WARNING,
    "conflict": logging.WARNING,
    "aborted": logging.WARNING,
}
"""How loud each outcome's log line is; any other outcome is an error."""


NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())
"""What click (8.2 and later) raises for a group given no command: its help is
printed, as `--help` prints it (earlier versions print it themselves)."""


class Failure(click.ClickException):
    """A command that did not do what was asked: its exit code and one-line reason."""

    def __init__(self, message: str, exit_code: int, outcome: str) -> None:
        super().__init__(message)
        # click declares `exit_code` a class variable; its runtime reads the
        # attribute of the instance, and a failure carries its own code.
        self.exit_code = exit_code  # type: ignore[misc]
        self.outcome = outcome


@dataclass
class Settings:
    """Options every command takes, before or after its name. (A dataclass: a
    query starts without importing attrs.)"""

    store: str | None = None
    log: bool = False
    log_json: bool = False
    _opened: Secretariat | None = None
    _views: Views | None = None

    def log_asked(self) -> bool:
        """Whether the command's log line is asked for (`--log`, `--log-json`
        or `$SECRETARIAT_LOG_LEVEL`): a command is quiet unless it is."""
        return self.log or self.log_json or bool(os.environ.get(LOG_LEVEL_VARIABLE))

    def log_level(self) -> str | None:
        """The quietest line written: `info` when `--log` or `--log-json`
        asks, else `$SECRETARIAT_LOG_LEVEL`'s."""
        return "info" if self.log or self.log_json else None

    def parsed_store(self) -> Store:
        return parse_store_url(store_url(self.store))

    def secretariat(self, *, create: bool, many: bool = False) -> Secretariat:
        """The Secretariat on the chosen store, built once per command (`many`:
        for a command that records many decisions)."""
        if self._opened is None:
            from adapters.bootstrap import open_secretariat

            self._opened = open_secretariat(
                self.parsed_store(), create=create, many=many
            )
        return self._opened

    def views(self, *, create: bool = False, page_size: int | None = None) -> Views:
        """The views beside the Secretariat, built once per command; a command
        that only reads (`create=False`) never creates a store (`page_size`:
        the events each transaction of their catch-up applies, when not the
        default)."""
        if self._views is None:
            from adapters.bootstrap import open_views

            self._views = open_views(
                self.parsed_store(),
                self.secretariat(create=create),
                page_size=page_size,
            )
        return self._views

    def close(self) -> None:
        self._views = None
        if self._opened is not None:
            self._opened.close()
            self._opened = None


def _set_store(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(Settings).store = value


def _set_log_json(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Settings).log_json = True


def _set_log(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Settings).log = True


def poll_option(help: str) -> Callable[[F], F]:
    """`--poll SECONDS` of a worker that keeps running (default 5 s): how
    often it looks again for work a notification may not have announced."""
    return click.option(
        "--poll",
        "poll_seconds",
        type=click.FloatRange(min=0.1),
        default=5.0,
        show_default=True,
        help=help,
    )


def global_options(function: F) -> F:
    """`--store`, `--log` and `--log-json`, accepted before or after a
    command's name."""
    function = click.option(
        "--log-json",
        is_flag=True,
        expose_value=False,
        callback=_set_log_json,
        help="Write the command's log line, as JSON, to standard error.",
    )(function)
    function = click.option(
        "--log",
        is_flag=True,
        expose_value=False,
        callback=_set_log,
        help="Write the command's log line (what, who, how long, outcome) to "
        "standard error.",
    )(function)
    return click.option(
        "--store",
        metavar="URL",
        expose_value=False,
        callback=_set_store,
        help=(
            "Where the record is kept: sqlite:///PATH or "
            "postgresql://USER@HOST:PORT/DB. "
            "Default: $SECRETARIAT_STORE, else sqlite:///secretariat.db."
        ),
    )(function)


def as_failure(error: BaseException, settings: Settings) -> Failure:
    """The exit code and one-line message for anything a command can meet."""
    if isinstance(error, Failure):
        return error
    told = said(error, settings.parsed_store)
    if told is not None:
        return Failure(told.message, told.exit_code, told.outcome)
    if isinstance(error, click.ClickException):
        return Failure(error.format_message(), error.exit_code, "bad-usage")
    if os.environ.get("SECRETARIAT_DEBUG"):
        traceback.print_exception(error)
    return Failure(
        f"unexpected failure ({type(error).__name__}: {error}); "
        "set SECRETARIAT_DEBUG=1 to see where",
        INTERNAL_ERROR,
        "internal-error",
    )


def stop_writing() -> None:
    """Send what is left of standard output nowhere: its reader has gone, and
    Python would otherwise complain, at exit, that it could not flush it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


SECTIONS = {
    "import": "Recording",
    "calendar": "Reading",
    "deadlines": "Reading",
    "postponements": "Reading",
    "history": "Reading",
    "bodies": "Reading",
    "session": "Reading",
    "export": "Reading",
    "site": "Publishing",
    "serve": "Publishing",
    "notifications": "Publishing",
}
"""The section of `--help` each command is listed in; a declared recording
command is listed under Recording, any other command under Administering."""

SECTION_ORDER = ("Recording", "Reading", "Publishing", "Administering")


def section_of(name: str, command: click.Command) -> str:
    if getattr(command, "declaration", None) is not None:
        return "Recording"
    return SECTIONS.get(name, "Administering")


def short_help(command: click.Command) -> str:
    """A command's first sentence, whole (click would cut it to the width)."""
    return command.get_short_help_str(limit=10_000)


class ListedGroup(click.Group):
    """A group whose `--help` gives each command's first sentence whole,
    wrapped rather than cut."""

    def format_commands(
        self, ctx: click.Context, formatter: click.HelpFormatter
    ) -> None:
        rows = self.listed(ctx)
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl([(name, short_help(cmd)) for name, cmd in rows])

    def listed(self, ctx: click.Context) -> list[tuple[str, click.Command]]:
        found = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                found.append((name, command))
        return found


class CommandGroup(ListedGroup):
    """A command with subcommands (`projections run`, `site build`): its log
    line names the subcommand with it."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        structlog.contextvars.bind_contextvars(command=f"{self.name} {name}")
        return name, command, rest


class SecretariatGroup(ListedGroup):
    """The `secretariat` command: runs one command and writes its log line.
    Its `--help` lists the commands by what they are for: recording, reading,
    publishing, administering."""

    def format_commands(
        self, ctx: click.Context, formatter: click.HelpFormatter
    ) -> None:
        sections: dict[str, list[tuple[str, str]]] = {s: [] for s in SECTION_ORDER}
        for name, command in self.listed(ctx):
            sections[section_of(name, command)].append((name, short_help(command)))
        for title in SECTION_ORDER:
            if sections[title]:
                with formatter.section(f"{title} commands"):
                    formatter.write_dl(sections[title])

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except BrokenPipeError:
            # `--help | head`: the reader had what it wanted.
            stop_writing()
            raise click.exceptions.Exit(0) from None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        structlog.contextvars.bind_contextvars(command=name)
        return name, command, rest

    def invoke(self, ctx: click.Context) -> Any:
        settings = ctx.ensure_object(Settings)
        structlog.contextvars.clear_contextvars()
        started = time.perf_counter()
        outcome: str | None = "done"
        try:
            return super().invoke(ctx)
        except click.exceptions.Exit:
            outcome = None
            raise
        except NO_ARGS_IS_HELP:
            outcome = None
            raise
        except BrokenPipeError:
            # The reader stopped reading (`| head`): it had what it wanted.
            stop_writing()
            return None
        except click.Abort:
            outcome = "aborted"
            raise
        except Exception as error:
            failure = as_failure(error, settings)
            outcome = failure.outcome
            said = without_password(failure.message, store_url(settings.store))
            raise Failure(said, failure.exit_code, outcome) from error
        finally:
            settings.close()
            if outcome is not None and (
                structlog.is_configured() or settings.log_asked()
            ):
                if not structlog.is_configured():
                    # Configured once per process, and never over a caller's own
                    # configuration (a test capturing the log line, say).
                    configure_logging(
                        json=settings.log_json, level=settings.log_level()
                    )
                log.log(
                    LOG_LEVELS.get(outcome, logging.ERROR),
                    "command",
                    outcome=outcome,
                    duration_ms=round((time.perf_counter() - started) * 1000, 1),
                )


@contextmanager
def stopped_by_signals() -> Iterator[threading.Event]:
    """An event set by SIGINT or SIGTERM while the block runs (a worker's loop
    looks at it), the previous handlers put back after; 'stopping' is logged,
    with the signal, once the block has ended.

    Nothing is written in the handler: the signal may come while this thread
    is writing a log line, whose lock it would then wait for forever. (Setting
    the event takes the event's own lock, which only a wait holds, and this
    thread never waits on it: the worker looks.)"""
    import signal

    stop = threading.Event()
    signalled: list[str] = []

    def request_stop(signum: int, _: object) -> None:
        signalled.append(signal.Signals(signum).name)
        stop.set()

    previous = {
        sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if signalled:
            log.info("stopping", signal=signalled[0])
