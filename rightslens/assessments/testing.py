"""Tenancy fixtures: one object of this app for every `<int:..._id>` URL kwarg it uses."""

from __future__ import annotations

from typing import Any

from rightslens.accounts.models import Organisation
from rightslens.inventory.testing import make_system

from .models import Action, Assessment, Impact
from .rules import impact_apply_rules


def make_impact(assessment: Assessment, **overrides: Any) -> Impact:
    """An impact saved with its derived priority, bypassing knowledge-base checks (tests only)."""
    values: dict[str, Any] = {
        "title": "Test impact",
        "rights": [],
        "risk_category": "",
        "actual": False,
        "scale": 2,
        "scope": 2,
        "irremediability": 2,
        "likelihood": 3,
        "involvement": "cause",
        "involvement_rationale": "We build it.",
    } | overrides
    impact = Impact(organisation=assessment.organisation, assessment=assessment, **values)
    impact_apply_rules(impact)
    impact.save()
    return impact


def tenancy_objects(organisation: Organisation, user: Any) -> dict[str, int]:
    system = make_system(organisation, "Tenancy test assessed system")
    assessment = Assessment.objects.create(
        organisation=organisation, system=system, title="Tenancy test"
    )
    impact = make_impact(assessment)
    action = Action.objects.create(
        organisation=organisation, impact=impact, action_type="prevent", description="Test action"
    )
    newer = Assessment.objects.create(
        organisation=organisation,
        system=system,
        title="Tenancy test v2",
        version=2,
        previous=assessment,
    )
    return {
        "assessment_id": assessment.pk,
        "other_id": newer.pk,
        "impact_id": impact.pk,
        "action_id": action.pk,
    }
