"""Procurement processes (public-sector mode) and business-model risk records."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.accounts.models import Membership
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors

from . import selectors
from .forms import (
    AttachQuestionnaireForm,
    AwardForm,
    BoardReviewForm,
    BusinessModelForm,
    CreateSystemForm,
    LinkSystemForm,
    ProcurementForm,
)
from .models import BusinessModelRecord, ClauseAttachment, Procurement, QuestionnaireRequest
from .services import (
    award_blockers,
    business_model_board_review,
    business_model_create,
    business_model_of,
    clause_templates,
    core_inherent_risks,
    procurement_attach_questionnaire,
    procurement_award,
    procurement_create,
    procurement_create_system,
    procurement_link_system,
    procurement_open_assessment,
    procurement_screen,
    unscreened_answers,
)


def proc_url(org_slug: str, procurement: Procurement) -> str:
    return f"/o/{org_slug}/procurement/procurements/{procurement.pk}/"


def bm_url(org_slug: str, record: BusinessModelRecord) -> str:
    return f"/o/{org_slug}/procurement/business-models/{record.pk}/"


@login_required
@org_view("GET", "POST")
def procurement_new(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    org = membership.organisation
    form = ProcurementForm(
        request.POST or None, organisation=org, initial={"public_buyer": org.kind == "public_body"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            procurement = procurement_create(
                organisation=org, user=request.user, **form.cleaned_data
            )
            return redirect(proc_url(org_slug, procurement))
        except FieldErrors as exc:
            exc.add_to(form)
    context = {"form": form, "membership": membership}
    return render(
        request, "procurement/procurement_new.html", context, status=400 if form.errors else 200
    )


def _clause_choices(procurement: Procurement) -> list[tuple[str, str]]:
    """The vendor's clauses, each with its status, to name in the award conditions."""
    titles = {t.id: t.title_in(get_language()) for t in clause_templates()}
    attached = (
        ClauseAttachment.objects.filter(
            organisation=procurement.organisation, counterparty_id=procurement.vendor_id
        )
        if procurement.vendor_id is not None
        else ClauseAttachment.objects.none()
    )
    return [
        (c.clause_id, f"{titles.get(c.clause_id, c.clause_id)} ({c.get_status_display()})")
        for c in attached
    ]


def _procurement_page(
    request: HttpRequest,
    membership: Membership,
    procurement: Procurement,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    sent = QuestionnaireRequest.objects.filter(organisation=membership.organisation)
    if procurement.vendor_id:
        sent = sent.filter(counterparty_id=procurement.vendor_id)
    return render(
        request,
        "procurement/procurement_detail.html",
        {
            "membership": membership,
            "procurement": procurement,
            "blockers": award_blockers(procurement),
            "unscreened_answers": unscreened_answers(procurement),
            "sent_requests": [
                (r, selectors.questionnaire_title(r.questionnaire_id))
                for r in sent.select_related("counterparty")
            ],
            "questionnaire_title": selectors.questionnaire_title(
                procurement.questionnaire.questionnaire_id
            )
            if procurement.questionnaire
            else "",
            "award_form": extra.get("award") or AwardForm(clauses=_clause_choices(procurement)),
            "award_clause_rows": [
                (label, cid)
                for cid, label in _clause_choices(procurement)
                if cid in procurement.award_clauses
            ],
            "errors": extra.get("errors"),
            "link_system_form": extra.get("link_system")
            or LinkSystemForm(organisation=membership.organisation),
            "create_system_form": extra.get("create_system") or CreateSystemForm(),
        },
        status=status,
    )


@login_required
@org_view("GET")
def procurement_detail(request: HttpRequest, org_slug: str, procurement_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    procurement = org_object_or_404(
        Procurement.objects.select_related("screening", "questionnaire__counterparty"),
        membership,
        pk=procurement_id,
    )
    return _procurement_page(request, membership, procurement)


def _writable(
    request: HttpRequest, org_slug: str, procurement_id: int
) -> tuple[Membership, Procurement]:
    membership = member_or_404(request, org_slug, write=True)
    return membership, org_object_or_404(Procurement.objects, membership, pk=procurement_id)


@login_required
@org_view("POST")
def procurement_screen_view(
    request: HttpRequest, org_slug: str, procurement_id: int
) -> HttpResponse:
    _, procurement = _writable(request, org_slug, procurement_id)
    screening = procurement_screen(procurement=procurement, user=request.user)
    return redirect(f"/o/{org_slug}/procurement/screenings/{screening.pk}/")


@login_required
@org_view("POST")
def procurement_questionnaire(
    request: HttpRequest, org_slug: str, procurement_id: int
) -> HttpResponse:
    membership, procurement = _writable(request, org_slug, procurement_id)
    form = AttachQuestionnaireForm(request.POST)
    req = None
    if form.is_valid():
        req = QuestionnaireRequest.objects.filter(
            organisation=membership.organisation, pk=form.cleaned_data["request_id"]
        ).first()
    if req is None:
        return _procurement_page(
            request,
            membership,
            procurement,
            status=400,
            errors={"questionnaire": _("Choose a questionnaire sent by your organisation.")},
        )
    procurement_attach_questionnaire(procurement=procurement, request=req)
    return redirect(proc_url(org_slug, procurement))


@login_required
@org_view("POST")
def procurement_assessment(
    request: HttpRequest, org_slug: str, procurement_id: int
) -> HttpResponse:
    membership, procurement = _writable(request, org_slug, procurement_id)
    try:
        procurement_open_assessment(procurement=procurement, user=request.user)
    except FieldErrors as exc:
        return _procurement_page(request, membership, procurement, status=400, errors=exc.fields)
    return redirect(proc_url(org_slug, procurement))


@login_required
@org_view("POST")
def procurement_system_link(
    request: HttpRequest, org_slug: str, procurement_id: int
) -> HttpResponse:
    membership, procurement = _writable(request, org_slug, procurement_id)
    form = LinkSystemForm(request.POST, organisation=membership.organisation)
    if form.is_valid():
        try:
            procurement_link_system(
                procurement=procurement, user=request.user, system=form.cleaned_data["system"]
            )
            return redirect(proc_url(org_slug, procurement))
        except FieldErrors as exc:
            exc.add_to(form)
    return _procurement_page(request, membership, procurement, status=400, link_system=form)


@login_required
@org_view("POST")
def procurement_system_create(
    request: HttpRequest, org_slug: str, procurement_id: int
) -> HttpResponse:
    membership, procurement = _writable(request, org_slug, procurement_id)
    form = CreateSystemForm(request.POST)
    if form.is_valid():
        try:
            procurement_create_system(
                procurement=procurement, user=request.user, kind=form.cleaned_data["kind"]
            )
            return redirect(proc_url(org_slug, procurement))
        except FieldErrors as exc:
            exc.add_to(form, name_unmatched=True)
    return _procurement_page(request, membership, procurement, status=400, create_system=form)


@login_required
@org_view("POST")
def procurement_award_view(
    request: HttpRequest, org_slug: str, procurement_id: int
) -> HttpResponse:
    membership, procurement = _writable(request, org_slug, procurement_id)
    form = AwardForm(request.POST, clauses=_clause_choices(procurement))
    if form.is_valid():
        try:
            procurement_award(procurement=procurement, membership=membership, **form.cleaned_data)
            return redirect(proc_url(org_slug, procurement))
        except FieldErrors as exc:
            exc.add_to(form)
    return _procurement_page(request, membership, procurement, status=400, award=form)


# ---- business-model risk ----


@login_required
@org_view("GET", "POST")
def business_model_new(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    form = BusinessModelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = business_model_create(
                organisation=membership.organisation, user=request.user, **form.cleaned_data
            )
            return redirect(bm_url(org_slug, record))
        except FieldErrors as exc:
            exc.add_to(form)
    context = {"form": form, "membership": membership}
    return render(
        request, "procurement/business_model_new.html", context, status=400 if form.errors else 200
    )


def _business_model_page(
    request: HttpRequest,
    membership: Membership,
    record: BusinessModelRecord,
    form: BoardReviewForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "procurement/business_model_detail.html",
        {
            "membership": membership,
            "record": record,
            "risks": core_inherent_risks(business_model_of(record)),
            "form": form or BoardReviewForm(),
        },
        status=status,
    )


@login_required
@org_view("GET")
def business_model_detail(
    request: HttpRequest, org_slug: str, business_model_id: int
) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    record = org_object_or_404(BusinessModelRecord.objects, membership, pk=business_model_id)
    return _business_model_page(request, membership, record)


@login_required
@org_view("POST", senior=True)
def business_model_review(
    request: HttpRequest, org_slug: str, business_model_id: int
) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True, senior=True)
    record = org_object_or_404(BusinessModelRecord.objects, membership, pk=business_model_id)
    form = BoardReviewForm(request.POST)
    if form.is_valid():
        try:
            business_model_board_review(
                record=record, membership=membership, minutes=form.cleaned_data["board_minutes"]
            )
            return redirect(bm_url(org_slug, record))
        except PermissionDenied as exc:
            FieldErrors({"board_minutes": str(exc)}).add_to(form)
        except FieldErrors as exc:
            exc.add_to(form)
    return _business_model_page(request, membership, record, form, status=400)
