"""Events change shape between versions, and the record stays readable.

A postponement names the document that announced it since `Postponed`
version 2; the postponements recorded before (version 1, in the checked-in
store of an earlier version) read as announced in none, in the history and in
the views alike, beside postponements recorded now. Every event says how the
record knows it (its provenance) since the version after; the events stored
before read with none known. A store holding an event of
a kind this version does not know (recorded by a later version) is refused with
exit 4 and one line, whether a record is loaded or the views are built.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from domain.ids import session_id
from domain.session import Session
from tests.reliability.helpers import (
    invoke,
    json_answer,
    one_line_error,
    store_state,
    views_match_a_rebuild,
)
from tests.reliability.test_schema_evolution import stored_events, transplanted

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-0.1.0"
POSTPONED = "domain.session:Session.Postponed"
ANNOUNCEMENT = "Special Message to Member States of 15 March 2021"


@pytest.fixture
def old_store(store: str) -> str:
    """The store an earlier version wrote, on each kind of store: the SQLite
    file itself, or its stored events on PostgreSQL."""
    path = parse_store_url(store).path
    if path is None:
        return transplanted(FIXTURE / "store.sqlite", store)
    shutil.copyfile(FIXTURE / "store.sqlite", path)
    return store


def raw_states(store: str, topic: str) -> list[dict[str, Any]]:
    """The stored JSON of each event of `topic`, as the store holds it."""
    app = open_secretariat(parse_store_url(store), create=False)
    try:
        notifications = app.recorder.select_notifications(
            start=None, limit=10_000, topics=[topic]
        )
    finally:
        app.close()
    return [json.loads(n.state) for n in notifications]


def test_the_earlier_version_stored_its_postponements_as_version_1() -> None:
    states = [
        json.loads(event.state)
        for event in stored_events(FIXTURE / "store.sqlite")
        if event.topic == POSTPONED
    ]
    assert len(states) == 2
    for state in states:
        assert "class_version" not in state
        assert "announced_in" not in state
    assert Session.Postponed.class_version == 3


def test_postponements_of_version_1_read_as_announced_in_none(old_store: str) -> None:
    history = json_answer("history", "cybercrime-egm", "6", store=old_store)
    [postponed] = [e for e in history["events"] if e["event"] == "Postponed"]
    assert postponed["announced_in"] is None
    assert postponed["reason"]  # the rest of the event reads as it was

    expected = json.loads((FIXTURE / "postponements.json").read_text("utf-8"))
    answer = json_answer("postponements", store=old_store)
    assert len(answer["postponements"]) == len(expected["postponements"])
    assert all(p["announced_in"] is None for p in answer["postponements"])


def test_a_postponement_recorded_now_is_version_2_and_reads_beside_version_1(
    old_store: str,
) -> None:
    ran = invoke(
        "postpone-session", "cybercrime-egm", "7", "--reason=Liquidity constraints",
        "--start=2021-05-10", "--end=2021-05-12", "--on=2021-03-15",
        f"--announced-in={ANNOUNCEMENT}", store=old_store,
    )  # fmt: skip
    assert ran.code == 0, ran.err

    newest = raw_states(old_store, POSTPONED)[-1]
    assert (newest["class_version"], newest["announced_in"]) == (3, ANNOUNCEMENT)
    assert (newest["recorded_via"], newest["source"]) == ("cli", None)

    history = json_answer("history", "cybercrime-egm", "7", store=old_store)
    announced = [e["announced_in"] for e in history["events"]
                 if e["event"] == "Postponed"]  # fmt: skip
    assert announced == [None, ANNOUNCEMENT]

    answer = json_answer("postponements", store=old_store)
    by_session = [(p["number"], p["announced_in"]) for p in answer["postponements"]]
    assert by_session == [(6, None), (7, None), (7, ANNOUNCEMENT)]
    views_match_a_rebuild(old_store)


def test_events_stored_before_provenance_read_with_none_known_beside_new_ones(
    old_store: str,
) -> None:
    before = json_answer("history", "cybercrime-egm", "7", store=old_store)
    assert before["events"]
    for event in before["events"]:
        assert (
            event["source"],
            event["assumed"],
            event["decided_by"],
            event["recorded_via"],
        ) == (None, False, None, None), event["event"]

    ran = invoke(
        "postpone-session", "cybercrime-egm", "7", "--reason=Liquidity constraints",
        "--start=2021-05-10", "--end=2021-05-12", "--on=2021-03-15",
        "--source=Special Message of 15 March 2021", "--assumed",
        "--decided-by=the extended Bureau", store=old_store,
    )  # fmt: skip
    assert ran.code == 0, ran.err

    after = json_answer("history", "cybercrime-egm", "7", store=old_store)
    assert after["events"][: len(before["events"])] == before["events"]
    newest = after["events"][-1]
    assert (
        newest["source"],
        newest["assumed"],
        newest["decided_by"],
        newest["recorded_via"],
    ) == ("Special Message of 15 March 2021", True, "the extended Bureau", "cli")
    views_match_a_rebuild(old_store)


def test_an_import_file_names_the_announcement_too(
    sqlite_store: str, tmp_path: Path
) -> None:
    record = tmp_path / "record.yaml"
    record.write_text(
        "- {command: establish-body, code: egm, name: Expert group, on: 2020-01-01}\n"
        "- {command: schedule-session, body: egm, number: 1, title: First,"
        " start: 2020-04-06, end: 2020-04-08, venue: Vienna, on: 2020-01-02}\n"
        "- {command: postpone-session, body: egm, number: 1, reason: Pandemic,"
        f" announced-in: {ANNOUNCEMENT}, on: 2020-03-13}}\n",
        encoding="utf-8",
    )
    ran = invoke("import", str(record), store=sqlite_store)
    assert ran.code == 0, ran.err
    [postponement] = json_answer("postponements", store=sqlite_store)["postponements"]
    assert postponement["announced_in"] == ANNOUNCEMENT


# Events of a later version.

LATER_TOPIC = "domain.session:Session.Adjourned"
"""An event a later version might record: this one does not know it."""


def record_a_later_event(store: str) -> None:
    """Append, as a later version would, an event of a kind unknown here to
    the 6th session's history."""
    app = open_secretariat(parse_store_url(store), create=False)
    try:
        originator = session_id("cybercrime-egm", 6)
        version = len(list(app.recorder.select_events(originator)))
        state = {
            "timestamp": {"_type_": "datetime_iso",
                          "_data_": "2025-01-01T00:00:00.000000+00:00"},
            "on": {"_type_": "date_iso", "_data_": "2025-01-01"},
            "actor": "a later version",
            "until": {"_type_": "date_iso", "_data_": "2025-02-01"},
        }  # fmt: skip
        app.recorder.insert_events(
            [
                StoredEvent(
                    originator_id=UUID(str(originator)),
                    originator_version=version + 1,
                    topic=LATER_TOPIC,
                    state=json.dumps(state).encode(),
                )
            ]
        )
    finally:
        app.close()


COMMANDS_READING_THE_LATER_EVENT = [
        ["history", "cybercrime-egm", "6", "--json"],
        [
            "record-statement",
            "cybercrime-egm",
            "6",
            "--delegation=Chile",
            "--on=2025-02-01",
        ],
        ["calendar", "--json"],
        ["postponements", "--json"],
        ["deadlines", "--json"],
        ["projections", "rebuild"],
    ]  # fmt: skip


@pytest.mark.parametrize(
    "args", COMMANDS_READING_THE_LATER_EVENT, ids=lambda args: args[0]
)
def test_an_event_this_version_does_not_know_is_refused_with_exit_4(
    old_store: str, args: list[str]
) -> None:
    record_a_later_event(old_store)
    before = store_state(old_store)
    ran = invoke(*args, store=old_store)
    assert ran.code == 4, ran.err
    reason = one_line_error(ran.err)
    assert "the store holds events this version of secretariat does not know" in (
        reason
    )
    assert "Adjourned" in reason
    assert "use the version that recorded them, or a later one" in reason
    assert ran.out == ""
    assert store_state(old_store) == before
