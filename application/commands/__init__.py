"""Commands: what a secretariat officer asks the Secretariat to record.

One class per command, named as the command is in the CLI, the import file and
the feature files, declared once (see `declaring`): its fields, with the names
and parsers the outside world gives them by, the record it is about and the
domain method that decides it. The command line, the import file, the
service's requests and the benchmark's generator are all derived from it.
"""

from __future__ import annotations

from application.commands.base import Command, SessionCommand, WorkplanCommand
from application.commands.body import EstablishBody
from application.commands.declaring import REGISTRY, Declaration
from application.commands.session import (
    AdoptReport,
    CancelSession,
    ChangeVenue,
    CirculateDocument,
    CloseSession,
    ConfirmPanelist,
    IssueAgenda,
    IssueDocument,
    OpenSession,
    PostponeSession,
    RecordStatement,
    RescheduleSession,
    ScheduleSession,
)
from application.commands.workplan import (
    AdoptWorkplan,
    ExtendDeadline,
    ReceiveSubmission,
    RequestComments,
)

COMMANDS: dict[str, type[Command]] = REGISTRY
"""Every command, by the name it has in the CLI and the import file."""


def declarations() -> list[Declaration]:
    """Every command's declaration, in the order the commands are declared."""
    return [command.declaration for command in COMMANDS.values()]


__all__ = [
    "COMMANDS",
    "AdoptReport",
    "AdoptWorkplan",
    "CancelSession",
    "ChangeVenue",
    "CirculateDocument",
    "CloseSession",
    "Command",
    "ConfirmPanelist",
    "Declaration",
    "EstablishBody",
    "ExtendDeadline",
    "IssueAgenda",
    "IssueDocument",
    "OpenSession",
    "PostponeSession",
    "ReceiveSubmission",
    "RecordStatement",
    "RequestComments",
    "RescheduleSession",
    "ScheduleSession",
    "SessionCommand",
    "WorkplanCommand",
    "declarations",
]
