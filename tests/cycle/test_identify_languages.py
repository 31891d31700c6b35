"""The identify page in French and Spanish (issue 16): risk-category summaries and the titles of
suggested impacts come from the library's translations; English stays as written."""

from __future__ import annotations

from html import escape

import pytest
from django.conf import settings

from rightslens.assessments import cycle_selectors, cycle_services
from rightslens.common.knowledge import knowledge

URL = "/o/acme/assessments/{}/identify/"


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request in French or Spanish leaves that language active; later tests expect English."""
    yield
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_category_summaries_and_suggestions_in_the_readers_language(
    owner_client, assessment, owner, language
):
    cycle_services.scoping_save(
        assessment=assessment,
        actor=owner,
        scope_languages="en, sw, pt, id",
        scope_countries="KE, BR, ID",
        safety_tested_languages="en",
        vulnerable_groups=["vg-children"],
    )
    base = knowledge()
    shown = [s for s in cycle_selectors.open_suggestions(assessment) if base.get(s.example_id)]
    assert shown, "no suggestion made from a library item"
    page = owner_client.get(URL.format(assessment.pk), HTTP_ACCEPT_LANGUAGE=language)
    html = page.content.decode()
    privacy = base.get("cat-privacy")
    assert escape(privacy.text_in("summary", language)) in html
    assert escape(privacy.get("summary")) not in html
    for suggestion in shown:
        item = base.get(suggestion.example_id)
        if escape(item.title) in html:  # only the first few per category are shown
            raise AssertionError(f"{item.id} shown in English")
    titles = [escape(base.get(s.example_id).title_in(language)) for s in shown]
    assert any(t in html for t in titles)


def test_english_readers_keep_the_english_text(owner_client, assessment):
    html = owner_client.get(URL.format(assessment.pk), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert escape(knowledge().get("cat-privacy").get("summary")) in html
