"""Bearer tokens issued by an OpenID Connect provider: a JSON Web Token whose
signature, issuer, audience and expiry are checked against the provider's
keys (a JWKS, read from a file or an address), with PyJWT.

Only the provider's public keys are trusted, and only asymmetric algorithms:
a token signed with a shared secret, or not signed, opens nothing, whatever
its header says.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jwt

ISSUER_VARIABLE = "SECRETARIAT_OIDC_ISSUER"
AUDIENCE_VARIABLE = "SECRETARIAT_OIDC_AUDIENCE"
JWKS_VARIABLE = "SECRETARIAT_OIDC_JWKS"
VARIABLES = (ISSUER_VARIABLE, AUDIENCE_VARIABLE, JWKS_VARIABLE)

ALGORITHMS = frozenset(
    {
        "RS256",
        "RS384",
        "RS512",
        "PS256",
        "PS384",
        "PS512",
        "ES256",
        "ES384",
        "ES512",
        "EdDSA",
    }
)
"""The signatures accepted: made with a private key only the provider holds."""

LEEWAY_SECONDS = 30
"""How far apart the provider's clock and this one may be."""

KEYS_LIFESPAN_SECONDS = 300
"""How long keys read from an address are kept before they are read again."""

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


class OidcSettingsError(ValueError):
    """Raised when the provider's settings are incomplete or unusable."""


class TokenRefusedError(Exception):
    """Raised when a token does not prove who it names: the reason, in a line."""


class KeysUnavailableError(Exception):
    """Raised when the provider's keys cannot be read."""


@dataclass(frozen=True)
class Claims:
    """Who a verified token names: its subject, and its e-mail address when
    the provider does not say it is unverified."""

    subject: str
    email: str | None

    @property
    def names(self) -> list[str]:
        return [self.subject] + ([self.email] if self.email else [])


class OidcVerifier:
    """Checks tokens against one provider's keys."""

    def __init__(self, issuer: str, audience: str, jwks: str) -> None:
        self.issuer = issuer
        self.audience = audience
        self.jwks = jwks
        if jwks.startswith(("https://", "http://")):
            parts = urlsplit(jwks)
            if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
                raise OidcSettingsError(
                    f"${JWKS_VARIABLE} names keys at {jwks}: keys are read over "
                    "https (http only from this machine)"
                )
            self._client: jwt.PyJWKClient | None = jwt.PyJWKClient(
                jwks, lifespan=KEYS_LIFESPAN_SECONDS, timeout=5
            )
            self._file: Path | None = None
        else:
            self._client = None
            self._file = Path(jwks)
            self._read_file()  # refuse a missing or unreadable file at once
        self._cached: tuple[float, jwt.PyJWKSet] | None = None
        self._lock = threading.Lock()

    def verify(self, token: str) -> Claims:
        """The claims of `token`, once its signature, issuer, audience and
        expiry are checked."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise TokenRefusedError(
                "the bearer token is not a token this service reads"
            ) from None
        key = self._key(header.get("kid"))
        if (
            key.algorithm_name not in ALGORITHMS
            or header.get("alg") != key.algorithm_name
        ):
            raise TokenRefusedError(
                f"the bearer token is signed with {header.get('alg')!r}, which "
                "the provider's key does not sign with"
            )
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key.key,
                algorithms=[key.algorithm_name],
                audience=self.audience,
                issuer=self.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError:
            raise TokenRefusedError("the bearer token has expired") from None
        except jwt.InvalidAudienceError:
            raise TokenRefusedError(
                f"the bearer token is not meant for this service ({self.audience})"
            ) from None
        except jwt.InvalidIssuerError:
            raise TokenRefusedError(
                f"the bearer token was not issued by {self.issuer}"
            ) from None
        except jwt.InvalidSignatureError:
            raise TokenRefusedError(
                "the bearer token's signature does not verify"
            ) from None
        except jwt.MissingRequiredClaimError as error:
            raise TokenRefusedError(
                f"the bearer token has no {error.claim!r} claim"
            ) from None
        except jwt.PyJWTError as error:
            raise TokenRefusedError(f"the bearer token is refused: {error}") from None
        subject = claims["sub"]
        email = claims.get("email")
        if not isinstance(subject, str) or not subject:
            raise TokenRefusedError("the bearer token names no subject")
        if not isinstance(email, str) or claims.get("email_verified") is False:
            email = None
        return Claims(subject, email or None)

    def _key(self, kid: Any) -> jwt.PyJWK:
        if self._client is not None:
            try:
                if kid is None:
                    keys = self._client.get_signing_keys()
                    if len(keys) != 1:
                        raise TokenRefusedError("the bearer token names no key ('kid')")
                    return keys[0]
                return self._client.get_signing_key(str(kid))
            except jwt.PyJWKClientConnectionError as error:
                raise KeysUnavailableError(
                    "the identity provider's keys cannot be read from "
                    f"{self.jwks}: {error}"
                ) from None
            except jwt.PyJWKClientError:
                raise TokenRefusedError(
                    "the bearer token is signed with a key the identity provider "
                    "does not publish"
                ) from None
        key_set = self._file_keys()
        if kid is None:
            if len(key_set.keys) == 1:
                return key_set.keys[0]
            raise TokenRefusedError("the bearer token names no key ('kid')")
        try:
            return key_set[str(kid)]
        except KeyError:
            raise TokenRefusedError(
                "the bearer token is signed with a key the identity provider "
                "does not publish"
            ) from None

    def _file_keys(self) -> jwt.PyJWKSet:
        """The keys of the file, read again when it changes (keys rotate)."""
        assert self._file is not None
        with self._lock:
            try:
                changed = self._file.stat().st_mtime
            except OSError as error:
                raise KeysUnavailableError(
                    f"the identity provider's keys cannot be read from {self._file}: "
                    f"{error.strerror}"
                ) from None
            if self._cached is None or self._cached[0] != changed:
                self._cached = (changed, self._read_file())
            return self._cached[1]

    def _read_file(self) -> jwt.PyJWKSet:
        assert self._file is not None
        try:
            return jwt.PyJWKSet.from_json(self._file.read_text(encoding="utf-8"))
        except OSError as error:
            raise KeysUnavailableError(
                f"the identity provider's keys cannot be read from {self._file}: "
                f"{error.strerror}"
            ) from None
        except (ValueError, jwt.PyJWTError) as error:
            raise KeysUnavailableError(
                f"{self._file} holds no key set (JWKS) this service can use: {error}"
            ) from None


def verifier_from_environment() -> OidcVerifier | None:
    """The provider named by `$SECRETARIAT_OIDC_*`, or None when none is set."""
    values = {name: os.environ.get(name, "").strip() for name in VARIABLES}
    if not any(values.values()):
        return None
    missing = [f"${name}" for name, value in values.items() if not value]
    if missing:
        raise OidcSettingsError(
            f"set {', '.join(missing)} too: an OpenID Connect provider is named "
            f"by ${ISSUER_VARIABLE}, ${AUDIENCE_VARIABLE} and ${JWKS_VARIABLE}"
        )
    try:
        return OidcVerifier(
            values[ISSUER_VARIABLE], values[AUDIENCE_VARIABLE], values[JWKS_VARIABLE]
        )
    except KeysUnavailableError as error:
        raise OidcSettingsError(str(error)) from None
