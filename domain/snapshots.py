"""Snapshots taken before a record kept all that it now derives from its events.

A snapshot holds a record's state as the version of the code that took it kept
that state. When a later version keeps more from each event (what each version
of the record holds, so that it can be struck; the decisions; each document's
languages), a snapshot taken before holds none of it for the events before the
snapshot, and nothing in the snapshot can tell it: the documents issued before
it, say, are there by title only, without their symbol or their language.

So a snapshotted record says which state its snapshots hold by its
`class_version`, and the application does not use a snapshot taken at an
earlier one: it loads the record from all its events instead
(`application.loading`). The snapshots it takes from then on hold the whole
state, and the next one, 100 events on, is used again. Should an earlier
snapshot be read all the same, its upcaster (`outdated`) marks its state as
outdated, changing nothing it holds. A version that makes a snapshotted record
keep something more raises its `class_version`, with one more upcaster
`outdated`.
"""

from __future__ import annotations

from typing import Any

OUTDATED = "_snapshot_outdated"
"""The key an upcaster sets in an outdated snapshot's state."""


def outdated(state: dict[str, Any]) -> None:
    """Upcast the state of a snapshot taken before the record kept what its
    class version now keeps: mark it, for the record to be loaded from its
    events instead (nothing it holds is changed or dropped)."""
    state[OUTDATED] = True


def is_outdated(aggregate: Any) -> bool:
    """Whether `aggregate` was loaded from an outdated snapshot."""
    return bool(vars(aggregate).get(OUTDATED))
