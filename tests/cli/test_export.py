"""`secretariat export` writes an import file that reproduces the record:
imported into an empty store, every session and workplan reads the same."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from eventsourcing.utils import get_topic

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from application.secretariat import Secretariat
from bench.generate import sqlite_settings, write_store
from domain.session import Session
from domain.values import Period
from domain.workplan import Workplan
from tests.cli.conftest import Run
from tests.cli.running import one_line_error
from tests.importing import EXAMPLE

RECORDED = ("actor", "recorded_at", "recorded_via")
"""What an import does not reproduce: who recorded each event, when, and how
(the file keeps the actor, but the comparison does not need it to)."""

GENERATED_EVENTS = 20_000
"""The size of the benchmark's generated record the round trip is run on
here (the full benchmark's is 100,000: see docs/commands.md for its figure)."""


def opened(url: str) -> Secretariat:
    return open_secretariat(parse_store_url(url), create=False)


def records(secretariat: Secretariat) -> Iterator[tuple[str, Any]]:
    """The key of every session and workplan of the record."""
    topics = [get_topic(Session.Scheduled), get_topic(Workplan.Adopted)]
    start = 1
    while page := secretariat.recorder.select_notifications(start, 1000, topics=topics):
        for notification in page:
            event = secretariat.mapper.to_domain_event(notification)
            if isinstance(event, Session.Scheduled):
                yield event.body, event.number
            elif isinstance(event, Workplan.Adopted):
                yield event.body, Period.parse(str(event.period))
        start = page[-1].id + 1


def histories(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every session's and workplan's history, without what an import does not
    reproduce."""
    secretariat = opened(url)
    try:
        found = {}
        for body, key in records(secretariat):
            if isinstance(key, int):
                history = secretariat.history(body, key)
            else:
                history = secretariat.workplan_history(body, key)
            found[f"{body} {key}"] = [
                {name: value for name, value in event.items() if name not in RECORDED}
                for event in history["events"]
            ]
        return found
    finally:
        secretariat.close()


def round_trip(run: Run, source: str, tmp_path: Path) -> tuple[Path, str]:
    """Export `source` and import the file into an empty store: the file and
    the new store's URL."""
    exported = tmp_path / "exported.yaml"
    ran = run("export", "--out", str(exported), store=source)
    assert ran.code == 0, ran.err
    target = f"sqlite:///{tmp_path / 'again.db'}"
    imported = run("import", str(exported), store=target)
    assert imported.code == 0, imported.err
    return exported, target


def test_the_example_record_exported_and_imported_reads_the_same(
    run: Run, store: str, tmp_path: Path
) -> None:
    assert run("import", str(EXAMPLE), store=store).code == 0

    exported, target = round_trip(run, store, tmp_path)

    before = histories(store)
    assert len(before) == 7  # six sessions and a workplan
    assert histories(target) == before
    entries = yaml.safe_load(exported.read_text(encoding="utf-8"))
    assert len(entries) == 87
    assert entries[0]["command"] == "establish-body"


def test_the_benchmarks_generated_record_exported_and_imported_reads_the_same(
    run: Run, tmp_path: Path
) -> None:
    source = tmp_path / "generated.db"
    write_store(sqlite_settings(source), GENERATED_EVENTS)
    url = f"sqlite:///{source}"

    _, target = round_trip(run, url, tmp_path)

    before = histories(url)
    assert len(before) > 100
    assert histories(target) == before


def test_export_to_standard_output_writes_the_same_file(
    run: Run, sqlite_store: str, tmp_path: Path
) -> None:
    assert run("import", str(EXAMPLE), store=sqlite_store).code == 0

    written = run("export", store=sqlite_store)
    to_file = run("export", "--out", str(tmp_path / "x.yaml"), store=sqlite_store)

    assert written.code == 0
    assert to_file.out == f"Exported 87 entries to {tmp_path / 'x.yaml'}\n"
    assert yaml.safe_load(written.out) == yaml.safe_load(
        (tmp_path / "x.yaml").read_text(encoding="utf-8")
    )


def test_export_of_one_body_leaves_the_others_out(run: Run, sqlite_store: str) -> None:
    assert run("import", str(EXAMPLE), store=sqlite_store).code == 0
    run("establish-body", "other", "--name", "Other", store=sqlite_store)

    ran = run("export", "--body", "other", store=sqlite_store)

    entries = yaml.safe_load(ran.out)
    assert [e["command"] for e in entries] == ["establish-body"]
    assert entries[0]["code"] == "other"


@pytest.mark.parametrize("args", [("--body", "nobody"), ()], ids=["body", "store"])
def test_export_of_what_does_not_exist_is_refused(
    run: Run, sqlite_store: str, tmp_path: Path, args: tuple[str, ...]
) -> None:
    if args:
        assert run("import", str(EXAMPLE), store=sqlite_store).code == 0
        one_line_error(run("export", *args, store=sqlite_store), 1, "nobody")
    else:
        ran = run("export", store=f"sqlite:///{tmp_path / 'none.db'}")
        one_line_error(ran, 4)


def test_corrections_and_strikes_are_exported_and_read_the_same_again(
    run: Run, sqlite_store: str, tmp_path: Path
) -> None:
    assert run("import", str(EXAMPLE), store=sqlite_store).code == 0
    for args in (
        ["correct-session", "cybercrime-egm", "6", "--title", "Sixth meeting",
         "--reason", "Shortened", "--on", "2020-08-01"],
        ["strike-entry", "cybercrime-egm", "6", "--version", "38",
         "--reason", "Typed in error", "--on", "2020-08-02"],
    ):  # fmt: skip
        ran = run(*args, store=sqlite_store)
        assert ran.code == 0, ran.err

    _, target = round_trip(run, sqlite_store, tmp_path)

    def without_strike_times(found: dict[str, list[dict[str, Any]]]) -> Any:
        for events in found.values():
            for event in events:
                if "struck" in event:
                    event["struck"] = {
                        k: v
                        for k, v in event["struck"].items()
                        if k in ("on", "reason")
                    }
        return found

    before = without_strike_times(histories(sqlite_store))
    assert without_strike_times(histories(target)) == before
    sixth = before["cybercrime-egm 6"]
    assert sixth[37]["struck"] == {"on": "2020-08-02", "reason": "Typed in error"}
    assert [e["event"] for e in sixth[-2:]] == ["Corrected", "Struck"]


def test_translations_and_language_versions_are_exported_and_read_the_same_again(
    run: Run, sqlite_store: str, tmp_path: Path
) -> None:
    assert run("import", str(EXAMPLE), store=sqlite_store).code == 0
    symbol = "UNODC/CCPCJ/EG.4/2020/CRP.1"
    for args in (
        ["translate-body", "cybercrime-egm", "--language", "fr", "--name",
         "Groupe d’experts sur la cybercriminalité", "--on", "2020-08-01"],
        ["translate-session", "cybercrime-egm", "6", "--language", "ar", "--title",
         "الاجتماع السادس", "--on", "2020-08-01"],
        ["translate-session", "cybercrime-egm", "6", "--language", "ar", "--title",
         "الاجتماع السادس لفريق الخبراء", "--on", "2020-08-02"],
        ["issue-document", "cybercrime-egm", "6", "--kind", "other", "--title",
         "Note du Secrétariat", "--symbol", symbol, "--language", "fr",
         "--on", "2020-08-02"],
        ["publish-translation", "cybercrime-egm", "6", "--symbol", symbol,
         "--language", "en", "--title", "Note by the Secretariat",
         "--on", "2020-08-03"],
        ["publish-translation", "cybercrime-egm", "6", "--symbol", symbol,
         "--language", "zh", "--on", "2020-08-04"],
    ):  # fmt: skip
        ran = run(*args, store=sqlite_store)
        assert ran.code == 0, ran.err

    exported, target = round_trip(run, sqlite_store, tmp_path)

    before = histories(sqlite_store)
    assert histories(target) == before
    sixth = before["cybercrime-egm 6"]
    assert [e["event"] for e in sixth[-5:]] == [
        "Translated", "Translated", "DocumentIssued",
        "TranslationPublished", "TranslationPublished",
    ]  # fmt: skip
    assert sixth[-3]["language"] == "fr"

    def read(store: str, *args: str) -> Any:
        ran = run(*args, "--json", store=store)
        assert ran.code == 0, ran.err
        return json.loads(ran.out)

    assert read(target, "bodies") == read(sqlite_store, "bodies")
    page = read(target, "session", "cybercrime-egm", "6")
    assert page["body"]["names"] == {"fr": "Groupe d’experts sur la cybercriminalité"}
    assert page["session"]["titles"] == {"ar": "الاجتماع السادس لفريق الخبراء"}
    entries = yaml.safe_load(exported.read_text(encoding="utf-8"))
    assert [e["command"] for e in entries[-6:]] == [
        "translate-body", "translate-session", "translate-session",
        "issue-document", "publish-translation", "publish-translation",
    ]  # fmt: skip
