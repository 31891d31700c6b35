"""Backup, restore and key rotation: encrypted data stays encrypted, a wrong key changes nothing.

Runs on whichever database the suite uses (SQLite or PostgreSQL): only the ORM and management
commands are used, and data is committed (transaction=True) as in a real restore.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from rightslens.accounts.models import Organisation
from rightslens.cli import main as cli
from rightslens.engagement.models import Stakeholder
from rightslens.grievances.crypto import decrypt_bytes
from rightslens.grievances.models import ComplainantIdentity, Grievance, GrievanceAttachment
from rightslens.grievances.services import grievance_find, grievance_submit
from rightslens.grievances.testing import PNG_BYTES
from rightslens.ops.backup import BackupError, backup_check, backup_restore
from rightslens.ops.rotation import RotationError, keys_rotate
from rightslens.procurement.evidence import evidence_bytes
from rightslens.procurement.models import Counterparty, Evidence, QuestionnaireRequest

pytestmark = pytest.mark.django_db(transaction=True)
CONTENT = "Backup-test complaint 5RT about the scoring tool"
NAME = "Philomena Backupwright"
EVIDENCE = b"%PDF-1.7 vendor audit 7KQ: confidential findings"
CONTACT = "philomena@example.org"


@pytest.fixture
def filed(tmp_path: Path, settings) -> tuple[Organisation, str]:
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "evidence").mkdir(parents=True)
    (tmp_path / "media" / "evidence" / "policy.txt").write_bytes(b"an uploaded file")
    org = Organisation.objects.create(name="Acme AI", slug="acme")
    _grievance, code = grievance_submit(
        organisation=org,
        content=CONTENT,
        language="en",
        name=NAME,
        contact=CONTACT,
        attachment=SimpleUploadedFile("p.png", PNG_BYTES, "image/png"),
    )
    _evidence_file(org)
    return org, code


def _evidence_file(org: Organisation) -> Evidence:
    """A counterparty's evidence file, stored as the questionnaire link stores one (encrypted)."""
    from rightslens.common.crypto import encrypt_bytes

    counterparty = Counterparty.objects.create(organisation=org, name="Vendor", kind="vendor")
    request = QuestionnaireRequest.objects.create(
        organisation=org,
        counterparty=counterparty,
        questionnaire_id="qn-vendor-dd",
        token_hash="0" * 64,
        expires_at=timezone.now() + dt.timedelta(days=7),
    )
    return Evidence.objects.create(
        organisation=org,
        request=request,
        question_id="q-vendor-hria-report",
        filename="audit.pdf",
        content_type="application/pdf",
        size=len(EVIDENCE),
        content=encrypt_bytes(EVIDENCE),
    )


def _raw_columns() -> str:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT "name", "contact" FROM "{ComplainantIdentity._meta.db_table}"')
        return str(cursor.fetchall())


def _member(archive: Path, name: str) -> bytes:
    with tarfile.open(archive) as tar:
        return tar.extractfile(name).read()


def test_dumpdata_emits_ciphertext_never_identities(filed):
    out = io.StringIO()
    call_command("dumpdata", "grievances", "engagement", format="json", stdout=out)
    dumped = out.getvalue()
    for secret in (CONTENT, NAME, CONTACT):
        assert secret not in dumped
    assert json.loads(dumped)  # still a valid fixture


def test_backup_and_restore_round_trip(filed, tmp_path, settings):
    org, code = filed
    Stakeholder.objects.create(organisation=org, name="Workers' union", contact="union@example.org")
    archive = tmp_path / "rightslens.tar.gz"
    assert cli(["backup", str(archive)]) == 0
    assert archive.stat().st_mode & 0o077 == 0
    data = _member(archive, "data.json").decode()
    for secret in (CONTENT, NAME, CONTACT, "union@example.org"):
        assert secret not in data
    # Binary fields are serialised as base64: the evidence file is there only as ciphertext.
    assert base64.b64encode(EVIDENCE).decode() not in data
    assert "vendor audit 7KQ" not in data
    assert _member(archive, "media/evidence/policy.txt") == b"an uploaded file"

    # Lose everything, then restore.
    Organisation.objects.all().delete()
    (tmp_path / "media" / "evidence" / "policy.txt").unlink()
    assert cli(["restore", str(archive), "--yes"]) == 0

    grievance = Grievance.objects.get()
    assert grievance.content == CONTENT
    assert (grievance.identity.name, grievance.identity.contact) == (NAME, CONTACT)
    assert decrypt_bytes(GrievanceAttachment.objects.get().data) == PNG_BYTES
    assert evidence_bytes(Evidence.objects.get()) == EVIDENCE
    assert Stakeholder.objects.get().contact == "union@example.org"
    assert NAME not in _raw_columns()
    assert grievance_find(organisation=grievance.organisation, code=code) == grievance
    assert (tmp_path / "media" / "evidence" / "policy.txt").read_bytes() == b"an uploaded file"


def test_a_backup_under_another_key_is_refused_before_anything_changes(filed, tmp_path, settings):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive))
    Grievance.objects.update(language="fr")  # a change the restore would undo
    settings.GRIEVANCE_KEY = "a-different-grievance-key"
    with pytest.raises(BackupError, match="does not match this server's grievance key"):
        backup_restore(path=archive)
    assert cli(["restore", str(archive), "--yes"]) == 1
    assert Grievance.objects.get().language == "fr"


def test_an_altered_backup_is_refused(filed, tmp_path):
    archive, altered = tmp_path / "b.tar.gz", tmp_path / "altered.tar.gz"
    call_command("backup", str(archive))
    with tarfile.open(archive) as src, tarfile.open(altered, "w:gz") as dst:
        for member in src.getmembers():
            body = src.extractfile(member).read()
            if member.name == "data.json":
                body = body.replace(b'"en"', b'"xx"')
                member.size = len(body)
            dst.addfile(member, io.BytesIO(body))
    with pytest.raises(BackupError, match="altered"):
        backup_check(path=altered)


def test_key_rotation_re_encrypts_everything_and_the_old_key_can_go(filed, settings):
    org, code = filed
    before_raw = _raw_columns()
    before_attachment = bytes(GrievanceAttachment.objects.get().data)
    before_evidence = bytes(Evidence.objects.get().content)
    old = settings.GRIEVANCE_KEY
    settings.GRIEVANCE_KEY, settings.GRIEVANCE_OLD_KEYS = "the-new-grievance-key-2027", [old]
    rotated = keys_rotate()
    assert rotated.values >= 3 and rotated.attachments == 1 and rotated.evidence_files == 1
    assert _raw_columns() != before_raw
    assert bytes(GrievanceAttachment.objects.get().data) != before_attachment
    assert bytes(Evidence.objects.get().content) != before_evidence
    # The complainant's next follow-up moves the receipt digest to the new key.
    assert Client().post("/g/acme/follow/", {"code": code}).status_code == 200

    settings.GRIEVANCE_OLD_KEYS = []
    grievance = Grievance.objects.get()
    assert grievance.content == CONTENT and grievance.identity.name == NAME
    assert decrypt_bytes(GrievanceAttachment.objects.get().data) == PNG_BYTES
    assert evidence_bytes(Evidence.objects.get()) == EVIDENCE
    assert grievance_find(organisation=org, code=code) == grievance


def test_a_rotation_that_cannot_read_a_value_changes_nothing(filed, settings):
    before = _raw_columns()
    settings.GRIEVANCE_KEY = "a-key-that-reads-nothing"
    with pytest.raises(RotationError, match="cannot be read"):
        keys_rotate()
    assert _raw_columns() == before


def test_a_rotation_that_cannot_read_an_evidence_file_changes_nothing(filed, settings):
    Evidence.objects.update(content=b"not a token: stored before encryption")
    before_raw, before_attachment = _raw_columns(), bytes(GrievanceAttachment.objects.get().data)
    old = settings.GRIEVANCE_KEY
    settings.GRIEVANCE_KEY, settings.GRIEVANCE_OLD_KEYS = "the-new-grievance-key-2027", [old]
    with pytest.raises(RotationError, match="Procurement evidence file"):
        keys_rotate()
    assert _raw_columns() == before_raw
    assert bytes(GrievanceAttachment.objects.get().data) == before_attachment


def test_the_migration_encrypts_stored_evidence_once(filed):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("rightslens.procurement.migrations.0004_encrypt_evidence_at_rest")
    Evidence.objects.update(content=EVIDENCE)  # as stored before this change
    migration.encrypt(apps, None)
    once = bytes(Evidence.objects.get().content)
    assert EVIDENCE not in once and evidence_bytes(Evidence.objects.get()) == EVIDENCE
    migration.encrypt(apps, None)  # already encrypted: left as it is
    assert bytes(Evidence.objects.get().content) == once
    migration.decrypt(apps, None)
    assert bytes(Evidence.objects.get().content) == EVIDENCE
