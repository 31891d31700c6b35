"""Small PDFs generated with fpdf2 for the tests."""

from fpdf import FPDF

from rightslens.policy.report_pdf import _font_path


def text_pdf(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    font = _font_path()
    if font:
        pdf.add_font("body", "", str(font))
        pdf.set_font("body", size=11)
    else:
        pdf.set_font("helvetica", size=11)
    for line in text.splitlines():
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A page with only a drawing: like a scan, it has no text layer."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())
