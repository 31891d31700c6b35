"""The OpenAPI document lists every error an operation can answer with, and what a create needs."""

import pytest

ERROR_REF = "#/components/schemas/Error"


@pytest.fixture
def document(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def _operations(document):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            yield f"{method.upper()} {path}", operation


def test_every_operation_documents_the_error_statuses_in_the_error_shape(document):
    operations = list(_operations(document))
    assert len(operations) > 20
    for name, operation in operations:
        for status in ("401", "403", "404", "422"):
            response = operation["responses"].get(status)
            assert response, f"{name} does not document {status}"
            schema = response["content"]["application/json"]["schema"]
            assert schema == {"$ref": ERROR_REF}, name


def test_declared_400_uses_the_error_shape_too(document):
    register = document["paths"]["/api/assessments/orgs/{org_slug}/register"]["get"]
    assert (
        register["responses"]["400"]["content"]["application/json"]["schema"]["$ref"] == ERROR_REF
    )


def test_an_operation_with_a_body_documents_the_400_for_an_unparseable_one(
    document, owner, org, client
):
    from conftest import api_headers

    post = document["paths"]["/api/inventory/orgs/{org_slug}/systems"]["post"]
    assert post["responses"]["400"]["content"]["application/json"]["schema"]["$ref"] == ERROR_REF
    response = client.post(
        f"/api/inventory/orgs/{org.slug}/systems",
        data=b"\x11 <not json",
        content_type="application/json",
        **api_headers(owner),
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "error"


def test_the_error_schema_has_code_message_and_fields(document):
    error = document["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    inner = error["properties"]["error"]
    assert set(inner["required"]) == {"code", "message", "fields"}


def _post_body_schema(document, path):
    body = document["paths"][path]["post"]["requestBody"]
    assert body["required"] is True
    return body["content"]["application/json"]["schema"]


def test_a_create_marks_its_required_fields_required(document):
    schema = _post_body_schema(document, "/api/inventory/orgs/{org_slug}/systems")
    assert set(schema["required"]) == {"name", "purpose"}
    impact = _post_body_schema(
        document, "/api/assessments/orgs/{org_slug}/assessments/{assessment_id}/impacts"
    )
    assert "title" in impact["required"]


def test_a_patch_stays_partial(document):
    patch = document["paths"]["/api/inventory/orgs/{org_slug}/systems/{system_id}"]["patch"]
    schema = patch["requestBody"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/SystemIn"}
    assert "required" not in document["components"]["schemas"]["SystemIn"]


def test_path_parameters_are_required(document):
    for name, operation in _operations(document):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                assert parameter["required"] is True, name


def test_a_create_without_its_required_field_gets_the_documented_422(owner, org, client):
    from conftest import api_headers

    response = client.post(
        f"/api/inventory/orgs/{org.slug}/systems",
        data="{}",
        content_type="application/json",
        **api_headers(owner),
    )
    assert response.status_code == 422
    assert set(response.json()["error"]["fields"]) >= {"name", "purpose"}


@pytest.mark.parametrize(
    "url",
    ["/api/inventory/orgs/{slug}/systems", "/api/assessments/orgs/{slug}/assessments"],
)
def test_a_huge_list_offset_gives_an_empty_page_not_a_database_error(client, owner, org, url):
    from conftest import api_headers

    headers = api_headers(owner)
    response = client.get(url.format(slug=org.slug) + "?offset=99999999999999999999", **headers)
    assert response.status_code == 200 and response.json() == []
    assert client.get(url.format(slug=org.slug), **headers).status_code == 200


def _resolve(document, schema):
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _assert_typed(document, schema, where):
    """An object names every field, requires them all and allows no other; a list types its
    items; a union types each branch."""
    schema = _resolve(document, schema)
    for key in ("anyOf", "oneOf"):
        for branch in schema.get(key, []):
            _assert_typed(document, branch, where)
    if schema.get("type") == "array":
        assert "items" in schema or "prefixItems" in schema, where
        if "items" in schema:
            _assert_typed(document, schema["items"], where)
    if "properties" in schema:
        assert schema.get("additionalProperties") is False, where
        assert set(schema.get("required", [])) == set(schema["properties"]), where
    elif schema.get("type") == "object":
        # A free-form mapping is allowed only inside a typed record (e.g. a document's content).
        assert where.endswith("nested"), f"{where}: an untyped object"


def test_every_success_response_has_a_typed_schema(document):
    operations = list(_operations(document))
    assert len(operations) >= 39
    for name, operation in operations:
        successes = {s: r for s, r in operation["responses"].items() if s.startswith("2")}
        assert successes, f"{name} documents no success response"
        for status, response in successes.items():
            schema = response["content"]["application/json"]["schema"]
            assert schema != {} and schema.get("additionalProperties") is not True, name
            _assert_typed(document, schema, f"{name} {status}")


@pytest.mark.parametrize(
    ("path", "required"),
    [
        ("/api/inventory/orgs/{org_slug}/systems", {"name", "purpose"}),
        ("/api/inventory/orgs/{org_slug}/systems/{system_id}/groups", {"name"}),
        ("/api/inventory/orgs/{org_slug}/systems/{system_id}/components", {"name"}),
        ("/api/assessments/orgs/{org_slug}/assessments", {"system_id"}),
        ("/api/assessments/orgs/{org_slug}/assessments/{assessment_id}/impacts", {"title"}),
        (
            "/api/assessments/orgs/{org_slug}/impacts/{impact_id}/actions",
            {"action_type", "description"},
        ),
        ("/api/procurement/orgs/{org_slug}/screenings", {"use_case_text"}),
        (
            "/api/procurement/orgs/{org_slug}/screenings/{screening_id}/decision",
            {"decision", "reasons"},
        ),
        ("/api/policy/orgs/{org_slug}/instruments", {"title"}),
        ("/api/policy/orgs/{org_slug}/findings/{finding_id}/review", {"status", "note"}),
    ],
)
def test_each_create_marks_what_it_needs(document, path, required):
    assert set(_post_body_schema(document, path)["required"]) == required


def test_the_impact_patch_requires_lock_version_and_documents_the_conflict(document):
    patch = document["paths"]["/api/assessments/orgs/{org_slug}/impacts/{impact_id}"]["patch"]
    body = _resolve(document, patch["requestBody"]["content"]["application/json"]["schema"])
    assert body["required"] == ["lock_version"]
    assert patch["responses"]["409"]["content"]["application/json"]["schema"]["$ref"] == ERROR_REF
    impact = _resolve(document, patch["responses"]["200"]["content"]["application/json"]["schema"])
    assert "lock_version" in impact["required"]
