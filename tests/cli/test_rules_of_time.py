"""The rules of time on the command line: lapsed sessions in the calendar's
table and JSON, judged on the day asked."""

from __future__ import annotations

import json

from tests.cli.conftest import Run
from tests.cli.running import event_count, one_line_error
from tests.cli.test_commands import BODY, recorded  # noqa: F401


def test_a_session_past_its_dates_without_an_opening_is_lapsed_on_the_day_asked(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    def lapsed(*options: str) -> bool:
        ran = run("calendar", "--json", *options, store=recorded)
        assert ran.code == 0, ran.err
        [session] = json.loads(ran.out)["sessions"]
        return bool(session["lapsed"])

    assert lapsed("--today", "2020-04-08") is False
    assert lapsed("--today", "2020-04-09") is True
    assert lapsed("--as-of", "2020-04-08", "--today", "2020-05-01") is False
    assert lapsed() is True  # today, long after April 2020
    table = run("calendar", "--today", "2020-04-09", store=recorded)
    assert "lapsed: no opening is recorded" in table.out
    assert "lapsed" not in run("calendar", "--today", "2020-04-08", store=recorded).out


def test_a_malformed_today_is_bad_usage(run: Run, recorded: str) -> None:  # noqa: F811
    ran = run("calendar", "--today", "2020-02-30", store=recorded)
    one_line_error(ran, 2)


def test_a_decision_dated_after_today_is_refused_and_nothing_written(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    count = event_count(recorded)

    ran = run(
        "postpone-session", BODY, "6", "--reason", "r", "--on", "2100-01-01",
        store=recorded,
    )  # fmt: skip

    message = one_line_error(ran, 1)
    assert message.startswith("this decision takes effect on 2100-01-01, after today")
    assert event_count(recorded) == count
