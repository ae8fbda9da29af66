"""B10: messages delivered per second to an SMTP server on the loopback
address, each delivery recorded as an event (the sender as `notifications
send` runs it), against the target of 200 a second.

The server is a sink written here (it takes every message and keeps none), so
that the figure measures the sender, not a server: composing each message,
the SMTP exchange on one kept connection, and recording its delivery.
"""

from __future__ import annotations

import multiprocessing
import os
import socketserver
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from multiprocessing.connection import Connection

from bench.figures import Figure, at_least, at_most, b2_statement
from bench.stores import BenchStore

HOST = "127.0.0.1"
TARGET = 200.0


class _Sink(socketserver.StreamRequestHandler):
    """Just enough SMTP for `smtplib` to hand messages over."""

    def handle(self) -> None:
        self._say("220 sink ready")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb == b"QUIT":
                self._say("221 bye")
                return
            if verb == b"DATA":
                self._say("354 go on")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                self._say("250 taken")
            else:
                self._say("250 ok")

    def _say(self, text: str) -> None:
        self.wfile.write(text.encode() + b"\r\n")
        self.wfile.flush()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def _serve(ports: Connection) -> None:
    server = _Server((HOST, 0), _Sink)
    ports.send(server.server_address[1])
    server.serve_forever()


@contextmanager
def sink() -> Iterator[str]:
    """The sink's address, `smtp://HOST:PORT`, while it runs, in a process of
    its own (in a thread of the sender's, it would share the sender's
    interpreter lock and slow it down)."""
    ours, theirs = multiprocessing.Pipe()
    process = multiprocessing.Process(target=_serve, args=(theirs,), daemon=True)
    process.start()
    try:
        yield f"smtp://{HOST}:{ours.recv()}"
    finally:
        process.terminate()
        process.join()


def _record(store: BenchStore, subscribers: int, sessions: int) -> None:
    """A body with `subscribers` on its list and `sessions` sessions scheduled
    at the command line: a message to each subscriber about each session."""
    from adapters.bootstrap import open_secretariat
    from adapters.store import parse_store_url
    from application.commands import EstablishBody, ScheduleSession, Subscribe
    from domain.values import DateRange

    secretariat = open_secretariat(parse_store_url(store.url), create=True)
    on, actor, via = date(2020, 1, 2), "bench", "cli"
    try:
        secretariat.execute(
            EstablishBody(code="bench", name="Bench", on=on, actor=actor)
        )
        for n in range(subscribers):
            secretariat.execute(
                Subscribe(
                    body="bench",
                    email=f"focal{n}@mission{n}.example",
                    name=f"Focal point {n}",
                    language="fr" if n % 2 else "en",
                    on=on,
                    actor=actor,
                    recorded_via=via,
                )
            )
        for number in range(1, sessions + 1):
            secretariat.execute(
                ScheduleSession(
                    body="bench",
                    number=number,
                    title=f"Session {number}",
                    dates=DateRange(date(2020, 4, 6), date(2020, 4, 8)),
                    venue="Vienna, Austria",
                    on=on,
                    actor=actor,
                    recorded_via=via,
                )
            )
    finally:
        secretariat.close()


def b10_delivery(
    kind: str, make_store: Callable[[str], BenchStore], subscribers: int, sessions: int
) -> Figure:
    from adapters.bootstrap import open_outbox, open_secretariat
    from adapters.mail.sender import Sender
    from adapters.mail.smtp import SMTPTransport, parse_smtp_url
    from adapters.store import parse_store_url

    store = make_store("b10_delivery")
    os.environ["SECRETARIAT_NOTIFY_DELAY"] = "0"
    _record(store, subscribers, sessions)
    secretariat = open_secretariat(parse_store_url(store.url), create=False)
    try:
        outbox = open_outbox(parse_store_url(store.url), secretariat)
        outbox.catch_up()  # the outbox made before the clock starts
        with sink() as url:
            transport = SMTPTransport(parse_smtp_url(url))
            sender = Sender(
                secretariat,
                outbox,
                transport,
                sender="Bench <bench@example.org>",
                actor="bench",
            )
            started = time.perf_counter()
            done = sender.send_due()
            seconds = time.perf_counter() - started
            transport.close()
    finally:
        secretariat.close()
    count = subscribers * sessions
    if done.sent != count:
        raise RuntimeError(f"sent {done.sent} of {count} messages")
    rate = count / seconds
    return Figure(
        "B10 messages delivered per second",
        kind,
        rate,
        *at_least(rate, TARGET),
        f"{count:,} messages to {subscribers} subscribers in {seconds:.1f} s, "
        "each composed, handed to a local SMTP sink and its delivery recorded",
    )


# B2 with the outbox: a recording command on a store whose outbox is kept.


def b2_with_the_outbox(
    kind: str,
    make_store: Callable[[str], BenchStore],
    runs: int,
    reps: int,
    subscribers: int,
) -> list[Figure]:
    """B2's command on a store with `subscribers` on the body's list and an
    outbox kept up to date, against the same command on the same record
    without subscribers or an outbox: the command alone (a recording command
    does not catch the outbox up: the sender does, in its own thread or
    process), and the command followed by the outbox's catch-up with it, as if
    the command paid for it."""
    from adapters.bootstrap import open_outbox, open_secretariat
    from adapters.store import parse_store_url
    from application.commands import Subscribe
    from bench.figures import median, ms, run_cli, timed
    from bench.generate import B2_BODY, SHORT_SESSIONS

    plain, kept = make_store("b2_plain"), make_store("b2_outbox")
    secretariat = open_secretariat(parse_store_url(kept.url), create=False)
    # Held open as the outbox's is: a store's last connection closing costs
    # SQLite a checkpoint, which would weigh on one side only.
    held = open_secretariat(parse_store_url(plain.url), create=False)
    try:
        for n in range(subscribers):
            secretariat.execute(
                Subscribe(
                    body=B2_BODY,
                    email=f"focal{n}@mission{n}.example",
                    name=f"Focal point {n}",
                    language="fr" if n % 2 else "en",
                    on=date(2023, 5, 1),
                    actor="bench",
                    recorded_via="cli",
                )
            )
        outbox = open_outbox(parse_store_url(kept.url), secretariat)
        outbox.catch_up()  # the outbox kept before the clock starts

        def without(number: int) -> float:
            return timed(lambda: run_cli(b2_statement(plain, number)))

        def with_outbox(number: int) -> tuple[float, float]:
            command = timed(lambda: run_cli(b2_statement(kept, number)))
            return command, timed(outbox.catch_up)

        shorts = iter(range(2, 2 + SHORT_SESSIONS))
        warm = next(shorts)  # modules imported once, on both
        without(warm)
        with_outbox(warm)
        commands: list[float] = []
        catch_ups: list[float] = []
        base: list[float] = []
        for rep in range(min(runs * reps, SHORT_SESSIONS - 1)):
            number = next(shorts)
            if rep % 2:
                command, catch_up = with_outbox(number)
                base.append(without(number))
            else:
                base.append(without(number))
                command, catch_up = with_outbox(number)
            commands.append(command)
            catch_ups.append(catch_up)
    finally:
        secretariat.close()
        held.close()
    kept_up = [a + b for a, b in zip(commands, catch_ups, strict=True)]
    alone, whole = median(commands) / median(base), median(kept_up) / median(base)
    said = (
        f"{subscribers} subscribers, outbox kept: the command {ms(median(commands))}, "
        f"the outbox's catch-up after it {ms(median(catch_ups))}; "
        f"no outbox: {ms(median(base))}"
    )
    return [
        Figure("B2 with the outbox", kind, alone, *at_most(alone, 1.1), said),
        Figure(
            "B2 with the outbox, its catch-up included",
            kind,
            whole,
            *at_most(whole, 1.1),
            said,
        ),
    ]
