"""Store URLs that name no store a record can be kept in, or that carry a
secret: each refused with exit 2 and one line before anything is created, and a
password never shown."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
import structlog

from adapters.cli import main
from adapters.logging import configure_logging
from adapters.store import parse_store_url
from tests.importing import EXAMPLE
from tests.reliability.helpers import Invoked, invoke, one_line_error

IN_MEMORY = [
    "sqlite:///:memory:",
    "sqlite:///file::memory:?cache=shared",
    "sqlite:///file::memory:",
    "sqlite:///file:record?mode=memory&cache=shared",
    "sqlite:///record.db?mode=memory",
    "sqlite:///folder/:memory:",
]
"""SQLite databases that live in the memory of one process, and are gone
with it: an import would say what it applied, and keep nothing."""

SQLITE_URIS = ["sqlite:///file:record.db", "sqlite:///file:record.db?mode=ro"]
"""SQLite URIs: the library opens them as URIs, not as the file they name."""


def commands(folder: Path) -> list[list[str]]:
    return [
        ["import", str(EXAMPLE)],
        ["establish-body", "egm", "--name", "E", "--on", "2020-01-01"],
        ["calendar", "--json"],
        ["projections", "rebuild"],
        ["site", "build", "--out", str(folder / "site")],
    ]


@pytest.mark.parametrize("url", IN_MEMORY + SQLITE_URIS)
def test_an_sqlite_store_that_is_not_a_file_is_refused(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    for args in commands(tmp_path):
        ran = invoke(*args, store=url)
        assert ran.code == 2, (args, ran.err)
        message = one_line_error(ran.err)
        assert url in message, message
        reason = "in memory" if url in IN_MEMORY else "an SQLite URI"
        assert reason in message, message
        assert ran.out == ""
    # Nothing written: no file, no folder.
    assert [p.name for p in tmp_path.rglob("*")] == ["folder"]


# Passwords.

PASSWORD = "S3cr3tPW"
"""A password given in store URLs: never shown, in any message or log line."""


MALFORMED = {
    "port out of range": f"postgresql://u:{PASSWORD}@h:99999/db",
    "port not a number": f"postgresql://u:{PASSWORD}@h:5x/db",
    "no host": f"postgresql://u:{PASSWORD}@/db",
    "no database": f"postgresql://u:{PASSWORD}@h:5432",
    "not an IPv6 address": f"postgresql://u:{PASSWORD}@[::1/db",
    "unknown scheme": f"postgresq://u:{PASSWORD}@h/db",
    "control character": f"postgresql://u:{PASSWORD}@h/db\x01",
    "encoded password": f"postgresql://u:{PASSWORD}%2F%40@h:99999/db",
    "password holding a slash": f"postgresql://u:{PASSWORD}/x@h:99999/db",
    "password holding a hash": f"postgresql://u:{PASSWORD}#x@h:99999/db",
}
"""Store URLs holding PASSWORD that name no store: refused at once."""


def unreachable(server: str | None) -> dict[str, str]:
    """Store URLs holding PASSWORD whose server cannot be used (each costs
    the connect timeout, 5 s)."""
    urls = {
        "nobody listening": f"postgresql://u:{PASSWORD}@127.0.0.1:9/db",
        "no such host": f"postgresql://u:{PASSWORD}@no-such-host.invalid/db",
    }
    if server is not None:
        parts = urlsplit(server)
        host = parts.netloc.rpartition("@")[2]
        listening = f"{parts.scheme}://{parts.username}:{PASSWORD}@{host}"
        urls |= {
            "no such schema": f"{listening}{parts.path}?schema=no_such_schema",
            "no such database": f"{listening}/no_such_database_here",
        }
    return urls


COMMANDS = [
    ["establish-body", "egm", "--name", "E", "--on", "2020-01-01"],
    ["calendar", "--json"],
    ["history", "egm", "1"],
    ["import", str(EXAMPLE)],
    ["projections", "rebuild"],
]


@pytest.mark.parametrize("log_json", [False, True], ids=["log", "json log"])
def test_a_password_in_a_malformed_store_url_is_never_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, log_json: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    shown = []  # (why, command, exit code, standard error) of each wrong answer
    for why, url in MALFORMED.items():
        for args in COMMANDS:
            ran = logged(url, args, log_json=log_json)
            if ran.code != 2 or PASSWORD in ran.out + ran.err:
                shown.append((why, args[0], ran.code, ran.err))
            elif why not in ("unknown scheme", "control character"):
                assert "postgresql://u:***@" in ran.err, ran.err
    assert not shown, "\n".join(map(str, shown))


def test_a_password_in_the_url_of_a_store_that_cannot_be_used_is_never_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import postgres_url

    monkeypatch.chdir(tmp_path)
    shown = []
    for why, url in unreachable(postgres_url()).items():
        ran = logged(url, COMMANDS[0], log_json=False)
        if ran.code != 4 or PASSWORD in ran.out + ran.err:
            shown.append((why, ran.code, ran.err))
    assert not shown, "\n".join(map(str, shown))


def test_a_store_is_shown_without_its_password() -> None:
    store = parse_store_url(f"postgresql://u:{PASSWORD}@h:5433/db?schema=s")
    assert store.label == "postgresql://u@h:5433/db?schema=s"
    assert PASSWORD not in repr(store)


def logged(url: str, args: list[str], *, log_json: bool) -> Invoked:
    """Run `secretariat ARGS --store URL` in this process with its log line,
    at the most talkative level, written to standard error as a user sees it."""
    structlog.reset_defaults()
    configure_logging(json=log_json, level="debug")
    out, err = io.StringIO(), io.StringIO()
    code: object = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(["--store", url, *(["--log-json"] if log_json else []), *args])
        except SystemExit as exit_:
            code = exit_.code
    structlog.reset_defaults()
    return Invoked(code if isinstance(code, int) else 1, out.getvalue(), err.getvalue())


# PostgreSQL schema names.

QUOTED_SCHEMAS = [
    "RT_Upper",  # upper case: PostgreSQL folds an unquoted name to rt_upper
    "rt x",
    "rt-x",
    'rt"x',
    "1rt",
    "rté",
    "select",  # a keyword
    "user",
    "rt$x",  # PostgreSQL allows it unquoted, the SQL standard does not
    "x" * 64,  # longer than PostgreSQL keeps
]
"""Schema names that PostgreSQL reads as written only when quoted."""


def tables_in(server: str, schema: str) -> list[str]:
    import psycopg

    with psycopg.connect(server) as connection:
        rows = connection.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = %s ORDER BY 1",
            (schema,),
        ).fetchall()
    return [row[0] for row in rows]


@pytest.mark.postgres
@pytest.mark.parametrize("schema", QUOTED_SCHEMAS)
def test_a_schema_name_that_needs_quoting_is_refused_before_anything_is_created(
    schema: str, tmp_path: Path
) -> None:
    import psycopg
    from psycopg.sql import SQL, Identifier

    from tests.conftest import requires_postgres

    server = requires_postgres()
    kept = schema[:63]  # as PostgreSQL keeps it
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(SQL("CREATE SCHEMA {}").format(Identifier(kept)))
    try:
        url = f"{server}?{urlencode({'schema': schema})}"
        for args in COMMANDS:
            ran = invoke(*args, store=url)
            assert ran.code == 2, (args, ran.err)
            message = one_line_error(ran.err)
            assert f"the schema {schema!r}" in message, message
            assert ran.out == ""
        assert tables_in(server, kept) == []
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(SQL("DROP SCHEMA {} CASCADE").format(Identifier(kept)))


@pytest.mark.postgres
@pytest.mark.parametrize("schema", ["rt_lower", "_rt2", "r" * 63, "username"])
def test_a_schema_name_as_postgresql_reads_it_unquoted_is_used(
    schema: str, tmp_path: Path
) -> None:
    import psycopg
    from psycopg.sql import SQL, Identifier

    from tests.conftest import requires_postgres

    server = requires_postgres()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(SQL("CREATE SCHEMA {}").format(Identifier(schema)))
    try:
        url = f"{server}?{urlencode({'schema': schema})}"
        ran = invoke("import", str(EXAMPLE), store=url)
        assert ran.code == 0, ran.err
        assert "87 applied" in ran.out
        assert "secretariat_events" in tables_in(server, schema)
        assert invoke("calendar", "--json", store=url).code == 0
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(SQL("DROP SCHEMA {} CASCADE").format(Identifier(schema)))


@pytest.mark.postgres
def test_every_keyword_the_server_reads_only_quoted_is_known() -> None:
    import psycopg

    from adapters.store import QUOTED_KEYWORDS
    from tests.conftest import requires_postgres

    with psycopg.connect(requires_postgres()) as connection:
        rows = connection.execute(
            "SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'"
        ).fetchall()
    assert {row[0] for row in rows} <= QUOTED_KEYWORDS
