"""A deadline ends at the end of its day in the body's zone; a comment
received at a moment (`receive-submission --on` with its UTC offset) is judged
as that instant, either side of the deadline, across a change of daylight
saving time; JSON gives the moment in UTC (`received_at`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from adapters.store import parse_store_url
from application.queries import classify
from tests.reliability.helpers import invoke, json_answer, one_line_error, store_state
from tests.reliability.test_schema_evolution import transplanted

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-0.1.0"
PLAN = "--period=2018-2021"
EACH_DAY = "10:00-13:00,10:00-18:00,10:00-12:00"


@pytest.mark.parametrize(
    ("moment", "judged"),
    [
        # Winter: Vienna is UTC+01:00; the deadline ends at 23:00 UTC.
        ("2020-03-12T23:59:59+01:00", "on-time"),
        ("2020-03-13T00:00:00+01:00", "late"),
        ("2020-03-12T22:59:59+00:00", "on-time"),
        ("2020-03-12T23:00:00+00:00", "late"),
        ("2020-03-12T17:59-05:00", "on-time"),
        ("2020-03-12T18:00-05:00", "late"),
        ("2020-03-12T23:30-05:00", "late"),
        ("2020-03-13T05:59+07:00", "on-time"),
        ("2020-03-13T06:00+07:00", "late"),
    ],
)
def test_a_moment_is_judged_against_the_end_of_the_deadline_day_in_vienna(
    moment: str, judged: str
) -> None:
    received_at = datetime.fromisoformat(moment).astimezone(UTC).isoformat()
    received_on = moment[:10]
    assert (
        classify(received_on, "2020-03-12", "2020-03-12", received_at, "Europe/Vienna")
        == judged
    )


@pytest.mark.parametrize(
    ("deadline", "moment", "judged"),
    [
        # Summer time began in Vienna at 02:00 on 29 March 2020: the deadline
        # day ended at 22:00 UTC, an hour earlier than the day before.
        ("2020-03-28", "2020-03-28T22:59:59Z", "on-time"),
        ("2020-03-28", "2020-03-28T23:00:00Z", "late"),
        ("2020-03-29", "2020-03-29T21:59:59Z", "on-time"),
        ("2020-03-29", "2020-03-29T22:00:00Z", "late"),
        # Read on a clock still at winter time, 23:30 on the 29th was already
        # the 30th in Vienna.
        ("2020-03-29", "2020-03-29T23:30+01:00", "late"),
        # Summer time ended at 03:00 on 25 October 2020: that day ended at
        # 23:00 UTC, an hour later than the day before.
        ("2020-10-24", "2020-10-24T21:59:59Z", "on-time"),
        ("2020-10-24", "2020-10-24T22:00:00Z", "late"),
        ("2020-10-25", "2020-10-25T22:59:59Z", "on-time"),
        ("2020-10-25", "2020-10-25T23:00:00Z", "late"),
    ],
)
def test_the_end_of_the_deadline_day_follows_daylight_saving_time(
    deadline: str, moment: str, judged: str
) -> None:
    received_at = datetime.fromisoformat(moment).astimezone(UTC).isoformat()
    assert classify(moment[:10], deadline, deadline, received_at, "Europe/Vienna") == (
        judged
    )


def test_a_moment_is_judged_against_the_extension_too() -> None:
    moment = datetime(2020, 6, 1, 22, 30, tzinfo=UTC).isoformat()
    args = ("2020-06-01", "2020-03-12", "2020-06-01", moment)
    assert classify(*args, "Europe/Vienna") == "late"
    assert classify(*args, "America/New_York") == "within-extension"
    assert classify(*args, None) == "within-extension"


def test_a_date_alone_is_judged_by_that_date_whatever_the_zone() -> None:
    assert classify("2020-03-12", "2020-03-12", "2020-03-12", None, "Asia/Tokyo") == (
        "on-time"
    )
    assert classify("2020-03-13", "2020-03-12", "2020-03-12", None, "Asia/Tokyo") == (
        "late"
    )


# On the command line, and through an export.


@pytest.fixture
def vienna(sqlite_store: str) -> str:
    for args in (
        ["establish-body", "egm", "--name=Expert group", "--timezone=Europe/Vienna",
         "--on=2010-12-21"],
        ["adopt-workplan", "egm", PLAN, "--at-session=4", "--topic=2020=Prevention",
         "--on=2018-04-05"],
        ["request-comments", "egm", PLAN, "--cycle=2020", "--deadline=2020-03-12",
         "--on=2019-12-02"],
    ):  # fmt: skip
        ran = invoke(*args, store=sqlite_store)
        assert ran.code == 0, ran.err
    return sqlite_store


def receive(store: str, submitter: str, on: str) -> Any:
    return invoke("receive-submission", "egm", PLAN, "--cycle=2020",
                  f"--from={submitter}", "--as=member-state", f"--on={on}",
                  store=store)  # fmt: skip


def submissions(store: str) -> dict[str, dict[str, Any]]:
    (call,) = json_answer("deadlines", store=store)["calls"]
    return {s["from"]: s for s in call["submissions"]}


def test_submissions_either_side_of_the_vienna_deadline(vienna: str) -> None:
    for submitter, on in (
        ("United States of America", "2020-03-12T23:30-05:00"),
        ("Austria", "2020-03-12T23:30+01:00"),
        ("Chile", "2020-03-12"),
    ):
        ran = receive(vienna, submitter, on)
        assert ran.code == 0, ran.err
    found = submissions(vienna)
    assert {name: s["status"] for name, s in found.items()} == {
        "United States of America": "late",
        "Austria": "on-time",
        "Chile": "on-time",
    }
    assert {name: s["received_at"] for name, s in found.items()} == {
        "United States of America": "2020-03-13T04:30:00.000000+00:00",
        "Austria": "2020-03-12T22:30:00.000000+00:00",
        "Chile": None,
    }
    # Its date is the date where the moment was read.
    assert found["United States of America"]["received_on"] == "2020-03-12"
    history = json_answer("history", "egm", PLAN, store=vienna)["events"]
    assert [
        e["received_at"] for e in history if e["event"] == "SubmissionReceived"
    ] == [
        "2020-03-12T23:30:00-05:00",
        "2020-03-12T23:30:00+01:00",
        None,
    ]


@pytest.mark.parametrize(
    ("on", "code", "said"),
    [
        ("2020-03-12T23:30", 2, "has no UTC offset"),
        ("2020-03-12 23:30+01:00", 2, "is neither a date"),
        ("2020-03-12T25:30+01:00", 2, "is neither a date"),
        ("1900-03-12T10:00+01:00", 2, "is outside the years"),
        ("yesterday", 2, "is neither a date"),
    ],
)
def test_a_moment_that_cannot_be_read_is_refused_with_exit_2(
    vienna: str, on: str, code: int, said: str
) -> None:
    before = store_state(vienna)
    ran = receive(vienna, "Chile", on)
    assert ran.code == code, ran.err
    assert said in one_line_error(ran.err)
    assert store_state(vienna) == before


def test_a_moment_later_than_now_is_refused_with_exit_1(vienna: str) -> None:
    later = (datetime.now(UTC) + timedelta(minutes=30)).isoformat(timespec="minutes")
    before = store_state(vienna)
    ran = receive(vienna, "Chile", later)
    assert ran.code == 1, ran.err
    assert one_line_error(ran.err).startswith("this was received at ")
    assert store_state(vienna) == before


def test_an_export_reproduces_the_zone_and_the_moments(
    vienna: str, tmp_path: Path
) -> None:
    ran = invoke("schedule-session", "egm", "6", "--title=Sixth meeting",
                 "--start=2020-04-06", "--end=2020-04-08", "--venue=Vienna",
                 "--timezone=Europe/Vienna", f"--hours={EACH_DAY}",
                 "--on=2019-12-02", store=vienna)  # fmt: skip
    assert ran.code == 0, ran.err
    assert (
        receive(vienna, "United States of America", "2020-03-12T23:30-05:00").code == 0
    )
    assert receive(vienna, "Chile", "2020-03-12").code == 0
    exported = tmp_path / "record.yaml"
    ran = invoke("export", f"--out={exported}", store=vienna)
    assert ran.code == 0, ran.err
    copy = f"sqlite:///{tmp_path / 'copy.db'}"
    ran = invoke("import", str(exported), store=copy)
    assert ran.code == 0, ran.err

    assert submissions(copy) == {
        name: {**s, "recorded_at": submissions(copy)[name]["recorded_at"]}
        for name, s in submissions(vienna).items()
    }
    zones = {
        b["code"]: b["timezone"] for b in json_answer("bodies", store=copy)["bodies"]
    }
    assert zones == {"egm": "Europe/Vienna"}
    (session,) = json_answer("calendar", store=copy)["sessions"]
    assert (session["timezone"], session["hours"]) == (
        "Europe/Vienna",
        EACH_DAY,
    )


def test_submissions_received_before_moments_were_kept_have_none(store: str) -> None:
    path = parse_store_url(store).path
    if path is None:
        old = transplanted(FIXTURE / "store.sqlite", store)
    else:
        Path(path).write_bytes((FIXTURE / "store.sqlite").read_bytes())
        old = store
    calls = json_answer("deadlines", store=old)["calls"]
    received = [s for call in calls for s in call["submissions"]]
    assert received
    assert {s["received_at"] for s in received} == {None}
