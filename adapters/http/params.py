"""Query and path parameters, read by the application's own parsers (those
of the command line and import files): a value refused says why in the
command line's words, naming the parameter as the address writes it
(`Invalid value for 'as-of': ...`)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TypeVar

from starlette.requests import Request

from adapters.http.problems import Problem
from application.parsing import (
    parse_body_code,
    parse_count,
    parse_date,
    parse_moment,
)
from domain.errors import InvalidValueError

T = TypeVar("T")

__all__ = [
    "parse",
    "parse_body_code",
    "parse_count",
    "parse_date",
    "parse_moment",
    "query",
]


def query(request: Request, accepted: Collection[str]) -> dict[str, str]:
    """The query's parameters, each given once and each one `accepted`."""
    given: dict[str, str] = {}
    for name, value in request.query_params.multi_items():
        if name not in accepted:
            takes = ", ".join(sorted(accepted)) or "none"
            raise Problem(
                400, f"there is no parameter {name!r} here; the parameters are: {takes}"
            )
        if name in given:
            raise Problem(400, f"the parameter {name!r} is given more than once")
        given[name] = value
    return given


def parse(parser: Callable[[str], T], name: str, text: str | None) -> T | None:
    """`text` read by `parser` (None stays None)."""
    if text is None:
        return None
    try:
        return parser(text)
    except InvalidValueError as error:
        reason = " ".join(str(error).split())
        raise Problem(400, f"Invalid value for {name!r}: {reason}") from None
