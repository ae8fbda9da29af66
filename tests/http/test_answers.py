"""The answers kept for the log's head: the same read is answered with the
same bytes while nothing is recorded, made again once anything is, and the
answers kept never take more than their limit."""

from __future__ import annotations

from pathlib import Path

from adapters.bootstrap import open_secretariat, open_views
from adapters.http.record import Answers, ServedRecord
from adapters.store import parse_store_url
from tests.builders import establish, schedule_sixth
from tests.seed_history import postpone_sixth


def test_the_least_recently_used_answers_go_first_past_the_limit() -> None:
    answers = Answers(limit=10)
    answers.put("a", (b"aaaa", '"a"'))
    answers.put("b", (b"bbbb", '"b"'))
    assert answers.get("a") == (b"aaaa", '"a"')  # now the most recently used
    answers.put("c", (b"cccc", '"c"'))
    answers.put("too large", (b"x" * 11, '"x"'))

    assert answers.get("b") is None
    assert answers.get("a") is not None
    assert answers.get("c") is not None
    assert answers.get("too large") is None


def test_an_answer_is_made_again_once_another_process_records(
    tmp_path: Path,
) -> None:
    store = parse_store_url(f"sqlite:///{tmp_path / 'record.db'}")
    app = open_secretariat(store, create=True)
    establish(app)
    schedule_sixth(app)
    views = open_views(store, app)
    record = ServedRecord(store, app, views)
    made: list[int] = []

    def calendar() -> tuple[bytes, str]:
        made.append(1)
        start = views.calendar(None)["sessions"][0]["start"]
        return start.encode(), f'"{start}"'

    first = record.answered("calendar", calendar)
    again = record.answered("calendar", calendar)
    other = open_secretariat(store, create=False)
    try:
        postpone_sixth(other)
    finally:
        other.close()
    after = record.answered("calendar", calendar)
    app.close()

    assert first == again == (b"2020-04-06", '"2020-04-06"')
    assert after == (b"2020-07-27", '"2020-07-27"')
    assert len(made) == 2
