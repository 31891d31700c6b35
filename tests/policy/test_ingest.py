import io

import docx
import pytest

from rightslens.core.policy import ingest
from rightslens.core.policy.ingest import IngestError, extract
from tests.policy.pdfs import scanned_pdf, text_pdf
from tests.policy.samples import PORTUGUESE_BILL


def test_a_pdf_with_a_text_layer_is_extracted_with_accents():
    result = extract("bill.pdf", text_pdf(PORTUGUESE_BILL))
    assert result.kind == "pdf" and result.pages == 1
    assert "avaliação de impacto" in " ".join(result.text.split())


def test_a_scanned_pdf_is_refused_with_a_specific_message():
    with pytest.raises(IngestError, match="no text layer"):
        extract("scan.pdf", scanned_pdf())


def test_an_empty_file_is_refused():
    with pytest.raises(IngestError, match="empty"):
        extract("empty.txt", b"")


def test_a_wrong_type_is_refused_naming_the_type():
    with pytest.raises(IngestError, match=r"'\.xlsx' cannot be read"):
        extract("sheet.xlsx", b"PK\x03\x04 spreadsheet bytes")


def test_an_oversize_file_is_refused(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    with pytest.raises(IngestError, match="limit is"):
        extract("big.txt", b"x" * 200)


def test_too_much_pasted_text_is_refused_on_the_text_field():
    with pytest.raises(IngestError) as caught:
        ingest.check_text_size("x" * (ingest.MAX_CHARS + 1), field="text")
    assert caught.value.field == "text"


def test_a_damaged_pdf_is_refused():
    with pytest.raises(IngestError, match="could not be read"):
        extract("bad.pdf", b"%PDF-1.4 garbage with no objects")


def test_docx_paragraphs_are_extracted():
    document = docx.Document()
    document.add_paragraph("Article 1")
    document.add_paragraph("Le fournisseur doit réaliser une analyse d'impact.")
    buffer = io.BytesIO()
    document.save(buffer)
    result = extract("decree.docx", buffer.getvalue())
    assert result.kind == "docx"
    assert "Article 1\nLe fournisseur doit réaliser" in result.text


def test_html_text_is_extracted_without_scripts():
    html = b"<html><head><script>var x=1;</script></head><body><h1>Art. 1</h1><p>Providers shall report &amp; publish.</p></body></html>"
    result = extract("page.html", html)
    assert "Providers shall report & publish." in result.text
    assert "var x" not in result.text
