"""Run `secretariat notifications send` telling the test when sending begins.

Usage: python signalled_sender.py SIGNAL_FILE ARGS...  It touches SIGNAL_FILE
when the sender starts its first pass (the store open, the outbox caught up
next), and SIGNAL_FILE.done when the pass ends; otherwise it runs exactly as
`secretariat ARGS...` does. The test kills it with SIGKILL at a random moment
after sending began.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import adapters.mail.sender
from adapters.cli import main

signal = Path(sys.argv[1])
done = signal.with_suffix(".done")
send_due = adapters.mail.sender.Sender.send_due


def signalled(self: Any) -> Any:
    signal.touch(exist_ok=True)
    try:
        return send_due(self)
    finally:
        done.touch(exist_ok=True)


adapters.mail.sender.Sender.send_due = signalled  # type: ignore[method-assign]
main(sys.argv[2:])
