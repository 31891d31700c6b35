"""Public pages, no account needed: the transparency page and published ESRS S4 items. They show
only what the organisation opted in, and nothing about complainants beyond suppressed counts."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from rightslens.accounts.models import Organisation

from . import selectors
from .models import EsrsDraft


def transparency(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=org_slug)
    page = selectors.transparency_page(organisation=organisation)
    if page is None or not page.enabled:
        raise Http404("Not published")
    context = {
        "organisation": organisation,
        "page": page,
        "systems": selectors.public_systems(page=page),
        "disclosures": selectors.published_esrs(organisation=organisation),
    }
    return render(request, "disclosure/public/transparency.html", context)


def esrs(request: HttpRequest, org_slug: str, draft_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=org_slug)
    draft = get_object_or_404(EsrsDraft, organisation=organisation, pk=draft_id)
    sections = selectors.esrs_public(draft=draft)
    if not sections:
        raise Http404("Not published")
    context = {"organisation": organisation, "draft": draft, "sections": sections}
    return render(request, "disclosure/public/esrs.html", context)
