"""A body's distribution list: the people the secretariat tells of the body's
decisions (Member States' focal points, the members of its Bureau), each with
the language they read and whether they sit on the extended Bureau.

The list begins with its first subscriber (`DistributionList.Started`) and is
kept by events, so that the record says, for any date, who was on it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from domain.errors import DomainError, InvalidValueError
from domain.ids import natural_id
from domain.provenance import RecordedEvent

EMAIL_LIMIT = 254
"""Most characters in an e-mail address (RFC 5321's path, less its brackets)."""

_ATOM = r"[^@\s<>(),;:\"\[\]\\]+"
EMAIL = re.compile(rf"{_ATOM}@{_ATOM}\.[^@\s<>(),;:\"\[\]\\.]+")
"""An address as a person writes one: a local part, `@`, and a domain with a
dot in it; no spaces, brackets or separators that would make it two."""


def distribution_list_id(body: str) -> UUID:
    return natural_id("distribution-list", body)


def check_email(value: str, *, what: str = "the e-mail address") -> str:
    """Return `value` if it is one e-mail address the record can hold, else raise."""
    if not isinstance(value, str):
        raise InvalidValueError(f"{what} must be text")
    if len(value) > EMAIL_LIMIT:
        raise InvalidValueError(
            f"{what} is {len(value):,} characters long; the limit is {EMAIL_LIMIT}"
        )
    if not (value.isascii() and value.isprintable()) or not EMAIL.fullmatch(value):
        raise InvalidValueError(f"{value!r} is not an e-mail address")
    return value


def address_key(email: str) -> str:
    """How an address is matched: two spellings that differ only in case are
    the same mailbox as far as the list is concerned."""
    return email.casefold()


class DistributionList(Aggregate):
    """The people told of one body's decisions."""

    class Event(RecordedEvent):
        """Every event of a distribution list (`RecordedEvent`); each moves
        the list to its date."""

        def apply(self, aggregate: Any) -> None:
            aggregate.last_on = self.on

    @staticmethod
    def create_id(body: str, **_: Any) -> UUID:
        return distribution_list_id(body)

    class Started(Event, Aggregate.Created):
        """The body's distribution list was started, with its first subscriber."""

        body: str

    @event(Started)
    def __init__(self, body: str, on: date, actor: str) -> None:
        self.body = body
        self.subscribers: dict[str, Subscriber] = {}
        self.last_on: date = on

    def subscribe(
        self,
        *,
        email: str,
        name: str,
        delegation: str | None,
        language: str,
        bureau: bool,
        on: date,
        actor: str,
    ) -> None:
        """Put someone on the list, or change how an address already on it is
        written to (its name, delegation, language, Bureau membership)."""
        self._check_effective_date(on)
        subscriber = Subscriber(email, name, delegation, language, bureau)
        if self.subscribers.get(address_key(email)) == subscriber:
            raise AlreadySubscribedError(self.body, email)
        self._subscribe(
            email=email,
            name=name,
            delegation=delegation,
            language=language,
            bureau=bureau,
            on=on,
            actor=actor,
        )

    class Subscribed(Event):
        """`name` (of `delegation`, if any) is told of the body's decisions at
        `email`, in `language`; `bureau`: a member of the extended Bureau."""

        email: str
        name: str
        delegation: str | None
        language: str
        bureau: bool

    @event(Subscribed)
    def _subscribe(
        self,
        email: str,
        name: str,
        delegation: str | None,
        language: str,
        bureau: bool,
        on: date,
        actor: str,
    ) -> None:
        self.subscribers[address_key(email)] = Subscriber(
            email, name, delegation, language, bureau
        )

    def unsubscribe(self, *, email: str, on: date, actor: str) -> None:
        """Take an address off the list."""
        self._check_effective_date(on)
        if address_key(email) not in self.subscribers:
            raise NotSubscribedError(self.body, email)
        self._unsubscribe(email=email, on=on, actor=actor)

    class Unsubscribed(Event):
        """The address `email` is no longer told of the body's decisions."""

        email: str

    @event(Unsubscribed)
    def _unsubscribe(self, email: str, on: date, actor: str) -> None:
        del self.subscribers[address_key(email)]

    def _check_effective_date(self, on: date) -> None:
        if on < self.last_on:
            raise ListChangeBeforeLastError(self.body, on, self.last_on)


@attrs.frozen
class Subscriber:
    """One person on a list, as the list holds them."""

    email: str
    name: str
    delegation: str | None
    language: str
    bureau: bool


class AlreadySubscribedError(DomainError):
    """Raised when an address is subscribed again exactly as it already is."""

    def __init__(self, body: str, email: str) -> None:
        super().__init__(
            f"{email} is already on the distribution list of {body}, as given"
        )


class NotSubscribedError(DomainError):
    """Raised when an address that is not on a body's list is taken off it."""

    def __init__(self, body: str, email: str) -> None:
        super().__init__(f"{email} is not on the distribution list of {body}")


class ListChangeBeforeLastError(DomainError):
    """Raised when a change to a list would take effect before one already
    recorded for it."""

    def __init__(self, body: str, on: date, last_on: date) -> None:
        super().__init__(
            f"this change takes effect on {on.isoformat()}, before the last one "
            f"recorded for the distribution list of {body} ({last_on.isoformat()}); "
            "changes to a list are recorded in the order they take effect"
        )
