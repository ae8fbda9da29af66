"""`--dry-run` on every recording command: it says what would be recorded,
writes nothing, and exits as the command would."""

from __future__ import annotations

import json

import pytest

from tests.reliability.helpers import invoke, one_line_error, store_state
from tests.reliability.test_hostile_input import SEED, TEMPLATES, command_line


@pytest.fixture
def seeded(sqlite_store: str) -> str:
    for args in SEED:
        ran = invoke(*args, store=sqlite_store)
        assert ran.code == 0, (args, ran.err)
    return sqlite_store


def test_a_dry_run_of_every_recording_command_writes_nothing(seeded: str) -> None:
    """Each command in turn (each valid after those before it): previewed,
    then recorded; the preview said what the command then recorded."""
    for verb in TEMPLATES:
        before = store_state(seeded)
        words = command_line(verb, {})
        ran = invoke(words[0], "--dry-run", "--json", *words[1:], store=seeded)

        assert ran.code == 0, (verb, ran.err)
        answer = json.loads(ran.out)
        assert set(answer["impact"]) == {
            "notifications",
            "calls",
            "panelists",
            "documents",
            "milestones",
        }
        assert store_state(seeded) == before, verb
        real = invoke(*words, store=seeded)
        assert real.code == 0, (verb, real.err)
        assert store_state(seeded)[0] == before[0] + len(answer["events"]), verb


def test_a_dry_run_refused_by_a_rule_exits_as_the_command_would(seeded: str) -> None:
    before = store_state(seeded)
    ran = invoke("cancel-session", "egm", "9", "--reason=No quorum", "--dry-run",
                 store=seeded)  # fmt: skip
    assert ran.code == 1
    assert one_line_error(ran.err) == "there is no 9th session of egm"
    assert store_state(seeded) == before


def test_a_dry_run_of_a_decision_dated_after_today_is_refused_as_it_would_be(
    seeded: str,
) -> None:
    before = store_state(seeded)
    words = ("cancel-session", "egm", "1", "--reason=No quorum", "--on=2199-01-01")
    tried = invoke(*words, "--dry-run", store=seeded)
    real = invoke(*words, store=seeded)

    assert (tried.code, one_line_error(tried.err)) == (
        real.code,
        one_line_error(real.err),
    )
    assert tried.code == 1
    assert "after today" in one_line_error(tried.err)
    assert store_state(seeded) == before


def test_json_without_a_dry_run_is_bad_usage(seeded: str) -> None:
    before = store_state(seeded)
    ran = invoke("cancel-session", "egm", "1", "--reason=No quorum", "--json",
                 store=seeded)  # fmt: skip
    assert ran.code == 2
    assert one_line_error(ran.err) == "--json goes with --dry-run"
    assert store_state(seeded) == before


def test_a_postponement_previewed_names_the_subscribers_told(seeded: str) -> None:
    ran = invoke("postpone-session", "egm", "1", "--reason=The pandemic",
                 "--start=2020-07-27", "--end=2020-07-29", "--on=2020-02-01",
                 "--dry-run", "--json", store=seeded)  # fmt: skip
    assert ran.code == 0, ran.err
    impact = json.loads(ran.out)["impact"]
    assert impact["notifications"] == [
        {
            "to": "someone@mission.example",
            "subject": "[egm] 1st session: 27–29 July 2020, Vienna",
        }
    ]
    assert [c["cycle"] for c in impact["calls"]] == [2020]
    assert [d["title"] for d in impact["documents"]] == ["Guide"]
