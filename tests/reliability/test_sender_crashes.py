"""The sender killed with SIGKILL at random moments while it delivers, again
and again, to a real SMTP server on the loopback address: once a last pass
has run, every message was delivered, and a message delivered twice (sent,
then killed before its delivery was recorded) carries the same Message-ID
both times.

The moments are drawn from a seeded generator: `$SECRETARIAT_TEST_SEED`, or a
seed drawn afresh and printed; every failure message names it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from adapters.bootstrap import open_outbox, open_secretariat
from adapters.mail.sender import RECORD_EVERY
from adapters.store import parse_store_url
from tests.mail_server import MailServer, mail_server
from tests.reliability.helpers import invoke
from tests.reliability.processes import cli_environment

KILLS = 20
"""Kills that found the sender at work, per store."""
RUNS_LIMIT = 80
"""Runs at most, killed or not: the test is bounded whatever the machine's speed."""
SUBSCRIBERS = 40
SIGNALLED = Path(__file__).with_name("signalled_sender.py")
SEED = int(
    os.environ.get("SECRETARIAT_TEST_SEED") or random.SystemRandom().randrange(10**6)
)
SENDER = "Secretariat <secretariat@unodc.example>"


@pytest.fixture
def server() -> Iterator[MailServer]:
    with mail_server() as started:
        yield started


def run(store: str, *args: str) -> None:
    ran = invoke(*args, store=store)
    assert ran.code == 0, (args, ran.err)


def more_messages(store: str, number: int) -> None:
    """A session scheduled: a message to each subscriber."""
    run(store, "schedule-session", "egm", str(number), f"--title=Session {number}",
        "--start=2020-04-06", "--end=2020-04-08", "--venue=Vienna",
        "--on=2019-12-02")  # fmt: skip


def messages(store: str) -> dict[str, str]:
    """Each message of the outbox by its Message-ID, with its status."""
    secretariat = open_secretariat(parse_store_url(store), create=False)
    try:
        outbox = open_outbox(parse_store_url(store), secretariat)
        return {f"<{row.message}@secretariat>": row.status for row in outbox.messages()}
    finally:
        secretariat.close()


def sender(
    store: str, server: MailServer, folder: Path, rng: random.Random, run_number: int
) -> bool:
    """Run the sender; kill it at a random moment after it began sending.
    Return whether the kill found it at work."""
    started = folder / f"sender-{run_number}"
    environment = cli_environment(store)
    environment.update(
        SECRETARIAT_SMTP_URL=server.url,
        SECRETARIAT_MAIL_FROM=SENDER,
        SECRETARIAT_NOTIFY_DELAY="0",
    )
    process = subprocess.Popen(
        [
            sys.executable,
            str(SIGNALLED),
            str(started),
            "notifications",
            "send",
            "--once",
        ],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not started.exists() and process.poll() is None:
            assert time.monotonic() < deadline, "the sender never began"
            time.sleep(0.003)
        time.sleep(rng.uniform(0, 0.5))
        at_work = process.poll() is None
        if at_work:
            process.send_signal(signal.SIGKILL)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert at_work or process.returncode == 0, err
    return at_work and process.returncode == -signal.SIGKILL


@pytest.mark.reliability
def test_a_sender_killed_at_random_moments_loses_no_message(
    store: str, server: MailServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECRETARIAT_NOTIFY_DELAY", "0")
    rng = random.Random(SEED)
    note = f"seed {SEED} (set $SECRETARIAT_TEST_SEED to replay)"
    run(store, "establish-body", "egm", "--name=Expert group", "--on=2019-01-01")
    for n in range(SUBSCRIBERS):
        run(store, "subscribe", "egm", f"--email=focal{n}@mission{n}.example",
            f"--name=Focal point {n}", f"--language={'fr' if n % 2 else 'en'}",
            "--on=2019-01-02")  # fmt: skip
    sessions = iter(range(1, 1000))
    for _ in range(4):
        more_messages(store, next(sessions))

    kills = runs = 0
    while kills < KILLS and runs < RUNS_LIMIT:
        if list(messages(store).values()).count("pending") < SUBSCRIBERS * 2:
            more_messages(store, next(sessions))
        runs += 1
        kills += sender(store, server, tmp_path, rng, runs)
    assert kills == KILLS, f"only {kills} of {runs} runs were killed at work; {note}"

    # The last pass, uncut.
    monkeypatch.setenv("SECRETARIAT_SMTP_URL", server.url)
    monkeypatch.setenv("SECRETARIAT_MAIL_FROM", SENDER)
    last = invoke("notifications", "send", "--once", store=store)
    assert last.code == 0, (last.err, note)

    outbox = messages(store)
    received = Counter(server.inbox.message_ids())
    duplicates = sum(count - 1 for count in received.values())
    print(
        f"\nsender kill -9 ({parse_store_url(store).kind}): {kills} kills in "
        f"{runs} runs, {len(outbox)} messages, "
        f"{sum(received.values())} deliveries, {duplicates} duplicates; {note}"
    )
    assert set(outbox.values()) == {"sent"}, note
    # Every message delivered; nothing delivered that the outbox does not hold.
    assert set(received) == set(outbox), note
    # A message delivered twice is the same message: same Message-ID, same
    # addressee, same subject.
    by_id: dict[str, set[Any]] = {}
    for message in server.inbox.received:
        by_id.setdefault(str(message["Message-ID"]), set()).add(
            (str(message["To"]), str(message["Subject"]))
        )
    assert all(len(variants) == 1 for variants in by_id.values()), note
    # A kill sends again at most the deliveries not yet recorded.
    assert duplicates <= kills * RECORD_EVERY, note
