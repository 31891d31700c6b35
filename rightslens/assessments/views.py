"""Assessment, impact, action and register pages. Each view starts with the one access helper."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AISystem

from . import catalogue, services
from .forms import ActionForm, AssessmentForm, ImpactForm
from .models import Action, Assessment, Impact
from .register import impact_history
from .rules import grievance_remedies, impact_plan_gaps, impact_response
from .selectors import assessments_for, impacts_for


def _status(form: Any) -> int:
    return 400 if form.errors else 200


def _frozen_refusal(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    messages.error(
        request,
        _(
            "This assessment is %(status)s and frozen: its impacts cannot be changed. "
            "Start a new version to revise it."
        )
        % {"status": assessment.get_status_display().lower()},
    )
    return redirect(
        "assessment_detail", org_slug=assessment.organisation.slug, assessment_id=assessment.pk
    )


ASSESSMENTS_PER_PAGE = 100


@login_required
@org_view("GET")
def assessment_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    assessments = assessments_for(organisation=membership.organisation)
    page = Paginator(assessments, ASSESSMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "assessments/assessment_list.html",
        {"membership": membership, "assessments": page.object_list, "page_obj": page},
    )


@login_required
@org_view("GET", "POST")
def assessment_new(request: HttpRequest, org_slug: str, system_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    system = org_object_or_404(AISystem.objects, membership, pk=system_id)
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_create(
                organisation=membership.organisation,
                actor=request.user,
                system_id=system.pk,
                **form.cleaned_data,
            )
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            return redirect("assessment_detail", org_slug=org_slug, assessment_id=assessment.pk)
    context = {"form": form, "system": system}
    return render(request, "assessments/assessment_form.html", context, status=_status(form))


@login_required
@org_view("GET")
def assessment_detail(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, assessment_id=assessment_id)
    assessment = org_object_or_404(
        Assessment.objects.select_related("system"), membership, pk=assessment_id
    )
    impacts = (
        impacts_for(organisation=membership.organisation)
        .filter(assessment=assessment)
        .order_by("-priority", "id")
    )
    rows = [(impact, impact_response(impact)) for impact in impacts]
    return render(
        request,
        "assessments/assessment_detail.html",
        {"membership": membership, "assessment": assessment, "rows": rows},
    )


def _impact_form_page(
    request: HttpRequest, form: ImpactForm, assessment: Assessment, impact: Impact | None
) -> HttpResponse:
    context = {
        "form": form,
        "assessment": assessment,
        "impact": impact,
        "catalogue_empty": not catalogue.right_choices(),
    }
    return render(request, "assessments/impact_form.html", context, status=_status(form))


@login_required
@org_view("GET", "POST")
def impact_new(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    assessment = org_object_or_404(
        Assessment.objects.select_related("system"), membership, pk=assessment_id
    )
    if assessment.is_frozen:
        return _frozen_refusal(request, assessment)
    form = ImpactForm(request.POST or None, system=assessment.system)
    if request.method == "POST" and form.is_valid():
        try:
            impact = services.impact_create(
                assessment=assessment, actor=request.user, **form.cleaned_data
            )
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            messages.success(request, _("Impact recorded: %(title)s.") % {"title": impact.title})
            return redirect("assessment_detail", org_slug=org_slug, assessment_id=assessment.pk)
    return _impact_form_page(request, form, assessment, None)


@login_required
@org_view("GET")
def impact_detail(request: HttpRequest, org_slug: str, impact_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    impact = org_object_or_404(
        impacts_for(organisation=membership.organisation), membership, pk=impact_id
    )
    response = impact_response(impact)
    context = {
        "membership": membership,
        "impact": impact,
        "assessment": impact.assessment,
        "response": response,
        "unmet": impact_plan_gaps(impact),
        "rights": [(r, catalogue.title_of(r)) for r in impact.rights],
        "risk_category": catalogue.title_of(impact.risk_category) if impact.risk_category else "",
        "action_form": ActionForm(),
        "grievance_remedies": grievance_remedies(impact),
        "history": impact_history(impact),
    }
    return render(request, "assessments/impact_detail.html", context)


@login_required
@org_view("GET", "POST")
def impact_edit(request: HttpRequest, org_slug: str, impact_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    impact = org_object_or_404(
        Impact.objects.select_related("assessment__system"), membership, pk=impact_id
    )
    assessment = impact.assessment
    if assessment.is_frozen:
        return _frozen_refusal(request, assessment)
    form = ImpactForm(
        request.POST or None, system=assessment.system, initial=ImpactForm.initial_for(impact)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.impact_update(impact=impact, actor=request.user, **form.cleaned_data)
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            messages.success(request, pgettext("staff", "Impact updated."))
            return redirect("impact_detail", org_slug=org_slug, impact_id=impact.pk)
    return _impact_form_page(request, form, assessment, impact)


@login_required
@org_view("GET", "POST")
def action_new(request: HttpRequest, org_slug: str, impact_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    impact = org_object_or_404(Impact.objects, membership, pk=impact_id)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_create(impact=impact, actor=request.user, **form.cleaned_data)
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            messages.success(request, pgettext("staff", "Action added."))
            return redirect("impact_detail", org_slug=org_slug, impact_id=impact.pk)
    context = {"form": form, "impact": impact, "action": None}
    return render(request, "assessments/action_form.html", context, status=_status(form))


@login_required
@org_view("GET", "POST")
def action_edit(request: HttpRequest, org_slug: str, action_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    action = org_object_or_404(Action.objects.select_related("impact"), membership, pk=action_id)
    initial = {name: getattr(action, name) for name in services.ACTION_FIELDS}
    form = ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update(action=action, actor=request.user, **form.cleaned_data)
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            messages.success(request, pgettext("staff", "Action updated."))
            return redirect("impact_detail", org_slug=org_slug, impact_id=action.impact_id)
    context = {"form": form, "impact": action.impact, "action": action}
    return render(request, "assessments/action_form.html", context, status=_status(form))
