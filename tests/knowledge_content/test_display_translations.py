"""Every red line, red-line element, risk category, impact pattern, risk example, questionnaire and
question gives its display text (what staff and vendors read) in French and Spanish (issue 16)."""

from __future__ import annotations

import pytest

from rightslens.core.knowledge import Item

DISPLAY = {
    "red_line": ("title", "description", "exceptions"),
    # The names a screening lists under "Found:" and "missing".
    "red_line_element": ("title",),
    "risk_category": ("title", "summary"),
    "impact_pattern": ("title", "affected", "impact"),
    "risk_example": ("title",),
    "questionnaire": ("title", "summary"),
    "question": ("title", "text", "section"),
}


@pytest.fixture(scope="module")
def knowledge():
    from rightslens.common.knowledge import knowledge as load

    return load()


def _missing(item: Item, names: tuple[str, ...], language: str) -> list[str]:
    given = item.translations.get(language, {})
    # A field the item leaves empty (a red line with no exceptions) has nothing to translate.
    return [n for n in names if (n == "title" or item.get(n)) and not given.get(n)]


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("item_type", sorted(DISPLAY))
def test_every_item_shows_its_text_in_french_and_spanish(knowledge, item_type, language):
    items = knowledge.by_type(item_type)
    assert items, f"no {item_type} in the knowledge base"
    missing = {i.id: gaps for i in items if (gaps := _missing(i, DISPLAY[item_type], language))}
    assert not missing


@pytest.mark.parametrize("language", ["fr", "es"])
def test_translations_differ_from_the_english(knowledge, language):
    same = [
        (i.id, name)
        for item_type, names in DISPLAY.items()
        for i in knowledge.by_type(item_type)
        for name, text in i.translations.get(language, {}).items()
        if name in names
        and text == (i.title if name == "title" else i.get(name))
        and len(text.split()) > 2
    ]
    assert not same


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_answer_choice_is_offered_in_french_and_spanish(knowledge, language):
    """The loader checks a translation gives as many choices as the question has; here every choice
    question gives one, and each label differs from the English (except words the languages share)."""
    choice_questions = [q for q in knowledge.by_type("question") if q.get("choices")]
    assert len(choice_questions) >= 4
    for question in choice_questions:
        labels = question.text_in("choices", language)
        assert isinstance(labels, tuple), (question.id, language)
        english = [str(c) for c in question.get("choices")]
        same = [c for c, label in zip(english, labels, strict=True) if c == label]
        assert not same, (question.id, language, same)


def test_the_eu_ai_act_terms_are_the_official_ones(knowledge):
    social = knowledge.get("rl-social-scoring")
    assert social.title_in("fr") == "Notation sociale"
    assert "puntuación" in social.title_in("es").lower()
    emotion = knowledge.get("rl-emotion-recognition-work-education")
    assert "reconnaissance des émotions" in emotion.title_in("fr").lower()
    assert "reconocimiento de emociones" in emotion.title_in("es").lower()
    police = knowledge.get("el-police")
    assert police.title_in("fr") == "Police ou autorités répressives"
    assert "garantes del cumplimiento del Derecho" in police.title_in("es")
    rbi = knowledge.get("rl-realtime-remote-biometric-identification")
    assert "identification biométrique à distance en temps réel" in rbi.title_in("fr").lower()
    assert "identificación biométrica remota en tiempo real" in rbi.title_in("es").lower()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_hub_shows_a_red_line_and_an_impact_pattern_in_the_readers_language(
    knowledge, language
):
    from html import escape

    from django.conf import settings
    from django.test import Client
    from django.utils import translation

    try:
        for item_id, fields in (
            ("rl-social-scoring", ("title", "description", "exceptions")),
            ("ip-hiring-discrimination", ("title", "affected", "impact")),
        ):
            item = knowledge.get(item_id)
            response = Client().get(f"/hub/items/{item_id}/", HTTP_ACCEPT_LANGUAGE=language)
            html = response.content.decode()
            for name in fields:
                assert escape(str(item.text_in(name, language))) in html, name
    finally:
        translation.activate(settings.LANGUAGE_CODE)
