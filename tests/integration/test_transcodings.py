"""Every value written into events and snapshots reads back as written, under a
name that never changes (it is stored in every event that holds such a value)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from uuid import uuid4

import pytest
from eventsourcing.persistence import StoredEvent

from application.secretariat import Secretariat
from application.transcodings import TRANSCODINGS
from domain.values import (
    AgendaItem,
    CycleTopics,
    DateRange,
    DocumentKind,
    Format,
    Hours,
    ObserverKind,
    Period,
    SessionStatus,
    SubmitterKind,
)

SAMPLES = {
    "date_iso": date(2020, 7, 27),
    "date_range": DateRange(date(2020, 7, 27), date(2020, 7, 29)),
    "period": Period(2018, 2021),
    "meeting_hours": Hours.parse("10:00-13:00+15:00-18:00,09:30-12:00"),
    "agenda_item": AgendaItem(2, "International cooperation"),
    "cycle_topics": CycleTopics(2020, ["International cooperation", "Prevention"]),
    "format": Format.HYBRID,
    "document_kind": DocumentKind.ORGANIZATION_OF_WORK,
    "submitter_kind": SubmitterKind.OBSERVER,
    "session_status": SessionStatus.IN_SESSION,
    "observer_kind": ObserverKind.INTERGOVERNMENTAL,
}


def test_the_stored_names_of_values_never_change() -> None:
    assert sorted(t.name for t in TRANSCODINGS) == sorted(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_value_reads_back_from_an_sqlite_store_as_written(
    sqlite_store: str, name: str
) -> None:
    app = Secretariat(
        env={
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": sqlite_store[10:],
        }
    )
    try:
        value = SAMPLES[name]
        encoded = app.mapper.transcoder.encode({"value": value, "inside": [value]})
        assert f'"_type_":"{name}"'.encode() in encoded
        recorder = app.factory.aggregate_recorder("values")
        originator = uuid4()
        recorder.insert_events([StoredEvent(originator, 1, "test", encoded)])
        (stored,) = recorder.select_events(originator)
        assert app.mapper.transcoder.decode(stored.state) == {
            "value": value,
            "inside": [value],
        }
    finally:
        app.close()


def test_psycopg_is_never_imported_for_an_sqlite_store(sqlite_store: str) -> None:
    probe = (
        "import sys\n"
        "from adapters.cli import cli\n"
        f"cli.main(['--store', {sqlite_store!r}, 'establish-body', 'x', '--name', 'X'],"
        " standalone_mode=False)\n"
        "assert 'psycopg' not in sys.modules, 'psycopg was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
