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
from domain.languages import (
    TranslationUnchangedError,
    check_translation,
    language_name,
)
from domain.provenance import RecordedEvent
from domain.values import UTC_ZONE, ObserverKind


class Body(Aggregate):
    """An intergovernmental body, known by a short code (`cybercrime-egm`)."""

    class Event(RecordedEvent):
        """Every event of a body: when it took effect, who recorded it, and how
        the record knows it (`RecordedEvent`)."""

    @staticmethod
    def create_id(code: str, **_: Any) -> UUID:
        return body_id(code)

    class Established(Event, Aggregate.Created):
        """The body was established: its code, name, parent body and mandate,
        and the zone its secretariat keeps its deadlines in (`timezone`, an
        IANA name).

        Version 3 added `timezone`; a body established before it (version 2
        or 1) keeps its deadlines in UTC.
        """

        class_version = 3

        code: str
        name: str
        parent: str | None
        mandate: str | None
        timezone: str

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state["timezone"] = UTC_ZONE

    @event(Established)
    def __init__(
        self,
        code: str,
        name: str,
        parent: str | None,
        mandate: str | None,
        timezone: str,
        on: date,
        actor: str,
    ) -> None:
        self.code = code
        self.name = name
        self.parent = parent
        self.mandate = mandate
        self.timezone = timezone
        self.established_on = on
        self.observers: list[tuple[str, ObserverKind, date]] = []

    # Observers: who may speak and send comments besides the Member States.

    def admit_observer(
        self, *, name: str, kind: ObserverKind, on: date, actor: str
    ) -> None:
        """Admit an observer: a State that is not a Member, an
        intergovernmental organization or another entity, known from then on
        by `name` wherever a delegation is named."""
        if on < self.last_on:
            raise BodyDecisionBeforeLastError(self.code, on, self.last_on)
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
        self._last_on = on

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

    @property
    def last_on(self) -> date:
        """The effective date of the body's latest decision: its
        establishment, an admission or a translation."""
        last: date = vars(self).get("_last_on", self.established_on)
        return last

    @property
    def names(self) -> dict[str, str]:
        """The body's name in other languages, by language (`{"fr": ...}`)."""
        found: dict[str, str] = vars(self).setdefault("_names", {})
        return found

    def translate(self, *, language: str, name: str, on: date, actor: str) -> None:
        """Record the body's name in another of the six languages; a later
        translation into the same language corrects it."""
        check_translation(language)
        if on < self.last_on:
            raise BodyDecisionBeforeLastError(self.code, on, self.last_on)
        if self.names.get(language) == name:
            raise TranslationUnchangedError(
                f"the body {self.code}", language_name(language), name
            )
        self._translate(language=language, name=name, on=on, actor=actor)

    class Translated(Event):
        """The body's name in `language` (one of the six, not English) is
        `name`, from now on and as it should always have read."""

        language: str
        name: str

    @event(Translated)
    def _translate(self, language: str, name: str, on: date, actor: str) -> None:
        self.names[language] = name
        self._last_on = on


class BodyNotFoundError(DomainError):
    """Raised when a command names a body that has not been established."""

    def __init__(self, code: str) -> None:
        super().__init__(f"there is no body {code!r}; establish it first")


class BodyAlreadyEstablishedError(DomainError):
    """Raised when a body code is established a second time."""

    def __init__(self, code: str) -> None:
        super().__init__(f"the body {code!r} is already established")


class BodyDecisionBeforeLastError(DomainError):
    """Raised when an entry of a body would take effect before one already
    recorded for it."""

    def __init__(self, code: str, on: date, last_on: date) -> None:
        super().__init__(
            f"this entry takes effect on {on.isoformat()}, before the last one "
            f"recorded for the body {code} ({last_on.isoformat()}); a body's "
            "entries are recorded in the order they take effect"
        )


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
