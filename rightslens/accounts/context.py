from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import pgettext_lazy

from .models import Membership


def current_organisation(request: HttpRequest) -> dict[str, Any]:
    """The organisation named in the URL, for the navigation, if the user belongs to it."""
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("org_slug") if match else None
    if not slug or not request.user.is_authenticated:
        return {}
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=request.user, organisation__slug=slug)
        .first()
    )
    if membership is None:
        return {}
    return {"org": membership.organisation, "membership": membership}


# Sections of an organisation's workspace, in the order of the due diligence cycle.
# Staff strings carry the "staff" context: translated in French and Spanish (the public channel's
# languages are checked separately, tests/usability/test_public_languages.py).
ORG_NAV = [
    (pgettext_lazy("staff", "Assessments"), "assessments/"),
    (pgettext_lazy("staff", "Quality checks"), "quality/"),
    (pgettext_lazy("staff", "Engagement"), "engagement/"),
    (pgettext_lazy("staff", "Grievances"), "grievances/"),
    (pgettext_lazy("staff", "Procurement"), "procurement/"),
    (pgettext_lazy("staff", "Policy checker"), "policy/"),
]


def organisation_nav(request: HttpRequest) -> dict[str, Any]:
    context = current_organisation(request)
    if "org" not in context:
        return {}
    slug = context["org"].slug
    return {"org_nav": [{"label": label, "url": f"/o/{slug}/{path}"} for label, path in ORG_NAV]}
