"""The shipped questionnaire and clause libraries are consistent with the rules that read them."""

from rightslens.core.questionnaire import (
    favourable_answer,
    questions_of,
    score,
    visible_questions,
)


def test_every_follow_up_depends_on_an_earlier_question_of_the_same_questionnaire(
    procurement_knowledge,
):
    items = procurement_knowledge["questionnaires"]
    for questionnaire in [i for i in items if i.type == "questionnaire"]:
        seen: set[str] = set()
        for question in questions_of(items, questionnaire.id):
            condition = question.get("show_if")
            if condition:
                assert condition["question_ref"] in seen, question.id
            seen.add(question.id)


def test_each_questionnaire_has_essentials_and_red_line_questions(procurement_knowledge):
    items = procurement_knowledge["questionnaires"]
    for questionnaire_id in ("qn-vendor-dd", "qn-kyc"):
        questions = questions_of(items, questionnaire_id)
        assert any(q.get("essential") for q in questions)
        assert any(q.get("red_line_if") for q in questions)


def test_an_empty_questionnaire_lists_every_visible_essential_as_missing(procurement_knowledge):
    questions = questions_of(procurement_knowledge["questionnaires"], "qn-vendor-dd")
    scoring = score(questions, {})
    essentials = [q.id for q in visible_questions(questions, {}) if q.get("essential")]
    assert list(scoring.missing_essentials) == essentials and scoring.outcome == "incomplete"


def _best_answers(questions):
    """Answer each visible question in library order with its strongest answer."""
    answers: dict[str, str] = {}
    for question in questions:
        if question not in visible_questions(questions, answers):
            continue
        choices = question.get("choices") or []
        answers[question.id] = favourable_answer(question) or (choices[0] if choices else "x")
    return answers


def test_the_strongest_answers_leave_nothing_flagged(procurement_knowledge):
    for questionnaire_id in ("qn-vendor-dd", "qn-kyc"):
        questions = questions_of(procurement_knowledge["questionnaires"], questionnaire_id)
        scoring = score(questions, _best_answers(questions))
        assert scoring.outcome == "scored", questionnaire_id
        assert scoring.weak_essentials == () and scoring.missing_essentials == ()


def test_no_emotion_recognition_is_not_a_weakness_in_the_vendor_questionnaire(
    procurement_knowledge,
):
    questions = questions_of(procurement_knowledge["questionnaires"], "qn-vendor-dd")
    answers = _best_answers(questions)
    assert answers["q-vendor-emotion"] == "no"
    assert "q-vendor-emotion" not in score(questions, answers).weak_essentials
    policy_no = score(questions, {**answers, "q-vendor-policy": "no", "q-vendor-policy-link": ""})
    assert policy_no.weak_essentials == ("q-vendor-policy",)


def test_the_clause_library_covers_the_five_purposes(procurement_knowledge):
    ids = {c.id for c in procurement_knowledge["clauses"]}
    assert ids == {
        "clause-responsible-use",
        "clause-audit-information",
        "clause-incident-notification",
        "clause-remedy-cooperation",
        "clause-suspension-termination",
    }
    assert all(c.get("leverage_ref") == "lev-bilateral" for c in procurement_knowledge["clauses"])
