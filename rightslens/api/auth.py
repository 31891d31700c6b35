from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from rightslens.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.find(token)
        if found is None or not found.user.is_active:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
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

            membership_for(user, slug, write=request.method not in ("GET", "HEAD", "OPTIONS"))
        return user
