"""Run `secretariat` telling the test when the work it is to be killed in begins.

Usage: python signalled.py SIGNAL_FILE ARGS...  It touches SIGNAL_FILE when the
import starts applying entries, or the views start catching up or rebuilding,
and SIGNAL_FILE.done each time such work ends (the work runs from the first
beginning to the last end); otherwise it runs exactly as
`secretariat ARGS...` does. The test kills it with SIGKILL at a random moment
after the work began.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import adapters.cli.importing
import adapters.views.views
from adapters.cli import main

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


adapters.cli.importing.apply_entries = signalling(  # type: ignore[assignment]
    adapters.cli.importing.apply_entries
)
adapters.views.views.Views.catch_up = signalling(adapters.views.views.Views.catch_up)  # type: ignore[method-assign]
adapters.views.views.Views.rebuild = signalling(adapters.views.views.Views.rebuild)  # type: ignore[method-assign]
main(sys.argv[2:])
