"""Login with a second factor, enrolment, and the account page that offers it."""

from __future__ import annotations

import time
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from . import throttle
from .second_factor import (
    recovery_codes_left,
    recovery_codes_new,
    second_factor_active,
    second_factor_check,
    second_factor_enrolment,
    second_factor_off,
    second_factor_offered,
    second_factor_uri,
    second_factor_verify,
)

PENDING = "second-factor-pending"
PENDING_SECONDS = 5 * 60
WRONG_CODE = gettext_noop(
    "That code is not right, or was already used. Enter the current 6-digit code, or one of your "
    "unused recovery codes."
)
WRONG_PASSWORD = gettext_noop("That is not your current password.")


class LoginView(auth_views.LoginView):
    """The password first; an account with a second factor then goes on to the code page."""

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if not second_factor_active(user=user):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": time.time(),
            "next": self.get_success_url(),
        }
        return redirect("login_code")


def _pending_user(request: HttpRequest) -> tuple[Any, dict[str, Any]] | None:
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return (user, pending) if user is not None else None


def login_code(request: HttpRequest) -> HttpResponse:
    found = _pending_user(request)
    if found is None:
        request.session.pop(PENDING, None)
        return redirect("login")
    user, pending = found
    error = ""
    if request.method == "POST":
        username = user.get_username()
        error = throttle.refusal(request, username) or ""
        used = None if error else second_factor_check(user=user, code=request.POST.get("code", ""))
        if used:
            request.session.pop(PENDING, None)
            login(request, user, backend=pending["backend"])
            if used == "recovery":
                left = recovery_codes_left(user=user)
                messages.warning(
                    request,
                    _(
                        "You logged in with a recovery code; %(left)s left. Each works once: make "
                        "new ones on the second-factor page if you are running low."
                    )
                    % {"left": left},
                )
            return redirect(pending["next"])
        if not error:
            throttle.attempt_failed(request, username)
            error = _(WRONG_CODE)
    status = 200 if not error else 400
    return render(request, "accounts/login_code.html", {"error": error}, status=status)


@login_required
def second_factor_setup(request: HttpRequest) -> HttpResponse:
    if not second_factor_offered(user=request.user):
        raise Http404("A second factor is offered to owners and grievance officers.")
    if second_factor_active(user=request.user):
        context: dict[str, Any] = {
            "active": True,
            "codes_left": recovery_codes_left(user=request.user),
        }
        return render(request, "accounts/second_factor.html", context)
    factor = second_factor_enrolment(user=request.user)
    error = ""
    if request.method == "POST":
        if second_factor_verify(user=request.user, code=request.POST.get("code", "")):
            # Shown in this answer only, never again: only their hashes are kept.
            codes = recovery_codes_new(user=request.user)
            return render(
                request, "accounts/recovery_codes.html", {"codes": codes, "first_time": True}
            )
        error = _(WRONG_CODE)
    context = {
        "secret": factor.secret,
        "uri": second_factor_uri(factor=factor),
        "error": error,
    }
    return render(request, "accounts/second_factor.html", context, status=400 if error else 200)


def _active_page(request: HttpRequest, errors: dict[str, str]) -> HttpResponse:
    context = {
        "active": True,
        "codes_left": recovery_codes_left(user=request.user),
        "errors": errors,
    }
    return render(request, "accounts/second_factor.html", context, status=400)


def _password_error(request: HttpRequest) -> str:
    """The throttle's refusal, or a wrong current password (counted by the throttle)."""
    username = request.user.get_username()
    if refusal := throttle.refusal(request, username):
        return refusal
    if not request.user.check_password(request.POST.get("password", "")):
        throttle.attempt_failed(request, username)
        return _(WRONG_PASSWORD)
    return ""


@login_required
@require_POST
def recovery_codes_regenerate(request: HttpRequest) -> HttpResponse:
    """New recovery codes (the old ones stop working), after the current password."""
    if not second_factor_active(user=request.user):
        raise Http404("There is no second factor on this account.")
    if error := _password_error(request):
        return _active_page(request, {"regenerate_password": error})
    codes = recovery_codes_new(user=request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes})


@login_required
@require_POST
def second_factor_disable(request: HttpRequest) -> HttpResponse:
    """Switch the second factor off: the current password and a valid code (app or recovery)."""
    if not second_factor_active(user=request.user):
        raise Http404("There is no second factor on this account.")
    if error := _password_error(request):
        return _active_page(request, {"off_password": error})
    if not second_factor_check(user=request.user, code=request.POST.get("code", "")):
        throttle.attempt_failed(request, request.user.get_username())
        return _active_page(request, {"off_code": _(WRONG_CODE)})
    second_factor_off(user=request.user)
    messages.success(request, _("Second factor off: logging in asks for your password only."))
    return redirect("second_factor")


class PasswordChangeView(auth_views.PasswordChangeView):
    """The account page: change the password; owners and officers are offered a second factor."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["second_factor_offered"] = second_factor_offered(user=user)
        context["second_factor_active"] = second_factor_active(user=user)
        return context
