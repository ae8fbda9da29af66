"""Steps for the read side's features: the calendar after a postponement, the
calendar on a past date, comments within an extension, the stocktaking
milestone. The decisions are those of every feature (`conftest.py`), taken on a
real store; these steps read its views, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import attrs
import pytest
from icalendar import Calendar
from pytest_bdd import given, scenarios, then, when

from adapters.ical import render_calendar
from adapters.views.views import Views
from application.projections import utc_text
from application.publishing import Publishing
from application.secretariat import Secretariat
from domain.ids import session_id
from tests.bdd.delegation_steps import *  # noqa: F403
from tests.bdd.vocabulary import (
    Days,
    SessionRecord,
    WorkplanRecord,
    phrase,
    stored_dates,
    written_days,
)
from tests.seed_history import opened

scenarios(
    "the_calendar_after_a_postponement.feature",
    "what_the_calendar_said_on_a_past_date.feature",
    "comments_received_after_the_deadline_but_within_its_extension.feature",
    "the_stocktaking_milestone.feature",
    "correcting_a_misspelt_title_is_not_a_change.feature",
    "striking_an_entry_recorded_in_error.feature",
    "striking_a_decision_recorded_in_error.feature",
    "a_session_whose_dates_passed_without_an_opening_has_lapsed.feature",
)

STATUSES = {
    "scheduled": "scheduled",
    "postponed": "postponed",
    "cancelled": "cancelled",
    "in session": "in-session",
    "closed": "closed",
}
"""A session's status in the officer's words, and in the calendar's answer."""

JUDGED = {
    "on time": "on-time",
    "within the extension": "within-extension",
    "late": "late",
}
"""How a submission is judged, in the officer's words and in the deadlines' answer."""


@attrs.define
class Record:
    app: Secretariat
    views: Views
    calendar: dict[str, Any] | None = None
    session: dict[str, Any] | None = None
    imported: bytes | None = None
    description: str | None = None

    def sessions(self) -> list[dict[str, Any]]:
        answer = self.calendar or self.views.calendar()
        sessions: list[dict[str, Any]] = answer["sessions"]
        return sessions

    def find(self, session: SessionRecord) -> dict[str, Any]:
        (found,) = [
            s
            for s in self.sessions()
            if (s["body"], s["number"]) == (session.body, session.number)
        ]
        self.session = found
        return found

    def calendar_file(self) -> bytes:
        return render_calendar(
            self.views.calendar_rows(), self.views.calls(), name="secretariat"
        )

    def call(
        self, cycle: int, workplan: WorkplanRecord, today: date = date(2020, 1, 1)
    ) -> dict[str, Any]:
        (found,) = [
            call
            for call in self.views.deadlines(workplan.body, today=today)["calls"]
            if (call["period"], call["cycle"]) == (workplan.written_period, cycle)
        ]
        call: dict[str, Any] = found
        return call

    def milestone(
        self, workplan: WorkplanRecord, today: date = date(2021, 1, 1)
    ) -> dict[str, Any]:
        (found,) = [
            milestone
            for milestone in self.views.deadlines(workplan.body, today=today)[
                "milestones"
            ]
            if milestone["period"] == workplan.written_period
        ]
        milestone: dict[str, Any] = found
        return milestone


@pytest.fixture(autouse=True)
def record(store: str) -> Iterator[Record]:
    """The record each scenario runs on; autouse, so that each scenario is
    collected once per store (steps request fixtures only as they run)."""
    with opened(store) as (app, views):
        yield Record(app, views)


@pytest.fixture
def secretariat(record: Record) -> Secretariat:
    """The decisions of every feature, taken on the scenario's store."""
    return record.app


def vevent(data: bytes, session: SessionRecord) -> Any:
    uid = f"{session_id(session.body, session.number)}@secretariat"
    (found,) = [
        e for e in Calendar.from_ical(data).walk("VEVENT") if str(e["UID"]) == uid
    ]
    return found


# The calendar.


@when(phrase("the officer reads the calendar as of {day:Date}"))
def calendar_as_of(record: Record, day: date) -> None:
    record.calendar = record.views.calendar(as_of=day)


@when(
    phrase(
        "the officer reads the calendar as recorded when the {session:Session} "
        "was scheduled"
    )
)
def calendar_known_at(record: Record, session: SessionRecord) -> None:
    scheduled = record.app.history(session.body, session.number)["events"][0]
    moment = utc_text(datetime.fromisoformat(scheduled["recorded_at"]))
    record.calendar = record.views.calendar(known_at=moment)


@then(phrase("the calendar shows the {session:Session} on {dates:Dates}, {status}"))
def calendar_shows(
    record: Record, session: SessionRecord, dates: Days | None, status: str
) -> None:
    shown = record.find(session)
    assert {"start": shown["start"], "end": shown["end"]} == (
        stored_dates(dates) or {"start": None, "end": None}
    )
    assert shown["status"] == STATUSES[status]


def just_before_the_correction(record: Record) -> str:
    """The moment just before the session's latest correction was recorded."""
    corrections = [
        event
        for session in record.views.calendar()["sessions"]
        for event in record.app.history(session["body"], session["number"])["events"]
        if event["event"] == "Corrected"
    ]
    latest = max(datetime.fromisoformat(e["recorded_at"]) for e in corrections)
    return utc_text(latest - timedelta(microseconds=1))


def shown(
    record: Record,
    session: SessionRecord,
    *,
    as_of: date | None = None,
    known_at: str | None = None,
) -> dict[str, Any]:
    record.calendar = record.views.calendar(as_of=as_of, known_at=known_at)
    return record.find(session)


@then(
    phrase(
        "the calendar as of {day:Date} shows the {session:Session} "
        'titled "{title:Text}"'
    )
)
def titled_as_of(record: Record, day: date, session: SessionRecord, title: str) -> None:
    assert shown(record, session, as_of=day)["title"] == title


@then(
    phrase(
        "the calendar as recorded just before the correction shows the "
        '{session:Session} titled "{title:Text}"'
    )
)
def titled_before_the_correction(
    record: Record, session: SessionRecord, title: str
) -> None:
    moment = just_before_the_correction(record)
    assert shown(record, session, known_at=moment)["title"] == title


@then(
    phrase(
        "the calendar as of {day:Date} as recorded just before the correction "
        'shows the {session:Session} titled "{title:Text}"'
    )
)
def titled_as_of_before_the_correction(
    record: Record, day: date, session: SessionRecord, title: str
) -> None:
    moment = just_before_the_correction(record)
    assert shown(record, session, as_of=day, known_at=moment)["title"] == title


@then(
    phrase("the calendar as of {day:Date} shows the {session:Session} on {dates:Days}")
)
def dates_as_of(record: Record, day: date, session: SessionRecord, dates: Days) -> None:
    entry = shown(record, session, as_of=day)
    assert {"start": entry["start"], "end": entry["end"]} == dates.stored()


@then(
    phrase(
        "the calendar as of {day:Date} as recorded just before the strike shows "
        "the {session:Session} on {dates:Days}"
    )
)
def dates_as_of_before_the_strike(
    record: Record, day: date, session: SessionRecord, dates: Days
) -> None:
    strikes = [
        event
        for event in record.app.history(session.body, session.number)["events"]
        if event["event"] == "Struck"
    ]
    latest = datetime.fromisoformat(strikes[-1]["recorded_at"])
    moment = utc_text(latest - timedelta(microseconds=1))
    entry = shown(record, session, as_of=day, known_at=moment)
    assert {"start": entry["start"], "end": entry["end"]} == dates.stored()


@then(
    phrase(
        'the calendar as of {day:Date} shows the {session:Session} in "{venue:Text}"'
    )
)
def venue_as_of(record: Record, day: date, session: SessionRecord, venue: str) -> None:
    assert shown(record, session, as_of=day)["venue"] == venue


@then(phrase("the calendar shows the {session:Session} lapsed"))
def calendar_shows_lapsed(record: Record, session: SessionRecord) -> None:
    assert record.find(session)["lapsed"] is True


@then(phrase("the calendar shows the {session:Session} not lapsed"))
def calendar_shows_not_lapsed(record: Record, session: SessionRecord) -> None:
    assert record.find(session)["lapsed"] is False


@then(phrase("the calendar shows its original dates {dates:Days}"))
def calendar_shows_original_dates(record: Record, dates: Days) -> None:
    assert record.session is not None
    assert {
        "start": record.session["original_start"],
        "end": record.session["original_end"],
    } == dates.stored()


@then(phrase("the calendar shows it postponed {times:Times}"))
def calendar_shows_postponements(record: Record, times: int) -> None:
    assert record.session is not None
    assert record.session["postponements"] == times


@then("the calendar shows no session")
def calendar_shows_nothing(record: Record) -> None:
    assert record.sessions() == []


@then(
    phrase(
        "the postponements list the {session:Session} postponed from "
        "{previous:Dates} to {new:Dates} on {on:Date} "
        'because "{reason:Text}"'
    )
)
def postponements_list_it(
    record: Record,
    session: SessionRecord,
    previous: Days | None,
    new: Days | None,
    on: date,
    reason: str,
) -> None:
    listed = [
        (p["on"], p["from"], p["to"], p["reason"])
        for p in record.views.postponements(session.body)["postponements"]
        if p["number"] == session.number
    ]
    assert listed == [
        (on.isoformat(), stored_dates(previous), stored_dates(new), reason)
    ]


@then(phrase("the postponements list no postponement of the {session:Session}"))
def no_postponement_listed(record: Record, session: SessionRecord) -> None:
    listed = record.views.postponements(session.body)["postponements"]
    assert [p for p in listed if p["number"] == session.number] == []


# The session's page.


@then(
    phrase(
        "the page of the {session:Session} lists the general statements of "
        '"{delegations:Text}"'
    )
)
def page_lists_general_statements(
    record: Record, session: SessionRecord, delegations: str
) -> None:
    page = Publishing(record.views).session_record(session.body, session.number)
    [general] = [group for group in page.statements if group.item is None]
    assert [s.delegation for s in general.speakers] == delegations.split(", ")


@then(phrase("the page of the {session:Session} lists no document"))
def page_lists_no_document(record: Record, session: SessionRecord) -> None:
    page = Publishing(record.views).session_record(session.body, session.number)
    assert page.documents == ()
    assert page.comments == ()


# Calendar files.


@then(
    phrase(
        "the calendar file marks the {session:Session} tentative "
        "on its last known dates {dates:Days}"
    )
)
def calendar_file_tentative(
    record: Record, session: SessionRecord, dates: Days
) -> None:
    event = vevent(record.calendar_file(), session)
    assert str(event["STATUS"]) == "TENTATIVE"
    assert event.decoded("DTSTART") == dates.start
    assert event.decoded("DTEND") == dates.end + timedelta(days=1)


@given("the calendar file is imported by a delegation")
def calendar_file_imported(record: Record) -> None:
    record.imported = record.calendar_file()


@then(
    phrase(
        "the delegation's entry for the {session:Session} is the same one, "
        "revised {times:Times}, on {dates:Days}"
    )
)
def entry_revised(
    record: Record, session: SessionRecord, times: int, dates: Days
) -> None:
    assert record.imported is not None
    before = vevent(record.imported, session)
    after = vevent(record.calendar_file(), session)
    assert after.decoded("SEQUENCE") == before.decoded("SEQUENCE") + times
    assert after.decoded("DTSTART") == dates.start
    assert after.decoded("DTEND") == dates.end + timedelta(days=1)
    record.description = str(after["DESCRIPTION"])


@then(phrase("the entry mentions the original dates {dates:Days}"))
def entry_mentions(record: Record, dates: Days) -> None:
    assert record.description is not None
    assert f"Original dates: {written_days(dates.start, dates.end)}" in (
        record.description
    )


# Calls for comments and submissions.


JUDGED_AS = (
    'the submission from "{submitter:Text}" for {cycle:d} '
    "under the {workplan:Workplan} is {judged}"
)


@given(phrase(JUDGED_AS))
@then(phrase(JUDGED_AS))
def submission_judged(
    record: Record, submitter: str, cycle: int, workplan: WorkplanRecord, judged: str
) -> None:
    (submission,) = [
        s for s in record.call(cycle, workplan)["submissions"] if s["from"] == submitter
    ]
    assert submission["status"] == JUDGED[judged]


@then(
    phrase(
        "the call for {cycle:d} comments under the {workplan:Workplan} "
        "counts {count:d} submission"
    )
)
def submissions_counted(
    record: Record, cycle: int, workplan: WorkplanRecord, count: int
) -> None:
    call = record.call(cycle, workplan)
    assert len(call["submissions"]) == count
    assert sum(call["counts"].values()) == count


@then(
    phrase(
        "the deadline in force for {cycle:d} comments under the {workplan:Workplan} "
        "is {deadline:Date}, extended {times:Times} from {original:Date}"
    )
)
def deadline_in_force(
    record: Record,
    cycle: int,
    workplan: WorkplanRecord,
    deadline: date,
    times: int,
    original: date,
) -> None:
    call = record.call(cycle, workplan)
    assert (call["deadline"], call["original_deadline"]) == (
        deadline.isoformat(),
        original.isoformat(),
    )
    assert len(call["extensions"]) == times
    assert call["extensions"][-1]["to"] == deadline.isoformat()


@then(
    phrase(
        "on {today:Date} the deadline for {cycle:d} comments under the "
        "{workplan:Workplan} is {days:d} days past"
    )
)
def deadline_past(
    record: Record, today: date, cycle: int, workplan: WorkplanRecord, days: int
) -> None:
    assert record.call(cycle, workplan, today)["days_left"] == -days


# The stocktaking milestone.


@then(
    phrase("the stocktaking milestone of the {workplan:Workplan} is due by {day:Date}")
)
def milestone_due(record: Record, workplan: WorkplanRecord, day: date) -> None:
    assert record.milestone(workplan)["due_by"] == day.isoformat()


@then(phrase("the stocktaking milestone of the {workplan:Workplan} is not met"))
def milestone_not_met(record: Record, workplan: WorkplanRecord) -> None:
    assert record.milestone(workplan)["met_by"] is None


@then(
    phrase(
        "the stocktaking milestone of the {workplan:Workplan} is met by the "
        "{session:Session}, starting {start:Date}"
    )
)
def milestone_met(
    record: Record, workplan: WorkplanRecord, session: SessionRecord, start: date
) -> None:
    assert session.body == workplan.body
    assert record.milestone(workplan)["met_by"] == {
        "number": session.number,
        "start": start.isoformat(),
    }


OVERDUE = "on {today:Date} the stocktaking milestone of the {workplan:Workplan} is "


@then(phrase(OVERDUE + "overdue"))
def milestone_overdue(record: Record, today: date, workplan: WorkplanRecord) -> None:
    assert record.milestone(workplan, today)["overdue"] is True


@then(phrase(OVERDUE + "not overdue"))
def milestone_not_overdue(
    record: Record, today: date, workplan: WorkplanRecord
) -> None:
    assert record.milestone(workplan, today)["overdue"] is False
