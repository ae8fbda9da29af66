"""Delivering the messages that are due, and recording what became of each.

A message is sent, then its delivery recorded; a sender stopped between the
two (a crash, a kill) sends it again when it starts again, with the same
`Message-ID`: a message is never lost, and one that arrives twice is
recognisable as the same message. Each attempt's outcome is an event (sent,
deferred with the moment of the next attempt, or failed for good), recorded
once: a second sender that tried the same attempt records nothing more.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

import attrs
import structlog
from eventsourcing.persistence import IntegrityError

from adapters.mail.messages import compose
from adapters.mail.smtp import BadMailSettingsError, DeliveryError
from application.projections import utc_text
from application.projections.outbox import MessageRow, message_id
from domain.delivery import Delivery

if TYPE_CHECKING:
    from email.message import Message

    from adapters.store import Store
    from adapters.views.outbox import Outbox
    from application.secretariat import Secretariat

log = structlog.get_logger("secretariat")

GRACE = timedelta(seconds=2)
"""How long after its due moment a message is sent: a decision recorded just
before that moment, still being written, is then read, and merged into the
message, before it goes. (No longer than the delay itself: with no delay,
nothing is merged.)"""

BACKOFF_VARIABLE = "SECRETARIAT_MAIL_BACKOFF"
ATTEMPTS_VARIABLE = "SECRETARIAT_MAIL_ATTEMPTS"
DEFAULT_BACKOFF = 60.0
DEFAULT_ATTEMPTS = 8
BACKOFF_LIMIT = 6 * 3600.0
BATCH = 200
"""Messages read at once from the outbox."""

RECORD_EVERY = 10
"""Deliveries recorded together, in one transaction: a transaction costs as
much as the rest of a delivery. A sender stopped before it records them sends
them again (as it would one message recorded alone): at most this many
messages arrive twice, each with its Message-ID."""


class Transport(Protocol):
    def send(self, message: Message, *, to: str) -> None: ...

    def close(self) -> None: ...


@attrs.frozen
class Retries:
    """How often and how long apart a message is tried."""

    first: float = DEFAULT_BACKOFF
    """Seconds before the second attempt; each pause doubles, up to a limit."""
    attempts: int = DEFAULT_ATTEMPTS
    """Attempts before a message is marked failed."""

    def pause(self, attempt: int) -> float:
        return float(min(self.first * 2 ** (attempt - 1), BACKOFF_LIMIT))


def retries_from_environment() -> Retries:
    def number(variable: str, default: float, kind: Callable[[str], Any]) -> Any:
        written = os.environ.get(variable, "").strip()
        if not written:
            return default
        try:
            value = kind(written)
        except ValueError:
            value = -1
        if value < 0 or (kind is int and value < 1):
            raise BadMailSettingsError(
                f"${variable} is a positive number, not {written!r}"
            )
        return value

    return Retries(
        first=number(BACKOFF_VARIABLE, DEFAULT_BACKOFF, float),
        attempts=number(ATTEMPTS_VARIABLE, DEFAULT_ATTEMPTS, int),
    )


@attrs.define
class Sent:
    """What one pass did."""

    sent: int = 0
    deferred: int = 0
    failed: int = 0
    server_down: str | None = None


class Sender:
    """Sends the outbox's messages that are due, through `transport`."""

    def __init__(
        self,
        secretariat: Secretariat,
        outbox: Outbox,
        transport: Transport,
        *,
        sender: str,
        actor: str,
        retries: Retries | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.secretariat = secretariat
        self.outbox = outbox
        self.transport = transport
        self.sender = sender
        self.actor = actor
        self.retries = retries or Retries()
        self.clock = clock
        self.grace = min(GRACE, timedelta(seconds=outbox.view.outbox.delay))
        self._unrecorded: list[Delivery] = []

    def send_due(self) -> Sent:
        """Send every message due now, pass after pass, until none is due or
        the server cannot be reached."""
        done = Sent()
        while True:
            self.outbox.catch_up()
            due = self.outbox.view.due(utc_text(self.clock() - self.grace), BATCH)
            if not due:
                return done
            try:
                for row in due:
                    if not self._deliver(row, done):
                        return done
            finally:
                # Before the outbox is read again: what was sent is sent.
                self._flush()

    def _deliver(self, row: MessageRow, done: Sent) -> bool:
        """Try `row` once; False when the server cannot be reached."""
        attempt = row.attempts + 1
        try:
            self.transport.send(compose(row, sender=self.sender), to=row.email)
        except DeliveryError as error:
            reason = str(error)
            if error.server_down:
                # Not the message's fault: it waits, its attempts untouched,
                # until the server can be reached (it may have been taken, if
                # the server went away after the message: it is sent again).
                done.server_down = reason
                return False
            if error.lasting or attempt >= self.retries.attempts:
                self._record(Delivery.Failed, row, attempt, reason=reason)
                done.failed += 1
            else:
                retry_at = self.clock() + timedelta(seconds=self.retries.pause(attempt))
                self._record(
                    Delivery.Deferred,
                    row,
                    attempt,
                    reason=reason,
                    retry_at=utc_text(retry_at),
                )
                done.deferred += 1
            return True
        self._record(Delivery.Sent, row, attempt)
        done.sent += 1
        return True

    def _record(
        self,
        outcome: type[Delivery.Event],
        row: MessageRow,
        attempt: int,
        **fields: Any,
    ) -> None:
        delivery = Delivery.record(
            outcome,
            message=row.message,
            message_id=message_id(row.message),
            body=row.body,
            to=row.email,
            attempt=attempt,
            on=date.today(),
            actor=self.actor,
            **fields,
        )
        self._unrecorded.append(delivery)
        if len(self._unrecorded) >= RECORD_EVERY:
            self._flush()

    def _flush(self) -> None:
        """Record the deliveries not yet recorded, together; one by one if
        another sender recorded one of them at the same moment."""
        deliveries, self._unrecorded = self._unrecorded, []
        if not deliveries:
            return
        try:
            self.secretariat.save(*deliveries)
            return
        except IntegrityError:
            pass
        for delivery in deliveries:
            try:
                self.secretariat.save(delivery)
            except IntegrityError:
                log.info("delivery recorded already", attempt=str(delivery.id))

    def run(self, stop: threading.Event, *, poll_seconds: float) -> None:
        """Send what is due until `stop` is set, waking when the next message
        is due, and every `poll_seconds` (for messages recorded meanwhile)."""
        unreachable = 0
        while not stop.is_set():
            done = self.send_due()
            if done.sent or done.deferred or done.failed:
                log.info(
                    "messages",
                    sent=done.sent,
                    deferred=done.deferred,
                    failed=done.failed,
                )
            wait = poll_seconds
            if done.server_down is not None:
                unreachable += 1
                log.warning("mail server unreachable", reason=done.server_down)
                stop.wait(min(poll_seconds, 0.5 * 2 ** min(unreachable, 10)))
                continue
            unreachable = 0
            due = self.outbox.view.next_due()
            if due is not None:
                until = datetime.fromisoformat(due) + self.grace - self.clock()
                wait = max(0.05, min(wait, until.total_seconds()))
            stop.wait(wait)
        self.transport.close()


@contextmanager
def sending(store: Store, *, actor: str, poll_seconds: float) -> Iterator[None]:
    """While the caller runs (`serve`), a sender delivering the messages that
    fall due, in a thread of its own, when `$SECRETARIAT_SMTP_URL` says where
    to; without it, nothing (`notifications send` is then run on its own)."""
    from adapters.mail.smtp import SMTP_URL_VARIABLE

    if not os.environ.get(SMTP_URL_VARIABLE):
        yield
        return
    from adapters.bootstrap import open_outbox, open_secretariat
    from adapters.mail.smtp import SMTPTransport, mail_from, smtp_settings

    settings, sender_address = smtp_settings(), mail_from()
    retries = retries_from_environment()
    stop = threading.Event()

    def send() -> None:
        try:
            secretariat = open_secretariat(store, create=False)
            try:
                Sender(
                    secretariat,
                    open_outbox(store, secretariat),
                    SMTPTransport(settings),
                    sender=sender_address,
                    actor=actor,
                    retries=retries,
                ).run(stop, poll_seconds=poll_seconds)
            finally:
                secretariat.close()
        except Exception as error:  # the service goes on without it
            log.error("the sender stopped", error=str(error), exc_info=error)

    worker = threading.Thread(target=send, name="sender", daemon=True)
    worker.start()
    log.info("sending", server=settings.label)
    try:
        yield
    finally:
        stop.set()
        worker.join(timeout=10)
