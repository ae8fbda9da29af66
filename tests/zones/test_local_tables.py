"""Tables print moments in the local zone (`$TZ`) with their offset; JSON
keeps them in UTC. `--known-at` without an offset is read in the local zone,
and its help says so."""

from __future__ import annotations

import json

import pytest

from tests.cli.running import run
from tests.reliability.helpers import invoke

PLAN = "--period=2018-2021"


@pytest.fixture
def received(sqlite_store: str) -> str:
    for args in (
        ["establish-body", "egm", "--name=Expert group", "--timezone=Europe/Vienna",
         "--on=2010-12-21"],
        ["adopt-workplan", "egm", PLAN, "--at-session=4", "--topic=2020=Prevention",
         "--on=2018-04-05"],
        ["request-comments", "egm", PLAN, "--cycle=2020", "--deadline=2020-03-12",
         "--on=2019-12-02"],
        ["receive-submission", "egm", PLAN, "--cycle=2020", "--from=Mexico",
         "--as=member-state", "--on=2020-03-12T23:30-05:00"],
    ):  # fmt: skip
        ran = invoke(*args, store=sqlite_store)
        assert ran.code == 0, ran.err
    return sqlite_store


@pytest.mark.parametrize(
    ("zone", "shown"),
    [
        ("Asia/Bangkok", "13 March 2020, 11:30 UTC+07:00"),
        ("Europe/Vienna", "13 March 2020, 05:30 UTC+01:00"),
        ("UTC", "13 March 2020, 04:30 UTC"),
    ],
)
def test_the_deadlines_table_shows_the_moment_of_receipt_in_the_local_zone(
    received: str, zone: str, shown: str
) -> None:
    table = run("deadlines", store=received, TZ=zone)
    assert table.code == 0, table.err
    (line,) = [line for line in table.out.splitlines() if "Mexico" in line]
    assert shown in line
    assert "after the deadline" in line
    history = run("history", "egm", PLAN, store=received, TZ=zone)
    assert f"received at: {shown}" in history.out

    answer = json.loads(run("deadlines", "--json", store=received, TZ=zone).out)
    (call,) = answer["calls"]
    assert call["submissions"][0]["received_at"] == "2020-03-13T04:30:00.000000+00:00"


@pytest.mark.parametrize(
    ("zone", "utc"),
    [
        ("Asia/Bangkok", "2020-03-13T03:00:00.000000+00:00"),
        ("America/New_York", "2020-03-13T14:00:00.000000+00:00"),
        # Summer time: Vienna is UTC+02:00 in July.
        ("Europe/Vienna", "2020-07-13T08:00:00.000000+00:00"),
    ],
)
def test_known_at_without_an_offset_is_read_in_the_local_zone(
    received: str, zone: str, utc: str
) -> None:
    written = utc[:11] + "10:00"
    answer = run("calendar", "--json", "--known-at", written, store=received, TZ=zone)
    assert answer.code == 0, answer.err
    assert json.loads(answer.out)["known_at"] == utc
    # With an offset, the zone does not matter.
    given = run("calendar", "--json", "--known-at", f"{written}+00:00",
                store=received, TZ=zone)  # fmt: skip
    assert json.loads(given.out)["known_at"] == utc[:11] + "10:00:00.000000+00:00"


def test_the_help_of_known_at_says_it_is_read_in_the_local_zone() -> None:
    help_text = " ".join(run("calendar", "--help").out.split())
    assert "without a UTC offset, read in this machine's zone ($TZ)" in help_text
