"""The endpoints: each reads its parameters, asks the record (in a worker
thread), and answers with the JSON the command line writes, a page of the
site, or a problem. No rule of the secretariat is decided here."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import date
from functools import partial
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from adapters.http.auth import Authenticator
from adapters.http.middleware import App, noted, wrap
from adapters.http.openapi import openapi_document
from adapters.http.params import (
    parse,
    parse_body_code,
    parse_count,
    parse_date,
    parse_moment,
    query,
)
from adapters.http.problems import Problem, problem_for, unauthorized
from adapters.http.record import ServedRecord, entity_tag
from application.access import (
    ANONYMOUS,
    Credentials,
    Operation,
    allowed,
    refusal,
    sees_actors,
    without_actors,
)
from application.commands import COMMANDS, Command
from application.commands.declaring import Face, Fallback, suggest
from application.records import event_record

T = TypeVar("T")

JSON = "application/json"
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
}

THREADS = 16
"""Requests asking the record at once, each in a worker thread (the store's
drivers block); the others wait their turn. As many as officers recording at
once are expected to: fewer left commands waiting on each other's turn."""

Endpoint = Callable[[Request], Awaitable[Response]]


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether `If-None-Match` names `etag` (weakly, as RFC 9110 compares it
    for a GET), or is `*`."""
    if if_none_match is None:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(
        tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(",")
    )


def conditional(
    request: Request,
    content: bytes,
    media_type: str,
    *,
    etag: str | None = None,
    private: bool = False,
) -> Response:
    """`content` with its tag, or 304 when the client holds it already. Every
    answer is revalidated before it is used again; one given to credentials
    is kept by the client alone."""
    tag = etag or entity_tag(content)
    headers = {
        "ETag": tag,
        "Cache-Control": "private, no-cache" if private else "no-cache",
        "Vary": "Authorization",
    }
    if matches(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=headers)
    return Response(content, media_type=media_type, headers=headers)


class ShieldedResponse(Response):
    """An answer sent whatever the time limit says: that of a command
    recorded."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        with anyio.CancelScope(shield=True):
            await super().__call__(scope, receive, send)


def expected_version(if_match: str | None) -> int | None:
    """The version `If-Match` names (`"12"`, or `12`), or None when there is
    none (or `*`: any version)."""
    if if_match is None or if_match.strip() == "*":
        return None
    tag = if_match.strip()
    digits = tag[1:-1] if len(tag) > 2 and tag[0] == tag[-1] == '"' else tag
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 18:
        raise Problem(
            400, f'If-Match is a version in quotes, like "12", not {if_match!r}'
        )
    return int(digits)


def request_fields(content: bytes) -> dict[str, Any]:
    """A command's fields, from a request's body: one JSON object."""
    try:
        given = json.loads(content)
    except ValueError as error:
        raise Problem(400, f"the request's body is not JSON ({error})") from None
    if not isinstance(given, dict):
        raise Problem(
            400, "the request's body is one JSON object of the command's fields"
        )
    return given


def operation_of(command: Command, today: date) -> Operation:
    """What recording `command` asks, as the rule of access reads it."""
    return Operation(
        command.verb,
        body=getattr(command, "body", getattr(command, "code", None)),
        submitter=getattr(command, "submitter", None),
        backdated=command.on != today,
    )


def json_content(answer: Any, credentials: Credentials) -> tuple[bytes, str]:
    """The JSON of the command line's answer, and its tag; without any
    `actor` unless the credentials may see who recorded what."""
    if not sees_actors(credentials):
        answer = without_actors(answer)
    content = json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode()
    return content, entity_tag(content)


class Service:
    """The endpoints over one record."""

    def __init__(
        self,
        record: ServedRecord,
        authenticator: Authenticator,
        *,
        threads: int = THREADS,
    ) -> None:
        self.record = record
        self.authenticator = authenticator
        self.threads = threads
        self._limiter: anyio.CapacityLimiter | None = None

    async def call(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`function` run in a worker thread: the store's drivers block. A
        request that times out leaves it to finish on its own."""
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.threads)
        return await anyio.to_thread.run_sync(
            partial(function, *args, **kwargs),
            abandon_on_cancel=True,
            limiter=self._limiter,
        )

    async def credentials(self, request: Request) -> Credentials:
        authorization = request.headers.get("authorization")
        if authorization is None:
            return ANONYMOUS
        credentials = await self.call(self.authenticator.credentials, authorization)
        noted(request.scope)["principal"] = credentials.principal
        return credentials

    async def answer(
        self,
        request: Request,
        credentials: Credentials,
        read: Callable[..., Any],
        *args: Any,
        **kwargs: Any,
    ) -> Response:
        """The JSON of `read(*args, **kwargs)`, made in a worker thread (an
        answer can be large), tagged for `If-None-Match`."""

        def made() -> tuple[bytes, str]:
            return json_content(read(*args, **kwargs), credentials)

        key = (
            read.__name__,
            args,
            tuple(sorted(kwargs.items())),
            sees_actors(credentials),
        )
        content, tag = await self.call(self.record.answered, key, made)
        private = credentials != ANONYMOUS
        return conditional(request, content, JSON, etag=tag, private=private)

    def answering(self, endpoint: Endpoint) -> Endpoint:
        """`endpoint`, with each failure answered as a problem."""

        async def answered(request: Request) -> Response:
            try:
                return await endpoint(request)
            except Exception as error:  # each said as the command line says it
                return problem_for(error, self.record.store).response()

        return answered

    # The API.

    async def calendar(self, request: Request) -> Response:
        credentials = await self.credentials(request)
        given = query(request, ("body", "as-of", "known-at"))
        return await self.answer(
            request,
            credentials,
            self.record.calendar,
            parse(parse_body_code, "body", given.get("body")),
            as_of=parse(parse_date, "as-of", given.get("as-of")),
            known_at=parse(parse_moment, "known-at", given.get("known-at")),
        )

    async def deadlines(self, request: Request) -> Response:
        credentials = await self.credentials(request)
        given = query(request, ("body", "today"))
        return await self.answer(
            request,
            credentials,
            self.record.deadlines,
            parse(parse_body_code, "body", given.get("body")),
            today=parse(parse_date, "today", given.get("today")),
        )

    async def postponements(self, request: Request) -> Response:
        credentials = await self.credentials(request)
        given = query(request, ("body",))
        return await self.answer(
            request,
            credentials,
            self.record.postponements,
            parse(parse_body_code, "body", given.get("body")),
        )

    async def history(self, request: Request) -> Response:
        credentials = await self.credentials(request)
        query(request, ())
        return await self.answer(
            request,
            credentials,
            self.record.history,
            parse(parse_body_code, "body", request.path_params["body"]),
            parse(parse_count, "number", request.path_params["number"]),
        )

    async def body_history(self, request: Request) -> Response:
        credentials = await self.credentials(request)
        query(request, ())
        return await self.answer(
            request,
            credentials,
            self.record.body_history,
            parse(parse_body_code, "body", request.path_params["body"]),
        )

    async def openapi(self, request: Request) -> Response:
        await self.credentials(request)
        query(request, ())
        content = json.dumps(openapi_document(), ensure_ascii=False).encode()
        return conditional(request, content, JSON)

    async def command(self, request: Request) -> Response:
        """`POST /api/commands/{command}`: one command, its fields the JSON
        object of the request's body; its actor the principal."""
        credentials = await self.credentials(request)
        query(request, ())
        verb = request.path_params["command"]
        declared = COMMANDS.get(verb)
        if declared is None:
            raise Problem(404, f"there is no command {verb!r}{suggest(verb, COMMANDS)}")
        noted(request.scope)["recording"] = verb
        principal = credentials.principal
        if principal is None:
            raise unauthorized(
                "recording a command takes credentials: `Authorization: Bearer TOKEN`",
                token_given=False,
            )
        expected = expected_version(request.headers.get("if-match"))
        given = request_fields(await request.body())
        today = self.record.today()
        command = declared.declaration.read(
            given,
            face=Face.API,
            fallbacks={
                Fallback.TODAY: lambda: today,
                Fallback.ISSUER: lambda: principal,
            },
        )
        operation = operation_of(command, today)
        if not allowed(credentials, operation):
            raise Problem(403, refusal(credentials, operation))
        # Once it is decided, a command is seen through and answered, however
        # long it takes: a time limit that cut it short could not tell the
        # client whether it was recorded, and trying again could record it twice.
        with anyio.CancelScope(shield=True):
            outcome = await self.call(
                self.record.execute, command, expected_version=expected
            )
        recorded = outcome.recorded
        noted(request.scope)["version"] = recorded.version
        if outcome.views.warning is not None:  # recorded all the same
            noted(request.scope)["views"] = outcome.views.warning
        answer = {
            "command": verb,
            "version": recorded.version,
            "events": [event_record(event) for event in recorded.events],
        }
        content, _ = json_content(answer, credentials)
        return ShieldedResponse(
            content,
            status_code=201,
            media_type=JSON,
            headers={"ETag": f'"{recorded.version}"', "Cache-Control": "no-store"},
        )

    # The site.

    async def page(self, request: Request) -> Response:
        """A file of the site; its query, if any, is not read (a link from
        elsewhere may carry one)."""
        await self.credentials(request)
        path = request.path_params.get("path") or "index.html"
        site = await self.call(self.record.site)
        found = site.files.get(path)
        if found is None:
            raise Problem(404, f"there is no page /{path}")
        media_type = MEDIA_TYPES.get(
            path[path.rfind(".") :], "application/octet-stream"
        )
        return conditional(request, found.content, media_type, etag=found.etag)

    def routes(self) -> list[Route]:
        def get(path: str, endpoint: Endpoint) -> Route:
            return Route(path, self.answering(endpoint), methods=["GET"])

        def post(path: str, endpoint: Endpoint) -> list[Route]:
            """`endpoint` for POST; any other method is not allowed (405),
            rather than taken for a page of the site."""

            async def not_allowed(request: Request) -> Response:
                raise HTTPException(405, headers={"Allow": "POST"})

            others = ["GET", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
            return [
                Route(path, self.answering(endpoint), methods=["POST"]),
                Route(path, not_allowed, methods=others),
            ]

        return [
            get("/api/calendar", self.calendar),
            get("/api/deadlines", self.deadlines),
            get("/api/postponements", self.postponements),
            get("/api/bodies/{body}/sessions/{number}/history", self.history),
            get("/api/bodies/{body}/history", self.body_history),
            get("/api/openapi.json", self.openapi),
            *post("/api/commands/{command}", self.command),
            get("/", self.page),
            get("/{path:path}", self.page),
        ]


async def http_problem(request: Request, error: Exception) -> Response:
    """An address or method the routes do not know, as a problem."""
    assert isinstance(error, HTTPException)
    detail = (
        f"{request.method} is not allowed on {request.url.path}"
        if error.status_code == 405
        else f"there is nothing at {request.url.path}"
    )
    return Problem(error.status_code, detail, headers=error.headers).response()


async def answer_problem(request: Request, error: Exception) -> Response:
    """A problem raised outside an endpoint's own answering (by a layer, as
    a body too large while it is read)."""
    assert isinstance(error, Problem)
    return error.response()


async def unexpected(request: Request, error: Exception) -> Response:
    """A failure nobody expected: a 500 problem, saying no more than its
    kind (the log has the rest: `middleware.Guard`)."""
    return Problem(500, f"unexpected failure ({type(error).__name__})").response()


def routing(routes: list[Route]) -> Starlette:
    """`routes`, answering an unknown address or method, a problem, or a
    failure nobody expected, as problems."""
    return Starlette(
        routes=routes,
        exception_handlers={
            HTTPException: http_problem,
            Problem: answer_problem,
            Exception: unexpected,
        },
    )


def build_app(service: Service, *, timeout: float) -> App:
    """The ASGI application: the routes, inside every layer every request
    goes through."""
    return wrap(routing(service.routes()), timeout=timeout)
