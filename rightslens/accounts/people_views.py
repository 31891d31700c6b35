"""People pages: members and invitations (owners act), and accepting an invitation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from rightslens.accounts.access import org_view
from rightslens.errors import FieldErrors

from . import people
from .access import member_or_404, org_object_or_404
from .models import Invitation, Membership, Role


def _assessments(membership: Membership) -> list[object]:
    from rightslens.assessments.models import Assessment

    return list(
        Assessment.objects.filter(organisation=membership.organisation).order_by("title", "version")
    )


@org_view("GET")
def people_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    org = membership.organisation
    return render(
        request,
        "accounts/people.html",
        {
            "membership": membership,
            "members": Membership.objects.filter(organisation=org)
            .select_related("user", "only_assessment")
            .order_by("-is_active", "role", "user__email"),
            "invitations": Invitation.objects.filter(organisation=org, used_at__isnull=True),
            "roles": [(r.value, r.label) for r in people.MEMBER_ROLES],
            "assessments": _assessments(membership) if membership.is_senior else [],
        },
    )


def _back(request: HttpRequest, org_slug: str, exc: FieldErrors | None = None) -> HttpResponse:
    if exc is not None:
        messages.error(request, exc.message + " " + " ".join(exc.fields.values()))
    return redirect("people", org_slug=org_slug)


@org_view("POST", senior=True)
def people_invite(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True, senior=True)
    assessment = None
    if raw := request.POST.get("assessment", ""):
        from rightslens.assessments.models import Assessment

        assessment = org_object_or_404(
            Assessment.objects, membership, pk=int(raw) if raw.isdigit() else 0
        )
    try:
        invitation, path = people.invitation_send(
            membership=membership,
            email=request.POST.get("email", ""),
            role=request.POST.get("role", ""),
            assessment=assessment,
        )
    except FieldErrors as exc:
        return _back(request, org_slug, exc)
    messages.success(
        request,
        _("Invitation sent to %(email)s. Link: %(link)s")
        % {"email": invitation.email, "link": path},
    )
    return _back(request, org_slug)


@org_view("POST", senior=True)
def member_role(request: HttpRequest, org_slug: str, member_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True, senior=True)
    member = org_object_or_404(Membership.objects, membership, pk=member_id)
    try:
        people.member_change_role(
            membership=membership,
            member=member,
            role=request.POST.get("role", ""),
            grievance_officer=request.POST.get("grievance_officer") == "on",
        )
    except FieldErrors as exc:
        return _back(request, org_slug, exc)
    messages.success(
        request,
        _("%(name)s is now %(role)s.")
        % {"name": member.display_name, "role": member.get_role_display()},
    )
    return _back(request, org_slug)


@org_view("POST", senior=True)
def member_active(request: HttpRequest, org_slug: str, member_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True, senior=True)
    member = org_object_or_404(Membership.objects, membership, pk=member_id)
    active = request.POST.get("active") == "1"
    try:
        people.member_set_active(membership=membership, member=member, active=active)
    except FieldErrors as exc:
        return _back(request, org_slug, exc)
    done = pgettext("member", "%(name)s restored.") if active else _("%(name)s deactivated.")
    messages.success(request, done % {"name": member.display_name})
    return _back(request, org_slug)


@org_view("POST", senior=True)
def signoff_setting(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True, senior=True)
    required = request.POST.get("independent_signoff") == "on"
    people.organisation_set_independent_signoff(membership=membership, required=required)
    messages.success(
        request,
        _("Independent sign-off is required.")
        if required
        else _("Independent sign-off is no longer required."),
    )
    return _back(request, org_slug)


def _landing(membership: Membership) -> HttpResponse:
    slug = membership.organisation.slug
    if membership.only_assessment_id is not None:
        return redirect(f"/o/{slug}/assessments/{membership.only_assessment_id}/review/")
    return redirect("org_dashboard", org_slug=slug)


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    error, invitation = "", None
    try:
        invitation = people.invitation_for_token(token)
    except FieldErrors as exc:
        error = " ".join(exc.fields.values())
    if invitation is not None and request.method == "POST":
        user = request.user if request.user.is_authenticated else None
        try:
            membership = people.invitation_accept(
                token=token,
                password=request.POST.get("password", ""),
                name=request.POST.get("name", ""),
                user=user,
            )
        except FieldErrors as exc:
            error = " ".join(exc.fields.values())
        else:
            login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            return _landing(membership)
    return render(
        request,
        "accounts/invitation.html",
        {"invitation": invitation, "error": error, "outside": Role.OUTSIDE_REVIEWER},
        status=400 if error else 200,
    )
