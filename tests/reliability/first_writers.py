"""Two officers recording the first decision of new stores at the same moment,
one with a key and one without (or each with a key of their own), each in a
process of its own (multiprocessing, spawn).

Each worker runs the CLI's `main` once per store, as the `secretariat`
executable runs it; its save waits until the other worker has opened the same
store too, so both have found the store empty before either writes: the moment
at which the store's encryption is decided.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from adapters.store import CIPHER_KEY_VARIABLE
from application.secretariat import Secretariat
from tests.reliability.helpers import invoke

Outcome = tuple[int, str]
"""(exit code, standard error) of one command."""


def first_decisions(
    worker: int, key: str | None, stores: list[str], opened: Any, results: Any
) -> None:
    """Establish a body of this worker's own on each of `stores` in turn, with
    `key` (or none), saving only once every worker has opened that store."""
    if key is None:
        os.environ.pop(CIPHER_KEY_VARIABLE, None)
    else:
        os.environ[CIPHER_KEY_VARIABLE] = key
    save = Secretariat._save

    def save_together(self: Secretariat, *args: Any, **kwargs: Any) -> Any:
        opened.wait()
        return save(self, *args, **kwargs)

    Secretariat._save = save_together  # type: ignore[method-assign]
    outcomes: list[Outcome] = []
    try:
        for store in stores:
            ran = invoke(
                "establish-body", f"body-{worker}", "--name", f"Body {worker}",
                "--on", "2010-12-21", store=store, actor=f"officer {worker}",
            )  # fmt: skip
            outcomes.append((ran.code, ran.err))
            if ran.code not in (0, 4):
                opened.abort()  # let the other fail rather than wait forever
                break
    except threading.BrokenBarrierError:
        pass
    finally:
        Secretariat._save = save  # type: ignore[method-assign]
        results.put((worker, outcomes))
