"""Every red-line element (data, inference, context, actor, exception) explains itself on the hub in
French and Spanish, as its title does, and keeps the legal references of the English."""

from __future__ import annotations

import html
import re

import pytest

from rightslens.common.knowledge import knowledge


def _elements():
    return knowledge().by_type("red_line_element")


def test_there_are_elements_to_check():
    assert len(_elements()) >= 30


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_element_summary_is_translated(language):
    missing = [
        item.id
        for item in _elements()
        if not item.get("summary")
        or item.text_in("summary", language) == item.get("summary")
        or not item.text_in("summary", language).strip()
    ]
    assert missing == []


@pytest.mark.parametrize("language", ["fr", "es"])
def test_translated_summaries_keep_the_numbers_the_english_cites(language):
    for item in _elements():
        english = set(re.findall(r"\d+", str(item.get("summary"))))
        translated = set(re.findall(r"\d+", str(item.text_in("summary", language))))
        assert english <= translated, (item.id, english - translated)


def test_an_element_page_on_the_hub_reads_in_the_language(client):
    french = html.unescape(
        client.get("/hub/items/el-verification/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    )
    assert "Il s'agit de vérification, non d'identification" in french
    assert "This is verification, not identification" not in french
    english = client.get("/hub/items/el-verification/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This is verification, not identification" in english
