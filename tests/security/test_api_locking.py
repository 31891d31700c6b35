"""Optimistic locking through the API: reads carry `lock_version`; a PATCH must send the version it
read, and from a stale one it gets 409 in the JSON error shape with nothing saved."""

import json

from django.test import Client

from conftest import api_headers, make_member
from rightslens.assessments.models import Assessment, Impact
from rightslens.assessments.testing import make_impact
from rightslens.grievances.services import grievance_submit
from rightslens.inventory.testing import make_system


def _impact(org):
    assessment = Assessment.objects.create(
        organisation=org, system=make_system(org), title="Locking"
    )
    return make_impact(
        assessment, title="Original title", rights=["iccpr-17"], risk_category="cat-privacy"
    )


def _patch(org, user, impact_id, body):
    return Client().patch(
        f"/api/assessments/orgs/{org.slug}/impacts/{impact_id}",
        data=json.dumps(body),
        content_type="application/json",
        **api_headers(user),
    )


def test_reads_carry_the_lock_version(org, owner):
    impact = _impact(org)
    Impact.objects.filter(pk=impact.pk).update(lock_version=7)
    client, headers = Client(), api_headers(owner)
    base = f"/api/assessments/orgs/{org.slug}"
    assert client.get(f"{base}/impacts/{impact.pk}", **headers).json()["lock_version"] == 7
    assessment = client.get(f"{base}/assessments/{impact.assessment_id}", **headers).json()
    assert assessment["lock_version"] == impact.assessment.lock_version
    assert assessment["impacts"][0]["lock_version"] == 7


def test_a_grievance_read_carries_the_lock_version(org):
    officer = make_member(org, "officer@example.org", "assessor", officer=True)
    grievance, _code = grievance_submit(organisation=org, content="A complaint", language="en")
    type(grievance).objects.filter(pk=grievance.pk).update(lock_version=3)
    response = Client().get(
        f"/api/grievances/orgs/{org.slug}/grievances/{grievance.pk}", **api_headers(officer)
    )
    assert response.status_code == 200
    assert response.json()["lock_version"] == 3


def test_a_patch_from_the_current_version_saves_and_bumps_it(org, owner):
    impact = _impact(org)
    response = _patch(org, owner, impact.pk, {"title": "New title", "lock_version": 0})
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "New title"
    assert response.json()["lock_version"] == 1
    impact.refresh_from_db()
    assert (impact.title, impact.lock_version) == ("New title", 1)


def test_a_patch_from_a_stale_version_gets_409_and_saves_nothing(org, owner):
    impact = _impact(org)
    first = _patch(org, owner, impact.pk, {"title": "First writer", "lock_version": 0})
    assert first.status_code == 200
    second = _patch(org, owner, impact.pk, {"title": "Second writer", "lock_version": 0})
    assert second.status_code == 409
    error = second.json()["error"]
    assert error["code"] == "conflict"
    assert "lock_version" in error["fields"]
    impact.refresh_from_db()
    assert (impact.title, impact.lock_version) == ("First writer", 1)


def test_a_patch_without_a_lock_version_is_refused_naming_it(org, owner):
    impact = _impact(org)
    response = _patch(org, owner, impact.pk, {"title": "No version"})
    assert response.status_code == 422
    assert "lock_version" in response.json()["error"]["fields"]
    impact.refresh_from_db()
    assert impact.title == "Original title"


def test_a_huge_lock_version_is_a_422_not_a_server_error(org, owner):
    impact = _impact(org)
    response = _patch(org, owner, impact.pk, {"title": "x", "lock_version": 10**30})
    assert response.status_code == 422
    assert "lock_version" in response.json()["error"]["fields"]
