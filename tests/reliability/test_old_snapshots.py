"""A record snapshotted by an earlier version knows everything recorded before.

Release 0.1.0 snapshotted a session or workplan at each 100th event, keeping
less than this version keeps from each event: not the kind of entry at each
version (for a strike), the decisions, the documents by symbol with their
languages, the day of each call, the reference of each submission. The store
of `tests/fixtures/snapshots-0.1.0/`, written by that release's code
(`tests/fixtures/make_snapshot_store.py`), holds such snapshots, of the sixth
session of cybercrime-egm (a document issued under a symbol before it) and of
its 2018-2021 workplan. Loaded by this version, on SQLite and PostgreSQL, the
records read as if loaded from all their events: a document issued before the
snapshot takes its language versions, entries recorded before it are struck,
a reference struck before it is received again, and a submission dated before
its call is refused.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.application import project_aggregate

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from application.loading import holds_current_state
from domain.ids import session_id, workplan_id
from domain.session import Session
from domain.snapshots import OUTDATED, is_outdated
from domain.values import Period
from domain.workplan import Workplan
from tests.reliability.helpers import invoke, json_answer, one_line_error
from tests.sealed import load_into_postgres

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots-0.1.0"
BODY = "cybercrime-egm"
PERIOD = "2018-2021"
SYMBOL = "UNODC/CCPCJ/EG.4/2020/2"
SESSION = session_id(BODY, 6)
LIBRARY_STATE = {"_id", "_version", "_pending_events", "_created_on", "_modified_on"}
WORKPLAN = workplan_id(BODY, Period.parse(PERIOD))


def stored_snapshots(path: Path) -> dict[UUID, tuple[int, dict[str, Any]]]:
    """Each record's snapshot in the SQLite store at `path`: its version and
    the record's state as stored (opened immutable)."""
    with closing(sqlite3.connect(f"file:{path}?immutable=1", uri=True)) as connection:
        rows = connection.execute(
            "SELECT originator_id, originator_version, state FROM stored_snapshots"
        ).fetchall()
    return {UUID(row[0]): (row[1], json.loads(row[2])["state"]) for row in rows}


def issued_version(store: str, symbol: str) -> int:
    history = json_answer("history", BODY, "6", store=store)
    [version] = [
        event["version"]
        for event in history["events"]
        if event["event"] == "DocumentIssued" and event["symbol"] == symbol
    ]
    return int(version)


@pytest.fixture
def snapshotted_store(store: str) -> str:
    """The store release 0.1.0 wrote, snapshots included, on each kind of
    store: a copy of the SQLite file, or its events and snapshots on
    PostgreSQL."""
    path = parse_store_url(store).path
    if path is None:
        load_into_postgres(FIXTURE / "store.sqlite", store)
    else:
        shutil.copyfile(FIXTURE / "store.sqlite", path)
    return store


def test_the_release_snapshotted_both_records_keeping_less() -> None:
    snapshots = stored_snapshots(FIXTURE / "store.sqlite")
    assert set(snapshots) == {SESSION, WORKPLAN}
    session_version, session = snapshots[SESSION]
    workplan_version, workplan = snapshots[WORKPLAN]
    assert session_version == workplan_version == 100
    assert "class_version" not in session
    assert "class_version" not in workplan
    assert {"ledger", "decisions", "_editions", "issued"}.isdisjoint(session)
    assert {"ledger", "requested", "received"}.isdisjoint(workplan)
    # The document under the symbol was issued before the snapshot.
    report = "Report on the meeting of the Expert Group held in Vienna"
    assert report in session["documents"]
    assert Session.class_version == Workplan.class_version == 2


def test_records_loaded_past_an_old_snapshot_are_as_their_events_make_them(
    snapshotted_store: str,
) -> None:
    app = open_secretariat(parse_store_url(snapshotted_store), create=False)
    try:
        assert app.snapshots is not None
        for record_id in (SESSION, WORKPLAN):
            # The store holds the snapshot, but does not give it.
            assert app.snapshots.recorder.select_events(record_id)
            assert not list(app.snapshots.get(record_id))
            loaded = app.repository.get(record_id)
            from_events = project_aggregate(None, app.events.get(record_id))
            assert not is_outdated(loaded)
            assert vars(loaded) == vars(from_events)
            assert loaded.version > 100
    finally:
        app.close()


def test_a_document_issued_before_the_snapshot_takes_its_language_versions(
    snapshotted_store: str,
) -> None:
    store = snapshotted_store
    assert issued_version(store, SYMBOL) < 100
    publish = ["publish-translation", BODY, "6", "--symbol", SYMBOL, "--language"]
    ran = invoke(*publish, "fr", "--title", "Rapport", "--on", "2020-08-03",
                 store=store)  # fmt: skip
    assert ran.code == 0, ran.err
    again = invoke(*publish, "fr", "--on", "2020-08-04", store=store)
    assert again.code == 1
    assert one_line_error(again.err).endswith("is already available in French")

    page = json_answer("session", BODY, "6", store=store)
    [report] = [d for d in page["report"]["documents"] if d["symbol"] == SYMBOL]
    assert report["languages"] == [
        {"language": "en", "available_on": "2020-07-29"},
        {"language": "fr", "available_on": "2020-08-03"},
    ]
    assert report["titles"] == {"fr": "Rapport"}


def test_entries_recorded_before_the_snapshot_can_be_struck(
    snapshotted_store: str,
) -> None:
    store = snapshotted_store
    history = json_answer("history", BODY, "6", store=store)
    closing_ = max(e["version"] for e in history["events"] if e["event"] == "Closed")
    assert closing_ < 100
    # The latest decision, whose strike leaves the session as the one before
    # it (the opening, also before the snapshot) left it.
    ran = invoke("strike-entry", BODY, "6", "--version", str(closing_),
                 "--reason", "Closed in error", "--on", "2020-08-03",
                 store=store)  # fmt: skip
    assert ran.code == 0, ran.err
    document = issued_version(store, SYMBOL)
    ran = invoke("strike-entry", BODY, "6", "--version", str(document),
                 "--reason", "Issued in error", "--on", "2020-08-03",
                 store=store)  # fmt: skip
    assert ran.code == 0, ran.err

    page = json_answer("session", BODY, "6", store=store)
    assert page["session"]["status"] == "in-session"
    assert all(d["symbol"] != SYMBOL for d in page["report"]["documents"])
    refused = invoke("publish-translation", BODY, "6", "--symbol", SYMBOL,
                     "--language", "fr", "--on", "2020-08-04",
                     store=store)  # fmt: skip
    assert refused.code == 1
    assert "no document issued under the symbol" in one_line_error(refused.err)


def test_a_workplan_loaded_past_its_old_snapshot_keeps_its_rules(
    snapshotted_store: str,
) -> None:
    store = snapshotted_store
    receive = ["receive-submission", BODY, "--period", PERIOD, "--cycle", "2020",
               "--from", "Norway", "--as", "member-state"]  # fmt: skip
    history = json_answer("history", BODY, "--period", PERIOD, store=store)
    [first] = [
        e["version"]
        for e in history["events"]
        if e["event"] == "SubmissionReceived" and e["reference"] == "MS/2020/1"
    ]
    assert first < 100

    twice = invoke(*receive, "--ref", "MS/2020/1", "--on", "2020-05-04", store=store)
    assert twice.code == 1
    assert "was already received" in one_line_error(twice.err)
    ran = invoke("strike-entry", BODY, "--period", PERIOD, "--version", str(first),
                 "--reason", "Received in error", "--on", "2020-08-03",
                 store=store)  # fmt: skip
    assert ran.code == 0, ran.err
    again = invoke(*receive, "--ref", "MS/2020/1", "--on", "2020-05-04", store=store)
    assert again.code == 0, again.err

    early = invoke(*receive, "--on", "2020-01-09", store=store)
    assert early.code == 1
    assert "before comments for 2020" in one_line_error(early.err)


def test_a_snapshot_this_version_takes_is_used_and_an_older_one_is_not(
    snapshotted_store: str,
) -> None:
    app = open_secretariat(parse_store_url(snapshotted_store), create=False)
    try:
        session = app.repository.get(SESSION)
    finally:
        app.close()
    taken = Session.Snapshot.take(session)
    assert taken.state["class_version"] == Session.class_version
    assert holds_current_state(taken)
    assert not is_outdated(taken.mutate(None))
    assert vars(taken.mutate(None)) == vars(session)

    # The same state without its version, as an earlier version took it: the
    # upcaster marks it, keeping everything it holds as it holds it.
    older = dict(taken.state)
    del older["class_version"]
    marked = type(taken)(
        originator_id=taken.originator_id,
        originator_version=taken.originator_version,
        timestamp=taken.timestamp,
        topic=taken.topic,
        state=older,
    ).mutate(None)
    assert is_outdated(marked)
    assert not holds_current_state(replace(taken, state=older))
    assert vars(marked) == vars(session) | {OUTDATED: True}


KEPT = {
    Session: (
        2,
        {"body", "number", "title", "dates", "original_dates", "venue", "format",
         "stocktaking", "status", "last_on", "postponements", "agenda", "documents",
         "report_adopted_on", "decisions", "ledger", "struck", "issued", "published",
         "_editions", "_titles", "opened_on", "timezone", "hours"},
    ),
    Workplan: (
        2,
        {"body", "period", "at_session", "topics", "stocktaking_by", "deadlines",
         "references", "ledger", "struck", "requested", "received", "timezone"},
    ),
}  # fmt: skip
"""What each snapshotted record keeps from its events, at its class version."""


def test_a_record_keeping_more_from_its_events_raises_its_class_version(
    sqlite_store: str,
) -> None:
    """A tripwire: a record that keeps something more from its events must
    raise its `class_version` (with an upcaster `outdated`), or its snapshots
    taken before would be used without it; then list it in `KEPT`."""
    path = parse_store_url(sqlite_store).path
    assert path is not None
    shutil.copyfile(FIXTURE / "store.sqlite", path)
    for args in (
        ["translate-session", BODY, "6", "--language", "es", "--title", "Sexta"],
        ["publish-translation", BODY, "6", "--symbol", SYMBOL, "--language", "ar"],
        ["strike-entry", BODY, "6", "--version", "68", "--reason", "In error"],
        ["strike-entry", BODY, "--period", PERIOD, "--version", "4", "--reason",
         "In error"],
    ):  # fmt: skip
        ran = invoke(*args, "--on", "2020-08-03", store=sqlite_store)
        assert ran.code == 0, ran.err
    app = open_secretariat(parse_store_url(sqlite_store), create=False)
    try:
        records = [app.repository.get(SESSION), app.repository.get(WORKPLAN)]
    finally:
        app.close()
    for record in records:
        version, kept = KEPT[type(record)]
        assert type(record).class_version == version
        state = {key for key in vars(record) if key not in LIBRARY_STATE}
        assert state == kept, f"{type(record).__name__} keeps {state ^ kept} more"
