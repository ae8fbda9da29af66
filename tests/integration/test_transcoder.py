"""The Secretariat's transcoder stores what the library's JSON transcoder
stores, byte for byte, and reads what it reads: orjson only makes it quicker.

Every comparison is with the library's own `JSONTranscoder` holding the same
transcodings, on values of every kind, on the events of the checked-in stores
and on the values orjson would write or read otherwise (where the library's
encoder or decoder answers instead)."""

from __future__ import annotations

import json
import math
import sqlite3
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    TranscodingNotRegisteredError,
    UUIDAsHex,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from adapters.transcoder import NOT_READ, OrjsonTranscoder, loads
from application.transcodings import register_domain_transcodings
from tests.integration.test_transcodings import SAMPLES

FIXTURES = Path(__file__).parent.parent / "fixtures"


def registered(transcoder: JSONTranscoder) -> JSONTranscoder:
    """`transcoder` with the transcodings the Secretariat registers."""
    for transcoding in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO()):
        transcoder.register(transcoding)
    register_domain_transcodings(transcoder)
    return transcoder


LIBRARY = registered(JSONTranscoder())
OURS = registered(OrjsonTranscoder())


def outcome(action: Any) -> tuple[str, Any]:
    """What `action()` gives, or the class of what it raises."""
    try:
        return "value", action()
    except Exception as error:  # compared, not hidden: both must raise it
        return "raised", type(error)


texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
values = st.one_of(
    st.sampled_from(list(SAMPLES.values())),
    st.uuids(),
    st.datetimes(timezones=st.timezones()),
    st.decimals(allow_nan=False, allow_infinity=False),
    texts,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63), -(2**63) - 1]),
    st.booleans(),
    st.none(),
)
structures = st.recursive(
    values,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(texts, inner, max_size=4),
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(structures)
def test_any_value_is_stored_as_the_library_stores_it_and_read_back_alike(
    value: Any,
) -> None:
    written = outcome(lambda: LIBRARY.encode(value))
    assert outcome(lambda: OURS.encode(value)) == written
    if written[0] == "value":
        stored = written[1]
        assert outcome(lambda: OURS.decode(stored)) == outcome(
            lambda: LIBRARY.decode(stored)
        )


class Shade(StrEnum):
    """A text enumeration: `json` writes it as the text it is."""

    DARK = "dark"


@pytest.mark.parametrize(
    "value",
    [
        {"share": 0.1, "big": 1e16},  # numbers with a point
        {"count": 2**64},  # beyond 64 bits
        {1: "a key that is a number"},
        {"shade": Shade.DARK},
        {"nested": [{"_type_": "date_iso", "_data_": "2020-07-27"}]},
        {"text": '\x00\x1f\x7f\u2028"\\ \U0001f600 ص'},
    ],
    ids=["floats", "big-int", "number-key", "text-enum", "stored-form", "texts"],
)
def test_what_orjson_would_write_otherwise_is_written_by_the_library(
    value: Any,
) -> None:
    assert OURS.encode(value) == LIBRARY.encode(value)


@pytest.mark.parametrize(
    "stored",
    [
        b'{"a":NaN,"b":Infinity}',
        b'{"a":123456789012345678901234567890}',
        b'{"a":"\\ud800"}',
        b'{"a":1,"a":2}',
        b'{"_type_":"date_iso","_data_":"2020-07-27"}',
        b'[{"_type_":"uuid_hex","_data_":"' + UUID(int=7).hex.encode() + b'"}]',
    ],
    ids=["nan", "huge", "lone-surrogate", "repeated-key", "top-level", "in-list"],
)
def test_what_orjson_cannot_read_or_reads_otherwise_is_read_as_the_library_reads_it(
    stored: bytes,
) -> None:
    ours, library = OURS.decode(stored), LIBRARY.decode(stored)
    assert repr(ours) == repr(library)  # NaN is not equal to itself
    if isinstance(library, dict) and isinstance(library.get("a"), float):
        assert math.isnan(ours["a"])


def test_an_unknown_stored_name_is_refused_as_the_library_refuses_it() -> None:
    stored = b'{"value":{"_type_":"no_such_name","_data_":1}}'
    with pytest.raises(TranscodingNotRegisteredError):
        LIBRARY.decode(stored)
    with pytest.raises(TranscodingNotRegisteredError):
        OURS.decode(stored)


def test_a_value_of_an_unregistered_type_is_refused_as_the_library_refuses_it() -> None:
    class Unknown:
        pass

    for transcoder in (LIBRARY, OURS):
        with pytest.raises(TranscodingNotRegisteredError):
            transcoder.encode({"value": Unknown()})


@pytest.mark.parametrize(
    "store",
    [
        FIXTURES / "store-0.1.0" / "store.sqlite",
        FIXTURES / "snapshots-0.1.0" / "store.sqlite",
    ],
    ids=["store-0.1.0", "snapshots-0.1.0"],
)
def test_every_state_of_the_checked_in_stores_reads_alike_and_is_written_as_it_was(
    store: Path,
) -> None:
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as connection:
        states = [
            bytes(row[0])
            for table in ("stored_events", "stored_snapshots")
            for row in connection.execute(f"SELECT state FROM {table}")
        ]
    assert len(states) > 100
    for state in states:
        read = OURS.decode(state)
        assert read == LIBRARY.decode(state)
        assert OURS.encode(read) == state


def test_the_secretariat_stores_its_events_with_it(sqlite_store: str) -> None:
    secretariat = open_secretariat(parse_store_url(sqlite_store), create=True)
    try:
        assert type(secretariat.mapper.transcoder) is OrjsonTranscoder
        value = Decimal("1.50")
        assert secretariat.mapper.transcoder.decode(
            secretariat.mapper.transcoder.encode({"value": value})
        ) == {"value": value}
    finally:
        secretariat.close()


json_values = st.recursive(
    st.one_of(
        texts,
        st.integers(min_value=-(2**70), max_value=2**70),
        st.sampled_from([2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63), -(2**63) - 1]),
        st.floats(),
        st.booleans(),
        st.none(),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(json_values, st.booleans())
def test_the_views_read_a_stored_state_as_json_reads_it_or_leave_it_to_the_library(
    value: Any, as_bytes: bool
) -> None:
    text = json.dumps(value, ensure_ascii=False)
    read = loads(text.encode() if as_bytes else text)
    if read is not NOT_READ:
        assert repr(read) == repr(json.loads(text))  # NaN is not equal to itself
    if not_for_orjson(value):
        assert read is NOT_READ


def not_for_orjson(value: Any) -> bool:
    """Whether `value` holds what orjson reads otherwise than `json`: NaN or an
    infinity, or a whole number beyond 64 bits."""
    if isinstance(value, float):
        return math.isnan(value) or math.isinf(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return not -(2**63) <= value < 2**64
    if isinstance(value, dict):
        value = list(value.values())
    return isinstance(value, list) and any(not_for_orjson(item) for item in value)
