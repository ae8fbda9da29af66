"""An import entry is recorded as applied together with what its command changed."""

from __future__ import annotations

from datetime import date

import pytest

from application.commands import OpenSession, RecordStatement
from application.errors import ConflictError
from application.imported import entry_id
from application.secretariat import Secretariat
from domain.session import OpeningOutsideDatesError
from tests.builders import BODY, OFFICER, establish, open_sixth, schedule_sixth

STATEMENT = RecordStatement(
    body=BODY,
    number=6,
    delegation="Russian Federation",
    on=date(2020, 7, 27),
    actor=OFFICER,
)


def statements(app: Secretariat) -> int:
    events = app.history(BODY, 6)["events"]
    return sum(event["event"] == "StatementRecorded" for event in events)


def test_a_marked_command_records_its_entry_as_applied(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    schedule_sixth(secretariat)
    open_sixth(secretariat)
    marking = entry_id("the entry", 1)
    before = secretariat.event_count()

    secretariat.execute(STATEMENT, marking=marking)

    assert secretariat.is_applied(marking)
    assert secretariat.event_count() == before + 2  # the statement and the entry
    assert statements(secretariat) == 1


def test_an_entry_already_applied_is_not_applied_again(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    schedule_sixth(secretariat)
    open_sixth(secretariat)
    marking = entry_id("the entry", 1)
    secretariat.execute(STATEMENT, marking=marking)
    before = secretariat.event_count()

    with pytest.raises(ConflictError):
        secretariat.execute(STATEMENT, marking=marking)

    assert secretariat.event_count() == before
    assert statements(secretariat) == 1


def test_an_entry_whose_command_is_rejected_stays_unapplied(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    schedule_sixth(secretariat)
    marking = entry_id("the entry", 1)

    with pytest.raises(OpeningOutsideDatesError):
        secretariat.execute(
            OpenSession(body=BODY, number=6, on=date(2020, 4, 1), actor=OFFICER),
            marking=marking,
        )

    assert not secretariat.is_applied(marking)


def test_a_command_without_marking_marks_nothing(secretariat: Secretariat) -> None:
    establish(secretariat)
    schedule_sixth(secretariat)
    open_sixth(secretariat)
    before = secretariat.event_count()

    secretariat.execute(STATEMENT)

    assert secretariat.event_count() == before + 1


def test_identical_entries_are_told_apart_by_their_occurrence() -> None:
    assert entry_id("the entry", 1) == entry_id("the entry", 1)
    assert entry_id("the entry", 1) != entry_id("the entry", 2)
    assert entry_id("the entry", 1) != entry_id("another entry", 1)
