"""manage.py rotate_grievance_key: re-encrypt everything under the current grievance key."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rightslens.ops.rotation import RotationError, keys_rotate


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field and grievance attachment under RIGHTSLENS_GRIEVANCE_KEY, "
        "reading old values with RIGHTSLENS_GRIEVANCE_OLD_KEYS. All or nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.GRIEVANCE_OLD_KEYS:
            self.stdout.write(
                "No RIGHTSLENS_GRIEVANCE_OLD_KEYS set: everything is re-encrypted under the "
                "current key, which changes nothing readable."
            )
        try:
            rotated = keys_rotate()
        except RotationError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Re-encrypted {rotated.values} values, {rotated.attachments} attachments and "
            f"{rotated.evidence_files} evidence files under the current key. Keep the old key in RIGHTSLENS_GRIEVANCE_OLD_KEYS while open "
            "cases may be followed up (receipt digests move to the new key on their next use)."
        )
