"""API tokens: one organisation, read or write, expiring and revocable from the tokens page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from conftest import client_for, token_for
from rightslens.accounts.models import ApiToken, Membership, Role
from rightslens.api.models import TokenGrant

pytestmark = pytest.mark.django_db
LIST = "/api/assessments/orgs/{slug}/assessments"


def _get(token: str, slug: str = "acme") -> int:
    return Client().get(LIST.format(slug=slug), HTTP_AUTHORIZATION=f"Bearer {token}").status_code


def _create(token: str) -> int:
    return (
        Client()
        .post(
            LIST.format(slug="acme"),
            data="{}",
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        .status_code
    )


def test_a_token_works_for_its_own_organisation_only(owner, other_org):
    Membership.objects.create(user=owner, organisation=other_org, role=Role.OWNER)
    token = token_for(owner)  # scoped to acme, the first membership
    assert _get(token) == 200
    assert _get(token, "other") == 404


def test_a_read_only_token_cannot_write(owner):
    assert _create(token_for(owner, can_write=False)) == 403
    assert _create(token_for(owner, can_write=True)) == 422  # allowed; the empty body is not


def test_expired_revoked_and_unscoped_tokens_are_refused(owner):
    expired = token_for(owner)
    TokenGrant.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert _get(expired) == 401
    _, legacy = ApiToken.issue(owner, "issued before grants")
    assert _get(legacy) == 401


def test_the_tokens_page_creates_lists_and_revokes(owner):
    page = client_for(owner)
    created = page.post("/o/acme/tokens/", {"name": "CI", "access": "read", "days": "30"})
    raw = created.context["raw_token"]
    assert _get(raw) == 200
    grant = TokenGrant.objects.get(token__name="CI")
    assert not grant.can_write and grant.expires_at < timezone.now() + timedelta(days=31)
    listing = page.get("/o/acme/tokens/").content.decode()
    assert "CI" in listing and "read only" in listing
    assert page.post("/o/acme/tokens/", {"action": "revoke", "grant": grant.pk}).status_code == 200
    assert _get(raw) == 401
    assert page.post("/o/acme/tokens/", {"action": "revoke", "grant": "9" * 30}).status_code == 404


def test_nobody_revokes_another_members_token(owner, assessor):
    theirs = token_for(assessor)
    grant = TokenGrant.objects.get()
    response = client_for(owner).post("/o/acme/tokens/", {"action": "revoke", "grant": grant.pk})
    assert response.status_code == 404
    assert _get(theirs) == 200
