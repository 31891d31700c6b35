"""The public grievance channel: no account, any language we ship, nothing that identifies a visitor.

These views never log, store or look at IP addresses or user agents.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from rightslens.accounts.models import Organisation
from rightslens.errors import FieldErrors

from . import guard
from .forms import FeedbackForm, GrievanceForm, ReceiptForm, ReplyForm
from .models import Author, Grievance
from .publicpage import public_page
from .selectors import next_deadline, public_statistics, target_times
from .services import (
    grievance_appeal,
    grievance_feedback,
    grievance_find,
    grievance_reply,
    grievance_submit,
)


def _organisation(org_slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=org_slug)


def _channel(
    request: HttpRequest, organisation: Organisation, form: GrievanceForm, status: int = 200
) -> HttpResponse:
    context = {"organisation": organisation, "form": form, "targets": target_times(organisation)}
    return render(request, "grievances/public/channel.html", context, status=status)


def _fresh_token(organisation: Organisation) -> str:
    return guard.form_token_new(organisation_slug=organisation.slug)


def _refusal(form: GrievanceForm, organisation: Organisation) -> int | None:
    """Add the reason this submission is refused to the form; return the status, or None."""
    slug = organisation.slug
    if guard.looks_automated(
        form.data.get("website", ""), form.data.get("started", ""), organisation_slug=slug
    ):
        form.add_error(
            None, _("We could not accept this form. Please wait a few seconds, then send it again.")
        )
        return 400
    if not form.is_valid():
        return 400
    upload = form.cleaned_data.get("attachment")
    refused = guard.budget_refusal(
        organisation=organisation, attachment_bytes=upload.size if upload else 0
    )
    if refused == "attachment_bytes":
        form.add_error(
            "attachment",
            _("We cannot take more attachments right now. Please send your grievance without it."),
        )
        return 429
    if refused:
        form.add_error(
            None,
            _("This channel is receiving very many grievances. Please try again in an hour."),
        )
        return 429
    return None


@public_page
@sensitive_variables()
def channel(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = _organisation(org_slug)
    if request.method != "POST":
        return _channel(
            request, organisation, GrievanceForm(initial={"started": _fresh_token(organisation)})
        )
    form = GrievanceForm(request.POST, request.FILES)
    status = _refusal(form, organisation)
    if status is None:
        try:
            grievance, code = _submit(request, organisation, form)
        except FieldErrors as error:
            error.add_to(form)
            status = 400
    if status is not None:
        data = request.POST.copy()
        data["started"] = _fresh_token(organisation)  # every form shown carries a new token
        form.data = data
        return _channel(request, organisation, form, status=status)
    # The code is shown once, in this response only: it is never stored, in the session or elsewhere.
    context = {"organisation": organisation, "code": code, "targets": target_times(organisation)}
    return render(request, "grievances/public/receipt.html", context)


@sensitive_variables()
def _submit(
    request: HttpRequest, organisation: Organisation, form: GrievanceForm
) -> tuple[Grievance, str]:
    """Spend the form token and store the grievance in one transaction: both or neither."""
    nonce = guard.form_token_nonce(
        form.data.get("started", ""), organisation_slug=organisation.slug
    )
    with transaction.atomic():
        if nonce is None or not guard.form_token_spend(nonce):
            raise FieldErrors(
                {"__all__": _("This form was already sent. Please check it and send it again.")}
            )
        return grievance_submit(
            organisation=organisation,
            language=get_language() or "en",
            content=form.cleaned_data["content"],
            name=form.cleaned_data["name"],
            contact=form.cleaned_data["contact"],
            attachment=form.cleaned_data["attachment"],
        )


def _case(
    request: HttpRequest, organisation: Organisation, grievance: Grievance, code: str, **forms: Any
) -> HttpResponse:
    context = {
        "organisation": organisation,
        "grievance": grievance,
        "code": code,
        "messages_shown": grievance.messages.all(),
        "remedies": grievance.remedies.all(),
        "officer": Author.OFFICER,
        "targets": target_times(organisation),
        "deadline": next_deadline(grievance, target_times(organisation)),
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "feedback_form": forms.get("feedback_form") or FeedbackForm(),
        "appeal_error": forms.get("appeal_error"),
        "can_give_view": grievance.state in ("remedy_proposed", "closed"),
    }
    return render(
        request, "grievances/public/case.html", context, status=400 if forms.get("invalid") else 200
    )


def _follow_form(
    request: HttpRequest, organisation: Organisation, form: ReceiptForm, status: int
) -> HttpResponse:
    return render(
        request,
        "grievances/public/follow.html",
        {"organisation": organisation, "form": form},
        status=status,
    )


@public_page
@sensitive_variables()
def follow(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = _organisation(org_slug)
    if request.method != "POST":
        return _follow_form(request, organisation, ReceiptForm(), 200)
    form = ReceiptForm(request.POST)
    typed = form.data.get("code", "")
    # The code is checked before any limit: whoever holds a correct code always gets in.
    grievance = grievance_find(organisation=organisation, code=typed) if form.is_valid() else None
    if grievance is not None:
        return _act(request, organisation, grievance, form.cleaned_data["code"])
    if not form.is_valid():
        return _follow_form(request, organisation, form, 400)
    exhausted = guard.lookup_misses_exhausted(organisation_id=organisation.pk, code=typed)
    guard.lookup_missed(organisation_id=organisation.pk, code=typed)
    if exhausted:
        form.add_error(None, _("Too many attempts. Please wait 15 minutes and try again."))
        return _follow_form(request, organisation, form, 429)
    # One message for every miss: it must not hint whether a code exists anywhere.
    form.add_error(
        "code", _("We could not open a grievance with this code. Check it and try again.")
    )
    return _follow_form(request, organisation, form, 400)


def _act(
    request: HttpRequest, organisation: Organisation, grievance: Grievance, code: str
) -> HttpResponse:
    action = request.POST.get("action", "view")
    try:
        if action == "reply":
            reply_form = ReplyForm(request.POST)
            if not reply_form.is_valid():
                return _case(
                    request, organisation, grievance, code, reply_form=reply_form, invalid=True
                )
            grievance_reply(grievance=grievance, body=reply_form.cleaned_data["body"])
        elif action == "feedback":
            feedback_form = FeedbackForm(request.POST)
            if not feedback_form.is_valid():
                return _case(
                    request,
                    organisation,
                    grievance,
                    code,
                    feedback_form=feedback_form,
                    invalid=True,
                )
            grievance_feedback(grievance=grievance, **feedback_form.cleaned_data)
        elif action == "appeal":
            grievance_appeal(grievance=grievance)
    except FieldErrors as error:
        return _case(
            request,
            organisation,
            grievance,
            code,
            appeal_error=" ".join(error.fields.values()),
            invalid=True,
        )
    grievance.refresh_from_db()
    return _case(request, organisation, grievance, code)


@public_page
def statistics(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = _organisation(org_slug)
    return render(
        request,
        "grievances/public/stats.html",
        {"organisation": organisation, "stats": public_statistics(organisation=organisation)},
    )
