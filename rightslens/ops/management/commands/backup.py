"""manage.py backup PATH: a signed archive of the database and media, encrypted fields kept encrypted."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from rightslens.ops.backup import backup_write


class Command(BaseCommand):
    help = "Write a signed backup archive (tar.gz) of the database and media files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Where to write the archive (created 0600).")

    def handle(self, *args: Any, **options: Any) -> None:
        manifest = backup_write(path=options["path"])
        self.stdout.write(
            f"Backup written to {options['path']}: {len(manifest['members'])} files, "
            f"grievance key {manifest['key']} (keep that key: the backup cannot be read without it)."
        )
