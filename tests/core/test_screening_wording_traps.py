"""Ordinary words that once read as red-line elements, and denials in es/pt/de/fr (fresh5 review).

Each case pairs a harmless sentence with the positive it was confused with, so the fix cannot be
an element switched off: the positive must still be found.
"""

import pytest

from rightslens.core.screening import screen
from rightslens.core.semantic import HashingEncoder

FAKE = HashingEncoder()


@pytest.fixture(scope="module")
def items(red_line_items):
    return red_line_items


def hit_ids(text, items, lang):
    return {h.red_line_id for h in screen(text, items, lang=lang, encoder=FAKE).hits}


@pytest.mark.parametrize(
    ("harmless", "positive", "lang", "red_line"),
    [
        (
            # "interesados" are data subjects in Spanish data-protection wording, not a feeling.
            "La cámara graba el rostro de los interesados que dan su consentimiento.",
            "La cámara analiza el rostro de los clientes para saber si están interesados en el producto.",
            "es",
            "rl-emotion-recognition-other-contexts",
        ),
        (
            # "civilité" is the Mr/Ms field of a French form, not a civility score.
            "Le formulaire demande la civilité, le nom et le prénom du demandeur.",
            "La commune attribue à chaque habitant une note de civilité selon son comportement.",
            "fr",
            "rl-social-scoring",
        ),
    ],
)
def test_an_ordinary_word_is_not_an_element_but_the_practice_still_is(
    items, harmless, positive, lang, red_line
):
    assert red_line not in hit_ids(harmless, items, lang)
    assert red_line in hit_ids(positive, items, lang)


def test_datos_personales_is_not_the_workplace(items):
    text = "El sistema analiza las emociones de los usuarios a partir de sus datos personales."
    staff = "El sistema analiza las emociones del personal a partir de su voz."
    assert "rl-emotion-recognition-work-education" not in hit_ids(text, items, "es")
    assert "rl-emotion-recognition-work-education" in hit_ids(staff, items, "es")


def test_milliseconds_of_processing_are_not_subliminal(items):
    text = "The cameras count people as shapes and discard each frame within 200 milliseconds."
    flashed = "The app shows images for a few milliseconds, too brief to notice, to push purchases."
    assert "rl-manipulative-techniques" not in hit_ids(text, items, "en")
    assert "rl-manipulative-techniques" in hit_ids(flashed, items, "en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Queda excluida cualquier función de análisis de emociones de los empleados.",
            "es",
        ),
        ("El software carece de análisis de emociones de los empleados.", "es"),
        (
            "Fica vedada qualquer análise das emoções dos funcionários; vedado o reconhecimento.",
            "pt",
        ),
        ("Eine Emotionserkennung bei Beschäftigten ist ausgeschlossen.", "de"),
    ],
)
def test_exclusion_wording_denies(items, text, lang):
    assert "rl-emotion-recognition-work-education" not in hit_ids(text, items, lang)
