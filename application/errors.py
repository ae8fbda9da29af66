"""Errors of the application that are not rules of the secretariat."""

from __future__ import annotations


class ConflictError(Exception):
    """Raised when someone else changed the same record at the same moment:
    nothing was written, and running the command again will decide it afresh."""

    def __init__(self, record: str) -> None:
        self.record = record
        super().__init__(
            f"{record} was changed by someone else at the same moment; "
            "nothing was written; run the command again"
        )
