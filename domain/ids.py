"""Stable ids: the same natural key gives the same id on every installation,
so a session's id (and its calendar UID) never depends on where it was recorded."""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5


def natural_id(kind: str, *key: object) -> UUID:
    """Return the id of the record of `kind` known by `key`."""
    return uuid5(NAMESPACE_URL, "urn:secretariat:" + ":".join([kind, *map(str, key)]))


def body_id(code: str) -> UUID:
    return natural_id("body", code)


def session_id(body: str, number: int) -> UUID:
    return natural_id("session", body, number)


def workplan_id(body: str, period: object) -> UUID:
    return natural_id("workplan", body, period)
