"""Opening a store in use: commands started at the same moment all open it
(on PostgreSQL, two commands creating the same tables and functions at once
would fail), and a new store is created on first use."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from tests.builders import establish


def test_commands_open_a_store_in_use_at_the_same_moment(store: str) -> None:
    first = open_secretariat(parse_store_url(store), create=True)
    establish(first)
    first.close()

    def open_and_count(_: int) -> int:
        secretariat = open_secretariat(parse_store_url(store), create=False)
        try:
            return secretariat.event_count()
        finally:
            secretariat.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        counts = list(pool.map(open_and_count, range(40)))

    assert counts == [1] * 40
