"""Evidence files a counterparty uploads are stored encrypted, like grievance attachments.

The same key and mechanism (rightslens.common.crypto, Fernet under the grievance key), so backups
carry them as ciphertext and `rotate-key` re-encrypts them with everything else.
"""

from __future__ import annotations

from rightslens.common.crypto import decrypt_bytes

from .models import Evidence


def evidence_bytes(evidence: Evidence) -> bytes:
    """The file as uploaded (InvalidToken if no configured key reads it)."""
    return decrypt_bytes(bytes(evidence.content))
