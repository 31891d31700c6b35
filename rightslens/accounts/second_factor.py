"""Optional TOTP second factor for owners and grievance officers (rightslens.core.totp does the maths).

A member enrols (the secret is stored encrypted), confirms with a first code, and from then on
logging in asks for a code after the password. Each step's code works once: the last step used
is kept, and a code of that step or an earlier one is refused.

On confirming, the member gets 10 one-time recovery codes, shown once and stored only as hashes;
each one stands in for the app's code once. They can be regenerated (the password is asked), and
the second factor can be switched off with the password and a valid code (app or recovery).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rightslens.core import totp

from .models import Membership, RecoveryCode, Role, SecondFactor

ISSUER = "RightsLens"
RECOVERY_CODES = 10
# 16 characters from a 32-letter alphabet: 80 random bits per code, so a fast hash is safe to
# store (no one can search 2**80 candidates), and a login can look a code up by its hash.
# No i, l, o or 1 (easily misread); an "o" typed for the zero is read as the zero.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz023456789"
_GROUPS, _GROUP_LEN = 4, 4


def second_factor_offered(*, user: Any) -> bool:
    """Owners and grievance officers of any organisation may turn it on."""
    return (
        Membership.objects.filter(user=user, is_active=True)
        .filter(Q(role=Role.OWNER) | Q(is_grievance_officer=True))
        .exists()
    )


def second_factor_active(*, user: Any) -> bool:
    return SecondFactor.objects.filter(user=user, confirmed_at__isnull=False).exists()


def second_factor_enrolment(*, user: Any) -> SecondFactor:
    """This account's factor; a fresh secret while none is confirmed yet."""
    factor, _ = SecondFactor.objects.get_or_create(
        user=user, defaults={"secret": totp.new_secret()}
    )
    return factor


def second_factor_uri(*, factor: SecondFactor) -> str:
    account = factor.user.email or factor.user.get_username()
    return totp.provisioning_uri(str(factor.secret), account=account, issuer=ISSUER)


@transaction.atomic
def second_factor_verify(*, user: Any, code: str, now: float | None = None) -> bool:
    """True once per step for a right code; confirms an enrolment on its first right code."""
    factor = SecondFactor.objects.select_for_update().filter(user=user).first()
    if factor is None:
        return False
    when = time.time() if now is None else now
    step = totp.code_step(str(factor.secret), code, when, after_step=factor.last_step)
    if step is None:
        return False
    factor.last_step = step
    factor.confirmed_at = factor.confirmed_at or timezone.now()
    factor.save(update_fields=["last_step", "confirmed_at"])
    return True


def _normalised(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isalnum()).replace("o", "0")


def _hash(user: Any, code: str) -> str:
    # The account is part of what is hashed, so one account's code is nothing on another's.
    return hashlib.sha256(f"rightslens-recovery:{user.pk}:{_normalised(code)}".encode()).hexdigest()


def looks_like_recovery_code(code: str) -> bool:
    return len(_normalised(code)) == _GROUPS * _GROUP_LEN


@transaction.atomic
def recovery_codes_new(*, user: Any) -> list[str]:
    """Replace this account's recovery codes with 10 new ones; return them (shown once only)."""
    codes = [
        "-".join(
            "".join(secrets.choice(_ALPHABET) for _ in range(_GROUP_LEN)) for _ in range(_GROUPS)
        )
        for _ in range(RECOVERY_CODES)
    ]
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=_hash(user, code)) for code in codes
    )
    return codes


def recovery_codes_left(*, user: Any) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def recovery_code_use(*, user: Any, code: str) -> bool:
    """True, once, for an unused recovery code of this account; the code is then spent."""
    if not looks_like_recovery_code(code):
        return False
    spent = RecoveryCode.objects.filter(
        user=user, code_hash=_hash(user, code), used_at__isnull=True
    ).update(used_at=timezone.now())
    return spent == 1


def second_factor_check(*, user: Any, code: str, now: float | None = None) -> str | None:
    """At login (or to confirm switching it off): "app" for a right app code, "recovery" for an
    unused recovery code (now spent), None otherwise. Only a confirmed factor counts."""
    if not second_factor_active(user=user):
        return None
    if looks_like_recovery_code(code):
        return "recovery" if recovery_code_use(user=user, code=code) else None
    return "app" if second_factor_verify(user=user, code=code, now=now) else None


@transaction.atomic
def second_factor_off(*, user: Any) -> None:
    """Remove the factor and its recovery codes: logging in asks for the password only."""
    SecondFactor.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
