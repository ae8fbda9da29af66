"""Catch-up reads the log a page at a time with a query of its own, and turns
each stored event into the domain's event with a decoder of its own: it must
read exactly what the library's own query reads, and decode each event exactly
as the library's mapper does, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from adapters.views.source import EventDecoder, EventSource, event_classes
from application.errors import UnreadableEventError
from application.projections import utc_text
from tests.seed_history import opened, panelist, seed


def test_a_page_holds_what_the_librarys_query_holds(store: str) -> None:
    with opened(store) as (app, views):
        seed(app)
        panelist(app, "Greece")
        source = views.source
        library = EventSource(app.recorder, app.mapper, app.name)
        head = source.head()
        topics = [*views.calendar_view.topics, *views.deadlines_view.topics]

        ours = [source.page(after, head, topics, 3) for after in range(head)]
        theirs = [library.page(after, head, topics, 3) for after in range(head)]

    assert sum(map(len, ours)) > 0
    assert ours == theirs


def test_each_event_is_decoded_as_the_librarys_mapper_decodes_it(store: str) -> None:
    with opened(store) as (app, views):
        seed(app)
        panelist(app, "Greece")
        head = views.source.head()
        stored = app.recorder.select_notifications(start=None, limit=head)
        decoded = views.source.page(0, head, sorted(event_classes()), head)

    assert [logged.position for logged in decoded] == [n.id for n in stored]
    for logged, notification in zip(decoded, stored, strict=True):
        by_mapper = app.mapper.to_domain_event(notification)
        assert type(logged.event) is type(by_mapper)
        assert vars(logged.event) == vars(by_mapper)
        assert logged.recorded_at == utc_text(by_mapper.timestamp)


def test_a_value_not_stored_as_its_type_is_unreadable(sqlite_store: str) -> None:
    with opened(sqlite_store) as (app, _):
        seed(app)
        [scheduled] = [
            n
            for n in app.recorder.select_notifications(start=None, limit=100)
            if n.topic.endswith("Session.Scheduled")
        ]
        state = json.loads(scheduled.state)
        state["timestamp"] = state["timestamp"]["_data_"]  # text, not a moment
        row = (7, str(scheduled.originator_id), 1, scheduled.topic, json.dumps(state))
        decoder = EventDecoder(app.mapper, event_classes())

        with pytest.raises(UnreadableEventError, match="expected a stored datetime"):
            decoder.page([row])
