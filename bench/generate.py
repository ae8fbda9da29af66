"""A deterministic synthetic record, as big as asked.

The record is a stream of commands (the same command objects the CLI and the
importer build), generated from a seeded random number generator:

- the reference body `ref-egm` first, identical at every size (the queries of
  B4 and B5 read it, so that their answers are the same size in a small store
  and a big one);
- the body `b2-bench`, whose first session has `long` prior events and whose
  second has 10 (B2);
- then, year after year, dozens of bodies: sessions scheduled, postponed (to new
  dates, or to dates to be determined and rescheduled), relocated, cancelled,
  agendas, documents, panelists, statements by Member States; four-year
  workplans whose every cycle calls for comments, sometimes extends the
  deadline, and receives submissions from most of the 193 Member States and a
  few observers, some late.

Each command is decided as the Secretariat decides it (`Decisions`, on
aggregates held in memory: every rule is checked and every event is exactly
what the application records), then written through the library's recorder in
large batches, with the snapshots the application would have taken. Recording times
are a clock that ticks about one second per event from 2024-01-01, so the same size
gives the same store, byte for byte.

Stores are cached in `bench/data/`, keyed by size and `GENERATOR_VERSION`.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypedDict

import eventsourcing.domain
import yaml

from application.commands import (
    AdoptReport,
    AdoptWorkplan,
    CancelSession,
    ChangeVenue,
    CirculateDocument,
    CloseSession,
    Command,
    ConfirmPanelist,
    EstablishBody,
    ExtendDeadline,
    IssueAgenda,
    IssueDocument,
    OpenSession,
    PostponeSession,
    ReceiveSubmission,
    RecordStatement,
    RequestComments,
    RescheduleSession,
    ScheduleSession,
)
from application.deciding import Decisions
from application.secretariat import SNAPSHOT_INTERVAL, Secretariat
from domain.session import Session
from domain.values import (
    AgendaItem,
    CycleTopics,
    DateRange,
    DocumentKind,
    Format,
    Period,
    SubmitterKind,
    ordinal,
)
from domain.workplan import Workplan

GENERATOR_VERSION = 5
"""Bump when the stream changes: cached stores of another version are ignored."""

DATA = Path(__file__).parent / "data"
REFERENCE_BODY = "ref-egm"
B2_BODY = "b2-bench"
LONG_SESSION = 1
SHORT_SESSIONS = 60
"""B2's sessions with 10 events each (2, 3, ...): each measured command has one
of its own, so that each finds exactly 10 prior events."""
ACTOR = "bench"
MEMBER_STATES = tuple(f"Member State {n:03d}" for n in range(1, 194))
OBSERVERS = tuple(f"Observer {n:02d}" for n in range(1, 13))
VENUES = (
    "Vienna, Austria",
    "New York, United States",
    "Geneva, Switzerland",
    "Nairobi, Kenya",
    "Bangkok, Thailand",
    "Santiago, Chile",
    "Addis Ababa, Ethiopia",
    "Beirut, Lebanon",
)
TOPICS = (
    "Legislation and frameworks",
    "Criminalization",
    "Law enforcement and investigations",
    "Electronic evidence and criminal justice",
    "International cooperation",
    "Prevention",
    "Technical assistance",
    "Capacity-building",
)
RECORDING_STARTS = datetime(2024, 1, 1, tzinfo=UTC)
TICK_MICROSECONDS = 1_000_003
"""About a second between recordings, and never a whole second: times carry
microseconds, as real recording times do."""
BATCH = 20_000
"""Stored events per insert."""


# The stream of commands.


class SessionKey(TypedDict):
    """The fields every command on one session gives alike."""

    body: str
    number: int
    actor: str


class DatedSessionKey(SessionKey):
    on: date


class CycleKey(TypedDict):
    """The fields every command on one cycle of a workplan gives alike."""

    body: str
    period: Period
    cycle: int
    actor: str


def _day(year: int, rng: random.Random, first: int = 1, last: int = 365) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randint(first, last) - 1)


class _Body:
    """One body's record, a year at a time."""

    def __init__(self, code: str, first_year: int, rng: random.Random) -> None:
        self.code = code
        self.rng = rng
        self.first_year = first_year
        self.sessions = 0
        self.period: Period | None = None
        self.extended: set[int] = set()
        self.statements = (40, 160)
        self.participation = (0.55, 0.95)

    def year(self, year: int) -> list[tuple[date, int, Command]]:
        """The body's commands of `year`, each with its effective date and its
        place among the commands of its record (to keep their order)."""
        rng = self.rng
        commands: list[tuple[date, int, Command]] = []
        if year == self.first_year:
            commands.append(
                (
                    date(year, 1, 2),
                    0,
                    EstablishBody(
                        code=self.code,
                        name=f"Expert group {self.code}",
                        parent="Commission on Crime Prevention and Criminal Justice",
                        mandate=f"Resolution {rng.randint(40, 79)}/"
                        f"{rng.randint(1, 300)}",
                        on=date(year, 1, 2),
                        actor=ACTOR,
                    ),
                )
            )
        for _ in range(2 if rng.random() < 0.2 else 1):
            commands += self._session(year)
        commands += self._cycle(year)
        return commands

    def _session(self, year: int) -> list[tuple[date, int, Command]]:
        rng = self.rng
        self.sessions += 1
        number = self.sessions
        key: SessionKey = {"body": self.code, "number": number, "actor": ACTOR}
        start = _day(year, rng, 91, 180)
        dates = DateRange(start, start + timedelta(days=rng.randint(2, 4)))
        stocktaking = (
            self.period is not None and year == self.period.last and rng.random() < 0.5
        )
        out: list[Command] = []
        scheduled_on = _day(year, rng, 3, 40)
        venue = rng.choice(VENUES)
        out.append(
            ScheduleSession(
                **key,
                title=f"{ordinal(number).capitalize()} meeting of {self.code}",
                dates=dates,
                venue=venue,
                format=rng.choice(list(Format)),
                stocktaking=stocktaking,
                on=scheduled_on,
            )
        )
        roll = rng.random()
        decided = scheduled_on + timedelta(days=10)
        if roll < 0.03:
            out.append(CancelSession(**key, reason="No quorum", on=decided))
            return self._ordered(out)
        if roll < 0.07:
            out.append(
                PostponeSession(**key, reason="Dates to be determined", on=decided)
            )
            start = _day(year, rng, 245, 300)
            dates = DateRange(start, start + timedelta(days=rng.randint(2, 4)))
            out.append(
                RescheduleSession(
                    **key,
                    dates=dates,
                    reason="New dates agreed",
                    on=decided + timedelta(days=20),
                )
            )
        elif roll < 0.17:
            start = _day(year, rng, 245, 300)
            dates = DateRange(start, start + timedelta(days=rng.randint(2, 4)))
            out.append(
                PostponeSession(
                    **key, reason="Impact of the pandemic", dates=dates, on=decided
                )
            )
        if rng.random() < 0.08:
            out.append(
                ChangeVenue(
                    **key,
                    venue=rng.choice([v for v in VENUES if v != venue]),
                    format=Format.HYBRID,
                    on=decided + timedelta(days=5),
                )
            )
        before = dates.start - timedelta(days=14)
        items = rng.randint(4, 8)
        out.append(
            IssueAgenda(
                **key,
                items=tuple(
                    AgendaItem(n, TOPICS[n % len(TOPICS)]) for n in range(1, items + 1)
                ),
                on=before,
            )
        )
        titles = [f"Document {n} of session {number}" for n in range(rng.randint(3, 6))]
        for title in titles:
            out.append(
                IssueDocument(
                    **key,
                    kind=rng.choice(list(DocumentKind)),
                    title=title,
                    symbol=f"UNODC/{self.code}/{year}/{title[-12:]}",
                    on=before,
                )
            )
        for title in titles[: rng.randint(1, 2)]:
            out.append(
                CirculateDocument(
                    **key,
                    title=title,
                    to="extended Bureau",
                    via="Special Message",
                    on=before + timedelta(days=1),
                )
            )
        for n in range(rng.randint(0, 6)):
            out.append(
                ConfirmPanelist(
                    **key,
                    name=f"Panelist {n}",
                    delegation=rng.choice(MEMBER_STATES),
                    item=rng.randint(1, items),
                    title=f"Presentation {n}",
                    on=before + timedelta(days=2),
                )
            )
        out.append(OpenSession(**key, on=dates.start))
        days = (dates.end - dates.start).days
        spoken = sorted(
            rng.randint(0, days) for _ in range(rng.randint(*self.statements))
        )
        for offset in spoken:
            out.append(
                RecordStatement(
                    **key,
                    delegation=rng.choice(MEMBER_STATES),
                    item=rng.randint(1, items) if rng.random() < 0.7 else None,
                    on=dates.start + timedelta(days=offset),
                )
            )
        out.append(CloseSession(**key, on=dates.end))
        out.append(
            AdoptReport(**key, symbol=f"UNODC/{self.code}/{year}/REP", on=dates.end)
        )
        return self._ordered(out)

    def _cycle(self, year: int) -> list[tuple[date, int, Command]]:
        rng = self.rng
        out: list[Command] = []
        if self.period is None or year > self.period.last:
            self.period = Period(year, year + 3)
            out.append(
                AdoptWorkplan(
                    body=self.code,
                    period=self.period,
                    at_session=max(self.sessions, 1),
                    topics=tuple(
                        CycleTopics(y, rng.sample(TOPICS, 2))
                        for y in range(year, year + 4)
                    ),
                    stocktaking_by=year + 3 if rng.random() < 0.5 else None,
                    on=date(year, 1, 3),
                    actor=ACTOR,
                )
            )
        key: CycleKey = {
            "body": self.code,
            "period": self.period,
            "cycle": year,
            "actor": ACTOR,
        }
        requested = date(year, 1, 10)
        deadline = _day(year, rng, 60, 90)
        out.append(RequestComments(**key, deadline=deadline, on=requested))
        in_force = deadline
        if rng.random() < 0.3:
            in_force = deadline + timedelta(days=rng.randint(20, 80))
            out.append(
                ExtendDeadline(
                    **key,
                    to=in_force,
                    reason="Requests from Member States",
                    on=deadline - timedelta(days=3),
                )
            )
        participation = rng.uniform(*self.participation)
        senders = [s for s in MEMBER_STATES if rng.random() < participation]
        senders += rng.sample(OBSERVERS, rng.randint(0, 4))
        window = (in_force - requested).days + 30
        received = []
        for n, sender in enumerate(senders):
            on = requested + timedelta(days=rng.randint(1, window))
            received.append(
                ReceiveSubmission(
                    **key,
                    submitter=sender,
                    submitter_kind=(
                        SubmitterKind.OBSERVER
                        if sender.startswith("Observer")
                        else SubmitterKind.MEMBER_STATE
                    ),
                    reference=f"{self.code}/{year}/{n}" if rng.random() < 0.5 else None,
                    on=on,
                )
            )
        out += sorted(received, key=lambda c: c.on)
        return self._ordered(out)

    @staticmethod
    def _ordered(commands: list[Command]) -> list[tuple[date, int, Command]]:
        return [(c.on, n, c) for n, c in enumerate(commands)]


def _reference() -> Iterator[Command]:
    """`ref-egm`: the same few hundred events at every size."""
    body = _Body(REFERENCE_BODY, 2018, random.Random("reference"))
    body.statements = (20, 40)
    body.participation = (0.3, 0.4)
    for year in range(2018, 2021):
        yield from (c for _, _, c in sorted(body.year(year), key=lambda t: t[:2]))


def _b2(long: int) -> Iterator[Command]:
    """`b2-bench`: session 1 with `long` events, the next `SHORT_SESSIONS` with 10."""
    on = date(2023, 1, 2)
    yield EstablishBody(
        code=B2_BODY, name="Bench body", parent=None, mandate=None, on=on, actor=ACTOR
    )
    items = (AgendaItem(1, "General debate"), AgendaItem(2, "Other matters"))
    sessions = [(LONG_SESSION, long)]
    sessions += [(LONG_SESSION + n, 10) for n in range(1, SHORT_SESSIONS + 1)]
    for number, events in sessions:
        key: DatedSessionKey = {
            "body": B2_BODY,
            "number": number,
            "actor": ACTOR,
            "on": on,
        }
        yield ScheduleSession(
            **key,
            title=f"Session {number}",
            dates=DateRange(date(2023, 6, 1), date(2023, 6, 5)),
            venue="Vienna, Austria",
        )
        yield IssueAgenda(**key, items=items)
        # A statement is recorded once its session has opened, on its first day.
        key["on"] = date(2023, 6, 1)
        yield OpenSession(**key)
        for n in range(events - 3):
            yield RecordStatement(
                **key, delegation=MEMBER_STATES[n % 193], item=1 + n % 2
            )


def b2_long(events: int) -> int:
    """How many events B2's long session has in a store of `events`."""
    return max(20, min(10_000, events // 5))


def commands(events: int) -> Iterator[Command]:
    """The record's commands, about `events` of them (one event each)."""
    count = 0
    for command in (*_reference(), *_b2(b2_long(events))):
        count += 1
        yield command
    rng = random.Random(f"record-{GENERATOR_VERSION}")
    bodies = [
        _Body(f"egm-{n:03d}", 1980 + n % 10, random.Random(f"body-{n}"))
        for n in range(max(2, events // 12_000))
    ]
    year = 1980
    while count < events:
        merged: list[tuple[date, int, int, Command]] = []
        for index, body in enumerate(bodies):
            if year >= body.first_year:
                merged += [(on, index, n, c) for on, n, c in body.year(year)]
        merged.sort(key=lambda t: t[:3])
        for *_, command in merged:
            if count >= events:
                return
            count += 1
            yield command
        year += 1
        if year > 2150:  # a long record: more bodies rather than more centuries
            year = 1980
            bodies = [
                _Body(f"{b.code}-{rng.randint(0, 999):03d}", year, b.rng)
                for b in bodies
            ]


# Deciding commands in memory and writing their events.


@contextmanager
def recording_clock() -> Iterator[None]:
    """Recording times one second apart from `RECORDING_STARTS`."""
    tick = iter(range(10**9))
    original = eventsourcing.domain.datetime_now_with_tzinfo
    eventsourcing.domain.datetime_now_with_tzinfo = lambda: (
        RECORDING_STARTS + timedelta(microseconds=TICK_MICROSECONDS * next(tick))
    )
    try:
        yield
    finally:
        eventsourcing.domain.datetime_now_with_tzinfo = original


def write_store(settings: dict[str, str], events: int) -> int:
    """Write the record of `events` into the store of `settings`; return how
    many events it holds."""
    app = Secretariat(env=settings)
    # A new store: every record is one the stream itself creates.
    decisions = Decisions(lambda _: None, lambda _: False)
    snapshots: list[Any] = []
    written = 0
    try:
        with recording_clock():

            def flush() -> None:
                nonlocal written
                stored = [app.mapper.to_stored_event(e) for e in decisions.events]
                if stored:
                    app.recorder.insert_events(stored)
                written += len(stored)
                if snapshots:
                    assert app.snapshots is not None
                    app.snapshots.recorder.insert_events(
                        [app.mapper.to_stored_event(s) for s in snapshots]
                    )
                decisions.events.clear()
                snapshots.clear()

            for command in commands(events):
                aggregate = decisions.decide(command).aggregate
                if isinstance(aggregate, Session | Workplan) and (
                    aggregate.version % SNAPSHOT_INTERVAL == 0
                ):
                    snapshot = getattr(type(aggregate), "Snapshot", app.snapshot_class)
                    assert snapshot is not None  # the application takes snapshots
                    snapshots.append(snapshot.take(aggregate))
                if len(decisions.events) >= BATCH:
                    flush()
            flush()
    finally:
        app.close()
    return written


def sqlite_settings(path: Path) -> dict[str, str]:
    return {
        "PERSISTENCE_MODULE": "eventsourcing.sqlite",
        "SQLITE_DBNAME": str(path),
        "SQLITE_LOCK_TIMEOUT": "60",
    }


def cached_store(events: int, *, say: Any = print) -> Path:
    """The SQLite file of the record of `events`, generated once."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"record-{events}-g{GENERATOR_VERSION}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    for stale in DATA.glob(partial.name + "*"):
        stale.unlink()
    say(f"generating {events:,} events into {path} (once; cached)")
    write_store(sqlite_settings(partial), events)
    _checkpoint(partial)
    partial.rename(path)
    return path


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so the file alone is the store."""
    import sqlite3

    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()


def copy_store(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


# Import files (B1).


def import_entries(count: int) -> list[dict[str, Any]]:
    """`count` entries of an import file: bodies of their own, so that the file
    imports into any store."""
    rng = random.Random("import")
    out: list[dict[str, Any]] = []
    n = 0
    while len(out) < count:
        body = _Body(f"imported-{n:03d}", 2000, rng)
        n += 1
        for year in range(2000, 2004):
            for _, _, command in sorted(body.year(year), key=lambda t: t[:2]):
                out.append(entry(command))
    return out[:count]


def entry(c: Command) -> dict[str, Any]:
    """`c` as an entry of an import file, written by its declaration."""
    return {"command": c.verb, **type(c).declaration.write(c)}


def write_import_file(path: Path, count: int) -> Path:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(import_entries(count), sort_keys=False, width=200)
        path.with_suffix(".partial").write_text(text)
        path.with_suffix(".partial").rename(path)
    return path
