"""Counterparties (vendors and customers), their questionnaires, clauses and leverage."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.accounts.models import Membership
from rightslens.assessments.models import Impact
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors
from rightslens.procurement.evidence import evidence_bytes

from . import selectors
from .forms import (
    ClauseForm,
    ClauseStatusForm,
    ConclusionForm,
    CounterpartyForm,
    LeverageForm,
    LeverageOutcomeForm,
    LinkImpactForm,
    ReviewItemForm,
    SendQuestionnaireForm,
)
from .models import ClauseAttachment, Counterparty, Evidence, LeverageAction, QuestionnaireRequest
from .request_services import (
    request_ask_clarification,
    request_conclude,
    request_review_item,
    request_send,
)
from .services import (
    clause_attach,
    clause_set_status,
    counterparty_link_impact,
    counterparty_reassessed,
    counterparty_save,
    leverage_record,
    leverage_update_outcome,
)


def cp_url(org_slug: str, counterparty: Counterparty) -> str:
    return f"/o/{org_slug}/procurement/counterparties/{counterparty.pk}/"


def req_url(org_slug: str, req: QuestionnaireRequest) -> str:
    return f"/o/{org_slug}/procurement/requests/{req.pk}/"


def link_for(request: HttpRequest, raw: str) -> str:
    return request.build_absolute_uri(f"/r/{raw}/")


@login_required
@org_view("GET", "POST")
def counterparty_new(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    return _counterparty_form(request, membership, None)


@login_required
@org_view("GET", "POST")
def counterparty_edit(request: HttpRequest, org_slug: str, counterparty_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    counterparty = org_object_or_404(Counterparty.objects, membership, pk=counterparty_id)
    return _counterparty_form(request, membership, counterparty)


def _counterparty_form(
    request: HttpRequest, membership: Membership, counterparty: Counterparty | None
) -> HttpResponse:
    initial: dict[str, Any] = {"kind": "vendor", "reassessment_months": 12}
    if counterparty is not None:
        initial = {
            name: getattr(counterparty, name)
            for name in CounterpartyForm.base_fields
            if name != "systems"
        }
        initial["systems"] = list(counterparty.systems.all())
    form = CounterpartyForm(
        request.POST or None, initial=initial, organisation=membership.organisation
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        systems = data.pop("systems")
        try:
            saved = counterparty_save(
                organisation=membership.organisation,
                user=request.user,
                counterparty=counterparty,
                systems=systems,
                **data,
            )
            return redirect(cp_url(membership.organisation.slug, saved))
        except FieldErrors as exc:
            exc.add_to(form)
    context = {"form": form, "membership": membership, "counterparty": counterparty}
    return render(
        request, "procurement/counterparty_form.html", context, status=400 if form.errors else 200
    )


def _counterparty_page(
    request: HttpRequest,
    membership: Membership,
    counterparty: Counterparty,
    status: int = 200,
    **forms: Any,
) -> HttpResponse:
    clauses = selectors.clause_lookup()
    attachments = [(a, clauses.get(a.clause_id)) for a in counterparty.clauses.all()]
    titles = dict(selectors.questionnaire_choices())
    context = {
        "membership": membership,
        "counterparty": counterparty,
        "attachments": attachments,
        "requests": [
            (r, titles.get(r.questionnaire_id, r.questionnaire_id))
            for r in counterparty.requests.all()
        ],
        "leverage": counterparty.leverage_actions.all(),
        "linked_impacts": counterparty.linked_impacts.all(),
        "impacts": selectors.open_impacts(membership.organisation)[:50],
        "send_form": forms.get("send")
        or SendQuestionnaireForm(questionnaires=selectors.questionnaire_choices()),
        "clause_form": forms.get("clause") or ClauseForm(clauses=selectors.clause_choices()),
        "leverage_form": forms.get("leverage") or LeverageForm(),
        "impact_form": forms.get("impact") or LinkImpactForm(),
        "new_link": forms.get("new_link"),
        "clause_status_choices": ClauseStatusForm().fields["status"].choices,  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field
        "outcome_choices": LeverageOutcomeForm().fields["outcome"].choices,  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field
    }
    return render(request, "procurement/counterparty_detail.html", context, status=status)


@login_required
@org_view("GET")
def counterparty_detail(request: HttpRequest, org_slug: str, counterparty_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    counterparty = org_object_or_404(Counterparty.objects, membership, pk=counterparty_id)
    return _counterparty_page(request, membership, counterparty)


def _writable_counterparty(
    request: HttpRequest, org_slug: str, counterparty_id: int
) -> tuple[Membership, Counterparty]:
    membership = member_or_404(request, org_slug, write=True)
    return membership, org_object_or_404(Counterparty.objects, membership, pk=counterparty_id)


@login_required
@org_view("POST")
def questionnaire_send(request: HttpRequest, org_slug: str, counterparty_id: int) -> HttpResponse:
    membership, counterparty = _writable_counterparty(request, org_slug, counterparty_id)
    form = SendQuestionnaireForm(request.POST, questionnaires=selectors.questionnaire_choices())
    if form.is_valid():
        try:
            _sent, raw = request_send(
                counterparty=counterparty, user=request.user, **form.cleaned_data
            )
            return _counterparty_page(
                request, membership, counterparty, new_link=link_for(request, raw)
            )
        except FieldErrors as exc:
            exc.add_to(form)
    return _counterparty_page(request, membership, counterparty, status=400, send=form)


@login_required
@org_view("POST")
def clause_attach_view(request: HttpRequest, org_slug: str, counterparty_id: int) -> HttpResponse:
    membership, counterparty = _writable_counterparty(request, org_slug, counterparty_id)
    form = ClauseForm(request.POST, clauses=selectors.clause_choices())
    if form.is_valid():
        try:
            clause_attach(counterparty=counterparty, user=request.user, **form.cleaned_data)
            return redirect(cp_url(org_slug, counterparty))
        except FieldErrors as exc:
            exc.add_to(form)
    return _counterparty_page(request, membership, counterparty, status=400, clause=form)


@login_required
@org_view("POST")
def clause_status_view(
    request: HttpRequest, org_slug: str, counterparty_id: int, clause_attachment_id: int
) -> HttpResponse:
    membership, counterparty = _writable_counterparty(request, org_slug, counterparty_id)
    attachment = org_object_or_404(
        ClauseAttachment.objects, membership, pk=clause_attachment_id, counterparty=counterparty
    )
    form = ClauseStatusForm(request.POST)
    if form.is_valid():
        clause_set_status(
            attachment=attachment, user=request.user, status=form.cleaned_data["status"]
        )
    else:
        messages.error(request, _("Choose a clause status."))
    return redirect(cp_url(org_slug, counterparty))


@login_required
@org_view("POST")
def leverage_new(request: HttpRequest, org_slug: str, counterparty_id: int) -> HttpResponse:
    membership, counterparty = _writable_counterparty(request, org_slug, counterparty_id)
    form = LeverageForm(request.POST)
    if form.is_valid():
        try:
            leverage_record(counterparty=counterparty, user=request.user, **form.cleaned_data)
            return redirect(cp_url(org_slug, counterparty))
        except FieldErrors as exc:
            exc.add_to(form)
    return _counterparty_page(request, membership, counterparty, status=400, leverage=form)


@login_required
@org_view("POST")
def leverage_outcome(
    request: HttpRequest, org_slug: str, counterparty_id: int, leverage_action_id: int
) -> HttpResponse:
    membership, counterparty = _writable_counterparty(request, org_slug, counterparty_id)
    action = org_object_or_404(
        LeverageAction.objects, membership, pk=leverage_action_id, counterparty=counterparty
    )
    form = LeverageOutcomeForm(request.POST)
    if form.is_valid():
        leverage_update_outcome(action=action, user=request.user, **form.cleaned_data)
    else:
        messages.error(request, _("Choose an outcome for the leverage action."))
    return redirect(cp_url(org_slug, counterparty))


@login_required
@org_view("POST")
def impact_link(request: HttpRequest, org_slug: str, counterparty_id: int) -> HttpResponse:
    membership, counterparty = _writable_counterparty(request, org_slug, counterparty_id)
    form = LinkImpactForm(request.POST)
    if form.is_valid():
        impact = Impact.objects.filter(
            organisation=membership.organisation, pk=form.cleaned_data["impact_id"]
        ).first()
        if impact is not None:
            counterparty_link_impact(counterparty=counterparty, impact=impact, user=request.user)
            return redirect(cp_url(org_slug, counterparty))
        form.add_error("impact_id", _("Choose an impact from your own register."))
    return _counterparty_page(request, membership, counterparty, status=400, impact=form)


@login_required
@org_view("POST")
def reassessed(request: HttpRequest, org_slug: str, counterparty_id: int) -> HttpResponse:
    _membership, counterparty = _writable_counterparty(request, org_slug, counterparty_id)
    counterparty_reassessed(counterparty=counterparty, user=request.user)
    messages.success(
        request,
        _("Reassessment recorded; next one due %(date)s.")
        % {"date": counterparty.reassessment_date},
    )
    return redirect(cp_url(org_slug, counterparty))


# ---- reviewing a questionnaire ----


def _request_page(
    request: HttpRequest,
    membership: Membership,
    req: QuestionnaireRequest,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    context = {
        "membership": membership,
        "req": req,
        "sections": selectors.request_sections(req),
        "outcome_label": selectors.outcome_label(req),
        "findings": selectors.request_findings(req),
        "questionnaire_title": selectors.questionnaire_title(req.questionnaire_id),
        "conclusion_form": extra.get("conclusion") or ConclusionForm(),
        "review_choices": ReviewItemForm().fields["verdict"].choices,  # type: ignore[attr-defined]  # Django's Field type lacks it; this field is a choice field
        "new_link": extra.get("new_link"),
        "errors": extra.get("errors"),
    }
    return render(request, "procurement/request_detail.html", context, status=status)


@login_required
@org_view("GET")
def request_detail(request: HttpRequest, org_slug: str, request_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    req = org_object_or_404(
        QuestionnaireRequest.objects.select_related("counterparty"), membership, pk=request_id
    )
    return _request_page(request, membership, req)


def _writable_request(
    request: HttpRequest, org_slug: str, request_id: int
) -> tuple[Membership, QuestionnaireRequest]:
    membership = member_or_404(request, org_slug, write=True)
    return membership, org_object_or_404(QuestionnaireRequest.objects, membership, pk=request_id)


@login_required
@org_view("POST")
def request_review(request: HttpRequest, org_slug: str, request_id: int) -> HttpResponse:
    membership, req = _writable_request(request, org_slug, request_id)
    form = ReviewItemForm(request.POST)
    try:
        if not form.is_valid():
            raise FieldErrors({k: str(v[0]) for k, v in form.errors.items()})
        request_review_item(request=req, membership=membership, **form.cleaned_data)
    except FieldErrors as exc:
        return _request_page(request, membership, req, status=400, errors=exc.fields)
    return redirect(req_url(org_slug, req) + f"#item-{form.cleaned_data['question_id']}")


@login_required
@org_view("POST")
def request_clarify(request: HttpRequest, org_slug: str, request_id: int) -> HttpResponse:
    membership, req = _writable_request(request, org_slug, request_id)
    try:
        req, raw = request_ask_clarification(request=req, membership=membership)
    except FieldErrors as exc:
        return _request_page(request, membership, req, status=400, errors=exc.fields)
    return _request_page(request, membership, req, new_link=link_for(request, raw))


@login_required
@org_view("POST")
def request_conclude_view(request: HttpRequest, org_slug: str, request_id: int) -> HttpResponse:
    membership, req = _writable_request(request, org_slug, request_id)
    form = ConclusionForm(request.POST)
    if form.is_valid():
        try:
            request_conclude(
                request=req,
                membership=membership,
                conclusion=form.cleaned_data["conclusion"],
                reasons=form.cleaned_data["conclusion_reasons"],
                supply_conditions=form.cleaned_data["supply_conditions"],
            )
            return redirect(req_url(org_slug, req))
        except FieldErrors as exc:
            exc.add_to(form)
        except PermissionDenied as exc:
            form.add_error("conclusion", str(exc))
    return _request_page(request, membership, req, status=400, conclusion=form)


@login_required
@org_view("GET")
def evidence_download(
    request: HttpRequest, org_slug: str, request_id: int, evidence_id: int
) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    evidence = org_object_or_404(
        Evidence.objects, membership, pk=evidence_id, request_id=request_id
    )
    response = HttpResponse(evidence_bytes(evidence), content_type=evidence.content_type)
    response["Content-Disposition"] = f'attachment; filename="evidence-{evidence.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
