from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .access import member_or_404
from .forms import SignupForm, TokenForm
from .models import ApiToken, Membership
from .services import account_signup


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
        user, org = account_signup(**form.cleaned_data)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("org_dashboard", org_slug=org.slug)
    return render(
        request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def org_dashboard(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    # A read-only page: refuse writes, after the access check so outsiders still get 404.
    if request.method not in ("GET", "HEAD"):
        from django.http import HttpResponseNotAllowed

        return HttpResponseNotAllowed(["GET", "HEAD"])
    from rightslens.assessments.selectors import dashboard_figures

    return render(
        request,
        "accounts/dashboard.html",
        {
            "membership": membership,
            "figures": dashboard_figures(organisation=membership.organisation),
        },
    )


@login_required
def api_tokens(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    form = TokenForm(request.POST or None)
    raw = None
    if request.method == "POST" and form.is_valid():
        _, raw = ApiToken.issue(request.user, form.cleaned_data["name"])
        messages.success(request, "Token created. Copy it now: it will not be shown again.")
    tokens = ApiToken.objects.filter(user=membership.user)
    return render(
        request,
        "accounts/tokens.html",
        {"membership": membership, "form": form, "raw_token": raw, "tokens": tokens},
    )
