"""`secretariat history BODY`: a body's own events (its establishment, the
observers it admitted, the translations of its name), with how the record
knows each, as a user runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from adapters.store import parse_store_url
from tests.cli.running import event_count, one_line_error, run
from tests.importing import EXAMPLE
from tests.reliability.test_schema_evolution import transplanted

PROVENANCE = ("source", "assumed", "decided_by", "recorded_via")
OLD_STORE = Path(__file__).resolve().parents[1] / "fixtures" / "store-0.1.0"


@pytest.fixture
def body_record(store: str) -> str:
    """The record of the example, with an observer admitted and the body's
    name translated, each saying where it is evidenced and who decided."""
    assert run("import", str(EXAMPLE), store=store).code == 0
    ran = run(
        "admit-observer", "cybercrime-egm", "--name", "Council of Europe",
        "--kind", "intergovernmental", "--on", "2020-12-01",
        "--source", "Note verbale of 1 December 2020",
        "--decided-by", "the Commission", store=store,
    )  # fmt: skip
    assert ran.code == 0, ran.err
    ran = run(
        "translate-body", "cybercrime-egm", "--language", "fr",
        "--name", "Groupe d'experts sur la cybercriminalité", "--on", "2021-01-15",
        "--assumed", "--source", "A/RES/65/230 (French)",
        "--decided-by", "the Department for General Assembly", store=store,
    )  # fmt: skip
    assert ran.code == 0, ran.err
    return store


def test_a_bodys_history_shows_its_own_events_with_their_provenance(
    body_record: str,
) -> None:
    shown = run("history", "cybercrime-egm", "--json", store=body_record)

    assert shown.code == 0, shown.err
    record = json.loads(shown.out)
    assert record["body"] == "cybercrime-egm"
    assert set(record) == {"body", "events"}
    established, admitted, translated = record["events"]
    assert [e["version"] for e in record["events"]] == [1, 2, 3]
    assert [e["event"] for e in record["events"]] == [
        "Established",
        "ObserverAdmitted",
        "Translated",
    ]
    assert established["on"] == "2010-12-21"
    assert established["code"] == "cybercrime-egm"
    assert established["timezone"] == "UTC"
    assert established["parent"] == (
        "Commission on Crime Prevention and Criminal Justice (CCPCJ)"
    )
    assert [established[key] for key in PROVENANCE][1:] == [True, None, "import"]
    assert established["source"].startswith("https://www.unodc.org/")
    assert (admitted["name"], admitted["kind"], admitted["on"]) == (
        "Council of Europe",
        "intergovernmental",
        "2020-12-01",
    )
    assert [admitted[key] for key in PROVENANCE] == [
        "Note verbale of 1 December 2020",
        False,
        "the Commission",
        "cli",
    ]
    assert (translated["language"], translated["name"]) == (
        "fr",
        "Groupe d'experts sur la cybercriminalité",
    )
    assert [translated[key] for key in PROVENANCE] == [
        "A/RES/65/230 (French)",
        True,
        "the Department for General Assembly",
        "cli",
    ]
    for event in record["events"]:
        assert event["actor"] == "officer"
        assert list(event)[:9] == [
            "version",
            "event",
            "on",
            "recorded_at",
            "actor",
            *PROVENANCE,
        ]


def test_a_bodys_history_reads_as_a_table_in_the_officers_words(
    body_record: str,
) -> None:
    shown = run("history", "cybercrime-egm", store=body_record)

    assert shown.code == 0, shown.err
    assert shown.err == ""
    lines = shown.out.splitlines()
    assert lines[0] == "History of the body cybercrime-egm"
    assert lines[1].split() == [
        "version",
        "event",
        "on",
        "recorded",
        "at",
        "actor",
        "details",
    ]
    established, admitted, translated = lines[3:]
    assert established.startswith("1 ")
    assert "established" in established
    assert "21 December 2010" in established
    assert "date assumed" in established
    assert "observer admitted" in admitted
    assert "1 December 2020" in admitted
    assert "kind: an intergovernmental organization" in admitted
    assert "source: Note verbale of 1 December 2020" in admitted
    assert "decided by: the Commission" in admitted
    assert "translated into French" in translated
    assert "language: French" in translated
    assert "decided by: the Department for General Assembly" in translated
    assert "date assumed" in translated


def test_a_body_that_was_never_established_has_no_history(store: str) -> None:
    assert run("import", str(EXAMPLE), store=store).code == 0
    before = event_count(store)

    ran = run("history", "cybercrime-egn", store=store)

    one_line_error(ran, 1, "cybercrime-egn")
    assert event_count(store) == before


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (("cybercrime-egm", "6", "--period", "2018-2021"), 2, "not both"),
        (("Cybercrime EGM",), 2, "BODY"),
        (("cybercrime-egm", "--period", "2021"), 2, "--period"),
    ],
)
def test_bad_input_to_a_bodys_history_is_refused_in_one_line(
    sqlite_store: str, args: tuple[str, ...], code: int, fragment: str
) -> None:
    assert run("import", str(EXAMPLE), store=sqlite_store).code == 0

    ran = run("history", *args, store=sqlite_store)

    one_line_error(ran, code, fragment)


def test_a_body_established_by_an_earlier_version_reads_with_no_provenance(
    store: str,
) -> None:
    path = parse_store_url(store).path
    if path is None:
        old = transplanted(OLD_STORE / "store.sqlite", store)
    else:
        shutil.copyfile(OLD_STORE / "store.sqlite", path)
        old = store

    shown = run("history", "cybercrime-egm", "--json", store=old)

    assert shown.code == 0, shown.err
    (established,) = json.loads(shown.out)["events"]
    assert established["event"] == "Established"
    assert established["timezone"] == "UTC"
    assert [established[key] for key in PROVENANCE] == [None, False, None, None]
