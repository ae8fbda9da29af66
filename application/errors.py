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
