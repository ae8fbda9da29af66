"""A Secretariat that records many decisions (an import) keeps the records it
saved in memory and decides the next transaction on them as they are held,
without copying them: a transaction that is not saved as decided (its save
failed, or one of its commands was refused) leaves none of its changes there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from eventsourcing.persistence import OperationalError

from application.commands import RecordStatement
from application.secretariat import Secretariat
from domain.errors import DomainError
from domain.ids import session_id
from tests.builders import BODY, establish, open_sixth, schedule_sixth


@pytest.fixture
def holding() -> Iterator[Secretariat]:
    """The Secretariat on an in-memory store, holding the records it saves."""
    app = Secretariat(
        env={
            "PERSISTENCE_MODULE": "eventsourcing.popo",
            "AGGREGATE_CACHE_MAXSIZE": "10",
        }
    )
    try:
        establish(app)
        schedule_sixth(app)
        open_sixth(app)
        yield app
    finally:
        app.close()


def statement(delegation: str, number: int = 6) -> RecordStatement:
    return RecordStatement(
        body=BODY, number=number, delegation=delegation, on=date(2020, 4, 7), actor="a"
    )


def versions(app: Secretariat) -> list[int]:
    return [event.originator_version for event in app.events.get(session_id(BODY, 6))]


def test_a_transaction_whose_save_fails_leaves_nothing_in_memory(
    holding: Secretariat, monkeypatch: pytest.MonkeyPatch
) -> None:
    holding.apply([(statement("Australia"), None)])  # the session, held as saved
    recorder = holding.recorder

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("the store went away")

    with monkeypatch.context() as patch:
        patch.setattr(recorder, "insert_events", failing)
        with pytest.raises(OperationalError):
            holding.apply([(statement("Brazil"), None), (statement("Chile"), None)])

    applied = holding.apply([(statement("Denmark"), None)])
    (recorded,) = applied.outcomes
    assert recorded is not None
    # Decided on the session as stored (version 3), not as the failed
    # transaction had left it in memory (version 5).
    assert recorded.version == 4
    assert versions(holding) == [1, 2, 3, 4]


def test_a_refused_command_leaves_nothing_of_its_transaction_in_memory(
    holding: Secretariat,
) -> None:
    holding.apply([(statement("Australia"), None)])
    applied = holding.apply(
        [
            (statement("Brazil"), None),
            (statement("Chile", number=7), None),  # refused: no 7th session
        ]
    )
    assert applied.refused is not None
    assert isinstance(applied.refused.error, DomainError)
    assert [done.version for done in applied.outcomes if done] == [4]

    (recorded,) = holding.apply([(statement("Denmark"), None)]).outcomes
    assert recorded is not None
    assert recorded.version == 5
    assert versions(holding) == [1, 2, 3, 4, 5]
