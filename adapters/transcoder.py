"""The Secretariat's transcoder: the library's JSON transcoder, the same stored
bytes, written and read by orjson.

The library's `JSONTranscoder` has Python's `json` module call back into
Python for every value that is not plain JSON (a date, a moment, an
enumeration), and build a dictionary for every object it reads, to look for
`{"_type_": ..., "_data_": ...}`. Here the values are put into that stored
form first, and the whole written and read by orjson. What is stored is the
same, byte for byte: orjson writes plain JSON as the library's encoder does
(no spaces, UTF-8 as it is); the tests compare the two on every kind of value.

Anything orjson would write otherwise or not at all (a number with a point, a
whole number beyond 64 bits, a key that is not a text, a subclass of a plain
type) is left to the library's own encoder, as is anything orjson cannot read
(NaN, numbers beyond 64 bits, which orjson would read as
numbers with a point) to its decoder: the same bytes, or the same
error, as before.
"""

from __future__ import annotations

from typing import Any

import orjson
from eventsourcing.persistence import JSONTranscoder

_PLAIN = frozenset({str, int, bool, type(None)})
"""The types orjson writes as the library's encoder does."""

_NATIVE = (str, int, float, list, tuple, dict)
"""The types `json` writes itself, without asking the transcodings, even for
an instance of a class derived from one of them."""


NOT_READ: Any = object()
"""What `loads` answers for a text orjson would read otherwise than `json`."""

_DIGITS_AS_ZEROS = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 19


def loads(data: bytes | str) -> Any:
    """The JSON `data` as Python's `json` module reads it, read by orjson; or
    `NOT_READ` when orjson would read it otherwise or not at all: NaN and
    infinities, and whole numbers beyond 64 bits, which orjson reads as
    numbers with a point (any run of 19 digits is taken to be one of them,
    found without a regular expression, which would take longer than orjson
    takes to read the whole)."""
    raw = data.encode() if isinstance(data, str) else data
    if _LONG_NUMBER in raw.translate(_DIGITS_AS_ZEROS):
        return NOT_READ
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return NOT_READ


LARGE = 2048
"""Bytes beyond which a state is read by the library's decoder: events are
a few hundred bytes, snapshots of a long session hundreds of kilobytes."""


class _NotPlainError(Exception):
    """A value the library's encoder writes otherwise than orjson would."""


class OrjsonTranscoder(JSONTranscoder):
    """The library's JSON transcoder (its transcodings, its stored form),
    written and read by orjson."""

    def encode(self, obj: Any) -> bytes:
        try:
            return orjson.dumps(self._stored_form(obj))
        except (_NotPlainError, orjson.JSONEncodeError, RecursionError):
            return super().encode(obj)

    def decode(self, data: bytes) -> Any:
        # A large state (a snapshot) holds many stored values, each a
        # dictionary found by a walk in Python: `json` finds them quicker,
        # calling the library's hook from its parser.
        read = loads(data) if len(data) <= LARGE else NOT_READ
        return super().decode(data) if read is NOT_READ else self._typed(read)

    def _stored_form(self, obj: Any) -> Any:
        """`obj` with every value of a registered type in its stored form, the
        dictionary of its transcoding's name and data, as the library's
        encoder writes it; a plain value as it is."""
        kind = type(obj)
        if kind in _PLAIN:
            return obj
        if kind is dict:  # most often an event's state: one level of values
            stored = obj.copy()
            types = self.types
            for key, value in obj.items():
                kind = type(value)
                if kind in _PLAIN:
                    continue
                transcoding = types.get(kind)
                if transcoding is None or isinstance(value, _NATIVE):
                    stored[key] = self._stored_form(value)
                    continue
                data = transcoding.encode(value)  # as below, without a call
                stored[key] = {
                    "_type_": transcoding.name,
                    "_data_": data if type(data) in _PLAIN else self._stored_form(data),
                }
            return stored
        if kind is list or kind is tuple:
            return [self._stored_form(value) for value in obj]
        transcoding = self.types.get(kind)
        if transcoding is None or isinstance(obj, _NATIVE):
            raise _NotPlainError
        return {
            "_type_": transcoding.name,
            "_data_": self._stored_form(transcoding.encode(obj)),
        }

    def _typed(self, obj: Any) -> Any:
        """`obj`, read as plain JSON, with each dictionary that is a stored
        value turned back into the value, innermost first, as the library's
        decoder does."""
        kind = type(obj)
        if kind is dict:
            for key, value in obj.items():
                if type(value) not in _PLAIN:
                    obj[key] = self._typed(value)
            return self._decode_obj(obj)
        if kind is list:
            for index, value in enumerate(obj):
                if type(value) not in _PLAIN:
                    obj[index] = self._typed(value)
        return obj
