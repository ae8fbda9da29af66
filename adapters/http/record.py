"""The record as the server reads it: one Secretariat and its views, opened
once and shared by every request (each in a worker thread), the grants, and
the site's pages, rendered again only when the log has grown.

Every read catches the views up first, as the command line does: an answer
always shows what was recorded before the request, by any process.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import attrs

from adapters.site.build import render_site
from application.access import Access, Credentials
from application.recording import Outcome, record
from domain.body import BodyNotFoundError
from domain.ids import body_id

if TYPE_CHECKING:
    from adapters.store import Store
    from adapters.views.views import Views
    from application.commands import Command
    from application.secretariat import Secretariat


def utc_today() -> date:
    return datetime.now(UTC).date()


def entity_tag(content: bytes) -> str:
    """A strong validator of `content` (RFC 9110): the same bytes, the same tag."""
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


@attrs.frozen
class File:
    """A file of the site, with its tag."""

    content: bytes
    etag: str


@attrs.frozen
class Site:
    """The site as rendered from the record at `head`, on `today`."""

    head: int
    today: date
    files: dict[str, File]


ANSWERS_BYTES = 64 * 1024 * 1024
"""The most the answers kept for the log's head may take together."""


class Answers:
    """The answers already made for the log's head, by what was asked: a
    read asked again while nothing was recorded is answered with the same
    bytes, without reading the views again. The least recently used go first
    when they would take more than `limit` bytes."""

    def __init__(self, limit: int = ANSWERS_BYTES) -> None:
        self.limit = limit
        self._kept: OrderedDict[Hashable, tuple[bytes, str]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> tuple[bytes, str] | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def put(self, key: Hashable, answer: tuple[bytes, str]) -> None:
        size = len(answer[0])
        if size > self.limit:
            return
        with self._lock:
            if key in self._kept:
                return
            self._kept[key] = answer
            self._size += size
            while self._size > self.limit:
                _, (dropped, _) = self._kept.popitem(last=False)
                self._size -= len(dropped)


class ServedRecord:
    """What the endpoints ask of the record."""

    def __init__(
        self,
        store: Store,
        secretariat: Secretariat,
        views: Views,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.store = store
        self.secretariat = secretariat
        self.views = views
        self.access = Access(secretariat)
        self.today = today
        self._site: Site | None = None
        self._site_lock = threading.Lock()
        self.answers = Answers()

    def head(self) -> int:
        """The position of the log's last event."""
        return self.secretariat.recorder.max_notification_id() or 0

    def answered(
        self, key: Hashable, make: Callable[[], tuple[bytes, str]]
    ) -> tuple[bytes, str]:
        """The answer `make` makes, kept for the log's head (and today): made
        again once anything is recorded, by any process. The log's ids are
        taken in the order transactions commit (each store serialises its
        inserts), so an answer made at a head holds everything up to it."""
        at = (key, self.head(), self.today())
        found = self.answers.get(at)
        if found is None:
            found = make()
            self.answers.put(at, found)
        return found

    # The API's reads: each the JSON of the command of the same name.

    def calendar(
        self, body: str | None, *, as_of: date | None, known_at: str | None
    ) -> dict[str, Any]:
        self._check_body(body)
        return self.views.calendar(body, as_of=as_of, known_at=known_at)

    def deadlines(self, body: str | None, *, today: date | None) -> dict[str, Any]:
        self._check_body(body)
        return self.views.deadlines(body, today=today or self.today())

    def postponements(self, body: str | None) -> dict[str, Any]:
        self._check_body(body)
        return self.views.postponements(body)

    def history(self, body: str, number: int) -> dict[str, Any]:
        return self.secretariat.history(body, number)

    def body_history(self, body: str) -> dict[str, Any]:
        return self.secretariat.body_history(body)

    def _check_body(self, code: str | None) -> None:
        """A read of one body names a body of the record."""
        if code is not None and not self.secretariat.recorder.select_events(
            body_id(code), limit=1
        ):
            raise BodyNotFoundError(code)

    # Commands.

    def execute(self, command: Command, *, expected_version: int | None) -> Outcome:
        """Record `command` (only if its record is at `expected_version`,
        when given), then bring the views up to date."""
        return record(
            self.secretariat,
            command,
            lambda: self.views,
            expected_version=expected_version,
        )

    # The site, and the calendar file.

    def site(self) -> Site:
        """Every file of the site as the record now stands: rendered again
        when an event was recorded since (or the day changed), once for all
        the requests waiting for it."""
        key = (self.head(), self.today())
        site = self._site
        if site is not None and (site.head, site.today) == key:
            return site
        with self._site_lock:
            site = self._site
            if site is None or (site.head, site.today) != key:
                head, today = key
                rendered = render_site(self.views, body=None, today=today)
                site = Site(
                    head,
                    today,
                    {
                        path: File(data, entity_tag(data))
                        for path, data in rendered.items()
                    },
                )
                self._site = site
            return site

    def calendar_file(self) -> File:
        """The bytes of `calendar --ics` (the site publishes the same file)."""
        return self.site().files["calendar.ics"]

    # Credentials.

    def credentials_for_token(self, token: str) -> Credentials:
        return self.access.credentials_for_token(token, utc_today())

    def credentials_for_principal(self, names: Iterable[str]) -> Credentials:
        return self.access.credentials_for_principal(names, utc_today())
