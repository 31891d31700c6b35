"""Questionnaire branching and scoring: red lines and missing essentials can never be averaged away."""

from types import MappingProxyType

from hypothesis import given
from hypothesis import strategies as st

from rightslens.core.knowledge.model import Citation, Item, Source
from rightslens.core.questionnaire import (
    Outcome,
    answer_errors,
    counted_answers,
    score,
    sections_of,
    visible_questions,
)

SOURCE = Source("seed-001", "B-Tech GenAI", "OHCHR", "https://example.org/btech", "2023")


def question(qid, kind="yes_no", section="Policy", **fields):
    return Item(
        id=qid,
        type="question",
        library="q",
        title=qid,
        citations=(Citation(SOURCE, "practice 4", SOURCE.url),),
        fields=MappingProxyType(
            {
                "questionnaire_ref": "qn",
                "section": section,
                "text": qid,
                "answer_kind": kind,
                **fields,
            }
        ),
    )


POLICY = question("q-policy", essential=True, weight=3)
POLICY_LINK = question(
    "q-policy-link", kind="text", show_if={"question_ref": "q-policy", "equals": True}
)
EMOTION = question(
    "q-emotion",
    section="Red lines",
    weight=0,
    red_line_if={"equals": True, "red_line_ref": "rl-emotion"},
)
TESTING = question(
    "q-testing",
    kind="choice",
    section="Testing",
    choices=["per group and language", "in English only", "not tested"],
    weight=2,
)
GRIEVANCE = question("q-grievance", section="Remedy", essential=True)
QUESTIONS = [POLICY, POLICY_LINK, EMOTION, TESTING, GRIEVANCE]


def test_a_follow_up_shows_only_when_its_condition_is_met():
    assert POLICY_LINK not in visible_questions(QUESTIONS, {"q-policy": "no"})
    assert POLICY_LINK in visible_questions(QUESTIONS, {"q-policy": "yes"})


def test_hidden_answers_never_count():
    counted = counted_answers(QUESTIONS, {"q-policy": "no", "q-policy-link": "https://x"})
    assert "q-policy-link" not in counted


def test_an_answer_to_a_hidden_question_is_an_error():
    errors = answer_errors(QUESTIONS, {"q-policy": "no", "q-policy-link": "https://x"})
    assert list(errors) == ["q-policy-link"]


def test_unknown_questions_and_bad_values_are_errors():
    errors = answer_errors(
        QUESTIONS, {"q-nope": "yes", "q-policy": "maybe", "q-testing": "sometimes"}
    )
    assert set(errors) == {"q-nope", "q-policy", "q-testing"}


def test_missing_essentials_make_it_incomplete():
    scoring = score(QUESTIONS, {"q-policy": "yes"})
    assert scoring.outcome == Outcome.INCOMPLETE
    assert scoring.missing_essentials == ("q-grievance",)


def test_a_complete_clean_answer_set_is_scored():
    scoring = score(
        QUESTIONS,
        {
            "q-policy": "yes",
            "q-policy-link": "x",
            "q-emotion": "no",
            "q-testing": "in English only",
            "q-grievance": "yes",
        },
    )
    assert scoring.outcome == Outcome.SCORED
    # policy 3 + link 1 + testing 1 of 2 + grievance 1; the red-line question carries no points
    assert scoring.points == 6 and scoring.possible == 7


def test_an_essential_answered_no_is_flagged():
    scoring = score(QUESTIONS, {"q-policy": "no", "q-grievance": "no"})
    assert scoring.weak_essentials == ("q-policy", "q-grievance")


def test_sections_keep_library_order():
    assert sections_of(QUESTIONS) == ["Policy", "Red lines", "Testing", "Remedy"]


yes_no = st.sampled_from(["yes", "no", ""])
other_answers = st.fixed_dictionaries(
    {
        "q-policy": yes_no,
        "q-policy-link": st.text(max_size=20),
        "q-testing": st.sampled_from(TESTING.get("choices") + [""]),
        "q-grievance": yes_no,
    }
)


@given(other_answers)
def test_a_red_line_answer_always_yields_the_red_line_outcome(others):
    scoring = score(QUESTIONS, {**others, "q-emotion": "yes"})
    assert scoring.outcome == Outcome.RED_LINE
    assert [f.red_line_id for f in scoring.red_lines] == ["rl-emotion"]


@given(other_answers)
def test_without_the_red_line_answer_the_outcome_is_never_red_line(others):
    assert score(QUESTIONS, {**others, "q-emotion": "no"}).outcome != Outcome.RED_LINE


@given(other_answers)
def test_a_missing_essential_is_always_reported_whatever_else_is_answered(others):
    scoring = score(QUESTIONS, {**others, "q-emotion": "no", "q-grievance": ""})
    assert "q-grievance" in scoring.missing_essentials
    assert scoring.outcome == Outcome.INCOMPLETE


@given(other_answers, st.text(max_size=20))
def test_a_hidden_answer_never_changes_the_score(others, hidden):
    base = {**others, "q-policy": "no", "q-policy-link": ""}
    assert score(QUESTIONS, base) == score(QUESTIONS, {**base, "q-policy-link": hidden})
