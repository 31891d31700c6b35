"""Abuse resistance for the public channel, with no third party, no cookie and no IP address.

- A honeypot field people never see; bots fill it.
- A single-use signed form token: it carries the organisation, the time the form was shown and a
  random nonce. A form sent faster than a person could is refused, and the nonce is spent in the
  same transaction as the grievance, so a replayed token (or a replayed start time) fails.
- A budget per organisation on grievances and attachment bytes per time window, counted from what
  is stored (so it holds across processes and without a visitor identity). Near or over budget,
  the channel is marked "under pressure" for the officers.
- Follow-up guessing: the code is checked first and a correct code always opens its grievance;
  only misses are counted, per code prefix and per organisation, and only misses are refused.
  Codes carry 125 random bits, so the limit bounds noise and load, not the search.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from rightslens.accounts.models import Organisation
from rightslens.core.grievance import receipt_code_normalise

from .models import ChannelPressure, Grievance, GrievanceAttachment, SpentFormToken

FORM_SALT = "rightslens.grievances.form-token.v2"
FORM_MAX_AGE_SECONDS = 3 * 3600
MISSES_PER_PREFIX = 10
MISSES_PER_ORG = 200
MISS_WINDOW_SECONDS = 15 * 60
PRESSURE_SHARE = 0.75  # officers are told once this share of a budget is used


@dataclass(frozen=True)
class Budget:
    window_seconds: int
    grievances: int
    attachment_bytes: int


def budgets() -> list[Budget]:
    """Per-organisation budgets: an hour and a day by default (settings can replace them)."""
    configured = getattr(settings, "GRIEVANCE_CHANNEL_BUDGETS", None)
    if configured:
        return [Budget(*row) for row in configured]
    return [Budget(3600, 60, 25 * 1024 * 1024), Budget(86400, 300, 100 * 1024 * 1024)]


def min_fill_seconds() -> float:
    return float(getattr(settings, "GRIEVANCE_MIN_FILL_SECONDS", 3))


# ---- single-use form tokens ----


def form_token_new(*, organisation_slug: str, now: float | None = None) -> str:
    payload = {
        "o": organisation_slug,
        "t": time.time() if now is None else now,
        "n": secrets.token_urlsafe(18),
    }
    return signing.dumps(payload, salt=FORM_SALT)


def form_token_nonce(token: str, *, organisation_slug: str) -> str | None:
    """The nonce of a genuine, unexpired token for this organisation that a person could have
    filled in; None for a forged, foreign, expired or too-quick one. Does not spend it."""
    try:
        payload = signing.loads(token or "", salt=FORM_SALT, max_age=FORM_MAX_AGE_SECONDS)
        started, nonce = float(payload["t"]), str(payload["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if payload.get("o") != organisation_slug or time.time() - started < min_fill_seconds():
        return None
    return nonce


def looks_automated(honeypot: str, token: str, *, organisation_slug: str) -> bool:
    return bool(honeypot) or form_token_nonce(token, organisation_slug=organisation_slug) is None


def form_token_spend(nonce: str) -> bool:
    """Record the nonce as used; False when it was used before. Call inside the submission's
    transaction so the token is spent only if the grievance is stored."""
    now = timezone.now()
    SpentFormToken.objects.filter(expires_at__lt=now).delete()
    digest = hashlib.sha256(nonce.encode()).hexdigest()
    try:
        with transaction.atomic():
            SpentFormToken.objects.create(
                digest=digest, expires_at=now + timedelta(seconds=FORM_MAX_AGE_SECONDS)
            )
    except IntegrityError:
        return False
    return True


# ---- per-organisation budget ----


def _used(organisation: Organisation, since: object) -> tuple[int, int]:
    grievances = Grievance.objects.filter(organisation=organisation, received_at__gte=since)
    stored = GrievanceAttachment.objects.filter(organisation=organisation, created_at__gte=since)
    return grievances.count(), int(stored.aggregate(total=Sum("size"))["total"] or 0)


def budget_refusal(*, organisation: Organisation, attachment_bytes: int) -> str | None:
    """ "grievances" or "attachment_bytes" when this submission would go over a budget, else None.
    Records pressure for the officers when a budget is nearly used or exceeded."""
    now = timezone.now()
    for budget in budgets():
        count, stored = _used(organisation, now - timedelta(seconds=budget.window_seconds))
        if count + 1 > budget.grievances:
            channel_pressure_record(organisation=organisation, refused=True)
            return "grievances"
        if attachment_bytes and stored + attachment_bytes > budget.attachment_bytes:
            channel_pressure_record(organisation=organisation, refused=True)
            return "attachment_bytes"
        near = PRESSURE_SHARE
        if count + 1 >= budget.grievances * near or stored >= budget.attachment_bytes * near:
            channel_pressure_record(organisation=organisation, refused=False)
    return None


def channel_pressure_record(*, organisation: Organisation, refused: bool) -> None:
    pressure, _created = ChannelPressure.objects.get_or_create(organisation=organisation)
    now = timezone.now()
    if pressure.last_at is None or now - pressure.last_at > timedelta(hours=24):
        pressure.since, pressure.refused = now, 0
    pressure.last_at = now
    pressure.refused += int(refused)
    pressure.save()


# ---- follow-up look-ups ----


def _miss_keys(organisation_id: int, code: str) -> tuple[str, str]:
    normalised = receipt_code_normalise(code or "")
    prefix = normalised[:5] if normalised else "malformed"
    hashed = hashlib.sha256(f"{organisation_id}:{prefix}".encode()).hexdigest()[:24]
    return f"grv:miss:prefix:{hashed}", f"grv:miss:org:{organisation_id}"


def lookup_misses_exhausted(*, organisation_id: int, code: str) -> bool:
    """Ask only after a miss: a correct code never reaches this check."""
    prefix_key, org_key = _miss_keys(organisation_id, code)
    return (
        int(cache.get(prefix_key, 0)) >= MISSES_PER_PREFIX
        or int(cache.get(org_key, 0)) >= MISSES_PER_ORG
    )


def lookup_missed(*, organisation_id: int, code: str) -> None:
    for key in _miss_keys(organisation_id, code):
        cache.add(key, 0, timeout=MISS_WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=MISS_WINDOW_SECONDS)
