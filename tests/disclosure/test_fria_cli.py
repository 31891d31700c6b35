"""`rightslens fria export`: JSON with one key per item, DOCX and PDF files."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document

from rightslens.cli import main

pytestmark = pytest.mark.django_db


def test_json_export_has_items_a_to_f_with_text_sources_and_gaps(system, impact, capsysbinary):
    assert (
        main(["fria", "export", "--org", "acme", "--system", str(system.pk), "--format", "json"])
        == 0
    )
    document = json.loads(capsysbinary.readouterr().out)
    for key in "abcdef":
        assert set(document[key]) >= {"text", "sources", "gaps"}
    assert {"type": "impact", "id": impact.pk} in document["d"]["sources"]
    assert "no human oversight measure recorded" in document["e"]["gaps"]


def test_docx_and_pdf_exports_write_files(system, tmp_path):
    docx, pdf = tmp_path / "fria.docx", tmp_path / "fria.pdf"
    base = ["fria", "export", "--org", "acme", "--system", str(system.pk)]
    assert main([*base, "--format", "docx", "--output", str(docx)]) == 0
    assert main([*base, "--format", "pdf", "--output", str(pdf)]) == 0
    assert "(a) The process the system is used in" in [
        p.text for p in Document(io.BytesIO(docx.read_bytes())).paragraphs
    ]
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_system_of_another_organisation_is_not_found(other_org, system, capsys):
    assert main(["fria", "export", "--org", other_org.slug, "--system", str(system.pk)]) == 1
    assert "No system" in capsys.readouterr().err
