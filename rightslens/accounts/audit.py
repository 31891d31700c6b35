"""Audit trail: every change recorded with who, when, what, before and after."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from .models import AuditEvent, Organisation


def audit_record(
    *,
    organisation: Organisation,
    actor: Any,
    verb: str,
    obj: Model,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        organisation=organisation,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        summary=summary[:300],
        before=before or {},
        after=after or {},
    )
