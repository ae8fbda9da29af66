"""A session meets in its venue's zone (by default its body's) at its daily
meeting hours, if known: `schedule-session --timezone ZONE --hours ...`. The
calendar's JSON says both; a postponement or a rescheduling keeps them, hours
given day by day only while the session has as many days."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from adapters.store import parse_store_url
from application.queries import hours_in_force
from domain.errors import InvalidValueError
from domain.values import Hours
from tests.reliability.helpers import invoke, json_answer, one_line_error, store_state
from tests.reliability.test_schema_evolution import transplanted

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-0.1.0"
SESSION = ["--title=Sixth meeting", "--start=2020-04-06", "--end=2020-04-08",
           "--venue=Vienna, Austria", "--on=2019-12-02"]  # fmt: skip


@pytest.fixture
def vienna(sqlite_store: str) -> str:
    ran = invoke(
        "establish-body", "egm", "--name=Expert group", "--timezone=Europe/Vienna",
        "--on=2010-12-21", store=sqlite_store,
    )  # fmt: skip
    assert ran.code == 0, ran.err
    return sqlite_store


def entry(store: str, number: int, *args: str) -> dict[str, Any]:
    calendar = json_answer("calendar", *args, store=store)
    (found,) = [s for s in calendar["sessions"] if s["number"] == number]
    return dict(found)


def schedule(store: str, number: int, *options: str) -> None:
    ran = invoke("schedule-session", "egm", str(number), *SESSION, *options,
                 store=store)  # fmt: skip
    assert ran.code == 0, ran.err


def test_a_session_meets_in_its_bodys_zone_unless_its_venue_has_another(
    vienna: str,
) -> None:
    schedule(vienna, 6)
    schedule(vienna, 7, "--timezone=America/New_York", "--hours=10:00-13:00")
    assert (entry(vienna, 6)["timezone"], entry(vienna, 6)["hours"]) == (
        "Europe/Vienna",
        None,
    )
    assert (entry(vienna, 7)["timezone"], entry(vienna, 7)["hours"]) == (
        "America/New_York",
        "10:00-13:00",
    )


def test_hours_are_given_for_every_day_or_day_by_day(vienna: str) -> None:
    schedule(vienna, 6, "--hours=10:00-13:00+15:00-18:00")
    schedule(vienna, 7, "--hours=10:00-13:00,10:00-18:00,09:30-12:00")
    assert entry(vienna, 6)["hours"] == "10:00-13:00+15:00-18:00"
    assert entry(vienna, 7)["hours"] == "10:00-13:00,10:00-18:00,09:30-12:00"
    history = json_answer("history", "egm", "7", store=vienna)
    scheduled = history["events"][0]
    assert (scheduled["timezone"], scheduled["hours"]) == (
        "Europe/Vienna",
        "10:00-13:00,10:00-18:00,09:30-12:00",
    )


@pytest.mark.parametrize(
    ("hours", "said"),
    [
        ("10-13", "meeting hours are written HH:MM-HH:MM"),
        ("10:00-13:00;15:00-18:00", "meeting hours are written HH:MM-HH:MM"),
        ("10:00-13:00,", "meeting hours are written HH:MM-HH:MM"),
        ("", "meeting hours are written HH:MM-HH:MM"),
        ("24:00-25:00", "a time of day that does not exist"),
        ("13:00-10:00", "end before they start"),
        ("10:00-10:00", "end before they start"),
        ("10:00-13:00+12:30-15:00", "overlap"),
        ("15:00-18:00+10:00-13:00", "overlap"),
        ("10:00-13:00,10:00-13:00", "2 days' hours for a session of 3 days"),
    ],
)
def test_hours_that_cannot_be_are_refused_with_exit_2_and_nothing_written(
    vienna: str, hours: str, said: str
) -> None:
    before = store_state(vienna)
    ran = invoke("schedule-session", "egm", "6", *SESSION, f"--hours={hours}",
                 store=vienna)  # fmt: skip
    assert ran.code == 2, ran.err
    assert said in one_line_error(ran.err)
    assert store_state(vienna) == before


def test_an_unknown_venue_zone_is_refused_with_exit_2(vienna: str) -> None:
    before = store_state(vienna)
    ran = invoke("schedule-session", "egm", "6", *SESSION, "--timezone=Vienna",
                 store=vienna)  # fmt: skip
    assert ran.code == 2
    assert "'Vienna' is not an IANA time zone name" in one_line_error(ran.err)
    assert store_state(vienna) == before


def test_a_postponement_keeps_the_zone_and_the_hours_that_fit_its_new_days(
    vienna: str,
) -> None:
    schedule(vienna, 6, "--hours=10:00-13:00")
    schedule(vienna, 7, "--hours=10:00-13:00,10:00-18:00,09:30-12:00")
    for number, end in ((6, "2020-07-28"), (7, "2020-07-29")):
        ran = invoke("postpone-session", "egm", str(number), "--reason=the pandemic",
                     "--start=2020-07-27", f"--end={end}", "--on=2020-03-13",
                     store=vienna)  # fmt: skip
        assert ran.code == 0, ran.err
    assert entry(vienna, 6)["hours"] == "10:00-13:00"
    assert entry(vienna, 7)["hours"] == "10:00-13:00,10:00-18:00,09:30-12:00"

    ran = invoke("reschedule-session", "egm", "7", "--start=2020-07-27",
                 "--end=2020-07-28", "--on=2020-04-01", store=vienna)  # fmt: skip
    assert ran.code == 0, ran.err
    moved = entry(vienna, 7)
    assert (moved["timezone"], moved["hours"]) == ("Europe/Vienna", None)
    # Known before the rescheduling, it met at its hours.
    before = entry(vienna, 7, "--as-of=2020-03-31")
    assert before["hours"] == "10:00-13:00,10:00-18:00,09:30-12:00"


def test_a_session_scheduled_before_zones_meets_in_utc_at_hours_not_known(
    store: str,
) -> None:
    path = parse_store_url(store).path
    if path is None:
        old = transplanted(FIXTURE / "store.sqlite", store)
    else:
        Path(path).write_bytes((FIXTURE / "store.sqlite").read_bytes())
        old = store
    sessions = json_answer("calendar", store=old)["sessions"]
    assert sessions
    assert {(s["timezone"], s["hours"]) for s in sessions} == {("UTC", None)}


def test_hours_read_back_as_written() -> None:
    for written in ("10:00-13:00", "10:00-13:00+15:00-18:00,09:00-12:00"):
        assert str(Hours.parse(written)) == written
    with pytest.raises(InvalidValueError):
        Hours.parse("1" * 5000)


TWO_DAYS = "10:00-13:00,10:00-12:00"


@pytest.mark.parametrize(
    ("hours", "start", "end", "in_force"),
    [
        (None, "2020-01-01", "2020-01-03", None),
        ("10:00-13:00", "2020-01-01", "2020-01-09", "10:00-13:00"),
        (TWO_DAYS, "2020-01-01", "2020-01-02", TWO_DAYS),
        (TWO_DAYS, "2020-01-01", "2020-01-03", None),
        (TWO_DAYS, None, None, TWO_DAYS),
    ],
)  # fmt: skip
def test_hours_hold_while_they_fit_the_sessions_days(
    hours: str | None, start: str | None, end: str | None, in_force: str | None
) -> None:
    assert hours_in_force(hours, start, end) == in_force
