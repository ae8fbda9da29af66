"""`secretariat keygen`: a new key to encrypt a store's events."""

from __future__ import annotations

import click

from adapters.store import new_cipher_key


@click.command("keygen")
def keygen() -> None:
    """Print a new random key (AES-256) to encrypt a new store's events.

    Set it as $SECRETARIAT_CIPHER_KEY before the first command that records in
    the store, and for every command after: the events (their texts, dates and
    actors) are then stored encrypted with AES-GCM. Keep the key safe and apart
    from the store: without it the record cannot be read, by anyone. The views
    (calendar, deadlines) are not encrypted; see docs/reliability.md.

    Example:

    \b
      export SECRETARIAT_CIPHER_KEY=$(secretariat keygen)
    """
    click.echo(new_cipher_key())
