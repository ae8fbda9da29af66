"""The root of the secretariat's rule violations.

Each rule the secretariat follows has its own subclass, defined beside the
aggregate that enforces it. Every message is written for a secretariat officer.
"""

from __future__ import annotations


class DomainError(Exception):
    """Raised when a command would break one of the secretariat's rules."""


class InvalidValueError(DomainError):
    """Raised when a value can never be valid, whatever the record holds
    (an end before a start, an empty title, a period that runs backwards)."""


class FutureEffectiveDateError(DomainError):
    """Raised when a decision would take effect after the day it is recorded:
    the record holds what was decided, not what is planned."""

    def __init__(self, on: str, today: str) -> None:
        super().__init__(
            f"this decision takes effect on {on}, after today ({today}); "
            "record a decision once it has been taken"
        )


class FutureMomentError(DomainError):
    """Raised when a receipt is dated at a moment later than now: the record
    holds what has happened."""

    def __init__(self, moment: str, now: str) -> None:
        super().__init__(
            f"this was received at {moment}, later than now ({now}); "
            "record a receipt once it has happened"
        )
