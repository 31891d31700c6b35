"""Element-based red-line screening over the shipped library, read through the fake encoder."""

import pytest

from rightslens.core.screening import hit_for_answer, screen, screen_use_case
from rightslens.core.semantic import HashingEncoder

FAKE = HashingEncoder()


def hit_ids(text, items, lang=""):
    return [h.red_line_id for h in screen(text, items, lang=lang, encoder=FAKE).hits]


def test_plain_emotion_reading_of_candidates_is_a_hit_naming_its_elements(items):
    text = (
        "Our tool reads applicants' facial expressions during the video interview to score "
        "enthusiasm and honesty."
    )
    [hit] = screen(text, items, encoder=FAKE).hits
    assert hit.red_line_id == "rl-emotion-recognition-work-education"
    assert hit.evidence == text
    assert any(e.startswith("context: Work") for e in hit.elements_found)
    assert hit.elements_missing == ()
    assert 0 < hit.confidence <= 1


def test_elements_may_come_from_different_sentences_and_evidence_is_the_inference(items):
    text = (
        "Cameras film the faces of people at the entrance of our shops. "
        "The system identifies banned customers live."
    )
    result = screen(text, items, encoder=FAKE)
    hit = next(h for h in result.hits if h.red_line_id == "rl-remote-realtime-facial-recognition")
    assert hit.evidence == "The system identifies banned customers live."


def test_the_law_enforcement_red_line_needs_the_police(items):
    shop = "Cameras in the store recognise shoppers' faces in real time against a watch-list."
    police = "Police cameras recognise passers-by's faces in real time against a watch-list."
    assert "rl-realtime-remote-biometric-identification" not in hit_ids(shop, items)
    assert "rl-realtime-remote-biometric-identification" in hit_ids(police, items)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We will not use emotion recognition.", "en"),
        (
            "The vendor confirms that the product does not identify faces of shoppers in real time.",
            "en",
        ),
        ("Le fournisseur confirme que le logiciel n'analyse pas les émotions des salariés.", "fr"),
        (
            "El proveedor confirma que el sistema no utiliza reconocimiento facial en tiempo real.",
            "es",
        ),
        (
            "O fornecedor confirma que a ferramenta não faz reconhecimento de emoções dos alunos.",
            "pt",
        ),
        (
            "Der Anbieter bestätigt, dass das System keine Gesichtserkennung in Echtzeit einsetzt.",
            "de",
        ),
    ],
)
def test_denials_in_five_languages_raise_nothing(items, text, lang):
    assert hit_ids(text, items, lang) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le logiciel analyse les expressions faciales des candidats pendant l'entretien.",
            "rl-emotion-recognition-work-education",
        ),
        (
            "El modelo predice qué personas cometerán delitos según su perfil.",
            "rl-crime-prediction-profiling",
        ),
        (
            "O sistema classifica as pessoas por raça a partir do rosto.",
            "rl-biometric-categorisation-protected",
        ),
        (
            "Die Polizei gleicht Gesichter von Passanten in Echtzeit mit einer Fahndungsliste ab.",
            "rl-realtime-remote-biometric-identification",
        ),
    ],
)
def test_it_reads_french_spanish_portuguese_and_german(items, text, expected):
    assert expected in hit_ids(text, items)


def test_a_medical_or_safety_reason_sets_the_work_red_line_aside_and_says_so(items):
    text = "Cameras detect stress in the faces of our train drivers for safety reasons."
    result = screen(text, items, encoder=FAKE)
    assert result.hits == ()
    aside = {a.red_line_id: a.exception for a in result.set_aside}
    assert "Medical or safety" in aside["rl-emotion-recognition-work-education"]


def test_one_to_one_verification_is_not_identification(items):
    text = "Employees unlock the office door by verifying their face against their own enrolled template."
    assert hit_ids(text, items) == []


def test_a_camera_alone_does_not_make_object_identification_a_red_line(items):
    text = "The system identifies defective parts on the production line from camera images in real time."
    assert hit_ids(text, items) == []


def test_hits_carry_legal_status_and_sources_from_the_library(items):
    red_lines = [i for i in items]
    [hit] = screen_use_case("A social scoring system for residents.", red_lines, encoder=FAKE)
    assert hit.red_line_id == "rl-social-scoring"
    assert hit.prohibited_by_law
    assert hit.sources
    assert hit.method.startswith("named+elements+semantic (hashing-fake)")


def test_a_questionnaire_answer_becomes_a_hit_that_says_where_it_came_from(items):
    red_line = next(i for i in items if i.id == "rl-emotion-recognition-work-education")
    hit = hit_for_answer(red_line, "Does the system infer emotions?", "yes")
    assert hit.origin == "questionnaire"
    assert "answered: yes" in hit.evidence
    assert hit.as_dict()["origin"] == "questionnaire"


def test_one_word_cannot_supply_two_elements_of_mass_surveillance(items):
    text = "Our survey asks customers about their religion to check we serve everyone fairly."
    assert hit_ids(text, items) == []


def test_without_meaning_a_missing_data_element_keeps_categorisation_off(items):
    # The fake encoder reads no meaning: the data element stays missing and nothing is hit.
    assert hit_ids("The HR system records employees' gender for pay-gap reports.", items) == []
