import pytest
from django.db import connection

from conftest import api_headers
from rightslens.accounts.models import AuditEvent
from rightslens.assessments.models import Assessment
from rightslens.assessments.testing import make_impact
from rightslens.engagement.models import EngagementEvent, Stakeholder
from rightslens.inventory.models import AffectedGroup
from rightslens.inventory.testing import make_system

CONTACT = "chair@disability-association.example"


@pytest.fixture
def groups(org):
    system = make_system(org, "CV screening tool")
    applicants = AffectedGroup.objects.create(
        organisation=org, system=system, name="Disabled applicants", vulnerable=True
    )
    older = AffectedGroup.objects.create(organisation=org, system=system, name="Older applicants")
    return system, applicants, older


def _stakeholder(owner_client, group, **overrides):
    data = {
        "name": "Disabled job seekers' association",
        "kind": "proxy",
        "region": "africa",
        "languages": "sw, en",
        "vulnerability": "persons with disabilities",
        "contact": CONTACT,
        "represents": group.pk,
    } | overrides
    return owner_client.post("/o/acme/engagement/stakeholders/new/", data)


def test_an_owner_adds_a_stakeholder_with_encrypted_contact(groups, owner_client):
    response = _stakeholder(owner_client, groups[1])
    assert response.status_code == 302
    stakeholder = Stakeholder.objects.get()
    assert stakeholder.languages == ["sw", "en"] and stakeholder.contact == CONTACT
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact FROM engagement_stakeholder")
        assert CONTACT not in cursor.fetchone()[0]


def test_a_missing_name_is_refused_and_nothing_saved(groups, owner_client):
    response = _stakeholder(owner_client, groups[1], name="")
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not Stakeholder.objects.exists()


def test_contact_is_need_to_know(
    groups, owner, owner_client, viewer_client, outsider_client, viewer
):
    _stakeholder(owner_client, groups[1])
    url = f"/o/acme/engagement/stakeholders/{Stakeholder.objects.get().pk}/"
    assert CONTACT not in viewer_client.get(url + "?contact=show").content.decode()
    assert outsider_client.get(url).status_code == 404
    assert (
        CONTACT
        not in viewer_client.get(
            "/api/engagement/orgs/acme/stakeholders", **api_headers(viewer)
        ).content.decode()
    )
    assert CONTACT in owner_client.get(url + "?contact=show").content.decode()
    assert AuditEvent.objects.filter(verb="stakeholder.contact_viewed").count() == 1


def test_an_engagement_needs_participants_and_what_was_heard(groups, owner_client):
    response = owner_client.post(
        "/o/acme/engagement/events/new/",
        {
            "title": "Focus group",
            "held_on": "2026-10-01",
            "phase": "assess",
            "method": "focus_group",
            "heard": "",
        },
    )
    assert response.status_code == 400
    assert not EngagementEvent.objects.exists()


def test_coverage_shows_which_groups_were_heard_about_each_severe_impact(
    groups, org, owner_client, viewer_client
):
    system, applicants, older = groups
    assessment = Assessment.objects.create(organisation=org, system=system, title="HRIA")
    severe = make_impact(
        assessment, title="Exclusion of disabled applicants", scale=4, irremediability=4
    )
    assert severe.severity_band == 4
    severe.affected_groups.set([applicants, older])
    _stakeholder(owner_client, applicants)
    expert = Stakeholder.objects.create(
        organisation=org, name="Researcher", kind="expert", region="western_europe"
    )
    response = owner_client.post(
        "/o/acme/engagement/events/new/",
        {
            "title": "Interview",
            "held_on": "2026-10-01",
            "phase": "assess",
            "method": "interview",
            "participants": [Stakeholder.objects.get(kind="proxy").pk, expert.pk],
            "heard": "Gaps are penalised.",
            "changed": "Feature disabled.",
            "impacts": [severe.pk],
        },
    )
    assert response.status_code == 302
    page = viewer_client.get("/o/acme/engagement/coverage/").content.decode()
    assert "Exclusion of disabled applicants" in page
    assert "50%" in page
    row = page.split("Exclusion of disabled applicants", 1)[1]
    heard_cell, _elsewhere, unheard_cell = row.split("<td>")[1:4]
    assert "Disabled applicants" in heard_cell and "Older applicants" in unheard_cell


def test_tenancy_objects_cover_every_id_kwarg(org, owner):
    from rightslens.engagement.testing import tenancy_objects

    assert set(tenancy_objects(org, owner)) == {"stakeholder_id", "event_id"}


def test_demos_load_without_the_assessments_demo(org, owner):
    from rightslens.engagement.demo import load as engagement_load
    from rightslens.grievances.demo import load as grievance_load
    from rightslens.grievances.models import Grievance

    engagement_load(org, owner)
    grievance_load(org, owner)
    assert Stakeholder.objects.filter(organisation=org).count() == 3
    assert EngagementEvent.objects.filter(organisation=org).count() == 2
    assert Grievance.objects.get(organisation=org).state == "acknowledged"
