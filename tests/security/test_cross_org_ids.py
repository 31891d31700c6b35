"""Ids posted in forms and API bodies must belong to the poster's organisation.

Each test first shows the request works with an id of the member's own organisation (so the
payload is valid), then sends the same request with another organisation's id and proves it is
refused and nothing is linked.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import api_headers, client_for, make_member
from rightslens.accounts.models import Role
from rightslens.assessments.models import Assessment, Impact
from rightslens.assessments.testing import make_impact
from rightslens.engagement.models import EngagementEvent, Stakeholder
from rightslens.grievances.models import DisclosureRequest
from rightslens.grievances.services import grievance_submit
from rightslens.inventory.models import AISystem
from rightslens.inventory.testing import make_system
from rightslens.procurement.models import Counterparty, RedLineScreening

pytestmark = pytest.mark.django_db


def _assessed(org: Any, name: str) -> tuple[AISystem, Assessment, Impact]:
    system = make_system(org, name)
    assessment = Assessment.objects.create(organisation=org, system=system, title=name)
    return system, assessment, make_impact(assessment)


# ---- API bodies ----


def test_the_api_refuses_an_assessment_of_another_organisations_system(org, other_org, owner):
    foreign = make_system(other_org, "Their system")
    mine = make_system(org, "Our system")
    headers = api_headers(owner)
    url = "/api/assessments/orgs/acme/assessments"
    ok = Client().post(url, {"system_id": mine.pk}, content_type="application/json", **headers)
    assert ok.status_code == 201
    bad = Client().post(url, {"system_id": foreign.pk}, content_type="application/json", **headers)
    assert bad.status_code == 422
    assert "system_id" in bad.json()["error"]["fields"]
    assert not Assessment.objects.filter(system=foreign, organisation=org).exists()


def test_the_api_refuses_another_organisations_affected_group_on_an_impact(org, other_org, owner):
    _, assessment, impact = _assessed(org, "Our system")
    foreign_group = make_system(other_org, "Their system").affected_groups.get()
    response = Client().patch(
        f"/api/assessments/orgs/acme/impacts/{impact.pk}",
        {"affected_group_ids": [foreign_group.pk]},
        content_type="application/json",
        **api_headers(owner),
    )
    assert response.status_code == 422
    assert not impact.affected_groups.exists()


def test_the_api_refuses_to_screen_another_organisations_system(org, other_org, owner):
    foreign = make_system(other_org, "Their system")
    mine = make_system(org, "Our system")
    url = "/api/procurement/orgs/acme/screenings"
    body = {"subject_type": "system", "use_case_text": "Ranks job applicants by video."}
    headers = api_headers(owner)
    ok = Client().post(
        url, body | {"subject_id": mine.pk}, content_type="application/json", **headers
    )
    assert ok.status_code == 200
    before = RedLineScreening.objects.count()
    bad = Client().post(
        url, body | {"subject_id": foreign.pk}, content_type="application/json", **headers
    )
    assert bad.status_code == 422
    assert "subject_id" in bad.json()["error"]["fields"]
    assert RedLineScreening.objects.count() == before


# ---- Forms ----


def test_grievance_triage_refuses_another_organisations_system(org, other_org):
    officer = make_member(org, "officer@acme.test", Role.ASSESSOR, officer=True)
    grievance, _ = grievance_submit(organisation=org, content="x", language="en")
    foreign = make_system(other_org, "Their system")
    mine = make_system(org, "Our system")
    client = client_for(officer)
    url = f"/o/acme/grievances/{grievance.pk}/triage/"
    assert client.post(url, {"systems": [mine.pk]}).status_code == 302
    assert client.post(url, {"systems": [foreign.pk]}).status_code == 400
    assert list(grievance.systems.all()) == [mine]


def test_grievance_link_refuses_another_organisations_impact(org, other_org):
    officer = make_member(org, "officer@acme.test", Role.ASSESSOR, officer=True)
    grievance, _ = grievance_submit(organisation=org, content="x", language="en")
    _, _, foreign = _assessed(other_org, "Their system")
    response = client_for(officer).post(
        f"/o/acme/grievances/{grievance.pk}/link-impact/", {"impact": foreign.pk}
    )
    assert response.status_code in (400, 404)
    assert not grievance.impact_links.exists()


def test_disclosure_cannot_name_a_member_of_another_organisation(org, other_org, outsider):
    officer = make_member(org, "officer@acme.test", Role.ASSESSOR, officer=True)
    grievance, _ = grievance_submit(
        organisation=org, content="x", language="en", name="A Person", contact="a@b.test"
    )
    response = client_for(officer).post(
        f"/o/acme/grievances/{grievance.pk}/disclosure/",
        {"recipient": outsider.pk, "reason": "They asked"},
    )
    assert response.status_code == 400
    assert not DisclosureRequest.objects.filter(recipient=outsider).exists()


def _event(participant: int, impact: int) -> dict[str, Any]:
    return {
        "title": "Workers' forum",
        "held_on": "2026-05-01",
        "phase": "identify",
        "method": "interview",
        "participants": [participant],
        "heard": "Concerns about scoring.",
        "impacts": [impact],
    }


def test_an_engagement_event_refuses_another_organisations_impact(org, other_org, owner):
    _, _, mine = _assessed(org, "Our system")
    _, _, foreign = _assessed(other_org, "Their system")
    stakeholder = Stakeholder.objects.create(organisation=org, name="Union", kind="affected")
    client = client_for(owner)
    ok = client.post("/o/acme/engagement/events/new/", _event(stakeholder.pk, mine.pk))
    assert ok.status_code == 302, ok.content.decode()[:2000]
    before = EngagementEvent.objects.count()
    bad = client.post("/o/acme/engagement/events/new/", _event(stakeholder.pk, foreign.pk))
    assert bad.status_code == 400
    assert EngagementEvent.objects.count() == before
    assert not foreign.engagement_events.exists()


def test_a_counterparty_refuses_another_organisations_system(org, other_org, owner):
    foreign = make_system(other_org, "Their system")
    response = client_for(owner).post(
        "/o/acme/procurement/counterparties/new/",
        {"name": "Vendor X", "kind": "vendor", "reassessment_months": 12, "systems": [foreign.pk]},
    )
    assert response.status_code == 400
    assert not Counterparty.objects.filter(organisation=org).exists()
    assert not foreign.counterparties.exists()


def test_a_counterparty_cannot_be_linked_to_another_organisations_impact(org, other_org, owner):
    counterparty = Counterparty.objects.create(organisation=org, name="Vendor X", kind="vendor")
    _, _, foreign = _assessed(other_org, "Their system")
    response = client_for(owner).post(
        f"/o/acme/procurement/counterparties/{counterparty.pk}/impacts/",
        {"impact_id": foreign.pk},
    )
    assert response.status_code == 400
    assert not counterparty.linked_impacts.exists()


def test_a_side_risk_cannot_be_another_organisations_impact(org, other_org, owner):
    _, assessment, impact = _assessed(org, "Our system")
    _, _, foreign = _assessed(other_org, "Their system")
    action = impact.actions.create(organisation=org, action_type="prevent", description="Fix")
    client_for(owner).post(
        f"/o/acme/assessments/{assessment.pk}/plan/side-risk/",
        {"action_id": action.pk, "impact_id": foreign.pk},
    )
    assert not foreign.created_by_plans.exists()


def test_an_impact_form_refuses_another_organisations_affected_group(org, other_org, owner):
    _, _, impact = _assessed(org, "Our system")
    foreign_group = make_system(other_org, "Their system").affected_groups.get()
    response = client_for(owner).post(
        f"/o/acme/impacts/{impact.pk}/edit/",
        {"title": "Changed", "affected_group_ids": [foreign_group.pk], "involvement": "cause"},
    )
    assert response.status_code in (200, 400)
    impact.refresh_from_db()
    assert impact.title == "Test impact"
    assert not impact.affected_groups.exists()
