"""Every write to an impact goes through the assessments services: frozen check, rules, audit."""

from __future__ import annotations

import pytest

from rightslens.accounts.models import AuditEvent
from rightslens.assessments.models import Assessment, AssessmentStatus, Impact
from rightslens.assessments.testing import make_impact
from rightslens.errors import FieldErrors
from rightslens.grievances.models import GrievanceImpactLink
from rightslens.grievances.services import grievance_link_impact, grievance_submit
from rightslens.inventory.testing import make_system


@pytest.fixture
def grievance(org):
    found, _ = grievance_submit(organisation=org, content="Rejected unfairly.", language="en")
    return found


def _impact(org, **fields):
    system = make_system(org, "CV screening tool")
    assessment = Assessment.objects.create(organisation=org, system=system, title="H", **fields)
    return make_impact(assessment, likelihood=2)


def test_a_grievance_raises_likelihood_with_priority_and_one_audit_entry(org, owner, grievance):
    impact = _impact(org)
    before = impact.priority
    membership = owner.memberships.get(organisation=org)
    grievance_link_impact(
        membership=membership, grievance=grievance, impact=impact, mark_actual=False
    )
    stored = Impact.objects.get(pk=impact.pk)
    assert stored.likelihood == 3 and stored.priority > before
    event = AuditEvent.objects.get(verb="impact.grievance_linked")
    assert event.before["likelihood"] == 2 and event.after["likelihood"] == 3


def test_a_grievance_cannot_change_an_impact_of_an_approved_assessment(org, owner, grievance):
    impact = _impact(org, status=AssessmentStatus.APPROVED)
    membership = owner.memberships.get(organisation=org)
    with pytest.raises(FieldErrors) as refused:
        grievance_link_impact(
            membership=membership, grievance=grievance, impact=impact, mark_actual=True
        )
    assert "start a new version" in refused.value.fields["assessment"]
    stored = Impact.objects.get(pk=impact.pk)
    assert (stored.actual, stored.likelihood, stored.priority) == (False, 2, impact.priority)
    assert not GrievanceImpactLink.objects.exists()
    assert not AuditEvent.objects.filter(verb="impact.grievance_linked").exists()
