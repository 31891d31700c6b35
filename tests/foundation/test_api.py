import json

import pytest

from conftest import api_headers
from rightslens.assessments.models import Assessment, Impact
from rightslens.assessments.testing import make_impact
from rightslens.inventory.models import AffectedGroup, AISystem
from rightslens.inventory.testing import make_system

SYSTEM = {
    "name": "API bot",
    "purpose": "Tests",
    "value_chain_roles": ["developer"],
    "lifecycle_stage": "deploy",
    "kind": "foundation_model",
    "countries": ["ke"],
    "languages": ["sw"],
}
IMPACT = {
    "title": "Privacy",
    "rights": ["iccpr-17"],
    "risk_category": "cat-privacy",
    "scale": 2,
    "scope": 2,
    "irremediability": 2,
    "likelihood": 3,
    "involvement": "cause",
    "involvement_rationale": "Ours",
}


def call(client, method, url, user, body=None):
    if method == "get":
        response = client.get(url, **api_headers(user))
    else:
        response = getattr(client, method)(
            url, data=json.dumps(body or {}), content_type="application/json", **api_headers(user)
        )
    return response.status_code, response.json()


@pytest.fixture
def assessment(org):
    return Assessment.objects.create(organisation=org, system=make_system(org), title="API")


def test_it_creates_reads_and_updates_a_system(client, org, owner):
    status, body = call(client, "post", "/api/inventory/orgs/acme/systems", owner, SYSTEM)
    assert status == 201 and body["countries"] == ["KE"]
    status, body = call(
        client,
        "patch",
        f"/api/inventory/orgs/acme/systems/{body['id']}",
        owner,
        {"languages": ["sw", "en"]},
    )
    assert status == 200 and body["languages"] == ["sw", "en"]
    status, listed = call(
        client, "get", "/api/inventory/orgs/acme/systems?kind=foundation_model", owner
    )
    assert [s["name"] for s in listed] == ["API bot"]


def test_bad_input_is_a_422_naming_the_field_and_nothing_is_saved(client, org, owner):
    status, body = call(
        client, "post", "/api/inventory/orgs/acme/systems", owner, SYSTEM | {"countries": ["XX"]}
    )
    assert status == 422
    assert set(body["error"]) == {"code", "message", "fields"}
    assert "XX" in body["error"]["fields"]["countries"]
    assert not AISystem.objects.exists()


def test_an_impact_gets_its_priority_and_required_response(client, org, owner, assessment):
    status, body = call(
        client,
        "post",
        f"/api/assessments/orgs/acme/assessments/{assessment.pk}/impacts",
        owner,
        IMPACT,
    )
    assert status == 201
    assert body["severity_band"] == 2 and body["priority"] == Impact.objects.get().priority
    assert body["required_response"] == ["Cease the activity or prevent it from happening"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"scale": 9}, "scale"),
        ({"scale": 4, "scale_rationale": ""}, "scale_rationale"),
        ({"actual": True, "likelihood": 2}, "likelihood"),
        ({"rights": ["udhr-999"]}, "rights"),
    ],
)
def test_bad_ratings_are_422_naming_the_field(client, owner, assessment, changes, field):
    status, body = call(
        client,
        "post",
        f"/api/assessments/orgs/acme/assessments/{assessment.pk}/impacts",
        owner,
        IMPACT | changes,
    )
    assert status == 422 and field in body["error"]["fields"]
    assert not Impact.objects.exists()


def test_a_foreign_organisation_id_in_the_body_is_refused(client, owner, assessment, other_org):
    foreign_system = make_system(other_org)
    foreign_group = AffectedGroup.objects.get(system=foreign_system)
    status, body = call(
        client,
        "post",
        "/api/assessments/orgs/acme/assessments",
        owner,
        {"system_id": foreign_system.pk},
    )
    assert status == 422 and "system_id" in body["error"]["fields"]
    status, body = call(
        client,
        "post",
        f"/api/assessments/orgs/acme/assessments/{assessment.pk}/impacts",
        owner,
        IMPACT | {"affected_group_ids": [foreign_group.pk]},
    )
    assert status == 422 and "affected_group_ids" in body["error"]["fields"]
    assert (
        Assessment.objects.filter(system=foreign_system).count() == 0
        and not Impact.objects.exists()
    )


def test_viewer_reads_but_cannot_write_and_outsider_sees_nothing(
    client, org, viewer, outsider, assessment
):
    impact = make_impact(assessment)
    assert call(client, "get", "/api/assessments/orgs/acme/register", viewer)[0] == 200
    assert (
        call(
            client,
            "patch",
            f"/api/assessments/orgs/acme/impacts/{impact.pk}",
            viewer,
            {"title": "x"},
        )[0]
        == 403
    )
    assert call(client, "post", "/api/inventory/orgs/acme/systems", viewer, SYSTEM)[0] == 403
    assert (
        call(client, "get", f"/api/assessments/orgs/acme/impacts/{impact.pk}", outsider)[0] == 404
    )
    assert call(client, "post", "/api/inventory/orgs/acme/systems", outsider, {"name": 5})[0] == 404
    assert Impact.objects.get().title == "Test impact"


def test_the_register_lists_impacts_severity_first(client, org, owner, assessment):
    make_impact(assessment, title="Likely", likelihood=5)
    make_impact(
        assessment,
        title="Irreversible",
        irremediability=4,
        irremediability_rationale="x",
        likelihood=1,
    )
    status, rows = call(client, "get", "/api/assessments/orgs/acme/register", owner)
    assert [r["title"] for r in rows] == ["Irreversible", "Likely"]
    assert rows[0]["unmet_requirements"] == ["Cease the activity or prevent it from happening"]


def test_an_action_is_created_and_updated(client, owner, assessment):
    impact = make_impact(assessment)
    status, action = call(
        client,
        "post",
        f"/api/assessments/orgs/acme/impacts/{impact.pk}/actions",
        owner,
        {"action_type": "prevent", "description": "Red-team in Swahili", "due_date": "2027-03-01"},
    )
    assert status == 201
    status, action = call(
        client,
        "patch",
        f"/api/assessments/orgs/acme/actions/{action['id']}",
        owner,
        {"status": "in_progress"},
    )
    assert status == 200 and action["status"] == "in_progress"
