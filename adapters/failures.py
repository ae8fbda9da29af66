"""What each kind of failure is called, in every face of the secretariat: its
exit code on the command line (a status over HTTP is derived from it), the
outcome its log line names, and the one line that says it.

The command line and the HTTP service both say a failure through `said`, so
that a refusal reads the same wherever it is met.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from types import UnionType

from adapters.store import (
    CipherKeyError,
    Store,
    StoreKeyError,
    StoreUnavailableError,
    StoreUrlError,
    describe_store_error,
)
from application.errors import ConflictError, UnknownEventError, UnreadableEventError
from domain.errors import DomainError, InvalidValueError

DONE, REJECTED, BAD_USAGE, CONFLICT, STORE_FAILED = 0, 1, 2, 3, 4
INTERNAL_ERROR = 70


@dataclass(frozen=True)
class Said:
    """A failure as it is told: the one line, the exit code and the outcome.
    (A dataclass: a query starts without importing attrs.)"""

    message: str
    exit_code: int
    outcome: str


SAID_AS_THEY_ARE: tuple[tuple[type[Exception] | UnionType, int, str], ...] = (
    (InvalidValueError, BAD_USAGE, "bad-usage"),
    (DomainError, REJECTED, "rejected"),
    (ConflictError, CONFLICT, "conflict"),
    (StoreUrlError | CipherKeyError, BAD_USAGE, "bad-usage"),
    (
        StoreUnavailableError | StoreKeyError | UnknownEventError,
        STORE_FAILED,
        "store-failed",
    ),
)
"""The errors whose own message is what the officer is told, and their exit code."""


def said(error: BaseException, store: Callable[[], Store]) -> Said | None:
    """How `error` is told, or None for a failure nobody expected (`store`:
    the store in use, asked for only when the store failed)."""
    for kinds, exit_code, outcome in SAID_AS_THEY_ARE:
        if isinstance(error, kinds):
            return Said(str(error), exit_code, outcome)
    message = store_failure(error, store)
    if message is not None:
        return Said(message, STORE_FAILED, "store-failed")
    return None


def store_failure(error: BaseException, store: Callable[[], Store]) -> str | None:
    """What to say of a store that cannot be read or used, or None."""
    from eventsourcing.persistence import MapperDeserialisationError, PersistenceError
    from eventsourcing.utils import TopicError

    if isinstance(error, UnreadableEventError):
        return f"the views cannot be built from the store: {error}"
    if isinstance(error, MapperDeserialisationError):
        return (
            "the store holds an event that cannot be read (encrypted with "
            "another key, or damaged): " + " ".join(str(error).split())
        )
    if isinstance(error, TopicError):
        return (
            "the store holds events this version of secretariat does not know "
            f"({error}); use the version that recorded them, or a later one"
        )
    if isinstance(error, PersistenceError | sqlite3.Error | OSError):
        return describe_store_error(store(), error)
    return None
