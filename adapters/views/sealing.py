"""The views' text, encrypted with the store's key: with `$SECRETARIAT_CIPHER_KEY`
set, every column of a view that holds the record's own words (titles, venues,
reasons, actors, submitters, references, body codes) is stored encrypted, as
the events are, so that nothing of the record is readable without the key.

Two keys are derived from the store's key (HKDF-SHA256), one per use:

- a text column is encrypted with AES-256-GCM under a random nonce, so that
  the same title in two rows is stored as two different texts;
- the body code, by which the queries look rows up, is encrypted with AES-SIV
  (RFC 5297), which gives the same text for the same code: a query looks a
  body's rows up by its encrypted code, through the column's index. Who
  holds the file can tell which rows belong to the same body, never which
  body.

Each encrypted value is bound to its column's name (the associated data), so
that a value moved into another column does not decrypt. Dates, numbers,
yes-or-no columns, statuses, formats, event names and record ids stay as they
are: the queries sort, filter and join on them (and they are the events'
too: their topics and ids are not encrypted either).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Generic

from adapters.views.tables import R, Table

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV

SEALED_COLUMNS = frozenset(
    {
        "title",
        "titles",
        "venue",
        "reason",
        "postponement_reason",
        "cancellation_reason",
        "announced_in",
        "actor",
        "submitter",
        "reference",
        # The outbox: who is told, and what.
        "email",
        "name",
        "delegation",
        "changes",
        "session",
        "last_error",
    }
)
"""The columns of the record's own words, encrypted with a random nonce."""

LOOKUP_COLUMNS = frozenset({"body", "address"})
"""The columns the queries look rows up by, encrypted the same way each time."""

CLEAR_COLUMNS = frozenset(
    {
        "struck_at",
        "session_id",
        "workplan_id",
        "start",
        "end",
        "last_start",
        "last_end",
        "original_start",
        "original_end",
        "from_start",
        "from_end",
        "to_start",
        "to_end",
        "report_adopted_on",
        "effective_on",
        "recorded_at",
        "adopted_on",
        "requested_on",
        "requested_at",
        "received_on",
        "original_deadline",
        "deadline",
        "previous",
        "to",
        "period",
        "format",
        "status",
        "event",
        "submitter_kind",
        # The outbox: ids, a language's code, moments.
        "list_id",
        "message",
        "about",
        "language",
        "due_at",
        "sent_at",
    }
)
"""The text columns left as they are: dates and moments (ISO text), periods
of years, record ids, and the names of statuses, formats, kinds of submitter
and events, which the queries compare and which say nothing the events'
topics and ids do not."""

NONCE_BYTES = 12


class ViewCipher:
    """Encrypts and decrypts the views' text with keys derived from the store's."""

    def __init__(self, key: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV

        self._text: AESGCM = AESGCM(_derived(key, b"secretariat views: text", 32))
        self._lookup: AESSIV = AESSIV(_derived(key, b"secretariat views: lookup", 64))
        self._opened: dict[str, str] = {}
        self._sealed_codes: dict[tuple[str, bytes], str] = {}

    @classmethod
    def from_base64(cls, key: str) -> ViewCipher:
        return cls(base64.b64decode(key))

    def seal(self, text: str, column: bytes) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._text.encrypt(nonce, text.encode(), column)
        return base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, sealed: str, column: bytes) -> str:
        raw = base64.b64decode(sealed)
        opened = self._text.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], column)
        return opened.decode()

    def seal_code(self, code: str, column: bytes) -> str:
        """`code` encrypted the same way each time (a lookup key)."""
        known = self._sealed_codes.get((code, column))
        if known is None:
            raw = self._lookup.encrypt(code.encode(), [column])
            known = base64.b64encode(raw).decode("ascii")
            self._sealed_codes[(code, column)] = known
            self._opened[known] = code
        return known

    def open_code(self, sealed: str, column: bytes) -> str:
        known = self._opened.get(sealed)
        if known is None:
            known = self._lookup.decrypt(base64.b64decode(sealed), [column]).decode()
            self._opened[sealed] = known
            self._sealed_codes[(known, column)] = sealed
        return known


def _derived(key: bytes, purpose: bytes, length: int) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=length, salt=None, info=purpose
    ).derive(key)


class TableCodec(Generic[R]):
    """A table's rows as the store keeps them: their text columns encrypted
    when the views have a cipher, and as they are when not."""

    def __init__(self, table: Table[R], cipher: ViewCipher | None) -> None:
        self.table = table
        self.cipher = cipher
        columns = table.columns
        unknown = {
            column
            for column in columns
            if table.types[column].startswith("str")
            and column not in SEALED_COLUMNS | LOOKUP_COLUMNS | CLEAR_COLUMNS
        }
        if unknown:
            raise ValueError(
                f"{table.name}: say whether {sorted(unknown)} are encrypted "
                "(adapters.views.sealing)"
            )
        self.sealed = tuple(
            (i, column.encode())
            for i, column in enumerate(columns)
            if column in SEALED_COLUMNS
        )
        self.lookups = tuple(
            (i, column.encode())
            for i, column in enumerate(columns)
            if column in LOOKUP_COLUMNS
        )

    def encode(self, rows: Iterable[R]) -> list[tuple[Any, ...]]:
        """Rows as plain tuples (which the drivers bind faster than named
        ones), their text encrypted."""
        cipher = self.cipher
        if cipher is None:
            return [tuple(row) for row in rows]
        encoded = []
        for row in rows:
            values = list(row)
            for i, column in self.sealed:
                value = values[i]
                if value is not None:
                    values[i] = cipher.seal(value, column)
            for i, column in self.lookups:
                value = values[i]
                if value is not None:
                    values[i] = cipher.seal_code(value, column)
            encoded.append(tuple(values))
        return encoded

    def decode(self, records: Iterable[Sequence[Any]]) -> list[R]:
        """The rows of records read from the store, their text decrypted."""
        cipher = self.cipher
        if cipher is None:
            return self.table.rows(records)
        opened = []
        for record in records:
            values = list(record)
            for i, column in self.sealed:
                value = values[i]
                if value is not None:
                    values[i] = cipher.open(value, column)
            for i, column in self.lookups:
                value = values[i]
                if value is not None:
                    values[i] = cipher.open_code(value, column)
            opened.append(values)
        return self.table.rows(opened)


def lookup_value(cipher: ViewCipher | None, column: str, value: str) -> str:
    """`value` as the views keep it in `column`, to look rows up by."""
    if cipher is None or column not in LOOKUP_COLUMNS:
        return value
    return cipher.seal_code(value, column.encode())


def view_cipher() -> ViewCipher | None:
    """The cipher of the views, with `$SECRETARIAT_CIPHER_KEY`; None without."""
    from adapters.store import cipher_settings

    key = cipher_settings().get("CIPHER_KEY")
    return None if key is None else ViewCipher.from_base64(key)
