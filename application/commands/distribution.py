"""Commands about a body's distribution list: who is told of its decisions."""

from __future__ import annotations

from datetime import date

import attrs

from application.commands.base import BODY, Command, Record
from application.commands.declaring import NAME_HELP, declare, flag, value
from application.commands.kinds import CODE, LANGUAGE, NAME, Kind
from domain.body import BodyAlreadyEstablishedError, BodyNotFoundError
from domain.distribution import (
    EMAIL_LIMIT,
    DistributionList,
    check_email,
    distribution_list_id,
)

__all__ = [
    "Subscribe",
    "Unsubscribe",
]


def _check_email(value: str, what: str) -> None:
    check_email(value, what=what)


EMAIL: Kind[str] = Kind(
    "ADDRESS",
    None,
    str,
    {"type": "string", "format": "email", "maxLength": EMAIL_LIMIT},
    _check_email,
)


def _describe_list(body: str) -> str:
    return f"the distribution list of {body}"


def _start(body: str, *, on: date, actor: str) -> DistributionList:
    return DistributionList(body=body, on=on, actor=actor)


DISTRIBUTION_LIST = Record(
    DistributionList,
    ("body",),
    distribution_list_id,
    _describe_list,
    BodyNotFoundError,
    BodyAlreadyEstablishedError,
    within=BODY,
    starts=_start,
)


@attrs.frozen(kw_only=True)
class DistributionCommand(Command):
    """A command about a body's distribution list, known by the body."""

    record = DISTRIBUTION_LIST

    body: str = value(CODE, "The body's code.", positional=True)
    email: str = value(
        EMAIL, f"The subscriber's e-mail address (at most {EMAIL_LIMIT} characters)."
    )


@declare("subscribe", DistributionList.subscribe)
@attrs.frozen(kw_only=True)
class Subscribe(DistributionCommand):
    """Put someone on BODY's distribution list, to be told of its decisions.

    Subscribing an address already on the list again changes how it is
    written to (name, delegation, language, Bureau membership).
    """

    name: str = value(NAME, f"The subscriber's name ({NAME_HELP}).")
    delegation: str | None = value(
        NAME, f"The delegation they speak for ({NAME_HELP}).", optional=True
    )
    language: str = value(
        LANGUAGE, "The language they are written to in.", default="en"
    )
    bureau: bool = flag(
        "A member of the extended Bureau: also told of what is circulated "
        "to the extended Bureau only."
    )


@declare("unsubscribe", DistributionList.unsubscribe)
@attrs.frozen(kw_only=True)
class Unsubscribe(DistributionCommand):
    """Take an address off BODY's distribution list."""
