"""Ordinary words that once read as red-line elements, and denials in es/pt/de/fr (fresh5 review).

Each case pairs a harmless sentence with the positive it was confused with, so the fix cannot be
an element switched off: the positive must still be found.
"""

import pytest

from rightslens.core.screening import screen
from rightslens.core.semantic import HashingEncoder

FAKE = HashingEncoder()


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
        (
            # "classe" is also the verb "to sort": reviews sorted by tone are not a classroom.
            "Chaque matin, l'outil classe les avis des clients en positifs, neutres ou négatifs.",
            "En classe, la caméra mesure l'ennui et la frustration des élèves sur leur visage.",
            "fr",
            "rl-emotion-recognition-work-education",
        ),
        (
            # "Extracto" opens a report; it is not extracting faces.
            "Extracto del informe: la aplicación estima el dolor a partir de un vídeo del rostro.",
            "El robot extrae los rostros de millones de fotos de redes sociales para la base de datos.",
            "es",
            "rl-untargeted-facial-scraping",
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


@pytest.mark.parametrize(
    ("text", "lang", "red_line"),
    [
        (
            "Il est interdit d'utiliser des outils déduisant l'humeur des salariés à partir de "
            "leur visage.",
            "fr",
            "rl-emotion-recognition-work-education",
        ),
        (
            "Quedan excluidas las funcionalidades de reconocimiento de emociones de los empleados.",
            "es",
            "rl-emotion-recognition-work-education",
        ),
        (
            # German puts the denial at the end of a long clause.
            "Angebote, die eine Echtzeit-Gesichtserkennung oder eine Identifizierung von Personen "
            "im Stadion ermöglichen, werden nicht berücksichtigt.",
            "de",
            "rl-remote-realtime-facial-recognition",
        ),
    ],
)
def test_prohibitions_in_their_usual_word_order_deny(items, text, lang, red_line):
    assert red_line not in hit_ids(text, items, lang)


def test_weder_after_the_noun_denies_it_and_the_practice_is_still_found(items):
    denied = (
        "Die Gesichter und Gefühle der Beschäftigten werden von der Software weder erkannt noch "
        "gespeichert."
    )
    practice = "Die Software erkennt die Gefühle der Beschäftigten an ihren Gesichtern."
    assert "rl-emotion-recognition-work-education" not in hit_ids(denied, items, "de")
    assert "rl-emotion-recognition-work-education" in hit_ids(practice, items, "de")


def test_a_banned_fan_is_still_a_watch_list(items):
    text = (
        "Les caméras du stade reconnaissent en temps réel le visage de chaque supporter "
        "interdit de stade et alertent les stadiers."
    )
    assert "rl-remote-realtime-facial-recognition" in hit_ids(text, items, "fr")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Para abrir una cuenta, el cliente se hace un selfie y el sistema lo compara con la "
            "foto de su DNI.",
            "es",
        ),
        (
            "At the gate, the camera compares the traveller's face with the photo in the chip of "
            "their own passport.",
            "en",
        ),
    ],
)
def test_checking_a_person_against_their_own_document_is_verification(items, text, lang):
    assert "rl-remote-realtime-facial-recognition" not in hit_ids(text, items, lang)


def test_loyalty_points_are_not_a_social_score(items):
    loyalty = "Members earn points for each purchase and redeem them for vouchers."
    civic = "Residents earn points for good behaviour and lose them for unpaid fines."
    assert "rl-social-scoring" not in hit_ids(loyalty, items, "en")
    assert "rl-social-scoring" in hit_ids(civic, items, "en")


def test_windows_cost_no_encoding_and_read_as_the_sum_of_their_sentences(items):
    import numpy as np

    from rightslens.core.screening_engine import Screener

    class Counting(HashingEncoder):
        def __init__(self) -> None:
            super().__init__()
            self.texts: list[str] = []

        def encode(self, texts):  # type: ignore[no-untyped-def]
            self.texts.extend(texts)
            return super().encode(texts)

    encoder = Counting()
    screener = Screener(items, encoder, None)
    encoder.texts.clear()
    text = "Cameras film the staff. The software reads their mood. Reports go to managers."
    prepared = screener.prepare(text, lang="en")
    assert encoder.texts == [r.text for r in prepared.readings]  # sentences only
    assert len(prepared.windows) == 2
    first, second, window = (np.asarray(prepared.vectors[i]) for i in (0, 1, 3))
    expected = (first + second) / np.linalg.norm(first + second)
    assert np.allclose(window, expected)
