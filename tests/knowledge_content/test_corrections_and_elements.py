"""Corrections found on review, and the red-line elements and impact patterns screening reads."""

from pathlib import Path

import pytest

from rightslens.core.business_model import SOURCE
from rightslens.core.knowledge import load_directory

KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"
LANGUAGES = {"en", "fr", "es", "pt", "de"}


@pytest.fixture(scope="module")
def kb():
    return load_directory(KNOWLEDGE)


def test_emotion_questions_cite_eu_law_and_civil_society_not_the_un_working_group(kb):
    for question_id in ("q-vendor-emotion", "q-kyc-emotion"):
        sources = {c.source.id for c in kb.get(question_id).citations}
        assert sources == {"eu-ai-act", "cso-unga-2024"}, question_id
        assert any("5(1)(f)" in c.locator for c in kb.get(question_id).citations)


def test_the_business_model_source_is_the_real_b_tech_paper():
    assert "Advancing Responsible Development and Deployment of Generative AI" in SOURCE
    assert "November 2023" in SOURCE


def test_gp12_links_the_international_bill_of_human_rights_and_the_ilo_declaration(kb):
    assert kb.get("ungp-12").get("instrument_refs") == [
        "udhr",
        "iccpr",
        "icescr",
        "ilo-declaration",
    ]


def test_every_red_line_has_elements_names_and_typical_wordings_in_five_languages(kb):
    for red_line in kb.by_type("red_line"):
        assert red_line.get("requires"), red_line.id
        assert set(red_line.get("names")) == LANGUAGES - {"en"}, red_line.id
        assert set(red_line.get("typical_wordings")) == LANGUAGES, red_line.id


def test_every_element_has_wordings_in_five_languages_without_capitals(kb):
    for element in kb.by_type("red_line_element"):
        wordings = element.get("wordings")
        assert set(wordings) == LANGUAGES, element.id
        assert all(w == w.lower() for ws in wordings.values() for w in ws), element.id


def test_the_two_exceptions_the_issue_names_are_recorded(kb):
    assert "el-medical-safety" in kb.get("rl-emotion-recognition-work-education").get(
        "exception_refs"
    )
    assert "el-verification" in kb.get("rl-remote-realtime-facial-recognition").get(
        "exception_refs"
    )


def test_impact_patterns_say_who_and_how_and_cover_every_category(kb):
    patterns = kb.by_type("impact_pattern")
    assert {p.get("category_ref") for p in patterns} == {c.id for c in kb.by_type("risk_category")}
    for pattern in patterns:
        assert pattern.get("affected") and pattern.get("impact").startswith("may "), pattern.id
        assert set(pattern.get("cues")) == LANGUAGES, pattern.id


@pytest.mark.parametrize("question_id", ["q-vendor-emotion", "q-kyc-emotion"])
def test_work_and_education_emotion_questions_ask_what_their_red_line_covers(kb, question_id):
    question = kb.get(question_id)
    assert question.get("red_line_if")["red_line_ref"] == "rl-emotion-recognition-work-education"
    text = question.get("text").lower()
    # The red line is emotion recognition at work and in education (Art. 5(1)(f)), from
    # biometric data (Art. 3(39)), save for medical or safety reasons: the question says so.
    for needed in ("workers", "students", "biometric", "medical or safety"):
        assert needed in text, (question_id, needed)
    assert "personality" not in text


def test_emotion_recognition_elsewhere_is_asked_separately_and_linked_to_its_own_red_line(kb):
    question = kb.get("q-vendor-emotion-other")
    assert question.get("red_line_if")["red_line_ref"] == "rl-emotion-recognition-other-contexts"
    assert question.get("questionnaire_ref") == "qn-vendor-dd"
    assert {c.source.id for c in question.citations} == {"eu-ai-act", "cso-unga-2024"}


def test_a_yes_to_emotion_recognition_elsewhere_flags_its_own_red_line_and_nothing_else(kb):
    from rightslens.core.questionnaire import Outcome, questions_of, score

    questions = questions_of(list(kb.items.values()), "qn-vendor-dd")
    answered = {"q-vendor-emotion": "no", "q-vendor-emotion-other": "yes"}
    result = score(questions, answered)
    assert result.outcome == Outcome.RED_LINE
    assert [f.red_line_id for f in result.red_lines] == ["rl-emotion-recognition-other-contexts"]
