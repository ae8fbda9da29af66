"""Python's cyclic garbage collector, held off while a process makes many
objects that hold no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_garbage_collection() -> Iterator[None]:
    """Hold off Python's cyclic garbage collector. A rebuild of the views makes
    a dictionary per event read and keeps a page of them; an import keeps a
    command per entry and an event per decision: the collector would scan
    them again and again, while they make no cycles to collect (what little
    the command's machinery leaves, a few thousand objects, is collected
    once the collector runs again)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
