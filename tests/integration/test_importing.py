"""The importer on SQLite and PostgreSQL: each entry applied once, whatever
happens between two imports of the same file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from adapters.bootstrap import open_secretariat
from adapters.cli.import_files import parse_import, read_import_file
from adapters.store import parse_store_url
from application.commands import ChangeVenue
from application.deciding import Decisions
from application.errors import ConflictError
from application.importing import EntryFailedError, Imported, apply_entries
from application.secretariat import Secretariat
from domain.ids import session_id
from domain.session import UnknownAgendaItemError
from domain.values import Format
from tests.importing import EXAMPLE, OPENED_SIXTH_SESSION, SIXTH_SESSION, statement

POSTPONEMENT = """\
- command: postpone-session
  body: cybercrime-egm
  number: 6
  reason: Due to the impact of the COVID-19 pandemic
  start: 2020-07-27
  end: 2020-07-29
  on: 2020-07-07
"""


@contextmanager
def opened(store: str) -> Iterator[Secretariat]:
    """The record on `store`, opened afresh, as a later command would open it."""
    secretariat = open_secretariat(parse_store_url(store), create=True)
    try:
        yield secretariat
    finally:
        secretariat.close()


def statements(app: Secretariat) -> list[tuple[str, int | None]]:
    return [
        (event["delegation"], event["item"])
        for event in app.history("cybercrime-egm", 6)["events"]
        if event["event"] == "StatementRecorded"
    ]


def test_the_example_is_imported_whole_and_a_second_import_applies_nothing(
    store: str,
) -> None:
    entries = read_import_file(EXAMPLE)
    with opened(store) as app:
        assert apply_entries(app, entries) == Imported(applied=len(entries), already=0)
        recorded = app.event_count()

    with opened(store) as app:
        again = apply_entries(app, read_import_file(EXAMPLE))
        assert again == Imported(applied=0, already=len(entries))
        assert app.event_count() == recorded


def test_two_identical_entries_are_both_applied_and_each_only_once(
    store: str,
) -> None:
    text = OPENED_SIXTH_SESSION + statement("Russian Federation") * 2

    with opened(store) as app:
        assert apply_entries(app, parse_import(text, source="f")) == Imported(6, 0)
    with opened(store) as app:
        assert apply_entries(app, parse_import(text, source="f")) == Imported(0, 6)
        assert statements(app) == [("Russian Federation", None)] * 2


def test_an_entry_rejected_by_a_rule_stops_the_import_and_the_corrected_file_applies_each_entry_once(  # noqa: E501
    store: str,
) -> None:
    wrong = OPENED_SIXTH_SESSION + statement("Greece", 2) + statement("Mexico", 9)
    wrong += statement("Romania", 3)

    with opened(store) as app, pytest.raises(EntryFailedError) as stopped:
        apply_entries(app, parse_import(wrong, source="f"))
    assert stopped.value.entry.index == 6
    assert stopped.value.entry.line == 17
    assert isinstance(stopped.value.error, UnknownAgendaItemError)
    assert stopped.value.done == Imported(applied=5, already=0)

    corrected = wrong.replace("item: 9", "item: 2")
    with opened(store) as app:
        assert apply_entries(app, parse_import(corrected, source="f")) == Imported(2, 5)
        assert apply_entries(app, parse_import(corrected, source="f")) == Imported(0, 7)
        assert statements(app) == [("Greece", 2), ("Mexico", 2), ("Romania", 3)]


def test_an_entry_meeting_a_concurrent_change_stops_the_import_unapplied(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with opened(store) as app:
        apply_entries(app, parse_import(SIXTH_SESSION, source="f"))
        entries = parse_import(SIXTH_SESSION + POSTPONEMENT, source="f")
        load = app.repository.get

        def load_then_someone_else_changes_the_venue(aggregate_id, **kwargs):  # type: ignore[no-untyped-def]
            loaded = load(aggregate_id, **kwargs)
            monkeypatch.setattr(app.repository, "get", load)
            app.execute(
                ChangeVenue(
                    body="cybercrime-egm",
                    number=6,
                    format=Format.ONLINE,
                    on=date(2020, 7, 7),
                    actor="another officer",
                )
            )
            return loaded

        monkeypatch.setattr(
            app.repository, "get", load_then_someone_else_changes_the_venue
        )
        with pytest.raises(EntryFailedError) as stopped:
            apply_entries(app, entries[3:])

        assert isinstance(stopped.value.error, ConflictError)
        assert not app.is_applied(entries[3].marking)
        events = [
            event["event"] for event in app.history("cybercrime-egm", 6)["events"]
        ]
        assert events == ["Scheduled", "AgendaIssued", "VenueChanged"]


@pytest.mark.parametrize("meanwhile", [5, 2])
def test_entries_applied_meanwhile_by_another_import_count_as_already_applied(
    store: str, meanwhile: int
) -> None:
    entries = parse_import(OPENED_SIXTH_SESSION + statement("Iraq"), source="f")
    with opened(store) as first, opened(store) as second:
        save = second._save

        def another_import_applies_them_first(decisions: Decisions) -> None:
            # The second import has decided the entries: the first applies
            # some of them before the second saves.
            second._save = save  # type: ignore[method-assign]
            apply_entries(first, entries[:meanwhile])
            save(decisions)

        second._save = another_import_applies_them_first  # type: ignore[method-assign]

        done = apply_entries(second, entries)

        assert done == Imported(applied=5 - meanwhile, already=meanwhile)
        assert statements(second) == [("Iraq", None)]
        assert apply_entries(first, entries) == Imported(applied=0, already=5)


def test_a_record_another_command_changed_between_two_imports_is_decided_afresh(
    store: str,
) -> None:
    # The importer keeps in memory the records it saved, as the command line's
    # does, and takes them from there at first: the store then refuses the save,
    # and the entry is decided on the record as the other command left it.
    parsed = parse_import(SIXTH_SESSION, source="f")
    importer = open_secretariat(parse_store_url(store), create=True, many=True)
    try:
        assert apply_entries(importer, parsed) == Imported(applied=3, already=0)
        with opened(store) as other:
            other.execute(
                ChangeVenue(
                    body="cybercrime-egm",
                    number=6,
                    format=Format.ONLINE,
                    on=date(2020, 7, 7),
                    actor="another officer",
                )
            )
        postponing = parse_import(POSTPONEMENT, source="g")
        assert apply_entries(importer, postponing) == Imported(applied=1, already=0)
        assert [
            (event["event"], event["version"])
            for event in importer.history("cybercrime-egm", 6)["events"]
        ] == [
            ("Scheduled", 1),
            ("AgendaIssued", 2),
            ("VenueChanged", 3),
            ("Postponed", 4),
        ]
    finally:
        importer.close()


def test_an_import_saves_the_snapshots_of_the_records_it_lengthens(
    store: str,
) -> None:
    text = OPENED_SIXTH_SESSION + "".join(
        statement(f"Delegation {n}") for n in range(250)
    )
    with opened(store) as app:
        assert apply_entries(app, parse_import(text, source="f")) == Imported(254, 0)
        assert app.snapshots is not None
        snapshots = list(app.snapshots.get(session_id("cybercrime-egm", 6)))
        assert [s.originator_version for s in snapshots] == [100, 200]


def test_the_entries_applied_are_found_among_many_with_one_read_of_the_store(
    store: str,
) -> None:
    entries = parse_import(OPENED_SIXTH_SESSION + statement("Iraq") * 3, source="f")
    with opened(store) as app:
        apply_entries(app, entries[:5])
        markings = [entry.marking for entry in entries]
        assert app.applied_among(markings) == set(markings[:5])
        assert app.applied_among([]) == set()
        assert hasattr(app.recorder, "recorded_among")
