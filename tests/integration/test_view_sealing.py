"""The views' rows as a store with a key keeps them: every text column of the
record's words encrypted (a new text each time), body codes encrypted the
same way each time (to look rows up by), dates and numbers as they are."""

from __future__ import annotations

import base64
import os
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag

from adapters.views.sealing import (
    CLEAR_COLUMNS,
    LOOKUP_COLUMNS,
    SEALED_COLUMNS,
    TableCodec,
    ViewCipher,
    lookup_value,
)
from adapters.views.tables import CALENDAR, DEADLINES, Table

TABLES = [*CALENDAR.tables, *DEADLINES.tables]


def sample_row(table: Table[Any]) -> Any:
    values: list[Any] = []
    for column in table.columns:
        kind = table.types[column]
        if kind.startswith("str"):
            values.append(f"{column} of the record, naïve ✓")
        elif kind.startswith("int"):
            values.append(7)
        else:
            values.append(True)
    return table.row._make(values)


@pytest.fixture
def cipher() -> ViewCipher:
    return ViewCipher(os.urandom(32))


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_a_row_is_stored_with_its_words_encrypted_and_read_back_whole(
    table: Table[Any], cipher: ViewCipher
) -> None:
    codec = TableCodec(table, cipher)
    row = sample_row(table)
    (stored,) = codec.encode([row])
    for column, value, kept in zip(table.columns, row, stored, strict=True):
        if column in SEALED_COLUMNS | LOOKUP_COLUMNS:
            assert kept != value
            assert "record" not in kept
        else:
            assert kept == value, column
    assert codec.decode([stored]) == [row]


def test_the_same_text_is_stored_differently_each_time_and_a_body_code_alike(
    cipher: ViewCipher,
) -> None:
    codec = TableCodec(CALENDAR.tables[0], cipher)
    row = sample_row(CALENDAR.tables[0])
    first, second = codec.encode([row, row])
    columns = CALENDAR.tables[0].columns
    assert first[columns.index("title")] != second[columns.index("title")]
    assert first[columns.index("body")] == second[columns.index("body")]
    assert first[columns.index("body")] == lookup_value(cipher, "body", row.body)


def test_a_value_moved_to_another_column_or_read_with_another_key_is_refused(
    cipher: ViewCipher,
) -> None:
    sealed = cipher.seal("Vienna, Austria", b"venue")
    assert cipher.open(sealed, b"venue") == "Vienna, Austria"
    with pytest.raises(InvalidTag):
        cipher.open(sealed, b"title")
    with pytest.raises(InvalidTag):
        ViewCipher(os.urandom(32)).open(sealed, b"venue")
    assert len(base64.b64decode(sealed)) == 12 + len("Vienna, Austria") + 16


def test_without_a_key_rows_are_stored_as_they_are() -> None:
    table = CALENDAR.tables[0]
    row = sample_row(table)
    codec = TableCodec(table, None)
    assert codec.encode([row]) == [tuple(row)]
    assert lookup_value(None, "body", "egm") == "egm"


def test_every_text_column_of_every_view_is_said_to_be_encrypted_or_not() -> None:
    text_columns = {
        column
        for table in TABLES
        for column in table.columns
        if table.types[column].startswith("str")
    }
    assert text_columns <= SEALED_COLUMNS | LOOKUP_COLUMNS | CLEAR_COLUMNS
    assert not SEALED_COLUMNS & CLEAR_COLUMNS
    assert not LOOKUP_COLUMNS & CLEAR_COLUMNS
