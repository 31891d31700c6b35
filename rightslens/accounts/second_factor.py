"""Optional TOTP second factor for owners and grievance officers (rightslens.core.totp does the maths).

A member enrols (the secret is stored encrypted), confirms with a first code, and from then on
logging in asks for a code after the password. Each step's code works once: the last step used
is kept, and a code of that step or an earlier one is refused.
"""

from __future__ import annotations

import time
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rightslens.core import totp

from .models import Membership, Role, SecondFactor

ISSUER = "RightsLens"


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
