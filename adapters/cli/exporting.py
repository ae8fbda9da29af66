"""`secretariat export`: the record as an import file that reproduces it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import IO, Any

import click
import structlog
import yaml

from adapters.cli.params import BODY
from adapters.cli.running import Settings, global_options

BATCH = 1000
"""Entries written at a time."""

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def batches(entries: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(entries)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def write_entries(entries: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write `entries` as an import file's list; return how many."""
    count = 0
    for batch in batches(entries):
        out.write(
            yaml.dump(
                batch,
                Dumper=_Dumper,
                sort_keys=False,
                allow_unicode=True,
                width=100,
            )
        )
        count += len(batch)
    if count == 0:
        out.write("[]\n")
    return count


def heading(body: str | None) -> str:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    what = f"the record of {body}" if body else "the record"
    return (
        f"# {what}, exported by secretariat export at {now}.\n"
        "# Import it into an empty store: secretariat import FILE\n"
    )


@click.command("export")
@click.option("--body", type=BODY, help="Only this body's record.")
@click.option(
    "--out",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the import file here (replaced whole) instead of to standard output.",
)
@global_options
@click.pass_obj
def export(settings: Settings, body: str | None, out: Path | None) -> None:
    """Write an import file that reproduces the record: importing it into an
    empty store gives every session and workplan the same history (apart from
    when and how each decision was recorded).

    Example:

    \b
      secretariat export --body cybercrime-egm --out cybercrime-egm.yaml
    """
    from application.exporting import Exporter

    if body:
        structlog.contextvars.bind_contextvars(body=body)
    entries = Exporter(settings.secretariat(create=False), body).entries()
    if out is None:
        sys.stdout.write(heading(body))
        count = write_entries(entries, sys.stdout)
        structlog.contextvars.bind_contextvars(entries=count)
        return
    partial = out.with_name(f".{out.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as file:
            file.write(heading(body))
            count = write_entries(entries, file)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    structlog.contextvars.bind_contextvars(entries=count)
    click.echo(f"Exported {count} entries to {out}")
