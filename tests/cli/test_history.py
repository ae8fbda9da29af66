"""`secretariat history` as a user runs it."""

from __future__ import annotations

from tests.cli.running import run


def test_history_shows_a_sessions_events_as_a_table(sqlite_store: str) -> None:
    run(
        "establish-body", "cybercrime-egm", "--name", "Expert Group",
        "--on", "2010-12-21", store=sqlite_store,
    )  # fmt: skip
    run(
        "schedule-session", "cybercrime-egm", "6", "--title", "Sixth meeting",
        "--start", "2020-04-06", "--end", "2020-04-08", "--venue", "Vienna, Austria",
        "--on", "2019-12-02", store=sqlite_store,
    )  # fmt: skip

    shown = run("history", "cybercrime-egm", "6", store=sqlite_store)

    assert shown.code == 0, shown.err
    assert shown.out.splitlines()[0] == "History of the 6th session of cybercrime-egm"
    assert "Scheduled" in shown.out
    assert "6–8 April 2020" in shown.out
    assert shown.err == ""
