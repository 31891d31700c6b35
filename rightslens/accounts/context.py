from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import pgettext_lazy

from .access import active_memberships


def current_organisation(request: HttpRequest) -> dict[str, Any]:
    """The organisation named in the URL, for the navigation, if the user belongs to it."""
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("org_slug") if match else None
    if not slug or not request.user.is_authenticated:
        return {}
    assert match is not None  # a slug came from it
    membership = (
        active_memberships(request.user, assessment_id=match.kwargs.get("assessment_id"))
        .filter(organisation__slug=slug)
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
    (pgettext_lazy("staff", "Disclosure"), "disclosure/"),
    (pgettext_lazy("staff", "People"), "people/"),
    (pgettext_lazy("staff", "Probes"), "probes/"),
]


def organisation_nav(request: HttpRequest) -> dict[str, Any]:
    context = current_organisation(request)
    if "org" not in context or context["membership"].is_outside_reviewer:
        return {}
    slug = context["org"].slug
    from rightslens.notifications.selectors import unread_count

    return {
        "org_nav": [{"label": label, "url": f"/o/{slug}/{path}"} for label, path in ORG_NAV],
        "inbox_unread": unread_count(membership=context["membership"]),
    }
