"""Deadlines: workplan events into workplans, their calls for comments, every
extension and every submission.

A submission is stored as received, never judged: whether it is on time
depends on the deadlines as they stand when the view is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from application.errors import UnreadableEventError
from application.projections import Logged, record_key, utc_text
from application.projections.rows import (
    CallRow,
    ExtensionRow,
    SubmissionRow,
    WorkplanRow,
)
from domain.workplan import Workplan


@attrs.define
class DeadlineChanges:
    """What one page of events does to the deadline tracking view."""

    workplans: list[WorkplanRow] = attrs.Factory(list)
    calls: dict[tuple[str, int], CallRow] = attrs.Factory(dict)
    extensions: list[ExtensionRow] = attrs.Factory(list)
    submissions: list[SubmissionRow] = attrs.Factory(list)
    struck_submissions: list[tuple[str, int]] = attrs.Factory(list)
    """The submissions struck (by workplan and version): they no longer count."""


class DeadlinesProjector:
    """Workplan events into workplans, calls, extensions and submissions."""

    events: tuple[type[Any], ...] = (
        Workplan.Adopted,
        Workplan.CommentsRequested,
        Workplan.DeadlineExtended,
        Workplan.SubmissionReceived,
        Workplan.Struck,
    )

    def wanted(self, events: Iterable[Logged]) -> tuple[set[str], set[tuple[str, int]]]:
        """The workplans and calls whose rows a page needs before it is applied."""
        workplans: set[str] = set()
        calls: set[tuple[str, int]] = set()
        for _, _, event in events:
            if type(event) is Workplan.CommentsRequested:
                workplans.add(record_key(event.originator_id))
            elif type(event) is Workplan.DeadlineExtended:
                calls.add((record_key(event.originator_id), event.cycle))
        return workplans, calls

    def apply(
        self,
        events: Sequence[Logged],
        workplans: Mapping[str, WorkplanRow],
        calls: Mapping[tuple[str, int], CallRow],
    ) -> DeadlineChanges:
        """The rows that `events` add or change, given the current rows of the
        workplans and calls they concern (`wanted`)."""
        changes = DeadlineChanges()
        page = _Page(changes, workplans, calls)
        submissions = changes.submissions
        received = Workplan.SubmissionReceived
        for logged in events:
            event = logged.event
            if type(event) is received:  # most of the events read
                submissions.append(
                    SubmissionRow(
                        record_key(event.originator_id),
                        event.originator_version,
                        event.cycle,
                        event.submitter,
                        event.submitter_kind.value,
                        event.reference,
                        event.on.isoformat(),
                        event.actor,
                        logged.recorded_at,
                        None
                        if event.received_at is None
                        else utc_text(event.received_at),
                    )
                )
                continue
            if type(event) is Workplan.Struck:
                changes.struck_submissions.append(
                    (record_key(event.originator_id), event.entry_version)
                )
                continue
            try:
                apply = page.appliers[type(event)]
            except KeyError:
                raise UnreadableEventError(
                    f"deadlines do not read {type(event).__name__} events"
                ) from None
            apply(logged)
        return changes


class _Page:
    """The rows of one page being applied, beside the rows it started from."""

    def __init__(
        self,
        changes: DeadlineChanges,
        workplans: Mapping[str, WorkplanRow],
        calls: Mapping[tuple[str, int], CallRow],
    ) -> None:
        self.changes = changes
        self.workplans = workplans
        self.calls = calls
        self.adopted: dict[str, WorkplanRow] = {}
        self.appliers: dict[type[Any], Callable[[Logged], None]] = {
            Workplan.Adopted: self.adopted_workplan,
            Workplan.CommentsRequested: self.comments_requested,
            Workplan.DeadlineExtended: self.deadline_extended,
        }

    def adopted_workplan(self, logged: Logged) -> None:
        event: Workplan.Adopted = logged.event
        row = WorkplanRow(
            workplan_id=record_key(event.originator_id),
            body=event.body,
            period=str(event.period),
            stocktaking_by=event.stocktaking_by,
            adopted_on=event.on.isoformat(),
            recorded_at=logged.recorded_at,
            timezone=event.timezone,
        )
        self.adopted[row.workplan_id] = row
        self.changes.workplans.append(row)

    def comments_requested(self, logged: Logged) -> None:
        event: Workplan.CommentsRequested = logged.event
        key = record_key(event.originator_id)
        workplan = self.adopted.get(key) or self.workplans.get(key)
        if workplan is None:
            raise UnreadableEventError(
                f"comments requested at position {logged.position} under "
                "a workplan the view has no row for"
            )
        deadline = event.deadline.isoformat()
        recorded_at = logged.recorded_at
        call = CallRow(
            workplan_id=workplan.workplan_id,
            cycle=event.cycle,
            body=workplan.body,
            period=workplan.period,
            original_deadline=deadline,
            deadline=deadline,
            extensions=0,
            requested_on=event.on.isoformat(),
            requested_at=recorded_at,
            recorded_at=recorded_at,
            timezone=workplan.timezone,
        )
        self.changes.calls[(call.workplan_id, call.cycle)] = call

    def deadline_extended(self, logged: Logged) -> None:
        event: Workplan.DeadlineExtended = logged.event
        key = (record_key(event.originator_id), event.cycle)
        before = self.changes.calls.get(key) or self.calls.get(key)
        if before is None:
            raise UnreadableEventError(
                f"a deadline extended at position {logged.position} "
                "belongs to a call the view has no row for"
            )
        extension = ExtensionRow(
            workplan_id=key[0],
            version=event.originator_version,
            cycle=event.cycle,
            previous=event.previous.isoformat(),
            to=event.to.isoformat(),
            reason=event.reason,
            effective_on=event.on.isoformat(),
            actor=event.actor,
            recorded_at=logged.recorded_at,
        )
        self.changes.extensions.append(extension)
        self.changes.calls[key] = before._replace(
            deadline=extension.to,
            extensions=before.extensions + 1,
            recorded_at=extension.recorded_at,
        )
