"""The Secretariat: one method per command, and the queries that read the record."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar
from uuid import UUID

import attrs
from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError, JSONTranscoder
from eventsourcing.utils import Environment, EnvType

from application.errors import ConflictError
from application.imported import ImportedEntry
from application.records import event_record
from application.transcodings import register_domain_transcodings
from domain.body import Body, BodyAlreadyEstablishedError, BodyNotFoundError
from domain.ids import body_id, session_id, workplan_id
from domain.session import Session, SessionAlreadyScheduledError, SessionNotFoundError
from domain.values import Period, describe_session
from domain.workplan import Workplan, WorkplanAlreadyAdoptedError, WorkplanNotFoundError

if TYPE_CHECKING:  # needed to type them, not to run commands
    from application.commands import (
        AdoptReport,
        AdoptWorkplan,
        CancelSession,
        ChangeVenue,
        CirculateDocument,
        CloseSession,
        Command,
        ConfirmPanelist,
        EstablishBody,
        ExtendDeadline,
        IssueAgenda,
        IssueDocument,
        OpenSession,
        PostponeSession,
        ReceiveSubmission,
        RecordStatement,
        RequestComments,
        RescheduleSession,
        ScheduleSession,
        SessionCommand,
        WorkplanCommand,
    )

SNAPSHOT_INTERVAL = 100
"""Take a snapshot every so many events, so that loading a session with a long
history reads one snapshot and fewer than this many events."""

TAggregate = TypeVar("TAggregate", bound=Aggregate)

_marking: ContextVar[tuple[UUID, Command] | None] = ContextVar("_marking", default=None)
"""The import entry the command being executed applies, if any: whichever method
carries out the command, its one save also records the entry as applied."""


@attrs.frozen
class Recorded:
    """What a command recorded: the record it changed, the event, the new version."""

    record: str
    event: str
    version: int


class Secretariat(Application[UUID]):
    """Records the secretariat's decisions as events, and reads them back."""

    name = "secretariat"
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {
        Session: SNAPSHOT_INTERVAL,
        Workplan: SNAPSHOT_INTERVAL,
    }
    save_attempts = 30
    """How often a commuting command is tried when a concurrent change meets it."""
    retry_pause = 0.005
    """Seconds: the longest pause before the second attempt; it doubles at each
    attempt after that, up to `retry_pause_limit`. Each pause is drawn at random
    below its bound, so that officers who met stop meeting."""
    retry_pause_limit = 0.25

    def construct_env(self, name: str, env: EnvType | None = None) -> Environment:
        # The store is configured by the caller alone (the composition root), never
        # by whatever happens to be in the process environment.
        settings = dict(type(self).env)
        settings["IS_SNAPSHOTTING_ENABLED"] = "y"
        settings.update(env or {})
        return Environment(name, settings)

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)

    def execute(self, command: Command, *, marking: UUID | None = None) -> Recorded:
        """Carry out any command, by the method of the same name.

        With `marking`, the id of an import entry, the entry is recorded as
        applied in the same transaction as the command's events. If the entry
        is already recorded (someone imported it at the same moment), the save
        fails and nothing is written: ask `is_applied` first, and again after a
        failure.
        """
        method: Callable[[Command], Recorded] = getattr(
            self, command.verb.replace("-", "_")
        )
        with self._marked(marking, command):
            return method(command)

    def is_applied(self, marking: UUID) -> bool:
        """Whether the import entry with this id has been applied: one read of
        its first event (an entry has no snapshots to look for)."""
        return bool(self.recorder.select_events(marking, limit=1))

    # Bodies.

    def establish_body(self, c: EstablishBody) -> Recorded:
        body = Body(
            code=c.code,
            name=c.name,
            parent=c.parent,
            mandate=c.mandate,
            on=c.on,
            actor=c.actor,
        )
        try:
            return self._save(body, f"the body {c.code}")
        except IntegrityError:
            raise BodyAlreadyEstablishedError(c.code) from None

    # Sessions.

    def schedule_session(self, c: ScheduleSession) -> Recorded:
        self._body(c.body)
        session = Session(
            body=c.body,
            number=c.number,
            title=c.title,
            dates=c.dates,
            venue=c.venue,
            format=c.format,
            stocktaking=c.stocktaking,
            on=c.on,
            actor=c.actor,
        )
        try:
            return self._save(session, session.description)
        except IntegrityError:
            raise SessionAlreadyScheduledError(c.body, c.number) from None

    def postpone_session(self, c: PostponeSession) -> Recorded:
        return self._change_session(
            c,
            lambda s: s.postpone(
                reason=c.reason,
                dates=c.dates,
                announced_in=c.announced_in,
                on=c.on,
                actor=c.actor,
            ),
        )

    def reschedule_session(self, c: RescheduleSession) -> Recorded:
        return self._change_session(
            c,
            lambda s: s.reschedule(
                dates=c.dates, reason=c.reason, on=c.on, actor=c.actor
            ),
        )

    def change_venue(self, c: ChangeVenue) -> Recorded:
        return self._change_session(
            c,
            lambda s: s.change_venue(
                venue=c.venue, format=c.format, on=c.on, actor=c.actor
            ),
        )

    def cancel_session(self, c: CancelSession) -> Recorded:
        return self._change_session(
            c, lambda s: s.cancel(reason=c.reason, on=c.on, actor=c.actor)
        )

    def issue_agenda(self, c: IssueAgenda) -> Recorded:
        return self._change_session(
            c, lambda s: s.issue_agenda(items=c.items, on=c.on, actor=c.actor)
        )

    def issue_document(self, c: IssueDocument) -> Recorded:
        return self._change_session(
            c,
            lambda s: s.issue_document(
                kind=c.kind, title=c.title, symbol=c.symbol, on=c.on, actor=c.actor
            ),
        )

    def circulate_document(self, c: CirculateDocument) -> Recorded:
        return self._change_session(
            c,
            lambda s: s.circulate_document(
                title=c.title, to=c.to, via=c.via, on=c.on, actor=c.actor
            ),
        )

    def record_statement(self, c: RecordStatement) -> Recorded:
        return self._change_session(
            c,
            lambda s: s.record_statement(
                delegation=c.delegation, item=c.item, on=c.on, actor=c.actor
            ),
        )

    def confirm_panelist(self, c: ConfirmPanelist) -> Recorded:
        return self._change_session(
            c,
            lambda s: s.confirm_panelist(
                name=c.name,
                delegation=c.delegation,
                item=c.item,
                title=c.title,
                on=c.on,
                actor=c.actor,
            ),
        )

    def open_session(self, c: OpenSession) -> Recorded:
        return self._change_session(c, lambda s: s.open(on=c.on, actor=c.actor))

    def close_session(self, c: CloseSession) -> Recorded:
        return self._change_session(c, lambda s: s.close(on=c.on, actor=c.actor))

    def adopt_report(self, c: AdoptReport) -> Recorded:
        return self._change_session(
            c, lambda s: s.adopt_report(symbol=c.symbol, on=c.on, actor=c.actor)
        )

    # Workplans.

    def adopt_workplan(self, c: AdoptWorkplan) -> Recorded:
        self._body(c.body)
        workplan = Workplan.adopt(
            body=c.body,
            period=c.period,
            at_session=c.at_session,
            topics=c.topics,
            stocktaking_by=c.stocktaking_by,
            on=c.on,
            actor=c.actor,
        )
        try:
            return self._save(workplan, workplan.description)
        except IntegrityError:
            raise WorkplanAlreadyAdoptedError(c.body, c.period) from None

    def request_comments(self, c: RequestComments) -> Recorded:
        return self._change_workplan(
            c,
            lambda w: w.request_comments(
                cycle=c.cycle, deadline=c.deadline, on=c.on, actor=c.actor
            ),
        )

    def extend_deadline(self, c: ExtendDeadline) -> Recorded:
        return self._change_workplan(
            c,
            lambda w: w.extend_deadline(
                cycle=c.cycle, to=c.to, reason=c.reason, on=c.on, actor=c.actor
            ),
        )

    def receive_submission(self, c: ReceiveSubmission) -> Recorded:
        return self._change_workplan(
            c,
            lambda w: w.receive_submission(
                cycle=c.cycle,
                submitter=c.submitter,
                submitter_kind=c.submitter_kind,
                reference=c.reference,
                on=c.on,
                actor=c.actor,
            ),
        )

    # Queries.

    def history(self, body: str, number: int) -> dict[str, Any]:
        """A session's events, oldest first, as plain data."""
        events = list(self.events.get(session_id(body, number)))
        if not events:
            self._body(body)
            raise SessionNotFoundError(body, number)
        return {
            "body": body,
            "number": number,
            "events": [event_record(event) for event in events],
        }

    def workplan_history(self, body: str, period: Period) -> dict[str, Any]:
        """A workplan's events, oldest first, as plain data."""
        events = list(self.events.get(workplan_id(body, period)))
        if not events:
            self._workplan(body, period)
        return {
            "body": body,
            "period": str(period),
            "events": [event_record(event) for event in events],
        }

    def event_count(self) -> int:
        """How many events the store holds (the position of its last event)."""
        return self.recorder.max_notification_id() or 0

    # Loading and saving.

    def _body(self, code: str) -> Body:
        return self._get(Body, body_id(code), lambda: BodyNotFoundError(code))

    def _session(self, body: str, number: int) -> Session:
        def not_found() -> Exception:
            self._body(body)
            return SessionNotFoundError(body, number)

        return self._get(Session, session_id(body, number), not_found)

    def _workplan(self, body: str, period: Period) -> Workplan:
        def not_found() -> Exception:
            self._body(body)
            return WorkplanNotFoundError(body, period)

        return self._get(Workplan, workplan_id(body, period), not_found)

    def _get(
        self,
        kind: type[TAggregate],
        aggregate_id: UUID,
        not_found: Callable[[], Exception],
    ) -> TAggregate:
        try:
            aggregate: Aggregate = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise not_found() from None
        assert isinstance(aggregate, kind)
        return aggregate

    def _change_session(
        self, c: SessionCommand, decide: Callable[[Session], None]
    ) -> Recorded:
        return self._change(
            c,
            lambda: self._session(c.body, c.number),
            decide,
            describe_session(c.body, c.number),
        )

    def _change_workplan(
        self, c: WorkplanCommand, decide: Callable[[Workplan], None]
    ) -> Recorded:
        return self._change(
            c,
            lambda: self._workplan(c.body, c.period),
            decide,
            f"the {c.period} workplan of {c.body}",
        )

    def _change(
        self,
        c: Command,
        load: Callable[[], TAggregate],
        decide: Callable[[TAggregate], None],
        description: str,
    ) -> Recorded:
        """Load, decide, save; a commuting command meeting a concurrent change is
        decided again on the fresh record, any other gives up with a conflict."""
        attempts = self.save_attempts if c.commutes else 1
        for attempt in range(attempts):
            if attempt:
                bound = min(
                    self.retry_pause * 2 ** (attempt - 1), self.retry_pause_limit
                )
                time.sleep(random.uniform(0, bound))
            aggregate = load()
            decide(aggregate)
            try:
                return self._save(aggregate, description)
            except IntegrityError:
                if self._entry_applied_meanwhile():
                    break
        raise ConflictError(description)

    def _entry_applied_meanwhile(self) -> bool:
        """Whether the import entry this command applies was recorded by someone
        else: trying again could never succeed."""
        marked = _marking.get()
        return marked is not None and self.is_applied(marked[0])

    @contextmanager
    def _marked(self, marking: UUID | None, command: Command) -> Iterator[None]:
        token = _marking.set(None if marking is None else (marking, command))
        try:
            yield
        finally:
            _marking.reset(token)

    def _save(self, aggregate: Aggregate, description: str) -> Recorded:
        event = type(aggregate.pending_events[-1]).__name__
        marked = _marking.get()
        if marked is None:
            self.save(aggregate)
        else:
            # A new one on every attempt: a failed save has taken its event.
            marking, c = marked
            entry = ImportedEntry(id=marking, command=c.verb, on=c.on, actor=c.actor)
            self.save(aggregate, entry)
        return Recorded(record=description, event=event, version=aggregate.version)
