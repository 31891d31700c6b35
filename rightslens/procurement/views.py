"""Organisation pages for value-chain due diligence (under /o/<org>/procurement/)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.accounts.models import Membership
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors

from . import selectors
from .forms import (
    DecisionForm,
    ScreeningForm,
)
from .models import RedLineScreening
from .screening_services import screening_decide, screening_run


def base(org_slug: str) -> str:
    return f"/o/{org_slug}/procurement/"


@login_required
@org_view("GET")
def index(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    org = membership.organisation
    return render(
        request,
        "procurement/index.html",
        {
            "membership": membership,
            "counterparties": selectors.counterparties(org),
            "due": selectors.due_reassessments(org),
            "screenings": selectors.screenings(org)[:20],
            "procurements": selectors.procurements(org),
            "business_models": selectors.business_models(org),
        },
    )


# ---- red-line screening ----


@login_required
@org_view("GET", "POST")
def screening_new(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    form = ScreeningForm(request.POST or None, initial=_screening_initial(request, membership))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        subject = selectors.screening_subject(
            membership.organisation, data["subject_type"], data["subject_id"]
        )
        try:
            if data["subject_id"] is not None and subject is None:
                raise FieldErrors(
                    {"subject_type": _("The thing to screen was not found in your organisation.")}
                )
            screening = screening_run(
                organisation=membership.organisation,
                user=request.user,
                subject_id=data["subject_id"],
                subject_type=data["subject_type"],
                text=data["use_case_text"],
            )
            return redirect(f"{base(org_slug)}screenings/{screening.pk}/")
        except FieldErrors as exc:
            exc.add_to(form)
    status = 400 if form.errors else 200
    return render(
        request,
        "procurement/screening_new.html",
        {"form": form, "membership": membership},
        status=status,
    )


def _screening_initial(request: HttpRequest, membership: Membership) -> dict[str, Any]:
    """Prefill from ?subject_type=&subject_id= links on systems, customers and procurements."""
    subject_type = request.GET.get("subject_type", "use_case")
    raw_id = request.GET.get("subject_id", "")
    subject_id = int(raw_id) if raw_id.isdigit() else None
    subject = selectors.screening_subject(membership.organisation, subject_type, subject_id)
    if subject is None:
        return {"subject_type": "use_case"}
    return {
        "subject_type": subject_type,
        "subject_id": subject_id,
        "use_case_text": subject["text"],
    }


def _screening_page(
    request: HttpRequest,
    membership: Membership,
    screening: RedLineScreening,
    form: DecisionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "procurement/screening_detail.html",
        {
            "membership": membership,
            "screening": screening,
            "hits": selectors.screening_view(screening),
            "subject": selectors.screening_subject(
                membership.organisation, screening.subject_type, screening.subject_id
            ),
            "form": form or DecisionForm(),
        },
        status=status,
    )


@login_required
@org_view("GET")
def screening_detail(request: HttpRequest, org_slug: str, screening_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    screening = org_object_or_404(RedLineScreening.objects, membership, pk=screening_id)
    return _screening_page(request, membership, screening)


@login_required
@org_view("POST", senior=True)
def screening_decide_view(request: HttpRequest, org_slug: str, screening_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True, senior=True)
    screening = org_object_or_404(RedLineScreening.objects, membership, pk=screening_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            screening_decide(
                screening=screening,
                membership=membership,
                decision=form.cleaned_data["decision"],
                reasons=form.cleaned_data["decision_reasons"],
            )
            return redirect(f"{base(org_slug)}screenings/{screening.pk}/")
        except FieldErrors as exc:
            exc.add_to(form)
    return _screening_page(request, membership, screening, form, status=400)


def render_form(
    request: HttpRequest, template: str, context: dict[str, Any], form: Any
) -> HttpResponse:
    return render(request, template, context, status=400 if form.errors else 200)
