"""Shell completion of what the record holds: the codes of its bodies, and the
numbers of a body's sessions. The store is the one the command line names
(`--store`, else `$SECRETARIAT_STORE`); a store that cannot be read completes
nothing."""

from __future__ import annotations

import click
from click.shell_completion import CompletionItem

from adapters.cli.running import Settings

NUMBERS = ("N", "NUMBER")


def complete(
    kind: str, param: click.Parameter, ctx: click.Context, incomplete: str
) -> list[CompletionItem]:
    """The values of `kind` (a body's `CODE`, a session's number) that start
    with `incomplete`."""
    try:
        if kind == "CODE":
            values = bodies(ctx)
        elif kind in NUMBERS and param.name == "number" and ctx.params.get("body"):
            values = sessions(ctx, str(ctx.params["body"]))
        else:
            return []
    except Exception:
        # Completion never fails loudly: the shell shows no candidates.
        return []
    return [CompletionItem(value) for value in values if value.startswith(incomplete)]


def settings(ctx: click.Context) -> Settings:
    return ctx.find_object(Settings) or Settings()


def bodies(ctx: click.Context) -> list[str]:
    found = settings(ctx)
    try:
        return [body["code"] for body in found.secretariat(create=False).bodies()]
    finally:
        found.close()


def sessions(ctx: click.Context, body: str) -> list[str]:
    found = settings(ctx)
    try:
        rows = found.views().calendar_rows(body)
        return [str(number) for number in sorted({row.number for row in rows})]
    finally:
        found.close()
