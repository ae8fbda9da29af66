"""The calendar as an RFC 5545 iCalendar file, written with `icalendar`.

Every value comes from the record, none from the clock: the same record always
gives the same bytes. A session's UID is its stable id, so a calendar program
that subscribed to the file updates the entry in place when the session is
postponed (its SEQUENCE counts those changes) instead of adding another.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from application.projections.rows import CalendarRow, CallRow
from application.queries import hours_in_force
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


def meeting_times(row: CalendarRow) -> list[tuple[datetime, datetime]]:
    """When the session meets each of its days (its last known ones), in its
    venue's zone: from the day's first hour to its last; none when its hours
    are not known (an all-day entry)."""
    hours = hours_in_force(row.hours, row.last_start, row.last_end)
    if hours is None or row.timezone is None:
        return []
    zone = ZoneInfo(row.timezone)
    first = date.fromisoformat(row.last_start)
    count = (date.fromisoformat(row.last_end) - first).days + 1
    written = hours.split(",")
    meetings = []
    for index in range(count):
        day_hours = written[0 if len(written) == 1 else index].split("+")
        opens, closes = day_hours[0].split("-")[0], day_hours[-1].split("-")[1]
        each = first + timedelta(days=index)
        meetings.append((_at(each, opens, zone), _at(each, closes, zone)))
    return meetings


def _at(day_: date, written: str, zone: ZoneInfo) -> datetime:
    return datetime.combine(day_, time.fromisoformat(written), tzinfo=zone)


def session_event(row: CalendarRow) -> Event:
    event = Event()
    event.add("uid", session_uid(row))
    event.add("dtstamp", datetime.fromisoformat(row.recorded_at))
    event.add("summary", session_summary(row.title, row.body))
    meetings = meeting_times(row)
    if meetings:
        (start, end), *later = meetings
        event.add("dtstart", start)
        event.add("dtend", end)
        if later and all(e - s == end - start for s, e in later):
            # The same hours every day: one entry a day, as a daily recurrence.
            event.add("rrule", {"freq": "daily", "count": len(meetings)})
        elif later:
            # Hours day by day: each later day its own period.
            event.add(
                "rdate",
                later,
                parameters={"TZID": str(row.timezone), "VALUE": "PERIOD"},
            )
    else:
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
    timed: list[date] = []
    for row in sorted(sessions, key=session_order):
        event = session_event(row)
        calendar.add_component(event)
        if isinstance(event.start, datetime):
            timed += [event.start.date(), date.fromisoformat(row.last_end)]
    for call in sorted(calls, key=lambda c: (c.body, c.period, c.cycle)):
        calendar.add_component(call_event(call))
    add_zones(calendar, timed)
    return bytes(calendar.to_ical())


def add_zones(calendar: Calendar, timed: list[date]) -> None:
    """A `VTIMEZONE` for each zone the timed entries (on the days `timed`)
    name: its rules, as the zone database has them, over the years they span
    (not the library's default of 1970-2038)."""
    if timed:
        calendar.add_missing_timezones(
            first_date=date(min(timed).year, 1, 1),
            last_date=date(max(timed).year + 1, 1, 1),
        )


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
