"""The commands that record a decision, one per declared command: its options
are derived from the declaration; running it builds the command, records it,
and says what was recorded."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from datetime import date
from typing import Any, TypedDict

import click
import structlog

from adapters.cli.params import ACTOR_VARIABLE, Choice, Parsed, default_actor
from adapters.cli.running import Settings, global_options
from application.commands import Command, declarations
from application.commands.declaring import (
    Declaration,
    Face,
    Fallback,
    IncompleteError,
    Param,
)
from application.commands.kinds import (
    Kind,
)
from application.deciding import Recorded
from application.recording import CaughtUp, record


class OptionDefault(TypedDict, total=False):
    """How an option finds its value when it is not given: `click.Option`'s
    own keywords."""

    default: object | Callable[[], object]
    show_default: bool | str
    envvar: str


FALLBACKS: dict[Fallback, OptionDefault] = {
    Fallback.TODAY: {"default": date.today, "show_default": "today"},
    Fallback.ISSUER: {
        "envvar": ACTOR_VARIABLE,
        "default": default_actor,
        "show_default": f"${ACTOR_VARIABLE}, else your login name",
    },
}
"""How the command line finds a value not given."""


class RecordingCommand(click.Command):
    """The command of a declaration: invoking it records the command built."""

    def __init__(self, declaration: Declaration) -> None:
        self.declaration = declaration
        params = [parameter(param) for param in declaration.params_in(Face.CLI)]
        super().__init__(
            declaration.verb,
            params=[*_global_params(), *params],
            help=(
                f"{declaration.help}\n\n{EXAMPLE_HEADING}\n\n"
                f"\b\n  {example(declaration)}"
            ),
        )

    def build(self, ctx: click.Context) -> Command:
        """The command object for the parsed parameters, without recording it."""
        try:
            return self.declaration.build(ctx.params, face=Face.CLI)
        except IncompleteError as error:
            raise click.UsageError(error.say(lambda name: f"--{name}"), ctx) from None

    def invoke(self, ctx: click.Context) -> None:
        command = self.build(ctx)
        if ctx.meta.get(DRY_RUN) or ctx.meta.get(AS_JSON):
            from adapters.cli.impact import dry_run

            if not ctx.meta.get(DRY_RUN):
                raise click.UsageError("--json goes with --dry-run", ctx)
            dry_run(ctx.ensure_object(Settings), command, as_json=ctx.meta[AS_JSON])
            return
        structlog.contextvars.bind_contextvars(
            body=getattr(command, "body", getattr(command, "code", None)),
            number=getattr(command, "number", None),
            actor=command.actor,
        )
        settings = ctx.ensure_object(Settings)
        outcome = record(
            settings.secretariat(create=True),
            command,
            lambda: settings.views(create=True),
        )
        recorded = outcome.recorded
        structlog.contextvars.bind_contextvars(version=recorded.version)
        click.echo(said(recorded, self.declaration.verb))
        report_views(outcome.views)


EXAMPLE_HEADING = "Example:"

SAMPLES = {
    "code": "cybercrime-egm",
    "body": "cybercrime-egm",
    "number": "6",
    "name": "Expert Group on Cybercrime",
    "title": "Sixth meeting",
    "start": "2020-07-27",
    "end": "2020-07-29",
    "venue": "Vienna, Austria",
    "format": "hybrid",
    "reason": "Impact of the COVID-19 pandemic",
    "item": "2",
    "kind": "background-paper",
    "to": "Member States",
    "delegation": "Australia",
    "symbol": "UNODC/CCPCJ/EG.4/2020/2",
    "period": "2018-2021",
    "at-session": "4",
    "cycle": "2020",
    "deadline": "2020-03-12",
    "from": "Norway",
    "as": "member-state",
    "on": "2020-03-13",
    "email": "pointfocal@mission-france.example",
    "timezone": "Europe/Vienna",
    "hours": "10:00-13:00",
    "language": "fr",
}
"""A value of the real record for each parameter, by its name, for the
examples of `--help`."""

SAMPLES_OF = {
    ("confirm-panelist", "name"): "Mr. Markko Künnapu",
    ("confirm-panelist", "title"): "International Cooperation",
    ("issue-document", "title"): "Gathering and sharing electronic evidence",
    ("circulate-document", "title"): "Proposed organization of work",
    ("circulate-document", "to"): "extended Bureau",
    ("extend-deadline", "to"): "2020-06-01",
    ("issue-agenda", "item"): "1=Organizational matters",
    ("adopt-workplan", "topic"): "2020=Prevention",
    ("subscribe", "name"): "Jean Dupont",
    ("admit-observer", "name"): "Council of Europe",
    ("admit-observer", "kind"): "intergovernmental",
}
"""Samples that differ from one command to another."""

BY_METAVAR = {
    "DATE": "2020-03-13",
    "N": "6",
    "CODE": "cybercrime-egm",
    "YYYY-YYYY": "2018-2021",
    "N=TEXT": "1=Organizational matters",
    "ZONE": "Europe/Vienna",
}

SHARED = {"on", "actor", "source", "assumed", "decided-by"}


def sample(verb: str, param: Param) -> str:
    found = SAMPLES_OF.get((verb, param.name), SAMPLES.get(param.name))
    if found is None:
        if param.kind.choices:
            return param.kind.choices[0]
        found = BY_METAVAR.get(param.kind.metavar, param.name.upper())
    return shlex.quote(found)


def example(declaration: Declaration) -> str:
    """A command line of the command, derived from its declaration: its
    arguments and required options (or, when none is required, its other
    options), and `--on`, with values of the real record."""
    params = declaration.params_in(Face.CLI)
    options = [p for p in params if not p.positional and p.name not in SHARED]
    wanted = declaration.command.example_with
    shown = [p for p in options if p.required or p.dest in wanted] or options
    words = ["secretariat", declaration.verb]
    words += [sample(declaration.verb, p) for p in params if p.positional]
    for param in shown:
        words.append(f"--{param.name}")
        if not param.flag:
            words.append(sample(declaration.verb, param))
    if any(p.name == "on" for p in params):
        words += ["--on", SAMPLES["on"]]
    return " ".join(words)


def said(recorded: Recorded, verb: str) -> str:
    """What was recorded, in the officer's words."""
    from application.records import event_record
    from application.wording import recorded_sentence

    return recorded_sentence(
        recorded.record, event_record(recorded.events[-1]), recorded.version, verb=verb
    )


def report_views(caught_up: CaughtUp) -> None:
    """Say when the views could not be brought up to date (the decision is
    recorded all the same), and log how far they went."""
    if caught_up.warning is None:
        structlog.contextvars.bind_contextvars(views_applied=caught_up.applied)
        return
    structlog.contextvars.bind_contextvars(views="behind")
    click.echo(f"warning: {caught_up.warning}", err=True)


def parameter(param: Param) -> click.Parameter:
    """The command line's option or argument for a declared parameter."""
    kind = param_type(param.kind)
    if param.positional:
        return click.Argument([param.dest], type=kind, required=param.required)
    names = [f"--{param.name}", param.dest]
    if param.flag:
        return click.Option(names, is_flag=True, help=param.help)
    found: OptionDefault = {}
    if param.fallback is not None:
        found = FALLBACKS[param.fallback]
    elif param.default is not None:
        found = {"default": param.kind.format(param.default), "show_default": True}
    return click.Option(
        names,
        type=kind,
        required=param.required,
        multiple=param.plural is not None,
        help=param.help,
        **found,
    )


def param_type(kind: Kind[Any]) -> click.ParamType[Any]:
    """A kind of value as the command line reads it: by the kind's parser."""
    if kind.choices:
        return Choice(kind.choices, kind.read)
    if kind.parse is None and kind.metavar != "CODE":
        return click.STRING
    return Parsed(kind.metavar, kind.read)


def _global_params() -> list[click.Parameter]:
    """`--store` and `--log-json`, as every command takes them, and
    `--dry-run` (with `--json`), as every recording command does."""
    decorated: Any = global_options(lambda: None)
    return [*reversed(decorated.__click_params__), *_preview_params()]


DRY_RUN, AS_JSON = "secretariat.dry_run", "secretariat.json"


def _remember(key: str) -> Callable[[click.Context, click.Parameter, bool], None]:
    def callback(ctx: click.Context, _: click.Parameter, value: bool) -> None:
        ctx.meta[key] = bool(value)

    return callback


def _preview_params() -> list[click.Parameter]:
    return [
        click.Option(
            ["--dry-run"],
            is_flag=True,
            expose_value=False,
            callback=_remember(DRY_RUN),
            help="Decide without recording: print what would be recorded and "
            "what it would touch (messages, calls, panelists, documents, "
            "milestones); exit as the command would.",
        ),
        click.Option(
            ["--json"],
            is_flag=True,
            expose_value=False,
            callback=_remember(AS_JSON),
            help="With --dry-run: write JSON.",
        ),
    ]


RECORDING_COMMANDS: list[RecordingCommand] = [
    RecordingCommand(declaration) for declaration in declarations()
]
"""Every recording command, in the order the commands are declared."""
