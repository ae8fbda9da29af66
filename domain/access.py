"""Who may use the record's service, and for what: a role granted to a
principal (a person or a system, known by a name or an e-mail address), with
a bearer token issued with it, until it expires or is revoked.

Grants are decisions like the others: recorded as events with their effective
date and actor, so that an auditor can tell who could do what on any date.
"""

from __future__ import annotations

import enum
from datetime import date

from eventsourcing.domain import Aggregate, event

from domain.errors import DomainError, InvalidValueError
from domain.values import check_date, check_text


class Role(enum.Enum):
    """What a grant lets its principal do."""

    OFFICER = "officer"
    """Record every decision on one body (or on every body)."""
    DELEGATION = "delegation"
    """Send the written comments of one delegation to one body."""
    AUDITOR = "auditor"
    """Read everything, with who recorded each decision."""


class Grant(Aggregate):
    """A role given to a principal, with the hash of the bearer token issued
    with it (the token itself is never recorded)."""

    class Event(Aggregate.Event):
        on: date
        actor: str

    @classmethod
    def give(
        cls,
        *,
        principal: str,
        role: Role,
        body: str | None,
        delegation: str | None,
        expires: date | None,
        token_hash: str,
        on: date,
        today: date,
        actor: str,
    ) -> Grant:
        """Grant `role` to `principal`: an officer of `body` (of every body
        when None), the delegation `delegation` to `body`, or an auditor."""
        check_principal(principal)
        check_not_later(on, today)
        if role is Role.DELEGATION:
            if body is None or delegation is None:
                raise GrantScopeError(
                    "a delegation's grant names its body and delegation"
                )
            check_text(delegation, what="the delegation")
        elif delegation is not None:
            raise GrantScopeError(
                f"only a delegation's grant names a delegation, not an {role.value}'s"
            )
        if role is Role.AUDITOR and body is not None:
            raise GrantScopeError("an auditor reads every body: the grant names none")
        if expires is not None:
            check_date(expires, what="the expiry")
            if expires <= on or expires <= today:
                raise ExpiryNotLaterError(expires)
        return cls(
            principal=principal,
            role=role.value,
            body=body,
            delegation=delegation,
            expires=expires,
            token_hash=token_hash,
            on=on,
            actor=actor,
        )

    class Granted(Event, Aggregate.Created):
        """A role was granted to a principal (for one body, or every body
        when `body` is None; for one delegation), until `expires` if given,
        with a bearer token whose hash is `token_hash`."""

        principal: str
        role: str
        body: str | None
        delegation: str | None
        expires: date | None
        token_hash: str

    @event(Granted)
    def __init__(
        self,
        principal: str,
        role: str,
        body: str | None,
        delegation: str | None,
        expires: date | None,
        token_hash: str,
        on: date,
        actor: str,
    ) -> None:
        self.principal = principal
        self.role = Role(role)
        self.body = body
        self.delegation = delegation
        self.expires = expires
        self.token_hash = token_hash
        self.granted_on = on
        self.revoked_on: date | None = None

    def revoke(self, *, on: date, today: date, actor: str) -> None:
        """End the grant: its token no longer opens anything."""
        if self.revoked_on is not None:
            raise GrantAlreadyRevokedError(self.principal, self.revoked_on)
        check_not_later(on, today)
        if on < self.granted_on:
            raise RevokedBeforeGrantedError(self.granted_on, on)
        self._revoke(on=on, actor=actor)

    class Revoked(Event):
        """The grant was ended: its token no longer opens anything."""

    @event(Revoked)
    def _revoke(self, on: date, actor: str) -> None:
        self.revoked_on = on

    def holds_on(self, day: date) -> bool:
        """Whether the grant is in force on `day`."""
        return in_force(expires=self.expires, revoked_on=self.revoked_on, day=day)


def in_force(*, expires: date | None, revoked_on: date | None, day: date) -> bool:
    """Whether a grant is in force on `day`: not revoked (from the moment the
    revocation is recorded, whatever its effective date), and not expired (a
    grant expiring on a date holds until that date begins)."""
    return revoked_on is None and (expires is None or day < expires)


def check_principal(principal: str) -> str:
    """A principal is named on one line, as its provider writes it."""
    check_text(principal, what="the principal")
    if principal != principal.strip() or any(c in principal for c in "\n\t"):
        raise InvalidValueError(
            f"the principal {principal!r} is written on one line, without "
            "spaces around it"
        )
    return principal


def check_not_later(on: date, today: date) -> None:
    if on > today:
        raise EffectiveDateLaterError(on, today)


class GrantScopeError(InvalidValueError):
    """Raised when a grant names a body or delegation its role does not take,
    or leaves out one it needs."""


class ExpiryNotLaterError(DomainError):
    """Raised when a grant would expire on or before the day it is given, or
    has already expired."""

    def __init__(self, expires: date) -> None:
        super().__init__(
            f"a grant expiring on {expires.isoformat()} would never hold: it "
            "expires after the day it is given, and after today"
        )


class EffectiveDateLaterError(DomainError):
    """Raised when a grant or revocation is dated after the day it is recorded."""

    def __init__(self, on: date, today: date) -> None:
        super().__init__(
            f"the effective date {on.isoformat()} is later than today "
            f"({today.isoformat()})"
        )


class GrantAlreadyRevokedError(DomainError):
    """Raised when a grant that was revoked is revoked again."""

    def __init__(self, principal: str, revoked_on: date) -> None:
        super().__init__(
            f"the grant of {principal} was already revoked on {revoked_on.isoformat()}"
        )


class RevokedBeforeGrantedError(DomainError):
    """Raised when a revocation is dated before the grant it ends."""

    def __init__(self, granted_on: date, on: date) -> None:
        super().__init__(
            f"a grant given on {granted_on.isoformat()} cannot be revoked on "
            f"{on.isoformat()}, before it was given"
        )


class NoGrantToRevokeError(DomainError):
    """Raised when a principal with no grant in force is revoked."""

    def __init__(self, principal: str) -> None:
        super().__init__(f"{principal} holds no grant to revoke")
