"""The one access helper every view and API route starts with.

Authorisation lives here and in querysets, never in templates: a user who is not a member of the
organisation gets 404 (we do not confirm that it exists); a viewer who tries to write gets 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Manager, Model, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponseBase, HttpResponseNotAllowed
from django.utils.translation import gettext as _

from .models import Membership

M = TypeVar("M", bound=Model)


def active_memberships(user: Any, *, assessment_id: int | None = None) -> QuerySet[Membership]:
    """Active memberships; an outside reviewer's counts only for the one assessment it names."""
    scope = Q(only_assessment__isnull=True)
    if assessment_id is not None:
        scope |= Q(only_assessment_id=assessment_id)
    return Membership.objects.select_related("organisation").filter(
        scope, user=user, is_active=True
    )


def membership_for(
    user: Any,
    org_slug: str,
    *,
    write: bool = False,
    senior: bool = False,
    assessment_id: int | None = None,
) -> Membership:
    if not getattr(user, "is_authenticated", False):
        raise Http404("Not found")
    membership = (
        active_memberships(user, assessment_id=assessment_id)
        .filter(organisation__slug=org_slug)
        .first()
    )
    if membership is None:
        raise Http404("Not found")
    return _with_role(membership, write=write, senior=senior)


def _with_role(membership: Membership, *, write: bool, senior: bool) -> Membership:
    if write and not membership.can_write:
        raise PermissionDenied(_("Your role in this organisation is read-only."))
    if senior and not membership.is_senior:
        raise PermissionDenied(_("This needs the organisation's senior (owner) role."))
    return membership


def member_or_404(
    request: HttpRequest,
    org_slug: str,
    *,
    write: bool = False,
    senior: bool = False,
    assessment_id: int | None = None,
) -> Membership:
    """Return the user's membership of the organisation, or raise 404 (403 for a viewer's write).

    Pass `assessment_id` only on the pages an outside reviewer of that assessment may use.
    Found once per request and scope: `org_view` checks it first, and the
    view's own call reuses it (the role checks still run on every call). The scope is part of the
    key, so a membership found for one assessment never serves a call made without it."""
    cache: dict[tuple[str, int | None], Membership] = request.__dict__.setdefault(
        "_org_memberships", {}
    )
    key = (org_slug, assessment_id)
    if key not in cache:
        cache[key] = membership_for(request.user, org_slug, assessment_id=assessment_id)
    return _with_role(cache[key], write=write, senior=senior)


OUTSIDE_REVIEWER_STEPS = frozenset({"approve", "return", "decide"})


def outside_reviewer_may(membership: Membership, step: str) -> None:
    """An outside reviewer may read, approve or return their assessment and nothing else (404)."""
    if membership.is_outside_reviewer and step not in OUTSIDE_REVIEWER_STEPS:
        raise Http404("Not found")


def org_object_or_404(
    queryset: QuerySet[M, M] | Manager[M], membership: Membership, **lookup: Any
) -> M:
    """An object of the member's organisation, or 404: foreign ids look exactly like missing ones."""
    obj = queryset.filter(organisation=membership.organisation, **lookup).first()
    if obj is None:
        raise Http404("Not found")
    return obj


View = Callable[..., HttpResponseBase]
SAFE = ("GET", "HEAD")


def org_view(*methods: str, senior: bool = False, personal: bool = False) -> Callable[[View], View]:
    """The gate for organisation views (see `rightslens.common.views`): membership, method, role."""
    allowed = tuple(dict.fromkeys((*methods, "HEAD") if "GET" in methods else methods))

    def decorate(view: View) -> View:
        @wraps(view)
        def gate(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            # An outside reviewer passes here only on views about their assessment; the view's
            # own member_or_404 then decides whether that view admits them at all.
            scope = kwargs.get("assessment_id")
            member_or_404(request, kwargs["org_slug"], assessment_id=scope)
            if request.method not in allowed:
                return HttpResponseNotAllowed(allowed)
            if request.method not in SAFE and not personal:
                member_or_404(
                    request, kwargs["org_slug"], write=True, senior=senior, assessment_id=scope
                )
            return view(request, *args, **kwargs)

        return gate

    return decorate
