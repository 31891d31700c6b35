"""Signed backups that keep encrypted fields encrypted, and a restore that checks before it writes.

An archive (tar.gz) holds:
- `manifest.json`: format, version, when, the grievance key's fingerprint, the applied
  migrations, and the SHA-256 and size of every other member;
- `signature`: HMAC-SHA256 of the manifest with a key derived from the grievance key;
- `data.json`: every row (encrypted fields as ciphertext, attachments as their encrypted bytes);
- `media/…`: the uploaded files.

Restore verifies the signature and every member's hash before it changes anything: a backup made
under another key, or altered, is refused with the database untouched.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from rightslens.common.crypto import derive_key, grievance_keys

FORMAT = "rightslens-backup"
VERSION = 1
# Rebuilt by migrate (contenttypes, permissions) or not worth keeping (sessions).
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]


class BackupError(Exception):
    """A backup that cannot be restored here; nothing was changed."""


@dataclass(frozen=True)
class Restored:
    rows: int
    media_files: int


def _signing_key(secret: str | None = None) -> bytes:
    return derive_key(b"rightslens backup signature v1", secret)


def key_fingerprint(secret: str | None = None) -> str:
    """Names a key without revealing it: shows which key a backup needs."""
    return hmac.new(derive_key(b"rightslens key id v1", secret), b"id", "sha256").hexdigest()[:16]


def _sign(manifest: bytes, secret: str | None = None) -> str:
    return hmac.new(_signing_key(secret), manifest, hashlib.sha256).hexdigest()


def _applied_migrations() -> list[str]:
    return sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    )


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _dump() -> bytes:
    out = io.StringIO()
    call_command(
        "dumpdata",
        format="json",
        natural_foreign=True,
        exclude=EXCLUDED,
        stdout=out,
        verbosity=0,
    )
    return out.getvalue().encode()


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup_write(*, path: Path) -> dict[str, Any]:
    """Write a signed archive to `path` (created 0600); return its manifest."""
    members = {"data.json": _dump()}
    root = Path(settings.MEDIA_ROOT)
    for file in _media_files():
        members["media/" + file.relative_to(root).as_posix()] = file.read_bytes()
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(),
        "key": key_fingerprint(),
        "migrations": _applied_migrations(),
        "members": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in members.items()
        },
    }
    raw = json.dumps(manifest, sort_keys=True, indent=1).encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle, tarfile.open(fileobj=handle, mode="w:gz") as archive:
        _add(archive, "manifest.json", raw)
        _add(archive, "signature", _sign(raw).encode())
        for name, data in members.items():
            _add(archive, name, data)
    return manifest


# ---- restore ----


def _read_members(path: Path) -> dict[str, bytes]:
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            return {
                m.name: archive.extractfile(m).read()  # type: ignore[union-attr]
                for m in archive.getmembers()
                if m.isfile()
            }
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"{path} is not a RightsLens backup archive ({exc}).") from exc


def _verified_manifest(members: dict[str, bytes]) -> dict[str, Any]:
    raw, signature = members.get("manifest.json"), members.get("signature", b"").decode()
    if raw is None or not signature:
        raise BackupError("This archive has no signed manifest: it is not a RightsLens backup.")
    if not any(hmac.compare_digest(_sign(raw, key), signature) for key in grievance_keys()):
        fingerprint = json.loads(raw).get("key", "?") if raw.startswith(b"{") else "?"
        raise BackupError(
            f"The signature does not match this server's grievance key (the backup needs key "
            f"{fingerprint}, this server has {key_fingerprint()}), or the archive was altered. "
            "Nothing was restored."
        )
    manifest: dict[str, Any] = json.loads(raw)
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError("Unknown backup format or version. Nothing was restored.")
    return manifest


def _check_members(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
    listed = manifest["members"]
    extra = set(members) - set(listed) - {"manifest.json", "signature"}
    if extra or set(listed) - set(members):
        raise BackupError("The archive's files differ from its manifest. Nothing was restored.")
    for name, expected in listed.items():
        if hashlib.sha256(members[name]).hexdigest() != expected["sha256"]:
            raise BackupError(f"{name} was altered after the backup. Nothing was restored.")
        parts = PurePosixPath(name).parts
        if name != "data.json" and (parts[0] != "media" or ".." in parts or name.startswith("/")):
            raise BackupError(f"Unexpected path {name!r} in the archive. Nothing was restored.")


def _check_schema(manifest: dict[str, Any]) -> None:
    missing = set(manifest["migrations"]) - set(_applied_migrations())
    if missing:
        raise BackupError(
            f"This database lacks {len(missing)} migration(s) the backup was made with (e.g. "
            f"{sorted(missing)[0]}): run `manage.py migrate` first. Nothing was restored."
        )


def backup_check(*, path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The verified manifest and members; BackupError before anything is changed."""
    members = _read_members(path)
    manifest = _verified_manifest(members)
    _check_members(manifest, members)
    _check_schema(manifest)
    return manifest, members


def _write_media(members: dict[str, bytes]) -> int:
    root = Path(settings.MEDIA_ROOT)
    count = 0
    for name, data in members.items():
        if not name.startswith("media/"):
            continue
        target = root / PurePosixPath(name).relative_to("media")
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        count += 1
    return count


def backup_restore(*, path: Path) -> Restored:
    """Replace the database's content (and media) with the backup's, in one transaction."""
    _manifest, members = backup_check(path=path)
    with tempfile.TemporaryDirectory() as folder:
        fixture = Path(folder) / "data.json"
        fixture.write_bytes(members["data.json"])
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(fixture), verbosity=0)
    rows = len(json.loads(members["data.json"]))
    return Restored(rows=rows, media_files=_write_media(members))
