"""Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): pure, standard library only.

A code is valid for its 30-second step and one step either side (clock drift). `code_step`
returns which step matched so the caller can refuse a code of a step already used (replay).
"""

from __future__ import annotations

import base64
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

STEP_SECONDS = 30
DIGITS = 6
DRIFT_STEPS = 1
SECRET_BYTES = 20


def new_secret() -> str:
    """A fresh random secret, base32 without padding (as authenticator apps expect)."""
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode().rstrip("=")


def secret_bytes(secret_b32: str) -> bytes:
    cleaned = secret_b32.replace(" ", "").upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def hotp(key: bytes, counter: int, *, digits: int = DIGITS, digest: str = "sha1") -> str:
    mac = hmac.new(key, struct.pack(">Q", counter), digest).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def step_at(unix_time: float) -> int:
    return int(unix_time // STEP_SECONDS)


def totp(key: bytes, unix_time: float, *, digits: int = DIGITS, digest: str = "sha1") -> str:
    return hotp(key, step_at(unix_time), digits=digits, digest=digest)


def code_step(
    secret_b32: str, code: str, unix_time: float, *, after_step: int | None = None
) -> int | None:
    """The step whose code `code` is (within the drift window, later than `after_step`), or None."""
    code = code.strip().replace(" ", "")
    if len(code) != DIGITS or not code.isdigit():
        return None
    key, now = secret_bytes(secret_b32), step_at(unix_time)
    for step in range(now - DRIFT_STEPS, now + DRIFT_STEPS + 1):
        if after_step is not None and step <= after_step:
            continue
        if hmac.compare_digest(hotp(key, step), code):
            return step
    return None


def provisioning_uri(secret_b32: str, *, account: str, issuer: str) -> str:
    """The otpauth:// URI an authenticator app reads (usually from a QR code)."""
    label = quote(f"{issuer}:{account}")
    query = urlencode(
        {
            "secret": secret_b32,
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": DIGITS,
            "period": STEP_SECONDS,
        }
    )
    return f"otpauth://totp/{label}?{query}"
