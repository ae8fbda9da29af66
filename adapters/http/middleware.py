"""What every request goes through, whatever it asks: one log line, the
security headers, a time limit, a limit on the size of its body, and a last
answer for a failure nobody expected. Plain ASGI, so that each sees the
request and the response as the server does."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio
import structlog

from adapters.http.problems import Problem

log = structlog.get_logger("secretariat")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

BODY_LIMIT = 1024 * 1024
"""The largest request body read: 1 MiB."""

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
"""The pages are HTML and one stylesheet, with no script: nothing else may load."""

SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

LOG = "secretariat.log"
"""Where, in a request's scope, an endpoint notes what its log line adds (the
principal)."""


def noted(scope: Scope) -> dict[str, Any]:
    """What the request's log line will say beside the request itself."""
    note: dict[str, Any] = scope.setdefault(LOG, {})
    return note


class RequestLog:
    """One log line per request: method, path, status, size, duration and
    principal (never a credential)."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0
        size = 0
        note = noted(scope)

        async def sending(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            # A refusal is the service doing its work; a failure is not.
            level = logging.ERROR if status >= 500 or status == 0 else logging.INFO
            client = scope.get("client")
            log.log(
                level,
                "request",
                method=scope["method"],
                path=scope["path"],
                query=scope.get("query_string", b"").decode("latin-1") or None,
                status=status or None,
                bytes=size,
                duration_ms=round((time.perf_counter() - started) * 1000, 1),
                client=client[0] if client else None,
                **note,
            )


class SecurityHeaders:
    """The headers that keep a page from running or loading anything else,
    from being framed, and from being read as another type than it says."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        names = {name for name, _ in SECURITY_HEADERS}

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() not in names
                ]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, receive, sending)


class Guard:
    """A failure no endpoint answered becomes a 500 problem (unless an answer
    was begun), and its traceback goes to the log, once."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as error:
            log.error("unexpected failure", exc_info=error)
            if started:
                return  # answered (Starlette's own last handler), or cut short
            problem = (
                error
                if isinstance(error, Problem)
                else Problem(500, f"unexpected failure ({type(error).__name__})")
            )
            await problem.response()(scope, receive, send)


class TimedOutError(Problem):
    """Raised when a request is not answered within its time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            503,
            f"the request was not answered within {seconds:g} seconds; try again",
            kind="timeout",
            title="The request took too long",
            headers={"Retry-After": "5"},
        )


class Timeout:
    """A request not answered within `seconds` (reading its body included)
    is answered 503."""

    def __init__(self, app: App, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            with anyio.fail_after(self.seconds):
                await self.app(scope, receive, sending)
        except TimeoutError:
            if started:
                raise
            await TimedOutError(self.seconds).response()(scope, receive, send)


class BodyTooLargeError(Problem):
    """Raised when a request's body is larger than the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413, f"the request's body is larger than {limit // 1024:,} KiB (1 MiB)"
        )


class BodyLimit:
    """A body larger than `limit` is refused (413): at once when its
    `Content-Length` says so, else as soon as the bytes read pass it."""

    def __init__(self, app: App, limit: int = BODY_LIMIT) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if (
                name.lower() == b"content-length"
                and value.isdigit()
                and int(value) > self.limit
            ):
                response = BodyTooLargeError(self.limit).response()
                response.headers["Connection"] = "close"
                await response(scope, receive, send)
                return
        received = 0

        async def receiving() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLargeError(self.limit)
            return message

        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receiving, sending)
        except BodyTooLargeError as error:
            if started:
                raise
            await error.response()(scope, receive, send)


def wrap(app: App, *, timeout: float, body_limit: int = BODY_LIMIT) -> App:
    """`app` inside every layer, the log line outermost."""
    return RequestLog(
        SecurityHeaders(Guard(Timeout(BodyLimit(app, body_limit), timeout)))
    )
