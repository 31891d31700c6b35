"""Red-line readings changed after the one runs of fresh29 and fresh30 (2026-12-07, sixth session).

Each harmless text is paired with the positive it sits next to, so a fix cannot be an element
switched off: the positive must still be found.
"""

import pytest

from rightslens.core.mentions import as_topic, declined_offers
from rightslens.core.screening import screen
from rightslens.core.semantic import HashingEncoder
from rightslens.core.textcues import clauses, sentences

FAKE = HashingEncoder()


def hit_ids(text, items, lang):
    return {h.red_line_id for h in screen(text, items, lang=lang, encoder=FAKE).hits}


@pytest.mark.parametrize(
    ("harmless", "positive", "lang", "red_line"),
    [
        (
            # One-to-one: the face against the photo in the traveller's own passport.
            "At the gate you scan your passport; the camera then checks that your face matches "
            "the photo in that passport and nothing else.",
            "At the gate the camera checks every traveller's face against the police watch-list "
            "in real time.",
            "en",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            "Sie legen Ihren Pass auf, eine Kamera im Flughafen vergleicht Ihr Gesicht "
            "ausschließlich mit dem Foto im Chip.",
            "Im Flughafen vergleicht eine Kamera jedes Gesicht in Echtzeit mit der Fahndungsliste.",
            "de",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            "En la entrada del estadio, la cámara solo comprueba que la cara coincide con la "
            "selfie de ese abono.",
            "En la entrada del estadio, la cámara compara en tiempo real la cara de cada "
            "aficionado con la lista de personas con derecho de admisión reservado.",
            "es",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            # Birds and chicks are animals, however their faces are read.
            "Four cameras watch the penguin colony near the research station. A recognition "
            "model trained on chest and face markings will identify individual birds in real "
            "time as they walk to and from the sea.",
            "A recognition model trained on faces will identify individual passengers in real "
            "time as they walk through the station.",
            "en",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            "Una cámara sobre la banda determina el sexo de cada pollito de un día por el patrón "
            "de las plumas del ala y la postura.",
            "Una cámara en la entrada determina el sexo de cada cliente por la cara y la postura.",
            "es",
            "rl-gender-detection",
        ),
        (
            # "ne … que" is "only": the door opens only for those classed as women.
            "La caméra au-dessus de la porte de l'espace réservé aux fleurs analyse la "
            "silhouette et le visage de la personne et ne déverrouille pas la porte.",
            "La caméra au-dessus de la porte de l'espace réservé aux femmes analyse la "
            "silhouette et le visage de la personne et ne déverrouille que si elle la classe "
            "comme femme.",
            "fr",
            "rl-gender-detection",
        ),
        (
            # A list named by what it forbids is no denial.
            "Cameras at both store entrances count shoppers; our 'do not serve' list stays on "
            "paper at the till.",
            "Cameras at both store entrances are now checking every shopper's face against our "
            "'do not serve' list in real time.",
            "en",
            "rl-remote-realtime-facial-recognition",
        ),
        (
            # A test that was never launched.
            "La ministre confirme que le test de caméras à reconnaissance faciale en direct "
            "envisagé à la gare n'a pas été lancé.",
            "La ministre confirme que le test de caméras à reconnaissance faciale en direct à la "
            "gare a été lancé.",
            "fr",
            "rl-remote-realtime-facial-recognition",
        ),
    ],
)
def test_harmless_text_is_clear_and_its_neighbour_is_not(items, harmless, positive, lang, red_line):
    assert red_line not in hit_ids(harmless, items, lang)
    assert red_line in hit_ids(positive, items, lang)


def test_passport_control_as_a_place_is_no_verification(items):
    text = (
        "Officers at the border crossing use gait recognition on live CCTV to pick out suspects "
        "from the crowd walking towards passport control."
    )
    assert "rl-realtime-remote-biometric-identification" in hit_ids(text, items, "en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Se revisó la oferta de la empresa para instalar cámaras que estimarían la atención "
            "de cada alumno. Por unanimidad, el consejo rechazó la propuesta.",
            "es",
        ),
        (
            "Os vereadores arquivaram o projeto que criaria uma pontuação do bom cidadão.",
            "pt",
        ),
        (
            "The council shelved the project that would score every resident's behaviour.",
            "en",
        ),
        # After fresh31's one run.
        (
            "L'offre de la société pour l'installation de caméras à reconnaissance faciale en "
            "temps réel dans la médina est rejetée par 27 voix contre 4.",
            "fr",
        ),
        (
            "The judge refused a second request to obtain location data for all phones that "
            "connected to the towers near the depot.",
            "en",
        ),
    ],
)
def test_an_offer_or_project_turned_down_in_the_third_person_is_declined(text, lang):
    parts = sentences(text)
    assert 0 in declined_offers(parts, lang)


def test_an_offer_accepted_is_not_declined():
    parts = sentences(
        "Se revisó la oferta de la empresa para instalar cámaras que estiman la atención de cada "
        "alumno. El consejo aprobó la propuesta."
    )
    assert declined_offers(parts, "es") == set()


@pytest.mark.parametrize(
    ("sentence", "lang", "word", "denied"),
    [
        ("the live face matching pilot at the station was never deployed", "en", "face", True),
        ("the live face matching pilot at the station was deployed in may", "en", "face", False),
        ("o sistema de reconhecimento facial nunca chegou a ser contratado", "pt", "facial", True),
        ("o sistema de reconhecimento facial foi contratado em maio", "pt", "facial", False),
        # Portuguese "no" is "in the", not a negation.
        (
            "o reconhecimento facial instalado no aeroporto foi contratado em maio",
            "pt",
            "facial",
            False,
        ),
    ],
)
def test_a_practice_never_started_is_denied(sentence, lang, word, denied):
    parts = clauses(sentence, lang)
    found = [
        i in part.denied for part in parts for i, token in enumerate(part.tokens) if token == word
    ]
    assert found == [denied]


@pytest.mark.parametrize(
    ("text", "word", "topic"),
    [
        (
            "un equipo replico el estudio que afirmaba deducir la orientacion sexual",
            "orientacion",
            True,
        ),
        ("the paper claiming to infer sexual orientation from faces was retracted", "sexual", True),
        ("our model claims to infer sexual orientation from faces", "sexual", False),
        ("el modelo deduce la orientacion sexual a partir del rostro", "orientacion", False),
    ],
)
def test_what_a_study_claimed_is_its_topic(text, word, topic):
    tokens = text.split()
    assert as_topic(tokens, tokens.index(word)) is topic
