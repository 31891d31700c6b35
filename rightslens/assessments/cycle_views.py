"""Pages of the cycle: start from a trigger, scoping, identification, action planning, tracking."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.accounts.models import Membership
from rightslens.assessments import services as assessment_services
from rightslens.assessments.models import Action, ActionStatus, Assessment, Impact
from rightslens.assessments.rules import impact_plan_gaps, impact_response
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors

from . import cycle_catalogue, cycle_forms, cycle_selectors, cycle_services, tracking
from .cycle_models import ActionPlan, Indicator, Measurement, Preference


def posted_id(request: HttpRequest, name: str) -> int:
    """A posted object id, or 0 (which matches nothing) when it is missing or not a number."""
    value = request.POST.get(name, "")
    return int(value) if value.isdigit() else 0


def _assessment(membership: Membership, assessment_id: int) -> Assessment:
    return org_object_or_404(
        Assessment.objects.select_related("system", "organisation"), membership, pk=assessment_id
    )


def _url(assessment: Assessment, page: str) -> str:
    return f"/o/{assessment.organisation.slug}/assessments/{assessment.pk}/{page}/"


@org_view("GET", "POST")
def start(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    guides = cycle_catalogue.trigger_guides()
    initial = request.GET.dict()
    suggested_kind = {g.code: g.assessment_kind for g in guides}.get(initial.get("trigger", ""))
    if suggested_kind and "kind" not in initial:
        initial["kind"] = suggested_kind
    form = cycle_forms.StartForm(membership.organisation, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment = cycle_services.start_from_trigger(
                system=data["system"],
                actor=request.user,
                kind=data["kind"],
                trigger=data["trigger"],
                trigger_note=data["trigger_note"],
                title=data["title"],
            )
            messages.success(request, pgettext("staff", "Assessment started. Scope it first."))
            return redirect(_url(assessment, "scoping"))
        except FieldErrors as exc:
            exc.add_to(form, name_unmatched=True)
    return render(request, "cycle/start.html", {"form": form, "guides": guides})


def _scoping_initial(assessment: Assessment) -> dict[str, Any]:
    scoping = cycle_selectors.scoping_of(assessment)
    initial = {
        name: getattr(scoping, name)
        for name in cycle_services.SCOPING_FIELDS
        if name not in cycle_services.ON_ASSESSMENT
    }
    for name in cycle_services.ON_ASSESSMENT:
        initial[name] = getattr(assessment, name)
    for name in ("scope_countries", "scope_languages", "safety_tested_languages"):
        initial[name] = ", ".join(initial[name] or [])
    initial["lock_version"] = assessment.lock_version
    return initial


@org_view("GET", "POST")
def scoping(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    assessment = _assessment(membership, assessment_id)
    form = cycle_forms.ScopingForm(request.POST or None, initial=_scoping_initial(assessment))
    if request.method == "POST" and form.is_valid():
        try:
            cycle_services.scoping_save(
                assessment=assessment, actor=request.user, **form.cleaned_data
            )
            messages.success(request, pgettext("staff", "Scoping saved."))
            return redirect(_url(assessment, "scoping"))
        except FieldErrors as exc:
            exc.add_to(form, name_unmatched=True)
    screening = cycle_selectors.red_line_screening(assessment)
    return render(
        request,
        "cycle/scoping.html",
        {
            "assessment": assessment,
            "form": form,
            "screening": screening,
            "decision_form": cycle_forms.RedLineDecisionForm()
            if screening is not None and screening.hits
            else None,
            "untested": cycle_selectors.assessment_facts(assessment).untested_languages,
            "segments": cycle_catalogue.value_chain_segments(
                list(assessment.system.value_chain_roles)
            ),
            "components": list(assessment.system.components.all()),
        },
    )


@org_view("POST")
def scoping_screen(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    assessment = _assessment(membership, assessment_id)
    try:
        screening = cycle_services.scoping_screen(assessment=assessment, actor=request.user)
        messages.success(
            request, _("Red-line screen done: %(n)s hit(s).") % {"n": len(screening.hits)}
        )
    except FieldErrors as exc:
        messages.error(request, " ".join(exc.fields.values()))
    return redirect(_url(assessment, "scoping"))


@org_view("POST")
def scoping_decide(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True, senior=True)
    assessment = _assessment(membership, assessment_id)
    screening = cycle_selectors.red_line_screening(assessment)
    form = cycle_forms.RedLineDecisionForm(request.POST)
    if screening is None or not form.is_valid():
        messages.error(request, pgettext("staff", "Choose a decision and give reasons."))
        return redirect(_url(assessment, "scoping"))
    from rightslens.procurement.screening_services import screening_decide

    try:
        screening_decide(
            screening=screening,
            membership=membership,
            decision=form.cleaned_data["decision"],
            reasons=form.cleaned_data["reasons"],
        )
        messages.success(request, pgettext("staff", "Red-line decision recorded."))
    except FieldErrors as exc:
        messages.error(request, " ".join(exc.fields.values()))
    return redirect(_url(assessment, "scoping"))


def _impact_form_initial(request: HttpRequest, assessment: Assessment) -> dict[str, Any]:
    keys = ("risk_category", "title", "suggestion_key", "description")
    initial: dict[str, Any] = {k: request.GET[k] for k in keys if k in request.GET}
    if initial.get("suggestion_key"):
        initial.update(_accepted_suggestion_initial(assessment, initial))
    return initial


def _accepted_suggestion_initial(assessment: Assessment, initial: dict[str, Any]) -> dict[str, Any]:
    """Pre-ticks (nothing saved): the category's rights at stake, and the system's affected groups
    that the suggestion falls on, so the assessor starts from them and unticks what does not apply."""
    category = cycle_catalogue.category(initial.get("risk_category", ""))
    offered = cycle_forms.offered_right_ids()
    suggestion = cycle_selectors.open_suggestion(assessment, initial["suggestion_key"])
    # A suggestion read from the description names its own rights; others take the category's.
    named = suggestion.right_refs if suggestion and suggestion.right_refs else ()
    rights = [r for r in (named or (category.right_refs if category else ())) if r in offered]
    refs = set(suggestion.affected_group_refs) if suggestion else set()
    groups = [g.pk for g in assessment.system.affected_groups.all() if g.vulnerability in refs]
    return {"rights": rights, "affected_group_ids": groups}


@org_view("GET", "POST")
def identify(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    assessment = _assessment(membership, assessment_id)
    impact_form = cycle_forms.ImpactForm(
        assessment, request.POST or None, initial=_impact_form_initial(request, assessment)
    )
    if request.method == "POST" and impact_form.is_valid():
        try:
            cycle_services.impact_record(
                assessment=assessment,
                actor=request.user,
                suggestion_key=impact_form.cleaned_data["suggestion_key"],
                **impact_form.service_fields(),
            )
            messages.success(request, pgettext("staff", "Impact recorded."))
            return redirect(_url(assessment, "identify"))
        except FieldErrors as exc:
            exc.add_to(impact_form, name_unmatched=True)
    return render(
        request,
        "cycle/identify.html",
        {
            "assessment": assessment,
            "rows": cycle_selectors.identification_rows(assessment),
            "coverage": cycle_selectors.coverage(assessment),
            "impact_form": impact_form,
            "untested": cycle_selectors.assessment_facts(assessment).untested_languages,
            "show_form": request.method == "POST" or "risk_category" in request.GET,
        },
    )


@org_view("POST")
def identify_not_relevant(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    assessment = _assessment(membership, assessment_id)
    try:
        cycle_services.category_not_relevant(
            assessment=assessment,
            actor=request.user,
            category_ref=request.POST.get("category_ref", ""),
            reason=request.POST.get("reason", ""),
        )
        messages.success(request, pgettext("staff", "Recorded as considered, not relevant."))
    except FieldErrors as exc:
        messages.error(request, " ".join(exc.fields.values()))
    return redirect(_url(assessment, "identify"))


@org_view("POST")
def identify_dismiss(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    assessment = _assessment(membership, assessment_id)
    try:
        cycle_services.suggestion_dismiss(
            assessment=assessment, actor=request.user, key=request.POST.get("key", "")
        )
    except FieldErrors as exc:
        messages.error(request, " ".join(exc.fields.values()))
    return redirect(_url(assessment, "identify"))


def _plan_form_prefix(impact: Impact) -> str:
    """Each impact's form on the plan page gets its own prefix, so field ids never repeat."""
    return f"impact-{impact.pk}"


def _plan_entries(
    assessment: Assessment, posted: cycle_forms.ActionPlanForm | None = None
) -> list[dict[str, Any]]:
    entries = []
    for impact in assessment.impacts.prefetch_related("actions"):
        response = impact_response(impact)
        actions = list(impact.actions.all())
        plans = {
            p.action_id: p
            for p in ActionPlan.objects.filter(action__in=actions).prefetch_related("side_risks")
        }
        prefix = _plan_form_prefix(impact)
        entries.append(
            {
                "impact": impact,
                "response": response,
                "actions": sorted(
                    ((a, plans.get(a.pk)) for a in actions),
                    key=lambda pair: _preference_rank(pair[1]),
                ),
                "unmet": impact_plan_gaps(impact),
                "form": posted
                if posted is not None and posted.prefix == prefix
                else cycle_forms.ActionPlanForm(prefix=prefix),
            }
        )
    return entries


def _preference_rank(plan: ActionPlan | None) -> int:
    """Avoid, then mitigate, then restore, then compensate; unplanned actions last."""
    order = [p.value for p in Preference]
    return order.index(plan.preference) if plan is not None else len(order)


@org_view("GET", "POST")
def plan(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    assessment = _assessment(membership, assessment_id)
    form = None
    if request.method == "POST":
        impact = org_object_or_404(
            Impact.objects, membership, pk=posted_id(request, "impact_id"), assessment=assessment
        )
        form = cycle_forms.ActionPlanForm(request.POST, prefix=_plan_form_prefix(impact))
        if form.is_valid():
            try:
                cycle_services.action_plan(impact=impact, actor=request.user, **form.cleaned_data)
                messages.success(request, pgettext("staff", "Action planned."))
                return redirect(_url(assessment, "plan"))
            except FieldErrors as exc:
                exc.add_to(form, name_unmatched=True)
    impacts = list(assessment.impacts.all())
    return render(
        request,
        "cycle/plan.html",
        {
            "assessment": assessment,
            "entries": _plan_entries(assessment, form),
            "impacts": impacts,
            "status_choices": ActionStatus.choices,
            "side_risk_hints": {
                m: cycle_catalogue.mitigation_side_risks(m)
                for m, _ in cycle_catalogue.mitigation_choices()
            },
        },
    )


def _posted_plan_action(request: HttpRequest, org_slug: str, assessment_id: int) -> Action:
    """The action named in the POST, of this assessment's plan (404 for any other)."""
    membership = member_or_404(request, org_slug, write=True)
    assessment = _assessment(membership, assessment_id)
    return org_object_or_404(
        Action.objects.select_related("impact__assessment"),
        membership,
        pk=posted_id(request, "action_id"),
        impact__assessment=assessment,
    )


@org_view("POST")
def plan_side_risk(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    action = _posted_plan_action(request, org_slug, assessment_id)
    try:
        cycle_services.side_risk_link(
            action=action, actor=request.user, impact_id=request.POST.get("impact_id")
        )
        messages.success(
            request,
            pgettext("staff", "Linked: the new risk is assessed as an impact of this assessment."),
        )
    except FieldErrors as exc:
        messages.error(request, " ".join(exc.fields.values()))
    return redirect(_url(action.impact.assessment, "plan"))


@org_view("POST")
def plan_action_status(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    action = _posted_plan_action(request, org_slug, assessment_id)
    try:
        assessment_services.action_update(
            action=action, actor=request.user, status=request.POST.get("status")
        )
    except FieldErrors as exc:
        messages.error(request, " ".join(exc.fields.values()))
    return redirect(_url(action.impact.assessment, "plan"))


# ---- Tracking -------------------------------------------------------------------------------


@org_view("GET", "POST")
def impact_tracking(request: HttpRequest, org_slug: str, impact_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    impact = org_object_or_404(
        Impact.objects.select_related("assessment", "assessment__system"), membership, pk=impact_id
    )
    post = request.POST if request.method == "POST" else None
    which = request.POST.get("form") if post else None
    indicator_form = cycle_forms.IndicatorForm(impact, post if which == "indicator" else None)
    measurement_form = cycle_forms.MeasurementForm(post if which == "measurement" else None)
    evidence_form = cycle_forms.EvidenceForm(
        post if which == "evidence" else None, request.FILES if which == "evidence" else None
    )
    if post is not None:
        done = _tracking_post(
            request,
            membership,
            impact,
            which or "",
            indicator_form,
            measurement_form,
            evidence_form,
        )
        if done:
            return redirect(f"/o/{org_slug}/impacts/{impact.pk}/tracking/")
    return render(
        request,
        "cycle/tracking.html",
        {
            "impact": impact,
            "assessment": impact.assessment,
            "rows": _measurement_forms(
                cycle_selectors.impact_indicator_views(impact), measurement_form, request.POST
            ),
            "indicator_form": indicator_form,
            "evidence_form": evidence_form,
        },
    )


def _measurement_forms(views: list[Any], posted: Any, data: Any) -> list[tuple[Any, Any]]:
    """One measurement form per indicator (own ids); the posted one keeps its errors."""
    posted_id = str(data.get("indicator_id", ""))
    return [
        (
            view,
            posted
            if posted.is_bound and posted_id == str(view.indicator.pk)
            else cycle_forms.MeasurementForm(auto_id=f"id_m{view.indicator.pk}_%s"),
        )
        for view in views
    ]


def _tracking_post(
    request: HttpRequest,
    membership: Membership,
    impact: Impact,
    which: str,
    indicator_form: Any,
    measurement_form: Any,
    evidence_form: Any,
) -> bool:
    try:
        if which == "indicator" and indicator_form.is_valid():
            tracking.indicator_create(actor=request.user, **indicator_form.cleaned_data)
        elif which == "measurement" and measurement_form.is_valid():
            data = dict(measurement_form.cleaned_data)
            indicator = org_object_or_404(
                Indicator.objects,
                membership,
                pk=posted_id(request, "indicator_id"),
                action__impact=impact,
            )
            tracking.measurement_record(indicator=indicator, actor=request.user, **data)
        elif which == "evidence" and evidence_form.is_valid():
            measurement = org_object_or_404(
                Measurement.objects,
                membership,
                pk=evidence_form.cleaned_data["measurement_id"],
                indicator__action__impact=impact,
            )
            tracking.evidence_attach(
                measurement=measurement,
                actor=request.user,
                upload=evidence_form.cleaned_data["file"],
            )
        else:
            return False
    except FieldErrors as exc:
        form = {
            "indicator": indicator_form,
            "measurement": measurement_form,
            "evidence": evidence_form,
        }[which]
        exc.add_to(form, name_unmatched=True)
        return False
    messages.success(request, pgettext("staff", "Saved."))
    return True
