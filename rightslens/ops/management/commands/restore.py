"""manage.py restore PATH: replace the database and media with a verified backup."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rightslens.ops.backup import BackupError, backup_check, backup_restore


class Command(BaseCommand):
    help = (
        "Check a backup's signature and files, then replace ALL data with it. "
        "A backup made under another grievance key is refused before anything changes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--check", action="store_true", help="Only verify the archive; change nothing."
        )
        parser.add_argument(
            "--yes", action="store_true", help="Replace the current data without asking."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest, _members = backup_check(path=options["path"])
            if options["check"]:
                self.stdout.write(f"Backup of {manifest['created_at']} verified.")
                return
            if not options["yes"] and input("Replace ALL current data? [y/N] ").lower() != "y":
                raise CommandError("Not restored.")
            restored = backup_restore(path=options["path"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored {restored.rows} rows and {restored.media_files} media files "
            f"from the backup of {manifest['created_at']}."
        )
