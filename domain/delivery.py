"""What became of each attempt to deliver a message to a subscriber: sent,
deferred (to be tried again at a later moment), or failed for good.

Each attempt is a record of its own, known by its message and its number, so
that the same attempt is never recorded twice: two senders that tried the same
message at once record one outcome between them, and the record proves who
was told what, and when.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.ids import natural_id
from domain.provenance import RecordedEvent


def attempt_id(message: str, attempt: int) -> UUID:
    return natural_id("delivery", message, attempt)


class Delivery(Aggregate):
    """One attempt to deliver one message, and its outcome."""

    class Event(RecordedEvent):
        """Every outcome of an attempt: when (`on`), by whom (`actor`), to whom
        (`to`), of which message (`message`, its id in the outbox) and which
        attempt it was."""

        message: str
        message_id: str
        """The message's `Message-ID` header, the same at every attempt."""
        body: str
        to: str
        attempt: int

    class Sent(Event, Aggregate.Created):
        """The mail server accepted the message for delivery."""

    class Deferred(Event, Aggregate.Created):
        """The attempt failed (`reason`); the message is tried again at
        `retry_at` (an ISO moment in UTC)."""

        reason: str
        retry_at: str

    class Failed(Event, Aggregate.Created):
        """The last attempt failed (`reason`): the message is not tried again."""

        reason: str

    def __init__(self, **_: Any) -> None:
        """An attempt holds nothing but its one event."""

    @classmethod
    def record(
        cls,
        outcome: type[Delivery.Event],
        *,
        message: str,
        message_id: str,
        body: str,
        to: str,
        attempt: int,
        on: date,
        actor: str,
        **fields: Any,
    ) -> Delivery:
        """The record of one attempt's `outcome` (`Sent`, `Deferred`, `Failed`)."""
        return cls._create(
            outcome,  # type: ignore[arg-type]
            id=attempt_id(message, attempt),
            message=message,
            message_id=message_id,
            body=body,
            to=to,
            attempt=attempt,
            on=on,
            actor=actor,
            **fields,
        )
