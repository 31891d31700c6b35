"""Issue, list and revoke API tokens, each scoped to one organisation and to read or write."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from rightslens.accounts.models import ApiToken, Organisation

from .models import TokenGrant

LIFETIMES_DAYS = (30, 90, 365)


@transaction.atomic
def token_issue(
    *, user: Any, organisation: Organisation, name: str, can_write: bool, days: int = 90
) -> tuple[ApiToken, str]:
    """A new token (the raw value is returned once, never stored)."""
    token, raw = ApiToken.issue(user, name)
    TokenGrant.objects.create(
        token=token,
        organisation=organisation,
        can_write=can_write,
        expires_at=timezone.now() + timedelta(days=days),
    )
    return token, raw


def tokens_for(*, user: Any, organisation: Organisation) -> QuerySet[TokenGrant]:
    return (
        TokenGrant.objects.filter(token__user=user, organisation=organisation)
        .select_related("token")
        .order_by("-token__created_at")
    )


def token_revoke(*, user: Any, organisation: Organisation, grant_id: int) -> TokenGrant:
    grant = tokens_for(user=user, organisation=organisation).filter(pk=grant_id).first()
    if grant is None:
        raise Http404("No such token.")
    if grant.revoked_at is None:
        grant.revoked_at = timezone.now()
        grant.save(update_fields=["revoked_at"])
    return grant
