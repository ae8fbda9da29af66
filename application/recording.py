"""Recording a decision: the command recorded, then the views brought up to date.

The decision is recorded whatever happens to the views: if they cannot be
brought up to date now, the outcome says so, and they catch up at the next
command that reads or records.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from application.commands import Command
    from application.deciding import Recorded
    from application.ports import Views
    from application.secretariat import Secretariat


@attrs.frozen
class CaughtUp:
    """What bringing the views up to date did."""

    applied: int | None
    """How many events the views applied; None when they could not be."""
    failure: str | None = None
    """Why they could not be, when they could not be."""

    @property
    def warning(self) -> str | None:
        """What to tell the officer when the views are left behind."""
        if self.failure is None:
            return None
        return (
            "recorded, but the calendar and deadline views could not be brought "
            f"up to date ({self.failure}); they will be at the next command"
        )


@attrs.frozen
class Outcome:
    """What recording a command did."""

    recorded: Recorded
    views: CaughtUp


def record(
    secretariat: Secretariat,
    command: Command,
    views: Callable[[], Views],
    *,
    expected_version: int | None = None,
) -> Outcome:
    """Record `command`, then bring the views (opened by `views`) up to date.
    With `expected_version`, only if its record is at that version."""
    recorded = secretariat.execute(command, expected_version=expected_version)
    return Outcome(recorded, catch_up(views))


def catch_up(views: Callable[[], Views]) -> CaughtUp:
    """Bring the views up to date with what was recorded, or say why not."""
    try:
        applied = views().catch_up()
    except Exception as error:
        return CaughtUp(None, f"{type(error).__name__}: {error}")
    return CaughtUp(applied)
