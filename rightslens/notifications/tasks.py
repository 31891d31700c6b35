"""Assigning actions and grievance cases to members (writes, each audited)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Membership
from rightslens.errors import FieldErrors


def _assignee(membership: Membership, assignee_id: int | None) -> Membership | None:
    if assignee_id is None:
        return None
    found = Membership.objects.filter(
        organisation=membership.organisation,
        pk=assignee_id,
        is_active=True,
        only_assessment__isnull=True,
    ).first()
    if found is None:
        raise FieldErrors({"assignee": _("Choose an active member of this organisation.")})
    return found


def _save(membership: Membership, obj: Any, assignee: Membership | None, verb: str) -> Any:
    before = obj.assignee_id
    obj.assignee = assignee
    obj.save(update_fields=["assignee"])
    audit_record(
        organisation=membership.organisation,
        actor=membership.user,
        verb=verb,
        obj=obj,
        summary=f"Assigned to {assignee.display_name}" if assignee else "Unassigned",
        before={"assignee": before},
        after={"assignee": assignee.pk if assignee else None},
    )
    return obj


@transaction.atomic
def action_assign(*, membership: Membership, action: Any, assignee_id: int | None) -> Any:
    return _save(membership, action, _assignee(membership, assignee_id), "action.assign")


@transaction.atomic
def grievance_assign(*, membership: Membership, grievance: Any, assignee_id: int | None) -> Any:
    """Only grievance officers handle cases (need-to-know), so only they can be assigned one."""
    from rightslens.grievances.services import require_officer

    require_officer(membership)
    assignee = _assignee(membership, assignee_id)
    if assignee is not None and not assignee.is_grievance_officer:
        raise FieldErrors({"assignee": _("Only a grievance officer can be assigned a case.")})
    return _save(membership, grievance, assignee, "grievance.assign")
