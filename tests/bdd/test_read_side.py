"""Steps for the read side's features: the calendar after a postponement, the
calendar on a past date, comments within an extension, the stocktaking
milestone. They drive the Secretariat and read its views in the store, on
SQLite and PostgreSQL alike."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import attrs
import pytest
from icalendar import Calendar
from parse import with_pattern
from pytest_bdd import given, parsers, scenarios, then, when

from adapters.ical import render_calendar
from adapters.views.views import Views
from application.commands import (
    AdoptWorkplan,
    CancelSession,
    ExtendDeadline,
    PostponeSession,
    ReceiveSubmission,
    RequestComments,
    ScheduleSession,
)
from application.projections import utc_text
from application.secretariat import Secretariat
from domain.ids import session_id
from domain.values import CycleTopics, DateRange, Period, SubmitterKind
from tests.builders import OFFICER, establish
from tests.seed_history import opened

scenarios(
    "the_calendar_after_a_postponement.feature",
    "what_the_calendar_said_on_a_past_date.feature",
    "comments_received_after_the_deadline_but_within_its_extension.feature",
    "the_stocktaking_milestone.feature",
)

PERIOD = Period(2018, 2021)


@with_pattern(r"\d+(?:st|nd|rd|th)")
def ordinal(text: str) -> int:
    return int(re.sub(r"\D", "", text))


@with_pattern(r"\d{4}-\d{2}-\d{2}")
def iso_date(text: str) -> date:
    return date.fromisoformat(text)


TYPES = {"ordinal": ordinal, "date": iso_date}


def step(text: str) -> Any:
    return parsers.parse(text, extra_types=TYPES)


@attrs.define
class Record:
    app: Secretariat
    views: Views
    body: str = "cybercrime-egm"
    calendar: dict[str, Any] | None = None
    session: dict[str, Any] | None = None
    imported: bytes | None = None

    def sessions(self) -> list[dict[str, Any]]:
        answer = self.calendar or self.views.calendar()
        sessions: list[dict[str, Any]] = answer["sessions"]
        return sessions

    def find(self, number: int) -> dict[str, Any]:
        (found,) = [s for s in self.sessions() if s["number"] == number]
        self.session = found
        return found

    def calendar_file(self) -> bytes:
        return render_calendar(
            self.views.calendar_rows(), self.views.calls(), name="secretariat"
        )

    def call(self) -> dict[str, Any]:
        (found,) = self.views.deadlines(today=date(2020, 1, 1))["calls"]
        call: dict[str, Any] = found
        return call

    def milestone(self, today: date = date(2021, 1, 1)) -> dict[str, Any]:
        (found,) = self.views.deadlines(today=today)["milestones"]
        milestone: dict[str, Any] = found
        return milestone


@pytest.fixture(autouse=True)
def record(store: str) -> Iterator[Record]:
    """The record each scenario runs on; autouse, so that each scenario is
    collected once per store (steps request fixtures only as they run)."""
    with opened(store) as (app, views):
        yield Record(app, views)


def vevent(data: bytes, uid: str) -> Any:
    (found,) = [
        e for e in Calendar.from_ical(data).walk("VEVENT") if str(e["UID"]) == uid
    ]
    return found


# Sessions.


@given(step('the body "{code}" is established'))
def body_established(record: Record, code: str) -> None:
    establish(record.app, code)
    record.body = code


@given(
    step(
        "its {number:ordinal} session is scheduled on {on:date} "
        'for {start:date} to {end:date} in "{venue}"'
    )
)
def session_scheduled(
    record: Record, number: int, on: date, start: date, end: date, venue: str
) -> None:
    record.app.execute(
        ScheduleSession(
            body=record.body,
            number=number,
            title=f"Meeting {number} of the Expert Group on Cybercrime",
            dates=DateRange(start, end),
            venue=venue,
            on=on,
            actor=OFFICER,
        )
    )


@given(
    step(
        "its {number:ordinal} session is scheduled as the stocktaking meeting "
        "for {start:date} to {end:date}"
    )
)
@when(
    step(
        "its {number:ordinal} session is scheduled as the stocktaking meeting "
        "for {start:date} to {end:date}"
    )
)
def stocktaking_scheduled(record: Record, number: int, start: date, end: date) -> None:
    record.app.execute(
        ScheduleSession(
            body=record.body,
            number=number,
            title=f"Meeting {number}: stocktaking",
            dates=DateRange(start, end),
            venue="Vienna, Austria",
            stocktaking=True,
            on=date(2020, 12, 1),
            actor=OFFICER,
        )
    )


POSTPONED = (
    "the {number:ordinal} session is postponed on {on:date} "
    'to {start:date} to {end:date} because of "{reason}"'
)


@given(step(POSTPONED))
@when(step(POSTPONED))
def postponed(
    record: Record, number: int, on: date, start: date, end: date, reason: str
) -> None:
    record.app.execute(
        PostponeSession(
            body=record.body,
            number=number,
            reason=reason,
            dates=DateRange(start, end),
            on=on,
            actor=OFFICER,
        )
    )


@when(
    step(
        "the {number:ordinal} session is postponed on {on:date} "
        'without new dates because of "{reason}"'
    )
)
def postponed_without_dates(record: Record, number: int, on: date, reason: str) -> None:
    record.app.execute(
        PostponeSession(
            body=record.body,
            number=number,
            reason=reason,
            dates=None,
            on=on,
            actor=OFFICER,
        )
    )


@when(
    step('the {number:ordinal} session is cancelled on {on:date} because of "{reason}"')
)
def cancelled(record: Record, number: int, on: date, reason: str) -> None:
    record.app.execute(
        CancelSession(
            body=record.body, number=number, reason=reason, on=on, actor=OFFICER
        )
    )


# The calendar.


@when(step("I ask for the calendar as of {day:date}"))
def calendar_as_of(record: Record, day: date) -> None:
    record.calendar = record.views.calendar(as_of=day)


@when(
    step(
        "I ask for the calendar as recorded when the scheduling of the "
        "{number:ordinal} session was recorded"
    )
)
def calendar_known_at(record: Record, number: int) -> None:
    scheduled = record.app.history(record.body, number)["events"][0]
    moment = utc_text(datetime.fromisoformat(scheduled["recorded_at"]))
    record.calendar = record.views.calendar(known_at=moment)


@then(
    step(
        "the calendar shows the {number:ordinal} session on "
        "{start:date} to {end:date}, {status}"
    )
)
def calendar_shows_dates(
    record: Record, number: int, start: date, end: date, status: str
) -> None:
    session = record.find(number)
    assert (session["start"], session["end"], session["status"]) == (
        start.isoformat(),
        end.isoformat(),
        status,
    )


@then(
    step(
        "the calendar shows the {number:ordinal} session with its dates "
        "to be determined, {status}"
    )
)
def calendar_shows_undetermined(record: Record, number: int, status: str) -> None:
    session = record.find(number)
    assert (session["start"], session["end"], session["status"]) == (
        None,
        None,
        status,
    )


@then(step("the calendar shows its original dates {start:date} to {end:date}"))
def calendar_shows_original_dates(record: Record, start: date, end: date) -> None:
    assert record.session is not None
    assert (record.session["original_start"], record.session["original_end"]) == (
        start.isoformat(),
        end.isoformat(),
    )


@then(parsers.re(r"the calendar shows it postponed (?P<count>\d+) times?"))
def calendar_shows_postponements(record: Record, count: str) -> None:
    assert record.session is not None
    assert record.session["postponements"] == int(count)


@then("the calendar shows no session")
def calendar_shows_nothing(record: Record) -> None:
    assert record.sessions() == []


@then(
    step(
        "the postponements list it as decided on {on:date} "
        "from {start:date} to {to:date}"
    )
)
def postponements_list_it(record: Record, on: date, start: date, to: date) -> None:
    (postponement,) = record.views.postponements(record.body)["postponements"]
    assert (
        postponement["on"],
        postponement["from"]["start"],
        postponement["to"]["start"],
    ) == (on.isoformat(), start.isoformat(), to.isoformat())


# Calendar files.


@then(
    step(
        "the calendar file marks the {number:ordinal} session tentative "
        "on its last known dates {start:date} to {end:date}"
    )
)
def calendar_file_tentative(
    record: Record, number: int, start: date, end: date
) -> None:
    event = vevent(
        record.calendar_file(), f"{session_id(record.body, number)}@secretariat"
    )
    assert str(event["STATUS"]) == "TENTATIVE"
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTEND") == end + timedelta(days=1)


@given("a delegation has imported the calendar file")
def calendar_file_imported(record: Record) -> None:
    record.imported = record.calendar_file()


@then(
    step(
        "the delegation's entry for the {number:ordinal} session is the same one, "
        "revised {count:d} time, on {start:date} to {end:date}"
    )
)
def entry_revised(
    record: Record, number: int, count: int, start: date, end: date
) -> None:
    assert record.imported is not None
    uid = f"{session_id(record.body, number)}@secretariat"
    before, after = vevent(record.imported, uid), vevent(record.calendar_file(), uid)
    assert after.decoded("SEQUENCE") == before.decoded("SEQUENCE") + count
    assert after.decoded("DTSTART") == start
    assert after.decoded("DTEND") == end + timedelta(days=1)
    record.session = {"description": str(after["DESCRIPTION"])}


@then(step('the entry mentions the original dates "{dates}"'))
def entry_mentions(record: Record, dates: str) -> None:
    assert record.session is not None
    assert f"Original dates: {dates}" in record.session["description"]


# Workplans, calls for comments and submissions.


def adopt(record: Record, stocktaking_by: int | None) -> None:
    record.app.execute(
        AdoptWorkplan(
            body=record.body,
            period=PERIOD,
            at_session=4,
            topics=[CycleTopics(2020, ["International cooperation", "Prevention"])],
            stocktaking_by=stocktaking_by,
            on=date(2018, 4, 5),
            actor=OFFICER,
        )
    )


@given("its 2018-2021 workplan is adopted")
def workplan_adopted(record: Record) -> None:
    adopt(record, None)


@given(
    step(
        "its 2018-2021 workplan is adopted with a stocktaking meeting "
        "no later than {year:d}"
    )
)
def workplan_adopted_with_stocktaking(record: Record, year: int) -> None:
    adopt(record, year)


@given(step("comments for {cycle:d} are requested with a deadline of {deadline:date}"))
def comments_requested(record: Record, cycle: int, deadline: date) -> None:
    record.app.execute(
        RequestComments(
            body=record.body,
            period=PERIOD,
            cycle=cycle,
            deadline=deadline,
            on=date(2019, 12, 1),
            actor=OFFICER,
        )
    )


RECEIVED = 'a comment from the {kind} "{submitter}" is received on {on:date}'


@given(step(RECEIVED))
@when(step(RECEIVED))
def comment_received(record: Record, kind: str, submitter: str, on: date) -> None:
    record.app.execute(
        ReceiveSubmission(
            body=record.body,
            period=PERIOD,
            cycle=2020,
            submitter=submitter,
            submitter_kind=SubmitterKind(kind),
            on=on,
            actor=OFFICER,
        )
    )


EXTENDED = 'the deadline is extended on {on:date} to {to:date} because of "{reason}"'


@given(step(EXTENDED))
@when(step(EXTENDED))
def deadline_extended(record: Record, on: date, to: date, reason: str) -> None:
    record.app.execute(
        ExtendDeadline(
            body=record.body,
            period=PERIOD,
            cycle=2020,
            to=to,
            reason=reason,
            on=on,
            actor=OFFICER,
        )
    )


JUDGED = 'the comment from "{submitter}" is {status}'


@given(step(JUDGED))
@then(step(JUDGED))
def comment_judged(record: Record, submitter: str, status: str) -> None:
    (submission,) = [s for s in record.call()["submissions"] if s["from"] == submitter]
    assert submission["status"] == status


@then(step("the deadline in force is {deadline:date}, extended from {original:date}"))
def deadline_in_force(record: Record, deadline: date, original: date) -> None:
    call = record.call()
    assert (call["deadline"], call["original_deadline"]) == (
        deadline.isoformat(),
        original.isoformat(),
    )
    assert [e["to"] for e in call["extensions"]] == [deadline.isoformat()]


@then(step("on {today:date} the deadline is {days:d} days past"))
def deadline_past(record: Record, today: date, days: int) -> None:
    (call,) = record.views.deadlines(today=today)["calls"]
    assert call["days_left"] == -days


# The stocktaking milestone.


@then(step("the stocktaking milestone is due by {day:date}"))
def milestone_due(record: Record, day: date) -> None:
    assert record.milestone()["due_by"] == day.isoformat()


@then("the stocktaking milestone is not met")
def milestone_not_met(record: Record) -> None:
    assert record.milestone()["met_by"] is None


@then(
    step(
        "the stocktaking milestone is met by the {number:ordinal} session, "
        "starting {start:date}"
    )
)
def milestone_met(record: Record, number: int, start: date) -> None:
    assert record.milestone()["met_by"] == {
        "number": number,
        "start": start.isoformat(),
    }


@then(
    parsers.re(
        r"on (?P<today>\d{4}-\d{2}-\d{2}) the stocktaking milestone is "
        r"(?P<negation>not )?overdue"
    )
)
def milestone_overdue(record: Record, today: str, negation: str | None) -> None:
    milestone = record.milestone(date.fromisoformat(today))
    assert milestone["overdue"] is (not negation)
