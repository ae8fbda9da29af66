"""Catch-up reads the log a page at a time with a query of its own: it must
read exactly what the library's own query reads, on SQLite and PostgreSQL."""

from __future__ import annotations

from adapters.views.source import EventSource
from tests.seed_history import opened, seed, statement


def test_a_page_holds_what_the_librarys_query_holds(store: str) -> None:
    with opened(store) as (app, views):
        seed(app)
        statement(app, "Greece")
        source = views.source
        library = EventSource(app.recorder, app.mapper, app.name)
        head = source.head()
        topics = [*views.calendar_view.topics, *views.deadlines_view.topics]

        ours = [source.page(after, head, topics, 3) for after in range(head)]
        theirs = [library.page(after, head, topics, 3) for after in range(head)]

    assert sum(map(len, ours)) > 0
    assert ours == theirs
