from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from rightslens.accounts.models import ApiToken

from .models import TokenGrant


def _live_grant(found: ApiToken) -> TokenGrant | None:
    grant = TokenGrant.objects.select_related("organisation").filter(token=found).first()
    return grant if grant is not None and grant.is_live else None


class TokenAuth(HttpBearer):
    """A live token: not revoked, not expired, of an active user (401 otherwise)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.find(token)
        grant = _live_grant(found) if found is not None else None
        if found is None or grant is None or not found.user.is_active:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        request.api_grant = grant  # type: ignore[attr-defined]
        return found.user


class OrgMemberTokenAuth(TokenAuth):
    """Token auth that also checks membership of the organisation named by `org_slug` in the path.

    It runs before the request body is parsed, so an outsider gets 404 and a viewer 403 on a write
    even when the body is missing or malformed. Routes still call `membership_for` themselves.
    """

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = super().authenticate(request, token)
        match = getattr(request, "resolver_match", None)
        slug = match.kwargs.get("org_slug") if match else None
        if user is not None and slug:
            from rightslens.accounts.access import membership_for

            writing = request.method not in ("GET", "HEAD", "OPTIONS")
            grant = request.api_grant  # type: ignore[attr-defined]
            if grant.organisation.slug != slug:
                raise Http404("This token belongs to another organisation.")
            membership_for(user, slug, write=writing)
            if writing and not grant.can_write:
                raise PermissionDenied("This token is read-only: create a read and write token.")
        return user
