"""Grants recorded as events, the tokens issued with them, and what each role
may do (the role x operation matrix: every role, every command)."""

from __future__ import annotations

from datetime import date

import pytest

from application.access import (
    ANONYMOUS,
    READ,
    Access,
    Credentials,
    InvalidCredentialsError,
    Operation,
    allowed,
    sees_actors,
    token_hash,
    without_actors,
)
from application.commands import COMMANDS
from application.secretariat import Secretariat
from domain.access import NoGrantToRevokeError, Role

D = date
TODAY = D(2025, 3, 10)
BODY, OTHER = "cybercrime-egm", "ccpcj"


@pytest.fixture
def access(secretariat: Secretariat) -> Access:
    return Access(secretariat)


def grant(access: Access, principal: str, role: Role, **scope: object) -> str:
    issued = access.grant(
        principal, role, on=D(2025, 3, 1), today=TODAY, actor="registrar", **scope
    )  # type: ignore[arg-type]
    return issued.token


def test_a_token_is_shown_once_and_only_its_hash_is_recorded(
    access: Access, secretariat: Secretariat
) -> None:
    token = grant(access, "alice@un.org", Role.OFFICER, body=BODY)

    stored = b"".join(
        n.state for n in secretariat.recorder.select_notifications(start=None, limit=99)
    )
    assert token.startswith("sct_")
    assert len(token) > 40
    assert token.encode() not in stored
    assert token_hash(token).encode() in stored
    assert "sct_" not in str(access.listing())


def test_a_token_stands_for_its_own_grant_alone(access: Access) -> None:
    officer = grant(access, "alice@un.org", Role.OFFICER, body=BODY)
    grant(access, "alice@un.org", Role.AUDITOR)

    credentials = access.credentials_for_token(officer, TODAY)

    assert credentials.principal == "alice@un.org"
    assert [g.role for g in credentials.grants] == [Role.OFFICER]


def test_a_token_opens_nothing_once_expired_or_revoked_or_when_unknown(
    access: Access,
) -> None:
    expiring = grant(access, "bob", Role.AUDITOR, expires=D(2025, 6, 30))
    revoked = grant(access, "carol", Role.AUDITOR)
    access.revoke("carol", on=TODAY, today=TODAY, actor="registrar")

    assert access.credentials_for_token(expiring, D(2025, 6, 29)).principal == "bob"
    with pytest.raises(InvalidCredentialsError, match="expired on 2025-06-30"):
        access.credentials_for_token(expiring, D(2025, 6, 30))
    with pytest.raises(InvalidCredentialsError, match="revoked on 2025-03-10"):
        access.credentials_for_token(revoked, TODAY)
    with pytest.raises(InvalidCredentialsError, match="not one this service issued"):
        access.credentials_for_token("sct_" + "x" * 43, TODAY)


def test_revoking_a_principal_ends_every_grant_it_holds_and_only_those(
    access: Access,
) -> None:
    first = grant(access, "alice@un.org", Role.OFFICER, body=BODY)
    second = grant(access, "alice@un.org", Role.AUDITOR)
    other = grant(access, "bob", Role.AUDITOR)

    ended = access.revoke("Alice@UN.org", on=TODAY, today=TODAY, actor="registrar")

    assert [(g.role, g.revoked_on, g.revoked_by) for g in ended] == [
        (Role.OFFICER, TODAY, "registrar"),
        (Role.AUDITOR, TODAY, "registrar"),
    ]
    for token in (first, second):
        with pytest.raises(InvalidCredentialsError):
            access.credentials_for_token(token, TODAY)
    assert access.credentials_for_token(other, TODAY).principal == "bob"
    with pytest.raises(NoGrantToRevokeError, match=r"alice@un\.org holds no grant"):
        access.revoke("alice@un.org", on=TODAY, today=TODAY, actor="registrar")


def test_the_listing_shows_every_grant_with_its_dates_and_never_a_token(
    access: Access,
) -> None:
    grant(access, "alice@un.org", Role.OFFICER, body=BODY, expires=D(2026, 1, 1))
    grant(access, "norway", Role.DELEGATION, body=BODY, delegation="Norway")
    access.revoke("norway", on=TODAY, today=TODAY, actor="registrar")

    listed = access.listing()["grants"]

    assert [{k: v for k, v in g.items() if k != "recorded_at"} for g in listed] == [
        {
            "principal": "alice@un.org",
            "role": "officer",
            "body": BODY,
            "delegation": None,
            "granted": "2025-03-01",
            "expires": "2026-01-01",
            "revoked": None,
            "actor": "registrar",
        },
        {
            "principal": "norway",
            "role": "delegation",
            "body": BODY,
            "delegation": "Norway",
            "granted": "2025-03-01",
            "expires": None,
            "revoked": "2025-03-10",
            "actor": "registrar",
        },
    ]


def test_a_principal_vouched_for_elsewhere_has_the_grants_in_force_under_its_names(
    access: Access,
) -> None:
    grant(access, "alice@un.org", Role.OFFICER, body=BODY)
    grant(access, "alice@un.org", Role.AUDITOR, expires=D(2025, 3, 20))

    today = access.credentials_for_principal(["subject-1", "Alice@un.org"], TODAY)
    later = access.credentials_for_principal(
        ["subject-1", "alice@un.org"], D(2025, 4, 1)
    )
    stranger = access.credentials_for_principal(["subject-2"], TODAY)

    assert today.principal == "alice@un.org"
    assert sorted(g.role.value for g in today.grants) == ["auditor", "officer"]
    assert [g.role for g in later.grants] == [Role.OFFICER]
    assert stranger == Credentials("subject-2", ())


def roles(access: Access) -> dict[str, Credentials]:
    """A principal of every role, and none."""
    made = {
        "officer of every body": grant(access, "o1", Role.OFFICER),
        "officer of the body": grant(access, "o2", Role.OFFICER, body=BODY),
        "officer of another body": grant(access, "o3", Role.OFFICER, body=OTHER),
        "delegation of Norway": grant(
            access, "d1", Role.DELEGATION, body=BODY, delegation="Norway"
        ),
        "delegation to another body": grant(
            access, "d2", Role.DELEGATION, body=OTHER, delegation="Norway"
        ),
        "auditor": grant(access, "a1", Role.AUDITOR),
    }
    found = {name: access.credentials_for_token(t, TODAY) for name, t in made.items()}
    found["no grant"] = access.credentials_for_principal(["someone"], TODAY)
    found["no credentials"] = ANONYMOUS
    return found


def expected(role: str, operation: Operation) -> bool:
    """The matrix, written out: what each role may do."""
    if operation.command is None:
        return True
    if role == "officer of every body":
        return True
    if role.startswith("officer of"):
        return operation.body == (BODY if role == "officer of the body" else OTHER)
    if role.startswith("delegation"):
        return (
            operation.command == "receive-submission"
            and not operation.backdated
            and operation.body == (BODY if role == "delegation of Norway" else OTHER)
            and operation.submitter in ("Norway", "norway")
        )
    return False


OPERATIONS = [
    READ,
    *(
        Operation(command, body, submitter, backdated)
        for command in [*sorted(COMMANDS), "grant", "revoke"]
        for body in ([None] if command in ("grant", "revoke") else [BODY, OTHER])
        for submitter in (
            ["Norway", "norway", "Sweden"]
            if command == "receive-submission"
            else [None]
        )
        for backdated in (False, True)
    ),
]


def test_each_role_may_do_what_the_matrix_says_and_nothing_else(
    access: Access,
) -> None:
    found = roles(access)
    checked = 0
    for role, credentials in found.items():
        for operation in OPERATIONS:
            assert allowed(credentials, operation) is expected(role, operation), (
                role,
                operation,
            )
            checked += 1
    assert checked == 8 * len(OPERATIONS)


def test_officers_and_auditors_see_actors_delegations_and_the_public_do_not(
    access: Access,
) -> None:
    found = roles(access)

    assert {role for role, c in found.items() if sees_actors(c)} == {
        "officer of every body",
        "officer of the body",
        "officer of another body",
        "auditor",
    }


def test_an_answer_without_actors_has_none_at_any_depth() -> None:
    answer = {
        "actor": "x",
        "calls": [{"extensions": [{"to": "2020-06-01", "actor": "y"}], "n": 1}],
        "struck": {"on": "2020-01-01", "actor": "z"},
    }

    assert without_actors(answer) == {
        "calls": [{"extensions": [{"to": "2020-06-01"}], "n": 1}],
        "struck": {"on": "2020-01-01"},
    }


def test_a_delegation_sends_its_comments_under_any_name_of_its_member_state(
    access: Access,
) -> None:
    token = grant(
        access, "moscow", Role.DELEGATION, body=BODY, delegation="Russian Federation"
    )
    credentials = access.credentials_for_token(token, TODAY)

    def sends(submitter: str) -> bool:
        return allowed(credentials, Operation("receive-submission", BODY, submitter))

    assert sends("Russia")
    assert sends("russian  federation")
    assert not sends("Belarus")
