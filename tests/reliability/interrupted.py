"""Run `secretariat` with a pause inside the transaction that records a
command's events: after they are sent to the store, before they are committed.

Usage: python interrupted.py SIGNAL_DIR ARGS...  It touches SIGNAL_DIR/inserted
once the events are sent, then waits for SIGNAL_DIR/go before committing, so
that a test can take the store away at that moment.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder

from adapters.cli import main

signals = Path(sys.argv[1])


def pausing(insert: Any) -> Any:
    def paused_insert(self: Any, *args: Any, **kwargs: Any) -> Any:
        result = insert(self, *args, **kwargs)
        (signals / "inserted").touch()
        deadline = time.monotonic() + 60
        while not (signals / "go").exists():
            if time.monotonic() > deadline:
                raise SystemExit("interrupted.py: never told to go on")
            time.sleep(0.01)
        return result

    return paused_insert


for recorder in (PostgresApplicationRecorder, SQLiteApplicationRecorder):
    recorder._insert_events = pausing(recorder._insert_events)  # type: ignore[method-assign]
main(sys.argv[2:])
