"""The read commands as an officer runs them: `secretariat` in a subprocess,
on an SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from tests.cli.running import Ran, environment
from tests.cli.running import run as run_secretariat
from tests.seed_history import seed


def run(store: str, *args: str) -> Ran:
    return run_secretariat(
        "--store",
        store,
        *args,
        SECRETARIAT_LOG_LEVEL="warning",
        SECRETARIAT_ACTOR="secretariat officer",
    )


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An SQLite store holding the seed, recorded without catching views up."""
    store = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'record.db'}"
    app = open_secretariat(parse_store_url(store), create=True)
    try:
        seed(app)
    finally:
        app.close()
    return store


@pytest.mark.parametrize(
    "command",
    [
        ["calendar"],
        ["calendar", "--ics"],
        ["deadlines"],
        ["postponements"],
        ["projections", "status"],
        ["projections", "rebuild"],
    ],
)
def test_reading_a_store_that_does_not_exist_exits_4_and_creates_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "typo.db"
    result = run(f"sqlite:///{missing}", *command)
    assert result.code == 4
    assert result.err.splitlines()[-1] == f"error: no store at {missing}"
    assert not missing.exists()


@pytest.mark.parametrize(
    ("command", "complaint"),
    [
        (["calendar", "--as-of", "2020-02-30"], "2020-02-30 is not a date that exists"),
        (["calendar", "--as-of", "1 March"], "is not a date written YYYY-MM-DD"),
        (["calendar", "--known-at", "yesterday"], "is not a moment written"),
        (["deadlines", "--today", "2020-13-01"], "is not a date that exists"),
        (["calendar", "--json", "--ics"], "give --json or --ics, not both"),
        (["projections", "rebuild", "agenda"], "there is no view agenda"),
        (["projections", "run"], "projections run follows a PostgreSQL store"),
    ],
)
def test_bad_usage_exits_2_with_one_line_and_no_traceback(
    seeded: str, command: list[str], complaint: str
) -> None:
    result = run(seeded, *command)
    errors = [line for line in result.err.splitlines() if "error:" in line]
    assert result.code == 2
    assert len(errors) == 1
    assert complaint in errors[0]
    assert "Traceback" not in result.err


def test_the_calendar_json_and_table_show_the_postponed_session(seeded: str) -> None:
    answer = json.loads(run(seeded, "calendar", "--json").out)
    past = json.loads(run(seeded, "calendar", "--json", "--as-of", "2020-03-01").out)
    table = run(seeded, "calendar").out

    (session,) = answer["sessions"]
    assert (session["start"], session["end"], session["postponements"]) == (
        "2020-07-27",
        "2020-07-29",
        1,
    )
    assert past["as_of"] == "2020-03-01"
    assert past["sessions"][0]["start"] == "2020-04-06"
    assert "27–29 July 2020" in table
    assert "6–8 April 2020" in table


def test_deadlines_and_postponements_answer_in_json_and_tables(seeded: str) -> None:
    deadlines = json.loads(
        run(seeded, "deadlines", "--json", "--today", "2020-06-15").out
    )
    postponements = json.loads(run(seeded, "postponements", "--json").out)
    deadlines_table = run(seeded, "deadlines", "--today", "2020-06-15").out
    postponements_table = run(seeded, "postponements").out

    assert deadlines["calls"][0]["days_left"] == -14
    assert [s["status"] for s in deadlines["calls"][0]["submissions"]] == [
        "on-time",
        "within-extension",
    ]
    assert postponements["postponements"][0]["to"] == {
        "start": "2020-07-27",
        "end": "2020-07-29",
    }
    assert "within the extension" in deadlines_table
    assert "stocktaking meeting" in deadlines_table
    assert "Impact of the COVID-19 pandemic" in postponements_table


def test_the_same_record_always_gives_the_same_calendar_file(seeded: str) -> None:
    first, second = run(seeded, "calendar", "--ics"), run(seeded, "calendar", "--ics")
    assert first.code == 0
    assert first.out == second.out
    assert first.out.startswith("BEGIN:VCALENDAR\r\n")
    assert first.out.count("BEGIN:VEVENT") == 2


def test_a_recording_command_leaves_the_views_up_to_date(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'record.db'}"
    recorded = run(
        store,
        "establish-body",
        "cybercrime-egm",
        "--name",
        "Expert Group on Cybercrime",
        "--on",
        "2010-12-21",
    )
    scheduled = run(
        store,
        "schedule-session",
        "cybercrime-egm",
        "6",
        "--title",
        "Sixth meeting",
        "--start",
        "2020-04-06",
        "--end",
        "2020-04-08",
        "--venue",
        "Vienna, Austria",
        "--on",
        "2019-12-02",
    )
    status = json.loads(run(store, "projections", "status", "--json").out)
    history = run(store, "history", "cybercrime-egm", "6").out

    assert (recorded.code, scheduled.code) == (0, 0)
    assert status == {
        "views": [
            {"view": "calendar", "position": 2, "head": 2, "behind": 0},
            {"view": "deadlines", "position": 2, "head": 2, "behind": 0},
        ]
    }
    assert "scheduled  " in history


def test_projections_status_shows_views_behind_until_a_query_or_rebuild(
    tmp_path: Path,
) -> None:
    store = f"sqlite:///{tmp_path / 'record.db'}"
    app = open_secretariat(parse_store_url(store), create=True)
    try:
        seed(app)
    finally:
        app.close()
    before = json.loads(run(store, "projections", "status", "--json").out)
    rebuilt = run(store, "projections", "rebuild", "calendar")
    after = json.loads(run(store, "projections", "status", "--json").out)

    assert [v["behind"] for v in before["views"]] == [9, 9]
    assert rebuilt.out == "Rebuilt calendar from 2 events\n"
    assert [(v["view"], v["behind"]) for v in after["views"]] == [
        ("calendar", 0),
        ("deadlines", 9),
    ]


def test_a_decision_stays_recorded_when_the_views_cannot_catch_up_at_once(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from adapters.cli import main
    from adapters.views.views import Views

    def unavailable(self: Views) -> int:
        raise OSError("disk full")

    store = f"sqlite:///{tmp_path / 'record.db'}"
    monkeypatch.setenv("SECRETARIAT_LOG_LEVEL", "warning")
    monkeypatch.setattr(Views, "catch_up", unavailable)
    with pytest.raises(SystemExit) as exit_code:
        main(["--store", store, "establish-body", "cybercrime-egm", "--name", "EG"])
    monkeypatch.undo()
    output = capsys.readouterr()

    assert exit_code.value.code == 0
    assert "Established cybercrime-egm, EG (version 1)." in output.out
    assert "warning: recorded, but the calendar and deadline views" in output.err
    assert "disk full" in output.err
    assert (
        json.loads(run(store, "projections", "status", "--json").out)["views"][0][
            "behind"
        ]
        == 1
    )


def test_projections_run_stops_on_sigterm_even_in_the_middle_of_a_log_line(
    tmp_path: Path,
) -> None:
    rounds = 40
    log_file = tmp_path / "worker.log"
    script = Path(__file__).with_name("signalled_worker.py")
    try:
        finished = subprocess.run(
            [sys.executable, str(script), str(rounds), str(log_file)],
            check=False,
            capture_output=True,
            text=True,
            timeout=30,
            env=environment(SECRETARIAT_LOG_LEVEL="info"),
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the worker did not stop within 30 s of a SIGTERM: deadlocked")
    assert finished.returncode == 0, finished.stderr
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert sum("stopping" in line and "signal=SIGTERM" in line for line in lines) == (
        rounds
    )
    assert sum("outcome=done" in line for line in lines) == rounds
