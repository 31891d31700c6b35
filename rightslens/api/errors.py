"""One error shape for the whole API: {"error": {"code", "message", "fields"}}."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from rightslens.errors import FieldErrors, StaleVersion

log = logging.getLogger("rightslens.api")

# A list's offset is held below what the database can count to (PostgreSQL's bigint), so a huge
# one gives an empty page rather than a database error.
MAX_OFFSET = 2**62


def not_routed(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any /api/ path no route matches: 404 in the JSON error shape, not an HTML page."""
    return JsonResponse(error_body("not_found", "No such API route."), status=404)


def error_body(code: str, message: str, fields: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def _validation_fields(exc: ValidationError) -> dict[str, str]:
    fields: dict[str, str] = {}
    for err in exc.errors:
        loc = [str(p) for p in err.get("loc", []) if p not in ("body", "payload", "query", "path")]
        fields[".".join(loc) or "body"] = err.get("msg", "invalid")
    return fields


def install_error_handlers(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(FieldErrors)
    def field_errors(request: HttpRequest, exc: FieldErrors) -> HttpResponse:
        return respond(request, 422, error_body("invalid", exc.message, exc.fields))

    @api.exception_handler(StaleVersion)
    def stale(request: HttpRequest, exc: StaleVersion) -> HttpResponse:
        return respond(request, 409, error_body("conflict", exc.message, exc.fields))

    @api.exception_handler(ValidationError)
    def validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return respond(
            request, 422, error_body("invalid", "The input is not valid.", _validation_fields(exc))
        )

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, error_body("not_found", "Not found."))

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return respond(request, 403, error_body("forbidden", str(exc) or "Forbidden."))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return respond(
            request, 401, error_body("unauthenticated", "A valid API token is required.")
        )

    @api.exception_handler(OverflowError)
    def overflow(request: HttpRequest, exc: OverflowError) -> HttpResponse:
        # An id too large for the database (SQLite) names nothing that can exist.
        return respond(request, 404, error_body("not_found", "Not found."))

    @api.exception_handler(DataError)
    def data_error(request: HttpRequest, exc: DataError) -> HttpResponse:
        # PostgreSQL's "out of range" for an id in the path: as above; other values: 422.
        if "out of range" in str(exc):
            return respond(request, 404, error_body("not_found", "Not found."))
        return respond(request, 422, error_body("invalid", "A value is out of range."))

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        log.exception("API error on %s", request.path)
        return respond(request, 500, error_body("server_error", "Something went wrong."))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return respond(request, exc.status_code, error_body("error", str(exc)))
