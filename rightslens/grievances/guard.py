"""Spam and enumeration resistance for the public channel, with no third party and no IP addresses.

- A honeypot field people never see; bots fill it.
- A minimum fill time, from a signed timestamp put in the form when it was shown.
- Rate limits in the cache, keyed by a hash of the session key and the organisation, plus a ceiling
  on failed receipt look-ups per organisation (so fresh sessions cannot enumerate either).
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

FORM_SALT = "rightslens.grievances.form-started"
SUBMISSIONS_PER_HOUR = 5
LOOKUPS_PER_WINDOW = 10
FAILED_LOOKUPS_PER_ORG_PER_WINDOW = 200
WINDOW_SECONDS = 15 * 60
FORM_MAX_AGE_SECONDS = 24 * 3600


def min_fill_seconds() -> float:
    return float(getattr(settings, "GRIEVANCE_MIN_FILL_SECONDS", 3))


def form_started_token(now: float | None = None) -> str:
    return signing.dumps({"t": time.time() if now is None else now}, salt=FORM_SALT)


def looks_automated(honeypot: str, started_token: str) -> bool:
    """True for a filled honeypot, a missing/forged timestamp, or a form sent faster than a person could."""
    if honeypot:
        return True
    try:
        started = float(
            signing.loads(started_token or "", salt=FORM_SALT, max_age=FORM_MAX_AGE_SECONDS)["t"]
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return True
    return time.time() - started < min_fill_seconds()


def _session_key(request: HttpRequest) -> str:
    if not request.session.session_key:
        request.session.save()
    return hashlib.sha256((request.session.session_key or "").encode()).hexdigest()[:32]


def _hit(key: str, limit: int, window: int) -> bool:
    """Count one attempt; True while still within the limit."""
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


def _peek(key: str, limit: int) -> bool:
    return int(cache.get(key, 0)) < limit


def submission_allowed(request: HttpRequest, org_id: int) -> bool:
    return _hit(f"grv:submit:{org_id}:{_session_key(request)}", SUBMISSIONS_PER_HOUR, 3600)


def lookup_allowed(request: HttpRequest, org_id: int) -> bool:
    """Every look-up counts against the session; failures also against the organisation's ceiling."""
    within_session = _hit(
        f"grv:lookup:{org_id}:{_session_key(request)}", LOOKUPS_PER_WINDOW, WINDOW_SECONDS
    )
    return within_session and _peek(f"grv:lookup-fail:{org_id}", FAILED_LOOKUPS_PER_ORG_PER_WINDOW)


def lookup_failed(org_id: int) -> None:
    _hit(f"grv:lookup-fail:{org_id}", FAILED_LOOKUPS_PER_ORG_PER_WINDOW, WINDOW_SECONDS)
