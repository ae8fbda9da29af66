"""Grants in a real store, on SQLite and PostgreSQL: one recorded by one
process counts in another's next question, and an encrypted store keeps them
(and their tokens' hashes) encrypted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from adapters.bootstrap import create_store, open_secretariat
from adapters.store import CIPHER_KEY_VARIABLE, new_cipher_key, parse_store_url
from application.access import Access, InvalidCredentialsError, token_hash
from domain.access import Role

TODAY = date(2025, 3, 10)


def test_a_grant_and_a_revocation_by_another_process_count_at_the_next_question(
    store: str,
) -> None:
    serving = open_secretariat(parse_store_url(store), create=True)
    create_store(serving)  # as a server does, before anything is recorded
    granting = open_secretariat(parse_store_url(store), create=False)
    try:
        served, other = Access(serving), Access(granting)
        assert served.listing() == {"grants": []}

        token = other.grant(
            "alice@example.org", Role.AUDITOR, on=TODAY, today=TODAY, actor="registrar"
        ).token
        seen = served.credentials_for_token(token, TODAY)
        other.revoke("alice@example.org", on=TODAY, today=TODAY, actor="registrar")

        assert seen.principal == "alice@example.org"
        with pytest.raises(InvalidCredentialsError, match="revoked"):
            served.credentials_for_token(token, TODAY)
    finally:
        serving.close()
        granting.close()


def test_an_encrypted_store_keeps_its_grants_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CIPHER_KEY_VARIABLE, new_cipher_key())
    path = tmp_path / "record.db"
    app = open_secretariat(parse_store_url(f"sqlite:///{path}"), create=True)
    try:
        token = (
            Access(app)
            .grant(
                "alice@example.org",
                Role.OFFICER,
                body="cybercrime-egm",
                on=TODAY,
                today=TODAY,
                actor="registrar",
            )
            .token
        )
        found = Access(app).credentials_for_token(token, TODAY)
    finally:
        app.close()
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("record.db*"))

    assert found.principal == "alice@example.org"
    for secret in (token, token_hash(token), "alice@example.org", "registrar"):
        assert secret.encode() not in stored
