"""Encryption at rest for complainants' identities, grievance text and stakeholder contacts.

The key is settings.GRIEVANCE_KEY, kept outside the database (environment or var/). Someone who
steals only the database sees ciphertext and keyed hashes, never names, contacts or complaints.
During a key rotation, settings.GRIEVANCE_OLD_KEYS still read what the old keys wrote.

Dumps (`dumpdata`, backups) carry the ciphertext, never the plain text: the field serialises as
ciphertext, and a value loaded back from a dump arrives as `Sealed` and is stored as it is.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import models


def derive_key(purpose: bytes, secret: str | None = None) -> bytes:
    """A 32-byte key for one purpose, derived from the grievance key (or the `secret` given)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(
        (secret or settings.GRIEVANCE_KEY).encode()
    )


def grievance_keys() -> list[str]:
    """The current key first, then older keys still accepted for reading."""
    return [settings.GRIEVANCE_KEY, *getattr(settings, "GRIEVANCE_OLD_KEYS", [])]


@lru_cache(maxsize=8)
def _fernet(*secrets: str) -> MultiFernet:
    return MultiFernet(
        [
            Fernet(base64.urlsafe_b64encode(derive_key(b"rightslens grievance fernet v1", s)))
            for s in secrets
        ]
    )


def fernet() -> MultiFernet:
    """Encrypts with the current key; decrypts with the current or any old key."""
    return _fernet(*grievance_keys())


def receipt_key() -> bytes:
    """The HMAC key for receipt-code digests (separate from the encryption key)."""
    return derive_key(b"rightslens receipt digest v1")


def receipt_keys() -> list[bytes]:
    """Receipt-digest keys, current first: digests made under an old key still match."""
    return [derive_key(b"rightslens receipt digest v1", s) for s in grievance_keys()]


def rotate_text(token: str) -> str:
    """The same plain text encrypted under the current key; InvalidToken if no key reads it."""
    return fernet().rotate(token.encode()).decode() if token else token


def rotate_bytes(token: bytes) -> bytes:
    return fernet().rotate(bytes(token))


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


class Sealed(str):
    """Ciphertext arriving from a dump or a rotation: stored as it is, never encrypted again."""


class DecryptedText(str):
    """Plain text read from the database, remembering the ciphertext it came from."""

    ciphertext: str

    def __new__(cls, plain: str, ciphertext: str) -> DecryptedText:
        text = super().__new__(cls, plain)
        text.ciphertext = ciphertext
        return text


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]  # Field is not subscriptable at run time
    """A text field stored as Fernet ciphertext; Python code only ever sees the plain text,
    and serialisers only ever see the ciphertext."""

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, Sealed):
            return str(value)
        value = super().get_prep_value(value)
        return encrypt_text(value) if value else value

    def to_python(self, value: Any) -> Any:
        return value if isinstance(value, Sealed) else super().to_python(value)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return DecryptedText(decrypt_text(value), value) if value else value

    def value_to_string(self, obj: Any) -> str:
        """The ciphertext (the stored one when there is one): dumps never hold plain text."""
        value = self.value_from_object(obj)
        if not value:
            return ""
        return getattr(value, "ciphertext", None) or encrypt_text(str(value))

    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()
        # Migrations name the field by its first home (grievances.crypto, kept as a re-export), so
        # moving it here changes no migration.
        return name, "rightslens.grievances.crypto.EncryptedTextField", args, kwargs
