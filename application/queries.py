"""The read side's answers: view rows shaped into what officers and scripts read.

The JSON keys here are a contract (docs/json.md): keys may be added, never
renamed or dropped. This module imports only the rows and the wording, so that
a query reading a view's table directly answers with the same contract without
loading the domain or the library.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, tzinfo
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from application.projections.rows import (
    CallRow,
    ExtensionRow,
    PostponementRow,
    SubmissionRow,
    WorkplanRow,
)
from application.wording import is_lapsed, session_order

ON_TIME, WITHIN_EXTENSION, LATE = "on-time", "within-extension", "late"
STOCKTAKING = "stocktaking meeting"


def titles_of(row: Any) -> dict[str, str]:
    """A calendar row's title in other languages, by language (only the
    translations; {} when there are none)."""
    found: dict[str, str] = json.loads(getattr(row, "titles", "{}"))
    return found


# The calendar.


def session_entry(row: Any, day: date | None = None) -> dict[str, Any]:
    """A session's entry, from a calendar row (a row of the view's table);
    `lapsed` judged on `day` (default: today)."""
    return {
        "body": row.body,
        "number": row.number,
        "title": row.title,
        "start": row.start,
        "end": row.end,
        "venue": row.venue,
        "format": row.format,
        "status": row.status,
        "original_start": row.original_start,
        "original_end": row.original_end,
        "postponements": row.postponements,
        "report_adopted_on": row.report_adopted_on,
        "stocktaking": bool(row.stocktaking),
        "last_changed_on": row.effective_on,
        "recorded_at": row.recorded_at,
        "lapsed": is_lapsed(row, day or date.today()),
        "titles": titles_of(row),
        "timezone": row.timezone,
        "hours": hours_in_force(row.hours, row.start, row.end),
    }


def hours_in_force(hours: str | None, start: str | None, end: str | None) -> str | None:
    """A session's meeting hours as they stand on its dates: hours given for
    every day hold whatever its days; hours given day by day, only while it
    has as many days (a postponement to fewer or more days leaves its hours
    unknown). Undated, a session keeps the hours it was given."""
    if hours is None or start is None or end is None:
        return hours
    # The domain's rule (`Hours.fit`), loaded only for a session with hours:
    # a quick read of the calendar does not load the domain otherwise.
    from domain.values import DateRange, Hours

    dates = DateRange(date.fromisoformat(start), date.fromisoformat(end))
    return hours if Hours.parse(hours).fit(dates) else None


def calendar_answer(
    rows: Iterable[Any],
    *,
    as_of: date | None = None,
    known_at: str | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """`{"as_of", "known_at", "sessions": [...]}`, sessions sorted by start,
    undated last; whether each has lapsed is judged on `as_of` when given,
    else on `today` (default: the real today)."""
    day = as_of or today or date.today()
    return {
        "as_of": as_of.isoformat() if as_of else None,
        "known_at": known_at,
        "sessions": [
            session_entry(row, day) for row in sorted(rows, key=session_order)
        ],
    }


# Postponements.


def postponement_entry(row: PostponementRow) -> dict[str, Any]:
    return {
        "body": row.body,
        "number": row.number,
        "on": row.effective_on,
        "reason": row.reason,
        "actor": row.actor,
        "recorded_at": row.recorded_at,
        "from": {"start": row.from_start, "end": row.from_end},
        "to": (
            None if row.to_start is None else {"start": row.to_start, "end": row.to_end}
        ),
        "announced_in": row.announced_in,
    }


def postponements_answer(rows: Iterable[PostponementRow]) -> dict[str, Any]:
    """Every postponement, in the order they were decided."""
    ordered = sorted(rows, key=lambda r: (r.effective_on, r.body, r.number, r.version))
    return {"postponements": [postponement_entry(row) for row in ordered]}


# Deadlines.


def classify(
    received_on: str,
    original_deadline: str,
    deadline: str,
    received_at: str | None = None,
    timezone: str | None = None,
) -> str:
    """Whether a submission came by the original deadline, by the deadline in
    force (its extension), or after it: judged against the deadlines as they
    stand now, so a later extension turns a late submission into one within it.

    A deadline ends at the end of its day in the body's zone (`timezone`,
    UTC when None): a submission received at a known moment (`received_at`) is
    judged as that instant, by the day it fell on there; one known by its
    date only, by that date."""
    if received_at is not None:
        moment = datetime.fromisoformat(received_at)
        received_on = moment.astimezone(zone(timezone)).date().isoformat()
    if received_on <= original_deadline:
        return ON_TIME
    if received_on <= deadline:
        return WITHIN_EXTENSION
    return LATE


@functools.cache
def zone(name: str | None) -> tzinfo:
    """The zone named `name` (UTC for None)."""
    return UTC if name is None else ZoneInfo(name)


def days_left(deadline: str, today: date) -> int:
    """Days from `today` to the deadline: 0 on the day, negative after it."""
    return (date.fromisoformat(deadline) - today).days


def due_by(year: int) -> date:
    """A milestone due "no later than" a year is due by its last day."""
    return date(year, 12, 31)


class StocktakingSession(NamedTuple):
    """A session scheduled as a stocktaking meeting, as the calendar has it now."""

    body: str
    number: int
    start: str | None
    status: str


def met_by(
    body: str, deadline: date, sessions: Iterable[StocktakingSession]
) -> StocktakingSession | None:
    """The first session of `body` meeting its stocktaking milestone by `deadline`."""
    candidates = [
        s
        for s in sessions
        if s.body == body
        and s.status != "cancelled"
        and s.start is not None
        and s.start <= deadline.isoformat()
    ]
    return min(candidates, key=lambda s: (s.start or "", s.number), default=None)


def milestone_entry(
    workplan: WorkplanRow, sessions: Iterable[StocktakingSession], today: date
) -> dict[str, Any]:
    assert workplan.stocktaking_by is not None
    deadline = due_by(workplan.stocktaking_by)
    session = met_by(workplan.body, deadline, sessions)
    return {
        "body": workplan.body,
        "period": workplan.period,
        "milestone": STOCKTAKING,
        "due_by": deadline.isoformat(),
        "met_by": (
            None
            if session is None
            else {"number": session.number, "start": session.start}
        ),
        "overdue": today > deadline and session is None,
    }


def call_entry(
    call: CallRow,
    extensions: Sequence[ExtensionRow],
    submissions: Sequence[SubmissionRow],
    today: date,
) -> dict[str, Any]:
    judged = [
        (
            s,
            classify(
                s.received_on,
                call.original_deadline,
                call.deadline,
                s.received_at,
                call.timezone,
            ),
        )
        for s in sorted(submissions, key=lambda s: (s.received_on, s.version))
    ]
    counts = {ON_TIME: 0, WITHIN_EXTENSION: 0, LATE: 0}
    for _, status in judged:
        counts[status] += 1
    return {
        "body": call.body,
        "period": call.period,
        "cycle": call.cycle,
        "requested_on": call.requested_on,
        "original_deadline": call.original_deadline,
        "deadline": call.deadline,
        "extensions": [
            {
                "to": e.to,
                "reason": e.reason,
                "on": e.effective_on,
                "actor": e.actor,
                "recorded_at": e.recorded_at,
            }
            for e in sorted(extensions, key=lambda e: e.version)
        ],
        "days_left": days_left(call.deadline, today),
        "submissions": [
            {
                "from": s.submitter,
                "as": s.submitter_kind,
                "received_on": s.received_on,
                "status": status,
                "reference": s.reference,
                "recorded_at": s.recorded_at,
                "received_at": s.received_at,
            }
            for s, status in judged
        ],
        "counts": counts,
    }


def deadlines_answer(
    *,
    today: date,
    calls: Iterable[CallRow],
    extensions: Iterable[ExtensionRow],
    submissions: Iterable[SubmissionRow],
    workplans: Iterable[WorkplanRow],
    stocktaking_sessions: Iterable[StocktakingSession],
) -> dict[str, Any]:
    """Every call for comments with its deadlines and judged submissions, every
    workplan milestone, and every workplan. `today` sets `days_left` and
    `overdue` only."""
    by_call_extensions: dict[tuple[str, int], list[ExtensionRow]] = {}
    for e in extensions:
        by_call_extensions.setdefault((e.workplan_id, e.cycle), []).append(e)
    by_call_submissions: dict[tuple[str, int], list[SubmissionRow]] = {}
    for s in submissions:
        by_call_submissions.setdefault((s.workplan_id, s.cycle), []).append(s)
    sessions = list(stocktaking_sessions)
    ordered_calls = sorted(calls, key=lambda c: (c.body, c.period, c.cycle))
    ordered_workplans = sorted(workplans, key=lambda w: (w.body, w.period))
    return {
        "today": today.isoformat(),
        "calls": [
            call_entry(
                call,
                by_call_extensions.get((call.workplan_id, call.cycle), []),
                by_call_submissions.get((call.workplan_id, call.cycle), []),
                today,
            )
            for call in ordered_calls
        ],
        "milestones": [
            milestone_entry(w, sessions, today)
            for w in ordered_workplans
            if w.stocktaking_by is not None
        ],
        "workplans": [workplan_entry(w) for w in ordered_workplans],
    }


def workplan_entry(workplan: WorkplanRow) -> dict[str, Any]:
    return {
        "body": workplan.body,
        "period": workplan.period,
        "adopted_on": workplan.adopted_on,
        "stocktaking_by": workplan.stocktaking_by,
    }


def calls_as_of(
    calls: Iterable[CallRow],
    extensions: Iterable[ExtensionRow],
    *,
    as_of: date | None = None,
    known_at: str | None = None,
) -> list[CallRow]:
    """The calls as they stood at the end of `as_of` (by effective date) and as
    recorded by `known_at`: a call not yet requested is left out, and each
    keeps only the extensions decided (and recorded) by then."""

    def counts(on: str, recorded_at: str) -> bool:
        return (as_of is None or on <= as_of.isoformat()) and (
            known_at is None or recorded_at <= known_at
        )

    by_call: dict[tuple[str, int], list[ExtensionRow]] = {}
    for e in extensions:
        if counts(e.effective_on, e.recorded_at):
            by_call.setdefault((e.workplan_id, e.cycle), []).append(e)
    result = []
    for call in calls:
        if not counts(call.requested_on, call.requested_at):
            continue
        granted = sorted(
            by_call.get((call.workplan_id, call.cycle), []), key=lambda e: e.version
        )
        result.append(
            call._replace(
                deadline=max([call.original_deadline, *(e.to for e in granted)]),
                extensions=len(granted),
                recorded_at=max([call.requested_at, *(e.recorded_at for e in granted)]),
            )
        )
    return result


# Bodies.


def bodies_answer(
    bodies: Iterable[dict[str, Any]],
    sessions: Iterable[Any],
    workplans: Iterable[dict[str, Any]],
) -> dict[str, Any]:
    """`{"bodies": [...]}`: every body with its name, parent and mandate, its
    sessions (by number: dates and status as the calendar has them now) and
    its workplans (by period)."""
    by_body: dict[str, list[Any]] = {}
    for row in sessions:
        by_body.setdefault(row.body, []).append(row)
    plans: dict[str, list[dict[str, Any]]] = {}
    for workplan in workplans:
        plans.setdefault(workplan["body"], []).append(workplan)
    return {
        "bodies": [
            {
                **body,
                "sessions": [
                    {
                        "number": row.number,
                        "title": row.title,
                        "start": row.start,
                        "end": row.end,
                        "status": row.status,
                    }
                    for row in sorted(by_body.get(body["code"], []), key=_number)
                ],
                "workplans": [
                    {"period": w["period"], "adopted_on": w["adopted_on"]}
                    for w in sorted(plans.get(body["code"], []), key=_period)
                ],
            }
            for body in bodies
        ]
    }


def _number(row: Any) -> int:
    return int(row.number)


def _period(workplan: dict[str, Any]) -> str:
    return str(workplan["period"])
