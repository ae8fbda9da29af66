"""The read side's logic: the domain's events into the rows of the views.

Catch-up hands a projector one page of the log at a time: the events of the
kinds it reads (`events`), each a typed domain event with its position in the
log (`Logged`). The projector returns the rows that page adds or changes, as
plain data (`application.projections.rows`); where the rows live, and how they
are written with the view's tracking record, is the adapters' business.

Rows hold dates as ISO text (`2020-04-06`) and recording times as ISO text in
UTC with microseconds (`2020-03-13T10:15:00.000000+00:00`), so that both compare
correctly as text in every store. This package imports nothing at its top, so
that a query reading a view's table directly loads only the rows' module.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from uuid import UUID


class Logged(NamedTuple):
    """An event as a projector reads it: its position in the log, when it was
    recorded (its timestamp as the views write it, `utc_text`: whoever reads
    the log has it at hand as text, where writing it again would cost a rebuild
    a tenth of its time), and the domain's event (a tuple: catch-up makes one
    per event read)."""

    position: int
    recorded_at: str
    event: Any


def utc_text(moment: datetime) -> str:
    """`moment` written as the views write recording times: in UTC, with
    microseconds (a moment without an offset is taken to be in UTC)."""
    if moment.tzinfo is not UTC:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


@lru_cache(maxsize=4096)
def record_key(record_id: UUID) -> str:
    """A record's id as the views write it (`5f0c...-...`): most events of a
    page belong to a few records, whose ids are written once each."""
    return str(record_id)
