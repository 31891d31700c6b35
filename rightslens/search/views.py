from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rightslens.accounts.access import member_or_404
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors

from . import services
from .models import SavedFilter
from .selectors import records_search


@login_required
@org_view("GET")
def search(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    query = request.GET.get("q", "")
    hits = records_search(membership=membership, query=query)
    return render(request, "search/results.html", {"query": query, "hits": hits})


@login_required
@org_view("POST", personal=True)
def saved_filter_save(request: HttpRequest, org_slug: str) -> HttpResponse:
    """Save the list's current filters under a name, for this member only."""
    membership = member_or_404(request, org_slug)
    page = request.POST.get("page", "")
    querystring = request.POST.get("querystring", "")
    try:
        saved = services.saved_filter_save(
            membership=membership,
            page=page,
            name=request.POST.get("name", ""),
            querystring=querystring,
        )
    except FieldErrors as error:
        for message in error.fields.values():
            messages.error(request, message)
        return redirect(services.page_url(membership.organisation.slug, page))
    messages.success(request, _("Saved the filter “%(name)s”.") % {"name": saved.name})
    url = services.page_url(membership.organisation.slug, saved.page)
    return redirect(f"{url}?{saved.querystring}" if saved.querystring else url)


@login_required
@org_view("POST", personal=True)
def saved_filter_delete(request: HttpRequest, org_slug: str, saved_filter_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    saved = SavedFilter.objects.filter(
        organisation=membership.organisation, member=membership.user, pk=saved_filter_id
    ).first()
    if saved is None:
        from django.http import Http404

        raise Http404("Not found")
    page = saved.page
    saved.delete()
    return redirect(services.page_url(membership.organisation.slug, page))
