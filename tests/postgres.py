"""The PostgreSQL server the tests and the benchmark use, found the same way
by both: `$SECRETARIAT_TEST_POSTGRES` when set (as CI sets it), else the local
server on 127.0.0.1:5432 when one answers."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

POSTGRES_VARIABLE = "SECRETARIAT_TEST_POSTGRES"
LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"


class PostgresMissingError(Exception):
    """Raised when the server `$SECRETARIAT_TEST_POSTGRES` names does not
    answer: a silent skip would hide a broken CI."""


def find_postgres() -> str | None:
    """The server's URL, or None when it is not configured and none answers
    locally. Raises `PostgresMissingError` when the configured one is silent."""
    configured = os.environ.get(POSTGRES_VARIABLE)
    url = configured or LOCAL_POSTGRES
    parts = urlsplit(url)
    try:
        socket.create_connection(
            (parts.hostname or "127.0.0.1", parts.port or 5432), timeout=1
        ).close()
    except OSError as error:
        if configured:
            raise PostgresMissingError(
                f"{POSTGRES_VARIABLE}={configured} does not answer: {error}"
            ) from None
        return None
    return url


@contextmanager
def fresh_schema(server: str) -> Iterator[str]:
    """A store URL on `server` in an empty schema of its own, dropped on leaving."""
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{server}?schema={schema}"
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")
