"""Stakeholder register, engagement log and coverage, under /o/<org>/engagement/."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.accounts.models import Membership
from rightslens.assessments.models import Impact
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AffectedGroup

from . import services
from .forms import EngagementForm, StakeholderForm
from .models import EngagementEvent, Stakeholder
from .selectors import coverage, events_for, stakeholders_for


def _group_choices(membership: Membership) -> list[tuple[int, str]]:
    groups = AffectedGroup.objects.filter(organisation=membership.organisation).select_related(
        "system"
    )
    return [(g.pk, f"{g.name} ({g.system.name})") for g in groups]


@login_required
@org_view("GET")
def overview(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    org = membership.organisation
    return render(
        request,
        "engagement/overview.html",
        {
            "membership": membership,
            "stakeholders": stakeholders_for(organisation=org),
            "events": events_for(organisation=org),
            "coverage": coverage(organisation=org),
        },
    )


@login_required
@org_view("GET", "POST")
def stakeholder_new(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    form = StakeholderForm(request.POST or None, group_choices=_group_choices(membership))
    if request.method == "POST" and form.is_valid():
        try:
            stakeholder = services.stakeholder_create(
                membership=membership, **services.stakeholder_fields(form.cleaned_data)
            )
        except FieldErrors as error:
            error.add_to(form)
        else:
            messages.success(request, _("Stakeholder added."))
            return redirect(f"/o/{org_slug}/engagement/stakeholders/{stakeholder.pk}/")
    return render(
        request,
        "engagement/stakeholder_form.html",
        {"membership": membership, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@org_view("GET")
def stakeholder_detail(request: HttpRequest, org_slug: str, stakeholder_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    stakeholder = org_object_or_404(Stakeholder.objects, membership, pk=stakeholder_id)
    contact = None
    if (
        services.can_see_contact(membership)
        and stakeholder.contact
        and request.GET.get("contact") == "show"
    ):
        contact = services.contact_read(membership=membership, stakeholder=stakeholder)
    return render(
        request,
        "engagement/stakeholder.html",
        {
            "membership": membership,
            "stakeholder": stakeholder,
            "contact": contact,
            "may_see_contact": services.can_see_contact(membership),
        },
    )


@login_required
@org_view("GET", "POST")
def event_new(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    org = membership.organisation
    form = EngagementForm(
        request.POST or None,
        stakeholder_choices=[(s.pk, s.name) for s in stakeholders_for(organisation=org)],
        impact_choices=[(i.pk, i.title) for i in Impact.objects.filter(organisation=org)],
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            event = services.engagement_record(
                membership=membership,
                title=d["title"],
                held_on=d["held_on"],
                phase=d["phase"],
                method=d["method"],
                participant_ids=d["participants"],
                heard=d["heard"],
                changed=d["changed"],
                language_support=d["language_support"],
                impact_ids=d["impacts"],
            )
        except FieldErrors as error:
            error.add_to(form)
        else:
            messages.success(request, _("Engagement recorded."))
            return redirect(f"/o/{org_slug}/engagement/events/{event.pk}/")
    return render(
        request,
        "engagement/event_form.html",
        {"membership": membership, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@org_view("GET")
def event_detail(request: HttpRequest, org_slug: str, event_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    event = org_object_or_404(EngagementEvent.objects, membership, pk=event_id)
    return render(request, "engagement/event.html", {"membership": membership, "event": event})


@login_required
@org_view("GET")
def coverage_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    return render(
        request,
        "engagement/coverage.html",
        {"membership": membership, "coverage": coverage(organisation=membership.organisation)},
    )
