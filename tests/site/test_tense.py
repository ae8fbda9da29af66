"""The pages speak in the tense of the day they are built for (`site build
--today`): what the record holds of a session and a deadline, said before,
during and after their days."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

import pytest

from tests.site.conftest import Build
from tests.site.html import check_page, following, items, text_of

SESSION = (
    "- {command: establish-body, code: egm, name: Expert group, on: 2018-01-01}\n"
    "- {command: schedule-session, body: egm, number: 1, title: First session, "
    "start: 2020-04-06, end: 2020-04-08, venue: Vienna, on: 2019-12-02}\n"
)
OPENED = "- {command: open-session, body: egm, number: 1, on: 2020-04-06}\n"
CLOSED = "- {command: close-session, body: egm, number: 1, on: 2020-04-08}\n"
CALL = (
    "- {command: adopt-workplan, body: egm, period: 2018-2021, at-session: 1, "
    "topics: {2020: [Prevention]}, on: 2018-04-05}\n"
    "- {command: request-comments, body: egm, period: 2018-2021, cycle: 2020, "
    "deadline: 2020-03-12, on: 2020-01-10}\n"
)
FIRST = "egm/session-1.html"
WORKPLAN = "egm/workplan-2018-2021.html"

WILL = "The first session will take place from 6–8 April 2020 in Vienna."
IS_TO = (
    "The first session is to take place from 6–8 April 2020 in Vienna; "
    "no opening is recorded yet."
)
LAPSED = (
    "The first session was to take place from 6–8 April 2020 in Vienna; "
    "no opening is recorded."
)
IS_TAKING = "The first session is taking place from 6–8 April 2020 in Vienna."
TOOK = "The first session took place from 6–8 April 2020 in Vienna."


@pytest.mark.parametrize(
    ("record", "today", "said"),
    [
        (SESSION, "2020-04-05", WILL),
        (SESSION, "2020-04-07", IS_TO),
        (SESSION, "2020-04-09", LAPSED),
        (SESSION + OPENED, "2020-04-07", IS_TAKING),
        (SESSION + OPENED, "2020-04-09", TOOK),
        (SESSION + OPENED + CLOSED, "2020-04-07", IS_TAKING),
        (SESSION + OPENED + CLOSED, "2020-04-08", TOOK),
        (SESSION + OPENED + CLOSED, "2021-01-15", TOOK),
        # Built for a day before its dates, the page speaks of them to come.
        (SESSION + OPENED + CLOSED, "2020-04-05", WILL),
    ],
    ids=[
        "before its days",
        "on its days, not opened",
        "after its days, never opened",
        "opened, on its days",
        "opened, after its days",
        "closed, built for a day of its dates before the last",
        "closed, on its last day",
        "closed, long after",
        "closed, built for a day before",
    ],
)
def test_a_session_page_speaks_of_its_dates_in_the_tense_of_the_day_built_for(
    site_of: Build, record: str, today: str, said: str
) -> None:
    site = site_of(record, "--today", today)

    assert text_of(following(page_of(site, FIRST), "Dates and venue")) == said


@pytest.mark.parametrize(
    ("today", "said"),
    [
        ("2020-03-01", "Comments are due by Thursday, 12 March 2020."),
        ("2020-03-12", "Comments are due by Thursday, 12 March 2020."),
        ("2020-03-13", "Comments were due by Thursday, 12 March 2020."),
    ],
    ids=["before the deadline", "on its day", "the day after"],
)
def test_a_deadline_is_due_until_its_day_passes_and_was_due_after(
    site_of: Build, today: str, said: str
) -> None:
    site = site_of(SESSION + CALL, "--today", today)

    session = text_of(following(page_of(site, FIRST), "Written comments"))
    workplan = text_of(page_of(site, WORKPLAN))
    assert session.endswith(said)
    assert said in workplan
    assert workplan.count("due by") == 1  # in one tense only


def page_of(site: Path, path: str) -> Element:
    return check_page((site / path).read_text(encoding="utf-8"))


def test_an_earlier_session_whose_dates_passed_without_an_opening_is_said_lapsed(
    site_of: Build,
) -> None:
    second = (
        "- {command: schedule-session, body: egm, number: 2, title: Second session, "
        "start: 2021-04-06, end: 2021-04-08, venue: Vienna, on: 2020-11-02}\n"
    )
    site = site_of(SESSION + second, "--today", "2021-01-15")

    assert items(
        following(page_of(site, "egm/session-2.html"), "Earlier sessions")
    ) == ["First session: 6–8 April 2020, Vienna; lapsed: no opening is recorded"]
