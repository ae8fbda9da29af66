"""`secretariat history` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

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
    assert "scheduled  " in shown.out
    assert "6–8 April 2020" in shown.out
    assert shown.err == ""


def test_history_says_how_the_record_knows_each_event(
    sqlite_store: str, tmp_path: Path
) -> None:
    record = tmp_path / "record.yaml"
    record.write_text(
        "- {command: establish-body, code: cybercrime-egm, name: Expert Group,"
        " on: 2010-12-21, assumed: true, source: resolution 65/230}\n"
        "- {command: schedule-session, body: cybercrime-egm, number: 6,"
        " title: Sixth meeting, start: 2020-04-06, end: 2020-04-08,"
        " venue: 'Vienna, Austria', on: 2019-12-02}\n",
        encoding="utf-8",
    )
    assert run("import", str(record), store=sqlite_store).code == 0
    ran = run(
        "postpone-session", "cybercrime-egm", "6", "--reason", "COVID-19",
        "--start", "2020-07-27", "--end", "2020-07-29", "--on", "2020-03-13",
        "--assumed", "--source", "Special Message of 13 March 2020",
        "--decided-by", "the extended Bureau", store=sqlite_store,
    )  # fmt: skip
    assert ran.code == 0, ran.err

    shown = run("history", "cybercrime-egm", "6", "--json", store=sqlite_store)

    scheduled, postponed = json.loads(shown.out)["events"]
    provenance = ("source", "assumed", "decided_by", "recorded_via")
    assert [scheduled[key] for key in provenance] == [None, False, None, "import"]
    assert [postponed[key] for key in provenance] == [
        "Special Message of 13 March 2020",
        True,
        "the extended Bureau",
        "cli",
    ]
    table = run("history", "cybercrime-egm", "6", store=sqlite_store).out
    assert "source: Special Message of 13 March 2020" in table
    assert "date assumed" in table
    assert "decided by: the extended Bureau" in table
