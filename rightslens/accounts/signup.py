"""Signup that never reveals whether an address already has an account.

Every valid signup gets the same answer ("check your inbox"). The message sent depends on the
address: a confirmation link for a new one; for an existing account, a note that someone tried
to sign up with it. The link carries the request encrypted and authenticated (Fernet, key derived
from SECRET_KEY, 24 hours), with the password already hashed; nothing is stored until it is used,
and a used link cannot create a second account.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse

from .models import Organisation

LINK_MAX_AGE = 24 * 3600


@dataclass(frozen=True)
class PendingSignup:
    email: str
    password_hash: str
    organisation_name: str
    organisation_kind: str


@lru_cache(maxsize=2)
def _fernet(secret: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"rightslens signup v1")
    return Fernet(base64.urlsafe_b64encode(key.derive(secret.encode())))


def signup_token(pending: PendingSignup) -> str:
    body = json.dumps(pending.__dict__).encode()
    return _fernet(settings.SECRET_KEY).encrypt(body).decode()


def signup_read(token: str) -> PendingSignup | None:
    try:
        body = _fernet(settings.SECRET_KEY).decrypt(token.encode(), ttl=LINK_MAX_AGE)
        return PendingSignup(**json.loads(body))
    except (InvalidToken, ValueError, TypeError):
        return None


def account_exists(email: str) -> bool:
    return get_user_model().objects.filter(username__iexact=email).exists()


def signup_request_send(
    *,
    request: HttpRequest,
    email: str,
    password: str,
    organisation_name: str,
    organisation_kind: str,
) -> None:
    """Send the confirmation link, or the "you already have an account" note."""
    if account_exists(email):
        login = request.build_absolute_uri(reverse("login"))
        send_mail(
            "Your RightsLens account",
            "Someone asked to create a RightsLens organisation with this address, which already "
            f"has an account. If it was you, log in at {login}. If not, you can ignore this.",
            None,
            [email],
        )
        return
    pending = PendingSignup(email, make_password(password), organisation_name, organisation_kind)
    link = request.build_absolute_uri(reverse("signup_confirm", args=[signup_token(pending)]))
    send_mail(
        "Confirm your RightsLens organisation",
        f"Open this link within 24 hours to create {organisation_name} on RightsLens: {link}",
        None,
        [email],
    )


@transaction.atomic
def signup_confirm(*, pending: PendingSignup) -> tuple[User, Organisation] | None:
    """Create the account and organisation; None if the address has an account by now."""
    from .services import account_signup

    if account_exists(pending.email):
        return None
    user, org = account_signup(
        email=pending.email,
        password="",
        organisation_name=pending.organisation_name,
        organisation_kind=pending.organisation_kind,
    )
    user.password = pending.password_hash
    user.save(update_fields=["password"])
    return user, org
