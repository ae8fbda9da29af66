"""Applying the entries of an import file: in order, each once, many to a
transaction.

Entries are applied in transactions of about `BATCH_EVENTS` events, each
entry's events with the mark that records it as applied, so that a transaction
holds whole entries. An entry refused by a rule stops the import: the entries
before it are recorded, none after it. A process killed mid-import leaves the
entries of its saved transactions, a prefix of the file; importing the file
again skips the entries marked, so each entry is applied exactly once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any
from uuid import UUID

import attrs

from application.errors import ConflictError
from application.imported import earlier_mark
from application.recording import CaughtUp, catch_up
from domain.errors import DomainError

if TYPE_CHECKING:
    from application.commands import Command
    from application.ports import Views
    from application.secretariat import Secretariat

BATCH_EVENTS = 500
"""Events saved per transaction (a few more: a transaction ends on a whole
entry). Fewer transactions make an import faster; more make its prefixes finer."""

SNAPSHOTS_HELD = 100
"""Snapshots of the records, taken as entries are applied, held before they
are saved, in a transaction of their own: one such transaction for many of
the entries' (a snapshot lost to a crash only leaves a record loaded from an
earlier one). Those still held when the file's last transactions come are
saved with them (on SQLite in the same transaction: no commit of their own)."""


@attrs.frozen
class Entry:
    """One entry of an import file, checked and built into its command."""

    index: int
    """Its position in the file, from 1."""
    line: int
    """The line it starts on, from 1."""
    command: Command
    marking: UUID
    """The id that records it as applied (its file, content and occurrence)."""
    digest: bytes | None = None
    """The SHA-256 of its content written canonically, from which the id an
    earlier version marked it with is found (`legacy`)."""
    occurrence: int = 1
    """How many identical entries of its file come before it, and itself."""

    @property
    def legacy(self) -> UUID | None:
        """The id an earlier version recorded it as applied with (its content
        and occurrence alone): see `recognise_earlier_marks`."""
        if self.digest is None:
            return None
        return earlier_mark(self.digest, self.occurrence)

    @property
    def position(self) -> str:
        return f"entry {self.index} (line {self.line}, {self.command.verb})"


@attrs.frozen
class Imported:
    """What an import did."""

    applied: int
    already: int
    """Entries found already in the record, applied by an earlier import."""


@attrs.frozen
class Report:
    """What an import did, and what became of the views."""

    imported: Imported
    views: CaughtUp


class EntryFailedError(Exception):
    """Raised when an entry could not be applied; the entries before it are in
    the record, the entries after it were not tried."""

    def __init__(self, entry: Entry, error: Exception, done: Imported) -> None:
        super().__init__(f"{entry.position}: {error}")
        self.entry = entry
        self.error = error
        self.done = done
        self.views: CaughtUp | None = None
        """The views brought up to date with the entries before it, when the
        store answered (a rule refused the entry, or someone else changed a
        record); None when it did not: they catch up at the next command."""


def import_entries(
    secretariat: Secretariat,
    entries: Sequence[Entry],
    *,
    views: Callable[[], Views],
    progress: Callable[[Entry], None] | None = None,
) -> Report:
    """Apply the entries (`apply_entries`), then bring the views up to date,
    once for the whole file: a catch-up per entry would cost the import its
    speed."""
    try:
        imported = apply_entries(secretariat, entries, progress=progress)
    except EntryFailedError as failed:
        if isinstance(failed.error, DomainError | ConflictError):
            failed.views = catch_up(views)
        raise
    return Report(imported, catch_up(views))


def apply_entries(
    secretariat: Secretariat,
    entries: Sequence[Entry],
    *,
    progress: Callable[[Entry], None] | None = None,
) -> Imported:
    """Apply each entry not yet in the record, in order, stopping at the first
    that fails (`EntryFailedError`)."""
    applied = already = 0
    start = 0
    # Until an entry is found applied, a file is taken to be new: its entries
    # are not looked up one by one (see `Secretariat.apply`).
    new = True
    snapshots: list[Any] = []
    while start < len(entries):
        # At most as many entries as a transaction takes events (an entry
        # applied is two events or more): a window, not the rest of the file,
        # so that a large file is not copied again at each transaction.
        rest = entries[start : start + BATCH_EVENTS]
        # The snapshots held are saved with the file's last transaction (one
        # commit, where the store can), or a hundred at a time, or at a refusal.
        last = start + len(rest) >= len(entries)
        try:
            batch = secretariat.apply(
                [(entry.command, entry.marking) for entry in rest],
                events=BATCH_EVENTS,
                assume_new=new,
                defer_snapshots=not last,
                snapshots=snapshots if last else (),
            )
        except Exception as error:
            # Nothing of this transaction was written (the store failed, say).
            raise EntryFailedError(
                rest[0], error, Imported(applied, already)
            ) from error
        if last and any(outcome is not None for outcome in batch.outcomes):
            snapshots = []  # saved with the transaction's events
        snapshots += batch.snapshots
        if len(snapshots) >= SNAPSHOTS_HELD or batch.refused is not None:
            secretariat.save_snapshots(snapshots)
            snapshots = []
        for entry, outcome in zip(rest, batch.outcomes, strict=False):
            if outcome is None:
                already += 1
                new = False
            else:
                applied += 1
            if progress is not None:
                progress(entry)
        refused = batch.refused
        if refused is not None:
            raise EntryFailedError(
                rest[refused.index], refused.error, Imported(applied, already)
            ) from refused.error
        assert batch.outcomes, "a transaction takes at least one entry"
        start += len(batch.outcomes)
    secretariat.save_snapshots(snapshots)
    return Imported(applied, already)


def count_applied(secretariat: Secretariat, entries: Iterable[Entry]) -> int:
    """How many of the entries are already in the record."""
    return len(secretariat.applied_among([entry.marking for entry in entries]))


def recognise_earlier_marks(
    secretariat: Secretariat, entries: Sequence[Entry]
) -> Sequence[Entry]:
    """The entries, those an earlier version applied known by the mark it gave
    them, so that they are not applied again.

    Earlier versions marked an entry by its content and occurrence alone, not
    its file. An import applies a prefix of its file, so a file an earlier
    version imported, whole or in part, has its first entry marked so: only
    then are the entries looked up by their earlier marks (one read for them all)."""
    if not entries:
        return entries
    first = entries[0].legacy
    if first is None or not secretariat.is_applied(first):
        return entries
    legacies = [entry.legacy for entry in entries]
    earlier = secretariat.applied_among([mark for mark in legacies if mark is not None])
    return [
        attrs.evolve(entry, marking=legacy)
        if legacy is not None and legacy in earlier
        else entry
        for entry, legacy in zip(entries, legacies, strict=True)
    ]
