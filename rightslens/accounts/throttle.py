"""Login throttling that slows password guessing but cannot be turned against the account holder.

No IP address is stored. Three counters live in the cache, per 15-minute window:
- failures per username (from devices not known for that account): after MAX_FAILURES the
  account refuses logins from unknown devices for the rest of the window;
- failures across every account (the global budget): a distributed guessing run stalls
  every login from unknown devices;
- failures per known device.
A *known device* holds a signed cookie set when this account last logged in on it
(rightslens/accounts/devices.py). From a known device a correct password still passes while the
account or the global budget is locked, so nobody can lock an officer out from the outside.
The same form guards the app's login and the admin's.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from . import devices

MAX_FAILURES = 10
MAX_DEVICE_FAILURES = 10
GLOBAL_MAX_FAILURES = 500
WINDOW_SECONDS = 15 * 60
LOCKED_MESSAGE = gettext_noop(
    "Too many failed attempts for this account. Wait 15 minutes and try again, or log in from "
    "a device you have used before."
)
BUSY_MESSAGE = gettext_noop(
    "Logins are paused for a few minutes after many failed attempts on this site. Try again "
    "later, or log in from a device you have used before."
)


def _key(username: str) -> str:
    digest = hashlib.sha256(username.strip().lower().encode()).hexdigest()
    return f"login-failures:{digest}"


GLOBAL_KEY = "login-failures:all"


def _device_key(device_id: str) -> str:
    return f"login-failures:device:{hashlib.sha256(device_id.encode()).hexdigest()}"


def _count(key: str) -> int:
    return int(cache.get(key, 0))


def _bump(key: str) -> None:
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)


def failures(username: str) -> int:
    return _count(_key(username))


def record_failure(username: str) -> None:
    _bump(_key(username))
    _bump(GLOBAL_KEY)


def clear_failures(username: str) -> None:
    cache.delete(_key(username))


def refusal(request: HttpRequest | None, username: str) -> str | None:
    """Why this attempt is refused before the password is even checked, or None."""
    device = devices.known_device(request, username)
    if device is not None:
        return _(LOCKED_MESSAGE) if _count(_device_key(device)) >= MAX_DEVICE_FAILURES else None
    if failures(username) >= MAX_FAILURES:
        return _(LOCKED_MESSAGE)
    if _count(GLOBAL_KEY) >= GLOBAL_MAX_FAILURES:
        return _(BUSY_MESSAGE)
    return None


def attempt_failed(request: HttpRequest | None, username: str) -> None:
    device = devices.known_device(request, username)
    if device is not None:
        _bump(_device_key(device))  # the owner's own typos do not lock the account for others
    else:
        record_failure(username)


class ThrottleMixin:
    """For an AuthenticationForm: refuse while throttled, count failures, clear on success."""

    request: HttpRequest | None
    data: Any

    def clean(self) -> dict[str, Any]:
        username = self.data.get("username", "")
        reason = refusal(self.request, username)
        if reason:
            raise forms.ValidationError(reason, code="throttled")
        try:
            cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        except forms.ValidationError:
            attempt_failed(self.request, username)
            raise
        clear_failures(username)
        return cleaned


class ThrottledAuthenticationForm(ThrottleMixin, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(ThrottleMixin, AdminAuthenticationForm):
    """The admin has no code step: an account with a second factor logs in on the app's page."""

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        from .second_factor import second_factor_active

        if second_factor_active(user=user):
            raise forms.ValidationError(
                _("This account uses a second factor: log in at /accounts/login/ first."),
                code="second_factor",
            )
