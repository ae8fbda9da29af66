"""`secretariat serve`: the record over HTTP."""

from __future__ import annotations

import click

from adapters.cli.running import Settings, global_options, poll_option


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on (0.0.0.0: every address of this machine).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="The port to listen on (0: any free port, said in the log).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds a request may take before it is answered 503.",
)
@poll_option(
    "On PostgreSQL, also catch the views up every so many seconds, in "
    "case a notification was lost."
)
@global_options
@click.pass_obj
def serve(
    settings: Settings, host: str, port: int, timeout: float, poll_seconds: float
) -> None:
    """Serve the record over HTTP until stopped (SIGTERM or Ctrl-C): the JSON
    of calendar, deadlines, postponements and history under /api/ (described
    at /api/openapi.json), the site's pages and calendar.ics. One log line per
    request. Credentials: `Authorization: Bearer TOKEN`, a token from
    `secretariat grant`, or one from the OpenID Connect provider named by
    $SECRETARIAT_OIDC_ISSUER, $SECRETARIAT_OIDC_AUDIENCE and
    $SECRETARIAT_OIDC_JWKS.

    Example:

    \b
      secretariat serve --host 127.0.0.1 --port 8000
    """
    from adapters.http.serving import serve_record

    serve_record(
        settings, host=host, port=port, timeout=timeout, poll_seconds=poll_seconds
    )
