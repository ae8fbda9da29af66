"""Telling the people on a body's distribution list of its decisions: who is on
the list, and (see `application.projections.outbox`) what each is to be told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventsourcing.application import AggregateNotFoundError

from domain.body import BodyNotFoundError
from domain.distribution import DistributionList, distribution_list_id
from domain.ids import body_id

if TYPE_CHECKING:
    from application.secretariat import Secretariat


def distribution_list(secretariat: Secretariat, body: str) -> dict[str, Any]:
    """Who is on `body`'s distribution list now, by address, as plain data."""
    try:
        found: object = secretariat.repository.get(distribution_list_id(body))
    except AggregateNotFoundError:
        if not secretariat.recorder.select_events(body_id(body), limit=1):
            raise BodyNotFoundError(body) from None
        return {"body": body, "subscribers": []}
    assert isinstance(found, DistributionList)
    return {
        "body": body,
        "subscribers": [
            {
                "email": subscriber.email,
                "name": subscriber.name,
                "delegation": subscriber.delegation,
                "language": subscriber.language,
                "bureau": subscriber.bureau,
            }
            for subscriber in sorted(
                found.subscribers.values(), key=lambda s: s.email.casefold()
            )
        ],
    }
