"""What every command carries, and the records commands are about."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate

from application.commands.declaring import (
    NAME_HELP,
    Declared,
    Face,
    Fallback,
    arrival,
    flag,
    value,
)
from application.commands.kinds import (
    CODE,
    COUNT,
    DATE,
    NAME,
    PERIOD,
    SOURCE,
)
from domain.body import Body, BodyAlreadyEstablishedError, BodyNotFoundError
from domain.errors import DomainError
from domain.ids import body_id, session_id, workplan_id
from domain.limits import SOURCE_LIMIT
from domain.provenance import Provenance
from domain.session import Session, SessionAlreadyScheduledError, SessionNotFoundError
from domain.values import Period, describe_session
from domain.workplan import Workplan, WorkplanAlreadyAdoptedError, WorkplanNotFoundError

A = TypeVar("A", bound=Aggregate)


@attrs.frozen
class Record(Generic[A]):
    """A kind of record commands are about: how a command names one."""

    aggregate: type[A]
    key: tuple[str, ...]
    """The command's fields that name the record (`body`, `number`)."""
    id: Callable[..., UUID]
    describe: Callable[..., str]
    """How the secretariat speaks of it, from its key."""
    not_found: Callable[..., DomainError]
    already: Callable[..., DomainError]
    """Raised when a command that creates it finds it there already."""
    within: Record[Any] | None = None
    """The record it belongs to, which must exist (a session's body)."""
    within_by: str = "body"
    """The command's field that names the record it belongs to."""
    inherits: tuple[str, ...] = ()
    """Fields of a command that creates it which, when not given, take the
    value of the record it belongs to (a session meets in its body's zone)."""
    starts: Callable[..., A] | None = None
    """For a record that begins with the first command about it (a body's
    distribution list, with its first subscriber): makes it, from its key and
    the command's `on` and `actor`, when there is none yet."""


BODY = Record(
    Body,
    ("code",),
    body_id,
    lambda code: f"the body {code}",
    BodyNotFoundError,
    BodyAlreadyEstablishedError,
)
BODY_NAMED: Record[Body] = attrs.evolve(BODY, key=("body",))
"""A body, as a command about an established body names it (`BODY`)."""
SESSION = Record(
    Session,
    ("body", "number"),
    session_id,
    describe_session,
    SessionNotFoundError,
    SessionAlreadyScheduledError,
    within=BODY,
    inherits=("timezone",),
)


def _describe_workplan(body: str, period: Period) -> str:
    return f"the {period} workplan of {body}"


WORKPLAN = Record(
    Workplan,
    ("body", "period"),
    workplan_id,
    _describe_workplan,
    WorkplanNotFoundError,
    WorkplanAlreadyAdoptedError,
    within=BODY,
    inherits=("timezone",),
)


@attrs.frozen(kw_only=True)
class Command(Declared):
    """What every command carries: when it takes effect, who issued it, and
    how the record knows the decision (its provenance: where it is evidenced,
    whether its date was assumed, who took it, how it reached the record).

    A command checks on construction everything that can be checked without
    the record (texts, numbers, dates), so a command that exists is well
    formed; the Secretariat then checks it against the record.
    """

    verb: ClassVar[str]
    """The command's name in the CLI, the import file and the feature files."""
    record: ClassVar[Record[Any]]
    """The kind of record it is about."""
    at_least_one: ClassVar[tuple[str, ...]] = ()
    """Fields of which at least one must be given (the command checks it
    itself; a request's schema says it)."""
    example_with: ClassVar[tuple[str, ...]] = ()
    """Optional fields an example of the command gives, besides the required
    ones (a correction names what it corrects)."""
    exclusive: ClassVar[tuple[tuple[str, ...], ...]] = ()
    """Fields of which one only is given (a session's number, or a workplan's
    period)."""

    on: date = value(
        DATE,
        "The date the decision or receipt took effect (YYYY-MM-DD).",
        fallback=Fallback.TODAY,
        # A record must not depend on the day a file is imported.
        fallback_in=Face.CLI | Face.API,
    )
    actor: str = value(
        NAME,
        f"Who issues the command; recorded on the event ({NAME_HELP}).",
        fallback=Fallback.ISSUER,
        # The service knows who sends a request; it does not take their word.
        accepted=Face.CLI | Face.FILE,
    )
    source: str | None = value(
        SOURCE,
        "Where the decision is evidenced: a document symbol, a Special "
        f"Message, a page's address (at most {SOURCE_LIMIT:,} characters).",
        optional=True,
        provenance=True,
    )
    assumed: bool = flag(
        "The effective date (--on) is not known from a source: it was assumed.",
        provenance=True,
    )
    decided_by: str | None = value(
        NAME,
        "Who took the decision, e.g. 'the Expert Group at its 4th meeting', "
        f"as distinct from who records it ({NAME_HELP}).",
        optional=True,
        provenance=True,
    )
    recorded_via: str | None = arrival()
    """How the command reaches the record (`cli`, `import`, `api`): said by
    the face it comes through, never given by whoever issues it; None for a
    command a program builds."""
    announced: bool = attrs.field(default=False, eq=False)
    """For a command of an import file: whether the bodies' subscribers are
    to be told of it all the same (`import --notify`), as they are of a
    decision recorded live. Said by the mark of its entry."""

    def about(self) -> Record[Any]:
        """The kind of record this command is about: its class's (`record`),
        unless the command names one of several kinds."""
        return self.record

    @property
    def provenance(self) -> Provenance:
        """How the record knows the decision, as its events will say."""
        return Provenance(
            source=self.source,
            assumed=self.assumed,
            decided_by=self.decided_by,
            recorded_via=self.recorded_via,
        )


@attrs.frozen(kw_only=True)
class SessionCommand(Command):
    """A command about one session, known by its body and number."""

    record = SESSION

    body: str = value(CODE, "The body's code.", positional=True)
    number: int = value(COUNT, "The session's number.", positional=True)


@attrs.frozen(kw_only=True)
class WorkplanCommand(Command):
    """A command about one workplan, known by its body and period."""

    record = WORKPLAN

    body: str = value(CODE, "The body's code.", positional=True)
    period: Period = value(PERIOD, "The workplan's period.")
