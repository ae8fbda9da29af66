"""Commands about a session: scheduling it, changing its dates and venue, its
agenda and documents, what was said in it, opening and closing it."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from application.commands.base import WORKPLAN, Record, SessionCommand
from application.commands.declaring import (
    NAME_HELP,
    REASON_HELP,
    dates,
    declare,
    flag,
    repeated,
    value,
)
from application.commands.kinds import (
    COUNT,
    LANGUAGE,
    NAME,
    PERIOD,
    REASON,
    choice,
)
from domain.errors import InvalidValueError
from domain.languages import RECORD_LANGUAGE
from domain.session import Session
from domain.values import AgendaItem, DateRange, DocumentKind, Format, Period
from domain.workplan import Workplan

__all__ = [
    "AdoptReport",
    "CancelSession",
    "ChangeVenue",
    "CirculateDocument",
    "CloseSession",
    "ConfirmPanelist",
    "CorrectSession",
    "IssueAgenda",
    "IssueDocument",
    "OpenSession",
    "PostponeSession",
    "RecordStatement",
    "RescheduleSession",
    "ScheduleSession",
    "StrikeEntry",
]


@declare("schedule-session", Session, creates=True)
@attrs.frozen(kw_only=True)
class ScheduleSession(SessionCommand):
    """Schedule the NUMBER-th session of BODY on its first dates.

    A session number is scheduled once; later changes are postponements,
    reschedulings and changes of venue, which keep the original dates on record.
    """

    title: str = value(NAME, f"The session's title ({NAME_HELP}).")
    dates: DateRange = dates("First day (YYYY-MM-DD).", "Last day (YYYY-MM-DD).")
    venue: str = value(NAME, f"Where it meets, e.g. 'Vienna, Austria' ({NAME_HELP}).")
    format: Format = value(
        choice(Format), "How participants attend.", default=Format.IN_PERSON
    )
    stocktaking: bool = flag("This session is the workplan's stocktaking meeting.")


@declare("postpone-session", Session.postpone)
@attrs.frozen(kw_only=True)
class PostponeSession(SessionCommand):
    """Postpone a session to later dates, or to dates to be determined.

    The new start must be after the current one (to bring a session forward,
    reschedule it). A session that is open, closed or cancelled cannot be postponed.
    """

    reason: str = value(REASON, f"Why it is postponed ({REASON_HELP}).")
    dates: DateRange | None = dates(
        "New first day; leave out both dates if they are to be determined.",
        "New last day.",
        optional=True,
    )
    announced_in: str | None = value(
        NAME,
        "The document or message that announced it, e.g. "
        f"'Special Message of 20 March 2020' ({NAME_HELP}).",
        optional=True,
    )


@declare("reschedule-session", Session.reschedule)
@attrs.frozen(kw_only=True)
class RescheduleSession(SessionCommand):
    """Give a session new dates, earlier or later.

    This is how a session postponed to dates to be determined gets dates again.
    """

    dates: DateRange = dates(
        "New first day (YYYY-MM-DD).", "New last day (YYYY-MM-DD)."
    )
    reason: str | None = value(
        REASON, f"Why the dates change ({REASON_HELP}).", optional=True
    )


@declare("change-venue", Session.change_venue)
@attrs.frozen(kw_only=True)
class ChangeVenue(SessionCommand):
    """Move a session to another venue, or change how participants attend it."""

    at_least_one = ("venue", "format")

    venue: str | None = value(NAME, f"The new venue ({NAME_HELP}).", optional=True)
    format: Format | None = value(
        choice(Format), "The new way participants attend.", optional=True
    )

    def __attrs_post_init__(self) -> None:
        if self.venue is None and self.format is None:
            raise InvalidValueError("give a new venue, a new format, or both")


@declare("correct-session", Session.correct)
@attrs.frozen(kw_only=True)
class CorrectSession(SessionCommand):
    """Correct a session's title or venue: how the record should always have read.

    A correction is not a change: the calendar as of any date shows the
    corrected text, and as known before the correction was recorded, the text
    then on record. It is not a postponement nor a move, whatever the
    session's status: calendar files keep its SEQUENCE.
    """

    example_with = ("title",)

    reason: str = value(REASON, f"Why it is corrected ({REASON_HELP}).")
    title: str | None = value(
        NAME, f"The title as it should read ({NAME_HELP}).", optional=True
    )
    venue: str | None = value(
        NAME, f"The venue as it should read ({NAME_HELP}).", optional=True
    )

    def __attrs_post_init__(self) -> None:
        if self.title is None and self.venue is None:
            raise InvalidValueError("give the corrected title, venue, or both")


@declare("cancel-session", Session.cancel)
@attrs.frozen(kw_only=True)
class CancelSession(SessionCommand):
    """Cancel a session that has not opened. This cannot be undone."""

    reason: str = value(REASON, f"Why it is cancelled ({REASON_HELP}).")


def _agenda(pairs: list[tuple[int, str]]) -> tuple[AgendaItem, ...]:
    return tuple(AgendaItem(number=number, title=title) for number, title in pairs)


def _numbered(items: tuple[AgendaItem, ...]) -> list[tuple[int, str]]:
    return [(item.number, item.title) for item in items]


@declare("issue-agenda", Session.issue_agenda)
@attrs.frozen(kw_only=True)
class IssueAgenda(SessionCommand):
    """Issue a session's agenda, or a revised one.

    Once an agenda is issued, statements and panelists must name one of its items.
    """

    items: tuple[AgendaItem, ...] = repeated(
        "item",
        f"An agenda item, N=TITLE ({NAME_HELP}); repeat for each item.",
        build=_agenda,
        pairs=_numbered,
    )


@declare("issue-document", Session.issue_document, commutes=True)
@attrs.frozen(kw_only=True)
class IssueDocument(SessionCommand):
    """Publish a document of a session."""

    kind: DocumentKind = value(choice(DocumentKind), "What kind of document it is.")
    title: str = value(NAME, f"The document's title ({NAME_HELP}).")
    symbol: str | None = value(
        NAME, f"The document symbol, if it has one ({NAME_HELP}).", optional=True
    )
    language: str = value(
        LANGUAGE,
        "The language it was first issued in; the others follow with "
        "publish-translation.",
        default=RECORD_LANGUAGE,
    )


@declare("circulate-document", Session.circulate_document, commutes=True)
@attrs.frozen(kw_only=True)
class CirculateDocument(SessionCommand):
    """Record that an issued document was shared with an audience."""

    title: str = value(NAME, f"The title of a document already issued ({NAME_HELP}).")
    to: str = value(NAME, f"Who received it, e.g. 'extended Bureau' ({NAME_HELP}).")
    via: str | None = value(
        NAME, f"How, e.g. 'Special Message' ({NAME_HELP}).", optional=True
    )


@declare("record-statement", Session.record_statement, commutes=True)
@attrs.frozen(kw_only=True)
class RecordStatement(SessionCommand):
    """Record a statement by a delegation, general or on an agenda item.

    A delegation that speaks twice has two statements recorded.
    """

    delegation: str = value(NAME, f"Who spoke ({NAME_HELP}).")
    item: int | None = value(
        COUNT,
        "The agenda item; leave out for a general statement.",
        optional=True,
    )


@declare("confirm-panelist", Session.confirm_panelist, commutes=True)
@attrs.frozen(kw_only=True)
class ConfirmPanelist(SessionCommand):
    """Record a panelist who presents on an agenda item."""

    name: str = value(NAME, f"The panelist's name and title ({NAME_HELP}).")
    delegation: str = value(
        NAME, f"The delegation the panelist comes from ({NAME_HELP})."
    )
    item: int = value(COUNT, "The agenda item of the panel.")
    title: str = value(NAME, f"The presentation's title ({NAME_HELP}).")


@declare("open-session", Session.open)
@attrs.frozen(kw_only=True)
class OpenSession(SessionCommand):
    """Open a session, on one of its days (--on)."""


@declare("close-session", Session.close)
@attrs.frozen(kw_only=True)
class CloseSession(SessionCommand):
    """Close a session that is in session."""


@declare("adopt-report", Session.adopt_report)
@attrs.frozen(kw_only=True)
class AdoptReport(SessionCommand):
    """Adopt a session's report, once, after the session has opened."""

    symbol: str | None = value(
        NAME, f"The report's document symbol ({NAME_HELP}).", optional=True
    )


def strike_entry(
    record: Session | Workplan,
    *,
    version: int,
    reason: str,
    on: date,
    actor: str,
    number: int | None = None,
    period: Period | None = None,
) -> None:
    """Strike the entry of a session or a workplan, which each decides."""
    record.strike(version=version, reason=reason, on=on, actor=actor)


@declare("strike-entry", strike_entry)
@attrs.frozen(kw_only=True)
class StrikeEntry(SessionCommand):
    """Strike an entry of a session (NUMBER) or workplan (--period) made in error.

    A statement, panelist, document, circulation or submission struck leaves
    every view and page (a struck submission no longer counts); a session's
    latest decision on its dates, venue or status struck leaves the session as
    before it. The history keeps the entry, marked struck.
    """

    exclusive = (("number", "period"),)

    number: int | None = value(  # type: ignore[assignment]
        COUNT,
        "The session's number; leave out for a workplan's entry.",
        positional=True,
        optional=True,
    )
    period: Period | None = value(
        PERIOD, "The workplan's period, for one of its entries.", optional=True
    )
    version: int = value(COUNT, "The version of the entry, as its history gives it.")
    reason: str = value(REASON, f"Why it was recorded in error ({REASON_HELP}).")

    def __attrs_post_init__(self) -> None:
        if (self.number is None) == (self.period is None):
            raise InvalidValueError(
                "give either the session's number or the workplan's --period"
            )

    def about(self) -> Record[Any]:
        return self.record if self.number is not None else WORKPLAN
