"""The Grant aggregate: which grants can be given, and their revocation."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.access import (
    EffectiveDateLaterError,
    ExpiryNotLaterError,
    Grant,
    GrantAlreadyRevokedError,
    GrantScopeError,
    RevokedBeforeGrantedError,
    Role,
)
from domain.errors import InvalidValueError

D = date
TODAY = D(2025, 3, 10)


def give(**given: Any) -> Grant:
    fields: dict[str, Any] = {
        "principal": "alice@un.org",
        "role": Role.OFFICER,
        "body": "cybercrime-egm",
        "delegation": None,
        "expires": None,
        "token_hash": "0" * 64,
        "on": D(2025, 3, 1),
        "today": TODAY,
        "actor": "registrar",
        **given,
    }
    return Grant.give(**fields)


def test_a_grant_records_its_role_scope_and_the_hash_of_its_token() -> None:
    grant = give(role=Role.DELEGATION, delegation="Norway", expires=D(2025, 12, 31))

    (granted,) = grant.collect_events()

    assert isinstance(granted, Grant.Granted)
    assert (granted.principal, granted.role, granted.body, granted.delegation) == (
        "alice@un.org",
        "delegation",
        "cybercrime-egm",
        "Norway",
    )
    assert granted.expires == D(2025, 12, 31)
    assert granted.token_hash == "0" * 64
    assert (granted.on, granted.actor) == (D(2025, 3, 1), "registrar")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"role": Role.DELEGATION},
            "a delegation's grant names its body and delegation",
        ),
        (
            {"role": Role.DELEGATION, "body": None, "delegation": "Norway"},
            "a delegation's grant names its body and delegation",
        ),
        ({"delegation": "Norway"}, "only a delegation's grant names a delegation"),
        ({"role": Role.AUDITOR}, "an auditor reads every body"),
        ({"principal": " alice"}, "without spaces around it"),
        ({"principal": "alice\nbob"}, "on one line"),
        ({"principal": ""}, "the principal must not be empty"),
    ],
)
def test_a_grant_names_what_its_role_takes(given: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidValueError, match=message):
        give(**given)
    assert issubclass(GrantScopeError, InvalidValueError)


def test_an_auditor_and_an_officer_of_every_body_name_no_body() -> None:
    assert give(role=Role.AUDITOR, body=None).body is None
    assert give(body=None).body is None


@pytest.mark.parametrize("expires", [D(2025, 3, 1), D(2025, 3, 10), D(2025, 2, 1)])
def test_a_grant_expires_after_the_day_it_is_given_and_after_today(
    expires: date,
) -> None:
    with pytest.raises(ExpiryNotLaterError, match="would never hold"):
        give(expires=expires)


def test_a_grant_is_not_dated_after_today() -> None:
    with pytest.raises(EffectiveDateLaterError, match="later than today"):
        give(on=D(2025, 3, 11))


def test_a_grant_holds_until_its_expiry_date_begins_or_it_is_revoked() -> None:
    grant = give(expires=D(2025, 6, 30))

    assert grant.holds_on(D(2025, 6, 29))
    assert not grant.holds_on(D(2025, 6, 30))

    grant.revoke(on=D(2025, 3, 5), today=TODAY, actor="registrar")

    assert not grant.holds_on(D(2025, 3, 5))
    revoked = grant.collect_events()[-1]
    assert isinstance(revoked, Grant.Revoked)
    assert (revoked.on, revoked.actor) == (D(2025, 3, 5), "registrar")


def test_a_grant_is_revoked_once_and_not_before_it_was_given() -> None:
    grant = give()
    with pytest.raises(RevokedBeforeGrantedError, match="before it was given"):
        grant.revoke(on=D(2025, 2, 28), today=TODAY, actor="registrar")
    with pytest.raises(EffectiveDateLaterError):
        grant.revoke(on=D(2025, 3, 11), today=TODAY, actor="registrar")

    grant.revoke(on=D(2025, 3, 2), today=TODAY, actor="registrar")

    with pytest.raises(GrantAlreadyRevokedError, match="already revoked on 2025-03-02"):
        grant.revoke(on=D(2025, 3, 3), today=TODAY, actor="registrar")
