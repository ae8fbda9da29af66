"""Run `secretariat` with a pause between loading a record and saving it, so a
test can let another officer change the same record in between.

Usage: python paused.py SIGNAL_DIR ARGS...  It touches SIGNAL_DIR/loaded once
the record is loaded and decided, then waits for SIGNAL_DIR/go before saving.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from adapters.cli import main
from application.secretariat import Secretariat

signals = Path(sys.argv[1])
save = Secretariat._save


def paused_save(self: Secretariat, *args: Any, **kwargs: Any) -> Any:
    (signals / "loaded").touch()
    deadline = time.monotonic() + 30
    while not (signals / "go").exists():
        if time.monotonic() > deadline:
            raise SystemExit("paused.py: never told to go on")
        time.sleep(0.01)
    return save(self, *args, **kwargs)


Secretariat._save = paused_save  # type: ignore[method-assign]
main(sys.argv[2:])
