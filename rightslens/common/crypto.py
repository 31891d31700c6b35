"""Encryption at rest for complainants' identities, grievance text and stakeholder contacts.

The key is settings.GRIEVANCE_KEY, kept outside the database (environment or var/). Someone who
steals only the database sees ciphertext and keyed hashes, never names, contacts or complaints.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import models


def _derive(purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(
        settings.GRIEVANCE_KEY.encode()
    )


@lru_cache(maxsize=4)
def _fernet(secret: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_derive(b"rightslens grievance fernet v1")))


def fernet() -> Fernet:
    return _fernet(settings.GRIEVANCE_KEY)


def receipt_key() -> bytes:
    """The HMAC key for receipt-code digests (separate from the encryption key)."""
    return _derive(b"rightslens receipt digest v1")


def encrypt_text(plain: str) -> str:
    return fernet().encrypt(plain.encode()).decode() if plain else ""


def decrypt_text(token: str) -> str:
    if not token:
        return ""
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        # Wrong key: show that the value cannot be read rather than the ciphertext.
        return "[unreadable: encryption key mismatch]"


def encrypt_bytes(plain: bytes) -> bytes:
    return fernet().encrypt(plain)


def decrypt_bytes(token: bytes) -> bytes:
    return fernet().decrypt(bytes(token))


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]  # Field is not subscriptable at run time
    """A text field stored as Fernet ciphertext; Python code only ever sees the plain text."""

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return encrypt_text(value) if value else value

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return decrypt_text(value) if value else value

    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()
        # Migrations name the field by its first home (grievances.crypto, kept as a re-export), so
        # moving it here changes no migration, in this branch or any other.
        return name, "rightslens.grievances.crypto.EncryptedTextField", args, kwargs
