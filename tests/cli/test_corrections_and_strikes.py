"""Corrections and strikes as an officer makes them on the command line: what
they record, what the calendar then shows, and malformed options refused."""

from __future__ import annotations

import json

from tests.cli.conftest import Run
from tests.cli.running import event_count, one_line_error
from tests.cli.test_commands import BODY, recorded  # noqa: F401

POSTPONE = [
    "postpone-session",
    BODY,
    "6",
    "--reason",
    "Impact of the COVID-19 pandemic",
    "--start",
    "2020-07-27",
    "--end",
    "2020-07-29",
    "--on",
    "2020-03-13",
]
CORRECT = [
    "correct-session",
    BODY,
    "6",
    "--title",
    "Sixth meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime",
    "--reason",
    "Shortened when recorded",
    "--on",
    "2020-04-01",
]


def calendar(run: Run, store: str, *options: str) -> dict[str, object]:
    ran = run("calendar", "--json", *options, store=store)
    assert ran.code == 0, ran.err
    [session] = json.loads(ran.out)["sessions"]
    assert isinstance(session, dict)
    return session


def test_a_corrected_title_reads_so_as_of_any_date_but_not_as_known_before(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    assert run(*POSTPONE, store=recorded).code == 0
    before = run("history", BODY, "6", "--json", store=recorded)
    moment = json.loads(before.out)["events"][-1]["recorded_at"]

    ran = run(*CORRECT, store=recorded)

    assert ran.code == 0, ran.err
    title = CORRECT[4]
    assert calendar(run, recorded, "--as-of", "2020-03-01")["title"] == title
    assert calendar(run, recorded)["title"] == title
    known = calendar(run, recorded, "--as-of", "2020-03-01", "--known-at", moment)
    assert known["title"] == "Sixth meeting of the Expert Group on Cybercrime"
    assert known["start"] == "2020-04-06"
    assert calendar(run, recorded)["postponements"] == 1
    ics = run("calendar", "--ics", store=recorded).out
    assert "SEQUENCE:1" in ics


def test_a_correction_without_title_or_venue_is_bad_usage_and_writes_nothing(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    count = event_count(recorded)

    ran = run(
        "correct-session", BODY, "6", "--reason", "r", "--on", "2020-04-01",
        store=recorded,
    )  # fmt: skip

    assert one_line_error(ran, 2) == "give the corrected title, venue, or both"
    assert event_count(recorded) == count


STATEMENT = [
    "record-statement", BODY, "6", "--delegation", "Iraq", "--on", "2020-04-06",
]  # fmt: skip


def opened_with_a_statement(run: Run, store: str) -> None:
    for args in (
        ["open-session", BODY, "6", "--on", "2020-04-06"],
        STATEMENT,
    ):
        ran = run(*args, store=store)
        assert ran.code == 0, ran.err


def test_a_struck_statement_stays_in_the_history_marked_struck(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    opened_with_a_statement(run, recorded)

    ran = run(
        "strike-entry", BODY, "6", "--version", "3", "--reason", "Typed in error",
        "--on", "2020-04-07", store=recorded,
    )  # fmt: skip

    assert ran.code == 0, ran.err
    history = json.loads(run("history", BODY, "6", "--json", store=recorded).out)
    statement = history["events"][2]
    assert statement["event"] == "StatementRecorded"
    assert statement["struck"]["reason"] == "Typed in error"
    assert statement["struck"]["on"] == "2020-04-07"
    assert statement["struck"]["version"] == 4
    assert history["events"][3]["entry_version"] == 3
    again = run(
        "strike-entry", BODY, "6", "--version", "3", "--reason", "Typed in error",
        "--on", "2020-04-07", store=recorded,
    )  # fmt: skip
    assert "is struck already" in one_line_error(again, 1)


def test_an_opening_is_struck_only_once_the_statements_after_it_are(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    opened_with_a_statement(run, recorded)
    count = event_count(recorded)
    strike = ("strike-entry", BODY, "6", "--reason", "Recorded in error",
              "--on", "2020-04-07")  # fmt: skip

    refused = run(*strike, "--version", "2", store=recorded)

    assert one_line_error(refused, 1) == (
        "the opening at version 2 of the 6th session of cybercrime-egm has "
        "statements recorded after it (the first at version 3); strike them first"
    )
    assert event_count(recorded) == count
    assert run(*strike, "--version", "3", store=recorded).code == 0
    assert run(*strike, "--version", "2", store=recorded).code == 0
    assert calendar(run, recorded)["status"] == "scheduled"


def test_a_malformed_strike_is_bad_usage_and_writes_nothing(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    count = event_count(recorded)
    for options in (
        ["6", "--version", "zero"],
        ["6", "--version", "0"],
        ["--version", "1"],  # neither a session nor a workplan
        ["6", "--period", "2018-2021", "--version", "1"],  # both
        ["--period", "2021-2018", "--version", "1"],
    ):
        ran = run(
            "strike-entry", BODY, *options, "--reason", "r", "--on", "2020-04-07",
            store=recorded,
        )  # fmt: skip
        one_line_error(ran, 2)
    assert event_count(recorded) == count
