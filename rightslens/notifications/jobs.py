"""Periodic jobs of the notifications app (Celery beat runs them when a broker is configured)."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from rightslens.accounts.models import Organisation
from rightslens.jobs import job

from .scan import scan


@job("notifications.scan")
def notifications_scan(*, organisation_id: int | None = None, now: str | None = None) -> int:
    when = datetime.fromisoformat(now) if now else timezone.now()
    organisations = Organisation.objects.all()
    if organisation_id is not None:
        organisations = organisations.filter(pk=organisation_id)
    return sum(sum(scan(organisation=o, now=when).values()) for o in organisations)
