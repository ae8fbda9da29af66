"""A workplan: a body's multi-year plan, its calls for comments and their deadlines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.delegations import Delegation, add_delegation_as_written
from domain.errors import DomainError
from domain.ids import workplan_id
from domain.provenance import RecordedEvent
from domain.snapshots import outdated
from domain.striking import NotStrikableError, check_strike, note, struck
from domain.values import UTC_ZONE, CycleTopics, Period, SubmitterKind


class Workplan(Aggregate):
    """A body's workplan for a period of years (`2018-2021`)."""

    class_version = 2
    """The state its snapshots hold. Version 2 keeps, from each event, what a
    strike and the order of a call's entries need (the kind of entry at each
    version, the day each call was made, the reference of each submission);
    a snapshot of version 1 (release 0.1.0) holds none of it for the events
    before it, and is not used (`domain.snapshots`)."""

    upcast_v1_v2 = staticmethod(outdated)

    class Event(RecordedEvent):
        """Every event of a workplan: when it took effect, who recorded it, and how
        the record knows it (`RecordedEvent`)."""

        def apply(self, aggregate: Any) -> None:
            note(aggregate, self)

    @staticmethod
    def create_id(body: str, period: Period, **_: Any) -> UUID:
        return workplan_id(body, period)

    @classmethod
    def adopt(
        cls,
        *,
        body: str,
        period: Period,
        at_session: int,
        topics: Sequence[CycleTopics],
        stocktaking_by: int | None,
        on: date,
        actor: str,
        timezone: str = UTC_ZONE,
    ) -> Workplan:
        """Adopt a workplan whose topics and milestones fall inside its period."""
        years = [cycle.year for cycle in topics]
        for year in years:
            if year not in period:
                raise OutsidePeriodError(period, year, "a topic year")
        repeated = sorted({year for year in years if years.count(year) > 1})
        if repeated:
            raise RepeatedTopicYearError(repeated)
        if stocktaking_by is not None and stocktaking_by not in period:
            raise OutsidePeriodError(period, stocktaking_by, "the stocktaking year")
        return cls(
            body=body,
            period=period,
            at_session=at_session,
            topics=sorted(topics, key=lambda cycle: cycle.year),
            stocktaking_by=stocktaking_by,
            timezone=timezone,
            on=on,
            actor=actor,
        )

    class Adopted(Event, Aggregate.Created):
        """The workplan was adopted at a session: its topics by year, and the
        year by which a stocktaking meeting is held, if any; its deadlines
        end at the end of their day in its body's zone (`timezone`).

        Version 3 added `timezone`: a workplan adopted before (version 2 or
        1) is of a body of then, whose zone is UTC.
        """

        class_version = 3

        body: str
        period: Period
        at_session: int
        topics: list[CycleTopics]
        stocktaking_by: int | None
        timezone: str

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state["timezone"] = UTC_ZONE

    @event(Adopted)
    def __init__(
        self,
        body: str,
        period: Period,
        at_session: int,
        topics: list[CycleTopics],
        stocktaking_by: int | None,
        timezone: str,
        on: date,
        actor: str,
    ) -> None:
        self.body = body
        self.timezone = timezone
        self.period = period
        self.at_session = at_session
        self.topics = list(topics)
        self.stocktaking_by = stocktaking_by
        # Keyed by the cycle written as text, so that a snapshot reads back alike.
        self.deadlines: dict[str, date] = {}
        self.references: dict[str, list[str]] = {}

    @property
    def description(self) -> str:
        return f"the {self.period} workplan of {self.body}"

    def request_comments(
        self, *, cycle: int, deadline: date, on: date, actor: str
    ) -> None:
        """Call for written comments for one year of the workplan."""
        if cycle not in self.period:
            raise OutsidePeriodError(self.period, cycle, "the cycle")
        if str(cycle) in self.deadlines:
            raise CommentsAlreadyRequestedError(self.description, cycle)
        if deadline <= on:
            raise DeadlineNotAfterCallError(self.description, cycle, on, deadline)
        self._request_comments(cycle=cycle, deadline=deadline, on=on, actor=actor)

    class CommentsRequested(Event):
        """Written comments were requested for a `cycle`, by a `deadline`."""

        cycle: int
        deadline: date

    @event(CommentsRequested)
    def _request_comments(
        self, cycle: int, deadline: date, on: date, actor: str
    ) -> None:
        self.deadlines[str(cycle)] = deadline
        self.references[str(cycle)] = []
        vars(self).setdefault("requested", {})[str(cycle)] = on

    def extend_deadline(
        self, *, cycle: int, to: date, reason: str, on: date, actor: str
    ) -> None:
        """Extend the deadline of a call for comments to a later date."""
        in_force = self._deadline(cycle)
        self._check_after_call(cycle, on, "an extension")
        if to <= in_force:
            raise ExtensionNotLaterError(self.description, cycle, in_force, to)
        self._extend_deadline(
            cycle=cycle, previous=in_force, to=to, reason=reason, on=on, actor=actor
        )

    class DeadlineExtended(Event):
        """The deadline of a cycle's call was extended, from the one in force
        (`previous`) `to` a later one, for `reason`."""

        cycle: int
        previous: date
        to: date
        reason: str

    @event(DeadlineExtended)
    def _extend_deadline(
        self,
        cycle: int,
        previous: date,
        to: date,
        reason: str,
        on: date,
        actor: str,
    ) -> None:
        self.deadlines[str(cycle)] = to

    def receive_submission(
        self,
        *,
        cycle: int,
        submitter: Delegation,
        submitter_kind: SubmitterKind | None,
        reference: str | None,
        on: date,
        actor: str,
        received_at: datetime | None = None,
    ) -> None:
        """Record a comment received on `on` (at the moment `received_at`, with
        its UTC offset, when it is known), in whatever order receipts are
        typed, from a Member State or an observer of the body (as which it
        sends is known from its name, when not given), or from an unlisted
        sender, who says as which."""
        self._deadline(cycle)
        self._check_after_call(cycle, on, "a submission")
        if reference is not None and reference in self.references[str(cycle)]:
            raise SubmissionAlreadyReceivedError(self.description, cycle, reference)
        self._receive_submission(
            cycle=cycle,
            submitter=submitter.member,
            submitter_kind=sender_kind(submitter, submitter_kind, self.body),
            reference=reference,
            submitter_as_written=submitter.written,
            unlisted=submitter.unlisted,
            received_at=received_at,
            on=on,
            actor=actor,
        )

    class SubmissionReceived(Event):
        """A comment for a `cycle` was received on `on` from a Member State or
        an Observer, under its `reference` if it has one; at the moment
        `received_at` (as given, with its UTC offset: `on` is its date there),
        when it is known. The sender is named as a statement's delegation is
        (`submitter`, `submitter_as_written`, `unlisted`: see
        `Session.StatementRecorded`).

        Version 3 added `submitter_as_written`, `unlisted` and `received_at`:
        a submission received before (version 2 or 1) reads as written, and is
        known by its date only (`received_at` None).
        """

        class_version = 3

        cycle: int
        submitter: str
        submitter_kind: SubmitterKind
        reference: str | None
        submitter_as_written: str
        unlisted: bool
        received_at: datetime | None

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            add_delegation_as_written(state, "submitter")
            state["received_at"] = None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            # Which reference a strike of this version frees.
            received = vars(aggregate).setdefault("received", {})
            received[str(self.originator_version)] = [str(self.cycle), self.reference]

    @event(SubmissionReceived)
    def _receive_submission(
        self,
        cycle: int,
        submitter: str,
        submitter_kind: SubmitterKind,
        reference: str | None,
        submitter_as_written: str,
        unlisted: bool,
        received_at: datetime | None,
        on: date,
        actor: str,
    ) -> None:
        if reference is not None:
            self.references[str(cycle)].append(reference)

    def strike(self, *, version: int, reason: str, on: date, actor: str) -> None:
        """Strike the submission at `version`, recorded in error: it no longer
        counts."""
        kind = check_strike(self, version, self.description)
        if kind != "SubmissionReceived":
            raise NotStrikableError(self.description, version, kind)
        self._strike(
            entry_version=version, entry=kind, reason=reason, on=on, actor=actor
        )

    class Struck(Event):
        """The entry at `entry_version` (an `entry` of that kind: a submission) was
        recorded in error, for `reason`: it no longer counts, and the history
        marks it struck."""

        entry_version: int
        entry: str
        reason: str

    @event(Struck)
    def _strike(
        self, entry_version: int, entry: str, reason: str, on: date, actor: str
    ) -> None:
        struck(self).append(entry_version)
        received = vars(self).get("received", {}).get(str(entry_version))
        if received is not None:
            cycle, reference = received
            if reference in self.references.get(cycle, []):
                self.references[cycle].remove(reference)

    def _check_after_call(self, cycle: int, on: date, what: str) -> None:
        requested = vars(self).get("requested", {}).get(str(cycle))
        if requested is not None and on < requested:
            raise BeforeCallError(self.description, cycle, on, requested, what)

    def _deadline(self, cycle: int) -> date:
        try:
            return self.deadlines[str(cycle)]
        except KeyError:
            raise NoCallForCommentsError(self.description, cycle) from None


def sender_kind(
    sender: Delegation, given: SubmitterKind | None, body: str
) -> SubmitterKind:
    """As which `sender` sends comments: a Member State or an observer, as
    its name says; an unlisted sender, as `given`."""
    if sender.unlisted:
        if given is None:
            raise SenderKindUnknownError(sender.written)
        return given
    known = SubmitterKind.OBSERVER if sender.observer else SubmitterKind.MEMBER_STATE
    if given is not None and given is not known:
        raise SenderKindMismatchError(sender.member, known, body)
    return known


class SenderKindUnknownError(DomainError):
    """Raised when comments from an unlisted sender do not say whether it
    sends them as a Member State or as an observer."""

    def __init__(self, sender: str) -> None:
        super().__init__(
            f"{sender!r} is unlisted: say whether it sends its comments as a "
            "member-state or an observer"
        )


class SenderKindMismatchError(DomainError):
    """Raised when comments are said to come from a Member State as an
    observer, or from an observer as a Member State."""

    def __init__(self, sender: str, known: SubmitterKind, body: str) -> None:
        what = (
            f"an observer admitted to {body}, not a Member State"
            if known is SubmitterKind.OBSERVER
            else "a Member State of the United Nations, not an observer"
        )
        super().__init__(f"{sender} is {what}")


class WorkplanNotFoundError(DomainError):
    """Raised when a command names a workplan that has not been adopted."""

    def __init__(self, body: str, period: Period) -> None:
        super().__init__(f"{body} has no workplan for {period}")


class WorkplanAlreadyAdoptedError(DomainError):
    """Raised when a body's workplan for a period is adopted a second time."""

    def __init__(self, body: str, period: Period) -> None:
        super().__init__(f"the {period} workplan of {body} is already adopted")


class OutsidePeriodError(DomainError):
    """Raised when a year named in a workplan falls outside its period."""

    def __init__(self, period: Period, year: int, what: str) -> None:
        super().__init__(f"{what} {year} falls outside the period {period}")


class RepeatedTopicYearError(DomainError):
    """Raised when a workplan lists the same year's topics twice."""

    def __init__(self, years: list[int]) -> None:
        super().__init__(
            f"the topics for {', '.join(map(str, years))} are given more than once"
        )


class CommentsAlreadyRequestedError(DomainError):
    """Raised when comments are requested a second time for the same cycle."""

    def __init__(self, workplan: str, cycle: int) -> None:
        super().__init__(f"comments for {cycle} under {workplan} are already requested")


class NoCallForCommentsError(DomainError):
    """Raised when a deadline or submission names a cycle with no call for comments."""

    def __init__(self, workplan: str, cycle: int) -> None:
        super().__init__(f"no comments were requested for {cycle} under {workplan}")


class ExtensionNotLaterError(DomainError):
    """Raised when an extension does not move the deadline in force later."""

    def __init__(self, workplan: str, cycle: int, in_force: date, to: date) -> None:
        super().__init__(
            f"the deadline for {cycle} comments under {workplan} is "
            f"{in_force.isoformat()}; an extension must be later, "
            f"and {to.isoformat()} is not"
        )


class SubmissionAlreadyReceivedError(DomainError):
    """Raised when the same submission reference is received twice for one call."""

    def __init__(self, workplan: str, cycle: int, reference: str) -> None:
        super().__init__(
            f"a submission with reference {reference!r} was already received "
            f"for {cycle} under {workplan}"
        )


class DeadlineNotAfterCallError(DomainError):
    """Raised when a call for comments is due on or before the day it is made."""

    def __init__(self, workplan: str, cycle: int, on: date, deadline: date) -> None:
        super().__init__(
            f"comments for {cycle} under {workplan} requested on {on.isoformat()} "
            f"cannot be due on {deadline.isoformat()}: the deadline must be later "
            "than the call"
        )


class BeforeCallError(DomainError):
    """Raised when an extension or a submission is dated before its call."""

    def __init__(
        self, workplan: str, cycle: int, on: date, requested: date, what: str
    ) -> None:
        super().__init__(
            f"{what} dated {on.isoformat()} comes before comments for {cycle} "
            f"under {workplan} were requested ({requested.isoformat()})"
        )
