"""Commands about a workplan: adopting it, calling for comments, extending a
deadline, receiving the comments."""

from __future__ import annotations

from datetime import date, datetime

import attrs

from application.commands.base import WorkplanCommand
from application.commands.declaring import (
    NAME_HELP,
    REASON_HELP,
    Face,
    Fallback,
    day_or_moment,
    declare,
    flag,
    inherited,
    moment_of,
    repeated,
    value,
)
from application.commands.kinds import (
    COUNT,
    DATE,
    DAY_OR_MOMENT,
    DELEGATION,
    NAME,
    PERIOD,
    REASON,
    YEAR,
    YEAR_PATTERN,
    choice,
)
from domain.errors import InvalidValueError
from domain.values import CycleTopics, Period, SubmitterKind, check_year
from domain.workplan import Workplan

__all__ = [
    "AdoptWorkplan",
    "ExtendDeadline",
    "ReceiveSubmission",
    "RequestComments",
]


def _by_year(pairs: list[tuple[int, str]]) -> tuple[CycleTopics, ...]:
    years: dict[int, list[str]] = {}
    for year, topic in pairs:
        years.setdefault(year, []).append(topic)
    return tuple(
        CycleTopics(year=year, topics=topics) for year, topics in years.items()
    )


def _each_topic(topics: tuple[CycleTopics, ...]) -> list[tuple[int, str]]:
    return [(cycle.year, topic) for cycle in topics for topic in cycle.topics]


@declare("adopt-workplan", Workplan.adopt, creates=True)
@attrs.frozen(kw_only=True)
class AdoptWorkplan(WorkplanCommand):
    """Adopt a body's workplan: its topics per year and its stocktaking milestone."""

    period: Period = value(PERIOD, "The years it covers, e.g. 2018-2021.")
    at_session: int = value(COUNT, "The number of the session that adopted it.")
    topics: tuple[CycleTopics, ...] = repeated(
        "topic",
        f"A topic for a year, YEAR=TEXT ({NAME_HELP}); repeat for each topic.",
        build=_by_year,
        pairs=_each_topic,
        keys=YEAR_PATTERN,
    )
    stocktaking_by: int | None = value(
        YEAR,
        "The year by which a stocktaking meeting is due.",
        optional=True,
        check=False,
    )
    timezone: str | None = inherited()
    """The zone its deadlines are kept in: its body's."""

    def __attrs_post_init__(self) -> None:
        if not self.topics:
            raise InvalidValueError("a workplan needs the topics of at least one year")
        if self.stocktaking_by is not None:
            check_year(self.stocktaking_by, what="the stocktaking year")


@declare("request-comments", Workplan.request_comments)
@attrs.frozen(kw_only=True)
class RequestComments(WorkplanCommand):
    """Call for written comments from Member States and Observers for one year."""

    period: Period = value(PERIOD, "The workplan's period, e.g. 2018-2021.")
    cycle: int = value(YEAR, "The year the comments are for.")
    deadline: date = value(DATE, "The date by which comments are due.")


@declare("extend-deadline", Workplan.extend_deadline)
@attrs.frozen(kw_only=True)
class ExtendDeadline(WorkplanCommand):
    """Extend the deadline of a call for comments.

    Comments already received are judged again against the extended deadline.
    """

    cycle: int = value(YEAR, "The year of the call for comments.")
    to: date = value(DATE, "The new deadline; later than the one in force.")
    reason: str = value(REASON, f"Why it is extended ({REASON_HELP}).")


@declare("receive-submission", Workplan.receive_submission, commutes=True)
@attrs.frozen(kw_only=True)
class ReceiveSubmission(WorkplanCommand):
    """Record a comment received; --on is the date it was received, or the
    moment, with its UTC offset (2020-03-12T23:30-05:00): a moment is judged
    against the deadline as an instant, the deadline ending at the end of its
    day in the body's zone.
    """

    cycle: int = value(YEAR, "The year of the call for comments.")
    submitter: str = value(
        DELEGATION,
        f"Who sent it: a Member State or an observer of the body ({NAME_HELP}).",
        name="from",
    )
    submitter_kind: SubmitterKind | None = value(
        choice(SubmitterKind),
        "Whether the sender is a Member State or an Observer; known from its "
        "name when left out (given, it must agree), required for an unlisted one.",
        name="as",
        optional=True,
    )
    reference: str | None = value(
        NAME,
        f"The submission's reference ({NAME_HELP}); a reference is received once.",
        name="ref",
        optional=True,
    )
    unlisted: bool = flag(
        "The sender is neither a Member State nor an observer of the body: it "
        "is recorded as written (say --as).",
        matching=True,
    )
    on: date = day_or_moment(
        DAY_OR_MOMENT,
        "The date it was received (YYYY-MM-DD), or the moment, with its UTC "
        "offset (2020-03-12T23:30-05:00; Z for UTC); a moment's date is the "
        "date where it was read.",
        fallback=Fallback.TODAY,
        fallback_in=Face.CLI | Face.API,
    )
    received_at: datetime | None = moment_of("on")
    """The moment it was received, when --on gives one, as given (with its
    offset)."""

    def __attrs_post_init__(self) -> None:
        if self.unlisted and self.submitter_kind is None:
            raise InvalidValueError(
                "an unlisted sender is known by no list: say whether it sends "
                "its comments as a member-state or an observer (--as)"
            )
        if self.received_at is None:
            return
        if self.received_at.tzinfo is None:
            raise InvalidValueError("the moment of receipt has no UTC offset")
        if self.received_at.date() != self.on:
            raise InvalidValueError(
                f"the moment {self.received_at.isoformat()} falls on "
                f"{self.received_at.date().isoformat()}, not on {self.on.isoformat()}"
            )
