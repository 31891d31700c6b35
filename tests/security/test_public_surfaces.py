"""The public surfaces: grievance channel and follow-up, questionnaire links, login.

Grievance content, identities and receipt codes must never reach logs, error reports or plain
database columns; no IP address or user agent is stored; look-ups resist enumeration.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import pytest
from django.apps import apps
from django.core.signals import got_request_exception
from django.db import connection
from django.test import Client
from django.views.debug import SafeExceptionReporterFilter

from conftest import PASSWORD, client_for, make_member
from rightslens.accounts.models import Role
from rightslens.grievances import public
from rightslens.grievances.models import Grievance, GrievanceAttachment
from rightslens.grievances.services import grievance_submit
from rightslens.grievances.testing import PNG_BYTES, started_long_ago

pytestmark = pytest.mark.django_db

CONTENT = "Unique-grievance-text-7Q4 the scoring tool flagged my disability leave"
NAME = "Zebedee Quillfeather"
CONTACT = "zebedee.quill@example.org"
IP = "203.0.113.77"
AGENT = "Mozilla/5.0 UniqueAgent-9XK"


def _submission(**overrides: Any) -> dict[str, Any]:
    return {
        "content": CONTENT,
        "name": NAME,
        "contact": CONTACT,
        "website": "",
        "started": started_long_ago(),
    } | overrides


def _every_stored_value() -> str:
    """Every raw column value of every RightsLens table (and Django's sessions), as one text."""
    rows = []
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model.__module__.startswith(("rightslens.", "django.contrib.sessions")):
                cursor.execute(f'SELECT * FROM "{model._meta.db_table}"')
                rows.extend(str(row) for row in cursor.fetchall())
    return "\n".join(rows)


def _submit(client: Client) -> str:
    response = client.post("/g/acme/", _submission(), REMOTE_ADDR=IP, HTTP_USER_AGENT=AGENT)
    assert response.status_code == 200, response.content.decode()[:500]
    return str(response.context["code"])


# ---- what is stored and logged ----


def test_no_ip_address_user_agent_or_receipt_code_is_stored(org):
    code = _submit(Client())
    assert Grievance.objects.filter(organisation=org).count() == 1
    stored = _every_stored_value()
    assert IP not in stored
    assert AGENT not in stored
    assert code not in stored


def test_grievance_content_and_identity_are_not_stored_in_plain_text(org):
    _submit(Client())
    stored = _every_stored_value()
    assert "Unique-grievance-text-7Q4" not in stored
    assert NAME not in stored
    assert CONTACT not in stored


def test_no_log_record_carries_grievance_content_or_identity(org, caplog):
    caplog.set_level(logging.DEBUG)
    client = Client()
    code = _submit(client)
    client.post("/g/acme/follow/", {"code": code, "action": "reply", "body": CONTENT + " again"})
    officer = make_member(org, "officer@acme.test", Role.ASSESSOR, officer=True)
    grievance = Grievance.objects.get(organisation=org)
    client_for(officer).post(
        f"/o/acme/grievances/{grievance.pk}/message/", {"body": "Reply to " + NAME}
    )
    assert caplog.records, "the services log ids and states; none were captured"
    logged = "\n".join(f"{r.getMessage()} {r.args}" for r in caplog.records)
    for secret in ("Unique-grievance-text-7Q4", NAME, CONTACT, code):
        assert secret not in logged


def _failing_request(monkeypatch, target: str, path: str, data: dict[str, Any]) -> Any:
    """POST while `target` in the public module raises; return the request and exception info."""

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(public, target, boom)
    seen: dict[str, Any] = {}

    def capture(sender: object, request: Any, **kwargs: object) -> None:
        seen["request"], seen["exc_info"] = request, sys.exc_info()

    got_request_exception.connect(capture)
    try:
        client = Client(raise_request_exception=False)
        assert client.post(path, data).status_code == 500
    finally:
        got_request_exception.disconnect(capture)
    return seen


def test_an_error_report_of_a_failed_submission_hides_the_grievance(org, monkeypatch):
    seen = _failing_request(monkeypatch, "grievance_submit", "/g/acme/", _submission())
    reporter = SafeExceptionReporterFilter()
    posted = reporter.get_post_parameters(seen["request"])
    assert CONTENT not in str(posted) and NAME not in str(posted) and CONTACT not in str(posted)
    tb, view_frames = seen["exc_info"][2], 0
    while tb is not None:
        if tb.tb_frame.f_code.co_name == "channel":
            view_frames += 1
            frame_vars = reporter.get_traceback_frame_variables(seen["request"], tb.tb_frame)
            assert CONTENT not in str(frame_vars)
        tb = tb.tb_next
    assert view_frames == 1


def test_an_error_report_of_a_follow_up_hides_the_receipt_code(org, monkeypatch):
    code = _submit(Client())
    seen = _failing_request(monkeypatch, "grievance_find", "/g/acme/follow/", {"code": code})
    posted = SafeExceptionReporterFilter().get_post_parameters(seen["request"])
    assert code not in str(posted)


# ---- receipt codes ----


def test_every_miss_looks_the_same_whatever_the_code(org, other_org):
    _, theirs = grievance_submit(organisation=other_org, content="elsewhere", language="en")
    answers = []
    for code in ("nonsense", "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", theirs):
        response = Client().post("/g/acme/follow/", {"code": code})
        answers.append((response.status_code, response.context["form"].errors.get("code")))
    assert answers[0][0] == 400
    assert answers[0] == answers[1] == answers[2]


def test_receipt_look_ups_are_rate_limited_per_visitor(org):
    client = Client()
    statuses = [
        client.post("/g/acme/follow/", {"code": f"WRONG-{n}"}).status_code for n in range(12)
    ]
    assert statuses[0] == 400
    assert statuses[-1] == 429


# ---- attachments ----


def test_an_attachment_is_checked_by_its_content_not_its_name(org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("photo.png", b"<html><script>alert(1)</script>", "image/png")
    response = Client().post("/g/acme/", _submission(attachment=fake))
    assert response.status_code == 400
    assert not Grievance.objects.exists()
    real = SimpleUploadedFile("photo.png", PNG_BYTES, "image/png")
    assert Client().post("/g/acme/", _submission(attachment=real)).status_code == 200
    assert GrievanceAttachment.objects.get().content_type == "image/png"


def test_an_oversized_attachment_is_refused_and_nothing_saved(org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile(
        "scan.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024), "application/pdf"
    )
    response = Client().post("/g/acme/", _submission(attachment=big))
    assert response.status_code == 400
    assert not Grievance.objects.exists()


# ---- questionnaire links ----


def test_a_forged_or_guessed_questionnaire_link_opens_nothing(db):
    for token in ("1", "guess", "eyJhIjoxfQ:1abc:forged"):
        response = Client().get(f"/r/{token}/")
        assert response.status_code == 410
        assert b"not valid" in response.content


# ---- browser protections ----


def test_login_never_redirects_to_another_site(owner):
    response = Client().post(
        "/accounts/login/?next=https://evil.example/",
        {"username": owner.username, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_public_pages_cannot_be_framed(org):
    for url in ("/g/acme/", "/accounts/login/", "/hub/", "/method/"):
        assert Client().get(url)["X-Frame-Options"] == "DENY"


def test_a_grievance_post_without_its_signed_form_token_is_refused(org):
    # The public channel keeps no cookie, so its forgery protection is the single-use signed
    # form token (the CSRF cookie is not used there).
    client = Client(enforce_csrf_checks=True)
    assert client.post("/g/acme/", _submission(started="")).status_code == 400
    assert not Grievance.objects.exists()
    assert client.post("/g/acme/", _submission()).status_code == 200


def test_htmx_requests_carry_the_csrf_token(owner_client):
    page = owner_client.get("/o/acme/systems/").content.decode()
    assert 'hx-headers=\'{"X-CSRFToken": "' in page
