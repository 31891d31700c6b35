"""One PDF base: both reports pick their font and clean their text the same way."""

from __future__ import annotations

from rightslens.common import pdf
from rightslens.common.pdf import DocumentPDF, to_latin1


def test_without_a_unicode_font_every_report_falls_back_to_latin1(monkeypatch):
    monkeypatch.setattr(pdf, "FONT_DIRS", ())
    document = DocumentPDF()
    assert (document.unicode, document.body_font) == (False, "Helvetica")
    assert document.clean("“Lumen” → ⚑ œ") == '"Lumen" -> ! oe'


def test_with_dejavu_text_is_kept_exactly_when_the_font_is_there():
    document = DocumentPDF()
    if document.unicode:
        assert document.clean("“ação” ⚑") == "“ação” ⚑"
    else:
        assert document.clean("“ação”") == to_latin1("“ação”")


def test_the_assessment_report_and_the_policy_report_share_the_base():
    from rightslens.assessments.reports.pdf import ReportPDF
    from rightslens.policy.report_pdf import _Writer

    assert issubclass(ReportPDF, DocumentPDF)
    assert isinstance(_Writer().pdf, DocumentPDF)
