"""`grant`, `revoke` and `grants`: who may use the record's service."""

from __future__ import annotations

from datetime import UTC, date, datetime

import click
import structlog

from adapters.cli.output import emit_json, emit_table
from adapters.cli.params import BODY, DATE, default_actor
from adapters.cli.running import Settings, global_options
from application.access import Access, GrantRecord
from application.wording import day as iso_day
from domain.access import Role


def today() -> date:
    """The day a grant's expiry is judged by: the service's, in UTC."""
    return datetime.now(UTC).date()


def day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def describe_role(grant: GrantRecord) -> str:
    if grant.role is Role.OFFICER:
        return f"officer of {grant.body or 'every body'}"
    if grant.role is Role.DELEGATION:
        return f"the delegation of {grant.delegation} to {grant.body}"
    return "auditor"


@click.command("grant")
@click.argument("principal")
@click.option(
    "--role",
    type=click.Choice([role.value for role in Role]),
    required=True,
    help="officer: records every decision on --body (on every body without "
    "it); delegation: sends the comments of --delegation to --body; auditor: "
    "reads everything, with who recorded it.",
)
@click.option("--body", type=BODY, help="The body an officer or a delegation serves.")
@click.option("--delegation", help="The delegation whose comments it sends.")
@click.option(
    "--expires",
    type=DATE,
    help="The day the grant ends: it holds until that day begins (UTC). "
    "Default: it holds until revoked.",
)
@click.option(
    "--on",
    type=DATE,
    default=date.today,
    show_default="today",
    help="The date the grant took effect (YYYY-MM-DD).",
)
@click.option(
    "--actor",
    envvar="SECRETARIAT_ACTOR",
    default=default_actor,
    show_default="$SECRETARIAT_ACTOR, else your login name",
    help="Who grants it; recorded on the event.",
)
@global_options
@click.pass_obj
def grant(
    settings: Settings,
    principal: str,
    role: str,
    body: str | None,
    delegation: str | None,
    expires: date | None,
    on: date,
    actor: str,
) -> None:
    """Grant PRINCIPAL (a name or e-mail address, as an OpenID Connect
    provider gives it) a role, and print a new bearer token on the last line:
    it is shown this once, and only its hash is recorded.

    Example:

    \b
      secretariat grant officer@example.org --role officer --body cybercrime-egm
    """
    structlog.contextvars.bind_contextvars(principal=principal, actor=actor)
    access = Access(settings.secretariat(create=True))
    issued = access.grant(
        principal,
        Role(role),
        body=body,
        delegation=delegation,
        expires=expires,
        on=on,
        today=today(),
        actor=actor,
    )
    until = f", until {day(expires)}" if expires else ""
    click.echo(f"Granted {principal}: {describe_role(issued.grant)}{until}.")
    click.echo("Bearer token (shown this once; keep it secret):")
    click.echo(issued.token)


@click.command("revoke")
@click.argument("principal")
@click.option(
    "--on",
    type=DATE,
    default=date.today,
    show_default="today",
    help="The date the revocation took effect (YYYY-MM-DD).",
)
@click.option(
    "--actor",
    envvar="SECRETARIAT_ACTOR",
    default=default_actor,
    show_default="$SECRETARIAT_ACTOR, else your login name",
    help="Who revokes them; recorded on the events.",
)
@global_options
@click.pass_obj
def revoke(settings: Settings, principal: str, on: date, actor: str) -> None:
    """End every grant of PRINCIPAL: its tokens open nothing from now on.

    Example:

    \b
      secretariat revoke officer@example.org
    """
    structlog.contextvars.bind_contextvars(principal=principal, actor=actor)
    access = Access(settings.secretariat(create=False))
    ended = access.revoke(principal, on=on, today=today(), actor=actor)
    roles = "; ".join(describe_role(grant) for grant in ended)
    grants = "grant" if len(ended) == 1 else f"{len(ended)} grants"
    click.echo(f"Revoked the {grants} of {principal}: {roles}.")


@click.command("grants")
@click.option("--json", "as_json", is_flag=True, help="Write JSON instead of a table.")
@global_options
@click.pass_obj
def grants(settings: Settings, as_json: bool) -> None:
    """List every grant, in force or not: principal, role, body, delegation,
    when it was granted, when it expires, when it was revoked; never a token.

    Example:

    \b
      secretariat grants --json
    """
    answer = Access(settings.secretariat(create=False)).listing()
    if as_json:
        emit_json(answer)
        return
    emit_table(
        [
            (
                g["principal"],
                g["role"],
                g["body"] or "",
                g["delegation"] or "",
                iso_day(g["granted"]),
                iso_day(g["expires"], undated=""),
                iso_day(g["revoked"], undated=""),
                g["actor"],
            )
            for g in answer["grants"]
        ],
        (
            "principal",
            "role",
            "body",
            "delegation",
            "granted",
            "expires",
            "revoked",
            "granted by",
        ),
    )


ACCESS_COMMANDS = [grant, revoke, grants]
