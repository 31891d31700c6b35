"""Malformed ids in posted forms are refused cleanly (never a server error) and change nothing."""

from __future__ import annotations

import pytest

from rightslens.assessments.cycle_models import ActionPlan
from rightslens.assessments.models import Assessment
from rightslens.assessments.testing import make_impact
from rightslens.inventory.testing import make_system

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(org):
    system = make_system(org, "Our system")
    assessment = Assessment.objects.create(organisation=org, system=system, title="Ours")
    make_impact(assessment)
    return assessment


@pytest.mark.parametrize(
    ("step", "field"),
    [
        ("plan/", "impact_id"),
        ("plan/side-risk/", "action_id"),
        ("plan/status/", "action_id"),
    ],
)
def test_a_non_numeric_id_is_refused_without_a_server_error(owner_client, assessment, step, field):
    owner_client.raise_request_exception = False
    response = owner_client.post(
        f"/o/acme/assessments/{assessment.pk}/{step}", {field: "1 OR 1=1", "impact_id": "x"}
    )
    assert response.status_code in (302, 400, 404)
    assert not ActionPlan.objects.exists()


def test_dismissing_a_reminder_with_a_malformed_id_is_not_a_server_error(owner_client, org):
    owner_client.raise_request_exception = False
    response = owner_client.post("/o/acme/reminders/", {"reminder_id": "abc"})
    assert response.status_code in (302, 400, 404)
