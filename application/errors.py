"""Errors of the application that are not rules of the secretariat."""

from __future__ import annotations

from collections.abc import Iterable


class ConflictError(Exception):
    """Raised when someone else changed the same record at the same moment:
    nothing was written, and running the command again will decide it afresh."""

    def __init__(self, record: str) -> None:
        self.record = record
        super().__init__(
            f"{record} was changed by someone else at the same moment; "
            "nothing was written; run the command again"
        )


class VersionMismatchError(ConflictError):
    """Raised when a command was given the version its record must be at
    (`If-Match` over HTTP) and the record is at another, or does not exist:
    nothing was written."""

    def __init__(self, record: str, found: int | None, expected: int) -> None:
        self.found = found
        self.expected = expected
        Exception.__init__(
            self,
            f"{record} is at version {found}, not {expected}; nothing was written"
            if found is not None
            else f"{record} is not in the record yet, so it has no version "
            f"{expected}; nothing was written",
        )
        self.record = record


class UnreadableEventError(Exception):
    """Raised when a stored event does not hold what its view expects: a view
    built from it would be wrong, so the catch-up stops instead."""


class UnknownEventError(Exception):
    """Raised when the log holds events of a kind this version does not know
    (recorded by a later version): views built without them could be wrong."""

    def __init__(self, topics: Iterable[str]) -> None:
        self.topics = sorted(topics)
        super().__init__(
            "the store holds events this version of secretariat does not know "
            f"({', '.join(self.topics)}); use the version that recorded them, "
            "or a later one"
        )
