"""The ESRS S4 / UNGP 21 draft and the transparency page settings, under /o/<org>/disclosure/."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AISystem

from . import selectors, services
from .forms import EsrsEditForm, EsrsNewForm, TransparencyForm
from .models import EsrsDraft


@login_required
@org_view("POST")
def esrs_new(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    form = EsrsNewForm(request.POST)
    if form.is_valid():
        try:
            draft = services.esrs_create(
                organisation=membership.organisation, actor=request.user, **form.cleaned_data
            )
        except FieldErrors as error:
            error.add_to(form)
        else:
            return redirect(f"/o/{org_slug}/disclosure/esrs/{draft.pk}/")
    messages.error(
        request,
        _("The draft was not created: %(errors)s")
        % {"errors": "; ".join(" ".join(str(m) for m in v) for v in form.errors.values())},
    )
    return redirect(f"/o/{org_slug}/disclosure/")


@login_required
@org_view("GET", "POST")
def esrs_detail(request: HttpRequest, org_slug: str, draft_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    draft = org_object_or_404(EsrsDraft.objects, membership, pk=draft_id)
    initial = {"published": draft.published_items} | {
        f"narrative_{code}": text for code, text in draft.narratives.items()
    }
    form = EsrsEditForm(
        request.POST or None, initial=initial, requirements=selectors.esrs_library()
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.esrs_update(
                draft=draft,
                actor=request.user,
                narratives=form.narratives(),
                published_items=form.cleaned_data["published"],
            )
        except FieldErrors as error:
            error.add_to(form, name_unmatched=True)
        else:
            messages.success(request, _("Disclosure draft saved."))
            return redirect(f"/o/{org_slug}/disclosure/esrs/{draft.pk}/")
    org = membership.organisation
    sections = [
        {
            "section": s,
            "narrative_field": form[f"narrative_{s.requirement.code}"],
            "datapoints": [
                {
                    "point": p,
                    "sources": selectors.linked_sources(org, [r.as_dict() for r in p.sources]),
                }
                for p in s.datapoints
            ],
        }
        for s in selectors.esrs_for_member(draft=draft, membership=membership)
    ]
    context = {"membership": membership, "draft": draft, "form": form, "sections": sections}
    return render(request, "disclosure/esrs.html", context, status=400 if form.errors else 200)


@login_required
@org_view("GET", "POST")
def transparency(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    org = membership.organisation
    systems = AISystem.objects.filter(organisation=org, archived_at__isnull=True)
    page = selectors.transparency_page(organisation=org)
    initial = (
        {
            "enabled": page.enabled,
            "introduction": page.introduction,
            "systems": [str(pk) for pk in page.systems.values_list("pk", flat=True)],
        }
        if page
        else {}
    )
    choices = [(str(s.pk), s.name) for s in systems]
    form = TransparencyForm(request.POST or None, initial=initial, system_choices=choices)
    if request.method == "POST" and form.is_valid():
        chosen = list(systems.filter(pk__in=[int(v) for v in form.cleaned_data["systems"]]))
        services.transparency_update(
            organisation=org,
            actor=request.user,
            enabled=form.cleaned_data["enabled"],
            introduction=form.cleaned_data["introduction"],
            systems=chosen,
        )
        messages.success(request, _("Transparency page saved."))
        return redirect(f"/o/{org_slug}/disclosure/transparency/")
    return render(
        request,
        "disclosure/transparency.html",
        {"membership": membership, "form": form, "page": page},
    )
