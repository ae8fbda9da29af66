"""The bare eventsourcing library, as B1's baseline: an application with an
aggregate that holds nothing, whose events carry a payload of a chosen size."""

from __future__ import annotations

from typing import Any

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event


class Thing(Aggregate):
    @event("Created")
    def __init__(self, payload: str) -> None:
        pass

    @event("Changed")
    def change(self, payload: str) -> None:
        pass


class Bare(Application[Any]):
    name = "secretariat"  # the same tables as the Secretariat's
