"""The API applies the case page's need-to-know rule, and every error keeps the JSON shape."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import api_headers
from rightslens.accounts.models import AuditEvent
from rightslens.grievances.services import grievance_submit

pytestmark = pytest.mark.django_db
HUGE = "9" * 30


@pytest.fixture
def case(org):
    grievance, _code = grievance_submit(organisation=org, content="API test", language="es")
    return grievance


def test_a_viewer_sees_state_and_dates_but_no_case_details(case, viewer):
    listed = Client().get("/api/grievances/orgs/acme/grievances", **api_headers(viewer)).json()
    assert listed[0]["state"] == "received"
    for detail in ("language", "systems", "rights", "remedies", "outcome_helped", "impacts"):
        assert detail not in listed[0]
    response = Client().get(
        f"/api/grievances/orgs/acme/grievances/{case.pk}", **api_headers(viewer)
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_an_officer_reads_the_case_and_the_read_is_audited(case, owner):
    response = Client().get(f"/api/grievances/orgs/acme/grievances/{case.pk}", **api_headers(owner))
    assert response.status_code == 200
    assert response.json()["language"] == "es"
    assert AuditEvent.objects.filter(verb="grievance.case_read").exists()


def test_huge_ids_and_unknown_routes_get_the_json_error_shape(case, owner):
    client = Client(raise_request_exception=False)
    for url in (
        f"/api/grievances/orgs/acme/grievances/{HUGE}",
        "/api/no-such-route",
        "/api/grievances/orgs/acme/nothing-here",
    ):
        response = client.get(url, **api_headers(owner))
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "not_found", url


def test_no_get_route_answers_a_huge_id_with_a_server_error(org, owner):
    import re

    from rightslens.api.routes import api

    paths = api.get_openapi_schema()["paths"]
    client = Client(raise_request_exception=False)
    checked = 0
    for path, operations in paths.items():
        if "get" not in operations or "{" not in path.replace("{org_slug}", ""):
            continue
        url = re.sub(r"\{[a-z_]+\}", HUGE, path.replace("{org_slug}", "acme"))
        response = client.get(url, **api_headers(owner))
        assert response.status_code in (404, 422), (url, response.status_code)
        assert "error" in response.json(), url
        checked += 1
    assert checked >= 3
