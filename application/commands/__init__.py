"""Commands: what a secretariat officer asks the Secretariat to record.

One class per command, named as the command is in the CLI, the import file and
the feature files, declared once (see `declaring`): its fields, with the names
and parsers the outside world gives them by, the record it is about and the
domain method that decides it. The command line, the import file, the
service's requests and the benchmark's generator are all derived from it.

Each module of this package declares the commands about one kind of record;
every command it declares is importable from here.
"""

from __future__ import annotations

from application.commands import body, distribution, languages, session, workplan
from application.commands.base import Command, SessionCommand, WorkplanCommand
from application.commands.body import *  # noqa: F403
from application.commands.declaring import REGISTRY, Declaration
from application.commands.distribution import *  # noqa: F403
from application.commands.languages import *  # noqa: F403
from application.commands.session import *  # noqa: F403
from application.commands.workplan import *  # noqa: F403

COMMANDS: dict[str, type[Command]] = REGISTRY
"""Every command, by the name it has in the CLI and the import file."""


def declarations() -> list[Declaration]:
    """Every command's declaration, in the order the commands are declared."""
    return [command.declaration for command in COMMANDS.values()]


__all__ = [
    "COMMANDS",
    "Command",
    "Declaration",
    "SessionCommand",
    "WorkplanCommand",
    "declarations",
]
__all__ += body.__all__
__all__ += session.__all__
__all__ += workplan.__all__
__all__ += distribution.__all__
__all__ += languages.__all__
