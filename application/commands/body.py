"""Commands about a body."""

from __future__ import annotations

import attrs

from application.commands.base import BODY, Command
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
)
from domain.body import Body

__all__ = [
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
