"""The limits every text and code of the record is held to. Kept apart from
the values so that the command line can state them without importing the
values themselves."""

from __future__ import annotations

import re

__all__ = ["BODY_CODE", "NAME_LIMIT", "REASON_LIMIT", "SOURCE_LIMIT"]

BODY_CODE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
"""How a body is named in commands, files and addresses: lower-case letters,
digits and hyphens, up to 64 characters (`cybercrime-egm`)."""

NAME_LIMIT = 1_000
"""Most characters in a name, title, venue, symbol or delegation."""

REASON_LIMIT = 10_000
"""Most characters in a reason or a mandate."""

SOURCE_LIMIT = 500
"""Most characters in a decision's source: a document symbol, a message, an
address."""
