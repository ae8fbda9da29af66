"""Kinds of value, as the outside world writes them: how each is read from
text (by the application's parsers), written back, checked, and described in
a JSON schema."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, Generic, TypeVar

import attrs

from application.parsing import (
    parse_assignment,
    parse_body_code,
    parse_choice,
    parse_count,
    parse_date,
    parse_period,
)
from domain.errors import InvalidValueError
from domain.languages import LANGUAGES
from domain.limits import BODY_CODE, NAME_LIMIT, REASON_LIMIT, SOURCE_LIMIT
from domain.values import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_NUMBER,
    check_date,
    check_number,
    check_text,
    check_year,
)

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


@attrs.frozen(eq=False)
class Kind(Generic[T]):
    """A kind of value as the outside world writes it (each kind is one object,
    equal only to itself)."""

    metavar: str
    """How `--help` shows it: DATE, N, TEXT."""
    parse: Callable[[str], T] | None
    """Text to value, raising `InvalidValueError`; None: the text itself."""
    format: Callable[[T], str]
    """Value to text: the inverse of `parse`."""
    schema: Mapping[str, Any]
    """Its JSON schema."""
    check: Callable[[T, str], object] | None = None
    """Checks a value, given what to call it in a message ("the title")."""
    choices: tuple[str, ...] = ()

    def read(self, text: str) -> T:
        if self.parse is None:
            return text  # type: ignore[return-value]
        return self.parse(text)


def _check_name(value: str, what: str) -> None:
    check_text(value, what=what, limit=NAME_LIMIT)


def _check_reason(value: str, what: str) -> None:
    check_text(value, what=what, limit=REASON_LIMIT)


def _check_source(value: str, what: str) -> None:
    check_text(value, what=what, limit=SOURCE_LIMIT)


def _check_code(value: str, _: str) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(f"a body code is text, not {value!r}")
    parse_body_code(value)


def _check_number(value: int, what: str) -> None:
    check_number(value, what=what)


def _check_year(value: int, what: str) -> None:
    check_year(value, what=what)


def _check_date(value: date, what: str) -> None:
    check_date(value, what=what)


_YEAR = "(194[5-9]|19[5-9][0-9]|2[01][0-9][0-9]|2200)"
YEAR_PATTERN = f"^{_YEAR}$"
"""A year the record holds, as a pattern."""


_LINE = r"[^\x00-\x08\x0b-\x1f\x7f-\x9f]*"
TEXT_PATTERN = rf"^{_LINE}[^\s\x00-\x1f\x7f-\x9f]{_LINE}$"
"""A text the record holds (`check_text`): not blank, and no control
character but line breaks and tabs."""


def text_schema(limit: int) -> dict[str, Any]:
    """The JSON schema of a text of at most `limit` characters."""
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": limit,
        "pattern": TEXT_PATTERN,
    }


NAME: Kind[str] = Kind("TEXT", None, str, text_schema(NAME_LIMIT), _check_name)
REASON: Kind[str] = Kind("TEXT", None, str, text_schema(REASON_LIMIT), _check_reason)
SOURCE: Kind[str] = Kind("TEXT", None, str, text_schema(SOURCE_LIMIT), _check_source)
"""Where a decision is evidenced: shorter than a name, as a symbol or an
address is."""
CODE: Kind[str] = Kind(
    "CODE",
    None,
    str,
    {"type": "string", "pattern": f"^{BODY_CODE.pattern}$"},
    _check_code,
)
COUNT: Kind[int] = Kind(
    "N",
    parse_count,
    str,
    {"type": "integer", "minimum": 1, "maximum": MAX_NUMBER},
    _check_number,
)
YEAR: Kind[int] = Kind(
    "N",
    parse_count,
    str,
    {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
    _check_year,
)
DATE: Kind[date] = Kind(
    "DATE",
    parse_date,
    date.isoformat,
    {"type": "string", "format": "date", "pattern": "^" + _YEAR + "-"},
    _check_date,
)
PERIOD: Kind[Any] = Kind(
    "YYYY-YYYY",
    parse_period,
    str,
    {"type": "string", "pattern": f"^{_YEAR}-{_YEAR}$"},
)
PAIR: Kind[tuple[int, str]] = Kind(
    "N=TEXT",
    parse_assignment,
    lambda pair: f"{pair[0]}={pair[1]}",
    text_schema(NAME_LIMIT),
)
"""One element of a repeatable parameter: `N=TEXT`."""
LANGUAGE: Kind[str] = Kind(
    "|".join(LANGUAGES),
    lambda text: parse_choice(text, LANGUAGES),
    str,
    {"type": "string", "enum": list(LANGUAGES)},
    choices=LANGUAGES,
)
"""One of the six official languages, by its code (`fr`)."""
FLAG: Kind[bool] = Kind(
    "", lambda text: text == "true", lambda on: "true" if on else "false", {}
)


def choice(enumeration: type[E]) -> Kind[E]:
    """One of an enumeration's values, read as its member."""
    values = tuple(str(member.value) for member in enumeration)

    def parse(text: str) -> E:
        return enumeration(parse_choice(text, values))

    return Kind(
        "|".join(values),
        parse,
        lambda member: str(member.value),
        {"type": "string", "enum": list(values)},
        choices=values,
    )
