"""Zip containers (DOCX, XLSX, ZIP) are measured before anything parses them: a small file that
would expand to hundreds of megabytes is refused on every upload that takes one, naming the
field, and nothing is stored."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rightslens.common.uploads import (
    MAX_ARCHIVE_ENTRIES,
    MB,
    UploadPolicy,
    archive_problem,
    upload_check,
)
from rightslens.errors import FieldErrors


def zip_bomb(expanded_mb: int = 120) -> bytes:
    """A few hundred KB that expands to `expanded_mb` MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            chunk = b"\0" * MB
            for _ in range(expanded_mb):
                entry.write(chunk)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    data = zip_bomb()
    assert len(data) < 1 * MB  # small on the wire …
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # … huge when opened
        assert sum(i.file_size for i in archive.infolist()) > 100 * MB
    return data


def _never_parse(monkeypatch) -> None:
    """Parsing a bomb is what the check prevents: fail the test if any parser is reached."""
    import openpyxl

    from rightslens.core.policy import ingest

    def parsed(*_args, **_kwargs):
        raise AssertionError("the file was parsed before it was measured")

    monkeypatch.setattr(ingest, "_docx", parsed)
    monkeypatch.setattr(openpyxl, "load_workbook", parsed)


def test_the_policy_refuses_a_bomb_with_any_zip_type_naming_the_field(bomb):
    for name in ("bomb.docx", "bomb.xlsx", "bomb.zip"):
        kind = name.rsplit(".", 1)[1]
        policy = UploadPolicy(kinds=(kind,), max_bytes=5 * MB, field="evidence")
        with pytest.raises(FieldErrors) as refused:
            upload_check(SimpleUploadedFile(name, bomb), policy=policy)
        assert "expand to 120 MB" in refused.value.fields["evidence"]


def test_limits_on_ratio_and_entry_count():
    honest = io.BytesIO()
    with zipfile.ZipFile(honest, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "some words " * 100)
    assert archive_problem(honest.getvalue()) == ""
    squeezed = io.BytesIO()
    with zipfile.ZipFile(squeezed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros", b"\0" * (5 * MB))  # 5 MB: under the size limit, ratio ~1000
    assert "compressed more than 100 times" in archive_problem(squeezed.getvalue())
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        for number in range(MAX_ARCHIVE_ENTRIES + 1):
            archive.writestr(f"part{number}", "")
    assert "the limit is 2,000" in archive_problem(many.getvalue())


def test_the_policy_checker_refuses_a_bomb_and_stores_nothing(owner_client, bomb, monkeypatch):
    from rightslens.policy.models import Instrument

    _never_parse(monkeypatch)
    form = {"title": "Bill", "jurisdiction": "Brazil", "kind": "law", "binding": "1"}
    upload = SimpleUploadedFile("bill.docx", bomb)
    response = owner_client.post("/o/acme/policy/", form | {"file": upload})
    assert response.status_code == 400
    assert "expand to 120 MB" in response.content.decode()
    assert not Instrument.objects.exists()


def test_a_provider_file_bomb_is_refused_and_nothing_is_saved(owner_client, org, bomb):
    """The provider form reports on the system's page (after a redirect), naming the field."""
    from rightslens.disclosure.models import ProviderDocument
    from rightslens.inventory.testing import make_system

    system = make_system(org)
    form = {"kind": "instructions", "provider": "HireTech", "summary": "x"}
    upload = SimpleUploadedFile("provider.docx", bomb)
    response = owner_client.post(
        f"/o/acme/disclosure/systems/{system.pk}/provider/", form | {"file": upload}, follow=True
    )
    assert "not saved: file: This file would expand to 120 MB" in response.content.decode()
    assert not ProviderDocument.objects.exists()


def test_an_import_bomb_is_refused_and_nothing_is_imported(owner_client, bomb, monkeypatch):
    from rightslens.inventory.models import AISystem

    _never_parse(monkeypatch)
    upload = SimpleUploadedFile("systems.xlsx", bomb)
    response = owner_client.post("/o/acme/import/", {"kind": "inventory", "file": upload})
    assert response.status_code == 400
    assert "File: This file would expand to 120 MB" in response.content.decode()
    assert not AISystem.objects.exists()


def test_the_import_reader_measures_workbooks_given_on_the_command_line(monkeypatch):
    from rightslens.imports.reading import FileProblem, read_rows

    _never_parse(monkeypatch)
    small_bomb = zip_bomb(expanded_mb=60)  # under the reader's 2 MB file limit
    with pytest.raises(FileProblem, match="expand to 60 MB"):
        read_rows("systems.xlsx", small_bomb)
