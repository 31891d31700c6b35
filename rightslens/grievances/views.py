"""Case management for grievance officers, under /o/<org>/grievances/.

Any member can read the case list and a case's content (never the identity); only designated
grievance officers act on cases. Identity is on its own page, and each view of it is audited.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Membership
from rightslens.assessments.models import Impact
from rightslens.common.crypto import decrypt_bytes
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AISystem

from . import services
from .forms import (
    DisclosureForm,
    ImpactLinkForm,
    MessageForm,
    NoteForm,
    RemedyForm,
    TargetsForm,
    TransitionForm,
    TriageForm,
)
from .models import DisclosureRequest, Grievance, GrievanceAttachment, settings_for
from .selectors import (
    channel_pressure_current,
    dashboard,
    gp31_rows,
    grievances_for,
    impact_trail,
    next_deadline,
    target_times,
    with_deadlines,
)


def _choices(membership: Membership) -> dict[str, list[tuple[int, str]]]:
    org = membership.organisation
    return {
        "system_choices": [(s.pk, s.name) for s in AISystem.objects.filter(organisation=org)],
        "impact_choices": [
            (
                i.pk,
                _("%(title)s (actual, %(system)s)")
                % {"title": i.title, "system": i.assessment.system.name}
                if i.actual
                else _("%(title)s (potential, %(system)s)")
                % {"title": i.title, "system": i.assessment.system.name},
            )
            for i in Impact.objects.filter(organisation=org).select_related("assessment__system")
        ],
        "member_choices": [
            (m.user_id, m.user.get_username())
            for m in Membership.objects.filter(
                organisation=org, is_grievance_officer=False
            ).select_related("user")
        ],
    }


def _detail(
    request: HttpRequest,
    membership: Membership,
    grievance: Grievance,
    status: int = 200,
    **forms: Any,
) -> HttpResponse:
    choices = _choices(membership)
    context = {
        "membership": membership,
        "grievance": grievance,
        "is_officer": membership.is_grievance_officer,
        "targets": target_times(membership.organisation),
        "deadline": next_deadline(grievance, target_times(membership.organisation)),
        "transition_form": forms.get("transition_form") or TransitionForm(current=grievance.state),
        "message_form": forms.get("message_form") or MessageForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "triage_form": forms.get("triage_form")
        or TriageForm(
            system_choices=choices["system_choices"],
            initial={
                "systems": [s.pk for s in grievance.systems.all()],
                "rights": list(grievance.rights),
                "lock_version": grievance.lock_version,
            },
        ),
        "link_form": forms.get("link_form")
        or ImpactLinkForm(impact_choices=choices["impact_choices"]),
        "remedy_form": forms.get("remedy_form")
        or RemedyForm(initial={"remedy_provider": membership.organisation.name}),
        "remedies": grievance.remedies.all(),
        "disclosure_form": forms.get("disclosure_form")
        or DisclosureForm(member_choices=choices["member_choices"]),
        "disclosures": grievance.disclosures.select_related("recipient", "requested_by"),
        "can_read_identity": services.can_read_identity(membership, grievance),
    }
    return render(request, "grievances/detail.html", context, status=status)


def _post(request: HttpRequest, org_slug: str, grievance_id: int) -> tuple[Membership, Grievance]:
    membership = member_or_404(request, org_slug, write=True)
    grievance = org_object_or_404(Grievance.objects, membership, pk=grievance_id)
    services.require_officer(membership)
    return membership, grievance


def _bad(
    request: HttpRequest,
    membership: Membership,
    grievance: Grievance,
    name: str,
    form: Any,
    error: FieldErrors | None = None,
) -> HttpResponse:
    if error is not None:
        error.add_to(form)
    return _detail(request, membership, grievance, status=400, **{name: form})


def _done(grievance: Grievance, request: HttpRequest, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect(f"/o/{grievance.organisation.slug}/grievances/{grievance.pk}/")


@login_required
@org_view("GET")
def case_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    targets = target_times(membership.organisation)
    cases = with_deadlines(grievances_for(organisation=membership.organisation), targets)
    return render(
        request,
        "grievances/list.html",
        {
            "membership": membership,
            "cases": cases,
            "targets": target_times(membership.organisation),
            "pressure": channel_pressure_current(organisation=membership.organisation),
        },
    )


@login_required
@org_view("GET")
def case_detail(request: HttpRequest, org_slug: str, grievance_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    grievance = org_object_or_404(Grievance.objects, membership, pk=grievance_id)
    # Need-to-know: what a complainant wrote is read by grievance officers, or by a member to
    # whom a disclosure was approved, and every read is audited.
    if not services.can_read_identity(membership, grievance):
        raise PermissionDenied(
            _(
                "Grievance cases are need-to-know: only designated grievance officers (or a member "
                "granted a disclosure) can read them. Aggregate figures are on the learning "
                "dashboard."
            )
        )
    services.grievance_record_read(membership=membership, grievance=grievance)
    return _detail(request, membership, grievance)


@login_required
@org_view("POST")
def case_transition(request: HttpRequest, org_slug: str, grievance_id: int) -> HttpResponse:
    membership, grievance = _post(request, org_slug, grievance_id)
    form = TransitionForm(request.POST, current=grievance.state)
    if not form.is_valid():
        return _bad(request, membership, grievance, "transition_form", form)
    try:
        services.grievance_transition(
            membership=membership, grievance=grievance, **form.cleaned_data
        )
    except FieldErrors as error:
        return _bad(request, membership, grievance, "transition_form", form, error)
    return _done(
        grievance, request, _("Case moved to %(state)s.") % {"state": grievance.get_state_display()}
    )


@login_required
@sensitive_post_parameters()
@org_view("POST")
def case_message(request: HttpRequest, org_slug: str, grievance_id: int) -> HttpResponse:
    membership, grievance = _post(request, org_slug, grievance_id)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _bad(request, membership, grievance, "message_form", form)
    services.grievance_message_send(
        membership=membership, grievance=grievance, body=form.cleaned_data["body"]
    )
    return _done(
        grievance, request, "Message sent. The complainant sees it with their receipt code."
    )


@login_required
@sensitive_post_parameters()
@org_view("POST")
def case_note(request: HttpRequest, org_slug: str, grievance_id: int) -> HttpResponse:
    membership, grievance = _post(request, org_slug, grievance_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _bad(request, membership, grievance, "note_form", form)
    services.grievance_note_add(
        membership=membership, grievance=grievance, body=form.cleaned_data["body"]
    )
    return _done(grievance, request, "Note added.")


@login_required
@org_view("POST")
def case_triage(request: HttpRequest, org_slug: str, grievance_id: int) -> HttpResponse:
    membership, grievance = _post(request, org_slug, grievance_id)
    form = TriageForm(request.POST, system_choices=_choices(membership)["system_choices"])
    if not form.is_valid():
        return _bad(request, membership, grievance, "triage_form", form)
    try:
        services.grievance_triage(
            membership=membership,
            grievance=grievance,
            system_ids=[int(s) for s in form.cleaned_data["systems"]],
            rights=form.cleaned_data["rights"],
            lock_version=form.cleaned_data["lock_version"],
        )
    except FieldErrors as error:
        return _bad(request, membership, grievance, "triage_form", form, error)
    return _done(grievance, request, "Triage saved.")


@login_required
@org_view("POST")
def case_link_impact(request: HttpRequest, org_slug: str, grievance_id: int) -> HttpResponse:
    membership, grievance = _post(request, org_slug, grievance_id)
    form = ImpactLinkForm(request.POST, impact_choices=_choices(membership)["impact_choices"])
    if not form.is_valid():
        return _bad(request, membership, grievance, "link_form", form)
    impact = org_object_or_404(Impact.objects, membership, pk=form.cleaned_data["impact"])
    try:
        link = services.grievance_link_impact(
            membership=membership,
            grievance=grievance,
            impact=impact,
            mark_actual=form.cleaned_data["mark_actual"],
        )
    except FieldErrors as error:
        return _bad(request, membership, grievance, "link_form", form, error)
    return _done(
        grievance,
        request,
        _("Linked to “%(title)s”: %(effect)s.")
        % {"title": impact.title, "effect": link.get_effect_display().lower()},
    )


@login_required
@sensitive_post_parameters()
@org_view("POST")
def case_remedy(request: HttpRequest, org_slug: str, grievance_id: int) -> HttpResponse:
    membership, grievance = _post(request, org_slug, grievance_id)
    form = RemedyForm(request.POST)
    if not form.is_valid():
        return _bad(request, membership, grievance, "remedy_form", form)
    d = form.cleaned_data
    before = grievance.get_state_display()
    try:
        services.grievance_remedy_record(
            membership=membership,
            grievance=grievance,
            form=d["remedy_form"],
            route=d["remedy_route"],
            description=d["remedy_description"],
            provider=d["remedy_provider"],
            provided_on=d["remedy_date"],
        )
    except FieldErrors as error:
        return _bad(request, membership, grievance, "remedy_form", form, error)
    return _done(grievance, request, _remedy_recorded_text(before, grievance))


def _remedy_recorded_text(before: str, grievance: Grievance) -> str:
    after = grievance.get_state_display()
    if after != before:
        return _(
            "Remedy recorded. The case moved from %(before)s to %(after)s: the complainant can "
            "now read the remedy with their receipt code and say whether it helped."
        ) % {"before": before, "after": after}
    return _(
        "Remedy recorded. The case stays %(after)s; the complainant can read every remedy."
    ) % {"after": after}


@login_required
@org_view("GET")
def case_identity(request: HttpRequest, org_slug: str, grievance_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    grievance = org_object_or_404(Grievance.objects, membership, pk=grievance_id)
    identity = services.identity_read(membership=membership, grievance=grievance)
    return render(
        request,
        "grievances/identity.html",
        {"membership": membership, "grievance": grievance, "identity": identity},
    )


@login_required
@org_view("GET")
def case_attachment(request: HttpRequest, org_slug: str, attachment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    attachment = org_object_or_404(GrievanceAttachment.objects, membership, pk=attachment_id)
    services.require_officer(membership)
    audit_record(
        organisation=membership.organisation,
        actor=request.user,
        verb="grievance.attachment_viewed",
        obj=attachment,
        summary=f"Attachment of grievance #{attachment.grievance_id} opened",
    )
    response = HttpResponse(
        decrypt_bytes(bytes(attachment.data)), content_type=attachment.content_type
    )
    response["Content-Disposition"] = (
        f'attachment; filename="grievance-{attachment.grievance_id}-{attachment.pk}"'
    )
    return response


@login_required
@sensitive_post_parameters()
@org_view("POST")
def case_disclosure(request: HttpRequest, org_slug: str, grievance_id: int) -> HttpResponse:
    membership, grievance = _post(request, org_slug, grievance_id)
    form = DisclosureForm(request.POST, member_choices=_choices(membership)["member_choices"])
    if not form.is_valid():
        return _bad(request, membership, grievance, "disclosure_form", form)
    try:
        services.disclosure_request(
            membership=membership,
            grievance=grievance,
            recipient_id=form.cleaned_data["recipient"],
            reason=form.cleaned_data["reason"],
        )
    except FieldErrors as error:
        return _bad(request, membership, grievance, "disclosure_form", form, error)
    return _done(
        grievance, request, "Disclosure requested. Another officer or an owner must approve it."
    )


@login_required
@org_view("POST")
def disclosure_decide(request: HttpRequest, org_slug: str, disclosure_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    disclosure = org_object_or_404(DisclosureRequest.objects, membership, pk=disclosure_id)
    try:
        services.disclosure_decide(
            membership=membership,
            request=disclosure,
            approve=request.POST.get("decision") == "approve",
        )
    except FieldErrors as error:
        messages.error(request, " ".join(error.fields.values()))
        return redirect(f"/o/{org_slug}/grievances/{disclosure.grievance_id}/")
    return _done(
        disclosure.grievance,
        request,
        _("Disclosure %(status)s.") % {"status": disclosure.get_status_display().lower()},
    )


@login_required
@org_view("GET")
def learning_dashboard(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    return render(
        request,
        "grievances/dashboard.html",
        {"membership": membership, "figures": dashboard(organisation=membership.organisation)},
    )


@login_required
@org_view("GET", "POST")
def gp31(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            services.gp31_rate(
                membership=membership,
                criterion=request.POST.get("criterion", ""),
                rating=request.POST.get("rating", ""),
                evidence=request.POST.get("evidence", ""),
            )
            messages.success(request, _("Self-assessment saved."))
            return redirect(f"/o/{org_slug}/grievances/gp31/")
        except FieldErrors as error:
            errors = {request.POST.get("criterion", ""): " ".join(error.fields.values())}
    rows = gp31_rows(organisation=membership.organisation)
    for row in rows:
        row["error"] = errors.get(row["criterion"])
    return render(
        request,
        "grievances/gp31.html",
        {"membership": membership, "rows": rows},
        status=400 if errors else 200,
    )


@login_required
@org_view("GET", "POST")
def targets(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    current = settings_for(membership.organisation)
    fields = ["acknowledge_days", "review_days", "remedy_days", "appeal_days"]
    form = TargetsForm(request.POST or None, initial={f: getattr(current, f) for f in fields})
    if request.method == "POST":
        if not (membership.is_grievance_officer or membership.is_senior):
            raise PermissionDenied(
                _("Only a grievance officer or an owner can change the published target times.")
            )
        if form.is_valid():
            services.grievance_settings_update(membership=membership, **form.cleaned_data)
            messages.success(request, _("Published target times saved."))
            return redirect(f"/o/{org_slug}/grievances/targets/")
    return render(
        request,
        "grievances/targets.html",
        {"membership": membership, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@org_view("GET")
def impact_grievances(request: HttpRequest, org_slug: str, impact_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    impact = org_object_or_404(Impact.objects, membership, pk=impact_id)
    return render(
        request,
        "grievances/impact_trail.html",
        {"membership": membership, "impact": impact, "links": impact_trail(impact=impact)},
    )
