"""Fixtures shared by every tier: the Secretariat in memory, and real stores."""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import structlog

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from application.secretariat import Secretariat
from tests.importing import ARTEFACTS
from tests.postgres import (
    LOCAL_POSTGRES,
    POSTGRES_VARIABLE,
    PostgresMissingError,
    find_postgres,
    fresh_schema,
)

STARTED = time.time()


@cache
def postgres_url() -> str | None:
    """The PostgreSQL server the tests may use, or None when there is none
    (a configured server that does not answer fails the run)."""
    try:
        return find_postgres()
    except PostgresMissingError as error:
        pytest.fail(str(error))


def requires_postgres() -> str:
    url = postgres_url()
    if url is None:
        pytest.skip(
            f"no PostgreSQL: {POSTGRES_VARIABLE} is not set "
            f"and nothing answers on {LOCAL_POSTGRES}"
        )
    return url


@pytest.fixture
def postgres_store() -> Iterator[str]:
    """The URL of an empty schema of its own on the test PostgreSQL server."""
    with fresh_schema(requires_postgres()) as store:
        yield store


@pytest.fixture
def sqlite_store(tmp_path: Path) -> str:
    """The URL of an SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'record.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest) -> str:
    """Each store in turn: the same test body runs on SQLite and on PostgreSQL."""
    if request.param == "postgres":
        return str(request.getfixturevalue("postgres_store"))
    return str(request.getfixturevalue("sqlite_store"))


@pytest.fixture
def stored_secretariat(store: str) -> Iterator[Secretariat]:
    secretariat = open_secretariat(parse_store_url(store), create=True)
    try:
        yield secretariat
    finally:
        secretariat.close()


@pytest.fixture
def secretariat() -> Iterator[Secretariat]:
    """The Secretariat on an in-memory store."""
    app = Secretariat(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    try:
        yield app
    finally:
        app.close()


@pytest.fixture(autouse=True)
def unconfigured_logging() -> Iterator[None]:
    """Each test starts with structlog as a fresh process has it: a command run
    in-process configures logging for the rest of its process."""
    structlog.reset_defaults()
    yield
    structlog.reset_defaults()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Name the artefacts this run wrote, so that they are found."""
    written = sorted(
        path
        for path in ARTEFACTS.rglob("*")
        if path.is_file() and path.stat().st_mtime >= STARTED
    )
    if written:
        terminalreporter.section("artefacts")
        for path in written:
            terminalreporter.line(str(path))
