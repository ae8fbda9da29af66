"""The rows of the views: what each view's tables hold, one row class a table.

Each row is a named tuple whose fields are the table's columns, in order, with
the types the table declares: the projectors make them, the stores keep them,
the queries read them back, and nothing restates their columns. They import
nothing, so that a query reading a view's table directly needs only them.
"""

from __future__ import annotations

from typing import NamedTuple


class CalendarRow(NamedTuple):
    """A session's calendar entry as it stood after one of its events.

    `start` and `end` are None while the session is postponed with its dates
    to be determined; `last_start` and `last_end` then keep the last known ones.
    `effective_on` and `recorded_at` are those of the event that made this
    version: the calendar "as of" a date, or "as known at" a moment, shows for
    each session its latest version with `effective_on` (or `recorded_at`) not
    after it.
    """

    session_id: str
    version: int
    body: str
    number: int
    title: str
    start: str | None
    end: str | None
    last_start: str
    last_end: str
    venue: str
    format: str
    venue_since: int
    """The version of the decision that set the venue and format in force
    (the scheduling, or the latest change of venue): a correction of the venue
    corrects every version of the row from it on."""
    status: str
    original_start: str
    original_end: str
    postponements: int
    sequence: int
    stocktaking: bool
    report_adopted_on: str | None
    postponement_reason: str | None
    cancellation_reason: str | None
    event: str
    reason: str | None
    effective_on: str
    recorded_at: str
    actor: str
    struck_at: str | None = None
    """When the decision that made this version (or one before it that it
    kept) was struck, if it was: from then on, the calendar as of a date reads
    as if it had never been recorded."""
    titles: str = "{}"
    """The session's title in other languages, as a JSON object by language
    (`{"fr": "..."}`, in the order of the six): like a correction, a
    translation holds from the beginning."""


class PostponementRow(NamedTuple):
    """One postponement of a session: when it was decided, why, and the dates
    it moved the session from and to (no `to` dates: to be determined)."""

    session_id: str
    version: int
    body: str
    number: int
    effective_on: str
    reason: str
    actor: str
    recorded_at: str
    from_start: str
    from_end: str
    to_start: str | None
    to_end: str | None
    announced_in: str | None
    """The document or message that announced it (None when none is named)."""


class WorkplanRow(NamedTuple):
    workplan_id: str
    body: str
    period: str
    stocktaking_by: int | None
    adopted_on: str
    recorded_at: str


class CallRow(NamedTuple):
    """A call for comments for one cycle, with the deadline now in force."""

    workplan_id: str
    cycle: int
    body: str
    period: str
    original_deadline: str
    deadline: str
    extensions: int
    requested_on: str
    requested_at: str
    recorded_at: str
    """The recording time of the call's latest request or extension."""


class ExtensionRow(NamedTuple):
    workplan_id: str
    version: int
    cycle: int
    previous: str
    to: str
    reason: str
    effective_on: str
    actor: str
    recorded_at: str


class SubmissionRow(NamedTuple):
    workplan_id: str
    version: int
    cycle: int
    submitter: str
    submitter_kind: str
    reference: str | None
    received_on: str
    actor: str
    recorded_at: str
