"""Demo data: stakeholders across regions and two engagements, linked to the demo's impacts if present."""

from __future__ import annotations

import datetime
from typing import Any

from rightslens.accounts.models import Membership, Organisation
from rightslens.assessments.models import Impact
from rightslens.inventory.models import AffectedGroup

from .services import engagement_record, stakeholder_create


def _group(organisation: Organisation, *words: str) -> int | None:
    for word in words:
        found = AffectedGroup.objects.filter(
            organisation=organisation, name__icontains=word
        ).first()
        if found:
            return found.pk
    return None


def _impacts_about(organisation: Organisation, group_id: int | None) -> list[int]:
    """The register's impacts on the group a stakeholder speaks for (none if the group is absent)."""
    if group_id is None:
        return []
    found = Impact.objects.filter(organisation=organisation, affected_groups__pk=group_id)
    return list(found.values_list("pk", flat=True)[:2])


def load(organisation: Organisation, user: Any) -> None:
    membership = Membership.objects.filter(organisation=organisation, user=user).first()
    if membership is None or not membership.can_write:
        return
    applicants = stakeholder_create(
        membership=membership,
        name="Disabled job seekers' association (Madrid)",
        kind="proxy",
        region="western_europe",
        languages=["es"],
        vulnerability="persons with disabilities",
        contact="secretaria@example.org",
        represents_id=_group(organisation, "applicant", "candidate", "job"),
    )
    users_kenya = stakeholder_create(
        membership=membership,
        name="Assistant users, Nairobi focus group",
        kind="affected",
        region="africa",
        languages=["sw", "en"],
        vulnerability="low digital literacy",
        represents_id=_group(organisation, "user", "speaker", "kenya"),
    )
    expert = stakeholder_create(
        membership=membership,
        name="Digital rights researcher, São Paulo",
        kind="expert",
        region="latin_america_caribbean",
        languages=["pt", "es"],
    )
    engagement_record(
        membership=membership,
        title="Focus group on refusals in Swahili",
        held_on=datetime.date(2026, 9, 14),
        phase="assess",
        method="focus_group",
        participant_ids=[users_kenya.pk, expert.pk],
        language_support="Swahili interpretation; plain-language summary sent beforehand",
        heard="Safety filters refuse ordinary health questions asked in Swahili far more often than in English.",
        changed="Added an action to measure refusal and over-blocking rates per language before launch.",
        impact_ids=_impacts_about(organisation, users_kenya.represents_id),
    )
    engagement_record(
        membership=membership,
        title="Interview on the CV-screening tool",
        held_on=datetime.date(2026, 10, 2),
        phase="identify",
        method="interview",
        participant_ids=[applicants.pk],
        language_support="Sign-language interpreter; questions sent in writing",
        heard="Gaps in employment caused by treatment or rehabilitation are scored as a negative signal.",
        changed="Asked the vendor to disable the employment-gap feature and to offer human review on request.",
        impact_ids=_impacts_about(organisation, applicants.represents_id),
    )
