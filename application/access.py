"""Access to the record's service: grants recorded as events, the bearer
tokens issued with them, and the one rule that says what a principal may do.

A grant is saved in the Secretariat's own log, beside the decisions it
governs: one record, one encryption, one history for an auditor to replay.
`Grants` is the read model the service asks: built from the grant events of
the log, and brought up to date with the events recorded since before each
question, so that a grant or revocation recorded by any process counts at its
next request, without a restart.

A token is 256 random bits: no guess or dictionary can find one, so a fast
hash (SHA-256) keeps it as safe as a slow password hash would, and lets the
service find its grant by the hash alone.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

import attrs
from eventsourcing.persistence import IntegrityError
from eventsourcing.utils import get_topic

from application.errors import ConflictError
from domain.access import Grant, NoGrantToRevokeError, Role, in_force
from domain.delegations import same_delegation

if TYPE_CHECKING:
    from application.secretariat import Secretariat

TOKEN_PREFIX = "sct_"
"""How a token issued here starts: it tells it from an OpenID Connect token,
and lets a secret scanner recognise one left in a file."""

TOKEN_BYTES = 32

GRANT_TOPICS = (get_topic(Grant.Granted), get_topic(Grant.Revoked))
"""The topics of the grant events in the log."""

PAGE = 1_000
"""Grant events read from the log at a time."""


def new_token() -> str:
    """A new bearer token: shown once, never stored."""
    return TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """What is stored of a token, and how it is found again."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@attrs.frozen
class GrantRecord:
    """One grant as the read model holds it."""

    id: UUID
    principal: str
    role: Role
    body: str | None
    delegation: str | None
    granted_on: date
    expires: date | None
    actor: str
    recorded_at: datetime
    token_hash: str = attrs.field(repr=False)
    revoked_on: date | None = None
    revoked_by: str | None = None

    def holds_on(self, day: date) -> bool:
        """Whether the grant is in force on `day` (`domain.access.in_force`)."""
        return in_force(expires=self.expires, revoked_on=self.revoked_on, day=day)

    def answer(self) -> dict[str, Any]:
        """The grant as `grants --json` shows it: never its token."""
        return {
            "principal": self.principal,
            "role": self.role.value,
            "body": self.body,
            "delegation": self.delegation,
            "granted": self.granted_on.isoformat(),
            "expires": None if self.expires is None else self.expires.isoformat(),
            "revoked": None if self.revoked_on is None else self.revoked_on.isoformat(),
            "actor": self.actor,
            "recorded_at": self.recorded_at.isoformat(),
        }


class Grants:
    """Every grant of the log, kept in memory and brought up to date with the
    events recorded since, before each question (one read of the log's head
    when nothing was recorded)."""

    def __init__(self, secretariat: Secretariat) -> None:
        self._secretariat = secretariat
        self._position = 0
        self._grants: dict[UUID, GrantRecord] = {}
        self._by_hash: dict[str, UUID] = {}
        self._lock = threading.Lock()

    def all(self) -> list[GrantRecord]:
        """Every grant, in the order recorded."""
        with self._lock:
            self._refresh()
            return list(self._grants.values())

    def by_token(self, hashed: str) -> GrantRecord | None:
        with self._lock:
            self._refresh()
            found = self._by_hash.get(hashed)
            return None if found is None else self._grants[found]

    def of_principal(self, principal: str) -> list[GrantRecord]:
        """The grants of `principal`; an e-mail address is matched in any case."""
        with self._lock:
            self._refresh()
            return [
                g
                for g in self._grants.values()
                if same_principal(g.principal, principal)
            ]

    def _refresh(self) -> None:
        recorder = self._secretariat.recorder
        head = recorder.max_notification_id() or 0
        while self._position < head:
            page = recorder.select_notifications(
                self._position,
                PAGE,
                stop=head,
                topics=GRANT_TOPICS,
                inclusive_of_start=False,
            )
            for notification in page:
                self._apply(self._secretariat.mapper.to_domain_event(notification))
            self._position = page[-1].id if len(page) == PAGE else head

    def _apply(self, event: Any) -> None:
        if isinstance(event, Grant.Granted):
            record = GrantRecord(
                id=event.originator_id,
                principal=event.principal,
                role=Role(event.role),
                body=event.body,
                delegation=event.delegation,
                granted_on=event.on,
                expires=event.expires,
                actor=event.actor,
                recorded_at=event.timestamp,
                token_hash=event.token_hash,
            )
            self._grants[record.id] = record
            self._by_hash[record.token_hash] = record.id
        elif isinstance(event, Grant.Revoked):
            granted = self._grants[event.originator_id]
            self._grants[granted.id] = attrs.evolve(
                granted, revoked_on=event.on, revoked_by=event.actor
            )


def same_principal(recorded: str, presented: str) -> bool:
    """A principal's names match as written; e-mail addresses in any case."""
    if recorded == presented:
        return True
    return "@" in recorded and recorded.casefold() == presented.casefold()


@attrs.frozen
class Credentials:
    """Who a request comes from (no principal: nobody said) and the grants in
    force for it."""

    principal: str | None = None
    grants: tuple[GrantRecord, ...] = ()

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(grant.role for grant in self.grants)


ANONYMOUS = Credentials()


@attrs.frozen
class Operation:
    """What a request asks to do: read the record (no command), or record
    `command` on `body` (None: a command on no body, such as a grant);
    `submitter` is who a submission comes from, and `backdated` whether it
    is dated another day than the one it arrives."""

    command: str | None = None
    body: str | None = None
    submitter: str | None = None
    backdated: bool = False


READ = Operation()

SUBMISSION = "receive-submission"
"""The one command a delegation may record: its own comments."""


def allowed(credentials: Credentials, operation: Operation) -> bool:
    """Whether `credentials` may carry out `operation`. Anybody may read; an
    officer records every command on the body of the grant (on every body when
    the grant names none; only such an officer records a command on no body);
    a delegation records only the comments it sends itself to its body (named
    however it is written: `Russia` for the Russian Federation), dated the
    day they arrive; an auditor records nothing."""
    if operation.command is None:
        return True
    return any(_grant_allows(grant, operation) for grant in credentials.grants)


def _grant_allows(grant: GrantRecord, operation: Operation) -> bool:
    if grant.role is Role.OFFICER:
        return grant.body is None or grant.body == operation.body
    if grant.role is Role.DELEGATION:
        return (
            operation.command == SUBMISSION
            and not operation.backdated
            and operation.body == grant.body
            and operation.submitter is not None
            and grant.delegation is not None
            and same_delegation(operation.submitter, grant.delegation)
        )
    return False


def refusal(credentials: Credentials, operation: Operation) -> str:
    """Why `credentials` may not carry out `operation`, in one line."""
    who = credentials.principal or "a request without credentials"
    where = f" on {operation.body}" if operation.body else ""
    delegations = [g for g in credentials.grants if g.role is Role.DELEGATION]
    if operation.command == SUBMISSION and delegations:
        if operation.backdated:
            return f"{who} sends comments dated the day they arrive: leave out 'on'"
        sent = ", ".join(f"{g.delegation} to {g.body}" for g in delegations)
        return f"{who} may record only the comments of {sent}"
    if not credentials.grants:
        return f"{who} holds no grant in force, and may only read"
    return f"{who} may not record {operation.command}{where}"


def sees_actors(credentials: Credentials) -> bool:
    """Whether answers to `credentials` name who recorded each decision: the
    secretariat's officers and auditors see them; delegations and the public
    do not."""
    return bool(credentials.roles & {Role.OFFICER, Role.AUDITOR})


def without_actors(answer: Any) -> Any:
    """`answer` without the `actor` key, at every depth."""
    if isinstance(answer, dict):
        return {k: without_actors(v) for k, v in answer.items() if k != "actor"}
    if isinstance(answer, list):
        return [without_actors(item) for item in answer]
    return answer


class InvalidCredentialsError(Exception):
    """Raised when a request presents a token that opens nothing: unknown,
    expired or revoked."""


@attrs.frozen
class Issued:
    """A grant just recorded, and its token (to be shown once)."""

    grant: GrantRecord
    token: str


class Access:
    """Grants and revocations, recorded in the Secretariat's log, and the
    credentials a token or a principal's name stands for."""

    def __init__(self, secretariat: Secretariat) -> None:
        self.secretariat = secretariat
        self.grants = Grants(secretariat)

    def grant(
        self,
        principal: str,
        role: Role,
        *,
        body: str | None = None,
        delegation: str | None = None,
        expires: date | None = None,
        on: date,
        today: date,
        actor: str,
    ) -> Issued:
        """Record a grant; return it with its new token."""
        token = new_token()
        grant = Grant.give(
            principal=principal,
            role=role,
            body=body,
            delegation=delegation,
            expires=expires,
            token_hash=token_hash(token),
            on=on,
            today=today,
            actor=actor,
        )
        self.secretariat.save(grant)
        issued = self.grants.by_token(grant.token_hash)
        assert issued is not None
        return Issued(issued, token)

    def revoke(
        self, principal: str, *, on: date, today: date, actor: str
    ) -> list[GrantRecord]:
        """End every grant of `principal` not already revoked; return them."""
        standing = [
            g for g in self.grants.of_principal(principal) if g.revoked_on is None
        ]
        if not standing:
            raise NoGrantToRevokeError(principal)
        aggregates = []
        for record in standing:
            grant: Grant = self.secretariat.repository.get(record.id)
            grant.revoke(on=on, today=today, actor=actor)
            aggregates.append(grant)
        try:
            self.secretariat.save(*aggregates)
        except IntegrityError:
            raise ConflictError(f"the grants of {principal}") from None
        ids = {record.id for record in standing}
        return [g for g in self.grants.all() if g.id in ids]

    def listing(self) -> dict[str, Any]:
        """Every grant, as `grants --json` shows them."""
        return {"grants": [grant.answer() for grant in self.grants.all()]}

    def credentials_for_token(self, token: str, today: date) -> Credentials:
        """The credentials a bearer token issued here stands for."""
        grant = self.grants.by_token(token_hash(token))
        if grant is None:
            raise InvalidCredentialsError(
                "the bearer token is not one this service issued"
            )
        if grant.revoked_on is not None:
            raise InvalidCredentialsError(
                "the bearer token's grant was revoked on "
                f"{grant.revoked_on.isoformat()}"
            )
        if not grant.holds_on(today):
            assert grant.expires is not None
            raise InvalidCredentialsError(
                f"the bearer token expired on {grant.expires.isoformat()}"
            )
        return Credentials(grant.principal, (grant,))

    def credentials_for_principal(
        self, names: Iterable[str], today: date
    ) -> Credentials:
        """The credentials of a principal another provider vouches for, known
        by any of `names` (its subject, its e-mail address): the grants in
        force under those names (none: it reads as the public does)."""
        names = [name for name in names if name]
        for name in names:
            grants = tuple(
                g for g in self.grants.of_principal(name) if g.holds_on(today)
            )
            if grants:
                return Credentials(grants[0].principal, grants)
        return Credentials(names[0] if names else None, ())
