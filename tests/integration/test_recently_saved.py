"""The views apply the events their process just saved as it saved them, and
read from the store any stretch of the log holding an event it did not save."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from application.projections import Logged
from application.saved import RecentlySaved
from tests.builders import BODY, establish, schedule_sixth
from tests.seed_history import opened


def numbers(views: Any) -> list[tuple[str, int]]:
    return [(s["body"], s["number"]) for s in views.calendar()["sessions"]]


def test_the_views_apply_what_their_process_saved_without_reading_it_back(
    store: str,
) -> None:
    with opened(store) as (app, views):
        establish(app)
        views.catch_up()
        schedule_sixth(app)

        def unread(*_: Any) -> Any:
            raise AssertionError("the views read back an event their process saved")

        views.source.select = unread
        views.source.topics_between = unread
        assert views.catch_up() == 1
        assert numbers(views) == [(BODY, 6)]


def test_a_stretch_holding_an_event_another_process_saved_is_read_from_the_store(
    store: str,
) -> None:
    with opened(store) as (app, views), opened(store) as (other, _):
        establish(app)
        establish(other, "other-body")
        views.catch_up()
        schedule_sixth(app)
        schedule_sixth(other, body="other-body")
        read: list[int] = []
        select = views.source.select

        def counted(*arguments: Any) -> Any:
            rows = select(*arguments)
            read.extend(row[0] for row in rows)
            return rows

        views.source.select = counted
        views.catch_up()
        assert sorted(numbers(views)) == [(BODY, 6), ("other-body", 6)]
        assert len(read) == 2  # the session events: this process's, then the other's


def positions(held: list[Logged] | None) -> list[int]:
    assert held is not None
    return [logged.position for logged in held]


class Event:
    """An event as the held events know one: by its timestamp."""

    def __init__(self, day: int) -> None:
        self.timestamp = datetime(2020, 7, day, tzinfo=UTC)


def test_only_an_unbroken_stretch_is_served_and_the_oldest_go_first() -> None:
    saved = RecentlySaved(limit=4)
    saved.add([1, 2], ["a", "b"], [Event(1), Event(2)])
    saved.add([4], ["a"], [Event(4)])  # 3 was saved by someone else
    held = saved.between(0, 2, {"a", "b"}, 10)
    assert held is not None
    assert [logged.position for logged in held] == [1, 2]
    assert held[0].recorded_at == "2020-07-01T00:00:00.000000+00:00"
    assert [logged.position for logged in saved.between(0, 2, {"b"}, 10) or []] == [2]
    assert [logged.position for logged in saved.between(0, 2, {"a", "b"}, 1) or []] == [
        1
    ]
    assert saved.topics(0, 2) == {"a", "b"}
    assert saved.between(0, 4, {"a"}, 10) is None
    assert saved.topics(0, 4) is None
    assert saved.between(3, 4, {"a"}, 10) is not None
    saved.add([5, 6], ["a", "a"], [Event(5), Event(6)])  # five held: 1 goes
    assert saved.between(0, 2, {"a"}, 10) is None
    assert saved.between(1, 2, {"a"}, 10) is not None
    saved.clear()
    assert saved.between(5, 6, {"a"}, 10) is None
    assert saved.between(6, 6, {"a"}, 10) == []
