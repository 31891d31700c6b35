"""The shipped questionnaire and clause libraries are consistent with the rules that read them."""

from rightslens.core.questionnaire import questions_of, score, visible_questions


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
