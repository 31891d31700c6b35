"""Red-line readings changed after fresh19's one run (2026-12-07, third session).

Each harmless text is paired with the positive it sits next to, so a fix cannot be an element
switched off: the positive must still be found.
"""

import pytest

from rightslens.core.mentions import as_crime, as_topic, hypothetical
from rightslens.core.screening import screen
from rightslens.core.screening_engine import Screener
from rightslens.core.semantic import HashingEncoder
from rightslens.core.textcues import words

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
            # Faces found only to be blurred before an archive goes online.
            "Avant la mise en ligne de l'archive, un logiciel repère les visages sur les photos "
            "collectées sur des sites publics et les floute automatiquement.",
            "Le logiciel collecte sur des sites publics toutes les photos de visages et les "
            "ajoute à une base de données de recherche faciale.",
            "fr",
            "rl-untargeted-facial-scraping",
        ),
        (
            # Sows in a pig barn, read by their faces: animals, not people.
            "Les caméras de la porcherie analysent le groin et les yeux des truies pour repérer "
            "le stress après la mise bas ; l'éleveur reçoit une alerte.",
            "Les caméras de l'atelier analysent le visage des ouvriers pour repérer le stress ; "
            "le chef d'équipe reçoit une alerte.",
            "fr",
            "rl-emotion-recognition-work-education",
        ),
        (
            # A camera checks a traveller only against the photo they registered themselves.
            "No portão, a câmera compara o seu rosto só com a foto que você cadastrou no app.",
            "No portão, a câmera compara o rosto de cada passageiro com uma lista de procurados "
            "da polícia em tempo real.",
            "pt",
            "rl-remote-realtime-facial-recognition",
        ),
        # After fresh20's one run.
        (
            # A form that lets people state their own origin or religion, or prefer not to say.
            "Si lo deseas, puedes indicar tu grupo étnico o religión, o marcar 'prefiero no "
            "decirlo'.",
            "La cámara estima el grupo étnico y la religión de cada visitante a partir de su "
            "rostro.",
            "es",
            "rl-biometric-categorisation-protected",
        ),
        (
            # Skin tone annotated on the Monk scale in a dataset acquired under licence.
            "Les chercheurs annoteront la teinte de peau des visages, selon l'échelle de Monk, sur "
            "un jeu de données acquis sous licence.",
            "Le logiciel déduit l'origine ethnique des passants à partir de leur visage.",
            "fr",
            "rl-biometric-categorisation-protected",
        ),
    ],
)
def test_harmless_reading_is_clear_and_its_positive_is_found(
    items, harmless, positive, lang, red_line
):
    assert red_line not in hit_ids(harmless, items, lang)
    assert red_line in hit_ids(positive, items, lang)


def test_an_eleveur_is_a_farmer_not_a_pupil(items):
    reading = Screener(items, FAKE).prepare("L'éleveur reçoit une alerte.", lang="fr")
    assert "el-education" not in reading.readings[0].elements
    pupils = Screener(items, FAKE).prepare("Les élèves reçoivent une alerte.", lang="fr")
    assert "el-education" in pupils.readings[0].elements


def test_management_is_not_a_shop(items):
    reading = Screener(items, FAKE).prepare("Die Geschäftsleitung plant die Massnahmen.", lang="de")
    assert "el-public-space" not in reading.readings[0].elements
    shop = Screener(items, FAKE).prepare("Die Kamera hängt im Geschäft am Eingang.", lang="de")
    assert "el-public-space" in shop.readings[0].elements


def test_a_denial_that_reaches_no_practice_word_leaves_the_sentence_readable(items):
    screener = Screener(items, FAKE)
    warrant = screener.prepare(
        "The operator forwards the location records of all customers to the agency, "
        "without a court order.",
        lang="en",
    )
    assert not warrant.readings[0].negated  # the learned layer may still read it
    assert warrant.readings[0].denial  # reading by meaning alone stays off
    denied = screener.prepare("The camera does not recognise faces.", lang="en")
    assert denied.readings[0].negated


def test_a_chapter_given_over_to_a_practice_makes_it_a_topic():
    tokens = words("Notre rapport consacre un chapitre aux systèmes de crédit social.")
    assert as_topic(tokens, tokens.index("credit"))
    used = words("La commune applique un système de crédit social aux habitants.")
    assert not as_topic(used, used.index("credit"))


def test_a_practice_named_as_a_crime_is_not_the_systems_practice():
    scams = words("After a surge in impersonation scams, the operator scores calls for fraud.")
    assert as_crime(scams, scams.index("impersonation"))
    linked = words("Les arnaques par usurpation se multiplient.")
    assert as_crime(linked, linked.index("usurpation"))
    done = words("The chatbot uses impersonation of bank staff to win trust.")
    assert not as_crime(done, done.index("impersonation"))
    detection = words("Fraud detection using voice stress analysis on every call.")
    assert not as_crime(detection, detection.index("voice"))


def test_what_would_have_happened_is_not_a_use():
    parts = [
        "The union grieved a vendor tool that would have analysed agents' voices for stress.",
        "The employer analyses agents' voices for stress.",
    ]
    assert hypothetical(parts) == {0}


def test_a_sentence_about_an_imaginary_world_is_an_exercise():
    parts = [
        "Dans une ville imaginaire de 2041, une IA écoute chaque appel.",
        "Dans notre ville, une IA écoute chaque appel.",
    ]
    assert hypothetical(parts) == {0}


def test_blurring_on_public_pages_does_not_excuse_a_face_database(items):
    blurred = (
        "The crawler collects faces from public websites; faces are blurred on the public "
        "pages before anything is shown."
    )
    kept = (
        "The crawler collects faces from public websites; faces are blurred on the public "
        "pages, but the originals go into a face database the police search."
    )
    assert "rl-untargeted-facial-scraping" not in hit_ids(blurred, items, "en")
    assert "rl-untargeted-facial-scraping" in hit_ids(kept, items, "en")
