"""Errors as `application/problem+json` (RFC 9457): `type`, `title`,
`status` and `detail`, where `detail` is the one line the command line would
print for the same failure."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import structlog
from starlette.responses import Response

from adapters.failures import BAD_USAGE, CONFLICT, REJECTED, STORE_FAILED, said
from adapters.store import Store, without_password
from application.access import InvalidCredentialsError
from application.errors import VersionMismatchError
from domain.body import BodyNotFoundError
from domain.session import SessionNotFoundError
from domain.workplan import WorkplanNotFoundError

log = structlog.get_logger("secretariat")

PROBLEM_MEDIA_TYPE = "application/problem+json"

KINDS: dict[int, tuple[str, str]] = {
    400: ("bad-request", "Bad request"),
    401: ("unauthorized", "No valid credentials"),
    403: ("forbidden", "Not allowed to this principal"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    409: ("conflict", "Changed by someone else at the same moment"),
    412: ("precondition-failed", "The record has another version"),
    413: ("too-large", "Request body too large"),
    422: ("rejected", "Refused by a rule of the secretariat"),
    500: ("internal-error", "Unexpected failure"),
    503: ("unavailable", "The store cannot be used"),
}
"""Each status's problem type (`urn:secretariat:problem:KIND`) and title."""

STATUS_OF_EXIT_CODE = {
    BAD_USAGE: 400,
    REJECTED: 422,
    CONFLICT: 409,
    STORE_FAILED: 503,
}
"""The command line's exit codes, as statuses; any other is a 500."""

NOT_FOUND = (BodyNotFoundError, SessionNotFoundError, WorkplanNotFoundError)
"""Rules that say a record does not exist: the address names nothing."""

CHALLENGE = 'Bearer realm="secretariat"'


class Problem(Exception):
    """Raised to answer with a problem: its status, and the one-line detail."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        kind: str | None = None,
        title: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        default_kind, default_title = KINDS.get(status, ("error", "Error"))
        self.kind = kind or default_kind
        self.title = title or default_title
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        return {
            "type": f"urn:secretariat:problem:{self.kind}",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }

    def response(self) -> Response:
        return Response(
            json.dumps(self.body(), ensure_ascii=False).encode(),
            status_code=self.status,
            headers=self.headers,
            media_type=PROBLEM_MEDIA_TYPE,
        )


def unauthorized(detail: str, *, token_given: bool) -> Problem:
    """401, with the challenge RFC 6750 asks for."""
    challenge = f'{CHALLENGE}, error="invalid_token"' if token_given else CHALLENGE
    return Problem(401, detail, headers={"WWW-Authenticate": challenge})


def problem_for(error: BaseException, store: Store) -> Problem:
    """The problem that answers `error`, said as the command line says it."""
    if isinstance(error, Problem):
        return error
    if isinstance(error, InvalidCredentialsError):
        return unauthorized(str(error), token_given=True)
    if isinstance(error, NOT_FOUND):
        return Problem(404, str(error))
    if isinstance(error, VersionMismatchError):
        return Problem(412, str(error))
    told = said(error, lambda: store)
    status = 500 if told is None else STATUS_OF_EXIT_CODE.get(told.exit_code, 500)
    if told is None or status == 500:
        # The traceback goes to the server's log, never to the client.
        log.error("unexpected failure", exc_info=error)
        return Problem(
            500,
            f"unexpected failure ({type(error).__name__}); the server's log says where",
        )
    return Problem(status, without_password(told.message, store.url))
