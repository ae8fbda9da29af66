"""A real SMTP server on the loopback address (aiosmtpd), started by the
tests: it keeps every message it takes, as `email` parses it back, and can be
told to refuse an address, to ask for a login, or to go away and come back."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


class Inbox:
    """What the server took, and what it is told to refuse."""

    def __init__(self) -> None:
        self.received: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refuse: dict[str, str] = {}
        """Addresses to refuse, with the server's answer (`550 ...`)."""
        self.logins: list[str] = []
        self._lock = threading.Lock()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        with self._lock:
            self.received.append(parsed)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"

    def message_ids(self) -> list[str]:
        with self._lock:
            return [str(message["Message-ID"]) for message in self.received]


class MailServer:
    """The server: `url` for `$SECRETARIAT_SMTP_URL`; `stop()` and `start()`
    take it away and bring it back on the same port."""

    def __init__(
        self,
        *,
        login: tuple[str, str] | None = None,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self.login = login
        self.tls = tls
        """When given: the server offers STARTTLS, and requires it."""
        self._controller: Controller | None = None

    @property
    def url(self) -> str:
        user = f"{self.login[0]}:{self.login[1]}@" if self.login else ""
        query = "?starttls=true" if self.tls else ""
        return f"smtp://{user}{HOST}:{self.port}{query}"

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        if (
            self.login is not None
            and isinstance(data, LoginPassword)
            and (data.login.decode(), data.password.decode()) == self.login
        ):
            self.inbox.logins.append(data.login.decode())
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def start(self) -> None:
        options: dict[str, Any] = {}
        if self.login is not None:
            options = {
                "authenticator": self._authenticate,
                "auth_required": True,
                "auth_require_tls": self.tls is not None,
            }
        if self.tls is not None:
            options.update(tls_context=self.tls, require_starttls=True)
        self._controller = Controller(
            self.inbox, hostname=HOST, port=self.port, **options
        )
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@contextmanager
def mail_server(
    *, login: tuple[str, str] | None = None, tls: ssl.SSLContext | None = None
) -> Iterator[MailServer]:
    server = MailServer(login=login, tls=tls)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def self_signed(folder: Path) -> tuple[ssl.SSLContext, Path]:
    """A server's TLS context with a certificate for 127.0.0.1, signed by
    itself, and the certificate's file (for the client to trust)."""
    from datetime import UTC, datetime, timedelta
    from ipaddress import IPv4Address

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(IPv4Address(HOST))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "server.pem", folder / "server.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return context, cert_file
