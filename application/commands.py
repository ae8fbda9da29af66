"""Commands: what a secretariat officer asks the Secretariat to record.

One class per command, named as the command is in the CLI, the import file and
the feature files. A command checks on construction everything that can be
checked without the record (texts, numbers, dates), so a command that exists
is well formed; the Secretariat then checks it against the record.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

import attrs

from domain.errors import InvalidValueError
from domain.limits import BODY_CODE, NAME_LIMIT, REASON_LIMIT
from domain.values import (
    AgendaItem,
    CycleTopics,
    DateRange,
    DocumentKind,
    Format,
    Period,
    SubmitterKind,
    check_date,
    check_number,
    check_text,
    check_year,
)


def _what(attribute: attrs.Attribute[Any]) -> str:
    return "the " + attribute.name.replace("_", " ")


def _name(_: Any, attribute: attrs.Attribute[str], value: str) -> None:
    check_text(value, what=_what(attribute), limit=NAME_LIMIT)


def _optional_name(_: Any, attribute: attrs.Attribute[str | None], value: Any) -> None:
    if value is not None:
        check_text(value, what=_what(attribute), limit=NAME_LIMIT)


def _reason(_: Any, attribute: attrs.Attribute[str], value: str) -> None:
    check_text(value, what=_what(attribute), limit=REASON_LIMIT)


def _optional_reason(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        check_text(value, what=_what(attribute), limit=REASON_LIMIT)


def _number(_: Any, attribute: attrs.Attribute[int], value: int) -> None:
    check_number(value, what=_what(attribute))


def _optional_number(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        check_number(value, what=_what(attribute))


def _year(_: Any, attribute: attrs.Attribute[int], value: int) -> None:
    check_year(value, what=_what(attribute))


def _date(_: Any, attribute: attrs.Attribute[date], value: date) -> None:
    check_date(value, what=_what(attribute))


def _body_code(_: Any, __: Any, value: str) -> None:
    if not isinstance(value, str) or not BODY_CODE.fullmatch(value):
        raise InvalidValueError(
            f"a body code is lower-case letters, digits and hyphens "
            f"(like cybercrime-egm), at most 64 characters, not {value!r}"
        )


@attrs.frozen(kw_only=True)
class Command:
    """What every command carries: when it takes effect, and who issued it."""

    verb: ClassVar[str]
    """The command's name in the CLI, the import file and the feature files."""
    commutes: ClassVar[bool] = False
    """True when two such commands on the same record can both be applied in
    either order, so a save that meets a concurrent change is simply retried."""

    on: date = attrs.field(validator=_date)
    actor: str = attrs.field(validator=_name)


@attrs.frozen(kw_only=True)
class EstablishBody(Command):
    verb = "establish-body"
    code: str = attrs.field(validator=_body_code)
    name: str = attrs.field(validator=_name)
    parent: str | None = attrs.field(default=None, validator=_optional_name)
    mandate: str | None = attrs.field(default=None, validator=_optional_reason)


@attrs.frozen(kw_only=True)
class SessionCommand(Command):
    """A command about one session, known by its body and number."""

    body: str = attrs.field(validator=_body_code)
    number: int = attrs.field(validator=_number)


@attrs.frozen(kw_only=True)
class ScheduleSession(SessionCommand):
    verb = "schedule-session"
    title: str = attrs.field(validator=_name)
    dates: DateRange
    venue: str = attrs.field(validator=_name)
    format: Format = Format.IN_PERSON
    stocktaking: bool = False


@attrs.frozen(kw_only=True)
class PostponeSession(SessionCommand):
    verb = "postpone-session"
    reason: str = attrs.field(validator=_reason)
    dates: DateRange | None = None
    announced_in: str | None = attrs.field(default=None, validator=_optional_name)


@attrs.frozen(kw_only=True)
class RescheduleSession(SessionCommand):
    verb = "reschedule-session"
    dates: DateRange
    reason: str | None = attrs.field(default=None, validator=_optional_reason)


@attrs.frozen(kw_only=True)
class ChangeVenue(SessionCommand):
    verb = "change-venue"
    venue: str | None = attrs.field(default=None, validator=_optional_name)
    format: Format | None = None

    def __attrs_post_init__(self) -> None:
        if self.venue is None and self.format is None:
            raise InvalidValueError("give a new venue, a new format, or both")


@attrs.frozen(kw_only=True)
class CancelSession(SessionCommand):
    verb = "cancel-session"
    reason: str = attrs.field(validator=_reason)


def _as_items(value: Any) -> tuple[AgendaItem, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class IssueAgenda(SessionCommand):
    verb = "issue-agenda"
    items: tuple[AgendaItem, ...] = attrs.field(converter=_as_items)


@attrs.frozen(kw_only=True)
class IssueDocument(SessionCommand):
    verb = "issue-document"
    commutes = True
    kind: DocumentKind
    title: str = attrs.field(validator=_name)
    symbol: str | None = attrs.field(default=None, validator=_optional_name)


@attrs.frozen(kw_only=True)
class CirculateDocument(SessionCommand):
    verb = "circulate-document"
    commutes = True
    title: str = attrs.field(validator=_name)
    to: str = attrs.field(validator=_name)
    via: str | None = attrs.field(default=None, validator=_optional_name)


@attrs.frozen(kw_only=True)
class RecordStatement(SessionCommand):
    verb = "record-statement"
    commutes = True
    delegation: str = attrs.field(validator=_name)
    item: int | None = attrs.field(default=None, validator=_optional_number)


@attrs.frozen(kw_only=True)
class ConfirmPanelist(SessionCommand):
    verb = "confirm-panelist"
    commutes = True
    name: str = attrs.field(validator=_name)
    delegation: str = attrs.field(validator=_name)
    item: int = attrs.field(validator=_number)
    title: str = attrs.field(validator=_name)


@attrs.frozen(kw_only=True)
class OpenSession(SessionCommand):
    verb = "open-session"


@attrs.frozen(kw_only=True)
class CloseSession(SessionCommand):
    verb = "close-session"


@attrs.frozen(kw_only=True)
class AdoptReport(SessionCommand):
    verb = "adopt-report"
    symbol: str | None = attrs.field(default=None, validator=_optional_name)


@attrs.frozen(kw_only=True)
class WorkplanCommand(Command):
    """A command about one workplan, known by its body and period."""

    body: str = attrs.field(validator=_body_code)
    period: Period


def _as_topics(value: Any) -> tuple[CycleTopics, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class AdoptWorkplan(WorkplanCommand):
    verb = "adopt-workplan"
    at_session: int = attrs.field(validator=_number)
    topics: tuple[CycleTopics, ...] = attrs.field(converter=_as_topics)
    stocktaking_by: int | None = None

    def __attrs_post_init__(self) -> None:
        if not self.topics:
            raise InvalidValueError("a workplan needs the topics of at least one year")
        if self.stocktaking_by is not None:
            check_year(self.stocktaking_by, what="the stocktaking year")


@attrs.frozen(kw_only=True)
class RequestComments(WorkplanCommand):
    verb = "request-comments"
    cycle: int = attrs.field(validator=_year)
    deadline: date = attrs.field(validator=_date)


@attrs.frozen(kw_only=True)
class ExtendDeadline(WorkplanCommand):
    verb = "extend-deadline"
    cycle: int = attrs.field(validator=_year)
    to: date = attrs.field(validator=_date)
    reason: str = attrs.field(validator=_reason)


@attrs.frozen(kw_only=True)
class ReceiveSubmission(WorkplanCommand):
    verb = "receive-submission"
    commutes = True
    cycle: int = attrs.field(validator=_year)
    submitter: str = attrs.field(validator=_name)
    submitter_kind: SubmitterKind
    reference: str | None = attrs.field(default=None, validator=_optional_name)


COMMANDS: dict[str, type[Command]] = {
    command.verb: command
    for command in (
        EstablishBody,
        ScheduleSession,
        PostponeSession,
        RescheduleSession,
        ChangeVenue,
        CancelSession,
        IssueAgenda,
        IssueDocument,
        CirculateDocument,
        RecordStatement,
        ConfirmPanelist,
        OpenSession,
        CloseSession,
        AdoptReport,
        AdoptWorkplan,
        RequestComments,
        ExtendDeadline,
        ReceiveSubmission,
    )
}
"""Every command, by the name it has in the CLI and the import file."""
