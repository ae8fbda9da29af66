"""Stable ids: the same natural key gives the same id on every installation,
so a session's id (and its calendar UID) never depends on where it was recorded."""

from __future__ import annotations

from functools import lru_cache
from uuid import NAMESPACE_URL, UUID, uuid5


def natural_id(kind: str, *key: object) -> UUID:
    """Return the id of the record of `kind` known by `key`."""
    return uuid5(NAMESPACE_URL, "urn:secretariat:" + ":".join([kind, *map(str, key)]))


# The ids of records are remembered: an import names the same few records
# entry after entry, and each id is a hash to compute.


@lru_cache(maxsize=1024, typed=True)
def body_id(code: str) -> UUID:
    return natural_id("body", code)


@lru_cache(maxsize=4096, typed=True)
def session_id(body: str, number: int) -> UUID:
    return natural_id("session", body, number)


@lru_cache(maxsize=1024, typed=True)
def workplan_id(body: str, period: object) -> UUID:
    return natural_id("workplan", body, period)
