"""One canonical log line per command, to standard error."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from structlog.contextvars import merge_contextvars
from structlog.testing import capture_logs

from adapters.cli import cli
from tests.cli.conftest import Run

BODY = "cybercrime-egm"


def invoke(store: str, *args: str) -> list[dict[str, object]]:
    with capture_logs(processors=[merge_contextvars]) as logs:
        CliRunner().invoke(
            cli, ["--store", store, *args], env={"SECRETARIAT_ACTOR": "officer"}
        )
    return logs


@pytest.fixture
def with_body(sqlite_store: str) -> str:
    invoke(
        sqlite_store,
        "establish-body",
        BODY,
        "--name",
        "Expert Group",
        "--on",
        "2010-12-21",
    )
    return sqlite_store


def test_a_recorded_command_logs_one_line_with_what_who_and_how_long(
    with_body: str,
) -> None:
    logs = invoke(
        with_body,
        "schedule-session",
        BODY,
        "6",
        "--title",
        "Sixth meeting",
        "--start",
        "2020-04-06",
        "--end",
        "2020-04-08",
        "--venue",
        "Vienna, Austria",
        "--on",
        "2019-12-02",
    )
    (line,) = logs
    assert line["event"] == "command"
    assert line["log_level"] == "info"
    assert line["command"] == "schedule-session"
    assert line["body"] == BODY
    assert line["number"] == 6
    assert line["actor"] == "officer"
    assert line["version"] == 1
    assert line["outcome"] == "done"
    assert isinstance(line["duration_ms"], float)


def test_a_rejected_command_logs_its_outcome_as_a_warning(with_body: str) -> None:
    (line,) = invoke(with_body, "open-session", BODY, "7", "--on", "2020-07-27")
    assert line["outcome"] == "rejected"
    assert line["log_level"] == "warning"
    assert line["command"] == "open-session"
    assert "version" not in line


def test_bad_usage_logs_the_command_it_was_meant_for(with_body: str) -> None:
    (line,) = invoke(with_body, "open-session", BODY, "6", "--on", "2020-13-01")
    assert (line["command"], line["outcome"]) == ("open-session", "bad-usage")


def test_the_log_line_is_text_by_default_and_json_on_request(
    run: Run, sqlite_store: str
) -> None:
    args = ("establish-body", BODY, "--name", "Expert Group", "--on", "2010-12-21")
    text = run(*args, store=sqlite_store, SECRETARIAT_LOG_LEVEL="info")
    assert "outcome=done" in text.err
    assert "command=establish-body" in text.err
    assert text.out.startswith("Established")

    again = run("--log-json", *args, store=sqlite_store, SECRETARIAT_LOG_LEVEL="info")
    (line,) = [json.loads(row) for row in again.err.splitlines() if row.startswith("{")]
    assert line["outcome"] == "rejected"
    assert line["command"] == "establish-body"
    assert line["level"] == "warning"
