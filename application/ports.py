"""What the application needs from the outside world, as it needs it."""

from __future__ import annotations

from typing import Protocol


class Views(Protocol):
    """The views (calendar, deadlines, ...) built from the record."""

    def catch_up(self) -> int:
        """Apply the events recorded since the views were last brought up to
        date; return how many were applied."""
        ...
