"""Saved filters: a member names the filters of a list to come back to them."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from rightslens.accounts.models import Membership
from rightslens.errors import FieldErrors

from .models import SavedFilter

# The lists that offer saved filters: page key -> URL name.
PAGES = {
    "register": "register",
    "assessments": "assessment_list",
    "grievances": "grievance_list",
}


def page_url(org_slug: str, page: str) -> str:
    return reverse(PAGES.get(page, "register"), args=[org_slug])


def _clean_querystring(querystring: str) -> str:
    """Keep only filter parameters: no page number, no CSRF token."""
    pairs = [
        (k, v)
        for k, v in parse_qsl(querystring.lstrip("?"), keep_blank_values=False)
        if k not in ("page", "csrfmiddlewaretoken")
    ]
    return urlencode(pairs)[:500]


def saved_filter_save(
    *, membership: Membership, page: str, name: str, querystring: str
) -> SavedFilter:
    name = " ".join(name.split())[:80]
    errors = {}
    if page not in PAGES:
        errors["page"] = _(
            "Filters can be saved on the register, assessments and grievances lists."
        )
    if not name:
        errors["name"] = _("Give the saved filter a name.")
    if errors:
        raise FieldErrors(errors)
    saved, _created = SavedFilter.objects.update_or_create(
        organisation=membership.organisation,
        member=membership.user,
        page=page,
        name=name,
        defaults={"querystring": _clean_querystring(querystring)},
    )
    return saved
