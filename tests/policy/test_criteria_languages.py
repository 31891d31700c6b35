"""The policy criteria in French and Spanish: the library gives every criterion's reader-facing text in
both languages, and the scorecard, report, briefing and PDF show it to a French or Spanish reader in
place of the English stored with the finding."""

from __future__ import annotations

import html
import io

import pytest
from docx import Document
from pypdf import PdfReader

from rightslens.common.knowledge import knowledge
from rightslens.core.knowledge import Item
from rightslens.policy.models import CriterionFinding
from rightslens.policy.testing import make_version

LANGUAGES = ("fr", "es")
PAGES = {"scorecard": "", "report": "report/"}
TEXT_FIELDS = ("title", "summary", "addressed", "partial", "absent", "contrary", "recommendation")
# Article 2 is a blanket security exclusion, so the law has gaps (and recommendations) to show.
LAW = (
    "Article 1\nProviders shall carry out a human rights impact assessment before deployment.\n\n"
    "Article 2\nThis Act shall not apply to AI systems used for national security or defence.\n\n"
    "Article 3\nProviders shall publish a summary of the assessment.\n"
)


def _criteria() -> list[Item]:
    return knowledge().by_type("alignment_criterion")


def _english(item: Item, name: str) -> str:
    return item.title if name == "title" else str(item.fields[name])


def _flat(text: str) -> str:
    return " ".join(html.unescape(text).replace("\u2019", "'").split())


def test_every_criterion_has_french_and_spanish_text_for_each_reader_facing_field():
    criteria = _criteria()
    assert len(criteria) >= 21
    missing = [
        f"{item.id} {language}.{name}"
        for item in criteria
        for language in LANGUAGES
        for name in TEXT_FIELDS
        if not item.translations.get(language, {}).get(name)
        or item.translations[language][name] == _english(item, name)
    ]
    assert missing == []


def test_translations_leave_the_signals_alone():
    for item in _criteria():
        for strings in item.translations.values():
            assert "signals" not in strings


def _gap(version) -> CriterionFinding:
    """A finding with a recommendation (a gap), so title and recommendation are both shown."""
    finding = version.latest_analysis().findings.exclude(recommendation="").order_by("pk").first()
    assert finding is not None
    return finding


def _translated(finding: CriterionFinding, language: str) -> tuple[str, str]:
    item = knowledge().get(finding.code)
    assert item is not None
    return item.translations[language]["title"], item.translations[language]["recommendation"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", ["scorecard", "report"])
def test_scorecard_and_report_show_criteria_in_the_reader_language(
    org, owner, owner_client, language, page
):
    version = make_version(org, owner, text=LAW)
    gap = _gap(version)
    title, recommendation = _translated(gap, language)
    url = f"/o/{org.slug}/policy/versions/{version.pk}/{PAGES[page]}"
    shown = _flat(owner_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode())
    assert _flat(title) in shown and _flat(recommendation) in shown
    assert gap.title not in shown and _flat(gap.recommendation) not in shown


@pytest.mark.django_db
def test_an_english_reader_still_sees_the_stored_english(org, owner, owner_client):
    version = make_version(org, owner, text=LAW)
    gap = _gap(version)
    url = f"/o/{org.slug}/policy/versions/{version.pk}/"
    shown = _flat(owner_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert gap.title in shown and _flat(gap.recommendation) in shown


def _pdf_text(data: bytes) -> str:
    return _flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def _docx_text(data: bytes) -> str:
    return _flat("\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("document", ["briefing.docx", "briefing.pdf", "report.pdf"])
def test_briefing_and_report_documents_show_criteria_in_the_reader_language(
    org, owner, owner_client, language, document
):
    version = make_version(org, owner, text=LAW)
    gap = _gap(version)
    title, _ = _translated(gap, language)
    url = f"/o/{org.slug}/policy/versions/{version.pk}/{document}"
    response = owner_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    read = _docx_text if document.endswith(".docx") else _pdf_text
    text = read(response.content)
    assert _flat(title) in text
    assert gap.title not in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_smart_mix_map_names_its_gaps_in_the_reader_language(
    org, owner, owner_client, language
):
    from rightslens.policy.selectors import smart_mix_map

    make_version(org, owner, text=LAW)
    mix = smart_mix_map(organisation=org, jurisdiction="Testland")
    assert mix.gaps
    url = f"/o/{org.slug}/policy/map/?jurisdiction=Testland"
    shown = _flat(owner_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode())
    for code in mix.gaps:
        item = knowledge().get(code)
        assert item is not None
        assert _flat(item.translations[language]["title"]) in shown
        assert mix.titles[code] not in shown
