"""The CLI's parameter types and shared options: each type a thin wrapper of
the application's parser for its kind of value, so that the command line,
import files and requests read values alike."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from typing import Any

import click
from click.shell_completion import CompletionItem

from application.parsing import (
    parse_body_code,
    parse_count,
    parse_date,
    parse_number,
)
from domain.errors import InvalidValueError

# The parsers import the domain's values only where they are used: a query
# that parses a date or a number starts without them.

ACTOR_VARIABLE = "SECRETARIAT_ACTOR"


# click's parameter types are generic for type checkers since click 8.4; a base
# class written `click.ParamType[...]` would fail at run time on the earlier
# versions this project accepts, hence the `type-arg` ignores on the bases.


class Parsed(click.ParamType):  # type: ignore[type-arg]
    """A value read from its text by the application's parser (`parse`); a
    value that is not text (a default) is taken as it is. The shell completes
    a body's code, and a session's number, from the store."""

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        from adapters.cli.completion import complete

        return complete(self.name, param, ctx, incomplete)

    def __init__(self, name: str, parse: Callable[[str], Any]) -> None:
        self.name = name
        self.parse = parse

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self.parse(value)
        except InvalidValueError as error:
            self.fail(str(error), param, ctx)


class Choice(click.Choice):  # type: ignore[type-arg]
    """One of a few texts, read by the application's parser: `--help` lists
    them, and the shell completes them."""

    def __init__(self, choices: tuple[str, ...], parse: Callable[[str], Any]) -> None:
        super().__init__(choices)
        self.parse = parse

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self.parse(value)
        except InvalidValueError as error:
            self.fail(str(error), param, ctx)


DATE = Parsed("DATE", parse_date)
COUNT = Parsed("N", parse_count)
NUMBER = Parsed("N", parse_number)
"""A session's number: from 1."""
BODY = Parsed("CODE", parse_body_code)


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def invoking_actor() -> str:
    """Who issues a command not saying who: `$SECRETARIAT_ACTOR`, else the
    login name."""
    return os.environ.get(ACTOR_VARIABLE) or default_actor()
