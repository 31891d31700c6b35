"""Policy alignment checker pages: instruments, scorecards, passages, reviews, reports, map, comparison."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext, gettext_noop

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.accounts.models import Membership
from rightslens.common.views import org_view
from rightslens.core.policy.briefing import Briefing
from rightslens.core.policy.text import LANGUAGE_SUPPORT_NOTE
from rightslens.errors import FieldErrors

from . import selectors, services
from .briefing import briefing_from_findings
from .briefing import render_docx as render_briefing_docx
from .briefing import render_pdf as render_briefing_pdf
from .forms import AgencyForm, InstrumentForm, ReviewForm, SourceForm
from .models import CriterionFinding, Instrument, InstrumentVersion
from .report_pdf import render_report_pdf


@login_required
@org_view("GET", "POST")
def home(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    form = InstrumentForm(
        request.POST or None, request.FILES or None, organisation=membership.organisation
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = services.instrument_create(
                level=data["level"],
                issuing_body=data["issuing_body"],
                agency=data["agency"],
                organisation=membership.organisation,
                actor=request.user,
                title=data["title"],
                jurisdiction=data["jurisdiction"],
                kind=data["kind"],
                binding=data["binding"],
                text=data["text"],
                upload=data["file"],
                dated=data["dated"],
                language=data["language"],
                label=data["label"],
            )
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            services.analysis_request(version=version)
            return redirect("policy_scorecard", org_slug=org_slug, version_id=version.pk)
    context = {
        "membership": membership,
        "form": form,
        "language_note": gettext(LANGUAGE_SUPPORT_NOTE),
        "instruments": selectors.instruments_for(organisation=membership.organisation),
        "jurisdictions": selectors.jurisdictions_for(organisation=membership.organisation),
    }
    return render(request, "policy/home.html", context, status=400 if form.errors else 200)


@login_required
@org_view("GET", "POST")
def instrument_detail(request: HttpRequest, org_slug: str, instrument_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    instrument = org_object_or_404(Instrument.objects.all(), membership, pk=instrument_id)
    form = SourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = services.version_add(
                instrument=instrument,
                actor=request.user,
                text=data["text"],
                upload=data["file"],
                dated=data["dated"],
                language=data["language"],
                label=data["label"],
            )
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            services.analysis_request(version=version)
            return redirect("policy_scorecard", org_slug=org_slug, version_id=version.pk)
    versions = list(instrument.versions.order_by("-number"))
    context = {
        "membership": membership,
        "instrument": instrument,
        "versions": versions,
        "form": form,
    }
    return render(request, "policy/instrument.html", context, status=400 if form.errors else 200)


def _version(
    request: HttpRequest, org_slug: str, version_id: int, write: bool = False
) -> tuple[Membership, InstrumentVersion]:
    membership = member_or_404(request, org_slug, write=write)
    version = org_object_or_404(
        InstrumentVersion.objects.select_related("instrument"), membership, pk=version_id
    )
    return membership, version


@login_required
@org_view("GET")
def scorecard(request: HttpRequest, org_slug: str, version_id: int) -> HttpResponse:
    membership, version = _version(request, org_slug, version_id)
    analysis = version.latest_analysis()
    context = {
        "membership": membership,
        "version": version,
        "instrument": version.instrument,
        "analysis": analysis,
        "findings": selectors.findings_for(analysis)
        if analysis and analysis.state == "done"
        else [],
        "review_form": ReviewForm(),
    }
    template = (
        "policy/_status.html" if request.headers.get("HX-Request") else "policy/scorecard.html"
    )
    if template == "policy/_status.html" and analysis and analysis.is_finished:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, template, context)


@login_required
@org_view("POST")
def reanalyse(request: HttpRequest, org_slug: str, version_id: int) -> HttpResponse:
    _, version = _version(request, org_slug, version_id, write=True)
    services.analysis_request(version=version)
    return redirect("policy_scorecard", org_slug=org_slug, version_id=version.pk)


@login_required
@org_view("GET")
def passage(
    request: HttpRequest, org_slug: str, version_id: int, start: int, end: int
) -> HttpResponse:
    membership, version = _version(request, org_slug, version_id)
    found = selectors.passage_in_context(version, start, end)
    if found is None:
        raise Http404("No such passage")
    context = {
        "membership": membership,
        "version": version,
        "instrument": version.instrument,
        "passage": found,
    }
    return render(request, "policy/passage.html", context)


@login_required
@org_view("POST")
def review(request: HttpRequest, org_slug: str, finding_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    finding = org_object_or_404(
        CriterionFinding.objects.select_related("analysis__version"), membership, pk=finding_id
    )
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review_record(
                finding=finding,
                actor=request.user,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
            )
        except FieldErrors as exc:
            exc.add_to(form)
    if form.errors:
        context = {
            "membership": membership,
            "finding": finding,
            "form": form,
            "version": finding.analysis.version,
        }
        return render(request, "policy/review_error.html", context, status=400)
    url = f"/o/{org_slug}/policy/versions/{finding.analysis.version_id}/#{finding.code}"
    return redirect(url)


def _report_context(request: HttpRequest, org_slug: str, version_id: int) -> dict[str, Any]:
    membership, version = _version(request, org_slug, version_id)
    analysis = selectors.latest_done_analysis(version)
    if analysis is None:
        raise Http404("This version has no finished analysis yet.")
    return {
        "membership": membership,
        "version": version,
        "instrument": version.instrument,
        "analysis": analysis,
        "findings": selectors.findings_for(analysis),
    }


@login_required
@org_view("GET")
def report_html(request: HttpRequest, org_slug: str, version_id: int) -> HttpResponse:
    response = render(request, "policy/report.html", _report_context(request, org_slug, version_id))
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="ungp-alignment-{version_id}.html"'
    return response


@login_required
@org_view("GET")
def report_pdf(request: HttpRequest, org_slug: str, version_id: int) -> HttpResponse:
    context = _report_context(request, org_slug, version_id)
    response = HttpResponse(render_report_pdf(context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="ungp-alignment-{version_id}.pdf"'
    return response


def _briefing(request: HttpRequest, org_slug: str, version_id: int) -> Briefing:
    context = _report_context(request, org_slug, version_id)
    return briefing_from_findings(context["instrument"].title, context["findings"])


@login_required
@org_view("GET")
def briefing_docx(request: HttpRequest, org_slug: str, version_id: int) -> HttpResponse:
    response = HttpResponse(
        render_briefing_docx(_briefing(request, org_slug, version_id)),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="briefing-{version_id}.docx"'
    return response


@login_required
@org_view("GET")
def briefing_pdf(request: HttpRequest, org_slug: str, version_id: int) -> HttpResponse:
    response = HttpResponse(
        render_briefing_pdf(_briefing(request, org_slug, version_id)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="briefing-{version_id}.pdf"'
    return response


@login_required
@org_view("GET")
def compare(request: HttpRequest, org_slug: str, instrument_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    instrument = org_object_or_404(Instrument.objects.all(), membership, pk=instrument_id)
    versions = list(instrument.versions.order_by("number"))
    if len(versions) < 2:
        raise Http404("Comparison needs two versions.")
    by_number = {v.number: v for v in versions}
    old = by_number.get(_int(request.GET.get("from")), versions[-2])
    new = by_number.get(_int(request.GET.get("to")), versions[-1])
    context = {
        "membership": membership,
        "instrument": instrument,
        "versions": versions,
        "old": old,
        "new": new,
        "comparison": selectors.version_compare(old, new),
    }
    return render(request, "policy/compare.html", context)


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


@login_required
@org_view("GET")
def smart_mix(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    jurisdictions = selectors.jurisdictions_for(organisation=membership.organisation)
    chosen = request.GET.get("jurisdiction") or selectors.PORTFOLIO
    context = {
        "membership": membership,
        "jurisdictions": jurisdictions,
        "chosen": chosen,
        "portfolio": selectors.PORTFOLIO,
        "map": selectors.smart_mix_map(organisation=membership.organisation, jurisdiction=chosen),
    }
    return render(request, "policy/map.html", context)


@login_required
@org_view("GET", "POST")
def agencies(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The ministries and agencies of this government that share the portfolio of instruments."""
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    form = AgencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agency_create(
                organisation=membership.organisation,
                actor=request.user,
                name=form.cleaned_data["name"],
            )
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            return redirect("policy_agencies", org_slug=org_slug)
    context = {
        "membership": membership,
        "form": form,
        "agencies": selectors.agencies_for(organisation=membership.organisation),
    }
    return render(request, "policy/agencies.html", context, status=400 if form.errors else 200)


# rightslens.core.policy.text.LANGUAGE_SUPPORT_NOTE, marked for translation (the core is pure Python).
gettext_noop(
    "English is measured against a labelled dev set. French, Spanish and Portuguese use hand-written "
    "signal phrases and are tested on synthetic excerpts only. German has fewer phrases and no "
    "compound splitting, so expect more 'absent' findings. Other languages are detected but not "
    "analysed: every criterion would read 'absent'."
)
