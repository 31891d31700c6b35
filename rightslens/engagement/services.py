"""Writes for the stakeholder register and engagement log."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Membership, Role
from rightslens.assessments.models import Impact
from rightslens.core.engagement import DueDiligencePhase, Region, StakeholderKind
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AffectedGroup

from .models import EngagementEvent, Method, Stakeholder

log = logging.getLogger(__name__)


def can_see_contact(membership: Membership) -> bool:
    """Need-to-know: owners and assessors, who arrange engagement, see stakeholders' contact details."""
    return membership.role in (Role.OWNER, Role.ASSESSOR)


def _require_writer(membership: Membership) -> None:
    if not membership.can_write:
        raise PermissionDenied(_("Your role in this organisation is read-only."))


@transaction.atomic
def stakeholder_create(
    *,
    membership: Membership,
    name: str,
    kind: str,
    region: str,
    languages: list[str],
    vulnerability: str = "",
    contact: str = "",
    represents_id: int | None = None,
) -> Stakeholder:
    _require_writer(membership)
    org = membership.organisation
    errors: dict[str, str] = {}
    if not (name or "").strip():
        errors["name"] = _("Give the stakeholder's name or a description of the group.")
    if kind not in [k.value for k in StakeholderKind]:
        errors["kind"] = _("Choose affected people, a credible proxy or an expert.")
    if region not in [r.value for r in Region]:
        errors["region"] = _("Choose a region.")
    if (
        represents_id is not None
        and not AffectedGroup.objects.filter(organisation=org, pk=represents_id).exists()
    ):
        errors["represents"] = _("Choose an affected group from your inventory.")
    if contact and not can_see_contact(membership):
        errors["contact"] = _("Only owners and assessors can record contact details.")
    if errors:
        raise FieldErrors(errors)
    stakeholder = Stakeholder.objects.create(
        organisation=org,
        name=name.strip(),
        kind=kind,
        region=region,
        languages=[code.strip() for code in languages if code.strip()],
        vulnerability=vulnerability.strip(),
        contact=contact.strip(),
        represents_id=represents_id,
        created_by=membership.user,
    )
    audit_record(
        organisation=org,
        actor=membership.user,
        verb="stakeholder.create",
        obj=stakeholder,
        summary=f"Stakeholder #{stakeholder.pk} added",
    )
    return stakeholder


@transaction.atomic
def engagement_record(
    *,
    membership: Membership,
    title: str,
    held_on: date | None,
    phase: str,
    method: str,
    participant_ids: list[int],
    heard: str,
    changed: str = "",
    language_support: str = "",
    impact_ids: list[int] | None = None,
) -> EngagementEvent:
    _require_writer(membership)
    org = membership.organisation
    impact_ids = impact_ids or []
    participants = list(Stakeholder.objects.filter(organisation=org, pk__in=participant_ids))
    impacts = list(Impact.objects.filter(organisation=org, pk__in=impact_ids))
    errors: dict[str, str] = {}
    if not (title or "").strip():
        errors["title"] = _("Give the engagement a title.")
    if held_on is None:
        errors["held_on"] = _("Enter the date it took place.")
    if phase not in [p.value for p in DueDiligencePhase]:
        errors["phase"] = _("Choose the phase of due diligence.")
    if method not in Method.values:
        errors["method"] = _("Choose how people were engaged.")
    if not participant_ids or len(participants) != len(set(participant_ids)):
        errors["participants"] = _("Choose at least one stakeholder from your register.")
    if len(impacts) != len(set(impact_ids)):
        errors["impacts"] = _("Choose impacts from your organisation's register.")
    if not (heard or "").strip():
        errors["heard"] = _("Record what people told you.")
    if errors:
        raise FieldErrors(errors)
    assert held_on is not None  # a missing date is one of the errors above
    event = EngagementEvent.objects.create(
        organisation=org,
        title=title.strip(),
        held_on=held_on,
        phase=phase,
        method=method,
        heard=heard.strip(),
        changed=(changed or "").strip(),
        language_support=(language_support or "").strip(),
        created_by=membership.user,
    )
    event.participants.set(participants)
    event.impacts.set(impacts)
    audit_record(
        organisation=org,
        actor=membership.user,
        verb="engagement.record",
        obj=event,
        summary=f"Engagement recorded with {len(participants)} stakeholder(s)",
    )
    log.info("engagement %s recorded", event.pk)
    return event


def contact_read(*, membership: Membership, stakeholder: Stakeholder) -> str:
    """The stakeholder's contact details for those who need them; each read is audited."""
    if not can_see_contact(membership):
        raise PermissionDenied(_("Only owners and assessors can see contact details."))
    audit_record(
        organisation=membership.organisation,
        actor=membership.user,
        verb="stakeholder.contact_viewed",
        obj=stakeholder,
        summary="Stakeholder contact viewed",
    )
    return str(stakeholder.contact)


def stakeholder_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Form data to service keywords."""
    represents = data.get("represents")
    return {
        "name": data["name"],
        "kind": data["kind"],
        "region": data["region"],
        "languages": (data.get("languages") or "").split(","),
        "vulnerability": data.get("vulnerability") or "",
        "contact": data.get("contact") or "",
        "represents_id": int(represents) if represents else None,
    }
