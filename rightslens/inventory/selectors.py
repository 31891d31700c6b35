"""Reads of the inventory. Every selector takes the organisation explicitly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Count, Q, QuerySet

from rightslens.accounts.models import Organisation

from .models import AISystem


@dataclass(frozen=True)
class SystemFilters:
    kind: str = ""
    lifecycle_stage: str = ""
    role: str = ""
    # "active" (default), "archived" or "all"
    archived: str = "active"


def systems_for(
    *, organisation: Organisation, filters: SystemFilters | None = None
) -> QuerySet[AISystem]:
    filters = filters or SystemFilters()
    systems = (
        AISystem.objects.filter(organisation=organisation)
        .select_related("organisation")
        .annotate(assessment_count=Count("assessments", distinct=True))
        # Explicit: Meta.ordering is dropped from aggregate queries, and pages need a stable order.
        .order_by("name", "id")
    )
    if filters.kind:
        systems = systems.filter(kind=filters.kind)
    if filters.lifecycle_stage:
        systems = systems.filter(lifecycle_stage=filters.lifecycle_stage)
    if filters.archived == "archived":
        systems = systems.filter(archived_at__isnull=False)
    elif filters.archived != "all":
        systems = systems.filter(archived_at__isnull=True)
    if filters.role:
        systems = systems.filter(_has_role(filters.role))
    return systems


def _has_role(role: str) -> Q:
    """JSON containment where the database has it (PostgreSQL); elsewhere (SQLite) a match on the
    quoted role in the stored JSON text, exact because roles are whole JSON strings."""
    if connection.features.supports_json_field_contains:
        return Q(value_chain_roles__contains=[role])
    return Q(value_chain_roles__icontains=f'"{role}"')


def systems_with_details(
    *, organisation: Organisation, filters: SystemFilters | None = None
) -> Any:
    """`systems_for` with groups and components fetched in two queries, whatever the count."""
    return systems_for(organisation=organisation, filters=filters).prefetch_related(
        "affected_groups", "components"
    )


def system_record(system: AISystem) -> dict[str, Any]:
    """The system as plain data (API, CLI)."""
    return {
        "id": system.pk,
        "name": system.name,
        "purpose": system.purpose,
        "description": system.description,
        "value_chain_roles": list(system.value_chain_roles),
        "lifecycle_stage": system.lifecycle_stage,
        "kind": system.kind,
        "weights": system.weights,
        "countries": list(system.countries),
        "sectors": list(system.sectors),
        "languages": list(system.languages),
        "intended_users": system.intended_users,
        "archived": system.is_archived,
        "archived_at": system.archived_at.isoformat() if system.archived_at else None,
        "changed_at": system.changed_at.isoformat() if system.changed_at else None,
        "affected_groups": [
            {
                "id": g.pk,
                "name": g.name,
                "vulnerable": g.vulnerable,
                "vulnerability": g.vulnerability,
            }
            for g in system.affected_groups.all()
        ],
        "components": [
            {"id": c.pk, "name": c.name, "vendor": c.vendor, "kind": c.kind}
            for c in system.components.all()
        ],
    }


def system_screening_text(system: AISystem) -> str:
    """What the system is said to do, in the words the inventory holds."""
    parts = [system.purpose, system.description, system.intended_users]
    return "\n".join(p for p in parts if p)


def system_red_line_hits(system: AISystem) -> list[Any]:
    """Red lines the system's own description falls under, read at inventory time (nothing is
    stored: a formal screen with a senior decision is recorded from procurement's screening)."""
    from rightslens.common.knowledge import knowledge
    from rightslens.core.screening import screen_use_case

    text = system_screening_text(system)
    if not text.strip():
        return []
    kb = knowledge()
    return screen_use_case(text, kb.offered("red_line") + kb.offered("red_line_element"))
