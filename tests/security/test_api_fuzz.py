"""A bounded schemathesis run against the API's own OpenAPI document, with an org-scoped token.

Every GET operation and a few writes get a handful of generated requests each: none may answer
500, and every answer must match what the document says (status, content type, body schema:
every success response is typed, so bodies are checked field by field). The operations are chosen
with schemathesis's own filter, so none is collected only to be skipped, and the run fails if
fewer operations were exercised than the document has GET routes plus the chosen writes.
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
    ("POST", "/api/assessments/orgs/{org_slug}/assessments"),
    ("PATCH", "/api/assessments/orgs/{org_slug}/impacts/{impact_id}"),
}
# The document's GET routes (24 when this was written) plus the writes above: a route removed
# or a filter that drops operations shows here.
AT_LEAST = 30


def _fuzzed(ctx) -> bool:
    operation = ctx.operation
    method = operation.method.upper()
    return method == "GET" or (method, operation.path) in WRITES


# Loaded at collection: the document is built from the routes and reads no database.
full_schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
schema = full_schema.include(func=_fuzzed)
EXERCISED: set[tuple[str, str]] = set()


def _expected_operations() -> set[tuple[str, str]]:
    document = full_schema.raw_schema
    gets = {("GET", path) for path, ops in document["paths"].items() if "get" in ops}
    return gets | WRITES


def test_the_filter_chooses_every_get_and_the_writes():
    chosen = {(op.ok().method.upper(), op.ok().path) for op in schema.get_all_operations()}
    assert chosen == _expected_operations()
    assert len(chosen) >= AT_LEAST


@pytest.fixture(scope="module", autouse=True)
def _every_chosen_operation_was_exercised(request):
    """After the module: when the whole run was collected, each chosen operation was called."""
    yield
    fuzz_items = [item for item in request.session.items if item.originalname == FUZZ_TEST_NAME]
    if len(fuzz_items) == len(_expected_operations()) and not request.session.testsfailed:
        missing = _expected_operations() - EXERCISED
        assert not missing, f"operations never exercised: {sorted(missing)}"


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
    case.path_parameters = {**(case.path_parameters or {}), "org_slug": fuzz_org["org"].slug}
    # Each request gets its own savepoint, as each has its own transaction in production: on
    # PostgreSQL a handled database error (a huge id: 404) must not poison the next example.
    savepoint = transaction.savepoint()
    try:
        case.call_and_validate(headers={"Authorization": fuzz_org["authorization"]}, checks=CHECKS)
    finally:
        transaction.savepoint_rollback(savepoint)
    EXERCISED.add((case.method.upper(), case.operation.path))


FUZZ_TEST_NAME = test_the_api_answers_generated_requests_as_documented.__name__
