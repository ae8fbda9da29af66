"""The store failing under a command: the PostgreSQL server stopping in the
middle of one, a server nobody answers at, an SQLite file that cannot be written
or is not a sound database. Each ends with exit 4 and one line saying which
store failed and why, and nothing half-written: the events and the position of
the last one are as they were (or, for a damaged file, not a byte changed).
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from adapters.store import parse_store_url
from tests.conftest import requires_postgres
from tests.importing import EXAMPLE
from tests.postgres import fresh_schema
from tests.reliability.helpers import (
    assert_contract,
    invoke,
    json_answer,
    one_line_error,
    store_state,
    views_match_a_rebuild,
)
from tests.reliability.processes import EXECUTABLE, cli_environment
from tests.reliability.proxy import Proxy

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-0.1.0"
INTERRUPTED = Path(__file__).with_name("interrupted.py")
STORE_FAILED = 4

NEW_ENTRIES = """\
- {command: record-statement, body: cybercrime-egm, number: 6, delegation: Chile, item: 2, on: 2020-07-29}
- {command: record-statement, body: cybercrime-egm, number: 6, delegation: Peru, item: 2, on: 2020-07-29}
"""  # noqa: E501
"""An import file of two entries the fixture store does not hold."""

STATEMENT = [
    "record-statement", "cybercrime-egm", "6", "--delegation", "Chile",
    "--item", "2", "--on", "2020-07-29",
]  # fmt: skip
"""A decision the fixture store can take, as it was built (its 7th session
never opened) and as its files import today: a statement at the 6th session,
which met on 27-29 July 2020."""


@pytest.fixture
def new_entries(tmp_path: Path) -> Path:
    path = tmp_path / "new.yaml"
    path.write_text(NEW_ENTRIES, encoding="utf-8")
    return path


def commands(new_entries: Path) -> dict[str, list[str]]:
    """Commands that write: one decision, an import, rebuilding the views."""
    return {
        "record": STATEMENT,
        "import": ["import", str(new_entries)],
        "rebuild": ["projections", "rebuild"],
    }


def the_store_failed(code: int, err: str, store_label: str) -> str:
    assert code == STORE_FAILED, err
    message = one_line_error(err)
    assert f"the store at {store_label} cannot be used: " in message, message
    return message


# PostgreSQL.


@pytest.fixture
def postgres_fixture_store() -> Iterator[str]:
    """A schema of its own holding the fixture store's record, views caught up."""
    with fresh_schema(requires_postgres()) as store:
        for record in (EXAMPLE, FIXTURE.parent / "fixture-record.yaml"):
            ran = invoke("import", str(record), store=store)
            assert ran.code == 0, ran.err
        yield store


def interrupted(
    args: list[str],
    store: str,
    folder: Path,
    take_away: Callable[[], None],
    **environment: str,
) -> tuple[int, str]:
    """Run `secretariat ARGS` on `store`, and take the store away once the
    command's first events are sent, before they are committed."""
    signals = folder / f"signals-{uuid.uuid4().hex[:8]}"
    signals.mkdir()
    process = subprocess.Popen(
        [sys.executable, str(INTERRUPTED), str(signals), *args],
        env={**cli_environment(store, log_level="critical"), **environment},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not (signals / "inserted").exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.005)
        take_away()
        (signals / "go").touch()
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode, err


def through(proxy: Proxy, store: str) -> str:
    """`store`, reached through the proxy."""
    parts = urlsplit(store)
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=f"{user}127.0.0.1:{proxy.port}"))


def label(store: str) -> str:
    return parse_store_url(store).label


@pytest.mark.postgres
@pytest.mark.parametrize("command", ["record", "import"])
def test_the_server_stopping_in_the_middle_of_a_command_writes_nothing(
    postgres_fixture_store: str, new_entries: Path, tmp_path: Path, command: str
) -> None:
    store = postgres_fixture_store
    before = store_state(store)
    server = urlsplit(store)
    proxy = Proxy(server.hostname or "127.0.0.1", server.port or 5432)
    through_proxy = through(proxy, store)

    started = time.monotonic()
    code, err = interrupted(commands(new_entries)[command], through_proxy,
                            tmp_path, proxy.stop)  # fmt: skip

    # The transaction is lost with its connection; the try again on a new
    # connection finds the server gone.
    message = the_store_failed(code, err, label(through_proxy))
    assert "Connection refused" in message, message
    assert time.monotonic() - started < 30
    assert store_state(store) == before
    views_match_a_rebuild(store)


@pytest.mark.postgres
def test_a_connection_ended_by_the_server_in_the_middle_of_a_command_is_replaced(
    postgres_fixture_store: str, tmp_path: Path
) -> None:
    """`pg_terminate_backend`, as an administrator or a restart does: the
    transaction it held was never committed, so the command's events are
    sent again on a new connection and recorded once."""
    import psycopg

    store = postgres_fixture_store
    before = store_state(store)
    name = f"secretariat-{uuid.uuid4().hex[:8]}"

    def terminate() -> None:
        with psycopg.connect(store.partition("?")[0], autocommit=True) as admin:
            ended = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = %s",
                (name,),
            ).fetchall()
        assert ended
        assert all(row[0] for row in ended)

    code, err = interrupted(STATEMENT, store, tmp_path, terminate, PGAPPNAME=name)

    assert code == 0, err
    after = store_state(store)
    assert after[0] == before[0] + 1
    statements = [
        event
        for event in json_answer("history", "cybercrime-egm", "6", store=store)[
            "events"
        ]
        if event["event"] == "StatementRecorded" and event["delegation"] == "Chile"
    ]
    assert len(statements) == 1
    views_match_a_rebuild(store)


def test_a_server_nobody_answers_at(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store = f"postgresql://postgres@127.0.0.1:{port}/test"
    started = time.monotonic()

    ran = invoke(*STATEMENT, store=store)

    message = the_store_failed(ran.code, ran.err, store)
    assert f"port {port} failed: Connection refused" in message, message
    assert time.monotonic() - started < 60  # the connect timeout (5 s), once


# SQLite.


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fixture_copy(folder: Path) -> Path:
    copy = folder / "store.sqlite"
    shutil.copyfile(FIXTURE / "store.sqlite", copy)
    return copy


def without_overriding_permissions() -> None:
    """In the child, before it runs the CLI: give up the capability that lets
    root write files whatever their permissions (CAP_DAC_OVERRIDE)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(24, 1, 0, 0, 0) != 0:  # PR_CAPBSET_DROP, CAP_DAC_OVERRIDE
        raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def run_as_officer(args: list[str], store: str) -> subprocess.CompletedProcess[str]:
    as_root = os.geteuid() == 0
    return subprocess.run(
        [str(EXECUTABLE), *args],
        env=cli_environment(store, log_level="critical"),
        capture_output=True, text=True, timeout=120, check=False,
        preexec_fn=without_overriding_permissions if as_root else None,
    )  # fmt: skip


@pytest.fixture
def read_only_store() -> Iterator[Path]:
    """The fixture store in a file nobody may write (a folder of its own
    outside pytest's, so the test's own permissions play no part)."""
    if os.geteuid() == 0:
        probe = subprocess.run(
            ["true"], preexec_fn=without_overriding_permissions,
            capture_output=True, check=False,
        )  # fmt: skip
        if probe.returncode != 0:
            pytest.skip("running as root, and root cannot give up CAP_DAC_OVERRIDE")
    folder = Path(tempfile.mkdtemp(prefix="read-only-store-"))
    try:
        folder.chmod(0o755)
        path = fixture_copy(folder)
        path.chmod(0o444)
        yield path
    finally:
        shutil.rmtree(folder)


@pytest.mark.parametrize("command", ["record", "import", "rebuild"])
def test_a_read_only_sqlite_file_is_not_written(
    read_only_store: Path, new_entries: Path, command: str
) -> None:
    store = f"sqlite:///{read_only_store}"
    before, bytes_before = store_state(store), digest(read_only_store)

    ran = run_as_officer(commands(new_entries)[command], store)

    message = the_store_failed(ran.returncode, ran.stderr, str(read_only_store))
    assert "cannot be used: attempt to write a readonly database" in message
    assert store_state(store) == before
    assert digest(read_only_store) == bytes_before


def test_a_read_only_sqlite_file_is_still_read(read_only_store: Path) -> None:
    store = f"sqlite:///{read_only_store}"

    ran = run_as_officer(["history", "cybercrime-egm", "6", "--json"], store)

    assert ran.returncode == 0, ran.stderr
    expected = json.loads((FIXTURE / "history-6.json").read_text(encoding="utf-8"))
    assert_contract(expected, json.loads(ran.stdout), "history")


def garbage_header(path: Path) -> None:
    with path.open("r+b") as file:
        file.write(bytes(range(7, 107)))


def truncated_to_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def truncated_to_its_first_page(path: Path) -> None:
    os.truncate(path, 4096)


def garbage_after_the_first_page(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as file:
        file.seek(4096)
        file.write(bytes((i * 37 + 11) % 256 for i in range(size - 4096)))


def not_a_database(path: Path) -> None:
    path.write_text("minutes of the sixth meeting\n" * 200, encoding="utf-8")


MALFORMED = "database disk image is malformed"
DAMAGE = {
    "garbage header": (garbage_header, "file is not a database"),
    "truncated to half": (truncated_to_half, MALFORMED),
    "only its first page": (truncated_to_its_first_page, MALFORMED),
    "garbage after the first page": (garbage_after_the_first_page, MALFORMED),
    "not a database": (not_a_database, "file is not a database"),
}  # fmt: skip


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_sqlite_file_is_reported_and_left_as_it_is(
    tmp_path: Path, new_entries: Path, damage: str
) -> None:
    path = fixture_copy(tmp_path)
    damaged, reason = DAMAGE[damage]
    damaged(path)
    bytes_before = digest(path)
    runs = {
        **commands(new_entries),
        "history": ["history", "cybercrime-egm", "6"],
        "calendar": ["calendar"],
        "deadlines": ["deadlines", "--today", "2020-06-15"],
    }
    for name, args in runs.items():
        ran = invoke(*args, store=f"sqlite:///{path}")
        message = the_store_failed(ran.code, ran.err, str(path))
        assert f"cannot be used: {reason}" in message, (name, message)
        assert digest(path) == bytes_before, name
