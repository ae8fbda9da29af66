"""A body: the intergovernmental body whose sessions the secretariat serves."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.delegations import (
    Delegation,
    folded,
    identify,
    observer_is_member_state,
)
from domain.errors import DomainError
from domain.ids import body_id
from domain.provenance import RecordedEvent
from domain.values import ObserverKind


class Body(Aggregate):
    """An intergovernmental body, known by a short code (`cybercrime-egm`)."""

    class Event(RecordedEvent):
        """Every event of a body: when it took effect, who recorded it, and how
        the record knows it (`RecordedEvent`)."""

    @staticmethod
    def create_id(code: str, **_: Any) -> UUID:
        return body_id(code)

    class Established(Event, Aggregate.Created):
        """The body was established: its code, name, parent body and mandate."""

        code: str
        name: str
        parent: str | None
        mandate: str | None

    @event(Established)
    def __init__(
        self,
        code: str,
        name: str,
        parent: str | None,
        mandate: str | None,
        on: date,
        actor: str,
    ) -> None:
        self.code = code
        self.name = name
        self.parent = parent
        self.mandate = mandate
        self.established_on = on
        self.last_on = on
        self.observers: list[tuple[str, ObserverKind, date]] = []

    # Observers: who may speak and send comments besides the Member States.

    def admit_observer(
        self, *, name: str, kind: ObserverKind, on: date, actor: str
    ) -> None:
        """Admit an observer: a State that is not a Member, an
        intergovernmental organization or another entity, known from then on
        by `name` wherever a delegation is named."""
        if on < self.last_on:
            raise AdmissionBeforeLastError(self.code, on, self.last_on)
        member = observer_is_member_state(name)
        if member is not None:
            raise ObserverIsMemberStateError(self.code, name, member)
        for admitted, _, admitted_on in self.observers:
            if folded(admitted) == folded(name):
                raise ObserverAlreadyAdmittedError(self.code, admitted, admitted_on)
        self._admit_observer(name=name, kind=kind, on=on, actor=actor)

    class ObserverAdmitted(Event):
        """An observer was admitted to the body: its `name` and what it is
        (`kind`)."""

        name: str
        kind: ObserverKind

    @event(ObserverAdmitted)
    def _admit_observer(
        self, name: str, kind: ObserverKind, on: date, actor: str
    ) -> None:
        self.observers.append((name, kind, on))
        self.last_on = on

    def delegation(self, written: str, *, unlisted: bool = False) -> Delegation:
        """The delegation `written` names: a Member State, or an observer this
        body admitted, matched ignoring case, spacing and diacritics and
        through the aliases of Member States; with `unlisted`, a name outside
        both (an expert in a personal capacity), kept as written."""
        return identify(
            written,
            [name for name, _, _ in vars(self).get("observers", [])],
            unlisted=unlisted,
            body=self.code,
        )


class BodyNotFoundError(DomainError):
    """Raised when a command names a body that has not been established."""

    def __init__(self, code: str) -> None:
        super().__init__(f"there is no body {code!r}; establish it first")


class BodyAlreadyEstablishedError(DomainError):
    """Raised when a body code is established a second time."""

    def __init__(self, code: str) -> None:
        super().__init__(f"the body {code!r} is already established")


class ObserverAlreadyAdmittedError(DomainError):
    """Raised when an observer is admitted to a body a second time."""

    def __init__(self, code: str, name: str, on: date) -> None:
        super().__init__(
            f"{name!r} was already admitted as an observer to {code} "
            f"on {on.isoformat()}"
        )


class ObserverIsMemberStateError(DomainError):
    """Raised when the observer to admit is a Member State of the United
    Nations, which every body's members are already."""

    def __init__(self, code: str, name: str, member: str) -> None:
        super().__init__(
            f"{name!r} is a Member State of the United Nations ({member}): "
            f"it is a member of {code}, not an observer"
        )


class AdmissionBeforeLastError(DomainError):
    """Raised when an admission would take effect before the body's
    establishment or its last admission."""

    def __init__(self, code: str, on: date, last_on: date) -> None:
        super().__init__(
            f"this admission takes effect on {on.isoformat()}, before the last "
            f"decision recorded for the body {code} ({last_on.isoformat()}); "
            "decisions on a body are recorded in the order they take effect"
        )
