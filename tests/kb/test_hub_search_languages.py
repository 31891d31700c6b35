"""Hub search in French and Spanish: each result's snippet is the knowledge text in the reader's
language (even when the query matched only the English), with the query's words highlighted, and a
query in the reader's language finds the translated text."""

import html as html_lib
import re

import pytest
from django.test import Client
from django.utils import translation

from rightslens.common import knowledge as knowledge_access
from rightslens.core.knowledge import build_knowledge_base, parse_library
from rightslens.core.knowledge.search import fold, marked, search, snippet
from tests.kb.library_fixtures import GUIDANCE_ITEMS, RIGHTS_ITEMS, library_text

ITEM = "clause-remedy-cooperation"


@pytest.fixture
def shipped_kb():
    knowledge_access.use_knowledge(None)
    yield knowledge_access.knowledge()
    knowledge_access.use_knowledge(None)
    translation.activate("en")


def _result(language: str, query: str, item_id: str) -> str:
    """The text of the search result for `item_id` (its link, title, label and snippet)."""
    response = Client(HTTP_ACCEPT_LANGUAGE=language).get("/hub/search/", {"q": query})
    assert response.status_code == 200
    page = response.content.decode()
    found = re.search(rf'<li><a href="/hub/items/{item_id}/">.*?</li>', page, re.S)
    assert found, f"{item_id} not among the results for {query!r} in {language}"
    return html_lib.unescape(found.group(0))


def _text(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", fragment).split())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query", "marked_word"),
    [("fr", "réparation", "réparation"), ("es", "reparación", "reparación")],
)
def test_a_query_in_the_language_finds_and_marks_the_translated_text(
    shipped_kb, language, query, marked_word
):
    item = shipped_kb.get(ITEM)
    english = " ".join(item.sentences())
    result = _result(language, query, ITEM)
    assert f"<mark>{marked_word}</mark>" in result
    snippet_text = _text(result.split("<br>", 1)[1])
    assert snippet_text.strip("…") in " ".join(item.sentences_in(language))
    assert english[:40] not in snippet_text and "remedy" not in snippet_text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "es"])
def test_an_english_query_still_shows_the_translated_snippet(shipped_kb, language):
    item = shipped_kb.get(ITEM)
    translated = " ".join(item.sentences_in(language))
    assert translated  # the library translates this item
    result = _result(language, "remedy", ITEM)
    snippet_text = _text(result.split("<br>", 1)[1])
    assert snippet_text.strip("…")[:60] == translated[:60]
    assert "obtain remedy" not in snippet_text and "<mark>" not in result.split("<br>", 1)[1]
    assert item.title_in(language) in result and item.title not in result


@pytest.mark.django_db
def test_english_stays_english_with_the_query_marked(shipped_kb):
    item = shipped_kb.get(ITEM)
    result = _result("en", "remedy", ITEM)
    assert "<mark>remedy</mark>" in result
    assert _text(result.split("<br>", 1)[1]).strip("…") in " ".join(item.sentences())
    assert "réparation" not in result and "reparación" not in result


def test_marked_finds_the_words_in_any_case_and_with_or_without_accents():
    assert marked("La Sécurité et la securite", "securite") == [
        ("La ", False),
        ("Sécurité", True),
        (" et la ", False),
        ("securite", True),
    ]
    assert marked("nothing here", "remedy") == [("nothing here", False)]
    assert "".join(p for p, _ in marked("Remedy and remedies", "remedy remedies")) == (
        "Remedy and remedies"
    )
    assert fold("Œuvre ÉTAT niño") == "œuvre etat nino"


def test_a_snippet_finds_an_accented_word_typed_without_accents():
    text = "x " * 200 + "la réparation est due" + " y" * 200
    assert "réparation est due" in snippet(text, "reparation", width=60)


def test_search_reads_the_translation_only_when_asked_for_that_language():
    items = RIGHTS_ITEMS.replace(
        "title: Right to privacy",
        "title: Right to privacy\n    translations:\n      fr: {title: Droit à la vie privée}",
        1,
    )
    kb = build_knowledge_base([parse_library(library_text(items + GUIDANCE_ITEMS), "lib.yaml")])
    assert "fx-right-privacy" in [h.item.id for h in search(kb, "vie privée", language="fr")]
    assert search(kb, "vie privee", language="fr")  # accents are optional
    assert search(kb, "vie privée") == []  # English readers search the English
