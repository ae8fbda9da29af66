"""B8 and B9: the HTTP service under load, from a client on 127.0.0.1 only,
each run bounded in requests and in time.

- B8: `GET /api/calendar` of the large record with 32 clients at once,
  against the same server answering a static file of the same bytes.
- B9: 16 clients recording statements over HTTP (PostgreSQL), against the
  application called in this process by 16 threads; then every statement
  answered 201 is looked for in the record: none lost, none twice.

Each also gives the server's memory once it has answered them.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from bench.figures import Figure, at_least, at_most, run_cli
from bench.stores import BenchStore

B8_CLIENTS = 32
B9_CLIENTS = 16
B9_BODY = "b9-bench"
B9_SESSIONS = 16
MEMORY_LIMIT_MB = 300
ROOT = Path(__file__).parent.parent


@attrs.frozen
class Load:
    """What a run of clients did."""

    answers: int
    seconds: float
    latencies: tuple[float, ...]
    statuses: dict[int, int]

    @property
    def per_second(self) -> float:
        return self.answers / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


@attrs.frozen
class Server:
    url: str
    pid: int

    def rss_mb(self) -> tuple[float, float]:
        """Its resident memory now, and at its peak (MB)."""
        found = {}
        status = Path(f"/proc/{self.pid}/status").read_text()
        for line in status.splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) / 1024
        return found["VmRSS"], found["VmHWM"]


@contextmanager
def served(store: BenchStore, static: Path) -> Iterator[Server]:
    """`python -m bench.serve` on `store`, until the block ends (SIGTERM)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.serve", store.url, str(static)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"the server did not start ({process.wait()})")
        yield Server(url, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def _load(
    base: str,
    clients: int,
    requests: int,
    seconds: float,
    send: Any,
) -> Load:
    """`clients` at once, each sending `send(client, n, http)` until
    `requests` in all were answered or `seconds` passed."""
    import httpx

    latencies: list[float] = []
    statuses: dict[int, int] = {}
    sent = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as http:
        started = time.perf_counter()
        deadline = started + seconds

        async def client(number: int) -> None:
            nonlocal sent
            n = 0
            while sent < requests and time.perf_counter() < deadline:
                sent += 1
                asked = time.perf_counter()
                status = await send(number, n, http)
                latencies.append(time.perf_counter() - asked)
                statuses[status] = statuses.get(status, 0) + 1
                n += 1

        await asyncio.gather(*(client(i) for i in range(clients)))
        elapsed = time.perf_counter() - started
    return Load(len(latencies), elapsed, tuple(latencies), statuses)


def load(base: str, clients: int, requests: int, seconds: float, send: Any) -> Load:
    return asyncio.run(_load(base, clients, requests, seconds, send))


# B8: the calendar over HTTP against a static file of the same size.


def b8_calendar(
    kind: str, store: BenchStore, events: int, runs: int, requests: int, seconds: float
) -> list[Figure]:
    import httpx

    static = ROOT / "bench" / "data" / f"b8-static-{kind}.json"
    static.write_bytes(b"")
    with served(store, static) as server:
        calendar = httpx.get(f"{server.url}/api/calendar", timeout=600)
        calendar.raise_for_status()
        static.write_bytes(calendar.content)
        size = len(calendar.content)

        def ask(path: str) -> Any:
            async def send(client: int, n: int, http: Any) -> int:
                answer = await http.get(path)
                if len(answer.content) != size:
                    raise RuntimeError(f"{path}: {len(answer.content)} bytes")
                return int(answer.status_code)

            return send

        def run(path: str) -> Load:
            return load(server.url, B8_CLIENTS, requests, seconds, ask(path))

        ours: list[Load] = []
        base: list[Load] = []
        for turn in range(runs):
            if turn % 2:
                ours.append(run("/api/calendar"))
                base.append(run("/bench/static"))
            else:
                base.append(run("/bench/static"))
                ours.append(run("/api/calendar"))
        rss, peak = server.rss_mb()
    ratio = statistics.median(
        o.per_second / b.per_second for o, b in zip(ours, base, strict=True)
    )
    mine = max(ours, key=lambda o: o.per_second)
    static_run = max(base, key=lambda b: b.per_second)
    target, met = at_least(ratio, 0.5)
    statuses = {s for o in ours for s in o.statuses}
    memory_target, memory_met = at_most(rss, MEMORY_LIMIT_MB)
    return [
        Figure(
            "B8 GET /api/calendar",
            kind,
            ratio,
            target,
            met and statuses == {200},
            f"{events:,} events, {size / 1024:,.0f} KiB answer, {B8_CLIENTS} "
            f"clients: {statistics.median(o.per_second for o in ours):,.0f} req/s "
            f"(p50 {mine.percentile(50) * 1000:.1f} ms, p99 "
            f"{mine.percentile(99) * 1000:.1f} ms; statuses {sorted(statuses)}); "
            f"static file {statistics.median(b.per_second for b in base):,.0f} "
            f"req/s (p99 {static_run.percentile(99) * 1000:.1f} ms)",
        ),
        Figure(
            "B8 server memory (MB)",
            kind,
            rss,
            memory_target,
            memory_met,
            f"after B8: RSS {rss:.0f} MB, peak {peak:.0f} MB",
        ),
    ]


# B9: statements recorded over HTTP against the application in process.


def prepare_b9(store: BenchStore) -> str:
    """A body with sessions open for statements, and an officer's token."""

    def cli(*args: str) -> str:
        return run_cli([*args, "--store", store.url])

    cli("establish-body", B9_BODY, "--name", "Statements", "--on", "2023-01-02")
    for number in range(1, B9_SESSIONS + 1):
        cli(
            "schedule-session", B9_BODY, str(number), "--title", f"Session {number}",
            "--start", "2023-06-01", "--end", "2023-06-05", "--venue", "Vienna",
            "--on", "2023-01-02",
        )  # fmt: skip
        cli("open-session", B9_BODY, str(number), "--on", "2023-06-01")
    granted = cli("grant", "b9@example.org", "--role", "officer", "--body", B9_BODY)
    return granted.splitlines()[-1]


def statement(client: int, n: int, via: str) -> dict[str, Any]:
    """The fields of one statement, told apart by who says it (a name no
    list holds: recorded as written, unlisted)."""
    return {
        "body": B9_BODY,
        "number": client % B9_SESSIONS + 1,
        "delegation": f"{via}-{client}-{n}",
        "unlisted": True,
    }


def in_process(store: BenchStore, requests: int, seconds: float) -> Load:
    """16 threads recording statements through one application, as the
    server does (record, then the views), for `seconds`."""
    from adapters.bootstrap import open_secretariat, open_views
    from adapters.store import parse_store_url
    from application.commands import COMMANDS
    from application.commands.declaring import Face, Fallback
    from application.recording import record

    parsed = parse_store_url(store.url)
    secretariat = open_secretariat(parsed, create=False)
    views = open_views(parsed, secretariat)
    declaration = COMMANDS["record-statement"].declaration
    lock = threading.Lock()
    latencies: list[float] = []
    sent = 0
    started = time.perf_counter()
    deadline = started + seconds

    def client(number: int) -> None:
        nonlocal sent
        n = 0
        while True:
            with lock:
                if sent >= requests or time.perf_counter() >= deadline:
                    return
                sent += 1
            command = declaration.read(
                statement(number, n, "app"),
                face=Face.API,
                fallbacks={
                    Fallback.TODAY: date.today,
                    Fallback.ISSUER: lambda: "b9@example.org",
                },
            )
            asked = time.perf_counter()
            record(secretariat, command, lambda: views)
            with lock:
                latencies.append(time.perf_counter() - asked)
            n += 1

    try:
        with ThreadPoolExecutor(B9_CLIENTS) as pool:
            list(pool.map(client, range(B9_CLIENTS)))
        elapsed = time.perf_counter() - started
    finally:
        secretariat.close()
    return Load(len(latencies), elapsed, tuple(latencies), {201: len(latencies)})


def recorded_statements(store: BenchStore) -> list[str]:
    """The delegation of every statement recorded on B9's sessions."""
    from adapters.bootstrap import open_secretariat
    from adapters.store import parse_store_url

    secretariat = open_secretariat(parse_store_url(store.url), create=False)
    try:
        return [
            event["delegation"]
            for number in range(1, B9_SESSIONS + 1)
            for event in secretariat.history(B9_BODY, number)["events"]
            if event["event"] == "StatementRecorded"
        ]
    finally:
        secretariat.close()


def b9_statements(store: BenchStore, requests: int, seconds: float) -> list[Figure]:
    token = prepare_b9(store)
    answered: list[str] = []
    empty = ROOT / "bench" / "data" / "b9-static.json"
    empty.write_bytes(b"{}")
    with served(store, empty) as server:

        async def send(client: int, n: int, http: Any) -> int:
            fields = statement(client, n, "api")
            answer = await http.post(
                "/api/commands/record-statement",
                json=fields,
                headers={"Authorization": f"Bearer {token}"},
            )
            if answer.status_code == 201:
                answered.append(str(fields["delegation"]))
            return int(answer.status_code)

        over_http = load(server.url, B9_CLIENTS, requests, seconds, send)
        rss, peak = server.rss_mb()
    direct = in_process(store, requests, seconds)
    found = [name for name in recorded_statements(store) if name.startswith("api-")]
    lost = len(set(answered) - set(found))
    duplicated = len(found) - len(set(found))
    ratio = over_http.per_second / direct.per_second
    target, met = at_least(ratio, 0.6)
    memory_target, memory_met = at_most(rss, MEMORY_LIMIT_MB)
    return [
        Figure(
            "B9 statements over HTTP",
            "postgres",
            ratio,
            target,
            met and lost == 0 and duplicated == 0 and len(found) == len(answered),
            f"{B9_CLIENTS} clients, {over_http.seconds:.0f} s: "
            f"{over_http.per_second:,.0f} commands/s over HTTP "
            f"(p99 {over_http.percentile(99) * 1000:.0f} ms; statuses "
            f"{dict(sorted(over_http.statuses.items()))}); in process "
            f"{direct.per_second:,.0f} commands/s; {len(answered):,} answered 201, "
            f"{len(found):,} in the record, {lost} lost, {duplicated} duplicated",
        ),
        Figure(
            "B9 server memory (MB)",
            "postgres",
            rss,
            memory_target,
            memory_met,
            f"after B9: RSS {rss:.0f} MB, peak {peak:.0f} MB",
        ),
    ]
