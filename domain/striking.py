"""Striking an entry recorded in error: what can be struck, and the rules.

A record keeps, for each version of it, the kind of entry recorded there
(`ledger`), and the versions struck; a strike names the version. Statements,
panelists, documents, circulations and submissions can be struck; a decision
on a session's dates, venue or status only while it is the latest one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.errors import DomainError

ENTRIES = frozenset(
    {
        "StatementRecorded",
        "PanelistConfirmed",
        "DocumentIssued",
        "DocumentCirculated",
        "SubmissionReceived",
        "TranslationPublished",
    }
)
"""The entries struck alone: the record reads as if they had not been made."""

DECISIONS = frozenset(
    {"Postponed", "Rescheduled", "VenueChanged", "Cancelled", "Opened", "Closed"}
)
"""The decisions on a session's dates, venue or status: struck only while the
latest, and the session then reads as before them."""

ENTRY_WORDS = {
    "StatementRecorded": "the statement",
    "PanelistConfirmed": "the panelist",
    "DocumentIssued": "the document",
    "DocumentCirculated": "the circulation",
    "SubmissionReceived": "the submission",
    "TranslationPublished": "the language version",
    "Scheduled": "the scheduling",
    "Postponed": "the postponement",
    "Rescheduled": "the rescheduling",
    "VenueChanged": "the change of venue",
    "Cancelled": "the cancellation",
    "Opened": "the opening",
    "Closed": "the closing",
    "AgendaIssued": "the agenda",
    "ReportAdopted": "the adoption of the report",
    "Corrected": "a correction",
    "Translated": "a translation",
    "Struck": "a strike",
    "Adopted": "the adoption of the workplan",
    "CommentsRequested": "the call for comments",
    "DeadlineExtended": "the extension of a deadline",
}


def ledger(aggregate: Any) -> dict[str, str]:
    """Each version of the record (as text) and the kind of entry it holds;
    kept as the record is loaded (a snapshot taken before strikes were
    possible is not used: `domain.snapshots`)."""
    found: dict[str, str] = vars(aggregate).setdefault("ledger", {})
    return found


def struck(aggregate: Any) -> list[int]:
    """The versions of the record struck."""
    found: list[int] = vars(aggregate).setdefault("struck", [])
    return found


def note(aggregate: Any, event: Any) -> None:
    """Keep the kind of entry `event` records at its version."""
    ledger(aggregate)[str(event.originator_version)] = type(event).__name__


def check_strike(aggregate: Any, version: int, description: str) -> str:
    """The kind of entry at `version`, once checked that it can be struck
    (raising why not); a decision's further rule is the session's."""
    kind = ledger(aggregate).get(str(version))
    if kind is None:
        raise NoSuchEntryError(description, version)
    if version in struck(aggregate):
        raise AlreadyStruckError(description, version)
    if kind not in ENTRIES | DECISIONS:
        raise NotStrikableError(description, version, kind)
    return kind


class NoSuchEntryError(DomainError):
    """Raised when a strike names a version the record does not hold."""

    def __init__(self, record: str, version: int) -> None:
        super().__init__(f"{record} has no entry at version {version}")


class AlreadyStruckError(DomainError):
    """Raised when an entry is struck a second time."""

    def __init__(self, record: str, version: int) -> None:
        super().__init__(
            f"the entry at version {version} of {record} is struck already"
        )


class NotStrikableError(DomainError):
    """Raised when a strike names an entry that cannot be struck."""

    def __init__(self, record: str, version: int, kind: str) -> None:
        what = ENTRY_WORDS.get(kind, kind)
        advice = (
            "cancel the session instead"
            if kind == "Scheduled"
            else "record a new decision, or a correction, instead"
        )
        super().__init__(
            f"the entry at version {version} of {record} is {what}, which cannot "
            f"be struck; {advice}"
        )


class LaterDecisionError(DomainError):
    """Raised when a decision is struck while a later one stands."""

    def __init__(
        self, record: str, version: int, later: str, later_version: int, on: date
    ) -> None:
        super().__init__(
            f"the decision at version {version} of {record} is not its latest: "
            f"{ENTRY_WORDS.get(later, later)} at version {later_version} "
            f"({on.isoformat()}) came after it; strike that one first"
        )
