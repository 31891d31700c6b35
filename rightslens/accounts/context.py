from __future__ import annotations

from typing import Any

from django.http import HttpRequest

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
ORG_NAV = [
    ("Assessments", "assessments/"),
    ("Quality checks", "quality/"),
    ("Engagement", "engagement/"),
    ("Grievances", "grievances/"),
    ("Procurement", "procurement/"),
    ("Policy checker", "policy/"),
    ("Disclosure", "disclosure/"),
    ("People", "people/"),
    ("Probes", "probes/"),
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
