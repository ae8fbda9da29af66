"""The command line as an officer uses it: help, exit codes, one-line errors,
nothing written on rejection, and concurrent officers on the same session."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from application.commands import COMMANDS
from tests.cli.conftest import Run
from tests.cli.running import (
    EXECUTABLE,
    Ran,
    environment,
    event_count,
    listed_commands,
    one_line_error,
)
from tests.cli.running import run as run_secretariat

BODY = "cybercrime-egm"
SIXTH = [
    "schedule-session",
    BODY,
    "6",
    "--title",
    "Sixth meeting of the Expert Group on Cybercrime",
    "--start",
    "2020-04-06",
    "--end",
    "2020-04-08",
    "--venue",
    "Vienna, Austria",
    "--on",
    "2019-12-02",
]


def record_sixth(store: str) -> None:
    for args in (
        [
            "establish-body",
            BODY,
            "--name",
            "Expert Group on Cybercrime",
            "--on",
            "2010-12-21",
        ],
        SIXTH,
    ):
        result = run_secretariat(*args, store=store)
        assert result.code == 0, result.err


@pytest.fixture
def recorded(sqlite_store: str) -> str:
    record_sixth(sqlite_store)
    return sqlite_store


def test_help_lists_every_command(run: Run) -> None:
    result = run("--help")
    assert result.code == 0
    assert set(COMMANDS) | {"history"} <= set(listed_commands(result.out))


@pytest.mark.parametrize("verb", sorted(COMMANDS))
def test_every_recording_command_explains_itself_and_takes_on_and_actor(
    run: Run, verb: str
) -> None:
    result = run(verb, "--help")
    assert result.code == 0
    assert "--on DATE" in result.out
    assert "--actor" in result.out
    assert "--store URL" in result.out
    description = result.out.split("\n\n")[1].strip()
    assert len(description) > 20, description


def test_a_postponement_is_recorded_and_shown_in_the_history(
    run: Run, recorded: str
) -> None:
    result = run(
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
        store=recorded,
    )
    assert result.code == 0, result.err
    assert result.out == (
        "Postponed the 6th session of cybercrime-egm to 27–29 July 2020 (version 2).\n"
    )

    table = run("history", BODY, "6", store=recorded)
    assert table.code == 0
    assert "27–29 July 2020" in table.out
    assert "Impact of the COVID-19 pandemic" in table.out

    history = json.loads(run("history", BODY, "6", "--json", store=recorded).out)
    assert history["body"] == BODY
    assert history["number"] == 6
    assert [e["event"] for e in history["events"]] == ["Scheduled", "Postponed"]
    postponed = history["events"][1]
    assert postponed["actor"] == "officer"
    assert postponed["on"] == "2020-03-13"
    assert postponed["new"] == {"start": "2020-07-27", "end": "2020-07-29"}


def test_the_store_may_be_given_after_the_command(run: Run, recorded: str) -> None:
    result = run("history", BODY, "6", "--json", "--store", recorded)
    assert result.code == 0
    assert json.loads(result.out)["number"] == 6


def test_a_closed_session_cannot_be_postponed_exit_1_and_nothing_written(
    run: Run, recorded: str
) -> None:
    for verb, day in (("open-session", "2020-04-06"), ("close-session", "2020-04-08")):
        assert run(verb, BODY, "6", "--on", day, store=recorded).code == 0
    before = event_count(recorded)
    result = run(
        "postpone-session",
        BODY,
        "6",
        "--reason",
        "x",
        "--on",
        "2020-04-09",
        store=recorded,
    )
    message = one_line_error(result, 1)
    assert (
        message == "the 6th session of cybercrime-egm is closed and cannot be postponed"
    )
    assert event_count(recorded) == before


def test_scheduling_a_session_number_again_is_a_rule_violation(
    run: Run, recorded: str
) -> None:
    message = one_line_error(run(*SIXTH, store=recorded), 1)
    assert "already scheduled" in message


def test_a_missing_session_is_named(run: Run, recorded: str) -> None:
    message = one_line_error(run("open-session", BODY, "7", store=recorded), 1)
    assert message == "there is no 7th session of cybercrime-egm"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["open-session", BODY, "6", "--on", "2020-02-30"], "2020-02-30 is not a date"),
        (["open-session", BODY, "6", "--on", "6 April 2020"], "YYYY-MM-DD"),
        (["open-session", BODY, "six"], "not a whole number"),
        (["open-session", BODY, "0"], "from 1 to"),
        (["open-session", BODY, "6", "--colour", "red"], "No such option"),
        (["postpone-session", BODY, "6"], "Missing option '--reason'"),
        (
            ["postpone-session", BODY, "6", "--reason", "x", "--start", "2020-07-27"],
            "both --start and --end",
        ),
        (
            [*SIXTH[:5], "--start", "2020-04-08", "--end", "2020-04-06", *SIXTH[9:]],
            "the end date 2020-04-06 is before the start date 2020-04-08",
        ),
        (
            ["record-statement", BODY, "6", "--delegation", "a\tb\x01"],
            "control character",
        ),
        (["record-statement", BODY, "6", "--delegation", "x" * 1001], "limit is 1,000"),
        (["change-venue", BODY, "6"], "new venue, a new format"),
        (
            ["issue-document", BODY, "6", "--kind", "memo", "--title", "x"],
            "'memo' is not one of",
        ),
        (["history", BODY, "6", "--store", "mysql://x"], "neither sqlite"),
        (["frobnicate"], "No such command"),
    ],
)
def test_bad_usage_exits_2_with_one_line_and_writes_nothing(
    run: Run, recorded: str, args: list[str], says: str
) -> None:
    before = event_count(recorded)
    message = one_line_error(run(*args, store=recorded), 2)
    assert says in message
    assert event_count(recorded) == before


def test_reading_a_store_that_does_not_exist_exits_4(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "mistyped.db"
    message = one_line_error(run("history", BODY, "6", store=f"sqlite:///{missing}"), 4)
    assert message == f"no store at {missing}"
    assert not missing.exists()


def test_a_store_is_created_in_an_existing_folder_only(
    run: Run, tmp_path: Path
) -> None:
    nowhere = tmp_path / "no" / "such" / "folder" / "record.db"
    result = run(*SIXTH, store=f"sqlite:///{nowhere}")
    assert "the folder" in one_line_error(result, 4)
    assert not nowhere.parent.exists()


def test_an_unreachable_postgresql_server_exits_4(run: Run, recorded: str) -> None:
    result = run("history", BODY, "6", store="postgresql://nobody@127.0.0.1:9/none")
    message = one_line_error(result, 4)
    assert "127.0.0.1:9" in message


def test_a_file_that_is_not_a_store_exits_4(run: Run, tmp_path: Path) -> None:
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("Minutes of the meeting\n" * 100)
    result = run("history", BODY, "6", store=f"sqlite:///{not_a_store}")
    one_line_error(result, 4)
    assert not_a_store.read_text() == "Minutes of the meeting\n" * 100


PAUSED = Path(__file__).with_name("paused.py")


def test_a_postponement_meeting_a_concurrent_one_exits_3_and_writes_nothing(
    store: str, tmp_path: Path
) -> None:
    record_sixth(store)
    signals = tmp_path / "signals"
    signals.mkdir()
    slow = subprocess.Popen(
        [
            sys.executable,
            str(PAUSED),
            str(signals),
            "postpone-session",
            BODY,
            "6",
            "--reason",
            "Second officer",
            "--start",
            "2020-09-01",
            "--end",
            "2020-09-03",
            "--on",
            "2020-03-13",
        ],
        env=environment(store=store, SECRETARIAT_ACTOR="second officer"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not (signals / "loaded").exists():
            assert slow.poll() is None, slow.communicate()
            assert time.monotonic() < deadline, "the slow officer never loaded"
            time.sleep(0.02)
        fast = run_secretariat(
            "postpone-session",
            BODY,
            "6",
            "--reason",
            "First officer",
            "--start",
            "2020-07-27",
            "--end",
            "2020-07-29",
            "--on",
            "2020-03-13",
            store=store,
        )
        assert fast.code == 0, fast.err
        (signals / "go").touch()
        stdout, stderr = slow.communicate(timeout=60)
    finally:
        slow.kill()
    result = Ran(slow.returncode, stdout, stderr)
    message = one_line_error(result, 3)
    assert "changed by someone else" in message
    history = json.loads(
        run_secretariat("history", BODY, "6", "--json", store=store).out
    )
    assert [(e["event"], e["reason"]) for e in history["events"][1:]] == [
        ("Postponed", "First officer")
    ]
    assert event_count(store) == 3


def test_the_console_script_is_installed() -> None:
    assert EXECUTABLE.exists()
