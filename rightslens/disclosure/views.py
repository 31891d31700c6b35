"""FRIA pages under /o/<org>/disclosure/: overview, a system's FRIA, editing and sign-off."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.accounts.models import Membership
from rightslens.common.views import org_view
from rightslens.core.disclosure.signoff import open_gaps
from rightslens.errors import FieldErrors
from rightslens.inventory.models import AISystem
from rightslens.ux.wording import sentence

from . import selectors, services, signoff
from .forms import EsrsNewForm, FriaEditForm, ProviderDocumentForm
from .models import Fria, ProviderDocument


def _fria_url(fria: Fria) -> str:
    return f"/o/{fria.organisation.slug}/disclosure/fria/{fria.pk}/"


@login_required
@org_view("GET")
def overview(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    org = membership.organisation
    systems = AISystem.objects.filter(organisation=org, archived_at__isnull=True)
    rows = [{"system": s, "fria": selectors.latest_fria(system=s)} for s in systems]
    context = {
        "membership": membership,
        "rows": rows,
        "drafts": selectors.esrs_drafts(organisation=org),
        "esrs_form": EsrsNewForm(),
        "page": selectors.transparency_page(organisation=org),
    }
    return render(request, "disclosure/overview.html", context)


def _reuse_choices(membership: Membership, system: AISystem) -> list[tuple[str, str]]:
    frias = [
        (f"fria-{f.pk}", f"FRIA v{f.version} of {f.system.name} ({f.get_status_display()})")
        for f in selectors.reusable_frias(organisation=membership.organisation)
    ]
    documents = [
        (f"provider-{d.pk}", f"{d.get_kind_display()} from {d.provider}")
        for d in selectors.provider_documents(system=system)
        if d.item_texts
    ]
    return frias + documents


@login_required
@org_view("GET")
def system_fria(request: HttpRequest, org_slug: str, system_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    system = org_object_or_404(AISystem.objects, membership, pk=system_id)
    document = selectors.fria_json(system=system, fria=None, say=sentence)
    context = {
        "membership": membership,
        "system": system,
        "frias": selectors.frias_for(system=system),
        "documents": selectors.provider_documents(system=system),
        "items": _items(membership, document),
        "reuse_choices": _reuse_choices(membership, system),
        "provider_form": ProviderDocumentForm(),
    }
    return render(request, "disclosure/system.html", context)


def _items(membership: Membership, document: dict[str, Any]) -> list[dict[str, Any]]:
    org = membership.organisation
    return [
        {"key": k, **entry, "sources": selectors.linked_sources(org, entry["sources"])}
        for k, entry in selectors.localised_items(document)
    ]


def _starting_point(membership: Membership, value: str) -> dict[str, Any]:
    kind, _sep, raw_id = value.partition("-")
    if not raw_id.isdigit():
        return {}
    if kind == "fria":
        return {"reuse": org_object_or_404(Fria.objects, membership, pk=int(raw_id))}
    if kind == "provider":
        found = org_object_or_404(ProviderDocument.objects, membership, pk=int(raw_id))
        return {"provider_document": found}
    return {}


@login_required
@org_view("POST")
def fria_start(request: HttpRequest, org_slug: str, system_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    system = org_object_or_404(AISystem.objects, membership, pk=system_id)
    start = _starting_point(membership, request.POST.get("reuse", ""))
    try:
        fria = services.fria_start(system=system, actor=request.user, **start)
    except FieldErrors as error:
        messages.error(request, " ".join(error.fields.values()))
        return redirect(f"/o/{org_slug}/disclosure/systems/{system.pk}/")
    messages.success(request, _("FRIA v%(version)s started.") % {"version": fria.version})
    return redirect(_fria_url(fria))


@login_required
@org_view("POST")
def provider_add(request: HttpRequest, org_slug: str, system_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    system = org_object_or_404(AISystem.objects, membership, pk=system_id)
    form = ProviderDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.provider_document_add(
                system=system,
                actor=request.user,
                kind=form.cleaned_data["kind"],
                provider=form.cleaned_data["provider"],
                summary=form.cleaned_data["summary"],
                upload=form.cleaned_data["file"],
            )
        except FieldErrors as error:
            error.add_to(form)
    if form.errors:
        messages.error(
            request,
            _("The provider information was not saved: %(errors)s")
            % {
                "errors": "; ".join(
                    f"{k}: {' '.join(str(m) for m in v)}" for k, v in form.errors.items()
                )
            },
        )
    else:
        messages.success(request, _("Provider information recorded."))
    return redirect(f"/o/{org_slug}/disclosure/systems/{system.pk}/")


@login_required
@org_view("GET")
def provider_detail(request: HttpRequest, org_slug: str, document_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    document = org_object_or_404(ProviderDocument.objects, membership, pk=document_id)
    return render(request, "disclosure/provider.html", {"document": document})


@login_required
@org_view("GET", "POST")
def fria_detail(request: HttpRequest, org_slug: str, fria_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    fria = org_object_or_404(Fria.objects.select_related("system"), membership, pk=fria_id)
    template, sections = selectors.live_sections(system=fria.system, fria=fria, say=sentence)
    template = selectors.current_template(template.id, get_language())
    form = FriaEditForm(
        request.POST or None,
        sections=sections,
        shown=template,
        initial={"period_of_use": fria.period_of_use, "frequency_of_use": fria.frequency_of_use},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.fria_edit(
                fria=fria,
                actor=request.user,
                period_of_use=form.cleaned_data["period_of_use"],
                frequency_of_use=form.cleaned_data["frequency_of_use"],
                narratives=form.narratives(),
            )
        except FieldErrors as error:
            error.add_to(form, name_unmatched=True)
        else:
            messages.success(request, _("FRIA saved."))
            return redirect(_fria_url(fria))
    document = selectors.fria_json(system=fria.system, fria=fria, say=sentence)
    specs = {spec.key: spec for spec in template.items}
    items = [i | {"spec": specs.get(i["key"])} for i in _items(membership, document)]
    context = {
        "membership": membership,
        "fria": fria,
        "template": template,
        "items": items,
        "form": form,
        "gap_total": sum(len(i["gaps"]) for i in items),
        "reviewers": fria.reviewers.select_related("user"),
        "is_reviewer": fria.reviewers.filter(user_id=membership.user_id).exists(),
        "gaps": [] if fria.is_frozen else _gap_rows(fria),
        "approval_problems": (
            signoff.fria_approval_refusals(fria=fria, membership=membership)
            if fria.status == "in_review"
            else []
        ),
    }
    return render(request, "disclosure/fria.html", context, status=400 if form.errors else 200)


def _transition(
    request: HttpRequest,
    org_slug: str,
    fria_id: int,
    move: Callable[[Membership, Fria], Fria],
    done: str,
) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    fria = org_object_or_404(Fria.objects.select_related("system"), membership, pk=fria_id)
    try:
        result = move(membership, fria)
    except FieldErrors as error:
        messages.error(request, " ".join(error.fields.values()))
        return redirect(_fria_url(fria))
    messages.success(request, done)
    return redirect(_fria_url(result))


@login_required
@org_view("POST")
def fria_submit(request: HttpRequest, org_slug: str, fria_id: int) -> HttpResponse:
    return _transition(
        request,
        org_slug,
        fria_id,
        lambda m, f: services.fria_submit(fria=f, actor=m.user),
        _("Sent for review."),
    )


@login_required
@org_view("POST")
def fria_return(request: HttpRequest, org_slug: str, fria_id: int) -> HttpResponse:
    return _transition(
        request,
        org_slug,
        fria_id,
        lambda m, f: services.fria_return(
            fria=f, actor=m.user, reason=request.POST.get("reason", "")
        ),
        _("Returned to draft."),
    )


@login_required
@org_view("POST")
def fria_approve(request: HttpRequest, org_slug: str, fria_id: int) -> HttpResponse:
    return _transition(
        request,
        org_slug,
        fria_id,
        lambda m, f: services.fria_approve(fria=f, membership=m),
        _("Approved: the FRIA is frozen."),
    )


@login_required
@org_view("POST")
def fria_new_version(request: HttpRequest, org_slug: str, fria_id: int) -> HttpResponse:
    return _transition(
        request,
        org_slug,
        fria_id,
        lambda m, f: services.fria_new_version(fria=f, actor=m.user),
        _("New version started."),
    )


def _gap_rows(fria: Fria) -> list[dict[str, str]]:
    """Each open gap: its key (the English text the reason is recorded under) and how it reads in
    the reader's language."""
    keys = signoff.fria_gaps(fria=fria)
    shown = open_gaps(
        (key, entry.get("gaps", []))
        for key, entry in selectors.document_items(
            selectors.fria_json(system=fria.system, fria=fria, say=sentence)
        )
    )
    labels = dict(zip(keys, shown, strict=True)) if len(shown) == len(keys) else {}
    return [
        {"key": gap, "label": labels.get(gap, gap), "reason": fria.gap_reasons.get(gap, "")}
        for gap in keys
    ]


@login_required
@org_view("POST")
def fria_reviewer_add(request: HttpRequest, org_slug: str, fria_id: int) -> HttpResponse:
    return _transition(
        request,
        org_slug,
        fria_id,
        lambda m, f: (
            services.fria_reviewer_add(
                fria=f, actor=m.user, email=request.POST.get("email", "")
            ).fria
        ),
        _("Review requested: the reviewer is notified."),
    )


@login_required
@org_view("POST")
def fria_review(request: HttpRequest, org_slug: str, fria_id: int) -> HttpResponse:
    """A reviewer's recommendation (reviewers are members with a writing role)."""
    membership = member_or_404(request, org_slug, write=True)
    fria = org_object_or_404(Fria.objects, membership, pk=fria_id)
    try:
        services.fria_reviewer_decide(
            fria=fria,
            actor=request.user,
            decision=request.POST.get("decision", ""),
            comment=request.POST.get("comment", ""),
        )
    except FieldErrors as error:
        messages.error(request, " ".join(error.fields.values()))
    else:
        messages.success(request, _("Your review is recorded."))
    return redirect(_fria_url(fria))


@login_required
@org_view("POST")
def fria_gap_reasons(request: HttpRequest, org_slug: str, fria_id: int) -> HttpResponse:
    """Why each gap stays open: posted as gap=<name> and reason=<text> pairs."""
    reasons = dict(zip(request.POST.getlist("gap"), request.POST.getlist("reason"), strict=False))
    return _transition(
        request,
        org_slug,
        fria_id,
        lambda m, f: signoff.fria_gap_reasons_record(fria=f, actor=m.user, reasons=reasons),
        _("Reasons for open gaps saved."),
    )
