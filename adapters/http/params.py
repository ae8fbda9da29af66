"""Query and path parameters, read by the command line's own parsers: a value
refused says why in the command line's words, naming the parameter as the
address writes it (`Invalid value for 'as-of': ...`)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import click
from starlette.requests import Request

from adapters.cli.params import BODY, COUNT, DATE
from adapters.cli.views import TIMESTAMP
from adapters.http.problems import Problem

__all__ = ["BODY", "COUNT", "DATE", "TIMESTAMP", "parse", "query"]


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


def parse(kind: click.ParamType[Any], name: str, text: str | None) -> Any:
    """`text` read as `kind` (None stays None)."""
    if text is None:
        return None
    try:
        return kind.convert(text, None, None)
    except click.BadParameter as error:
        reason = " ".join(error.message.split())
        raise Problem(400, f"Invalid value for {name!r}: {reason}") from None
