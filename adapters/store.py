"""Where the record is kept: store URLs, the settings that open a store, the
key that encrypts it, and what to say when it cannot be used. The Secretariat
and its views are built from them by the composition root (`adapters.bootstrap`).
"""

from __future__ import annotations

import base64
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

if TYPE_CHECKING:
    from eventsourcing.persistence import Cipher

    from application.secretariat import Secretariat

DEFAULT_STORE = "sqlite:///secretariat.db"
CIPHER_KEY_VARIABLE = "SECRETARIAT_CIPHER_KEY"
"""The key that encrypts the events (AES-256-GCM), made by `secretariat keygen`."""
CIPHER_TOPIC = "eventsourcing.cryptography:AESCipher"
"""The library's AES-GCM cipher, on the `cryptography` package."""
SQLITE_LOCK_TIMEOUT_SECONDS = 60
"""How long a writer waits for another writer's transaction on the same SQLite
file before giving up: long enough that a busy store is never shown to an
officer as 'database is locked'."""


class StoreUrlError(ValueError):
    """Raised when a store URL names no store this version can use."""


class CipherKeyError(ValueError):
    """Raised when `$SECRETARIAT_CIPHER_KEY` holds no key a cipher can use."""


class StoreKeyError(Exception):
    """Raised when the store's events cannot be read with the key given (or
    without one): encrypted with another key, encrypted when no key is given,
    or not encrypted when one is."""


class StoreUnavailableError(Exception):
    """Raised when the store cannot be reached, read or created."""


@dataclass(frozen=True)
class Store:
    """A parsed store URL: the kind of store, and the settings that open it.
    (A dataclass: a query starts without importing attrs.)"""

    url: str = field(repr=False)  # may hold a password: never shown
    kind: str
    settings: dict[str, str] = field(repr=False)
    path: Path | None = None

    @property
    def exists(self) -> bool:
        """Whether there is anything to read (a server answers for itself)."""
        return self.path is None or self.path.is_file()

    @property
    def label(self) -> str:
        """The store as an officer names it: the file, or the URL without
        password (with its schema, when one is named)."""
        if self.path is not None:
            return str(self.path)
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        user = f"{parts.username}@" if parts.username else ""
        schema = self.settings.get("POSTGRES_SCHEMA")
        query = f"?schema={schema}" if schema else ""
        return f"{parts.scheme}://{user}{host}{port}{parts.path}{query}"


def parse_store_url(url: str) -> Store:
    """Read `sqlite:///PATH`, `sqlite:////ABSOLUTE/PATH` or
    `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?schema=NAME]`. A URL that
    names no store is refused, shown without its password."""
    if not url.isprintable():
        raise StoreUrlError(
            f"the store URL {shown_url(url)!r} holds a control character"
        )
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if not path or path.endswith("/"):
            raise StoreUrlError(f"the store URL {url!r} names no file")
        _check_sqlite_file(url, path)
        return Store(
            url=url,
            kind="sqlite",
            path=Path(path),
            settings={
                "PERSISTENCE_MODULE": "adapters.sqlite:Factory",
                "SQLITE_DBNAME": path,
                "SQLITE_LOCK_TIMEOUT": str(SQLITE_LOCK_TIMEOUT_SECONDS),
            },
        )
    if url.startswith(("postgresql://", "postgres://")):
        return _postgres_store(url)
    raise StoreUrlError(
        f"the store URL {shown_url(url)!r} is neither sqlite:///PATH "
        "nor postgresql://USER@HOST:PORT/DB"
    )


def shown_url(url: str) -> str:
    """`url` as it may be shown: its password, if any, written `***`. The
    password is taken as broadly as can be (up to the last `@`), so that one
    holding a character a URL reserves is hidden too."""
    if url.startswith("sqlite:///"):
        return url
    scheme, separator, rest = url.partition("://")
    userinfo, at, after = rest.rpartition("@")
    if not (separator and at and ":" in userinfo):
        return url
    return f"{scheme}://{userinfo.partition(':')[0]}:***@{after}"


def without_password(text: str, url: str) -> str:
    """`text` (a message, a reason given by a driver) with the password of
    the store `url` written `***` wherever it appears, as given or decoded."""
    if url.startswith("sqlite:///"):
        return text
    userinfo, at, _ = url.partition("://")[2].rpartition("@")
    password = userinfo.partition(":")[2] if at else ""
    for form in sorted({password, unquote(password)} - {""}, key=len, reverse=True):
        text = text.replace(form, "***")
    return text


def _check_sqlite_file(url: str, path: str) -> None:
    """Refuse an SQLite name that is not a plain file's: the library opens
    every name as SQLite's URIs allow, and takes any name holding `:memory:`
    or `mode=memory` for a database in the memory of one process, which
    keeps nothing once the command ends (an import would say what it
    applied, and keep none of it)."""
    if ":memory:" in path or "mode=memory" in path:
        raise StoreUrlError(
            f"the store URL {url!r} names a database in memory, which keeps "
            "nothing once the command ends: name a file, sqlite:///PATH"
        )
    if path.startswith("file:"):
        raise StoreUrlError(
            f"the store URL {url!r} holds an SQLite URI (file:...), not a "
            "file's name: name the file itself, sqlite:///PATH"
        )


def _postgres_store(url: str) -> Store:
    shown = shown_url(url)
    try:
        parts = urlsplit(url)
    except ValueError as error:  # a host in brackets that is no IPv6 address
        raise StoreUrlError(f"the store URL {shown!r} is not a URL: {error}") from None
    try:
        port = parts.port or 5432
    except ValueError:
        raise StoreUrlError(
            f"the store URL {shown!r} has a port that is not a number from 1 to 65535"
        ) from None
    database = unquote(parts.path.lstrip("/"))
    if not (parts.hostname and parts.username and database):
        raise StoreUrlError(
            f"the store URL {shown!r} needs a user, a host and a database: "
            "postgresql://USER@HOST:PORT/DB"
        )
    settings = {
        "PERSISTENCE_MODULE": "adapters.postgres:Factory",
        "POSTGRES_DBNAME": database,
        "POSTGRES_HOST": parts.hostname,
        "POSTGRES_PORT": str(port),
        "POSTGRES_USER": unquote(parts.username),
        "POSTGRES_PASSWORD": unquote(parts.password or ""),
        "POSTGRES_CONNECT_TIMEOUT": "5",
        "POSTGRES_POOL_SIZE": "1",
        "POSTGRES_MAX_OVERFLOW": "4",
    }
    schema = parse_qs(parts.query).get("schema")
    if schema:
        settings["POSTGRES_SCHEMA"] = _plain_schema(shown, schema[-1])
    return Store(url=url, kind="postgresql", settings=settings)


PLAIN_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
"""A PostgreSQL name read as written without quotes: lower-case ASCII letters,
digits and underscores, not starting with a digit, at most 63 bytes."""

_QUOTED_KEYWORDS = """
    all analyse analyze and any array as asc asymmetric authorization between bigint
    binary bit boolean both case cast char character check coalesce collate
    collation column concurrently constraint create cross current_catalog
    current_date current_role current_schema current_time current_timestamp
    current_user dec decimal default deferrable desc distinct do else end except
    exists extract false fetch float for foreign freeze from full grant greatest
    group grouping having ilike in initially inner inout int integer intersect
    interval into is isnull join json json_array json_arrayagg json_exists
    json_object json_objectagg json_query json_scalar json_serialize json_table
    json_value lateral leading least left like limit localtime localtimestamp
    merge_action national natural nchar none normalize not notnull null nullif
    numeric offset on only or order out outer overlaps overlay placing position
    precision primary real references returning right row select session_user setof
    similar smallint some substring symmetric system_user table tablesample then
    time timestamp to trailing treat trim true union unique user using values
    varchar variadic verbose when where window with xmlattributes xmlconcat
    xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize
    xmltable
"""
QUOTED_KEYWORDS = frozenset(_QUOTED_KEYWORDS.split())
"""PostgreSQL's keywords that are not unreserved (`pg_get_keywords()`, catcode
R, T or C, up to version 17): a schema of one of these names must be quoted."""


def _plain_schema(shown: str, schema: str) -> str:
    """`schema`, when PostgreSQL reads it as written without quotes.

    A name that needs quoting (`RT_Upper`, `rt x`, `select`) is refused
    before anything is created, rather than quoted: the library quotes it in
    most of its statements but not where it looks up the store's row type,
    so that every write failed after the tables were created; and whoever
    reads the store with SQL (a report, a backup script) would have to quote
    it too. An unquoted `RT_Upper` is `rt_upper` to PostgreSQL: a name that
    needs quoting is easily taken for another schema."""
    if PLAIN_NAME.fullmatch(schema) and schema not in QUOTED_KEYWORDS:
        return schema
    raise StoreUrlError(
        f"the store URL {shown!r} names the schema {schema!r}, which PostgreSQL "
        "reads as written only when quoted: a schema name is lower-case letters "
        "(a-z), digits and underscores, not starting with a digit, at most 63 "
        "characters, and not an SQL keyword"
    )


def store_url(given: str | None = None) -> str:
    """The store to use: the one given, else `$SECRETARIAT_STORE`, else the default."""
    return given or os.environ.get("SECRETARIAT_STORE") or DEFAULT_STORE


TRANSCODER_SETTINGS = {"TRANSCODER_TOPIC": "adapters.transcoder:OrjsonTranscoder"}
"""The transcoder the Secretariat writes and reads its events with: the
library's stored form, written and read by orjson."""


def application_settings(store: Store) -> dict[str, str]:
    """The library's settings for the Secretariat on `store`: the store's own,
    the transcoder's (`adapters.transcoder`), and the cipher's when
    `$SECRETARIAT_CIPHER_KEY` is set."""
    return {**store.settings, **TRANSCODER_SETTINGS, **cipher_settings()}


def cipher_settings() -> dict[str, str]:
    """The library's settings that encrypt events with `$SECRETARIAT_CIPHER_KEY`,
    or none when it is not set."""
    key = os.environ.get(CIPHER_KEY_VARIABLE, "").strip()
    if not key:
        return {}
    try:
        size = len(base64.b64decode(key, validate=True))
    except ValueError:
        size = 0
    if size not in (16, 24, 32):
        raise CipherKeyError(
            f"${CIPHER_KEY_VARIABLE} is not a key: a key is 16, 24 or 32 bytes "
            "written in base64, as `secretariat keygen` prints it"
        )
    return {"CIPHER_TOPIC": CIPHER_TOPIC, "CIPHER_KEY": key}


def cipher_key() -> bytes | None:
    """The key of `$SECRETARIAT_CIPHER_KEY`, checked, or None when it is not set."""
    settings = cipher_settings()
    return base64.b64decode(settings["CIPHER_KEY"]) if settings else None


def new_cipher_key() -> str:
    """A new random key for `$SECRETARIAT_CIPHER_KEY` (256 bits, base64)."""
    from eventsourcing.cryptography import AESCipher

    return AESCipher.create_key(32)


def check_key(secretariat: Secretariat, store: Store) -> None:
    """Make sure the store's events are readable with the key given, or without
    one, by reading its first event: a store is encrypted from its first event
    or not at all, so a command never writes plaintext into an encrypted store,
    nor encrypted events into a plain one. A store that holds no event yet is
    decided by its first write: each write of this command checks, under the
    store's write lock, the first event that another may have written since
    (`adapters.recorders.FirstWriteDecides`)."""
    from functools import partial

    from adapters.recorders import FirstWriteDecides

    recorder = secretariat.recorder
    check = partial(check_first_state, secretariat.mapper.cipher, store.label)
    first = recorder.select_notifications(start=None, limit=1)
    if first:
        check(first[0].state)
    elif isinstance(recorder, FirstWriteDecides):
        recorder.check_first_state = check


def check_first_state(cipher: Cipher | None, label: str, state: bytes) -> None:
    """Refuse a store whose first event's `state` the `cipher` (None: no key)
    did not write."""
    if cipher is None:
        if not is_plain_json(state):
            raise StoreKeyError(
                f"the events in {label} are encrypted: set "
                f"${CIPHER_KEY_VARIABLE} to the key they were written with"
            )
        return
    try:
        cipher.decrypt(state)
    except ValueError:
        if is_plain_json(state):
            raise StoreKeyError(
                f"the events in {label} are not encrypted, but "
                f"${CIPHER_KEY_VARIABLE} is set: unset it to use this store "
                "(a store is encrypted from its first event, or not at all)"
            ) from None
        raise StoreKeyError(
            f"the events in {label} cannot be decrypted with the key in "
            f"${CIPHER_KEY_VARIABLE}: it is not the key they were written with"
        ) from None


def is_plain_json(state: bytes) -> bool:
    """Whether a stored event's state is the transcoder's JSON, as written
    without a cipher (an enciphered state is not)."""
    import json

    try:
        json.loads(state)
    except ValueError:
        return False
    return True


def describe_store_error(store: Store, error: BaseException) -> str:
    """One line saying which store failed and why (never its password)."""
    reason = str(error) or type(error).__name__
    if store.kind == "postgresql" and "couldn't get a connection" in reason:
        from adapters.postgres import why_unreachable

        reason = f"{reason}: {why_unreachable(store.settings) or 'it answers now'}"
    reason = without_password(" ".join(reason.split()), store.url)
    return f"the store at {store.label} cannot be used: {reason}"
