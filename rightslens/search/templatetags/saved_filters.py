"""`{% load saved_filters %}{% saved_filters "register" %}`: a member's saved filters on a list,
and a form to save the current ones."""

from __future__ import annotations

from typing import Any

from django import template

from rightslens.search.models import SavedFilter

register = template.Library()


@register.inclusion_tag("search/_saved_filters.html", takes_context=True)
def saved_filters(context: Any, page: str) -> dict[str, Any]:
    request, org = context.get("request"), context.get("org")
    if request is None or org is None or not request.user.is_authenticated:
        return {"show": False}
    return {
        "show": True,
        "org": org,
        "page": page,
        "querystring": request.GET.urlencode(),
        "saved": SavedFilter.objects.filter(organisation=org, member=request.user, page=page),
        "csrf_token": context.get("csrf_token"),
    }
