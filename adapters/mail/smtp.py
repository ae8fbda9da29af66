"""The mail server messages go through: `$SECRETARIAT_SMTP_URL`, written
`smtp://[USER[:PASSWORD]@]HOST[:PORT][?starttls=true]` (`smtps://` for a
server that speaks TLS from the start), through the standard library's
`smtplib`."""

from __future__ import annotations

import os
import smtplib
import ssl
from email.message import Message
from urllib.parse import parse_qs, unquote, urlsplit

import attrs

from domain.errors import InvalidValueError

SMTP_URL_VARIABLE = "SECRETARIAT_SMTP_URL"
MAIL_FROM_VARIABLE = "SECRETARIAT_MAIL_FROM"
DEFAULT_URL = "smtp://localhost:25"
TIMEOUT = 30.0
"""Seconds the server may take to answer before the attempt counts as failed."""


class BadMailSettingsError(InvalidValueError):
    """Raised when the mail server's address or the sender is not written as
    it must be."""


class DeliveryError(Exception):
    """Raised when the server did not take a message: `lasting` when it will
    never take it (an address it refuses), else worth trying again."""

    def __init__(
        self, reason: str, *, lasting: bool, server_down: bool = False
    ) -> None:
        super().__init__(reason)
        self.lasting = lasting
        self.server_down = server_down
        """The server could not be reached at all: no other message can be
        sent through it either, for now."""


@attrs.frozen
class SMTPSettings:
    host: str
    port: int
    user: str | None = None
    password: str | None = attrs.field(default=None, repr=False)
    starttls: bool = False
    tls: bool = False

    @property
    def label(self) -> str:
        """The server, as a message may name it (without the password)."""
        scheme = "smtps" if self.tls else "smtp"
        user = f"{self.user}@" if self.user else ""
        return f"{scheme}://{user}{self.host}:{self.port}"


def parse_smtp_url(url: str) -> SMTPSettings:
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise BadMailSettingsError(
            f"${SMTP_URL_VARIABLE} is written smtp://[USER[:PASSWORD]@]HOST[:PORT]"
            "[?starttls=true] (or smtps://...)"
        )
    query = parse_qs(parts.query)
    starttls = query.get("starttls", ["false"])[-1].lower() in ("true", "1", "yes")
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
    except ValueError:
        raise BadMailSettingsError(
            f"${SMTP_URL_VARIABLE} has a port that is not a number"
        ) from None
    return SMTPSettings(
        host=parts.hostname,
        port=port,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        starttls=starttls,
        tls=parts.scheme == "smtps",
    )


def smtp_settings() -> SMTPSettings:
    return parse_smtp_url(os.environ.get(SMTP_URL_VARIABLE) or DEFAULT_URL)


def mail_from() -> str:
    """Who messages are from: `$SECRETARIAT_MAIL_FROM`."""
    sender = os.environ.get(MAIL_FROM_VARIABLE, "").strip()
    if not sender or "@" not in sender or "\n" in sender or "\r" in sender:
        raise BadMailSettingsError(
            f"set ${MAIL_FROM_VARIABLE} to the address messages are from, "
            "e.g. 'Secretariat <secretariat@example.org>'"
        )
    return sender


class SMTPTransport:
    """One connection to the server, opened at the first message and kept
    for the next ones, opened again after a failure."""

    def __init__(self, settings: SMTPSettings, *, timeout: float = TIMEOUT) -> None:
        self.settings = settings
        self.timeout = timeout
        self._client: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        settings = self.settings
        try:
            client: smtplib.SMTP
            if settings.tls:
                client = smtplib.SMTP_SSL(
                    settings.host,
                    settings.port,
                    timeout=self.timeout,
                    context=ssl.create_default_context(),
                )
            else:
                client = smtplib.SMTP(
                    settings.host, settings.port, timeout=self.timeout
                )
            if settings.starttls:
                client.starttls(context=ssl.create_default_context())
            if settings.user is not None:
                client.login(settings.user, settings.password or "")
        except smtplib.SMTPAuthenticationError as error:
            raise DeliveryError(
                f"{settings.label} refused the login: {_said(error)}",
                lasting=False,
                server_down=True,
            ) from None
        except (OSError, smtplib.SMTPException) as error:
            raise DeliveryError(
                f"{settings.label} cannot be reached: {_said(error)}",
                lasting=False,
                server_down=True,
            ) from None
        return client

    def send(self, message: Message, *, to: str) -> None:
        if self._client is None:
            self._client = self._connect()
        try:
            self._client.send_message(message, to_addrs=[to])
        except smtplib.SMTPRecipientsRefused as error:
            codes = [code for code, _ in error.recipients.values()]
            raise DeliveryError(
                f"the server refused {to}: {_said(error)}",
                lasting=all(code >= 500 for code in codes),
            ) from None
        except smtplib.SMTPResponseException as error:
            self.close()
            raise DeliveryError(
                f"the server answered {error.smtp_code}: {_said(error)}",
                lasting=error.smtp_code >= 500,
            ) from None
        except (OSError, smtplib.SMTPException) as error:
            self.close()
            raise DeliveryError(
                f"{self.settings.label} stopped answering: {_said(error)}",
                lasting=False,
                server_down=True,
            ) from None

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()


def _said(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        if isinstance(text, bytes):
            text = text.decode(errors="replace")
        return " ".join(str(text).split())
    return " ".join(str(error).split()) or type(error).__name__
