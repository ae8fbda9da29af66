"""A body: the intergovernmental body whose sessions the secretariat serves."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.errors import DomainError
from domain.ids import body_id
from domain.languages import (
    TranslationUnchangedError,
    check_translation,
    language_name,
)
from domain.provenance import RecordedEvent


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

    @property
    def names(self) -> dict[str, str]:
        """The body's name in other languages, by language (`{"fr": ...}`)."""
        found: dict[str, str] = vars(self).setdefault("_names", {})
        return found

    def translate(self, *, language: str, name: str, on: date, actor: str) -> None:
        """Record the body's name in another of the six languages; a later
        translation into the same language corrects it."""
        check_translation(language)
        last_on = vars(self).get("_last_on", self.established_on)
        if on < last_on:
            raise BodyDecisionBeforeLastError(self.code, on, last_on)
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
