"""`{% load grievance_names %}`: readable names for rights on case pages, and the trail count of an impact."""

from __future__ import annotations

from typing import Any

from django import template

from rightslens.grievances.models import GrievanceImpactLink

register = template.Library()


@register.filter
def right_title(right_id: str) -> str:
    """The knowledge base's title for a right id such as udhr-23; the id itself when unknown."""
    try:
        from rightslens.common.knowledge import knowledge

        item = knowledge().get(right_id)
    except Exception:  # noqa: BLE001 - a case page must render without the knowledge base
        return right_id
    return item.title if item is not None else right_id


@register.filter
def right_titles(right_ids: Any) -> str:
    """Titles of several rights, joined for a definition list."""
    return "; ".join(right_title(str(i)) for i in right_ids or [])


@register.simple_tag
def linked_grievance_count(impact: Any) -> int:
    """How many grievances are linked to this impact (the trail on the grievances pages)."""
    return (
        GrievanceImpactLink.objects.filter(organisation_id=impact.organisation_id, impact=impact)
        .values("grievance_id")
        .distinct()
        .count()
    )
