"""Long histories for the views to read, made in memory and copied into a store
as stored events: what the store holds after officers recorded them without
anybody catching the views up."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from eventsourcing.persistence import StoredEvent

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from application.commands import PostponeSession, ReceiveSubmission, ScheduleSession
from application.secretariat import Secretariat
from domain.delegations import member_states
from domain.values import DateRange, SubmitterKind
from tests.builders import BODY, OFFICER, establish
from tests.seed_history import PERIOD, adopt_workplan, request_comments


def long_history(sessions: int) -> list[StoredEvent]:
    """The stored events of a body with `sessions` sessions, each scheduled and
    postponed, and a call for comments answered by as many submitters."""
    app = Secretariat(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    try:
        establish(app)
        adopt_workplan(app)
        request_comments(app)
        for number, first in zip(range(1, sessions + 1), _days(), strict=False):
            app.execute(
                ScheduleSession(
                    body=BODY, number=number, title=f"Meeting {number}",
                    dates=DateRange(first, first + timedelta(days=2)),
                    venue="Vienna, Austria", on=date(2019, 12, 2), actor=OFFICER,
                )
            )  # fmt: skip
            later = first + timedelta(days=7)
            app.execute(
                PostponeSession(
                    body=BODY, number=number, reason="Postponed",
                    dates=DateRange(later, later + timedelta(days=2)),
                    on=date(2020, 1, 6), actor=OFFICER,
                )
            )  # fmt: skip
            app.execute(
                ReceiveSubmission(
                    body=BODY, period=PERIOD, cycle=2020,
                    submitter=member_states()[(number - 1) % 193],
                    submitter_kind=SubmitterKind.MEMBER_STATE,
                    on=date(2020, 2, 1), actor=OFFICER,
                )
            )  # fmt: skip
        notifications = app.recorder.select_notifications(start=1, limit=10**9)
        return [
            StoredEvent(n.originator_id, n.originator_version, n.topic, n.state)
            for n in notifications
        ]
    finally:
        app.close()


def _days() -> Iterator[date]:
    day = date(2020, 4, 6)
    while True:
        yield day
        day += timedelta(days=3)


def append(store: str, events: Sequence[StoredEvent]) -> None:
    """Record `events` in `store`, in one transaction, as the library records them."""
    secretariat = open_secretariat(parse_store_url(store), create=True)
    try:
        secretariat.recorder.insert_events(list(events))
    finally:
        secretariat.close()
