"""`secretariat import`: record a whole file of commands, each entry once."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import click
import structlog

from adapters.cli.import_files import ImportFileError, read_import_file
from adapters.cli.recording import report_views
from adapters.cli.running import Failure, Settings, as_failure, global_options
from adapters.collector import no_garbage_collection
from adapters.failures import BAD_USAGE
from adapters.store import cipher_key
from application.imported import Marks
from application.importing import (
    Entry,
    EntryFailedError,
    count_applied,
    import_entries,
    recognise_earlier_marks,
)

CATCH_UP_PAGE = 5_000
"""Events each transaction of the views' catch-up after an import applies: an
import leaves thousands of events behind the views, and a transaction costs its
commit (a command's catch-up takes smaller pages, so as not to hold the views'
tracking rows long)."""


class FilePath(click.Path):
    """A file's path; a NUL in it is refused here, as no file can be named so."""

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Any:
        if "\x00" in str(value):
            self.fail(f"{str(value)!r} holds a NUL: no file has such a name")
        return super().convert(value, param, ctx)


@click.command("import")
@click.argument(
    "file", metavar="FILE.yaml", type=FilePath(dir_okay=False, path_type=Path)
)
@click.option(
    "--as",
    "name",
    metavar="NAME",
    help=(
        "The name the file's entries are known by (default: the file's own "
        "name, without its folder): import a renamed file under its first name."
    ),
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Check the whole file and say what it would apply; write nothing.",
)
@click.option(
    "--notify",
    is_flag=True,
    help="Tell the bodies' distribution lists of the decisions applied, as if "
    "they were recorded now (by default an import tells nobody).",
)
@global_options
@click.pass_obj
def import_file(
    settings: Settings, file: Path, name: str | None, dry_run: bool, notify: bool
) -> None:
    """Record the commands of FILE.yaml, in order, each entry once.

    FILE.yaml is a list of entries, each `command:` plus the command's fields
    named as its options are (`on:` is required); see the README. The whole
    file is checked before anything is recorded. Entries already in the record
    (from an earlier import of a file of the same name, or of the same
    `--as` NAME) are not applied again. An entry
    rejected by a rule stops the import: the entries before it stay recorded,
    and importing the corrected file applies each entry exactly once.

    Example:

    \b
      secretariat import examples/expert-group-cybercrime.yaml --dry-run
    """
    # An import keeps a command per entry and an event per decision, none
    # of which holds a cycle: the collector would scan them for nothing.
    with no_garbage_collection():
        _import_file(settings, file, name, dry_run=dry_run, notify=notify)


def _import_file(
    settings: Settings, file: Path, name: str | None, *, dry_run: bool, notify: bool
) -> None:
    structlog.contextvars.bind_contextvars(file=str(file))
    if name is not None and not name.strip():
        raise Failure("--as NAME must not be empty", BAD_USAGE, "bad-usage")
    entries: Sequence[Entry]
    try:
        entries = read_import_file(file, name=name, marks=Marks(cipher_key()))
    except ImportFileError as error:
        raise Failure(str(error), BAD_USAGE, "bad-usage") from None
    structlog.contextvars.bind_contextvars(entries=len(entries))
    if notify:
        entries = [
            attrs.evolve(entry, command=attrs.evolve(entry.command, announced=True))
            for entry in entries
        ]
    if dry_run:
        click.echo(
            f"{file}: {len(entries)} entries, all valid; {_dry_run(settings, entries)}"
        )
        return
    secretariat = settings.secretariat(create=True, many=True)
    entries = recognise_earlier_marks(secretariat, entries)
    try:
        with _progress(len(entries)) as advance:
            report = import_entries(
                secretariat,
                entries,
                views=lambda: settings.views(create=True, page_size=CATCH_UP_PAGE),
                progress=advance,
            )
    except EntryFailedError as failed:
        if failed.views is not None:
            report_views(failed.views)
        reason = as_failure(failed.error, settings)
        structlog.contextvars.bind_contextvars(
            entry=failed.entry.index,
            applied=failed.done.applied,
            already=failed.done.already,
        )
        before = failed.entry.index - 1
        raise Failure(
            f"{file}: {failed.entry.position}: {reason.format_message()} "
            f"({_before(before)}, none after it; importing the file again "
            "applies each entry once)",
            reason.exit_code,
            reason.outcome,
        ) from failed.error
    done = report.imported
    structlog.contextvars.bind_contextvars(applied=done.applied, already=done.already)
    report_views(report.views)
    click.echo(f"{file}: {done.applied} applied, {done.already} already in the record")


def _dry_run(settings: Settings, entries: Sequence[Entry]) -> str:
    from adapters.bootstrap import record_exists

    store = settings.parsed_store()
    # Opened as a recording command opens it, which creates nothing until an
    # event is written: a PostgreSQL schema without the store's tables is a
    # store that does not exist yet.
    if not store.exists or not record_exists(settings.secretariat(create=True)):
        return (
            f"there is no store at {store.label} yet, so all would be applied; "
            "nothing was written (dry run)"
        )
    secretariat = settings.secretariat(create=False)
    already = count_applied(secretariat, recognise_earlier_marks(secretariat, entries))
    return (
        f"{len(entries) - already} would be applied, {already} already in the "
        "record; nothing was written (dry run)"
    )


def _before(count: int) -> str:
    if count == 1:
        return "the entry before it is in the record"
    return f"the {count} entries before it are in the record"


@contextmanager
def _progress(length: int) -> Iterator[Callable[[Entry], None]]:
    """A progress bar on standard error when it is a terminal; nothing otherwise,
    so that logs and pipes receive only the outcome."""
    stream = sys.stderr
    if not stream.isatty():
        yield lambda _: None
        return
    with click.progressbar(
        length=length, label="Importing", file=stream, show_pos=True
    ) as bar:
        yield lambda _: bar.update(1)
