"""`secretariat import` as a user runs it: exit codes, one-line messages, and
what is, or is not, written to the store."""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

import pytest

from adapters.cli import main
from adapters.store import parse_store_url
from application.deciding import Decisions
from application.errors import ConflictError
from tests.cli.running import EXECUTABLE, event_count, one_line_error, run
from tests.importing import (
    EXAMPLE,
    OPENED_SIXTH_SESSION,
    SIXTH_SESSION,
    statement,
    write,
)
from tests.reliability.helpers import tables_of

ESTABLISH = (
    "- {command: establish-body, code: cybercrime-egm, name: Expert Group, "
    "on: 2010-12-21}\n"
)
SCHEDULE = (
    "- {command: schedule-session, body: cybercrime-egm, number: 6, title: Sixth, "
    "start: %s, end: %s, venue: Vienna, on: 2019-12-02%s}\n"
)


def schedule(start: str = "2020-04-06", end: str = "2020-04-08", more: str = "") -> str:
    return SCHEDULE % (start, end, more)


def sqlite_path(store: str) -> Path:
    return Path(store.removeprefix("sqlite:///"))


# Every way a file can be wrong: (file, what the message says, where).
REJECTED_FILES = {
    "unknown command": (
        ESTABLISH
        + "- {command: postpone, body: cybercrime-egm, number: 6, on: 2020-03-13}\n",
        "there is no command 'postpone'; did you mean 'postpone-session'?",
        "entry 2 (line 2)",
    ),
    "unknown field": (
        ESTABLISH + schedule(more=", room: M3"),
        "schedule-session has no field 'room'",
        "entry 2 (line 2, schedule-session)",
    ),
    "missing field": (
        ESTABLISH + "- {command: schedule-session, body: cybercrime-egm, number: 6, "
        "start: 2020-04-06, end: 2020-04-08, venue: Vienna, on: 2019-12-02}\n",
        "missing 'title'",
        "entry 2 (line 2, schedule-session)",
    ),
    "missing effective date": (
        ESTABLISH + "- command: open-session\n  body: cybercrime-egm\n  number: 6\n",
        "'on:' is missing",
        "entry 2 (line 2, open-session)",
    ),
    "impossible date": (
        ESTABLISH + schedule(start="2022-02-30", end="2022-03-02"),
        "start: 2022-02-30 is not a date that exists",
        "entry 2 (line 2, schedule-session)",
    ),
    "date not written YYYY-MM-DD": (
        ESTABLISH + schedule(start="6 April 2020"),
        "start: '6 April 2020' is not a date written YYYY-MM-DD",
        "entry 2 (line 2, schedule-session)",
    ),
    "bad number": (
        ESTABLISH + schedule().replace("number: 6", "number: six"),
        "number: 'six' is not a whole number",
        "entry 2 (line 2, schedule-session)",
    ),
    "end before start": (
        ESTABLISH + schedule(start="2020-04-08", end="2020-04-06"),
        "the end date 2020-04-06 is before the start date 2020-04-08",
        "entry 2 (line 2, schedule-session)",
    ),
    "flag neither true nor false": (
        ESTABLISH + schedule(more=", stocktaking: yes"),
        "stocktaking is true or false, not 'yes'",
        "entry 2 (line 2, schedule-session)",
    ),
    "value not among the choices": (
        ESTABLISH + schedule(more=", format: zoom"),
        "format: 'zoom' is not one of 'in-person', 'hybrid', 'online'",
        "entry 2 (line 2, schedule-session)",
    ),
    "field given twice": (
        ESTABLISH + schedule(more=", on: 2019-12-03"),
        "the field 'on' is given twice",
        "entry 2 (line 2, schedule-session)",
    ),
    "repeatable option not a mapping": (
        ESTABLISH + "- command: issue-agenda\n  body: cybercrime-egm\n  number: 6\n"
        "  items: [Organizational matters]\n  on: 2020-07-06\n",
        "items is a mapping of numbers to texts",
        "entry 2 (line 2, issue-agenda)",
    ),
    "repeatable option empty": (
        ESTABLISH + "- command: issue-agenda\n  body: cybercrime-egm\n  number: 6\n"
        "  items: {}\n  on: 2020-07-06\n",
        "items is empty",
        "entry 2 (line 2, issue-agenda)",
    ),
    "entry not a mapping": (
        ESTABLISH + "- establish-body cybercrime-egm\n",
        "this entry is not a mapping of fields",
        "entry 2 (line 2)",
    ),
    "entry without command": (
        ESTABLISH + "- {code: cybercrime-egm, name: Expert Group, on: 2010-12-21}\n",
        "this entry has no 'command:'",
        "entry 2 (line 2)",
    ),
    "a bad entry after good ones": (
        SIXTH_SESSION
        + statement("Greece", 2)
        + statement("Mexico").replace("2020-07-27", "2020-07-32"),
        "on: 2020-07-32 is not a date that exists",
        "entry 5 (line 16, record-statement)",
    ),
    "alias": (
        ESTABLISH + "- &statement {command: record-statement, body: cybercrime-egm, "
        "number: 6, delegation: China, on: 2020-07-27}\n- *statement\n",
        "the alias *statement is not accepted in an import file",
        "line 3:",
    ),
    "not a list": (
        "command: establish-body\ncode: cybercrime-egm\n",
        "this is not a list",
        "line 1:",
    ),
    "not YAML": (
        ESTABLISH + "- {command: open-session, body: [cybercrime-egm\n",
        "not readable as YAML",
        "line 3:",
    ),
    "no entries": ("# nothing yet\n", "holds no entries", "record.yaml"),
    "nested too deeply": ("[" * 5000 + "]" * 5000, "nested too deeply", "record.yaml"),
}


@pytest.mark.parametrize(
    ("text", "reason", "position"),
    REJECTED_FILES.values(),
    ids=REJECTED_FILES.keys(),
)
def test_a_bad_file_is_refused_with_its_position_and_reason_and_nothing_is_written(
    tmp_path: Path, sqlite_store: str, text: str, reason: str, position: str
) -> None:
    ran = run("import", str(write(tmp_path, text)), store=sqlite_store)

    one_line_error(ran, 2, reason, position)
    assert not sqlite_path(sqlite_store).exists()


# A file's faults past its first hundred entries, the entries the reader
# builds together: (what follows 151 good entries, reason, where).
GOOD = ESTABLISH + schedule() * 150  # well formed: a file is checked whole first
LATE_FAULTS = {
    "a bad entry": (
        schedule(start="2022-02-30"),
        "start: 2022-02-30 is not a date that exists",
        "entry 152 (line 152, schedule-session)",
    ),
    "a bad entry before a fault of YAML": (
        schedule(start="2022-02-30") + schedule() + "- {command: [open-session\n",
        "start: 2022-02-30 is not a date that exists",
        "entry 152 (line 152, schedule-session)",
    ),
    "a fault of YAML": (
        "- {command: [open-session\n",
        "not readable as YAML",
        "line 153:",
    ),
    "a key given twice in an entry's mapping": (
        "- command: issue-agenda\n  body: cybercrime-egm\n  number: 6\n"
        "  items: {1: Opening, 1: Adoption}\n  on: 2020-07-06\n",
        "line 155: the key '1' is given twice",
        "entry 152 (line 152)",
    ),
}


@pytest.mark.parametrize(
    ("tail", "reason", "position"), LATE_FAULTS.values(), ids=LATE_FAULTS.keys()
)
def test_the_first_fault_of_a_long_file_is_the_one_refused(
    tmp_path: Path, sqlite_store: str, tail: str, reason: str, position: str
) -> None:
    ran = run("import", str(write(tmp_path, GOOD + tail)), store=sqlite_store)

    one_line_error(ran, 2, reason, position)
    assert not sqlite_path(sqlite_store).exists()


def test_a_bad_file_leaves_an_existing_record_as_it_was(
    tmp_path: Path, store: str
) -> None:
    assert run("import", str(write(tmp_path, SIXTH_SESSION)), store=store).code == 0
    recorded = event_count(store)
    bad = SIXTH_SESSION + statement("Greece", 2) + schedule(start="2022-02-30")

    ran = run("import", str(write(tmp_path, bad, "bad.yaml")), store=store)

    one_line_error(ran, 2, "entry 5 (line 16, schedule-session)", "2022-02-30")
    assert event_count(store) == recorded


def test_a_file_larger_than_an_import_file_can_be_is_refused(
    tmp_path: Path, sqlite_store: str
) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("w") as file:
        line = statement("Russian Federation")
        file.write(line * (16 * 1024 * 1024 // len(line) + 1))

    ran = run("import", str(huge), store=sqlite_store)

    one_line_error(ran, 2, "huge.yaml is larger than 16 MiB")
    assert not sqlite_path(sqlite_store).exists()


def test_a_file_that_is_not_text_is_refused(tmp_path: Path, sqlite_store: str) -> None:
    binary = tmp_path / "record.yaml"
    binary.write_bytes(b"- {command: \xff\xfe\x00}")

    ran = run("import", str(binary), store=sqlite_store)

    one_line_error(ran, 2, "not UTF-8 text (byte 13 is 0xff)")
    assert not sqlite_path(sqlite_store).exists()


def test_a_missing_file_is_refused(tmp_path: Path, sqlite_store: str) -> None:
    ran = run("import", str(tmp_path / "nowhere.yaml"), store=sqlite_store)

    one_line_error(ran, 2, "cannot read", "nowhere.yaml")
    assert not sqlite_path(sqlite_store).exists()


def test_importing_the_same_file_again_applies_nothing_and_says_so(
    store: str,
) -> None:
    first = run("import", str(EXAMPLE), store=store)
    recorded = event_count(store)
    second = run("import", str(EXAMPLE), store=store)

    assert (first.code, first.err) == (0, "")
    assert first.out == f"{EXAMPLE}: 87 applied, 0 already in the record\n"
    assert (second.code, second.err) == (0, "")
    assert second.out == f"{EXAMPLE}: 0 applied, 87 already in the record\n"
    assert event_count(store) == recorded


def test_two_identical_statements_in_a_file_are_both_recorded(
    tmp_path: Path, sqlite_store: str
) -> None:
    text = OPENED_SIXTH_SESSION + statement("Russian Federation") * 2
    file = write(tmp_path, text)

    assert run("import", str(file), store=sqlite_store).out.endswith(
        ": 6 applied, 0 already in the record\n"
    )
    assert run("import", str(file), store=sqlite_store).out.endswith(
        ": 0 applied, 6 already in the record\n"
    )
    history = run("history", "cybercrime-egm", "6", "--json", store=sqlite_store)
    assert history.out.count('"StatementRecorded"') == 2


def test_an_entry_rejected_by_a_rule_stops_the_import_and_the_corrected_file_applies_each_entry_once(  # noqa: E501
    tmp_path: Path, sqlite_store: str
) -> None:
    wrong = OPENED_SIXTH_SESSION + statement("Greece", 2) + statement("Mexico", 9)
    wrong += statement("Romania", 3)
    file = write(tmp_path, wrong)

    stopped = run("import", str(file), store=sqlite_store)

    one_line_error(
        stopped,
        1,
        f"error: {file}: entry 6 (line 17, record-statement): "
        "the agenda of the 6th session of cybercrime-egm has no item 9 "
        "(the 5 entries before it are in the record, none after it; "
        "importing the file again applies each entry once)",
    )
    recorded = event_count(sqlite_store)

    file.write_text(wrong.replace("item: 9", "item: 2"))
    corrected = run("import", str(file), store=sqlite_store)

    assert corrected.code == 0, corrected
    assert corrected.out == f"{file}: 2 applied, 5 already in the record\n"
    assert event_count(sqlite_store) == recorded + 2 * 2  # each with its entry
    history = run("history", "cybercrime-egm", "6", "--json", store=sqlite_store)
    assert history.out.count('"StatementRecorded"') == 3


def test_a_dry_run_checks_the_file_and_creates_no_store(store: str) -> None:
    ran = run("import", str(EXAMPLE), "--dry-run", store=store)

    assert (ran.code, ran.err) == (0, "")
    assert ran.out == (
        f"{EXAMPLE}: 87 entries, all valid; there is no store at "
        f"{parse_store_url(store).label} yet, so all would be applied; "
        "nothing was written (dry run)\n"
    )
    assert tables_of(store) == []


def test_a_dry_run_says_what_is_already_in_the_record_and_writes_nothing(
    tmp_path: Path, store: str
) -> None:
    run("import", str(write(tmp_path, SIXTH_SESSION)), store=store)
    recorded = event_count(store)
    more = write(tmp_path, SIXTH_SESSION + statement("Iraq"), "more.yaml")

    ran = run("import", str(more), "--dry-run", "--as=record.yaml", store=store)

    assert (ran.code, ran.err) == (0, "")
    assert ran.out.endswith(
        ": 4 entries, all valid; 1 would be applied, 3 already in the record; "
        "nothing was written (dry run)\n"
    )
    assert event_count(store) == recorded


def test_a_dry_run_refuses_a_bad_file_like_an_import(
    tmp_path: Path, sqlite_store: str
) -> None:
    bad = write(tmp_path, ESTABLISH + schedule(start="2022-02-30"))

    ran = run("import", str(bad), "--dry-run", store=sqlite_store)

    one_line_error(ran, 2, "entry 2 (line 2, schedule-session)")


def test_a_concurrent_change_stops_the_import_with_exit_code_3(
    tmp_path: Path,
    sqlite_store: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = write(tmp_path, SIXTH_SESSION)
    decide = Decisions.decide

    def someone_else_changed_the_agenda(self, command, marking=None, **options):  # type: ignore[no-untyped-def]
        if command.verb == "issue-agenda":
            raise ConflictError("the 6th session of cybercrime-egm")
        return decide(self, command, marking, **options)

    monkeypatch.setattr(Decisions, "decide", someone_else_changed_the_agenda)
    monkeypatch.setenv("SECRETARIAT_LOG_LEVEL", "error")

    with pytest.raises(SystemExit) as exited:
        main(["--store", sqlite_store, "import", str(file)])

    assert exited.value.code == 3
    err = capsys.readouterr().err
    assert (
        f"error: {file}: entry 3 (line 10, issue-agenda): the 6th session of "
        "cybercrime-egm was changed by someone else at the same moment" in err
    )
    assert event_count(sqlite_store) == 2 * 2


def test_progress_is_shown_on_a_terminal_only(sqlite_store: str) -> None:
    controller, terminal = pty.openpty()
    env = {
        **os.environ,
        "SECRETARIAT_STORE": sqlite_store,
        "SECRETARIAT_LOG_LEVEL": "error",
    }
    with subprocess.Popen(
        [str(EXECUTABLE), "import", str(EXAMPLE)],
        stdout=subprocess.PIPE,
        stderr=terminal,
        env=env,
    ) as process:
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closes when the command ends
                break
            if not chunk:
                break
            shown += chunk
        out = process.stdout.read() if process.stdout else b""
    os.close(controller)

    assert process.returncode == 0
    assert b"Importing" in shown
    assert b"87/87" in shown
    assert b"Importing" not in out
