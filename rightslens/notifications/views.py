"""Inbox, preferences, My tasks, and assigning work to members."""

from __future__ import annotations

from django.conf.locale import LANG_INFO
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import pgettext

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.accounts.languages import STAFF_LANGUAGES
from rightslens.accounts.models import Membership
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors

from . import selectors, services, tasks
from .models import Kind, Notification


@org_view("GET")
def inbox(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    return render(
        request,
        "notifications/inbox.html",
        {"membership": membership, "notifications": selectors.inbox(membership=membership)[:200]},
    )


@org_view("POST", personal=True)
def notification_open(request: HttpRequest, org_slug: str, notification_id: int) -> HttpResponse:
    """Mark one of my notifications read and go to what it names."""
    membership = member_or_404(request, org_slug)
    notification = org_object_or_404(
        Notification.objects, membership, pk=notification_id, recipient=membership
    )
    services.notification_mark_read(notification=notification)
    return redirect(notification.link)


@org_view("POST", personal=True)
def read_all(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    for notification in selectors.inbox(membership=membership).filter(read_at__isnull=True):
        services.notification_mark_read(notification=notification)
    return redirect("notifications_inbox", org_slug=org_slug)


@org_view("GET", "POST", personal=True)
def preferences(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    if request.method == "POST":
        choices = {
            kind: {
                c: request.POST.get(f"{kind}:{c}") == "on" for c in ("in_app", "email", "digest")
            }
            for kind in Kind.values
        }
        language = request.POST.get("mail_language")
        try:
            services.preferences_save(
                membership=membership, choices=choices, mail_language=language
            )
        except FieldErrors as exc:
            error = exc.fields.get("mail_language") or " ".join(exc.fields.values())
            return _preferences_page(request, membership, error, status=400)
        messages.success(request, pgettext("staff", "Your notification choices are saved."))
        return redirect("notifications_preferences", org_slug=org_slug)
    return _preferences_page(request, membership)


def _preferences_page(
    request: HttpRequest, membership: Membership, language_error: str = "", status: int = 200
) -> HttpResponse:
    languages = [("", pgettext("staff", "As my browser"))] + [
        (code, LANG_INFO[code]["name_local"]) for code in STAFF_LANGUAGES
    ]
    return render(
        request,
        "notifications/preferences.html",
        {
            "membership": membership,
            "rows": selectors.preference_rows(membership=membership),
            "languages": languages,
            "mail_language": membership.mail_language,
            "language_error": language_error,
        },
        status=status,
    )


@org_view("GET")
def my_tasks(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    return render(
        request,
        "notifications/tasks.html",
        {"membership": membership, **selectors.my_tasks(membership=membership)},
    )


def _assignee_id(request: HttpRequest) -> int | None:
    raw = request.POST.get("assignee", "")
    return int(raw) if raw.isdigit() else None


def _after_assign(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/o/") else fallback)


@org_view("POST")
def assign_action(request: HttpRequest, org_slug: str, action_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    from rightslens.assessments.models import Action

    action = org_object_or_404(Action.objects, membership, pk=action_id)
    try:
        tasks.action_assign(membership=membership, action=action, assignee_id=_assignee_id(request))
    except FieldErrors as exc:
        messages.error(request, " ".join(exc.fields.values()))
    fallback = f"/o/{org_slug}/assessments/{action.impact.assessment_id}/plan/"
    return _after_assign(request, fallback)


@org_view("POST")
def assign_grievance(request: HttpRequest, org_slug: str, grievance_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    from rightslens.grievances.models import Grievance

    grievance = org_object_or_404(Grievance.objects, membership, pk=grievance_id)
    try:
        tasks.grievance_assign(
            membership=membership, grievance=grievance, assignee_id=_assignee_id(request)
        )
    except FieldErrors as exc:
        messages.error(request, " ".join(exc.fields.values()))
    return _after_assign(request, f"/o/{org_slug}/grievances/{grievance.pk}/")


def assignable(membership: Membership, *, officers_only: bool = False) -> list[Membership]:
    members = Membership.objects.filter(
        organisation=membership.organisation, is_active=True, only_assessment__isnull=True
    ).select_related("user")
    if officers_only:
        members = members.filter(is_grievance_officer=True)
    return list(members)
