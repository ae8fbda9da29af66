"""The stores a benchmark run works on: a copy of a cached SQLite record, or the
same record loaded into a PostgreSQL schema of its own (dropped afterwards)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs

from adapters.store import parse_store_url
from bench.generate import DATA, copy_store
from tests.postgres import PostgresMissingError, find_postgres
from tests.sealed import encrypted_copy, load_into_postgres


@attrs.frozen
class BenchStore:
    kind: str
    """`sqlite` or `postgres`."""
    url: str

    @property
    def settings(self) -> dict[str, str]:
        return dict(parse_store_url(self.url).settings)


def postgres_url() -> str | None:
    """The PostgreSQL server to use, as the tests find it; None if none answers."""
    try:
        return find_postgres()
    except PostgresMissingError as error:
        raise SystemExit(str(error)) from None


class Stores:
    """Every store a run makes, removed when the run ends."""

    def __init__(self, postgres: str | None) -> None:
        self.postgres = postgres
        self.run = uuid.uuid4().hex[:8]
        self.work = DATA / f"work-{self.run}"
        self.schemas: list[str] = []

    def close(self) -> None:
        if self.schemas and self.postgres:
            import psycopg

            with psycopg.connect(self.postgres, autocommit=True) as connection:
                for schema in self.schemas:
                    connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        if self.work.exists():
            for path in self.work.iterdir():
                path.unlink()
            self.work.rmdir()

    def empty(self, kind: str, name: str) -> BenchStore:
        """A store with nothing in it yet."""
        if kind == "sqlite":
            self.work.mkdir(parents=True, exist_ok=True)
            path = self.work / f"{name}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return BenchStore(kind, f"sqlite:///{path}")
        assert self.postgres is not None
        import psycopg

        schema = f"bench_{self.run}_{name}".replace("-", "_")
        with psycopg.connect(self.postgres, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            connection.execute(f"CREATE SCHEMA {schema}")
        self.schemas.append(schema)
        return BenchStore(kind, f"{self.postgres}?schema={schema}")

    def sealed(self, kind: str, name: str, cached: Path, key: str) -> BenchStore:
        """A store holding the cached record encrypted with `key`: the same
        events, in the same order, their states encrypted; its views are
        built by the first command (`projections rebuild`), with the key."""
        self.work.mkdir(parents=True, exist_ok=True)
        copy = self.work / f"{name}-sealed.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
        encrypted_copy(cached, copy, key)
        if kind == "sqlite":
            return BenchStore(kind, f"sqlite:///{copy}")
        store = self.empty(kind, f"{name}_sealed")
        load_into_postgres(copy, store.url)
        return store

    def record(self, kind: str, name: str, cached: Path) -> BenchStore:
        """A store holding the cached record: a copy of the file, or the same
        events and snapshots, in the same order, in a PostgreSQL schema."""
        store = self.empty(kind, name)
        if kind == "sqlite":
            copy_store(cached, Path(store.url.removeprefix("sqlite:///")))
            return store
        load_postgres(cached, store)
        return store


def load_postgres(cached: Path, store: BenchStore) -> None:
    """Copy the SQLite record into the (empty) PostgreSQL store, keeping the
    order of the log."""
    load_into_postgres(cached, store.url)


@contextmanager
def stores(postgres: str | None) -> Iterator[Stores]:
    made = Stores(postgres)
    try:
        yield made
    finally:
        made.close()
