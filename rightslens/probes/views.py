"""Probe runs under /o/<slug>/probes/: start, follow (htmx), read the report, export, share,
record a GP 20 measurement round, and turn a significant gap into a proposed impact."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.accounts.models import Membership
from rightslens.assessments.cycle_models import Indicator
from rightslens.assessments.forms import ImpactForm
from rightslens.assessments.models import Assessment
from rightslens.assessments.services import impact_create
from rightslens.common.views import org_view
from rightslens.core.probes.agreement import measure
from rightslens.core.probes.classify import Classifier
from rightslens.core.probes.report import (
    LIMITATIONS,
    METHOD,
    anonymised,
    chart_svg,
    chart_text,
    summary_csv,
)
from rightslens.core.probes.suites import load_suite
from rightslens.core.semantic import default_encoder
from rightslens.errors import FieldErrors

from . import selectors, services
from .forms import ProbeRunForm, RecordForm
from .models import ProbeResult, ProbeRun


def _run(membership: Membership, run_id: int) -> ProbeRun:
    return org_object_or_404(ProbeRun.objects.all(), membership, pk=run_id)


@login_required
@org_view("GET")
def run_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    runs = selectors.probe_runs_for(organisation=membership.organisation)
    return render(request, "probes/run_list.html", {"org": membership.organisation, "runs": runs})


@login_required
@org_view("GET", "POST")
def run_new(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    form = ProbeRunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = services.probe_run_create(
                organisation=membership.organisation, actor=request.user, **form.cleaned_data
            )
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            services.probe_run_start(run=run)
            return redirect("probe_run_detail", org_slug=org_slug, run_id=run.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "probes/run_new.html",
        {"org": membership.organisation, "form": form},
        status=status,
    )


def _report_context(run: ProbeRun) -> dict[str, Any]:
    summary = selectors.probe_run_summary(run=run)
    suite = load_suite(run.suite_id)
    return {
        "run": run,
        "suite": suite,
        "summary": summary,
        "chart": chart_svg(summary, f"{suite.title}: rate per language"),
        "chart_text": chart_text(summary),
        "groups": selectors.probe_run_groups(run=run),
        "method": METHOD,
        "limitations": LIMITATIONS,
        "agreement": measure(Classifier(default_encoder())),
        "rate_meaning": (
            "share of harmful requests declined (refusal or safe completion); lower is worse"
            if suite.harmful
            else "share of legitimate requests refused (over-blocking); higher is worse"
        ),
    }


@login_required
@org_view("GET")
def run_detail(request: HttpRequest, org_slug: str, run_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    run = _run(membership, run_id)
    context = _report_context(run) | {"org": membership.organisation, "membership": membership}
    context["proposals"] = selectors.probe_run_proposals(run=run, summary=context["summary"])
    indicators = Indicator.objects.filter(organisation=membership.organisation)
    context["record_form"] = RecordForm(indicators=[(i.pk, i.name) for i in indicators])
    return render(request, "probes/run_detail.html", context)


@login_required
@org_view("GET")
def run_progress(request: HttpRequest, org_slug: str, run_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    run = _run(membership, run_id)
    response = render(
        request, "probes/_progress.html", {"run": run, "org": membership.organisation}
    )
    if run.is_finished and request.headers.get("HX-Request"):
        response["HX-Refresh"] = "true"  # the polling page reloads once to show the figures
    return response


@login_required
@org_view("POST")
def run_resume(request: HttpRequest, org_slug: str, run_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    run = _run(membership, run_id)
    services.probe_run_start(run=run)
    messages.success(request, _("Resumed: only probes without a result are sent again."))
    return redirect("probe_run_detail", org_slug=org_slug, run_id=run.pk)


@login_required
@org_view("GET")
def run_export(request: HttpRequest, org_slug: str, run_id: int, fmt: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    run = _run(membership, run_id)
    summary = selectors.probe_run_summary(run=run)
    if fmt == "csv":
        response = HttpResponse(summary_csv(summary), content_type="text/csv; charset=utf-8")
    elif fmt == "json":
        payload = {
            "summary": summary,
            "groups": selectors.probe_run_groups(run=run),
            "method": METHOD,
        }
        response = HttpResponse(
            json.dumps(payload, ensure_ascii=False, indent=2), content_type="application/json"
        )
    elif fmt == "shared.json":
        answers = None
        if request.GET.get("answers") == "1" and run.keep_answers:
            answers = list(
                ProbeResult.objects.filter(run=run).values(
                    "probe_id", "language", "outcome", "answer"
                )
            )
        shared = anonymised(summary, model_label=run.model_label, records=answers)
        response = HttpResponse(
            json.dumps(shared, ensure_ascii=False, indent=2), content_type="application/json"
        )
    else:
        raise Http404("Unknown format")
    response["Content-Disposition"] = f'attachment; filename="probe-run-{run.pk}.{fmt}"'
    return response


@login_required
@org_view("GET")
def run_report(request: HttpRequest, org_slug: str, run_id: int) -> HttpResponse:
    """A self-contained page for the board or an outside expert (print it to PDF). With
    ?shared=1 it names the model only by its shared label and shows no endpoint."""
    membership = member_or_404(request, org_slug)
    run = _run(membership, run_id)
    context = _report_context(run) | {"shared": request.GET.get("shared") == "1"}
    return render(request, "probes/report.html", context)


@login_required
@org_view("POST")
def run_record(request: HttpRequest, org_slug: str, run_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    run = _run(membership, run_id)
    indicators = Indicator.objects.filter(organisation=membership.organisation)
    form = RecordForm(request.POST, indicators=[(i.pk, i.name) for i in indicators])
    if form.is_valid():
        indicator = org_object_or_404(indicators, membership, pk=form.cleaned_data["indicator"])
        try:
            services.probe_run_record_measurement(run=run, indicator=indicator, actor=request.user)
        except FieldErrors as exc:
            for message in exc.fields.values():
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Recorded as a measurement round of ‘%(name)s’.") % {"name": indicator.name},
            )
    else:
        messages.error(request, _("Choose an indicator."))
    return redirect("probe_run_detail", org_slug=org_slug, run_id=run.pk)


@login_required
@org_view("GET", "POST")
def run_propose(request: HttpRequest, org_slug: str, run_id: int, language: str) -> HttpResponse:
    """A proposed impact for a language left behind; recorded only when the user confirms it."""
    membership = member_or_404(request, org_slug, write=True)
    run = _run(membership, run_id)
    summary = selectors.probe_run_summary(run=run)
    proposal = next(
        (
            p
            for p in selectors.probe_run_proposals(run=run, summary=summary)
            if p["language"] == language
        ),
        None,
    )
    if proposal is None:
        raise Http404("No significant and large gap for this language")
    assessments = Assessment.objects.filter(organisation=membership.organisation).select_related(
        "system"
    )
    chosen = request.POST.get("assessment") or request.GET.get("assessment")
    assessment = assessments.filter(pk=chosen).first() if chosen and chosen.isdigit() else None
    form = None
    if assessment is not None:
        initial = {k: proposal[k] for k in ("title", "description", "risk_category")}
        form = ImpactForm(
            request.POST if "title" in request.POST else None,
            system=assessment.system,
            initial=initial,
        )
        if form.is_bound and form.is_valid():
            try:
                impact = impact_create(
                    assessment=assessment, actor=request.user, **form.cleaned_data
                )
            except FieldErrors as exc:
                exc.add_to(form)
            else:
                messages.success(
                    request, _("Impact recorded: %(title)s.") % {"title": impact.title}
                )
                return redirect("impact_detail", org_slug=org_slug, impact_id=impact.pk)
    context = {
        "org": membership.organisation,
        "run": run,
        "proposal": proposal,
        "assessments": assessments,
        "assessment": assessment,
        "form": form,
    }
    return render(
        request,
        "probes/propose.html",
        context,
        status=400 if form is not None and form.errors else 200,
    )
