"""The CLI's parameter types and shared options: one parser per kind of value,
used by the command line and by import files alike."""

from __future__ import annotations

import enum
import getpass
import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

from domain.errors import InvalidValueError
from domain.limits import BODY_CODE, NAME_LIMIT, REASON_LIMIT

if TYPE_CHECKING:
    from domain.values import AgendaItem, Period

# The domain's values are imported where they are used: a query that parses
# a date or a number starts without them.

F = TypeVar("F", bound=Callable[..., Any])

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class IsoDate(click.ParamType):
    """A calendar date written YYYY-MM-DD, and nothing else."""

    name = "DATE"

    def convert(self, value: Any, param: Any, ctx: Any) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        if not ISO_DATE.fullmatch(text):
            self.fail(f"{value!r} is not a date written YYYY-MM-DD", param, ctx)
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.fail(f"{text} is not a date that exists", param, ctx)


class Count(click.ParamType):
    """A whole number written in decimal digits (a session number, an item, a year)."""

    name = "N"

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or len(text) > 9:
            self.fail(f"{value!r} is not a whole number", param, ctx)
        return int(text)


class PeriodType(click.ParamType):
    name = "YYYY-YYYY"

    def convert(self, value: Any, param: Any, ctx: Any) -> Period:
        from domain.values import Period

        if isinstance(value, Period):
            return value
        try:
            return Period.parse(str(value))
        except InvalidValueError as error:
            self.fail(str(error), param, ctx)


class Assignment(click.ParamType):
    """`KEY=TEXT`, where KEY is a whole number (an agenda item, a year)."""

    name = "N=TEXT"

    def convert(self, value: Any, param: Any, ctx: Any) -> tuple[int, str]:
        if isinstance(value, tuple):
            return value
        key, equals, text = str(value).partition("=")
        if not equals or not key.strip().isdigit() or not key.strip().isascii():
            self.fail(f"{value!r} is not written N=TEXT", param, ctx)
        return int(key), text.strip(" ")  # spaces only: any other character is checked


class BodyCode(click.ParamType):
    """A body's short code (`cybercrime-egm`), checked before any store is asked."""

    name = "CODE"

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        text = str(value)
        if not BODY_CODE.fullmatch(text):
            self.fail(
                "a body code is lower-case letters, digits and hyphens "
                f"(like cybercrime-egm), at most 64 characters, not {text!r}",
                param,
                ctx,
            )
        return text


class EnumChoice(click.Choice):
    """One of an enumeration's values, returned as the enumeration's member."""

    def __init__(self, enum_type: type[enum.Enum]) -> None:
        self.enum_type = enum_type
        super().__init__([member.value for member in enum_type])

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, self.enum_type):
            return value
        return self.enum_type(super().convert(value, param, ctx))


NAME_HELP = f"at most {NAME_LIMIT:,} characters"
REASON_HELP = f"at most {REASON_LIMIT:,} characters"
"""The length limits, as every option that takes a text states them."""

DATE = IsoDate()
COUNT = Count()
PERIOD = PeriodType()
ASSIGNMENT = Assignment()
BODY = BodyCode()


def agenda_items(pairs: tuple[tuple[int, str], ...]) -> tuple[AgendaItem, ...]:
    from domain.values import AgendaItem

    return tuple(AgendaItem(number=number, title=title) for number, title in pairs)


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def effective_options(function: F) -> F:
    """`--on` and `--actor`, which every recording command takes."""
    function = click.option(
        "--actor",
        envvar="SECRETARIAT_ACTOR",
        default=default_actor,
        show_default="$SECRETARIAT_ACTOR, else your login name",
        help=f"Who issues the command; recorded on the event ({NAME_HELP}).",
    )(function)
    return click.option(
        "--on",
        type=DATE,
        default=date.today,
        show_default="today",
        help="The date the decision or receipt took effect (YYYY-MM-DD).",
    )(function)


def session_arguments(function: F) -> F:
    """BODY NUMBER, which name a session."""
    function = click.argument("number", type=COUNT)(function)
    return click.argument("body")(function)
