"""The deadline tracking view: workplans, their calls for comments, every
extension and every submission, as received (submissions are judged against
the deadlines when the view is read, never when they are stored)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from adapters.views.base import Cursor, View, body_filter
from adapters.views.tables import (
    DEADLINE_CALLS,
    DEADLINE_EXTENSIONS,
    DEADLINE_SUBMISSIONS,
    DEADLINE_WORKPLANS,
    DEADLINES,
    Layout,
)
from application.projections import Logged
from application.projections.deadlines import DeadlinesProjector
from application.projections.rows import (
    CallRow,
    ExtensionRow,
    SubmissionRow,
    WorkplanRow,
)


class DeadlinesView(View):
    layout: ClassVar[Layout] = DEADLINES
    projector: ClassVar[DeadlinesProjector] = DeadlinesProjector()

    def apply_page(self, cursor: Cursor, events: Sequence[Logged]) -> None:
        wanted_workplans, wanted_calls = self.projector.wanted(events)
        workplans = {
            row.workplan_id: row
            for row in self.select_in(
                cursor, DEADLINE_WORKPLANS, "workplan_id", wanted_workplans
            )
        }
        calls = {
            (row.workplan_id, row.cycle): row
            for row in self.select_in(
                cursor,
                DEADLINE_CALLS,
                "workplan_id",
                {workplan for workplan, _ in wanted_calls},
            )
        }
        changes = self.projector.apply(events, workplans, calls)
        self.insert(cursor, DEADLINE_WORKPLANS, changes.workplans)
        self.upsert(cursor, DEADLINE_CALLS, changes.calls.values())
        self.insert(cursor, DEADLINE_EXTENSIONS, changes.extensions)
        self.insert(cursor, DEADLINE_SUBMISSIONS, changes.submissions)
        self.delete(cursor, DEADLINE_SUBMISSIONS, changes.struck_submissions)

    def read(
        self, body: str | None = None
    ) -> tuple[
        list[WorkplanRow], list[CallRow], list[ExtensionRow], list[SubmissionRow]
    ]:
        """The workplans, calls, extensions and submissions of `body` (or all),
        read in one snapshot. A body's extensions and submissions are looked up
        by its workplans' keys, so that reading them costs the same however
        many other bodies' rows the tables hold."""
        params = self.body_params(body)
        with self.read_transaction() as cursor:
            workplans = self.select(
                cursor, DEADLINE_WORKPLANS, body_filter(body), params
            )
            calls = self.select(cursor, DEADLINE_CALLS, body_filter(body), params)
            if not body:
                return (
                    workplans,
                    calls,
                    self.select(cursor, DEADLINE_EXTENSIONS),
                    self.select(cursor, DEADLINE_SUBMISSIONS),
                )
            keys = [workplan.workplan_id for workplan in workplans]
            return (
                workplans,
                calls,
                self.select_in(cursor, DEADLINE_EXTENSIONS, "workplan_id", keys),
                self.select_in(cursor, DEADLINE_SUBMISSIONS, "workplan_id", keys),
            )
