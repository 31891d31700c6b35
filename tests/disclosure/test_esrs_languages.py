"""ESRS S4 in French and Spanish: every requirement and datapoint has a translated title and text,
and the ESRS draft page titles requirements and datapoints in the reader's language."""

from __future__ import annotations

import html

import pytest

from rightslens.common.knowledge import knowledge
from rightslens.disclosure.models import EsrsDraft

pytestmark = pytest.mark.django_db
LANGUAGES = ("fr", "es")
YEAR = {"period_start": "2026-01-01", "period_end": "2026-12-31"}


def _items():
    kb = knowledge()
    return kb.by_type("esrs_requirement") + kb.by_type("esrs_datapoint")


def test_every_requirement_and_datapoint_has_french_and_spanish_text():
    items = _items()
    assert len(items) >= 23
    missing = []
    for item in items:
        text = "summary" if item.type == "esrs_requirement" else "description"
        for language in LANGUAGES:
            strings = item.translations.get(language, {})
            for name in ("title", text):
                english = item.title if name == "title" else item.fields[name]
                if not strings.get(name) or strings[name] == english:
                    missing.append(f"{item.id} {language}.{name}")
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_esrs_draft_page_titles_requirements_and_datapoints_in_the_reader_language(
    owner_client, language
):
    assert owner_client.post("/o/acme/disclosure/esrs/new/", YEAR).status_code == 302
    draft = EsrsDraft.objects.get()
    page = owner_client.get(f"/o/acme/disclosure/esrs/{draft.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    shown = " ".join(html.unescape(page.content.decode()).split())
    for item in _items():
        assert item.translations[language]["title"] in shown, item.id
    assert "S4-2 Engaging with consumers" not in shown
