import io

import pytest
from pypdf import PdfReader

from rightslens.policy import report_pdf, selectors
from rightslens.policy.testing import make_version
from tests.policy.samples import PORTUGUESE_BILL

pytestmark = pytest.mark.django_db


def _context(version):
    analysis = selectors.latest_done_analysis(version)
    return {
        "instrument": version.instrument,
        "version": version,
        "analysis": analysis,
        "findings": selectors.findings_for(analysis),
    }


def _pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split()
    )


@pytest.mark.skipif(report_pdf._font_path() is None, reason="DejaVu Sans is not installed here")
def test_the_pdf_keeps_portuguese_accents_with_a_unicode_font(org, owner):
    version = make_version(
        org, owner, text=PORTUGUESE_BILL, title="Projeto de Lei nº 1234 — proteção"
    )
    text = _pdf_text(report_pdf.render_report_pdf(_context(version)))
    assert "proteção" in text
    assert "não se aplica" in text


def test_without_a_unicode_font_the_pdf_transliterates_and_says_so(org, owner, monkeypatch):
    monkeypatch.setattr("rightslens.common.pdf.FONT_DIRS", ())  # no Unicode font on this server
    version = make_version(org, owner, text=PORTUGUESE_BILL, title="Projeto — “proteção” œuvre")
    text = _pdf_text(report_pdf.render_report_pdf(_context(version)))
    assert "transliterated" in text
    assert "proteção" in text  # Latin-1 characters survive the core font
    assert "oeuvre" in text


def test_to_latin1_maps_what_latin1_lacks():
    assert report_pdf.to_latin1("“ação” — œ ✓") == '"ação" - oe ?'


def test_the_pdf_report_names_each_criterions_sources_and_basis(org, owner):
    version = make_version(org, owner, text=PORTUGUESE_BILL)
    text = _pdf_text(report_pdf.render_report_pdf(_context(version)))
    assert "Basis: UNGP requirement" in text
    assert "Guiding Principles on Business and Human Rights" in text


@pytest.mark.parametrize(
    ("language", "wanted", "english"),
    [
        ("fr", ["Tableau d'alignement sur les Principes directeurs", "Fondement :"], "Basis:"),
        ("es", ["Cuadro de alineación con los Principios Rectores", "Fundamento:"], "Basis:"),
    ],
)
def test_the_pdf_report_has_its_fixed_text_in_the_reader_language(
    org, owner, language, wanted, english
):
    from django.utils import translation

    version = make_version(org, owner, text=PORTUGUESE_BILL)
    with translation.override(language):
        text = _pdf_text(report_pdf.render_report_pdf(_context(version)))
    for phrase in wanted:
        assert phrase in text, phrase
    assert english not in text and "UNGP alignment scorecard" not in text
