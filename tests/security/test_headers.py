"""Headers: a strict Content-Security-Policy everywhere, no-store on private pages and downloads,
and templates free of the inline script and style the policy would block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from rightslens.grievances.models import GrievanceAttachment
from rightslens.grievances.services import grievance_submit
from rightslens.grievances.testing import PNG_BYTES

ROOT = Path(__file__).resolve().parents[2] / "rightslens"
INLINE = re.compile(
    r"<script>|<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=|javascript:"
)


def test_no_template_has_inline_script_style_or_handlers():
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in ROOT.rglob("templates/**/*.html")
        for match in INLINE.finditer(path.read_text())
    ]
    assert offenders == []


@pytest.mark.django_db
def test_every_page_sends_a_strict_content_security_policy(org):
    for url in ("/g/acme/", "/accounts/login/", "/hub/", "/method/"):
        policy = Client().get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "frame-ancestors 'none'" in policy


def test_htmx_is_configured_for_the_policy():
    base = (ROOT / "templates" / "base.html").read_text()
    assert '"includeIndicatorStyles":false' in base
    assert '"allowEval":false' in base


@pytest.mark.django_db
def test_identity_pages_attachments_exports_and_tokens_are_not_stored(org, owner, owner_client):
    grievance, _code = grievance_submit(
        organisation=org,
        content="Cache test",
        language="en",
        name="Ana",
        attachment=SimpleUploadedFile("p.png", PNG_BYTES, "image/png"),
    )
    attachment = GrievanceAttachment.objects.get()
    urls = [
        f"/o/acme/grievances/{grievance.pk}/",
        f"/o/acme/grievances/{grievance.pk}/identity/",
        f"/o/acme/grievances/attachments/{attachment.pk}/",
        "/o/acme/register/export.csv",
        "/o/acme/tokens/",
    ]
    for url in urls:
        response = owner_client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url


@pytest.mark.django_db
def test_public_knowledge_pages_stay_cacheable_for_visitors(db):
    response = Client().get("/hub/")
    assert "no-store" not in response.get("Cache-Control", "")


def test_cookies_are_http_only(settings):
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.LANGUAGE_COOKIE_HTTPONLY


@pytest.mark.browser
def test_htmx_works_under_the_policy_and_nothing_is_blocked(page, org, owner):
    from conftest import browser_login

    blocked: list[str] = []
    page.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )
    browser_login(page, "owner@acme.test")
    page.goto("/o/acme/register/")
    with page.expect_response(
        lambda r: "/o/acme/register/" in r.url and r.request.headers.get("hx-request") == "true"
    ):
        page.select_option("select[name=involvement]", index=1)
    page.wait_for_load_state()
    page.goto("/g/acme/")
    page.goto("/hub/")
    assert blocked == []
