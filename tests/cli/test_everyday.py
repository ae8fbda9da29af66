"""An officer's everyday use of the command line, run as the officer runs it:
output read through a pipe, help asked for, filters, messages and tables."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.cli.running import EXECUTABLE, environment, one_line_error
from tests.importing import EXAMPLE

BODY = "cybercrime-egm"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding the real example record (read only by these tests)."""
    store = f"sqlite:///{tmp_path_factory.mktemp('example') / 'record.db'}"
    ran = subprocess.run(
        [str(EXECUTABLE), "import", str(EXAMPLE)],
        env=environment(store=store),
        capture_output=True,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    return store


def read_by_a_reader_gone(store: str, *args: str) -> tuple[int, str]:
    """Run `secretariat ARGS` with its output going to a reader that has gone
    before it writes (as `| head -1` has, once it has its line): its exit code
    and what it said on standard error."""
    process = subprocess.Popen(
        [str(EXECUTABLE), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(store=store),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode()
    return process.wait(timeout=120), err


# Output read through `| head`.


@pytest.mark.parametrize(
    "args",
    [
        ("history", BODY, "6"),
        ("calendar",),
        ("history", BODY, "6", "--json"),
        ("--help",),
    ],
    ids=["history", "calendar", "history-json", "help"],
)
def test_output_cut_short_by_the_reader_is_not_an_error(
    example: str, args: tuple[str, ...]
) -> None:
    code, err = read_by_a_reader_gone(example, *args)

    assert err == ""
    assert code == 0


def test_a_site_built_into_a_pipe_that_closes_is_built_all_the_same(
    example: str, tmp_path: Path
) -> None:
    code, err = read_by_a_reader_gone(
        example, "site", "build", "--out", str(tmp_path / "site")
    )

    assert (err, code) == ("", 0)
    assert (tmp_path / "site" / BODY / "session-6.html").exists()


# Help.


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        ((), "Usage: secretariat [OPTIONS] COMMAND [ARGS]..."),
        (("site",), "Usage: secretariat site [OPTIONS] COMMAND [ARGS]..."),
        (("projections",), "Usage: secretariat projections [OPTIONS] COMMAND"),
    ],
    ids=["secretariat", "site", "projections"],
)
def test_a_command_given_without_its_subcommand_prints_its_help(
    run: Run, sqlite_store: str, args: tuple[str, ...], usage: str
) -> None:
    ran = run(*args, store=sqlite_store)

    assert ran.code == 0
    assert ran.err == ""
    assert ran.out.startswith(usage)
    assert "commands:\n" in ran.out.lower()
    assert ran.out == run(*args, "--help", store=sqlite_store).out


# Filters naming what the record does not hold.


@pytest.mark.parametrize(
    "args",
    [
        ("calendar", "--body", "nobody"),
        ("calendar", "--body", "nobody", "--json"),
        ("calendar", "--body", "nobody", "--ics"),
        ("deadlines", "--body", "nobody"),
        ("postponements", "--body", "nobody", "--json"),
        ("history", "nobody", "1"),
        ("site", "build", "--body", "nobody", "--out", "site"),
    ],
    ids=" ".join,
)
def test_a_read_of_a_body_that_does_not_exist_is_refused(
    run: Run, example: str, args: tuple[str, ...], tmp_path: Path
) -> None:
    ran = run(*args, store=example, cwd=tmp_path)

    one_line_error(ran, 1, "there is no body 'nobody'")


def test_a_read_of_a_session_that_does_not_exist_is_refused(
    run: Run, example: str
) -> None:
    ran = run("history", BODY, "99", store=example)

    one_line_error(ran, 1, "there is no 99th session of cybercrime-egm")


@pytest.mark.parametrize(
    ("args", "heading"),
    [
        (("calendar", "--as-of", "2000-01-01"), "Calendar as of 1 January 2000"),
        (("postponements", "--body", "other"), "Postponements"),
        (("grants",), None),
    ],
    ids=["calendar", "postponements", "grants"],
)
def test_an_empty_answer_says_nothing_is_recorded(
    run: Run, example: str, args: tuple[str, ...], heading: str | None
) -> None:
    run(
        "establish-body",
        "other",
        "--name",
        "Other",
        "--on",
        "2020-01-01",
        store=example,
    )

    ran = run(*args, store=example)

    assert ran.code == 0
    assert ran.out.splitlines() == [*([heading] if heading else []), "nothing recorded"]


# Quiet success, one-line failure, logs when asked.

ESTABLISH = ("establish-body", "quiet-body", "--name", "Quiet", "--on", "2020-01-01")


def test_a_command_that_succeeds_prints_its_result_and_no_log_line(
    run: Run, sqlite_store: str
) -> None:
    ran = run(*ESTABLISH, store=sqlite_store, SECRETARIAT_LOG_LEVEL="")

    assert ran.code == 0
    assert ran.err == ""
    assert ran.out.strip()


def test_a_command_that_fails_says_why_in_one_line_and_nothing_else(
    run: Run, sqlite_store: str
) -> None:
    run(*ESTABLISH, store=sqlite_store)

    ran = run(*ESTABLISH, store=sqlite_store, SECRETARIAT_LOG_LEVEL="")

    one_line_error(ran, 1, "quiet-body")


@pytest.mark.parametrize(
    ("options", "env"),
    [(("--log",), ""), (("--log-json",), ""), ((), "info")],
    ids=["--log", "--log-json", "SECRETARIAT_LOG_LEVEL=info"],
)
def test_the_log_line_is_written_when_asked(
    run: Run, sqlite_store: str, options: tuple[str, ...], env: str
) -> None:
    ran = run(*ESTABLISH, *options, store=sqlite_store, SECRETARIAT_LOG_LEVEL=env)

    assert ran.code == 0
    (line,) = ran.err.splitlines()
    assert "command" in line
    assert "establish-body" in line
    assert "done" in line


# What a recording command says it recorded.

SAID = """\
$ establish-body egm --name 'Expert Group' --on 2010-12-21
Established egm, Expert Group (version 1).
$ schedule-session egm 6 --title 'Sixth meeting' --start 2020-04-06 --end 2020-04-08
  --venue Vienna --on 2019-12-02
Scheduled the 6th session of egm, Sixth meeting, for 6–8 April 2020 in Vienna (in
  person) (version 1).
$ postpone-session egm 6 --reason COVID-19 --on 2020-03-13
Postponed the 6th session of egm; its new dates are to be determined (version 2).
$ reschedule-session egm 6 --start 2020-07-27 --end 2020-07-29 --on 2020-03-20
Rescheduled the 6th session of egm to 27–29 July 2020 (version 3).
$ issue-agenda egm 6 --item '1=Organizational matters' --item 2=Cooperation --on
  2020-07-06
Issued the agenda of the 6th session of egm: 2 items (version 4).
$ open-session egm 6 --on 2020-07-27
Opened the 6th session of egm on 27 July 2020 (version 5).
$ record-statement egm 6 --delegation Australia --on 2020-07-27
Recorded a statement by Australia (general) at the 6th session of egm (version 6).
$ adopt-workplan egm --period 2018-2021 --at-session 6 --topic 2020=Prevention --on
  2020-07-28
Adopted the 2018-2021 workplan of egm (version 1).
$ request-comments egm --period 2018-2021 --cycle 2020 --deadline 2020-08-12 --on
  2020-07-28
Requested comments for 2020 under the 2018-2021 workplan of egm, due by 12 August
  2020 (version 2).
$ extend-deadline egm --period 2018-2021 --cycle 2020 --to 2020-09-01 --reason 'Late
  agenda' --on 2020-08-01
Extended the 2020 deadline for comments under the 2018-2021 workplan of egm from 12
  August 2020 to 1 September 2020 (version 3).
"""
"""Commands, each after `$ `, and what each says it recorded (a line too long
for this file goes on, indented, on the next)."""


def transcript(text: str) -> list[tuple[str, str]]:
    """The commands of `text` and what each says."""
    joined = text.replace("\n  ", " ")
    lines = joined.splitlines()
    return list(zip(lines[0::2], lines[1::2], strict=True))


def test_a_recording_command_says_what_it_recorded_in_the_officers_words(
    run: Run, sqlite_store: str
) -> None:
    for line, sentence in transcript(SAID):
        ran = run(*shlex.split(line.removeprefix("$ ")), store=sqlite_store)

        assert ran.code == 0, ran.err
        assert ran.out == sentence + "\n"


# One way of writing dates in a table.

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.mark.parametrize(
    "args",
    [
        ("history", BODY, "6"),
        ("postponements",),
        ("deadlines", "--today", "2020-07-27"),
        ("calendar", "--known-at", "2030-01-01T00:00+00:00"),
    ],
    ids=" ".join,
)
def test_a_table_writes_its_dates_one_way(
    run: Run, example: str, args: tuple[str, ...]
) -> None:
    ran = run(*args, store=example, COLUMNS="400")

    assert ran.code == 0, ran.err
    assert not ISO_DATE.search(ran.out), ran.out


def test_recording_times_are_shown_in_the_local_zone_with_its_label(
    run: Run, example: str
) -> None:
    utc = run("postponements", store=example, TZ="UTC", COLUMNS="400")
    india = run("postponements", store=example, TZ="Asia/Kolkata", COLUMNS="400")

    assert re.search(r", \d\d:\d\d UTC by officer$", utc.out.splitlines()[-1])
    assert re.search(r", \d\d:\d\d UTC\+05:30 by officer$", india.out.splitlines()[-1])


def test_a_deadline_passed_is_said_as_days_ago(run: Run, example: str) -> None:
    ran = run("deadlines", "--today", "2020-07-27", store=example, COLUMNS="400")

    (call,) = [line for line in ran.out.splitlines() if "1 June 2020" in line]
    assert "56 days ago" in call
    assert "-56" not in call


# The reads an officer needs every day.


def test_bodies_lists_every_body_with_its_sessions_and_workplans(
    run: Run, example: str
) -> None:
    ran = run("bodies", store=example, COLUMNS="400")
    answer = json.loads(run("bodies", "--json", store=example).out)

    assert ran.code == 0, ran.err
    (line,) = [line for line in ran.out.splitlines() if line.startswith(BODY)]
    assert "1–6" in line
    assert "2018-2021" in line
    (body,) = [b for b in answer["bodies"] if b["code"] == BODY]
    assert [s["number"] for s in body["sessions"]] == [1, 2, 3, 4, 5, 6]
    assert body["parent"].startswith("Commission on Crime Prevention")
    assert [w["period"] for w in body["workplans"]] == ["2018-2021"]


def test_session_shows_one_sessions_whole_record(run: Run, example: str) -> None:
    ran = run("session", BODY, "6", store=example)

    assert ran.code == 0, ran.err
    lines = ran.out.splitlines()
    assert lines[0].startswith("The 6th session of cybercrime-egm: Sixth meeting")
    assert "Dates: 27–29 July 2020 (first announced for 6–8 April 2020)" in lines
    assert "  2. International cooperation" in lines
    assert any(line.startswith("  General: Australia, China") for line in lines)
    assert "Report: adopted on 29 July 2020" in lines
    answer = json.loads(run("session", BODY, "6", "--json", store=example).out)
    assert answer["session"]["postponements"] == 1
    assert len(answer["agenda"]) == 5


def test_session_refuses_a_session_that_does_not_exist(run: Run, example: str) -> None:
    one_line_error(run("session", BODY, "9", store=example), 1, "9th session")


def test_history_with_a_period_shows_a_workplans_events(run: Run, example: str) -> None:
    ran = run("history", BODY, "--period", "2018-2021", store=example, COLUMNS="400")

    assert ran.code == 0, ran.err
    lines = ran.out.splitlines()
    assert lines[0] == "History of the 2018-2021 workplan of cybercrime-egm"
    assert any("deadline extended" in line for line in lines)


def test_history_given_a_period_for_a_number_points_to_period(
    run: Run, example: str
) -> None:
    ran = run("history", BODY, "2018-2021", store=example)

    one_line_error(ran, 2, "write --period 2018-2021")


# Calendar entries of two bodies.


def test_the_calendar_file_names_the_body_of_a_session_whose_title_does_not(
    run: Run, sqlite_store: str
) -> None:
    for body in ("alpha-egm", "beta-wg"):
        run(
            "establish-body",
            body,
            "--name",
            body,
            "--on",
            "2020-01-01",
            store=sqlite_store,
        )
        run(
            "schedule-session", body, "1", "--title", "First meeting", "--start",
            "2021-04-06", "--end", "2021-04-08", "--venue", "Vienna", "--on",
            "2020-02-01", store=sqlite_store,
        )  # fmt: skip
    run(
        "schedule-session", "beta-wg", "2", "--title", "beta-wg: second meeting",
        "--start", "2022-04-06", "--end", "2022-04-08", "--venue", "Vienna",
        "--on", "2020-02-01", store=sqlite_store,
    )  # fmt: skip

    ran = run("calendar", "--ics", store=sqlite_store)

    summaries = [
        line.removeprefix("SUMMARY:")
        for line in ran.out.splitlines()
        if line.startswith("SUMMARY:")
    ]
    assert summaries == [
        "First meeting (alpha-egm)",
        "First meeting (beta-wg)",
        "beta-wg: second meeting",
    ]


# Help, and completion from the store.


def test_help_lists_the_commands_by_what_they_are_for_without_cutting_them(
    run: Run, sqlite_store: str
) -> None:
    ran = run("--help", store=sqlite_store, COLUMNS="80")

    headings = [line for line in ran.out.splitlines() if line.endswith("commands:")]
    assert headings == [
        "Recording commands:",
        "Reading commands:",
        "Publishing commands:",
        "Administering commands:",
    ]
    recording = ran.out.split("Recording commands:")[1].split("Reading commands:")[0]
    assert "  postpone-session" in recording
    assert "  import" in recording
    reading = ran.out.split("Reading commands:")[1].split("Publishing commands:")[0]
    assert "  calendar" in reading
    assert "…" not in ran.out
    assert not any(line.endswith("...") for line in ran.out.splitlines()[1:])


@pytest.mark.parametrize(
    "command",
    [
        ("postpone-session",),
        ("change-venue",),
        ("calendar",),
        ("history",),
        ("export",),
        ("site", "build"),
        ("projections", "rebuild"),
    ],
    ids=" ".join,
)
def test_each_commands_help_ends_with_an_example(
    run: Run, sqlite_store: str, command: tuple[str, ...]
) -> None:
    ran = run(*command, "--help", store=sqlite_store)

    example = ran.out.split("Example:\n\n", 1)[1].splitlines()[0].strip()
    assert example.startswith(f"secretariat {' '.join(command)} ")


def test_every_recording_commands_example_is_a_command_line_it_accepts() -> None:
    from adapters.cli.recording import RECORDING_COMMANDS, example

    for command in RECORDING_COMMANDS:
        words = shlex.split(example(command.declaration))
        context = command.make_context(words[1], words[2:])
        assert command.build(context) is not None


def complete(store: str, line: str) -> list[str]:
    """What the shell is offered to complete `line` (its last word)."""
    words = line.split(" ")
    ran = subprocess.run(
        [str(EXECUTABLE)],
        env=environment(
            store=store,
            _SECRETARIAT_COMPLETE="bash_complete",
            COMP_WORDS=line,
            COMP_CWORD=str(len(words) - 1),
        ),
        capture_output=True,
        check=False,
    )
    return [item.split(",", 1)[1] for item in ran.stdout.decode().splitlines()]


def test_the_shell_completes_bodies_and_session_numbers_from_the_store(
    example: str,
) -> None:
    assert complete(example, "secretariat history cyb") == [BODY]
    assert complete(example, "secretariat postpone-session cyb") == [BODY]
    assert complete(example, "secretariat calendar --body cyb") == [BODY]
    assert complete(example, f"secretariat history {BODY} ") == [
        "1", "2", "3", "4", "5", "6",
    ]  # fmt: skip
    assert complete(example, f"secretariat open-session {BODY} ") == [
        "1", "2", "3", "4", "5", "6",
    ]  # fmt: skip


# Tables that fit the terminal, in colour on a terminal only.

TITLE = (
    "Sixth meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime"
)


@pytest.mark.parametrize(
    "args",
    [
        ("calendar",),
        ("history", BODY, "6"),
        ("postponements",),
        ("deadlines", "--today", "2020-07-27"),
        ("bodies",),
        ("session", BODY, "6"),
    ],
    ids=" ".join,
)
def test_a_table_fits_an_80_column_terminal(
    run: Run, example: str, args: tuple[str, ...]
) -> None:
    wide = run(*args, store=example)
    narrow = run(*args, store=example, COLUMNS="80")

    assert narrow.code == 0, narrow.err
    assert max(len(line) for line in narrow.out.splitlines()) <= 80
    assert max(len(line) for line in wide.out.splitlines()) > 80
    # Wrapped, not cut: every character is still there (a word longer than
    # its column, an address, is broken across lines).
    assert characters(narrow.out) == characters(wide.out)


def characters(text: str) -> list[str]:
    """The characters a table shows, its spaces and dashes (of its rules, and
    of its texts) aside."""
    return sorted(c for c in text if not c.isspace() and c != "-")


def test_a_long_title_is_wrapped_onto_more_lines(run: Run, example: str) -> None:
    ran = run("calendar", store=example, COLUMNS="80")

    row = ran.out.split(f"{BODY}  6")[1].splitlines()
    assert "Sixth meeting" in row[0]
    assert TITLE not in ran.out
    assert any(line.split()[-1:] == ["Cybercrime"] for line in row[1:])


def on_a_terminal(store: str, *args: str, **env: str) -> str:
    """What `secretariat ARGS` writes to a terminal (a pseudo-terminal)."""
    import os
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [str(EXECUTABLE), *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=environment(store=store, **env),
    )
    os.close(follower)
    written = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        written += chunk
    os.close(leader)
    assert process.wait(timeout=120) == 0
    return written.decode()


def test_moved_dates_are_coloured_on_a_terminal_only(run: Run, example: str) -> None:
    coloured = on_a_terminal(example, "calendar")
    plain = on_a_terminal(example, "calendar", NO_COLOR="1")
    piped = run("calendar", store=example)

    assert "\x1b[33m(was" in coloured
    assert "\x1b[" not in plain
    assert "(was" in plain
    assert "\x1b[" not in piped.out
