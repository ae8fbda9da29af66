"""Who may speak, present and send comments: the Member States of the United
Nations (the list of the 193 shipped with the project, `data/member-states.txt`,
with its source), by the short names the United Nations uses.

A name as an officer writes it is matched ignoring case, spacing and
diacritics, and through a short list of aliases (`People's Republic of China`
is China); the canonical name is the one to store, beside the text as
written. An unknown name is refused with the closest names suggested.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from importlib.resources import files
from typing import Any

import attrs

from domain.errors import DomainError

SOURCE = 'United Nations, "Member States", https://www.un.org/en/about-us/member-states'
"""Where the list of the Member States comes from."""

ALIASES = {
    "People's Republic of China": "China",
    "Russia": "Russian Federation",
    "USA": "United States of America",
    "United States": "United States of America",
    "UK": "United Kingdom of Great Britain and Northern Ireland",
    "United Kingdom": "United Kingdom of Great Britain and Northern Ireland",
    "Turkey": "Türkiye",
    "Netherlands": "Netherlands (Kingdom of the)",
    "Iran": "Iran (Islamic Republic of)",
    "Bolivia": "Bolivia (Plurinational State of)",
    "Venezuela": "Venezuela (Bolivarian Republic of)",
    "Vietnam": "Viet Nam",
    "South Korea": "Republic of Korea",
    "Moldova": "Republic of Moldova",
    "Syria": "Syrian Arab Republic",
    "Tanzania": "United Republic of Tanzania",
    "Laos": "Lao People's Democratic Republic",
    "Czech Republic": "Czechia",
    "Ivory Coast": "Côte d'Ivoire",
    "Cape Verde": "Cabo Verde",
    "Swaziland": "Eswatini",
}
"""Other names a Member State goes by, and its short name in the list."""


@functools.cache
def member_states() -> tuple[str, ...]:
    """The 193 Member States, by their short names, in the list's order."""
    text = (files("domain") / "data" / "member-states.txt").read_text(encoding="utf-8")
    return tuple(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@functools.lru_cache(maxsize=4096)
def folded(name: str) -> str:
    """`name` as names are compared: without case, diacritics, the kind of
    apostrophe, or runs of spacing (remembered: a record names the same
    delegations again and again)."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain).strip().casefold()


@functools.cache
def _known() -> dict[str, str]:
    known = {folded(name): name for name in member_states()}
    known.update({folded(alias): name for alias, name in ALIASES.items()})
    return known


@attrs.frozen
class Delegation:
    """A delegation as the record keeps it: its name in the list (`member`: a
    Member State's short name, or an observer's name as its admission wrote
    it) and the name as it was written. An `observer` is one the body
    admitted; an `unlisted` delegation is outside both lists (an expert in a
    personal capacity), kept as written."""

    member: str
    written: str
    observer: bool = False
    unlisted: bool = False

    @property
    def differs(self) -> bool:
        """Whether the name as written is not the short name (shown beside it)."""
        return self.written != self.member


def add_delegation_as_written(state: dict[str, Any], field: str = "delegation") -> None:
    """Upcast the stored state of an event recorded before names were
    matched: the name it stored is the name as written, and it is not marked
    unlisted."""
    state[f"{field}_as_written"] = state[field]
    state["unlisted"] = False


def match(written: str) -> Delegation:
    """The Member State `written` names, or an `UnknownDelegationError` with
    the closest names."""
    found = _known().get(folded(written))
    if found is None:
        raise UnknownDelegationError(written)
    return Delegation(member=found, written=written)


def identify(
    written: str, observers: Iterable[str], *, unlisted: bool, body: str
) -> Delegation:
    """The delegation `written` names among the Member States and the
    `observers` the body `body` admitted. A name in neither list is kept as
    written if it is `unlisted` (a name in a list is that delegation all the
    same); otherwise it raises `UnknownDelegationError` with the closest names."""
    key = folded(written)
    member = _known().get(key)
    if member is not None:
        return Delegation(member=member, written=written)
    admitted = {folded(name): name for name in observers}
    observer = admitted.get(key)
    if observer is not None:
        return Delegation(member=observer, written=written, observer=True)
    if unlisted:
        return Delegation(member=written, written=written, unlisted=True)
    near = closest(written, among=admitted)
    raise UnknownDelegationError(written, body=body, near=near)


def same_delegation(one: str, other: str) -> bool:
    """Whether two names are one delegation: the same Member State however
    each is written, or else the same name ignoring case, spacing and
    diacritics."""

    def key(name: str) -> str:
        plain = folded(name)
        return _known().get(plain, plain)

    return key(one) == key(other)


def closest(
    written: str, count: int = 3, among: Mapping[str, str] | None = None
) -> list[str]:
    """The Member States (and the observers `among`, by their folded names)
    whose names come closest to `written`."""
    known = {**_known(), **(among or {})}
    near = difflib.get_close_matches(folded(written), list(known), n=count, cutoff=0.6)
    return list(dict.fromkeys(known[name] for name in near))


def observer_is_member_state(name: str) -> str | None:
    """The Member State `name` names, if it names one (an observer never does)."""
    return _known().get(folded(name))


class UnknownDelegationError(DomainError):
    """Raised when a delegation is not a Member State (nor an alias of one),
    nor an observer the body admitted."""

    def __init__(
        self, written: str, *, body: str | None = None, near: list[str] | None = None
    ) -> None:
        near = closest(written) if near is None else near
        hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        if body is None:
            super().__init__(
                f"{written!r} is not a Member State of the United Nations{hint}"
            )
            return
        super().__init__(
            f"{written!r} is neither a Member State of the United Nations nor "
            f"an observer admitted to {body}{hint} (an expert in a personal "
            "capacity is recorded as unlisted)"
        )
