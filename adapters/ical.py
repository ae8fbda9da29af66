"""The calendar as an RFC 5545 iCalendar file, written with `icalendar`.

Every value comes from the record, none from the clock: the same record always
gives the same bytes. A session's UID is its stable id, so a calendar program
that subscribed to the file updates the entry in place when the session is
postponed (its SEQUENCE counts those changes) instead of adding another.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from icalendar import Calendar, Event

from application.projections.rows import CalendarRow, CallRow
from application.wording import (
    dates,
    day,
    describe_session,
    has_moved,
    session_order,
    session_summary,
    times,
)
from domain.ids import natural_id

if TYPE_CHECKING:
    from application.ports import Views

PRODID = "-//secretariat//calendar//EN"
UID_DOMAIN = "secretariat"
ICAL_STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}
"""Every other status (scheduled, in session, closed) is CONFIRMED."""


def session_uid(row: CalendarRow) -> str:
    return f"{row.session_id}@{UID_DOMAIN}"


def call_uid(call: CallRow) -> str:
    """Stable through extensions: the call is known by its workplan and cycle."""
    key = natural_id("call-for-comments", call.body, call.period, call.cycle)
    return f"{key}@{UID_DOMAIN}"


def session_description(row: CalendarRow) -> str:
    lines = [f"{describe_session(row.body, row.number).capitalize()}."]
    lines.append(f"Format: {row.format}.")
    if row.status == "postponed":
        last = dates(row.last_start, row.last_end)
        lines.append(f"Postponed: new dates to be determined (last announced: {last}).")
    if row.postponements or has_moved(row):
        lines.append(f"Original dates: {dates(row.original_start, row.original_end)}.")
    if row.postponements:
        lines.append(
            f"Postponed {times(row.postponements)}; reason: {row.postponement_reason}."
        )
    if row.status == "cancelled":
        lines.append(f"Cancelled: {row.cancellation_reason}.")
    if row.report_adopted_on:
        lines.append(f"Report adopted on {day(row.report_adopted_on)}.")
    return "\n".join(lines)


def session_event(row: CalendarRow) -> Event:
    event = Event()
    event.add("uid", session_uid(row))
    event.add("dtstamp", datetime.fromisoformat(row.recorded_at))
    event.add("summary", session_summary(row.title, row.body))
    # A session postponed with its dates to be determined keeps its last
    # known dates, marked TENTATIVE.
    event.add("dtstart", date.fromisoformat(row.last_start))
    event.add("dtend", date.fromisoformat(row.last_end) + timedelta(days=1))
    event.add("location", row.venue)
    event.add("status", ICAL_STATUS.get(row.status, "CONFIRMED"))
    event.add("sequence", row.sequence)
    event.add("description", session_description(row))
    return event


def call_event(call: CallRow) -> Event:
    deadline = date.fromisoformat(call.deadline)
    description = [
        f"Written comments for {call.cycle} under the {call.period} workplan "
        f"of {call.body} are due by {day(call.deadline)}."
    ]
    if call.extensions:
        description.append(
            f"Original deadline: {day(call.original_deadline)}; "
            f"extended {times(call.extensions)}."
        )
    event = Event()
    event.add("uid", call_uid(call))
    event.add("dtstamp", datetime.fromisoformat(call.recorded_at))
    event.add(
        "summary",
        f"Deadline for comments ({call.cycle}), {call.period} workplan of {call.body}",
    )
    event.add("dtstart", deadline)
    event.add("dtend", deadline + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("status", "CONFIRMED")
    event.add("sequence", call.extensions)
    event.add("description", "\n".join(description))
    return event


def render_calendar(
    sessions: Iterable[CalendarRow], calls: Iterable[CallRow], *, name: str
) -> bytes:
    """One VEVENT per session, then one per call for comments' deadline."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for row in sorted(sessions, key=session_order):
        calendar.add_component(session_event(row))
    for call in sorted(calls, key=lambda c: (c.body, c.period, c.cycle)):
        calendar.add_component(call_event(call))
    return bytes(calendar.to_ical())


def calendar_file(
    views: Views,
    body: str | None = None,
    *,
    as_of: date | None = None,
    known_at: str | None = None,
) -> bytes:
    """The iCalendar file of `body`'s sessions and deadlines (or everyone's):
    what `calendar --ics` writes, and the site publishes, byte for byte."""
    return render_calendar(
        views.calendar_rows(body, as_of=as_of, known_at=known_at),
        views.calls(body, as_of=as_of, known_at=known_at),
        name="secretariat" + (f": {body}" if body else ""),
    )
