"""Health and readiness endpoints, structured logs without personal data, private files."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client

from rightslens.ops.logs import JsonFormatter


def test_liveness_answers_without_touching_anything():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readiness_checks_the_database_and_the_cache():
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


@pytest.mark.django_db
def test_readiness_fails_when_the_broker_cannot_be_reached(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = Client().get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["broker"] == "failed"
    assert "127.0.0.1" not in response.content.decode()


def _format(message: str, *args: object) -> dict[str, object]:
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, message, args, None)
    record.status_code = 400
    return json.loads(JsonFormatter().format(record))


def test_logs_are_json_lines_with_personal_data_masked():
    entry = _format(
        "Bad Request: %s from %s for %s",
        "/g/acme/follow/?code=ABCDE-FGHIJ",
        "203.0.113.9",
        "ana@example.org",
    )
    assert entry["level"] == "WARNING" and entry["logger"] == "django.request"
    assert entry["status"] == 400
    message = str(entry["message"])
    for secret in ("ABCDE", "203.0.113.9", "ana@example.org"):
        assert secret not in message
    assert "/g/acme/follow/" in message


def test_uploaded_files_are_private(settings):
    assert settings.FILE_UPLOAD_PERMISSIONS == 0o600
    assert settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS == 0o700
