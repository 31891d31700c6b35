from __future__ import annotations

import datetime
from typing import Any

import pytest

from rightslens.assessments.models import (
    Action,
    ActionPlan,
    Assessment,
    Impact,
    Indicator,
    Measurement,
)
from rightslens.engagement.models import EngagementEvent, Stakeholder
from rightslens.inventory.models import AffectedGroup, AISystem


@pytest.fixture
def system(org: Any) -> AISystem:
    hiring = AISystem.objects.create(
        organisation=org,
        name="CV screener",
        purpose="Ranks job applications for recruiters",
        value_chain_roles=["deployer"],
        lifecycle_stage="deploy",
        kind="other_ai",
        countries=["ES"],
        languages=["es"],
        intended_users="Recruiters in HR",
    )
    AffectedGroup.objects.create(organisation=org, system=hiring, name="Job applicants")
    return hiring


@pytest.fixture
def assessment(org: Any, system: AISystem, owner: Any) -> Assessment:
    return Assessment.objects.create(
        organisation=org,
        system=system,
        title="Pre-procurement",
        created_by=owner,
        context_of_use="Shortlisting for retail jobs in Spain",
    )


def make_impact(assessment: Assessment, **overrides: Any) -> Impact:
    fields = {
        "title": "Applicants with disabilities ranked lower",
        "rights": ["udhr-23"],
        "risk_category": "cat-equality",
        "scale": 3,
        "scope": 2,
        "irremediability": 2,
        "likelihood": 3,
        "involvement": "contribute",
        "severity_band": 3,
        "priority": 10,
    }
    fields.update(overrides)
    return Impact.objects.create(
        organisation=assessment.organisation, assessment=assessment, **fields
    )


@pytest.fixture
def impact(assessment: Assessment) -> Impact:
    return make_impact(assessment)


@pytest.fixture
def oversight(impact: Impact) -> Action:
    action = Action.objects.create(
        organisation=impact.organisation,
        impact=impact,
        action_type="mitigate",
        description="A recruiter reviews every rejection before it is sent",
    )
    ActionPlan.objects.create(
        organisation=impact.organisation, action=action, mitigation_type="mit-human-review"
    )
    indicator = Indicator.objects.create(
        organisation=impact.organisation,
        action=action,
        name="Rejections overturned on review",
        unit="%",
        target=5,
    )
    Measurement.objects.create(
        organisation=impact.organisation,
        indicator=indicator,
        measured_on=datetime.date(2026, 3, 1),
        value=7,
        n=200,
    )
    return action


@pytest.fixture
def engagement(org: Any, impact: Impact) -> EngagementEvent:
    person = Stakeholder.objects.create(
        organisation=org, name="Disability rights NGO", kind="proxy", region="western_europe"
    )
    event = EngagementEvent.objects.create(
        organisation=org,
        title="Workshop with disability advocates",
        held_on=datetime.date(2026, 2, 10),
        phase="identify",
        method="workshop",
        heard="Screen readers fail on the test",
        changed="Accessible test version added",
    )
    event.participants.add(person)
    event.impacts.add(impact)
    return event
