"""Reads for the register and dashboards. Every selector takes the organisation explicitly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rightslens.accounts.models import Organisation
from rightslens.core.impact_fields import RATING_FIELDS
from rightslens.core.severity import SEVERITY_DIMENSIONS
from rightslens.inventory.models import AISystem

from .models import Assessment, AssessmentStatus, Impact


def impacts_for(*, organisation: Organisation) -> Any:
    return (
        Impact.objects.filter(organisation=organisation)
        .select_related("assessment", "assessment__system")
        .prefetch_related("actions", "affected_groups")
    )


def current_impacts(*, organisation: Organisation) -> Any:
    """Each impact once, in its current version: impacts of a superseded assessment, or of one
    that a newer version (draft or approved) has replaced, are history, not register entries."""
    return (
        impacts_for(organisation=organisation)
        .exclude(assessment__status=AssessmentStatus.SUPERSEDED)
        .exclude(assessment__successors__isnull=False)
    )


def assessments_for(*, organisation: Organisation) -> Any:
    return Assessment.objects.filter(organisation=organisation).select_related(
        "system", "organisation"
    )


def dashboard_figures(*, organisation: Organisation) -> dict[str, int]:
    impacts = current_impacts(organisation=organisation)
    return {
        "systems": AISystem.objects.filter(
            organisation=organisation, archived_at__isnull=True
        ).count(),
        "assessments": Assessment.objects.filter(organisation=organisation).count(),
        "impacts": impacts.count(),
        "severe": impacts.filter(severity_band=4).count(),
    }


def assessment_record(assessment: Assessment) -> dict[str, Any]:
    return {
        "id": assessment.pk,
        "system_id": assessment.system_id,
        "title": assessment.title,
        "kind": assessment.kind,
        "trigger": assessment.trigger,
        "trigger_note": assessment.trigger_note,
        "status": assessment.status,
        "version": assessment.version,
        "created_at": assessment.created_at.isoformat(),
        "approved_at": assessment.approved_at.isoformat() if assessment.approved_at else None,
        "frozen": assessment.is_frozen,
        "lock_version": assessment.lock_version,
    }


def impact_record(impact: Impact) -> dict[str, Any]:
    from .rules import impact_response

    response = impact_response(impact)
    return {
        "id": impact.pk,
        "assessment_id": impact.assessment_id,
        "title": impact.title,
        "description": impact.description,
        "rights": list(impact.rights),
        "risk_category": impact.risk_category,
        "affected_group_ids": [g.pk for g in impact.affected_groups.all()],
        "actual": impact.actual,
        **{name: getattr(impact, name) for name in RATING_FIELDS},
        "likelihood": impact.likelihood,
        "involvement": impact.involvement,
        "involvement_rationale": impact.involvement_rationale,
        "business_risk": impact.business_risk,
        "business_risk_note": impact.business_risk_note,
        "status": impact.status,
        "severity_band": impact.severity_band,
        "priority": impact.priority,
        "required_response": [r.label for r in response.requirements],
        "lock_version": impact.lock_version,
    }


def action_record(action: Any) -> dict[str, Any]:
    return {
        "id": action.pk,
        "impact_id": action.impact_id,
        "action_type": action.action_type,
        "description": action.description,
        "owner": action.owner,
        "due_date": action.due_date.isoformat() if action.due_date else None,
        "status": action.status,
    }


@dataclass(frozen=True)
class Rating:
    name: str
    label: str
    value: int | None
    display: str
    rationale: str


def impact_ratings(impact: Any) -> list[Rating]:
    """Each severity dimension of an impact, as the core declares them: for pages and the PDF."""
    return [
        Rating(
            d.name,
            d.label,
            getattr(impact, d.name),
            getattr(impact, f"get_{d.name}_display")(),
            getattr(impact, d.rationale),
        )
        for d in SEVERITY_DIMENSIONS
    ]
