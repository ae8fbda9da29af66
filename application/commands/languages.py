"""Commands about the six languages: a session's title and a body's name in
another language, and the day a document became available in another."""

from __future__ import annotations

import attrs

from application.commands.base import Command, Record, SessionCommand
from application.commands.declaring import NAME_HELP, declare, value
from application.commands.kinds import CODE, LANGUAGE, NAME
from domain.body import Body, BodyAlreadyEstablishedError, BodyNotFoundError
from domain.ids import body_id
from domain.languages import check_translation
from domain.session import Session

__all__ = [
    "PublishTranslation",
    "TranslateBody",
    "TranslateSession",
]

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


@declare("translate-session", Session.translate)
@attrs.frozen(kw_only=True)
class TranslateSession(SessionCommand):
    """Record a session's title in another of the six languages.

    The record's title is English; a translation into ar, zh, fr, ru or es
    holds, like a correction, from the beginning. A later translation into the
    same language corrects it.
    """

    language: str = value(LANGUAGE, "The language of the translation (not en).")
    title: str = value(NAME, f"The title in that language ({NAME_HELP}).")

    def __attrs_post_init__(self) -> None:
        check_translation(self.language)


@declare("publish-translation", Session.publish_translation, commutes=True)
@attrs.frozen(kw_only=True)
class PublishTranslation(SessionCommand):
    """Record the day a document became available in another language.

    The document is named by its symbol. It is issued in one language and
    becomes available in each of the others on its own day, never before the
    day it was issued.
    """

    symbol: str = value(NAME, f"The document's symbol ({NAME_HELP}).")
    language: str = value(LANGUAGE, "The language it became available in.")
    title: str | None = value(
        NAME, f"Its title in that language ({NAME_HELP}).", optional=True
    )
