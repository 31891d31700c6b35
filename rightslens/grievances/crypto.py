"""Moved to `rightslens.common.crypto`; this name stays because migrations refer to
`rightslens.grievances.crypto.EncryptedTextField`."""

from rightslens.common.crypto import (  # noqa: F401
    DecryptedText,
    EncryptedTextField,
    Sealed,
    decrypt_bytes,
    decrypt_text,
    derive_key,
    encrypt_bytes,
    encrypt_text,
    fernet,
    grievance_keys,
    receipt_key,
    receipt_keys,
    rotate_bytes,
    rotate_text,
)
