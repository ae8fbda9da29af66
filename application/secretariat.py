"""The Secretariat: records the commands it is given, and reads the record back."""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar
from uuid import UUID

import attrs
from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import EventStore, IntegrityError, JSONTranscoder
from eventsourcing.utils import Environment, EnvType, get_topic

from application.deciding import Decisions, Recorded, describe
from application.errors import ConflictError
from application.loading import Snapshots
from application.records import history_records
from application.saved import RecentlySaved
from application.transcodings import register_domain_transcodings
from domain.body import Body, BodyNotFoundError
from domain.errors import DomainError
from domain.ids import body_id, session_id, workplan_id
from domain.languages import in_language_order
from domain.session import Session, SessionNotFoundError
from domain.values import Period
from domain.workplan import Workplan, WorkplanNotFoundError

if TYPE_CHECKING:  # needed to type them, not to read the record
    from application.commands import Command

__all__ = ["Applied", "Recorded", "Refusal", "Secretariat"]

SNAPSHOT_INTERVAL = 100
"""Take a snapshot every so many events, so that loading a session with a long
history reads one snapshot and fewer than this many events."""

TAggregate = TypeVar("TAggregate", bound=Aggregate)

Pending = tuple["Command", UUID | None]
"""A command to apply, with the id of the import entry it applies (or None)."""


@attrs.frozen
class Refusal:
    """The command that could not be applied (by its position), and why."""

    index: int
    error: Exception


@attrs.frozen
class Applied:
    """What `apply` did with the commands given, in their order."""

    outcomes: tuple[Recorded | None, ...]
    """What each command recorded (None: its import entry was applied
    already), up to the refused one or the last one taken."""
    refused: Refusal | None = None
    """The command refused by a rule or a conflict, if any: those before it
    are recorded, it and those after it are not."""
    snapshots: tuple[Any, ...] = ()
    """The snapshots taken of the records as saved, when their saving was
    left to the caller (`save_snapshots`)."""


class Secretariat(Application[UUID]):
    """Records the secretariat's decisions as events, and reads them back."""

    name = "secretariat"
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {
        Session: SNAPSHOT_INTERVAL,
        Workplan: SNAPSHOT_INTERVAL,
    }
    save_attempts = 30
    """How often commands are tried when a concurrent change meets them."""
    retry_pause = 0.005
    """Seconds: the longest pause before the second attempt; it doubles at each
    attempt after that, up to `retry_pause_limit`. Each pause is drawn at random
    below its bound, so that officers who met stop meeting."""
    retry_pause_limit = 0.25

    def __init__(self, env: EnvType | None = None) -> None:
        super().__init__(env)
        self.recently_saved = RecentlySaved()
        """The events this Secretariat saved last, for the views to apply
        without reading them back (`application.saved`)."""

    def construct_env(self, name: str, env: EnvType | None = None) -> Environment:
        # The store is configured by the caller alone (the composition root), never
        # by whatever happens to be in the process environment.
        settings = dict(type(self).env)
        settings["IS_SNAPSHOTTING_ENABLED"] = "y"
        settings.update(env or {})
        return Environment(name, settings)

    def construct_snapshot_store(self) -> EventStore[UUID]:
        # A record whose latest snapshot an earlier version took, without what
        # this one keeps from each event, is loaded from its events instead.
        return Snapshots.like(super().construct_snapshot_store())

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)

    # Commands.

    def execute(
        self,
        command: Command,
        *,
        marking: UUID | None = None,
        expected_version: int | None = None,
    ) -> Recorded:
        """Carry out any command, as its declaration says it is decided.

        With `marking`, the id of an import entry, the entry is recorded as
        applied in the same transaction as the command's events; if it is
        recorded already (someone imported it at the same moment), nothing is
        written and a `ConflictError` says so. With `expected_version`, the
        command's record must be at that version when it is decided (at the
        last attempt, if a concurrent change met the first): otherwise nothing
        is written and a `VersionMismatchError` says so.
        """
        applied = self.apply(
            [(command, marking)],
            skip_applied=False,
            expected_version=expected_version,
        )
        if applied.refused is not None:
            raise applied.refused.error
        (recorded,) = applied.outcomes
        if recorded is None:
            raise ConflictError(describe(command))
        return recorded

    def apply(
        self,
        pending: Sequence[Pending],
        *,
        events: int | None = None,
        skip_applied: bool = True,
        assume_new: bool = False,
        expected_version: int | None = None,
        defer_snapshots: bool = False,
        snapshots: Sequence[Any] = (),
    ) -> Applied:
        """Apply commands in order, in one transaction: each is decided on the
        records as the commands before it left them, held in memory, and what
        they decide is saved together, each command's events with the mark of
        its import entry.

        The commands are taken in order until they have decided `events`
        events (all, when None). One whose entry is applied already is skipped
        (`skip_applied`); one refused by a rule ends the transaction, the
        commands before it saved. When a concurrent change meets the save,
        the commands are decided again on the fresh records, those that do
        not commute refused with a conflict if their record has changed.

        `assume_new` saves asking, entry by entry, whether each is applied
        already: the commands are decided as if none were, and if one was, its
        mark is refused by the store, nothing is written, and they are decided
        again, asking.

        `expected_version`: the version every command's record must be at
        (`execute` gives it for its one command).

        With `defer_snapshots`, the snapshots taken are not saved but handed
        back (`Applied.snapshots`), for the caller to save many transactions'
        at once (`save_snapshots`): a snapshot only spares a later load some
        events, and one never saved costs nothing else. `snapshots`, handed
        back earlier, are saved with this transaction's events, if it saves
        any (an `Applied` with an outcome that is not None).
        """
        taken = len(pending)
        first_loaded: dict[UUID, int] = {}
        asking = skip_applied and not assume_new
        outcomes: list[Recorded | None] = []
        for attempt in range(self.save_attempts):
            if attempt:
                self._pause(attempt)
            # At the first attempt, a record this Secretariat saved is taken
            # from memory as it saved it, without asking the store for what
            # others recorded since (a read per record and transaction): if
            # someone did, the save meets their events, and the next attempt
            # reads the record afresh, as if this one had never been.
            trusted: set[UUID] = set()
            decisions = Decisions(
                partial(self._load, trusted=None if attempt else trusted),
                self._exists,
                loaded_before=first_loaded,
                snapshot_every=self.snapshotting_intervals if self.snapshots else None,
                today=self.today,
                # A body is only looked at: read as the store holds it (an
                # observer another process admitted counts), never trusted
                # from memory, since no save would meet its change.
                read=self._load,
            )
            applied = (
                self.applied_among([m for _, m in pending[:taken] if m is not None])
                if asking
                else set()
            )
            try:
                outcomes, refused, taken = self._decide(
                    decisions, pending[:taken], applied, events, expected_version
                )
            except BaseException:
                self._forget(decisions)
                raise
            if refused is not None:
                # The records as held are not kept: see `_load`.
                self._forget(decisions)
            if not decisions.events:
                return Applied(tuple(outcomes), refused)
            kept: tuple[Any, ...] = ()
            if defer_snapshots:
                kept, decisions.snapshots = tuple(decisions.snapshots), []
            if snapshots:
                decisions.snapshots[:0] = snapshots
            try:
                self._save(decisions)
            except BaseException as error:
                self._forget(decisions)
                if not isinstance(error, IntegrityError):
                    raise
                # The versions first found in the store (not in memory) stand.
                first_loaded = {
                    record_id: version
                    for record_id, version in decisions.loaded.items()
                    if record_id not in trusted
                } | first_loaded
                asking = skip_applied
                if not skip_applied and any(
                    marking is not None and self.is_applied(marking)
                    for _, marking in pending[:taken]
                ):
                    return Applied(tuple(None for _ in pending[:taken]))
                continue
            if refused is not None:
                self._forget(decisions)
            return Applied(tuple(outcomes), refused, kept)
        first = next((i for i, done in enumerate(outcomes) if done is not None), 0)
        conflict = ConflictError(describe(pending[first][0]))
        return Applied(tuple(outcomes[:first]), Refusal(first, conflict))

    def _decide(
        self,
        decisions: Decisions,
        pending: Sequence[Pending],
        applied: set[UUID],
        events: int | None,
        expected_version: int | None,
    ) -> tuple[list[Recorded | None], Refusal | None, int]:
        """Decide the commands in order (see `apply`): what each recorded, the
        one refused if any, and how many were taken."""
        outcomes: list[Recorded | None] = []
        for index, (command, marking) in enumerate(pending):
            if marking in applied:
                outcomes.append(None)
            else:
                try:
                    outcomes.append(
                        decisions.decide(
                            command, marking, expected_version=expected_version
                        ).recorded
                    )
                except (DomainError, ConflictError) as error:
                    if marking is not None and self.is_applied(marking):
                        # Applied already (by someone importing the same
                        # entry at the same moment, say): once, as asked.
                        outcomes.append(None)
                        continue
                    return outcomes, Refusal(index, error), len(pending)
            if events is not None and len(decisions.events) >= events:
                return outcomes, None, index + 1
        return outcomes, None, len(pending)

    def trial(self) -> Decisions:
        """Decisions on the current record, by the same rules as a recording
        command's (today's date included), for a command tried without being
        saved (`--dry-run`)."""
        return Decisions(self._load, self._exists, today=self.today)

    @staticmethod
    def today() -> date:
        """The day a command is recorded on, for the rule that no decision
        takes effect later: the latest date anywhere on Earth (UTC+14), so
        that an officer's today is never refused wherever they are."""
        return (datetime.now(UTC) + timedelta(hours=14)).date()

    def is_applied(self, marking: UUID) -> bool:
        """Whether the import entry with this id has been applied: one read of
        its first event (an entry has no snapshots to look for)."""
        return bool(self.recorder.select_events(marking, limit=1))

    def applied_among(self, markings: Sequence[UUID]) -> set[UUID]:
        """Which of the import entries with these ids have been applied: one
        read for them all where the store can say (`recorded_among`), else
        one read each."""
        among = getattr(self.recorder, "recorded_among", None)
        if among is None:
            return {marking for marking in markings if self.is_applied(marking)}
        found: set[UUID] = among(markings)
        return found

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
            "events": history_records(events),
        }

    def body_history(self, body: str) -> dict[str, Any]:
        """A body's own events (its establishment, the observers it admitted,
        the translations of its name), oldest first, as plain data."""
        events = list(self.events.get(body_id(body)))
        if not events:
            raise BodyNotFoundError(body)
        return {"body": body, "events": history_records(events)}

    def workplan_history(self, body: str, period: Period) -> dict[str, Any]:
        """A workplan's events, oldest first, as plain data."""
        events = list(self.events.get(workplan_id(body, period)))
        if not events:
            self._workplan(body, period)
        return {
            "body": body,
            "period": str(period),
            "events": history_records(events),
        }

    def bodies(self) -> list[dict[str, Any]]:
        """Every body established, by code: as its establishment recorded it."""
        topics = [get_topic(Body.Established)]
        found: list[dict[str, Any]] = []
        start = 1
        while True:
            page = self.recorder.select_notifications(start, 500, topics=topics)
            for notification in page:
                body = self._body_by_id(notification.originator_id)
                found.append(
                    {
                        "code": body.code,
                        "name": body.name,
                        "parent": body.parent,
                        "mandate": body.mandate,
                        "established_on": body.established_on.isoformat(),
                        "names": in_language_order(body.names),
                        "timezone": body.timezone,
                        "observers": [
                            {
                                "name": name,
                                "kind": kind.value,
                                "admitted_on": on.isoformat(),
                            }
                            for name, kind, on in body.observers
                        ],
                    }
                )
            if len(page) < 500:
                return sorted(found, key=lambda body: body["code"])
            start = page[-1].id + 1

    def _body_by_id(self, originator_id: UUID | str) -> Body:
        found: Aggregate = self.repository.get(UUID(str(originator_id)))
        assert isinstance(found, Body)
        return found

    def check_body(self, code: str) -> None:
        """Raise `BodyNotFoundError` unless a body `code` has been established:
        a read of one body names a body of the record."""
        if not self._exists(body_id(code)):
            raise BodyNotFoundError(code)

    def event_count(self) -> int:
        """How many events the store holds (the position of its last event)."""
        return self.recorder.max_notification_id() or 0

    # Loading and saving.

    def _body(self, code: str) -> Body:
        return self._get(Body, body_id(code), lambda: BodyNotFoundError(code))

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

    def _load(
        self, record_id: UUID, *, trusted: set[UUID] | None = None
    ) -> Aggregate | None:
        """The record `record_id` (None: there is none). With `trusted`, a
        record held in memory is taken as held, itself, and its id added to
        `trusted`: the decisions change it in memory, and if they are not
        saved as decided (a command refused, the save failed), `apply` drops
        the records they hold from memory (`_forget`), to be read afresh.
        (A copy of each such record, at each transaction, cost an import
        the time of copying its records again and again as they grew.)"""
        cache = self.repository.cache
        if trusted is not None and cache is not None:
            try:
                held = cache.get(record_id)
            except KeyError:
                pass
            else:
                assert isinstance(held, Aggregate)
                trusted.add(record_id)
                return held
        try:
            aggregate: Aggregate = self.repository.get(record_id)
        except AggregateNotFoundError:
            return None
        return aggregate

    def _exists(self, record_id: UUID) -> bool:
        """Whether there is a record `record_id`: one held in memory is (a
        record is never removed), else one read of its first event."""
        cache = self.repository.cache
        if cache is not None:
            try:
                cache.get(record_id)
            except KeyError:
                pass
            else:
                return True
        return bool(self.recorder.select_events(record_id, limit=1))

    def _forget(self, decisions: Decisions) -> None:
        """Drop from memory the records `decisions` holds: held as they
        decided, they may hold changes that are not in the store."""
        cache = self.repository.cache
        if cache is not None:
            for record_id in decisions.held:
                with contextlib.suppress(KeyError):
                    cache.get(record_id, evict=True)

    def save_snapshots(self, snapshots: Sequence[Any]) -> None:
        """Save snapshots `apply` handed back, in one transaction."""
        if snapshots and self.snapshots is not None:
            self.snapshots.put(snapshots)

    def _save(self, decisions: Decisions) -> None:
        """Save what `decisions` decided, in one transaction, in the order
        decided, with the snapshots taken (and those handed back earlier:
        see `apply`), on SQLite in the same transaction: one commit, not two (a
        snapshot only spares a later load some events, so a store that cannot
        saves them in a transaction of their own, after the events). (The
        library's `save` would order the events record by record, and look at
        each object it is given to tell an event from a record, which costs
        more than the rest.) The records, as saved, go to the cache: the next
        command to load one reads only what others recorded since; the
        events, with their positions in the log, to the views
        (`recently_saved`). (The library's `EventStore.put` would also make,
        for each event, a recording of it that no one here reads.)"""
        to_stored_event = self.mapper.to_stored_event
        events = decisions.events
        stored = [to_stored_event(e) for e in events]
        snapshots = decisions.snapshots
        positions = self._save_with(stored, snapshots) if snapshots else None
        together = positions is not None
        if not together:
            positions = self.recorder.insert_events(stored)
        if positions:
            self.recently_saved.add(positions, [s.topic for s in stored], events)
        cache = self.repository.cache
        if cache is not None:
            for record_id, aggregate in decisions.held.items():
                cache.put(record_id, aggregate)
        if not together:
            self.save_snapshots(snapshots)

    def _save_with(
        self, stored: list[Any], snapshots: Sequence[Any]
    ) -> Sequence[int] | None:
        """Save the stored events and the snapshots in one transaction, where
        the store can (SQLite: one commit, not two), and return the events'
        positions in the log; None, and nothing written, where it cannot."""
        store = self.snapshots
        together = getattr(self.recorder, "insert_events_with", None)
        if store is None or together is None:
            return None
        to_stored = store.mapper.to_stored_event
        positions: Sequence[int] | None = together(
            stored, store.recorder, [to_stored(s) for s in snapshots]
        )
        return positions

    def _pause(self, attempt: int) -> None:
        bound = min(self.retry_pause * 2 ** (attempt - 1), self.retry_pause_limit)
        time.sleep(random.uniform(0, bound))
