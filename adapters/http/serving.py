"""`secretariat serve`: the record over HTTP, under uvicorn, until SIGTERM or
Ctrl-C; then the requests under way are answered, and the server stops.

On PostgreSQL the views' worker follows the log in a thread of its own (as
`projections run` does), so that the views are up to date with what other
machines record before a request asks; every read also catches up first.
"""

from __future__ import annotations

import logging
import signal
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import structlog
import uvicorn

from adapters.cli.running import Failure, Settings
from adapters.failures import BAD_USAGE
from adapters.http.app import Service, build_app
from adapters.http.auth import Authenticator
from adapters.http.oidc import OidcSettingsError, verifier_from_environment
from adapters.http.record import ServedRecord
from adapters.logging import configure_logging
from adapters.store import Store

log = structlog.get_logger("secretariat")


class Server(uvicorn.Server):
    """uvicorn's server, saying when it serves and when it was asked to stop."""

    def __init__(self, config: uvicorn.Config, **said: Any) -> None:
        super().__init__(config)
        self.said = said
        self.signalled: str | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if not self.should_exit:
            log.info("serving", **self.said)

    def handle_exit(self, sig: int, frame: Any) -> None:
        # Nothing is written here: the signal may come while this thread is
        # writing a log line, whose lock it would then wait for forever.
        self.signalled = self.signalled or signal.Signals(sig).name
        super().handle_exit(sig, frame)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        log.info("stopping", signal=self.signalled)
        await super().shutdown(sockets)


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket listening on `host`:`port` (0: any free port), or a one-line
    failure: taken before the server starts, so that it is said plainly."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
    except OSError as error:
        raise Failure(
            f"cannot listen on {host}:{port}: {error.strerror or error}",
            BAD_USAGE,
            "bad-usage",
        ) from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as error:
        sock.close()
        raise Failure(
            f"cannot listen on {host}:{port}: {error.strerror or error}",
            BAD_USAGE,
            "bad-usage",
        ) from None
    sock.set_inheritable(True)
    return sock


@contextmanager
def following(store: Store, poll_seconds: float) -> Iterator[None]:
    """On PostgreSQL, the views' worker following the log while the server
    runs; elsewhere nothing (an SQLite store has no notifications: each
    read catches up)."""
    if store.kind != "postgresql":
        yield
        return
    from adapters.views.worker import run_worker

    stop = threading.Event()

    def follow() -> None:
        try:
            run_worker(
                store,
                poll_seconds=poll_seconds,
                stop=stop,
                started=lambda: log.info("following the log"),
            )
        except Exception as error:  # the reads still catch up on their own
            log.error("the views' worker stopped", error=str(error), exc_info=error)

    worker = threading.Thread(target=follow, name="views-worker", daemon=True)
    worker.start()
    try:
        yield
    finally:
        stop.set()
        worker.join(timeout=10)


@contextmanager
def signals_kept() -> Iterator[None]:
    """While the server runs, SIGTERM and SIGINT only ask it to stop: uvicorn
    raises the signal again once it has stopped, and the process then ends
    as it would have, which would not be a clean exit."""
    previous = {
        sig: signal.signal(sig, lambda *_: None)
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def uvicorn_to_log() -> None:
    """uvicorn's own warnings and errors, as lines of the server's log."""

    class Forward(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            log.log(record.levelno, record.getMessage(), logger=record.name)

    uvicorn_log = logging.getLogger("uvicorn")
    uvicorn_log.handlers = [Forward(level=logging.WARNING)]
    uvicorn_log.propagate = False


def serve_record(
    settings: Settings,
    *,
    host: str,
    port: int,
    timeout: float,
    poll_seconds: float = 5.0,
) -> None:
    """Serve the record of `settings`' store until asked to stop."""
    configure_logging(json=settings.log_json)
    try:
        oidc = verifier_from_environment()
    except OidcSettingsError as error:
        raise Failure(str(error), BAD_USAGE, "bad-usage") from None
    store = settings.parsed_store()
    follows = store.kind == "postgresql"
    secretariat = settings.secretariat(create=follows)
    if follows:  # as `projections run` does: see `adapters.views.worker`
        from adapters.bootstrap import create_store

        create_store(secretariat)
    views = settings.views()
    applied = views.catch_up()
    record = ServedRecord(store, secretariat, views)
    service = Service(record, Authenticator(record, oidc))
    app = build_app(service, timeout=timeout)
    sock = listening_socket(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    uvicorn_to_log()
    config = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,
        lifespan="off",
        server_header=False,
        timeout_graceful_shutdown=int(timeout) + 1,
        timeout_keep_alive=5,
    )
    server = Server(
        config,
        url=f"http://{shown_host}:{bound_port}/",
        store=store.label,
        views_applied=applied,
        oidc=oidc.issuer if oidc else None,
    )
    try:
        with following(store, poll_seconds), signals_kept():
            server.run(sockets=[sock])
    finally:
        sock.close()
    log.info("stopped")
