"""Notify members of things falling due or overdue; optionally send the daily digests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from rightslens.jobs import enqueue


def parse_now(raw: str | None) -> datetime | None:
    if not raw:
        return None
    try:
        when = datetime.fromisoformat(raw)
    except ValueError:
        raise CommandError(
            f"--now must be an ISO date or time, e.g. 2026-12-31T09:00, not {raw!r}"
        ) from None
    return when if timezone.is_aware(when) else timezone.make_aware(when)


class Command(BaseCommand):
    help = "Notify what falls due or is overdue (idempotent: run it as often as you like)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", help="Pretend it is this time (ISO), e.g. to test.")
        parser.add_argument("--digest", action="store_true", help="Also send daily digests.")

    def handle(self, *args: Any, **options: Any) -> None:
        when = parse_now(options["now"])
        iso = when.isoformat() if when else None
        made = enqueue("notifications.scan", now=iso)
        self.stdout.write(f"Notifications created: {made}")
        if options["digest"]:
            sent = enqueue("notifications.digest", now=iso)
            self.stdout.write(f"Digests sent: {sent}")
