"""Known devices: a signed cookie naming this browser and the accounts that logged in on it.

It lets a correct password through while an account is throttled (throttle.py). It holds a random
device id and hashes of usernames, nothing readable; HttpOnly, secure-only in production, and
never set for visitors who have not logged in (the public grievance channel sets no cookie).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core import signing
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

COOKIE = "__Host-rl-device" if not settings.DEBUG else "rl-device"
SALT = "rightslens.accounts.known-device"
MAX_AGE = 180 * 24 * 3600
MAX_ACCOUNTS = 5


def _account(username: str) -> str:
    return hashlib.sha256(f"device:{username.strip().lower()}".encode()).hexdigest()[:24]


def _read(request: HttpRequest | None) -> dict[str, Any] | None:
    raw = request.COOKIES.get(COOKIE, "") if request is not None else ""
    try:
        payload = signing.loads(raw, salt=SALT, max_age=MAX_AGE) if raw else None
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("accounts"), list):
        return None
    return payload


def known_device(request: HttpRequest | None, username: str) -> str | None:
    """This device's id if `username` has logged in on it before, else None."""
    payload = _read(request)
    if payload and _account(username) in payload["accounts"]:
        return str(payload["device"])
    return None


@receiver(user_logged_in, dispatch_uid="rightslens-known-device")
def _remember(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None:
        request.rightslens_device_account = _account(user.get_username())  # type: ignore[attr-defined]


class KnownDeviceMiddleware:
    """Writes the cookie on the response to a successful login (any login view, admin included)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        account = getattr(request, "rightslens_device_account", None)
        if account:
            payload = _read(request) or {"device": secrets.token_urlsafe(16), "accounts": []}
            accounts = [account] + [a for a in payload["accounts"] if a != account]
            value = signing.dumps(
                {"device": payload["device"], "accounts": accounts[:MAX_ACCOUNTS]}, salt=SALT
            )
            response.set_cookie(
                COOKIE,
                value,
                max_age=MAX_AGE,
                secure=not settings.DEBUG,
                httponly=True,
                samesite="Lax",
            )
        return response
