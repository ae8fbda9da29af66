"""What the reliability tests share: running the CLI in-process (fast enough
for thousands of cases), reading a store's raw state, comparing views."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs
import structlog

from adapters.bootstrap import open_secretariat, open_views
from adapters.cli import main
from adapters.logging import configure_logging
from adapters.store import parse_store_url


@attrs.frozen
class Invoked:
    code: int
    out: str
    err: str


_OUT, _ERR = io.StringIO(), io.StringIO()
"""The streams every in-process command writes to, emptied before each: click
keeps, for each stream it has written to, a wrapper that holds the stream, for
as long as the process lives; a new stream per command would keep every
command's output (gigabytes, over thousands of generated cases)."""


def invoke(*args: str, store: str, actor: str = "test officer") -> Invoked:
    """Run `secretariat ARGS --store STORE` in this process, as `main` runs it
    for a user: its exit code, standard output and standard error (the log
    line is left out, so that standard error holds only what the command says)."""
    if not structlog.is_configured():
        configure_logging(level="critical")
    out, err = _OUT, _ERR
    for stream in (out, err):
        stream.seek(0)
        stream.truncate()
    code: Any = 0
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        _environment(SECRETARIAT_ACTOR=actor),
    ):
        try:
            main(["--store", store, *args])
        except SystemExit as exit_:
            code = exit_.code
    return Invoked(code if isinstance(code, int) else 1, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    import os

    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def one_line_error(err: str) -> str:
    """The one line a failed command wrote: `error: ...`, and nothing else
    (no traceback, no second line)."""
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err[:2000]
    assert lines[0].startswith("error: "), err[:2000]
    return lines[0].removeprefix("error: ")


def json_answer(*args: str, store: str) -> Any:
    ran = invoke(*args, "--json", store=store)
    assert ran.code == 0, ran.err
    return json.loads(ran.out)


# The store as it is on disk or on the server.


def store_state(store: str) -> tuple[int, int]:
    """(number of stored events, last notification id), read with plain SQL."""
    parsed = parse_store_url(store)
    if parsed.path is not None:
        with contextlib.closing(
            sqlite3.connect(f"file:{parsed.path}?mode=ro", uri=True)
        ) as connection:
            row = connection.execute(
                "SELECT COUNT(*), COALESCE(MAX(rowid), 0) FROM stored_events"
            ).fetchone()
            return int(row[0]), int(row[1])
    import psycopg

    with psycopg.connect(server_url(store)) as connection:
        row = connection.execute(
            "SELECT COUNT(*), COALESCE(MAX(notification_id), 0) "
            f"FROM {schema_of(store)}.secretariat_events"
        ).fetchone()
        assert row is not None
        return int(row[0]), int(row[1])


def tables_of(store: str) -> list[str]:
    """The tables the store holds: none when it does not exist."""
    parsed = parse_store_url(store)
    if parsed.path is not None:
        if not parsed.path.exists():
            return []
        with contextlib.closing(
            sqlite3.connect(f"file:{parsed.path}?mode=ro", uri=True)
        ) as connection:
            rows = connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            ).fetchall()
        return sorted(str(row[0]) for row in rows)
    import psycopg

    with psycopg.connect(server_url(store)) as connection:
        rows = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (schema_of(store),),
        ).fetchall()
    return sorted(str(row[0]) for row in rows)


def server_url(store: str) -> str:
    """A PostgreSQL store URL without its `?schema=`."""
    return store.partition("?")[0]


def schema_of(store: str) -> str:
    return parse_qs(urlsplit(store).query).get("schema", ["public"])[-1]


def views_match_a_rebuild(store: str) -> dict[str, list[tuple[Any, ...]]]:
    """Catch the views up, then check that every row equals what a rebuild
    from the first event gives; return the rows."""
    parsed = parse_store_url(store)
    secretariat = open_secretariat(parsed, create=False)
    try:
        views = open_views(parsed, secretariat)
        views.catch_up()
        caught_up = views.dump()
        views.rebuild()
        rebuilt = views.dump()
        assert caught_up == rebuilt
        return rebuilt
    finally:
        secretariat.close()


def assert_contract(expected: Any, actual: Any, where: str = "answer") -> None:
    """`actual` keeps every key and value of `expected` (later versions may add
    keys, never rename or drop one, nor change a value)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{where}: {key!r} is missing"
            assert_contract(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: {actual!r}"
        assert len(actual) == len(expected), f"{where}: {len(actual)} items"
        for index, (e, a) in enumerate(zip(expected, actual, strict=True)):
            assert_contract(e, a, f"{where}[{index}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"
