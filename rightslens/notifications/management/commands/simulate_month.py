"""Move the clock forward day by day over a month on one organisation and count notifications.

Runs the due-date scan and the daily digest once per simulated day. By default everything is
rolled back afterwards (emails go to memory, nothing is kept); `--keep` keeps the notifications.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from django.core import mail
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from rightslens.accounts.models import Organisation
from rightslens.notifications.models import Kind, Notification
from rightslens.notifications.scan import scan
from rightslens.notifications.services import notifications_digest

from .notify_due import parse_now


class Rollback(Exception):
    pass


def simulate(organisation: Organisation, start: Any, days: int) -> tuple[Counter[str], int]:
    first_id = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    for day in range(days + 1):
        now = start + timedelta(days=day)
        scan(organisation=organisation, now=now)
        notifications_digest(organisation_id=organisation.pk, now=now.isoformat())
    made = Notification.objects.filter(organisation=organisation, pk__gt=first_id)
    return Counter(made.values_list("kind", flat=True)), len(mail.outbox)


class Command(BaseCommand):
    help = "Simulate a month of due-date notifications on an organisation (the demo by default)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", default="demo", help="Organisation slug.")
        parser.add_argument("--days", type=int, default=30)
        parser.add_argument("--start", help="First simulated day (ISO); default now.")
        parser.add_argument("--keep", action="store_true", help="Keep what was created.")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(f"No organisation {options['org']!r}: run `manage.py load_demo`.")
        start = parse_now(options["start"]) or timezone.now()
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            mail.outbox = []
            try:
                with transaction.atomic():
                    counts, emails = simulate(organisation, start, options["days"])
                    if not options["keep"]:
                        raise Rollback
            except Rollback:
                pass
        self.stdout.write(f"{organisation.name}: {options['days']} days from {start:%Y-%m-%d}")
        for kind in Kind:
            self.stdout.write(f"  {kind.label}: {counts.get(kind.value, 0)}")
        self.stdout.write(f"  total: {sum(counts.values())}; emails sent: {emails}")
