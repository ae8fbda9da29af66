"""Commands about a body."""

from __future__ import annotations

import attrs

from application.commands.base import BODY, BODY_NAMED, Command
from application.commands.declaring import (
    NAME_HELP,
    REASON_HELP,
    declare,
    value,
)
from application.commands.kinds import (
    CODE,
    NAME,
    REASON,
    TIMEZONE,
    choice,
)
from domain.body import Body
from domain.values import UTC_ZONE, ObserverKind

__all__ = [
    "AdmitObserver",
    "EstablishBody",
]


@declare("establish-body", Body, creates=True)
@attrs.frozen(kw_only=True)
class EstablishBody(Command):
    """Establish a body, known from now on by its short CODE (e.g. cybercrime-egm).

    Sessions and workplans are recorded under that code.
    """

    record = BODY

    code: str = value(CODE, "The body's short code.", positional=True)
    name: str = value(NAME, f"The body's full name ({NAME_HELP}).")
    parent: str | None = value(
        NAME, f"The body that established it, e.g. CCPCJ ({NAME_HELP}).", optional=True
    )
    mandate: str | None = value(
        REASON, f"The resolution that gives its mandate ({REASON_HELP}).", optional=True
    )
    timezone: str = value(
        TIMEZONE,
        "The zone its secretariat keeps its deadlines in: an IANA name, "
        "e.g. Europe/Vienna (a deadline ends at the end of its day there).",
        default=UTC_ZONE,
    )


@declare("admit-observer", Body.admit_observer)
@attrs.frozen(kw_only=True)
class AdmitObserver(Command):
    """Admit an observer to BODY: a State that is not a Member of the United
    Nations, an intergovernmental organization or another entity.

    From then on its name is accepted wherever a delegation is named
    (statements, panelists, submissions), as the Member States' are; an
    observer is admitted once.
    """

    record = BODY_NAMED

    body: str = value(CODE, "The body's code.", positional=True)
    name: str = value(NAME, f"The observer's name ({NAME_HELP}).")
    kind: ObserverKind = value(
        choice(ObserverKind),
        "What it is: a State that is not a Member, an intergovernmental "
        "organization, or another entity.",
    )
