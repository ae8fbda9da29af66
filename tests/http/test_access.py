"""Credentials over HTTP: tokens from `secretariat grant`, and tokens of an
OpenID Connect provider checked against its keys (made here, in a local
JWKS file). The matrix: every role (none included) and every kind of token
that opens nothing, against every read endpoint."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from application.access import new_token as random_token
from application.access import token_hash
from domain.access import Grant
from tests.http.conftest import new_token, secretariat
from tests.http.server import Server, serving

BODY, OTHER = "cybercrime-egm", "ccpcj"
ISSUER = "https://id.example.org/realms/secretariat"
AUDIENCE = "secretariat-api"

READ_ENDPOINTS = [
    "/api/calendar",
    "/api/deadlines?today=2020-06-15",
    "/api/postponements",
    f"/api/bodies/{BODY}/sessions/6/history",
    f"/api/bodies/{BODY}/history",
    "/api/openapi.json",
    "/calendar.ics",
    "/",
    f"/{BODY}/session-6.html",
]
WITH_ACTORS = {
    "/api/deadlines?today=2020-06-15",
    "/api/postponements",
    f"/api/bodies/{BODY}/sessions/6/history",
    f"/api/bodies/{BODY}/history",
}
"""The answers of the example record that name who recorded something."""


@dataclass
class Provider:
    """An OpenID Connect provider of the tests' own: its keys, and tokens."""

    rsa_key: rsa.RSAPrivateKey
    ec_key: ec.EllipticCurvePrivateKey
    stranger: rsa.RSAPrivateKey
    jwks: Path

    def token(self, subject: str, *, key: str = "rsa", **claims: Any) -> str:
        now = int(time.time())
        payload = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": subject,
            "iat": now,
            "exp": now + 300,
            **claims,
        }
        payload = {k: v for k, v in payload.items() if v is not None}
        if key == "ec":
            return jwt.encode(payload, self.ec_key, "ES256", headers={"kid": "ec-1"})
        if key == "stranger":
            return jwt.encode(payload, self.stranger, "RS256", headers={"kid": "rsa-1"})
        return jwt.encode(payload, self.rsa_key, "RS256", headers={"kid": "rsa-1"})


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Provider:
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    keys = [
        {
            **json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(rsa_key.public_key())),
            "kid": "rsa-1",
            "alg": "RS256",
            "use": "sig",
        },
        {
            **json.loads(jwt.algorithms.ECAlgorithm.to_jwk(ec_key.public_key())),
            "kid": "ec-1",
            "alg": "ES256",
            "use": "sig",
        },
    ]
    jwks = tmp_path_factory.mktemp("provider") / "jwks.json"
    jwks.write_text(json.dumps({"keys": keys}), encoding="utf-8")
    return Provider(rsa_key, ec_key, stranger, jwks)


@pytest.fixture(scope="module")
def guarded(sqlite_example: str, provider: Provider) -> Iterator[Server]:
    """The example record served, trusting the tests' provider."""
    with serving(
        sqlite_example,
        SECRETARIAT_OIDC_ISSUER=ISSUER,
        SECRETARIAT_OIDC_AUDIENCE=AUDIENCE,
        SECRETARIAT_OIDC_JWKS=str(provider.jwks),
    ) as server:
        yield server


def expired_token(store: str) -> str:
    """The token of a grant that expired on 1 January 2020, recorded as if
    long ago (a grant cannot be given already expired)."""
    token = random_token()
    app = open_secretariat(parse_store_url(store), create=False)
    try:
        app.save(
            Grant(
                principal="former@example.org",
                role="auditor",
                body=None,
                delegation=None,
                expires=date(2020, 1, 1),
                token_hash=token_hash(token),
                on=date(2019, 1, 1),
                actor="registrar",
            )
        )
    finally:
        app.close()
    return token


@pytest.fixture(scope="module")
def credentials(
    sqlite_example: str, guarded: Server, provider: Provider
) -> dict[str, tuple[str | None, str]]:
    """A token of every kind, by what it is, with what it should see:
    `actors`, `public` (the reads without actors) or `refused` (401)."""
    store = sqlite_example
    grant = new_token
    revoked = grant(store, "gone@example.org", "--role", "officer")
    secretariat(store, "revoke", "gone@example.org")
    grant(store, "carol@example.org", "--role", "officer", "--body", BODY)
    return {
        "no credentials": (None, "public"),
        "officer of every body": (grant(store, "o1", "--role", "officer"), "actors"),
        "officer of the body": (
            grant(store, "o2", "--role", "officer", "--body", BODY),
            "actors",
        ),
        "officer of another body": (
            grant(store, "o3", "--role", "officer", "--body", OTHER),
            "actors",
        ),
        "delegation": (
            grant(
                store,
                "d1",
                "--role",
                "delegation",
                "--body",
                BODY,
                "--delegation",
                "Norway",
            ),
            "public",
        ),
        "auditor": (grant(store, "a1", "--role", "auditor"), "actors"),
        "provider: officer by e-mail": (
            provider.token("subject-17", email="carol@example.org"),
            "actors",
        ),
        "provider: EC key, no grant": (
            provider.token("subject-18", key="ec"),
            "public",
        ),
        "expired token": (expired_token(store), "refused"),
        "revoked token": (revoked, "refused"),
        "unknown token": (random_token(), "refused"),
        "not a bearer token": ("Basic YWxpY2U6c2VjcmV0", "refused"),
        "provider: expired": (
            provider.token("subject-19", exp=int(time.time()) - 3600),
            "refused",
        ),
        "provider: another audience": (
            provider.token("subject-20", aud="another-service"),
            "refused",
        ),
        "provider: another issuer": (
            provider.token("subject-21", iss="https://elsewhere.example.org"),
            "refused",
        ),
        "provider: a key it does not publish": (
            provider.token("subject-22", key="stranger"),
            "refused",
        ),
        "provider: signed with its public key as a secret": (
            forged_with_public_key(provider),
            "refused",
        ),
        "provider: unsigned": (unsigned("subject-24"), "refused"),
        "provider: no subject": (provider.token(None), "refused"),  # type: ignore[arg-type]
    }


def forged_with_public_key(provider: Provider) -> str:
    """The old trick: HS256 with the provider's public key as the secret."""
    import base64
    import hashlib
    import hmac

    from cryptography.hazmat.primitives import serialization

    public = provider.rsa_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )

    def part(value: dict[str, Any]) -> str:
        raw = json.dumps(value).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    now = int(time.time())
    signed = ".".join(
        [
            part({"alg": "HS256", "typ": "JWT", "kid": "rsa-1"}),
            part({"iss": ISSUER, "aud": AUDIENCE, "sub": "o1", "exp": now + 300}),
        ]
    )
    mac = hmac.new(public, signed.encode(), hashlib.sha256).digest()
    return signed + "." + base64.urlsafe_b64encode(mac).rstrip(b"=").decode()


def unsigned(subject: str) -> str:
    now = int(time.time())
    return jwt.encode(
        {"iss": ISSUER, "aud": AUDIENCE, "sub": subject, "exp": now + 300},
        None,
        algorithm="none",
        headers={"kid": "rsa-1"},
    )


def test_every_role_against_every_read_endpoint(
    guarded: Server, credentials: dict[str, tuple[str | None, str]]
) -> None:
    checked = 0
    for role, (token, sees) in credentials.items():
        headers = {}
        if token is not None:
            headers["Authorization"] = (
                token if token.startswith("Basic ") else f"Bearer {token}"
            )
        with guarded.client() as client:
            for endpoint in READ_ENDPOINTS:
                answer = client.get(endpoint, headers=headers)
                where = (role, endpoint, answer.text[:300])
                checked += 1
                if sees == "refused":
                    assert answer.status_code == 401, where
                    assert answer.headers["content-type"] == "application/problem+json"
                    assert answer.headers["www-authenticate"].startswith(
                        'Bearer realm="secretariat"'
                    ), where
                    continue
                assert answer.status_code == 200, where
                if endpoint in WITH_ACTORS:
                    assert ('"actor":' in answer.text) is (sees == "actors"), where
                elif endpoint != "/api/openapi.json":  # a schema names the key
                    assert '"actor":' not in answer.text, where
                cache = answer.headers.get("cache-control")
                if endpoint.startswith("/api/") and endpoint != "/api/openapi.json":
                    assert cache == (
                        "no-cache" if token is None else "private, no-cache"
                    ), where
    assert checked == len(credentials) * len(READ_ENDPOINTS) == 19 * 9


def test_a_refused_token_is_told_why(
    guarded: Server, credentials: dict[str, tuple[str | None, str]]
) -> None:
    reasons = {}
    with guarded.client() as client:
        for role in (
            "expired token",
            "revoked token",
            "unknown token",
            "provider: expired",
            "provider: another audience",
            "provider: another issuer",
        ):
            token = credentials[role][0]
            answer = client.get(
                "/api/calendar", headers={"Authorization": f"Bearer {token}"}
            )
            reasons[role] = answer.json()["detail"]

    assert reasons["expired token"] == "the bearer token expired on 2020-01-01"
    assert reasons["revoked token"].startswith(
        "the bearer token's grant was revoked on"
    )
    assert reasons["unknown token"] == "the bearer token is not one this service issued"
    assert reasons["provider: expired"] == "the bearer token has expired"
    assert reasons["provider: another audience"] == (
        f"the bearer token is not meant for this service ({AUDIENCE})"
    )
    assert reasons["provider: another issuer"] == (
        f"the bearer token was not issued by {ISSUER}"
    )


def test_a_grant_and_a_revocation_count_at_the_next_request(
    guarded: Server, sqlite_example: str
) -> None:
    history = f"/api/bodies/{BODY}/sessions/6/history"
    token = new_token(sqlite_example, "late@example.org", "--role", "auditor")
    with guarded.client(token) as client:
        granted = client.get(history)
        secretariat(sqlite_example, "revoke", "late@example.org")
        revoked = client.get(history)

    assert granted.status_code == 200
    assert '"actor":' in granted.text
    assert revoked.status_code == 401


def test_the_log_names_the_principal_and_never_a_token(
    guarded: Server, credentials: dict[str, tuple[str | None, str]]
) -> None:
    token = credentials["auditor"][0]
    with guarded.client(token) as client:
        client.get("/api/calendar", params={"body": BODY})

    lines = guarded.said(
        lambda line: line["event"] == "request" and line.get("query") == f"body={BODY}"
    )
    assert lines[-1]["principal"] == "a1"
    assert lines[-1]["status"] == 200
    every = "".join(guarded.lines)
    for secret, _ in credentials.values():
        assert secret is None or secret not in every


def test_a_token_is_in_the_store_only_as_its_hash(sqlite_example: str) -> None:
    token = new_token(sqlite_example, "hashed@example.org", "--role", "auditor")
    database = Path(parse_store_url(sqlite_example).path or "")
    stored = b"".join(  # the database, and its write-ahead log
        path.read_bytes() for path in database.parent.glob(f"{database.name}*")
    )

    assert token.encode() not in stored
    assert token_hash(token).encode() in stored
    assert token not in secretariat(sqlite_example, "grants", "--json")


COMMANDS_TRIED: dict[str, tuple[str, dict[str, object]]] = {
    "postpone a closed session": (
        "postpone-session",
        {
            "body": BODY,
            "number": 6,
            "reason": "Tried",
            "start": "2030-01-07",
            "end": "2030-01-09",
        },
    ),
    "establish a body there is": (
        "establish-body",
        {"code": BODY, "name": "Again"},
    ),
    "schedule on another body": (
        "schedule-session",
        {
            "body": OTHER,
            "number": 1,
            "title": "First",
            "start": "2030-01-07",
            "end": "2030-01-09",
            "venue": "Vienna",
        },
    ),
    "comments of Norway, for no call": (
        "receive-submission",
        {
            "body": BODY,
            "period": "2018-2021",
            "cycle": 2021,
            "from": "Norway",
            "as": "member-state",
        },
    ),
    "comments of Sweden": (
        "receive-submission",
        {
            "body": BODY,
            "period": "2018-2021",
            "cycle": 2021,
            "from": "Sweden",
            "as": "member-state",
        },
    ),
    "comments of Norway, backdated": (
        "receive-submission",
        {
            "body": BODY,
            "period": "2018-2021",
            "cycle": 2021,
            "from": "Norway",
            "as": "member-state",
            "on": "2020-03-01",
        },
    ),
}
"""A command of every kind the rule of access tells apart, each one the record
refuses when it is allowed (422, or 404 for a body there is not): trying it
writes nothing, whoever tries."""

ALLOWED_ANSWER = {
    "postpone a closed session": 422,
    "establish a body there is": 422,
    "schedule on another body": 404,
    "comments of Norway, for no call": 422,
    "comments of Sweden": 422,
    "comments of Norway, backdated": 422,
}


def may(role: str, tried: str) -> bool:
    """The rule of access, written out for the roles of `credentials`."""
    if role in ("officer of every body",):
        return True
    if role in ("officer of the body", "provider: officer by e-mail"):
        return tried != "schedule on another body"
    if role == "officer of another body":
        return tried == "schedule on another body"
    if role == "delegation":
        return tried == "comments of Norway, for no call"
    return False


def test_every_role_against_every_kind_of_command(
    guarded: Server,
    credentials: dict[str, tuple[str | None, str]],
    sqlite_example: str,
) -> None:
    head = secretariat(sqlite_example, "projections", "status", "--json")
    checked = 0
    for role, (token, sees) in credentials.items():
        headers = {}
        if token is not None:
            headers["Authorization"] = (
                token if token.startswith("Basic ") else f"Bearer {token}"
            )
        with guarded.client() as client:
            for tried, (verb, fields) in COMMANDS_TRIED.items():
                answer = client.post(
                    f"/api/commands/{verb}", json=fields, headers=headers
                )
                where = (role, tried, answer.text[:300])
                checked += 1
                if token is None or sees == "refused":
                    expected = 401
                elif may(role, tried):
                    expected = ALLOWED_ANSWER[tried]
                else:
                    expected = 403
                assert answer.status_code == expected, where
                assert answer.headers["content-type"] == "application/problem+json"
    assert checked == len(credentials) * len(COMMANDS_TRIED) == 19 * 6
    assert secretariat(sqlite_example, "projections", "status", "--json") == head
