import pytest
from django.db import connection
from django.test import Client

from rightslens.accounts.models import AuditEvent, Membership
from rightslens.assessments.models import Assessment, Impact
from rightslens.assessments.testing import make_impact
from rightslens.errors import FieldErrors
from rightslens.grievances.models import (
    Gp31Assessment,
    GrievanceImpactLink,
    GrievanceMessage,
    GrievanceSettings,
)
from rightslens.grievances.services import grievance_submit, grievance_triage
from rightslens.inventory.testing import make_system

from .helpers import submission


@pytest.fixture
def grievance(org):
    found, _code = grievance_submit(
        organisation=org, content="The CV tool rejected me.", language="en"
    )
    return found


@pytest.fixture
def impact(org):
    system = make_system(org, "CV screening tool")
    assessment = Assessment.objects.create(organisation=org, system=system, title="CV tool HRIA")
    return make_impact(
        assessment, title="Discrimination against disabled applicants", scale=4, likelihood=2
    )


def test_an_officer_moves_a_case_along_the_published_states(grievance, owner_client):
    url = f"/o/acme/grievances/{grievance.pk}/state/"
    assert owner_client.post(url, {"to_state": "acknowledged"}).status_code == 302
    grievance.refresh_from_db()
    assert grievance.state == "acknowledged" and grievance.acknowledged_at is not None
    response = owner_client.post(url, {"to_state": "received"})
    assert response.status_code == 400
    assert "cannot move to that state" in response.content.decode()


def test_a_non_officer_member_cannot_act_on_cases(grievance, assessor_client, viewer_client):
    url = f"/o/acme/grievances/{grievance.pk}/state/"
    assert assessor_client.post(url, {"to_state": "acknowledged"}).status_code == 403
    assert viewer_client.post(url, {"to_state": "acknowledged"}).status_code == 403
    grievance.refresh_from_db()
    assert grievance.state == "received"


def test_linking_marks_a_potential_impact_actual_with_a_trail(grievance, impact, owner_client):
    priority_before = impact.priority
    response = owner_client.post(
        f"/o/acme/grievances/{grievance.pk}/link-impact/",
        {"impact": impact.pk, "mark_actual": "on"},
    )
    assert response.status_code == 302
    impact.refresh_from_db()
    assert impact.actual and impact.likelihood is None
    assert impact.priority != priority_before
    link = GrievanceImpactLink.objects.get()
    assert (link.actual_before, link.actual_after, link.effect) == (False, True, "marked_actual")
    assert AuditEvent.objects.filter(
        verb="impact.grievance_linked", object_id=str(impact.pk)
    ).exists()
    trail = owner_client.get(f"/o/acme/grievances/impacts/{impact.pk}/").content.decode()
    assert f"Grievance #{grievance.pk}" in trail


def test_linking_without_marking_actual_raises_likelihood(grievance, impact, owner_client):
    owner_client.post(f"/o/acme/grievances/{grievance.pk}/link-impact/", {"impact": impact.pk})
    impact.refresh_from_db()
    assert not impact.actual and impact.likelihood == 3


def test_an_impact_of_another_organisation_cannot_be_linked(grievance, other_org, owner_client):
    system = make_system(other_org, "Theirs")
    theirs = make_impact(
        Assessment.objects.create(organisation=other_org, system=system, title="Theirs")
    )
    response = owner_client.post(
        f"/o/acme/grievances/{grievance.pk}/link-impact/", {"impact": theirs.pk}
    )
    assert response.status_code == 400
    theirs.refresh_from_db()
    assert not theirs.actual and not GrievanceImpactLink.objects.exists()


def test_messages_to_the_complainant_go_through_the_receipt_channel(grievance, owner_client):
    owner_client.post(
        f"/o/acme/grievances/{grievance.pk}/message/", {"body": "Could you tell us the date?"}
    )
    assert GrievanceMessage.objects.get().author == "officer"


def test_triage_links_systems_and_rights_from_the_knowledge_base(grievance, impact, owner_client):
    system = impact.assessment.system
    response = owner_client.post(
        f"/o/acme/grievances/{grievance.pk}/triage/",
        {"systems": [system.pk], "rights": ["crpd-5", "icescr-6"]},
    )
    assert response.status_code == 302
    grievance.refresh_from_db()
    assert list(grievance.systems.all()) == [system]
    assert grievance.rights == ["crpd-5", "icescr-6"]
    dashboard = owner_client.get("/o/acme/grievances/dashboard/").content.decode()
    assert "CRPD Art. 5: Equality and non-discrimination: 1" in dashboard
    assert "CV screening tool: 1" in dashboard


def test_triage_offers_the_rights_catalogue_grouped_by_instrument(grievance, owner_client):
    page = owner_client.get(f"/o/acme/grievances/{grievance.pk}/").content.decode()
    assert 'type="checkbox" name="rights" value="crpd-5"' in page
    assert "<legend>Convention on the Rights of Persons with Disabilities</legend>" in page
    assert "right-privacy" not in page and "right-non-discrimination" not in page


def test_triage_refuses_an_unknown_right_and_saves_nothing(grievance, impact, owner_client):
    system = impact.assessment.system
    response = owner_client.post(
        f"/o/acme/grievances/{grievance.pk}/triage/",
        {"systems": [system.pk], "rights": ["crpd-5", "right-privacy"]},
    )
    assert response.status_code == 400
    assert "Not a right in the knowledge base: right-privacy" in response.content.decode()
    grievance.refresh_from_db()
    assert grievance.rights == [] and not grievance.systems.exists()


def test_the_triage_service_refuses_ids_that_are_not_rights(grievance, impact, owner):
    officer = Membership.objects.get(user=owner)
    for bad in ("right-privacy", "remedy-restitution"):  # unknown; known but not a right
        with pytest.raises(FieldErrors) as refused:
            grievance_triage(
                membership=officer,
                grievance=grievance,
                system_ids=[impact.assessment.system.pk],
                rights=["crpd-5", bad],
            )
        assert bad in refused.value.fields["rights"]
    grievance.refresh_from_db()
    assert grievance.rights == [] and not grievance.systems.exists()


def test_target_times_are_configurable_and_published(org, owner_client, viewer_client):
    assert (
        viewer_client.post("/o/acme/grievances/targets/", {"acknowledge_days": 2}).status_code
        == 403
    )
    owner_client.post(
        "/o/acme/grievances/targets/",
        {"acknowledge_days": 2, "review_days": 10, "remedy_days": 30, "appeal_days": 20},
    )
    assert GrievanceSettings.objects.get(organisation=org).acknowledge_days == 2
    assert "within 2 days" in Client().get("/g/acme/").content.decode()


def test_gp31_self_assessment_needs_evidence_for_met(org, owner_client):
    url = "/o/acme/grievances/gp31/"
    assert (
        owner_client.post(
            url, {"criterion": "gp31-accessible", "rating": "met", "evidence": ""}
        ).status_code
        == 400
    )
    assert not Gp31Assessment.objects.exists()
    owner_client.post(
        url,
        {"criterion": "gp31-accessible", "rating": "met", "evidence": "Available in 3 languages."},
    )
    assert Gp31Assessment.objects.get().rating == "met"
    assert owner_client.get(url).content.decode().count("<section") == 8


def test_public_statistics_suppress_small_counts(org):
    for _ in range(3):
        grievance_submit(organisation=org, content="x", language="en")
    text = Client().get("/g/acme/stats/").content.decode()
    assert "fewer than 5" in text
    assert ">3<" not in text
    for _ in range(3):
        grievance_submit(organisation=org, content="x", language="en")
    assert "<dd>6</dd>" in Client().get("/g/acme/stats/").content.decode().replace("\n", "")


def test_the_request_ip_and_user_agent_never_reach_the_database(org):
    Client(REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="UniqueAgent/9.9").post(
        "/g/acme/", submission()
    )
    with connection.cursor() as cursor:
        tables = [
            t for t in connection.introspection.table_names(cursor) if t.startswith("grievances_")
        ]
        for table in tables:
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
            dump = repr(cursor.fetchall())
            assert "203.0.113.77" not in dump and "UniqueAgent" not in dump, table


def test_tenancy_objects_cover_every_id_kwarg(org, owner):
    from rightslens.grievances.testing import tenancy_objects

    ids = tenancy_objects(org, owner)
    assert set(ids) == {"grievance_id", "attachment_id", "disclosure_id", "impact_id"}
    assert Membership.objects.filter(organisation=org).exists()
    assert Impact.objects.filter(pk=ids["impact_id"], organisation=org).exists()


def test_the_api_gives_case_metadata_and_the_dashboard_to_members_only(grievance, owner, outsider):
    from conftest import api_headers

    client = Client()
    listed = client.get("/api/grievances/orgs/acme/grievances", **api_headers(owner)).json()
    assert [g["id"] for g in listed] == [grievance.pk]
    assert "content" not in listed[0]
    assert listed[0]["allowed_moves"] == ["acknowledged"]  # the published next moves only
    figures = client.get(
        "/api/grievances/orgs/acme/grievance-dashboard", **api_headers(owner)
    ).json()
    assert figures["total"] == 1
    assert (
        client.get("/api/grievances/orgs/acme/grievances", **api_headers(outsider)).status_code
        == 404
    )


def test_a_received_case_cannot_be_closed_and_closing_is_not_offered(grievance, owner_client):
    detail = owner_client.get(f"/o/acme/grievances/{grievance.pk}/").content.decode()
    assert '<option value="acknowledged"' in detail
    assert '<option value="closed"' not in detail
    response = owner_client.post(
        f"/o/acme/grievances/{grievance.pk}/state/", {"to_state": "closed"}
    )
    assert response.status_code == 400
    grievance.refresh_from_db()
    assert grievance.state == "received"


def test_an_acknowledged_case_is_offered_only_its_next_moves(grievance, owner_client):
    owner_client.post(f"/o/acme/grievances/{grievance.pk}/state/", {"to_state": "acknowledged"})
    detail = owner_client.get(f"/o/acme/grievances/{grievance.pk}/").content.decode()
    assert '<option value="under_review"' in detail and '<option value="closed"' in detail
    assert '<option value="received"' not in detail
    assert '<option value="remedy_proposed"' not in detail
