"""A session moved to another venue keeps its zone and hours unless the
change gives others (`change-venue --timezone --hours`); striking the change
gives them back."""

from __future__ import annotations

from typing import Any

import pytest

from tests.reliability.helpers import invoke, json_answer, one_line_error, store_state

EACH_DAY = "10:00-13:00,10:00-18:00,10:00-12:00"


@pytest.fixture
def sixth(sqlite_store: str) -> str:
    for args in (
        ["establish-body", "egm", "--name=Expert group", "--timezone=Europe/Vienna",
         "--on=2010-12-21"],
        ["schedule-session", "egm", "6", "--title=Sixth meeting",
         "--start=2020-04-06", "--end=2020-04-08", "--venue=Vienna",
         "--hours=10:00-13:00", "--on=2019-12-02"],
    ):  # fmt: skip
        ran = invoke(*args, store=sqlite_store)
        assert ran.code == 0, ran.err
    return sqlite_store


def entry(store: str) -> dict[str, Any]:
    (found,) = json_answer("calendar", store=store)["sessions"]
    return dict(found)


def test_a_session_moved_to_new_york_meets_in_its_zone_at_its_hours(
    sixth: str,
) -> None:
    ran = invoke("change-venue", "egm", "6", "--venue=New York",
                 "--timezone=America/New_York", f"--hours={EACH_DAY}",
                 "--on=2020-02-01", store=sixth)  # fmt: skip
    assert ran.code == 0, ran.err
    moved = entry(sixth)
    assert (moved["venue"], moved["timezone"], moved["hours"]) == (
        "New York",
        "America/New_York",
        EACH_DAY,
    )


def test_a_change_of_format_alone_keeps_the_zone_and_hours(sixth: str) -> None:
    ran = invoke("change-venue", "egm", "6", "--format=hybrid", "--on=2020-02-01",
                 store=sixth)  # fmt: skip
    assert ran.code == 0, ran.err
    assert (entry(sixth)["timezone"], entry(sixth)["hours"]) == (
        "Europe/Vienna",
        "10:00-13:00",
    )


def test_striking_a_move_gives_back_the_zone_and_hours(sixth: str) -> None:
    ran = invoke("change-venue", "egm", "6", "--venue=New York",
                 "--timezone=America/New_York", "--hours=09:00-17:00",
                 "--on=2020-02-01", store=sixth)  # fmt: skip
    assert ran.code == 0, ran.err
    ran = invoke("strike-entry", "egm", "6", "--version=2", "--reason=Typed in error",
                 "--on=2020-02-02", store=sixth)  # fmt: skip
    assert ran.code == 0, ran.err
    back = entry(sixth)
    assert (back["venue"], back["timezone"], back["hours"]) == (
        "Vienna",
        "Europe/Vienna",
        "10:00-13:00",
    )


@pytest.mark.parametrize(
    ("options", "code", "said"),
    [
        (["--timezone=Europe/Vienna", "--hours=10:00-13:00"], 1, "nothing to change"),
        (["--hours=10:00-13:00,10:00-12:00"], 1, "give one day's hours for every day"),
        (["--timezone=New York"], 2, "is not an IANA time zone name"),
        (["--hours=13:00-10:00"], 2, "end before they start"),
        ([], 2, "give a new venue, a new format, a new zone or new hours"),
    ],
)
def test_a_move_that_cannot_be_is_refused_and_nothing_written(
    sixth: str, options: list[str], code: int, said: str
) -> None:
    before = store_state(sixth)
    ran = invoke("change-venue", "egm", "6", *options, "--on=2020-02-01", store=sixth)
    assert ran.code == code, ran.err
    assert said in one_line_error(ran.err)
    assert store_state(sixth) == before
