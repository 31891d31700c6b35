"""Login throttling: slows password guessing without storing IP addresses."""

from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache

MAX_FAILURES = 10
WINDOW_SECONDS = 15 * 60


def _key(username: str) -> str:
    digest = hashlib.sha256(username.strip().lower().encode()).hexdigest()
    return f"login-failures:{digest}"


def failures(username: str) -> int:
    return int(cache.get(_key(username), 0))


def record_failure(username: str) -> None:
    key = _key(username)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)


def clear_failures(username: str) -> None:
    cache.delete(_key(username))


class ThrottledAuthenticationForm(AuthenticationForm):
    """Refuses further attempts on an account after repeated failures, for a while."""

    def clean(self) -> dict[str, Any]:
        username = self.data.get("username", "")
        if failures(username) >= MAX_FAILURES:
            raise forms.ValidationError(
                "Too many failed attempts for this account. Wait 15 minutes and try again.",
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            record_failure(username)
            raise
        clear_failures(username)
        return cleaned
