"""How the command line writes its answers: JSON for scripts, tables for
officers.

A table fits the terminal's width (`$COLUMNS`, else the terminal's own, when
standard output is one): its widest columns are narrowed, their text wrapped
onto more lines, until the table fits. Colour marks statuses and moved dates
on a terminal only, and never when `$NO_COLOR` is set
(https://no-color.org); piped, a table is plain text.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from typing import Any

import click

NOTHING = "nothing recorded"
"""What a table with no rows says instead of its headers alone."""

GAP = 2
"""The spaces between two columns of a table."""

LONGEST_WORD = 24
"""A column is not narrowed below its longest word (a date's month, a code),
up to this many characters; a longer word may be cut."""

COLOURS = {
    "scheduled": "green",
    "postponed": "yellow",
    "cancelled": "red",
    "in-session": "cyan",
    "late": "red",
    "overdue": "red",
    "moved": "yellow",
}
"""The colour of each status, and of dates a session has moved from."""


def emit_json(data: object) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def coloured() -> bool:
    """Whether answers may be coloured: on a terminal, without `$NO_COLOR`."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def paint(text: str, kind: str | None = None) -> str:
    """`text` in the colour of `kind` (default: the text itself, a status),
    when answers may be coloured."""
    colour = COLOURS.get(kind or text)
    if not text or colour is None or not coloured():
        return text
    return click.style(text, fg=colour)


def width() -> int | None:
    """The width to fit a table in: `$COLUMNS`, else the terminal's; None
    when standard output is not a terminal and `$COLUMNS` is not set."""
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


HEADER_PADDING = 2
"""tabulate leaves a column at least this much wider than its header."""


def cells(rows: list[tuple[Any, ...]], header: str, i: int) -> list[str]:
    """A column's header (with the room tabulate leaves beside it) and cells."""
    padded = header + "x" * HEADER_PADDING
    return [padded, *(click.unstyle(str(row[i])) for row in rows)]


def fitted(
    rows: list[tuple[Any, ...]], headers: tuple[str, ...], room: int
) -> list[int | None]:
    """The widest each column may be for the table to fit in `room`
    characters: the widest columns narrowed first, none below its longest
    word (None: as wide as it is)."""
    natural = [
        max(len(line) for cell in cells(rows, header, i) for line in cell.split("\n"))
        for i, header in enumerate(headers)
    ]
    floors = [
        min(
            LONGEST_WORD,
            max(len(word) for cell in cells(rows, header, i) for word in cell.split()),
        )
        for i, header in enumerate(headers)
    ]
    widths = narrowed(list(natural), floors, room - GAP * (len(headers) - 1))
    return [None if w == n else w for w, n in zip(widths, natural, strict=True)]


def narrowed(widths: list[int], floors: list[int], available: int) -> list[int]:
    """`widths` narrowed, the widest first, until they fit in `available`:
    none below its floor, unless no other way fits (then words are cut)."""
    for lowest in (floors, [min(HEADER_PADDING + 2, f) for f in floors]):
        while sum(widths) > available:
            candidates = [i for i, w in enumerate(widths) if w > lowest[i]]
            if not candidates:
                break
            widest = max(candidates, key=lambda i: widths[i])
            widths[widest] -= 1
    return widths


def emit_table(
    rows: list[tuple[Any, ...]], headers: tuple[str, ...], *, nothing: str = NOTHING
) -> None:
    """`rows` under `headers`, fitted to the terminal's width; `nothing` when
    there are no rows."""
    if not rows:
        click.echo(nothing)
        return
    room = width()
    table = render(rows, headers, None)
    # tabulate's wrapping may leave a line a character or two over the width
    # asked: ask again, a little narrower, until the table fits.
    for narrower in range(4):
        if room is None or longest(table) <= room:
            break
        table = render(rows, headers, fitted(rows, headers, room - narrower))
    click.echo(table)


def longest(table: str) -> int:
    return max(len(click.unstyle(line)) for line in table.splitlines())


def render(
    rows: list[tuple[Any, ...]],
    headers: tuple[str, ...],
    limits: list[int | None] | None,
) -> str:
    from tabulate import tabulate

    return tabulate(
        rows,
        headers=headers,
        tablefmt="simple",
        disable_numparse=True,
        maxcolwidths=limits,
        maxheadercolwidths=(
            None
            if limits is None
            else [w or len(h) for w, h in zip(limits, headers, strict=True)]
        ),
        break_on_hyphens=False,
    )


def emit_lines(lines: list[str]) -> None:
    """Lines of text, each too long for the terminal's width wrapped, its
    following lines indented under its first."""
    import textwrap

    room = width()
    for line in lines:
        if room is None or len(line) <= room:
            click.echo(line)
            continue
        indent = " " * (len(line) - len(line.lstrip()) + 4)
        click.echo(
            textwrap.fill(
                line,
                room,
                subsequent_indent=indent,
                break_on_hyphens=False,
                break_long_words=False,
            )
        )
