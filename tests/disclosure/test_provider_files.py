"""Uploaded provider files are read: their text is shown and item (d) quotes the risk passage,
with a link back to the provider document."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rightslens.core.disclosure.excerpt import risk_excerpt
from rightslens.disclosure.models import ProviderDocument
from tests.policy.pdfs import scanned_pdf, text_pdf

pytestmark = pytest.mark.django_db

RISK = "The model ranks candidates with career gaps lower, a known risk of indirect bias."


def _upload(client, system, name: str, data: bytes):
    return client.post(
        f"/o/acme/disclosure/systems/{system.pk}/provider/",
        {
            "kind": "instructions",
            "provider": "HireTech",
            "summary": "Instructions for use",
            "file": SimpleUploadedFile(name, data),
        },
    )


def _docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("instructions.pdf", text_pdf(f"Intended use: shortlisting. {RISK}")),
        ("instructions.docx", _docx_bytes("Intended use: shortlisting.", RISK)),
        ("instructions.txt", f"Intended use: shortlisting.\n{RISK}\n".encode()),
    ],
)
def test_an_uploaded_file_is_read_and_item_d_quotes_it_with_a_link(
    owner_client, system, name, data
):
    _upload(owner_client, system, name, data)
    document = ProviderDocument.objects.get(system=system)
    assert "career gaps" in document.file_text
    page = owner_client.get(f"/o/acme/disclosure/provider/{document.pk}/").content.decode()
    assert "Text read from the file" in page and "career gaps" in page
    fria = owner_client.get(f"/o/acme/disclosure/systems/{system.pk}/").content.decode()
    stored = Path(document.file.name).name
    assert stored.startswith(name.split(".")[0]) and stored in fria and f"“{RISK}”" in fria
    assert f"/o/acme/disclosure/provider/{document.pk}/" in fria


def test_a_scanned_pdf_is_refused_with_the_reason_and_nothing_saved(owner_client, system):
    response = _upload(owner_client, system, "scan.pdf", scanned_pdf())
    assert not ProviderDocument.objects.exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("no text layer" in m for m in messages)


def test_the_excerpt_picks_the_risk_passage_and_stays_short():
    text = "Welcome to the product. It is fast. " + RISK + " Contact us." + " Filler." * 200
    assert risk_excerpt(text) == RISK
    assert len(risk_excerpt("risk " * 500)) <= 400
    assert risk_excerpt("") == ""
