"""Where the features meet: review flags, the grievance trail, reports and rights by name."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from rightslens.assessments.models import Assessment, Impact
from rightslens.assessments.testing import make_impact
from rightslens.common.knowledge import knowledge, use_knowledge
from rightslens.grievances.models import Grievance
from rightslens.grievances.services import grievance_link_impact, grievance_submit, grievance_triage
from rightslens.inventory.testing import make_system

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _shipped_knowledge() -> Any:
    use_knowledge(None)
    yield
    use_knowledge(None)


@pytest.fixture
def changed_after_sign_off(org: Any) -> Assessment:
    system = make_system(org, "CV screening tool")
    signed = timezone.now() - timedelta(days=10)
    system.changed_at = signed + timedelta(days=1)
    system.save()
    return Assessment.objects.create(
        organisation=org, system=system, title="CV tool HRIA", status="approved", approved_at=signed
    )


@pytest.mark.parametrize("page", ["list", "detail", "system"])
def test_an_assessment_whose_system_changed_is_flagged_wherever_it_appears(
    owner_client, changed_after_sign_off, page
):
    a = changed_after_sign_off
    url = {
        "list": "/o/acme/assessments/",
        "detail": f"/o/acme/assessments/{a.pk}/",
        "system": f"/o/acme/systems/{a.system_id}/",
    }[page]
    assert "System changed after sign-off" in owner_client.get(url).content.decode()


def test_an_unflagged_assessment_shows_no_flag(owner_client, org):
    a = Assessment.objects.create(organisation=org, system=make_system(org, "Chat"), title="New")
    assert "⚑" not in owner_client.get(f"/o/acme/assessments/{a.pk}/").content.decode()


def test_every_report_on_the_dashboard_opens(owner_client):
    html = owner_client.get("/o/acme/").content.decode()
    reports = html.split("<h2>Reports</h2>")[1].split("</ul>")[0]
    hrefs = [part.split('"')[0] for part in reports.split('href="')[1:]]
    assert len(hrefs) == 7
    for href in hrefs:
        assert owner_client.get(href).status_code == 200, href


def test_the_impact_page_links_to_its_grievance_trail_with_a_count(owner_client, org, owner):
    system = make_system(org, "CV screening tool")
    impact = make_impact(Assessment.objects.create(organisation=org, system=system, title="H"))
    grievance, _ = grievance_submit(organisation=org, content="Rejected unfairly.", language="es")
    membership = owner.memberships.get(organisation=org)
    grievance_link_impact(
        membership=membership, grievance=grievance, impact=impact, mark_actual=True
    )
    html = owner_client.get(f"/o/acme/impacts/{impact.pk}/").content.decode()
    trail = f'href="/o/acme/grievances/impacts/{impact.pk}/"'
    assert trail in html and "Grievances linked to this impact</a> (1)" in html


def test_a_grievance_case_names_its_rights_from_the_knowledge_base(owner_client, org, owner):
    grievance, _ = grievance_submit(organisation=org, content="Rejected unfairly.", language="es")
    membership = owner.memberships.get(organisation=org)
    grievance_triage(membership=membership, grievance=grievance, system_ids=[], rights=["udhr-23"])
    html = owner_client.get(f"/o/acme/grievances/{grievance.pk}/").content.decode()
    assert knowledge().get("udhr-23").title in html
    assert Grievance.objects.get(pk=grievance.pk).rights == ["udhr-23"]


def test_the_rights_picker_is_checkboxes_grouped_by_instrument(owner_client, org):
    a = Assessment.objects.create(organisation=org, system=make_system(org, "Chat"), title="A")
    html = owner_client.get(f"/o/acme/assessments/{a.pk}/impacts/new/").content.decode()
    assert 'type="checkbox" name="rights" value="udhr-19"' in html
    assert '<select name="rights"' not in html
    assert "<legend>Universal Declaration of Human Rights" in html


def test_a_ticked_right_is_saved_with_the_impact(owner_client, org):
    a = Assessment.objects.create(organisation=org, system=make_system(org, "Chat"), title="A")
    response = owner_client.post(
        f"/o/acme/assessments/{a.pk}/impacts/new/",
        {
            "title": "Over-blocking",
            "rights": ["udhr-19", "iccpr-17"],
            "actual": "potential",
            "scale": "2",
            "scope": "2",
            "irremediability": "2",
            "likelihood": "3",
            "involvement": "cause",
            "involvement_rationale": "Our own filters.",
            "risk_category": "cat-expression",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert sorted(Impact.objects.get(title="Over-blocking").rights) == ["iccpr-17", "udhr-19"]
