"""Exporting the record as an import file that reproduces it.

Each event of a body, session or workplan, in the order it was recorded, is
turned back into the command that recorded it, and the command is written by
its declaration as an import file's entry (the inverse of reading one): the
same command's name and fields, its effective date, its actor and its
provenance. Importing the entries, in order, into an empty store decides the
same events again: every session's and workplan's history reads the same,
apart from when and how each event was recorded (`recorded_at`,
`recorded_via`).

Grants of access are not exported (a token is shown once and never kept), nor
the marks of import entries applied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any
from uuid import UUID

import attrs
from eventsourcing.utils import get_topic

from application.commands import declarations
from application.commands.declaring import Declaration
from domain.body import Body
from domain.errors import DomainError
from domain.session import Session
from domain.workplan import Workplan

if TYPE_CHECKING:
    from application.secretariat import Secretariat

PAGE = 2000
"""Events read from the log at a time."""


class UnexportableEventError(DomainError):
    """Raised when the record holds an event that export cannot write as a
    command of an import file."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"the record holds a decision export cannot write yet ({name}); "
            "nothing was exported"
        )


VERBS: dict[type[Any], str] = {
    Body.Established: "establish-body",
    Session.Scheduled: "schedule-session",
    Session.Postponed: "postpone-session",
    Session.Rescheduled: "reschedule-session",
    Session.VenueChanged: "change-venue",
    Session.Cancelled: "cancel-session",
    Session.AgendaIssued: "issue-agenda",
    Session.DocumentIssued: "issue-document",
    Session.DocumentCirculated: "circulate-document",
    Session.StatementRecorded: "record-statement",
    Session.PanelistConfirmed: "confirm-panelist",
    Session.Opened: "open-session",
    Session.Closed: "close-session",
    Session.ReportAdopted: "adopt-report",
    Session.Corrected: "correct-session",
    Session.Translated: "translate-session",
    Session.TranslationPublished: "publish-translation",
    Body.Translated: "translate-body",
    Session.Struck: "strike-entry",
    Workplan.Adopted: "adopt-workplan",
    Workplan.CommentsRequested: "request-comments",
    Workplan.DeadlineExtended: "extend-deadline",
    Workplan.SubmissionReceived: "receive-submission",
    Workplan.Struck: "strike-entry",
}
"""The command that records each kind of event."""

RENAMED: dict[str, Callable[[Any], Any]] = {
    "dates": lambda event: event.new if hasattr(event, "new") else event.dates,
    "title": lambda event: (
        event.document if hasattr(event, "document") else event.title
    ),
    "version": lambda event: event.entry_version,
}
"""Fields of a command whose value an event keeps under another name (a
postponement's or rescheduling's new `dates`; a circulation's `title`, the
document it circulated; a strike's `version`, the entry it struck)."""


RECORDS = (Body.Event, Session.Event, Workplan.Event)


def exported_topics() -> list[str]:
    """The topics of every event of the record's bodies, sessions and
    workplans (the log's other events are left where they are)."""
    return [
        get_topic(kind)
        for kind in {
            *VERBS,
            *(
                value
                for record in (Body, Session, Workplan)
                for value in vars(record).values()
                if isinstance(value, type) and issubclass(value, RECORDS)
            ),
        }
    ]


class Exporter:
    """The record's events, one after the other, as import file entries."""

    def __init__(self, secretariat: Secretariat, body: str | None = None) -> None:
        if body is not None:
            secretariat.check_body(body)
        self.secretariat = secretariat
        self.body = body
        self.keys: dict[UUID, dict[str, Any]] = {}
        """The key (body and number, or body and period) of each record met."""
        self.declarations: dict[str, Declaration] = {
            declaration.verb: declaration for declaration in declarations()
        }

    def entries(self) -> Iterator[dict[str, Any]]:
        """Every entry, in the order its event was recorded."""
        recorder = self.secretariat.recorder
        mapper = self.secretariat.mapper
        topics = exported_topics()
        start = 1
        while True:
            page = recorder.select_notifications(start, PAGE, topics=topics)
            for notification in page:
                event = mapper.to_domain_event(notification)
                entry = self.entry(event)
                if entry is not None:
                    yield entry
            if len(page) < PAGE:
                return
            start = page[-1].id + 1

    def entry(self, event: Any) -> dict[str, Any] | None:
        """`event` as the entry of the command that records it; None for an
        event of another body than the one exported."""
        verb = VERBS.get(type(event))
        if verb is None:
            raise UnexportableEventError(type(event).__qualname__)
        key = self._key(event)
        if self.body is not None and key.get("body", key.get("code")) != self.body:
            return None
        declaration = self.declarations[verb]
        fields: dict[str, Any] = {}
        for field in attrs.fields(declaration.command):
            if field.name in key:
                fields[field.name] = key[field.name]
            elif field.name in RENAMED:
                fields[field.name] = RENAMED[field.name](event)
            elif hasattr(event, field.name):
                fields[field.name] = getattr(event, field.name)
        fields["recorded_via"] = None
        command = declaration.command(**fields)
        return {"command": verb, **declaration.write(command)}

    def _key(self, event: Any) -> dict[str, Any]:
        """The body and number (or period) of the record `event` is about,
        learned from the event that created it."""
        found = self.keys.get(event.originator_id)
        if found is None:
            if isinstance(event, Body.Established):
                # Establishing names a body by its code, later commands by BODY.
                found = {"code": event.code, "body": event.code}
            elif isinstance(event, Session.Scheduled):
                found = {"body": event.body, "number": event.number}
            elif isinstance(event, Workplan.Adopted):
                found = {"body": event.body, "period": event.period}
            else:  # a record's first event creates it
                raise UnexportableEventError(type(event).__qualname__)
            self.keys[event.originator_id] = found
        return found
