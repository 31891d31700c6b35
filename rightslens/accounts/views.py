from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import pgettext

from rightslens.accounts.access import org_view

from .access import member_or_404
from .forms import SignupForm, TokenForm
from .models import Membership
from .signup import signup_confirm, signup_read, signup_request_send


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "accounts/landing.html")
    memberships = Membership.objects.filter(user=request.user, is_active=True).select_related(
        "organisation"
    )
    if len(memberships) == 1 and memberships[0].is_outside_reviewer:
        only = memberships[0]
        return redirect(
            f"/o/{only.organisation.slug}/assessments/{only.only_assessment_id}/review/"
        )
    if len(memberships) == 1:
        return redirect("org_dashboard", org_slug=memberships[0].organisation.slug)
    return render(request, "accounts/home.html", {"memberships": memberships})


def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The same answer whether or not the address has an account (see signup.py).
        signup_request_send(request=request, **form.cleaned_data)
        return render(request, "accounts/signup_sent.html", {"email": form.cleaned_data["email"]})
    return render(
        request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200
    )


def signup_confirmed(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); POST creates the organisation."""
    pending = signup_read(token)
    if pending is None:
        return render(request, "accounts/signup_confirm.html", {"invalid": True}, status=410)
    if request.method != "POST":
        return render(request, "accounts/signup_confirm.html", {"pending": pending})
    created = signup_confirm(pending=pending)
    if created is None:
        return render(request, "accounts/signup_confirm.html", {"used": True}, status=409)
    user, org = created
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("org_dashboard", org_slug=org.slug)


@login_required
@org_view("GET")
def org_dashboard(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    from rightslens.assessments.selectors import dashboard_figures_stamped, month_ends

    figures = dashboard_figures_stamped(
        organisation=membership.organisation, trend_ends=[end for _, end in month_ends()]
    )
    return render(
        request, "accounts/dashboard.html", {"membership": membership, "figures": figures}
    )


@login_required
@org_view("GET", "POST", personal=True)
def api_tokens(request: HttpRequest, org_slug: str) -> HttpResponse:
    """List, create and revoke the user's tokens for this organisation (never cached)."""
    from rightslens.api.tokens import token_issue, token_revoke, tokens_for

    membership = member_or_404(request, org_slug)
    organisation = membership.organisation
    creating = request.method == "POST" and request.POST.get("action") != "revoke"
    form = TokenForm(request.POST if creating else None)
    raw = None
    if request.method == "POST" and not creating:
        token_revoke(
            user=request.user, organisation=organisation, grant_id=_int(request.POST.get("grant"))
        )
        messages.success(request, pgettext("staff", "Token revoked: it no longer works."))
    elif creating and form.is_valid():
        _, raw = token_issue(
            user=request.user,
            organisation=organisation,
            name=form.cleaned_data["name"],
            can_write=form.cleaned_data["access"] == "write",
            days=form.cleaned_data["days"],
        )
        messages.success(
            request, pgettext("staff", "Token created. Copy it now: it will not be shown again.")
        )
    tokens = tokens_for(user=request.user, organisation=organisation)
    return render(
        request,
        "accounts/tokens.html",
        {"membership": membership, "form": form, "raw_token": raw, "tokens": tokens},
    )


def _int(value: str | None) -> int:
    try:
        return min(int(value or ""), 2**62)
    except ValueError:
        return 0
