"""The one access helper every view and API route starts with.

Authorisation lives here and in querysets, never in templates: a user who is not a member of the
organisation gets 404 (we do not confirm that it exists); a viewer who tries to write gets 403.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Manager, Model, QuerySet
from django.http import Http404, HttpRequest

from .models import Membership

M = TypeVar("M", bound=Model)


def membership_for(
    user: Any, org_slug: str, *, write: bool = False, senior: bool = False
) -> Membership:
    if not getattr(user, "is_authenticated", False):
        raise Http404("Not found")
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=user, organisation__slug=org_slug)
        .first()
    )
    if membership is None:
        raise Http404("Not found")
    return _with_role(membership, write=write, senior=senior)


def _with_role(membership: Membership, *, write: bool, senior: bool) -> Membership:
    if write and not membership.can_write:
        raise PermissionDenied("Your role in this organisation is read-only.")
    if senior and not membership.is_senior:
        raise PermissionDenied("This needs the organisation's senior (owner) role.")
    return membership


def member_or_404(
    request: HttpRequest, org_slug: str, *, write: bool = False, senior: bool = False
) -> Membership:
    """Return the user's membership of the organisation, or raise 404 (403 for a viewer's write).

    Found once per request: `rightslens.common.views.org_view` checks it first, and the view's
    own call reuses it (the role checks still run on every call)."""
    cached = getattr(request, "_org_membership", None)
    if cached is None or cached.organisation.slug != org_slug:
        cached = membership_for(request.user, org_slug)
        request._org_membership = cached  # type: ignore[attr-defined]  # per-request cache
    return _with_role(cached, write=write, senior=senior)


def org_object_or_404(
    queryset: QuerySet[M, M] | Manager[M], membership: Membership, **lookup: Any
) -> M:
    """An object of the member's organisation, or 404: foreign ids look exactly like missing ones."""
    obj = queryset.filter(organisation=membership.organisation, **lookup).first()
    if obj is None:
        raise Http404("Not found")
    return obj
