"""A bounded schemathesis run against the API's own OpenAPI document, with an org-scoped token.

Every GET operation and a few writes get a handful of generated requests each: none may answer
500, and every answer must match what the document says (status, content type, body schema).
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from conftest import api_headers
from rightslens.inventory.testing import make_system

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
WRITES = {
    ("POST", "/api/inventory/orgs/{org_slug}/systems"),
    ("PATCH", "/api/inventory/orgs/{org_slug}/systems/{system_id}"),
    ("POST", "/api/assessments/orgs/{org_slug}/assessments/{assessment_id}/impacts"),
    ("POST", "/api/procurement/orgs/{org_slug}/screenings"),
}


# Loaded at collection: the document is built from the routes and reads no database.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: the WSGI handler must not close the test's connection."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def fuzz_org(org, owner):
    """An organisation with a system in it, and its owner's org-scoped bearer token."""
    make_system(org)
    return {"org": org, "authorization": api_headers(owner)["HTTP_AUTHORIZATION"]}


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_generated_requests_as_documented(case, fuzz_org):
    if case.method != "GET" and (case.method, case.path) not in WRITES:
        pytest.skip("only reads and a few writes are fuzzed")
    case.path_parameters = {**(case.path_parameters or {}), "org_slug": fuzz_org["org"].slug}
    # Each request gets its own savepoint, as each has its own transaction in production: on
    # PostgreSQL a handled database error (a huge id: 404) must not poison the next example.
    savepoint = transaction.savepoint()
    try:
        case.call_and_validate(headers={"Authorization": fuzz_org["authorization"]}, checks=CHECKS)
    finally:
        transaction.savepoint_rollback(savepoint)
