"""Refresh every stored impact priority and severity band after a change to the core rules."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from rightslens.accounts.models import Organisation
from rightslens.assessments.services import priorities_recompute


class Command(BaseCommand):
    help = "Recompute stored impact priorities and severity bands from the current core rules."

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for organisation in Organisation.objects.order_by("pk"):
            changed = priorities_recompute(organisation=organisation)
            if changed:
                self.stdout.write(f"{organisation.slug}: {changed} impacts re-prioritised")
            total += changed
        self.stdout.write(f"{total} impacts changed.")
