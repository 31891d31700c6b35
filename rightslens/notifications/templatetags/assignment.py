"""`{% assign_form object %}`: who an action or grievance case is assigned to, and a form to change it.

One line in another app's template; the member list is worked out here, not in that app's view.
"""

from __future__ import annotations

from typing import Any

from django import template

from rightslens.accounts.models import Membership

register = template.Library()


@register.inclusion_tag("notifications/_assign.html", takes_context=True)
def assign_form(context: dict[str, Any], obj: Any) -> dict[str, Any]:
    membership: Membership | None = context.get("membership")
    is_case = obj._meta.model_name == "grievance"
    kind = "grievance" if is_case else "action"
    members = Membership.objects.none()
    if membership is not None and membership.can_write:
        members = Membership.objects.filter(
            organisation=membership.organisation, is_active=True, only_assessment__isnull=True
        ).select_related("user")
        if is_case:
            members = members.filter(is_grievance_officer=True)
    return {
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
        "can_assign": membership is not None and membership.can_write,
        "assignee": obj.assignee,
        "assign_url": f"/o/{obj.organisation.slug}/tasks/assign/{kind}/{obj.pk}/",
        "assign_id": f"{kind}-{obj.pk}",
        "assignable": list(members),
        "current": obj.assignee_id,
    }
