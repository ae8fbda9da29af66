"""The export's round trip on the benchmark's generated record: export it,
import the file into an empty SQLite store, and compare every session's and
workplan's history. Prints how long each half took and whether every history
reads the same.

    python -m bench.export_round_trip [--events 100000]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from bench.figures import run_cli, timed
from bench.generate import cached_store

RECORDED = ("actor", "recorded_at", "recorded_via")


def histories(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every session's and workplan's history, without what an import does
    not reproduce."""
    from eventsourcing.utils import get_topic

    from adapters.bootstrap import open_secretariat
    from adapters.store import parse_store_url
    from domain.session import Session
    from domain.values import Period
    from domain.workplan import Workplan

    secretariat = open_secretariat(parse_store_url(url), create=False)
    topics = [get_topic(Session.Scheduled), get_topic(Workplan.Adopted)]
    found: dict[str, list[dict[str, Any]]] = {}
    try:
        start = 1
        while page := secretariat.recorder.select_notifications(
            start, 1000, topics=topics
        ):
            for notification in page:
                event = secretariat.mapper.to_domain_event(notification)
                if isinstance(event, Session.Scheduled):
                    history = secretariat.history(event.body, event.number)
                elif isinstance(event, Workplan.Adopted):
                    period = Period.parse(str(event.period))
                    history = secretariat.workplan_history(event.body, period)
                else:
                    continue
                found[f"{notification.originator_id}"] = [
                    {k: v for k, v in e.items() if k not in RECORDED}
                    for e in history["events"]
                ]
            start = page[-1].id + 1
    finally:
        secretariat.close()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.export_round_trip")
    parser.add_argument("--events", type=int, default=100_000)
    arguments = parser.parse_args(argv)
    source = f"sqlite:///{cached_store(arguments.events)}"
    with tempfile.TemporaryDirectory() as folder:
        exported = Path(folder) / "exported.yaml"
        target = f"sqlite:///{Path(folder) / 'again.db'}"
        export_seconds = timed(
            lambda: run_cli(["export", "--out", str(exported), "--store", source])
        )
        import_seconds = timed(
            lambda: run_cli(["import", str(exported), "--store", target])
        )
        size = exported.stat().st_size
        before, after = histories(source), histories(target)
    same = before == after
    events = sum(len(history) for history in before.values())
    print(
        f"{arguments.events:,} events generated; {len(before):,} sessions and "
        f"workplans, {events:,} of their events\n"
        f"export: {export_seconds:.1f} s ({events / export_seconds:,.0f} events/s), "
        f"{size / 1e6:.1f} MB\n"
        f"import into an empty store: {import_seconds:.1f} s "
        f"({events / import_seconds:,.0f} events/s)\n"
        f"every history the same: {'yes' if same else 'NO'}"
    )
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
