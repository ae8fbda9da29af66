"""Run `secretariat` telling the test when the work it is to be killed in begins.

Usage: python signalled.py SIGNAL_FILE ARGS...  It touches SIGNAL_FILE when the
import starts applying entries, or the views start catching up or rebuilding,
and SIGNAL_FILE.done each time such work ends (the work runs from the first
beginning to the last end); otherwise it runs exactly as
`secretariat ARGS...` does, except that an import saves a few entries per
transaction (`TRANSACTION_EVENTS`), so that the test's import of some fifty
entries has transactions to be killed between. The test kills it with SIGKILL
at a random moment after the work began.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import adapters.cli.importing
import adapters.views.views
import application.importing
from adapters.cli import main

TRANSACTION_EVENTS = 6
"""Three entries of the example record (an event and a mark each) per transaction."""

signal = Path(sys.argv[1])
done = signal.with_suffix(".done")


def signalling(function: Callable[..., Any]) -> Callable[..., Any]:
    def signalled(*args: Any, **kwargs: Any) -> Any:
        if not signal.exists():  # the first work begun: an import's entries
            signal.touch()
        try:
            return function(*args, **kwargs)
        finally:
            done.touch(exist_ok=True)

    return signalled


adapters.cli.importing.import_entries = signalling(  # type: ignore[assignment]
    adapters.cli.importing.import_entries
)
application.importing.BATCH_EVENTS = TRANSACTION_EVENTS
adapters.views.views.Views.catch_up = signalling(adapters.views.views.Views.catch_up)  # type: ignore[method-assign]
adapters.views.views.Views.rebuild = signalling(adapters.views.views.Views.rebuild)  # type: ignore[method-assign]
main(sys.argv[2:])
