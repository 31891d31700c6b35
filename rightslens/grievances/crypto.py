"""Moved to `rightslens.common.crypto`; this name stays because migrations refer to
`rightslens.grievances.crypto.EncryptedTextField`."""

from rightslens.common.crypto import (  # noqa: F401
    EncryptedTextField,
    decrypt_bytes,
    decrypt_text,
    encrypt_bytes,
    encrypt_text,
    fernet,
    receipt_key,
)
