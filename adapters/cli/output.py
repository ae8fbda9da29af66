"""How the command line writes its answers: JSON for scripts, tables for
officers."""

from __future__ import annotations

import json
from typing import Any

import click

NOTHING = "nothing recorded"
"""What a table with no rows says instead of its headers alone."""


def emit_json(data: object) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def emit_table(
    rows: list[tuple[Any, ...]], headers: tuple[str, ...], *, nothing: str = NOTHING
) -> None:
    """`rows` under `headers`; `nothing` when there are no rows."""
    if not rows:
        click.echo(nothing)
        return
    from tabulate import tabulate

    click.echo(
        tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)
    )
