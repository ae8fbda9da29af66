"""A panelist or a circulation recorded in error is struck like a statement:
it leaves the session's record and stays in its history, marked struck. And
a sender outside both lists says as which it sends, or the command is bad
usage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.conftest import Run
from tests.cli.running import event_count, one_line_error

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "expert-group-cybercrime.yaml"
)
BODY = "cybercrime-egm"


def session(run: Run, store: str) -> Any:
    ran = run("session", BODY, "6", "--json", store=store)
    assert ran.code == 0, ran.err
    return json.loads(ran.out)


def history(run: Run, store: str) -> dict[int, Any]:
    ran = run("history", BODY, "6", "--json", store=store)
    assert ran.code == 0, ran.err
    return {event["version"]: event for event in json.loads(ran.out)["events"]}


def test_a_struck_panelist_and_a_struck_circulation_leave_the_record_not_the_history(
    run: Run, sqlite_store: str
) -> None:
    assert run("import", str(EXAMPLE), store=sqlite_store).code == 0
    before = history(run, sqlite_store)
    [zhang] = [v for v, e in before.items() if e.get("name") == "Ms. Gangqiang Zhang"]
    [bureau] = [
        v
        for v, e in before.items()
        if e["event"] == "DocumentCirculated" and e["to"] == "extended Bureau"
    ]
    page = session(run, sqlite_store)
    assert "Ms. Gangqiang Zhang" in json.dumps(page)
    assert "extended Bureau" in json.dumps(page)

    for version in (zhang, bureau):
        ran = run(
            "strike-entry", BODY, "6", "--version", str(version),
            "--reason", "Recorded in error", store=sqlite_store,
        )  # fmt: skip
        assert ran.code == 0, ran.err
        assert ran.out.startswith("Struck the "), ran.out

    page = session(run, sqlite_store)
    assert "Ms. Gangqiang Zhang" not in json.dumps(page)
    assert "extended Bureau" not in json.dumps(page)
    after = history(run, sqlite_store)
    assert after[zhang]["struck"]["reason"] == "Recorded in error"
    assert after[bureau]["struck"]["reason"] == "Recorded in error"

    again = run(
        "strike-entry", BODY, "6", "--version", str(zhang),
        "--reason", "Recorded in error", store=sqlite_store,
    )  # fmt: skip
    one_line_error(again, 1, "struck already")


def test_an_unlisted_sender_that_does_not_say_as_which_it_sends_is_bad_usage(
    run: Run, sqlite_store: str
) -> None:
    assert run("import", str(EXAMPLE), store=sqlite_store).code == 0
    held = event_count(sqlite_store)
    sent = [
        "receive-submission", BODY, "--period", "2018-2021", "--cycle", "2020",
        "--from", "Dr. A. Expert", "--unlisted", "--on", "2020-05-01",
    ]  # fmt: skip

    one_line_error(run(*sent, store=sqlite_store), 2, "--as")
    assert event_count(sqlite_store) == held
    ran = run(*sent, "--as", "observer", store=sqlite_store)
    assert ran.code == 0, ran.err
    assert event_count(sqlite_store) == held + 1
