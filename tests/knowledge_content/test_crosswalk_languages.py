"""Crosswalks in French and Spanish: the due-diligence steps (title and summary) and every framework
and framework element title are translated, and the hub shows them to a French or Spanish reader."""

from __future__ import annotations

import html

import pytest

from rightslens.common.knowledge import knowledge

LANGUAGES = ("fr", "es")


def test_steps_frameworks_and_elements_have_french_and_spanish_titles():
    kb = knowledge()
    items = kb.by_type("dd_step") + kb.by_type("framework") + kb.by_type("framework_element")
    assert len(items) >= 56
    missing = [
        f"{item.id} {language}.{name}"
        for item in items
        for language in LANGUAGES
        for name in ("title", "summary")
        if item.type == "dd_step" or name == "title"
        if not item.translations.get(language, {}).get(name)
        or item.translations[language][name] == (item.title if name == "title" else item.get(name))
    ]
    assert missing == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_hub_shows_a_step_and_an_element_in_the_reader_language(owner_client, language):
    for item_id in ("dd-track", "fw-eu-ai-act-art27"):
        item = knowledge().get(item_id)
        assert item is not None
        page = owner_client.get(f"/hub/items/{item_id}/", HTTP_ACCEPT_LANGUAGE=language)
        shown = " ".join(html.unescape(page.content.decode()).split())
        assert item.translations[language]["title"] in shown
        assert f"<h1>{item.title}</h1>" not in shown
