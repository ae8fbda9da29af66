"""Commands about a body."""

from __future__ import annotations

import attrs

from application.commands.base import BODY, Command, Record
from application.commands.declaring import (
    NAME_HELP,
    REASON_HELP,
    declare,
    value,
)
from application.commands.kinds import (
    CODE,
    LANGUAGE,
    NAME,
    REASON,
)
from domain.body import Body, BodyAlreadyEstablishedError, BodyNotFoundError
from domain.ids import body_id
from domain.languages import check_translation

__all__ = [
    "EstablishBody",
    "TranslateBody",
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


BODY_NAMED = Record(
    Body,
    ("body",),
    body_id,
    lambda body: f"the body {body}",
    BodyNotFoundError,
    BodyAlreadyEstablishedError,
)
"""A body, as a command about an established body names it (`BODY`)."""


@declare("translate-body", Body.translate)
@attrs.frozen(kw_only=True)
class TranslateBody(Command):
    """Record a body's name in another of the six languages.

    The record's name is English; a translation into ar, zh, fr, ru or es
    holds from the beginning. A later translation into the same language
    corrects it.
    """

    record = BODY_NAMED

    body: str = value(CODE, "The body's code.", positional=True)
    language: str = value(LANGUAGE, "The language of the translation (not en).")
    name: str = value(NAME, f"The name in that language ({NAME_HELP}).")

    def __attrs_post_init__(self) -> None:
        check_translation(self.language)
