"""On SQLite the snapshots a save takes (and those an import held back) are
written in the transaction of its events: one commit, not two. Both are
written, or neither: a transaction whose snapshots cannot be written leaves
no event either, and the import stops at its first entry, the entries before
it recorded. On any store, the snapshots end up saved."""

from __future__ import annotations

from typing import Any

import pytest
from eventsourcing.persistence import OperationalError

from adapters.cli.import_files import parse_import
from application.importing import EntryFailedError, Imported, apply_entries
from application.secretariat import Secretariat
from domain.delegations import member_states
from domain.ids import session_id
from tests.importing import OPENED_SIXTH_SESSION, statement
from tests.integration.test_importing import opened

SESSION = session_id("cybercrime-egm", 6)


def statements_file(count: int) -> str:
    states = member_states()
    return OPENED_SIXTH_SESSION + "".join(
        statement(states[n % 193]) for n in range(count)
    )


def session_versions(app: Secretariat) -> list[int]:
    return [event.originator_version for event in app.events.get(SESSION)]


def snapshot_versions(app: Secretariat) -> list[int]:
    assert app.snapshots is not None
    return [snapshot.originator_version for snapshot in app.snapshots.get(SESSION)]


def test_snapshots_that_cannot_be_written_leave_no_event_of_their_transaction(
    sqlite_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = statements_file(250)
    with opened(sqlite_store) as app:
        # The opening entries (a transaction of their own, and no snapshot).
        opening = parse_import(OPENED_SIXTH_SESSION, source="f")
        assert apply_entries(app, opening) == Imported(len(opening), 0)
        before = session_versions(app)
        assert app.snapshots is not None

        def failing(*args: Any, **kwargs: Any) -> Any:
            raise OperationalError("the disk is full")

        with monkeypatch.context() as patch:
            patch.setattr(app.snapshots.recorder, "_insert_events", failing)
            with pytest.raises(EntryFailedError) as failed:
                apply_entries(app, parse_import(text, source="f"))
        # The transaction that took the session's 100th version wrote nothing.
        assert failed.value.done.applied == 0
        assert session_versions(app) == before
        assert snapshot_versions(app) == []

    with opened(sqlite_store) as app:
        assert apply_entries(app, parse_import(text, source="f")) == Imported(
            250, len(opening)
        )
        assert snapshot_versions(app) == [100, 200]


def test_a_command_saves_its_snapshot_with_its_event_or_neither(
    sqlite_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with opened(sqlite_store) as app:
        apply_entries(app, parse_import(statements_file(95), source="f"))
        below = session_versions(app)[-1]
        assert below < 100
        statements = [
            entry.command for entry in parse_import(statements_file(120), source="g")
        ][-(100 - below) :]
        for command in statements[:-1]:
            app.execute(command)
        assert session_versions(app)[-1] == 99
        assert app.snapshots is not None

        def failing(*args: Any, **kwargs: Any) -> Any:
            raise OperationalError("the disk is full")

        with monkeypatch.context() as patch:
            patch.setattr(app.snapshots.recorder, "_insert_events", failing)
            with pytest.raises(OperationalError):
                app.execute(statements[-1])
        assert session_versions(app)[-1] == 99
        assert snapshot_versions(app) == []

    with opened(sqlite_store) as app:
        app.execute(statements[-1])
        assert session_versions(app)[-1] == 100
        assert snapshot_versions(app) == [100]


def test_an_import_saves_the_snapshots_it_held_back_on_either_store(
    store: str,
) -> None:
    # 1,200 entries: more than a transaction, so that the first transactions'
    # snapshots are held back for a later one.
    with opened(store) as app:
        entries = parse_import(statements_file(1200), source="f")
        assert apply_entries(app, entries) == Imported(len(entries), 0)
        versions = session_versions(app)
        assert snapshot_versions(app) == list(range(100, versions[-1] + 1, 100))
