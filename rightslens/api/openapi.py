"""The OpenAPI document tells the truth about errors and required fields, from one place.

Every operation lists the error statuses the API can answer with, in the one JSON error shape:
401, 403, 404 and 422 always; 400 where a body can fail to parse or a route declares it; 413
where declared. Input schemas stay all-optional so the services can name every missing field at
once; `required_on_create` records the fields a POST must carry, and the document marks them
required on those operations only (PATCH stays partial).
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

ERROR_SCHEMA_NAME = "Error"
ERROR_SCHEMA: dict[str, Any] = {
    "title": ERROR_SCHEMA_NAME,
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "fields"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {
                    "type": "object",
                    "description": "Field name to what is wrong with it; empty when no field is at fault.",
                    "additionalProperties": {"type": "string"},
                },
            },
        }
    },
}
COMMON_ERRORS: dict[str, str] = {
    "401": "No valid API token.",
    "403": "This member or token may not do this (e.g. a viewer or read-only token writing).",
    "404": "Not found, or not in this token's organisation.",
    "422": "The input is not valid; `fields` names each field at fault.",
}
DECLARED_ERRORS: dict[str, str] = {
    "400": "The request cannot be processed as given.",
    "409": "Someone else changed this record since the `lock_version` sent: nothing was saved.",
    "413": "The request is too large.",
}

_required_on_create: dict[str, tuple[str, ...]] = {}


def required_on_create(schema: type, *fields: str) -> None:
    """Mark `fields` of `schema` required wherever it is a POST body."""
    _required_on_create[schema.__name__] = fields


def _error_response(description: str) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{ERROR_SCHEMA_NAME}"}
    return {"description": description, "content": {"application/json": {"schema": ref}}}


def _add_errors(operation: dict[str, Any]) -> None:
    responses = {str(status): body for status, body in operation.get("responses", {}).items()}
    operation["responses"] = responses
    for status, description in COMMON_ERRORS.items():
        responses[status] = _error_response(description)
    if "requestBody" in operation:
        responses["400"] = _error_response("The request body cannot be parsed as JSON.")
    for status, description in DECLARED_ERRORS.items():
        if status in responses:
            responses[status] = _error_response(description)


def _require_on_post(operation: dict[str, Any]) -> None:
    content = operation.get("requestBody", {}).get("content", {})
    for media in content.values():
        ref = media.get("schema", {}).get("$ref", "")
        fields = _required_on_create.get(ref.rsplit("/", 1)[-1])
        if fields:
            media["schema"] = {"allOf": [{"$ref": ref}], "required": list(fields)}
            operation["requestBody"]["required"] = True


def document(schema: dict[str, Any]) -> dict[str, Any]:
    schema.setdefault("components", {}).setdefault("schemas", {})[ERROR_SCHEMA_NAME] = ERROR_SCHEMA
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            _add_errors(operation)
            if method == "post":
                _require_on_post(operation)
    return schema


class DocumentedAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document carries the error responses and create-time requirements."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        return document(super().get_openapi_schema(*args, **kwargs))
