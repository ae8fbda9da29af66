"""The commands that read the views: the calendar, deadlines, postponements,
and the views' own upkeep (`projections status|rebuild|run`)."""

from __future__ import annotations

from datetime import date
from typing import Any

import click
import structlog

from adapters.cli.output import emit_json, emit_table, paint
from adapters.cli.params import BODY, DATE, Parsed
from adapters.cli.running import (
    CommandGroup,
    F,
    Failure,
    Settings,
    global_options,
    poll_option,
    stopped_by_signals,
)
from adapters.failures import BAD_USAGE
from application.parsing import parse_local_moment
from application.wording import (
    LAPSED_WORDS,
    dates,
    day,
    days_away,
    moment,
    submission_words,
    times,
)

log = structlog.get_logger("secretariat")


TIMESTAMP = Parsed("TIMESTAMP", parse_local_moment)


def body_option(function: F) -> F:
    return click.option("--body", type=BODY, help="Only this body.")(function)


def json_option(function: F) -> F:
    return click.option(
        "--json", "as_json", is_flag=True, help="Write JSON instead of a table."
    )(function)


def one_body(settings: Settings, body: str | None) -> None:
    """A read of one body names a body of the record (exit 1 otherwise)."""
    if body:
        structlog.contextvars.bind_contextvars(body=body)
        settings.secretariat(create=False).check_body(body)


def _dates(start: str | None, end: str | None) -> str:
    return dates(start, end, undated="to be determined")


def _day(iso: str | None) -> str:
    return day(iso, undated="")


def _calendar_row(row: dict[str, Any]) -> tuple[Any, ...]:
    original = _dates(row["original_start"], row["original_end"])
    current = _dates(row["start"], row["end"])
    if original != current:
        current += " " + paint(f"(was {original})", "moved")
    status = LAPSED_WORDS if row.get("lapsed") else paint(row["status"])
    if row["postponements"]:
        status += f", postponed {times(row['postponements'])}"
    return (
        row["body"],
        row["number"],
        row["title"],
        current,
        f"{row['venue']} ({row['format']})",
        status,
    )


@click.command("calendar")
@body_option
@click.option(
    "--as-of",
    type=DATE,
    help="The calendar as it stood at the end of this date, counting only "
    "decisions that took effect by then (YYYY-MM-DD).",
)
@click.option(
    "--known-at",
    type=TIMESTAMP,
    help="The calendar as recorded by this moment (YYYY-MM-DDTHH:MM+HH:MM); "
    "without a UTC offset, read in this machine's zone ($TZ).",
)
@click.option(
    "--today",
    type=DATE,
    help="The day a session whose last day has passed without an opening is "
    "judged lapsed on, when --as-of is not given (YYYY-MM-DD; default today).",
)
@click.option("--json", "as_json", is_flag=True, help="Write JSON instead of a table.")
@click.option("--ics", is_flag=True, help="Write an iCalendar file (RFC 5545) instead.")
@global_options
@click.pass_obj
def calendar(
    settings: Settings,
    body: str | None,
    as_of: date | None,
    known_at: str | None,
    today: date | None,
    as_json: bool,
    ics: bool,
) -> None:
    """Show the sessions on the calendar: their dates, venue and status, sorted
    by start (sessions whose dates are to be determined last).

    Example:

    \b
      secretariat calendar --body cybercrime-egm --as-of 2020-03-01
    """
    if as_json and ics:
        raise click.UsageError("give --json or --ics, not both")
    if body:
        structlog.contextvars.bind_contextvars(body=body)
    if as_json and as_of is None and known_at is None and today is None:
        from adapters.quick_reads import current_calendar

        # The views' tables read directly when nothing is left to apply.
        answer = current_calendar(settings.parsed_store(), body)
        if answer is not None:
            emit_json(answer)
            return
    one_body(settings, body)
    views = settings.views()
    if ics:
        from adapters.ical import calendar_file

        # Bytes: click writes them to the binary stream under standard output.
        click.echo(calendar_file(views, body, as_of=as_of, known_at=known_at), nl=False)
        return
    answer = views.calendar(body, as_of=as_of, known_at=known_at, today=today)
    if as_json:
        emit_json(answer)
        return
    heading = "Calendar"
    if as_of:
        heading += f" as of {_day(as_of.isoformat())}"
    if known_at:
        heading += f" as recorded by {moment(known_at)}"
    headers: tuple[str, ...] = ("body", "no.", "title", "dates", "venue", "status")
    rows = [_calendar_row(s) for s in answer["sessions"]]
    if body:
        # One body's calendar names it in its heading, not on every row.
        heading += f" of {body}"
        headers, rows = headers[1:], [row[1:] for row in rows]
    click.echo(heading)
    emit_table(rows, headers)


def _deadline(call: dict[str, Any]) -> str:
    deadline = _day(call["deadline"])
    if call["deadline"] != call["original_deadline"]:
        original = _day(call["original_deadline"])
        deadline += " " + paint(f"(was {original})", "moved")
    return deadline


@click.command("deadlines")
@body_option
@click.option(
    "--today",
    type=DATE,
    default=date.today,
    show_default="the real today",
    help="The day days left and overdue milestones are counted from (YYYY-MM-DD).",
)
@json_option
@global_options
@click.pass_obj
def deadlines(settings: Settings, body: str | None, today: date, as_json: bool) -> None:
    """Show each call for comments with its deadlines and the submissions
    received, judged against the deadlines as they stand now, and each
    workplan milestone.

    Example:

    \b
      secretariat deadlines --body cybercrime-egm --today 2020-06-15
    """
    one_body(settings, body)
    answer = settings.views().deadlines(body, today=today)
    if as_json:
        emit_json(answer)
        return
    click.echo(f"Calls for comments (today: {_day(answer['today'])})")
    emit_table(
        [
            (
                c["body"],
                c["period"],
                c["cycle"],
                _deadline(c),
                days_away(c["days_left"]),
                "; ".join(
                    f"{c['counts'][status]} {submission_words(status)}"
                    for status in ("on-time", "within-extension", "late")
                ),
            )
            for c in answer["calls"]
        ],
        ("body", "period", "cycle", "deadline", "due", "submissions"),
    )
    submissions = [
        (
            c["body"],
            c["cycle"],
            s["from"],
            s["as"],
            _day(s["received_on"]),
            "" if s["received_at"] is None else moment(s["received_at"]),
            paint(submission_words(s["status"]), s["status"]),
        )
        for c in answer["calls"]
        for s in c["submissions"]
    ]
    if submissions:
        click.echo("\nSubmissions")
        emit_table(
            submissions,
            ("body", "cycle", "from", "as", "received on", "received at", "status"),
        )
    if answer["milestones"]:
        click.echo("\nMilestones")
        emit_table(
            [
                (
                    m["body"],
                    m["period"],
                    m["milestone"],
                    _day(m["due_by"]),
                    ""
                    if m["met_by"] is None
                    else f"session {m['met_by']['number']}, "
                    f"{_day(m['met_by']['start'])}",
                    paint("overdue") if m["overdue"] else "",
                )
                for m in answer["milestones"]
            ],
            ("body", "period", "milestone", "due by", "met by", "overdue"),
        )


@click.command("postponements")
@body_option
@json_option
@global_options
@click.pass_obj
def postponements(settings: Settings, body: str | None, as_json: bool) -> None:
    """Show every postponement of every session: when it was decided, why, by
    whom, and the dates it moved the session from and to.

    Example:

    \b
      secretariat postponements --body cybercrime-egm --json
    """
    one_body(settings, body)
    answer = settings.views().postponements(body)
    if as_json:
        emit_json(answer)
        return
    click.echo("Postponements")
    emit_table(
        [
            (
                f"{p['body']} {p['number']}",
                _day(p["on"]),
                f"{_dates(p['from']['start'], p['from']['end'])} → "
                + _dates(*(p["to"] or {"start": None, "end": None}).values()),
                p["reason"],
                p["announced_in"] or "",
                f"{moment(p['recorded_at'])} by {p['actor']}",
            )
            for p in answer["postponements"]
        ],
        (
            "session",
            "decided on",
            "moved",
            "reason",
            "announced in",
            "recorded",
        ),
    )


@click.group("projections", cls=CommandGroup)
def projections() -> None:
    """Look after the views (calendar, deadlines) kept beside the record.

    Example:

    \b
      secretariat projections status
    """


@projections.command("status")
@json_option
@global_options
@click.pass_obj
def projections_status(settings: Settings, as_json: bool) -> None:
    """Show how far into the record each view has read, against its last event.

    Example:

    \b
      secretariat projections status --json
    """
    statuses = settings.views().status()
    if as_json:
        emit_json(
            {
                "views": [
                    {
                        "view": s.view,
                        "position": s.position,
                        "head": s.head,
                        "behind": s.behind,
                    }
                    for s in statuses
                ]
            }
        )
        return
    emit_table(
        [(s.view, s.position, s.head, s.behind) for s in statuses],
        ("view", "position", "head", "behind"),
    )


@projections.command("rebuild")
@click.argument("names", metavar="[VIEW]...", nargs=-1)
@global_options
@click.pass_obj
def projections_rebuild(settings: Settings, names: tuple[str, ...]) -> None:
    """Empty the views (all, or those named) and build them again from the
    first event of the record.

    Example:

    \b
      secretariat projections rebuild calendar
    """
    from adapters.views.views import UnknownViewError

    try:
        rebuilt = settings.views().rebuild(names)
    except UnknownViewError as error:
        raise Failure(str(error), BAD_USAGE, "bad-usage") from None
    for name, applied in rebuilt.items():
        click.echo(f"Rebuilt {name} from {applied} events")


@projections.command("run")
@poll_option("Also catch up every so many seconds, in case a notification was lost.")
@global_options
@click.pass_obj
def projections_run(settings: Settings, poll_seconds: float) -> None:
    """Keep the views of a PostgreSQL store up to date as events are recorded,
    until interrupted (Ctrl-C or SIGTERM). SQLite needs no worker: its views
    catch up at every command.

    Example:

    \b
      secretariat projections run --store postgresql://officer@db.example.org/secretariat
    """
    from adapters.logging import configure_logging
    from adapters.views.worker import run_worker

    store = settings.parsed_store()
    if store.kind != "postgresql":
        raise Failure(
            "projections run follows a PostgreSQL store; the views of an SQLite "
            "store catch up at every command",
            BAD_USAGE,
            "bad-usage",
        )
    configure_logging(json=settings.log_json)
    with stopped_by_signals() as stop:
        run_worker(
            store,
            poll_seconds=poll_seconds,
            stop=stop,
            started=lambda: log.info(
                "following the log", store=store.label, poll_seconds=poll_seconds
            ),
        )


VIEW_COMMANDS = [calendar, deadlines, postponements, projections]
