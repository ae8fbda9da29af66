"""A session with meeting hours is a timed entry of the calendar file, in its
venue's zone (`TZID`, with the zone's `VTIMEZONE`); one without stays all-day.
The file is read back by a second parser (vobject), which must find the same
instants: a session in Vienna at 10:00 is at 15:00 in Bangkok."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import vobject

from tests.cli.running import run
from tests.integration.test_messages import calendar_part, messages, received
from tests.integration.test_outbox import AUSTRIA
from tests.integration.test_outbox import run as record
from tests.reliability.helpers import invoke

BANGKOK = ZoneInfo("Asia/Bangkok")
SESSION = ["--start=2020-07-27", "--end=2020-07-29", "--venue=Vienna, Austria",
           "--on=2019-12-02"]  # fmt: skip


@pytest.fixture
def vienna(sqlite_store: str) -> str:
    ran = invoke(
        "establish-body", "egm", "--name=Expert group", "--timezone=Europe/Vienna",
        "--on=2010-12-21", store=sqlite_store,
    )  # fmt: skip
    assert ran.code == 0, ran.err
    return sqlite_store


def schedule(store: str, number: int, *options: str) -> None:
    ran = invoke("schedule-session", "egm", str(number), f"--title=Meeting {number}",
                 *SESSION, *options, store=store)  # fmt: skip
    assert ran.code == 0, ran.err


def ics(store: str) -> str:
    ran = run("calendar", "--ics", store=store)  # its bytes, in a process
    assert ran.code == 0, ran.err
    return ran.out


def vevents(text: str) -> dict[str, Any]:
    calendar = vobject.readOne(text)
    return {str(event.summary.value): event for event in calendar.vevent_list}


def test_a_session_in_vienna_from_10_to_13_is_at_15_in_bangkok(vienna: str) -> None:
    schedule(vienna, 6, "--hours=10:00-13:00")
    text = ics(vienna)
    assert "DTSTART;TZID=Europe/Vienna:20200727T100000" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Vienna\r\n" in text

    event = vevents(text)["Meeting 6 (egm)"]
    start, end = event.dtstart.value, event.dtend.value
    assert start.astimezone(UTC) == datetime(2020, 7, 27, 8, 0, tzinfo=UTC)
    assert start.astimezone(BANGKOK).strftime("%H:%M") == "15:00"
    assert end.astimezone(BANGKOK).strftime("%H:%M") == "18:00"
    meetings = list(event.getrruleset())
    assert [m.astimezone(BANGKOK).isoformat() for m in meetings] == [
        "2020-07-27T15:00:00+07:00",
        "2020-07-28T15:00:00+07:00",
        "2020-07-29T15:00:00+07:00",
    ]


def test_a_day_that_meets_twice_runs_from_its_first_hour_to_its_last(
    vienna: str,
) -> None:
    schedule(vienna, 6, "--hours=10:00-13:00+15:00-18:00")
    event = vevents(ics(vienna))["Meeting 6 (egm)"]
    assert event.dtstart.value.astimezone(UTC).hour == 8
    assert event.dtend.value.astimezone(UTC).hour == 16


def test_hours_day_by_day_are_a_period_for_each_later_day(vienna: str) -> None:
    schedule(vienna, 6, "--timezone=America/New_York",
             "--hours=10:00-13:00,10:00-18:00,09:00-12:00")  # fmt: skip
    text = ics(vienna)
    assert "RDATE;TZID=America/New_York;VALUE=PERIOD:" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n" in text
    event = vevents(text)["Meeting 6 (egm)"]
    assert event.dtstart.value.astimezone(UTC) == datetime(
        2020, 7, 27, 14, 0, tzinfo=UTC
    )
    periods = [
        (start.astimezone(UTC).isoformat(), end.astimezone(UTC).isoformat())
        for start, end in event.rdate.value
    ]
    assert periods == [
        ("2020-07-28T14:00:00+00:00", "2020-07-28T22:00:00+00:00"),
        ("2020-07-29T13:00:00+00:00", "2020-07-29T16:00:00+00:00"),
    ]


def test_the_offset_of_a_timed_entry_follows_daylight_saving_time(
    vienna: str,
) -> None:
    ran = invoke("schedule-session", "egm", "6", "--title=Winter meeting",
                 "--start=2020-10-24", "--end=2020-10-26", "--venue=Vienna",
                 "--hours=10:00-13:00", "--on=2019-12-02", store=vienna)  # fmt: skip
    assert ran.code == 0, ran.err
    event = vevents(ics(vienna))["Winter meeting (egm)"]
    # Summer time ends on 25 October 2020: 10:00 in Vienna is 08:00 UTC on the
    # 24th, and 09:00 UTC on the 25th and 26th.
    assert [m.astimezone(UTC).hour for m in event.getrruleset()] == [8, 9, 9]


def test_a_session_without_hours_stays_all_day_and_no_zone_is_added(
    vienna: str,
) -> None:
    schedule(vienna, 6)
    text = ics(vienna)
    assert "DTSTART;VALUE=DATE:20200727\r\n" in text
    assert "DTEND;VALUE=DATE:20200730\r\n" in text
    assert "VTIMEZONE" not in text
    assert "TZID" not in text


def test_hours_that_no_longer_fit_leave_an_all_day_entry(vienna: str) -> None:
    schedule(vienna, 6, "--hours=10:00-13:00,10:00-18:00,09:00-12:00")
    ran = invoke("reschedule-session", "egm", "6", "--start=2020-07-27",
                 "--end=2020-07-28", "--on=2020-03-01", store=vienna)  # fmt: skip
    assert ran.code == 0, ran.err
    text = ics(vienna)
    assert "DTSTART;VALUE=DATE:20200727\r\n" in text
    assert "VTIMEZONE" not in text


def test_a_session_in_utc_with_hours_is_timed_in_utc(sqlite_store: str) -> None:
    ran = invoke("establish-body", "egm", "--name=Expert group", "--on=2010-12-21",
                 store=sqlite_store)  # fmt: skip
    assert ran.code == 0, ran.err
    schedule(sqlite_store, 6, "--hours=10:00-13:00")
    text = ics(sqlite_store)
    assert "DTSTART:20200727T100000Z\r\n" in text
    event = vevents(text)["Meeting 6 (egm)"]
    assert event.dtstart.value.astimezone(BANGKOK).strftime("%H:%M") == "17:00"


def test_the_invitation_of_a_timed_session_carries_its_zone(
    sqlite_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECRETARIAT_NOTIFY_DELAY", "600")
    record(sqlite_store, "establish-body", "egm", "--name=Expert group",
           "--timezone=Europe/Vienna", "--on=2019-01-01")  # fmt: skip
    record(sqlite_store, "subscribe", "egm", f"--email={AUSTRIA}",
           "--name=Maria Huber", "--on=2019-01-02")  # fmt: skip
    record(sqlite_store, "schedule-session", "egm", "6", "--title=Sixth session",
           "--start=2020-04-06", "--end=2020-04-08", "--venue=Vienna",
           "--hours=10:00-13:00", "--on=2019-12-02")  # fmt: skip
    record(sqlite_store, "postpone-session", "egm", "6", "--reason=COVID-19",
           "--start=2020-07-27", "--end=2020-07-29", "--on=2020-03-13")  # fmt: skip

    part = calendar_part(received(messages(sqlite_store)[AUSTRIA]))
    text = part.get_content()
    assert "DTSTART;TZID=Europe/Vienna:20200727T100000" in text
    event = vobject.readOne(text).vevent
    assert event.dtstart.value.astimezone(BANGKOK).strftime("%H:%M") == "15:00"
