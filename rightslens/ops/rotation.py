"""Re-encrypt every encrypted field, grievance attachment and procurement evidence file under the
current grievance key.

Run with the new key in RIGHTSLENS_GRIEVANCE_KEY and the old one in RIGHTSLENS_GRIEVANCE_OLD_KEYS.
All or nothing: a value that no configured key can read stops the rotation, and nothing changes.
Receipt-code digests cannot be re-keyed (the codes are never stored): each moves to the new key
when its complainant next follows up, so keep the old key in RIGHTSLENS_GRIEVANCE_OLD_KEYS while
open cases may still be followed up.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.fernet import InvalidToken
from django.apps import apps
from django.db import models, transaction

from rightslens.common.crypto import EncryptedTextField, Sealed, rotate_bytes, rotate_text
from rightslens.grievances.models import GrievanceAttachment
from rightslens.procurement.models import Evidence


class RotationError(Exception):
    """A value no configured key can read; nothing was changed."""


@dataclass(frozen=True)
class Rotated:
    values: int
    attachments: int
    evidence_files: int = 0


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


def _rotate_rows(model: type[models.Model], names: list[str]) -> int:
    count = 0
    for row in model._default_manager.all().iterator():
        changes = {}
        for name in names:
            value = getattr(row, name)
            if value:
                try:
                    changes[name] = Sealed(rotate_text(value.ciphertext))
                except InvalidToken as exc:
                    raise RotationError(
                        f"{model._meta.label} #{row.pk}: {name} cannot be read with any configured "
                        "key. Nothing was changed."
                    ) from exc
        if changes:
            model._default_manager.filter(pk=row.pk).update(**changes)
            count += len(changes)
    return count


def _rotate_binary(model: type[models.Model], column: str, noun: str) -> int:
    count = 0
    manager = model._default_manager
    for pk, data in manager.values_list("pk", column).iterator():
        try:
            rotated = rotate_bytes(bytes(data))
        except InvalidToken as exc:
            raise RotationError(
                f"{noun} #{pk} cannot be read with any configured key. Nothing was changed."
            ) from exc
        manager.filter(pk=pk).update(**{column: rotated})
        count += 1
    return count


@transaction.atomic
def keys_rotate() -> Rotated:
    values = sum(_rotate_rows(model, names) for model, names in encrypted_fields())
    return Rotated(
        values=values,
        attachments=_rotate_binary(GrievanceAttachment, "data", "Grievance attachment"),
        evidence_files=_rotate_binary(Evidence, "content", "Procurement evidence file"),
    )
