"""Jobs of the accounts app."""

from __future__ import annotations

from rightslens.jobs import job


@job("health.echo")
def health_echo(*, value: str) -> str:
    """Round-trip check for the job machinery: returns what it was given."""
    return value
