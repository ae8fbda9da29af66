"""Who a request comes from: nobody (no `Authorization`), the holder of a
token issued by `secretariat grant`, or a principal an OpenID Connect
provider vouches for. Credentials that are given and open nothing are
refused (401), never read as nobody's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.http.oidc import KeysUnavailableError, OidcVerifier, TokenRefusedError
from adapters.http.problems import Problem, unauthorized
from application.access import (
    ANONYMOUS,
    TOKEN_PREFIX,
    Credentials,
    InvalidCredentialsError,
)

if TYPE_CHECKING:
    from adapters.http.record import ServedRecord


class Authenticator:
    """Reads the `Authorization` header of a request into credentials."""

    def __init__(self, record: ServedRecord, oidc: OidcVerifier | None) -> None:
        self.record = record
        self.oidc = oidc

    def credentials(self, authorization: str | None) -> Credentials:
        """The credentials `authorization` stands for (runs in a worker
        thread: it reads the grants, and may read the provider's keys)."""
        if authorization is None:
            return ANONYMOUS
        scheme, _, token = authorization.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise unauthorized(
                "credentials are given as `Authorization: Bearer TOKEN`",
                token_given=False,
            )
        if token.startswith(TOKEN_PREFIX):
            try:
                return self.record.credentials_for_token(token)
            except InvalidCredentialsError as error:
                raise unauthorized(str(error), token_given=True) from None
        if self.oidc is None:
            raise unauthorized(
                "the bearer token is not one this service issued", token_given=True
            )
        try:
            claims = self.oidc.verify(token)
        except TokenRefusedError as error:
            raise unauthorized(str(error), token_given=True) from None
        except KeysUnavailableError as error:
            raise Problem(503, str(error)) from None
        return self.record.credentials_for_principal(claims.names)
