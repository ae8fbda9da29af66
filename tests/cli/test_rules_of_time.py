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


def test_a_statement_for_a_session_that_has_not_opened_is_refused_and_nothing_written(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    count = event_count(recorded)
    statement = ("record-statement", BODY, "6", "--delegation", "Australia",
                 "--on", "2020-04-06")  # fmt: skip

    for tried in (run(*statement, store=recorded),
                  run(*statement, "--dry-run", store=recorded)):  # fmt: skip
        message = one_line_error(tried, 1)
        assert message == (
            "the 6th session of cybercrime-egm has not opened: "
            "a statement is recorded once it opens"
        )
    assert event_count(recorded) == count


def test_a_statement_dated_before_the_opening_is_refused_and_one_on_its_day_recorded(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    opened = run("open-session", BODY, "6", "--on", "2020-04-07", store=recorded)
    assert opened.code == 0, opened.err
    count = event_count(recorded)
    statement = ("record-statement", BODY, "6", "--delegation", "Australia")

    early = run(*statement, "--on", "2020-04-06", store=recorded)

    assert one_line_error(early, 1) == (
        "the 6th session of cybercrime-egm opened on 2020-04-07: "
        "a statement cannot be dated 2020-04-06, before it opened"
    )
    assert event_count(recorded) == count
    assert run(*statement, "--on", "2020-04-07", store=recorded).code == 0
    assert event_count(recorded) == count + 1


def test_a_panelist_is_confirmed_before_the_opening_but_never_for_a_cancelled_session(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    panelist = ("confirm-panelist", BODY, "6", "--name", "Mr. Pedro Destino",
                "--delegation", "Angola", "--item", "3",
                "--title", "Prevention")  # fmt: skip
    assert run(*panelist, "--on", "2020-03-01", store=recorded).code == 0
    cancelled = run("cancel-session", BODY, "6", "--reason", "No quorum",
                    "--on", "2020-03-13", store=recorded)  # fmt: skip
    assert cancelled.code == 0, cancelled.err
    count = event_count(recorded)

    refused = run(*panelist, "--on", "2020-03-20", store=recorded)

    assert one_line_error(refused, 1) == (
        "the 6th session of cybercrime-egm is cancelled and cannot have "
        "panelists confirmed"
    )
    assert event_count(recorded) == count
