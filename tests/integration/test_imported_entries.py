"""On SQLite and PostgreSQL: an import entry and the events of its command are
written in one transaction, both or neither."""

from __future__ import annotations

from datetime import date

import pytest

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from application.commands import RecordStatement
from application.errors import ConflictError
from application.imported import entry_id
from application.secretariat import Secretariat
from tests.builders import BODY, OFFICER, establish, open_sixth, schedule_sixth


def statement(delegation: str) -> RecordStatement:
    return RecordStatement(
        body=BODY, number=6, delegation=delegation, on=date(2020, 7, 27), actor=OFFICER
    )


def test_an_entry_and_its_events_are_written_together_or_not_at_all(
    store: str, stored_secretariat: Secretariat
) -> None:
    app = stored_secretariat
    establish(app)
    schedule_sixth(app)
    open_sixth(app)
    marking = entry_id("the entry", 1)
    app.execute(statement("Australia"), marking=marking)
    before = app.event_count()

    # The entry is already recorded, so its save fails: the statement saved in
    # the same transaction must not be written either.
    with pytest.raises(ConflictError):
        app.execute(statement("China"), marking=marking)

    reopened = open_secretariat(parse_store_url(store), create=False)
    try:
        assert reopened.event_count() == before
        delegations = [
            event["delegation"]
            for event in reopened.history(BODY, 6)["events"]
            if event["event"] == "StatementRecorded"
        ]
        assert delegations == ["Australia"]
        assert reopened.is_applied(marking)
    finally:
        reopened.close()
