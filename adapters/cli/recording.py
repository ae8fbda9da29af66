"""The commands that record a decision: each parses its options into one
command object; running it records the decision and says what was recorded."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

import click
import structlog

from adapters.cli.params import (
    ASSIGNMENT,
    COUNT,
    DATE,
    NAME_HELP,
    PERIOD,
    REASON_HELP,
    EnumChoice,
    agenda_items,
    effective_options,
    session_arguments,
)
from adapters.cli.running import Settings, global_options
from application.commands import (
    AdoptReport,
    AdoptWorkplan,
    CancelSession,
    ChangeVenue,
    CirculateDocument,
    CloseSession,
    Command,
    ConfirmPanelist,
    EstablishBody,
    ExtendDeadline,
    IssueAgenda,
    IssueDocument,
    OpenSession,
    PostponeSession,
    ReceiveSubmission,
    RecordStatement,
    RequestComments,
    RescheduleSession,
    ScheduleSession,
)
from domain.values import (
    CycleTopics,
    DateRange,
    DocumentKind,
    Format,
    SubmitterKind,
)

FORMAT = EnumChoice(Format)


class RecordingCommand(click.Command):
    """A command whose callback only builds a `Command`; invoking it records it."""

    def build(self, ctx: click.Context) -> Command:
        """The command object for the parsed parameters, without recording it."""
        assert self.callback is not None
        command: Command = ctx.invoke(self.callback, **ctx.params)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        command = self.build(ctx)
        structlog.contextvars.bind_contextvars(
            body=getattr(command, "body", getattr(command, "code", None)),
            number=getattr(command, "number", None),
            actor=command.actor,
        )
        secretariat = ctx.ensure_object(Settings).secretariat(create=True)
        recorded = secretariat.execute(command)
        structlog.contextvars.bind_contextvars(version=recorded.version)
        click.echo(f"{recorded.event}: {recorded.record} (version {recorded.version})")
        catch_up_views(ctx.ensure_object(Settings))


def catch_up_views(settings: Settings) -> None:
    """Bring the views up to date with what was just recorded.

    The decision is recorded whatever happens here: if the views cannot be
    brought up to date now, the command still succeeds, says so, and the
    views catch up at the next command that reads or records.
    """
    try:
        applied = settings.views(create=True).catch_up()
    except Exception as error:
        structlog.contextvars.bind_contextvars(views="behind")
        click.echo(
            "warning: recorded, but the calendar and deadline views could not be "
            f"brought up to date ({type(error).__name__}: {error}); "
            "they will be at the next command",
            err=True,
        )
    else:
        structlog.contextvars.bind_contextvars(views_applied=applied)


RECORDING_COMMANDS: list[RecordingCommand] = []
"""Every recording command, in the order `--help` lists them."""


def records(verb: str) -> Callable[[Callable[..., Command]], RecordingCommand]:
    """Make a builder function into the recording command named `verb`."""

    def decorate(builder: Callable[..., Command]) -> RecordingCommand:
        command = click.command(verb, cls=RecordingCommand)(
            global_options(effective_options(builder))
        )
        assert isinstance(command, RecordingCommand)
        RECORDING_COMMANDS.append(command)
        return command

    return decorate


def _dates(start: date | None, end: date | None) -> DateRange | None:
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise click.UsageError("give both --start and --end, or neither")
    return DateRange(start=start, end=end)


@records("establish-body")
@click.argument("code")
@click.option("--name", required=True, help=f"The body's full name ({NAME_HELP}).")
@click.option(
    "--parent", help=f"The body that established it, e.g. CCPCJ ({NAME_HELP})."
)
@click.option(
    "--mandate", help=f"The resolution that gives its mandate ({REASON_HELP})."
)
def establish_body(**o: Any) -> Command:
    """Establish a body, known from now on by its short CODE (e.g. cybercrime-egm).

    Sessions and workplans are recorded under that code.
    """
    return EstablishBody(**o)


@records("schedule-session")
@session_arguments
@click.option("--title", required=True, help=f"The session's title ({NAME_HELP}).")
@click.option("--start", type=DATE, required=True, help="First day (YYYY-MM-DD).")
@click.option("--end", type=DATE, required=True, help="Last day (YYYY-MM-DD).")
@click.option(
    "--venue",
    required=True,
    help=f"Where it meets, e.g. 'Vienna, Austria' ({NAME_HELP}).",
)
@click.option(
    "--format",
    type=FORMAT,
    default="in-person",
    show_default=True,
    help="How participants attend.",
)
@click.option(
    "--stocktaking",
    is_flag=True,
    help="This session is the workplan's stocktaking meeting.",
)
def schedule_session(start: date, end: date, **o: Any) -> Command:
    """Schedule the NUMBER-th session of BODY on its first dates.

    A session number is scheduled once; later changes are postponements,
    reschedulings and changes of venue, which keep the original dates on record.
    """
    return ScheduleSession(dates=DateRange(start=start, end=end), **o)


@records("postpone-session")
@session_arguments
@click.option("--reason", required=True, help=f"Why it is postponed ({REASON_HELP}).")
@click.option(
    "--start",
    type=DATE,
    help="New first day; leave out both dates if they are to be determined.",
)
@click.option("--end", type=DATE, help="New last day.")
@click.option(
    "--announced-in",
    help="The document or message that announced it, e.g. "
    f"'Special Message of 20 March 2020' ({NAME_HELP}).",
)
def postpone_session(start: date | None, end: date | None, **o: Any) -> Command:
    """Postpone a session to later dates, or to dates to be determined.

    The new start must be after the current one (to bring a session forward,
    reschedule it). A session that is open, closed or cancelled cannot be postponed.
    """
    return PostponeSession(dates=_dates(start, end), **o)


@records("reschedule-session")
@session_arguments
@click.option("--start", type=DATE, required=True, help="New first day (YYYY-MM-DD).")
@click.option("--end", type=DATE, required=True, help="New last day (YYYY-MM-DD).")
@click.option("--reason", help=f"Why the dates change ({REASON_HELP}).")
def reschedule_session(start: date, end: date, **o: Any) -> Command:
    """Give a session new dates, earlier or later.

    This is how a session postponed to dates to be determined gets dates again.
    """
    return RescheduleSession(dates=DateRange(start=start, end=end), **o)


@records("change-venue")
@session_arguments
@click.option("--venue", help=f"The new venue ({NAME_HELP}).")
@click.option("--format", type=FORMAT, help="The new way participants attend.")
def change_venue(**o: Any) -> Command:
    """Move a session to another venue, or change how participants attend it."""
    return ChangeVenue(**o)


@records("cancel-session")
@session_arguments
@click.option("--reason", required=True, help=f"Why it is cancelled ({REASON_HELP}).")
def cancel_session(**o: Any) -> Command:
    """Cancel a session that has not opened. This cannot be undone."""
    return CancelSession(**o)


@records("issue-agenda")
@session_arguments
@click.option(
    "--item",
    "items",
    type=ASSIGNMENT,
    multiple=True,
    required=True,
    help=f"An agenda item, N=TITLE ({NAME_HELP}); repeat for each item.",
)
def issue_agenda(items: tuple[tuple[int, str], ...], **o: Any) -> Command:
    """Issue a session's agenda, or a revised one.

    Once an agenda is issued, statements and panelists must name one of its items.
    """
    return IssueAgenda(items=agenda_items(items), **o)


@records("issue-document")
@session_arguments
@click.option(
    "--kind",
    type=EnumChoice(DocumentKind),
    required=True,
    help="What kind of document it is.",
)
@click.option("--title", required=True, help=f"The document's title ({NAME_HELP}).")
@click.option("--symbol", help=f"The document symbol, if it has one ({NAME_HELP}).")
def issue_document(**o: Any) -> Command:
    """Publish a document of a session."""
    return IssueDocument(**o)


@records("circulate-document")
@session_arguments
@click.option(
    "--title",
    required=True,
    help=f"The title of a document already issued ({NAME_HELP}).",
)
@click.option(
    "--to",
    required=True,
    help=f"Who received it, e.g. 'extended Bureau' ({NAME_HELP}).",
)
@click.option("--via", help=f"How, e.g. 'Special Message' ({NAME_HELP}).")
def circulate_document(**o: Any) -> Command:
    """Record that an issued document was shared with an audience."""
    return CirculateDocument(**o)


@records("record-statement")
@session_arguments
@click.option("--delegation", required=True, help=f"Who spoke ({NAME_HELP}).")
@click.option(
    "--item", type=COUNT, help="The agenda item; leave out for a general statement."
)
def record_statement(**o: Any) -> Command:
    """Record a statement by a delegation, general or on an agenda item.

    A delegation that speaks twice has two statements recorded.
    """
    return RecordStatement(**o)


@records("confirm-panelist")
@session_arguments
@click.option(
    "--name", required=True, help=f"The panelist's name and title ({NAME_HELP})."
)
@click.option(
    "--delegation",
    required=True,
    help=f"The delegation the panelist comes from ({NAME_HELP}).",
)
@click.option("--item", type=COUNT, required=True, help="The agenda item of the panel.")
@click.option("--title", required=True, help=f"The presentation's title ({NAME_HELP}).")
def confirm_panelist(**o: Any) -> Command:
    """Record a panelist who presents on an agenda item."""
    return ConfirmPanelist(**o)


@records("open-session")
@session_arguments
def open_session(**o: Any) -> Command:
    """Open a session, on one of its days (--on)."""
    return OpenSession(**o)


@records("close-session")
@session_arguments
def close_session(**o: Any) -> Command:
    """Close a session that is in session."""
    return CloseSession(**o)


@records("adopt-report")
@session_arguments
@click.option("--symbol", help=f"The report's document symbol ({NAME_HELP}).")
def adopt_report(**o: Any) -> Command:
    """Adopt a session's report, once, after the session has opened."""
    return AdoptReport(**o)


@records("adopt-workplan")
@click.argument("body")
@click.option(
    "--period", type=PERIOD, required=True, help="The years it covers, e.g. 2018-2021."
)
@click.option(
    "--at-session",
    type=COUNT,
    required=True,
    help="The number of the session that adopted it.",
)
@click.option(
    "--topic",
    "topics",
    type=ASSIGNMENT,
    multiple=True,
    required=True,
    help=f"A topic for a year, YEAR=TEXT ({NAME_HELP}); repeat for each topic.",
)
@click.option(
    "--stocktaking-by",
    type=COUNT,
    help="The year by which a stocktaking meeting is due.",
)
def adopt_workplan(topics: tuple[tuple[int, str], ...], **o: Any) -> Command:
    """Adopt a body's workplan: its topics per year and its stocktaking milestone."""
    by_year: dict[int, list[str]] = defaultdict(list)
    for year, topic in topics:
        by_year[year].append(topic)
    return AdoptWorkplan(
        topics=[
            CycleTopics(year=year, topics=titles) for year, titles in by_year.items()
        ],
        **o,
    )


@records("request-comments")
@click.argument("body")
@click.option(
    "--period",
    type=PERIOD,
    required=True,
    help="The workplan's period, e.g. 2018-2021.",
)
@click.option(
    "--cycle", type=COUNT, required=True, help="The year the comments are for."
)
@click.option(
    "--deadline", type=DATE, required=True, help="The date by which comments are due."
)
def request_comments(**o: Any) -> Command:
    """Call for written comments from Member States and Observers for one year."""
    return RequestComments(**o)


@records("extend-deadline")
@click.argument("body")
@click.option("--period", type=PERIOD, required=True, help="The workplan's period.")
@click.option(
    "--cycle", type=COUNT, required=True, help="The year of the call for comments."
)
@click.option(
    "--to",
    type=DATE,
    required=True,
    help="The new deadline; later than the one in force.",
)
@click.option("--reason", required=True, help=f"Why it is extended ({REASON_HELP}).")
def extend_deadline(**o: Any) -> Command:
    """Extend the deadline of a call for comments.

    Comments already received are judged again against the extended deadline.
    """
    return ExtendDeadline(**o)


@records("receive-submission")
@click.argument("body")
@click.option("--period", type=PERIOD, required=True, help="The workplan's period.")
@click.option(
    "--cycle", type=COUNT, required=True, help="The year of the call for comments."
)
@click.option("--from", "submitter", required=True, help=f"Who sent it ({NAME_HELP}).")
@click.option(
    "--as",
    "submitter_kind",
    type=EnumChoice(SubmitterKind),
    required=True,
    help="Whether the sender is a Member State or an Observer.",
)
@click.option(
    "--ref",
    "reference",
    help=f"The submission's reference ({NAME_HELP}); a reference is received once.",
)
def receive_submission(**o: Any) -> Command:
    """Record a comment received; --on is the date it was received."""
    return ReceiveSubmission(**o)
