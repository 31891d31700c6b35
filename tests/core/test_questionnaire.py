"""Questionnaire branching and scoring: red lines and missing essentials can never be averaged away."""

from types import MappingProxyType

from hypothesis import given
from hypothesis import strategies as st

from rightslens.core.knowledge.model import Citation, Item, Source
from rightslens.core.questionnaire import (
    Outcome,
    answer_errors,
    counted_answers,
    favourable_answer,
    is_weak_answer,
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


# Polarity: a set where "no" is the favourable answer to some essential questions.
ESSENTIAL_EMOTION = question(
    "q-emotion",
    section="Red lines",
    essential=True,
    weight=0,
    red_line_if={"equals": True, "red_line_ref": "rl-emotion"},
)
NO_SURVEILLANCE_PROMISE = question(
    "q-no-surveillance",
    section="Red lines",
    essential=True,
    weight=0,
    red_line_if={"equals": False, "red_line_ref": "rl-surveillance"},
)
INCIDENTS = question("q-incidents", section="Incidents", essential=True, weight=0)
ESSENTIAL_TESTING = question(
    "q-testing",
    kind="choice",
    section="Testing",
    essential=True,
    choices=["per group and language", "in English only", "not tested"],
    weight=2,
)
POLARITY = [POLICY, ESSENTIAL_EMOTION, NO_SURVEILLANCE_PROMISE, INCIDENTS, ESSENTIAL_TESTING]
FAVOURABLE = {
    "q-policy": "yes",
    "q-emotion": "no",
    "q-no-surveillance": "yes",
    "q-incidents": "no",
    "q-testing": "per group and language",
}


def test_the_favourable_answer_follows_the_red_line():
    assert favourable_answer(ESSENTIAL_EMOTION) == "no"
    assert favourable_answer(NO_SURVEILLANCE_PROMISE) == "yes"
    assert favourable_answer(POLICY) == "yes"
    assert favourable_answer(INCIDENTS) is None
    assert favourable_answer(ESSENTIAL_TESTING) is None


def test_no_to_a_red_line_question_is_neither_weak_nor_missing():
    scoring = score(POLARITY, FAVOURABLE)
    assert scoring.weak_essentials == () and scoring.missing_essentials == ()
    assert scoring.outcome == Outcome.SCORED


def test_a_disclosure_question_is_never_weak_whatever_the_answer():
    for answer in ("yes", "no"):
        scoring = score(POLARITY, {**FAVOURABLE, "q-incidents": answer})
        assert "q-incidents" not in scoring.weak_essentials


def test_a_red_line_answer_of_no_is_a_red_line_and_not_also_weak():
    scoring = score(POLARITY, {**FAVOURABLE, "q-no-surveillance": "no"})
    assert [f.red_line_id for f in scoring.red_lines] == ["rl-surveillance"]
    assert scoring.outcome == Outcome.RED_LINE and scoring.weak_essentials == ()


def test_the_weakest_choice_on_an_essential_is_weak():
    scoring = score(POLARITY, {**FAVOURABLE, "q-testing": "not tested", "q-policy": "no"})
    assert scoring.weak_essentials == ("q-policy", "q-testing")
    assert not is_weak_answer(ESSENTIAL_TESTING, "in English only")


def test_an_unanswered_red_line_question_is_a_missing_essential():
    answers = {k: v for k, v in FAVOURABLE.items() if k != "q-emotion"}
    assert score(POLARITY, answers).missing_essentials == ("q-emotion",)


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


polarity_answers = st.fixed_dictionaries(
    {
        "q-policy": yes_no,
        "q-emotion": yes_no,
        "q-no-surveillance": yes_no,
        "q-incidents": yes_no,
        "q-testing": st.sampled_from(ESSENTIAL_TESTING.get("choices") + [""]),
    }
)


@given(polarity_answers)
def test_a_red_line_question_is_never_counted_as_a_weakness(answers):
    weak = score(POLARITY, answers).weak_essentials
    assert "q-emotion" not in weak and "q-no-surveillance" not in weak


@given(polarity_answers, yes_no, yes_no)
def test_red_line_answers_never_move_the_points(answers, emotion, promise):
    changed = {**answers, "q-emotion": emotion, "q-no-surveillance": promise}
    before, after = score(POLARITY, answers), score(POLARITY, changed)
    assert (before.points, before.possible) == (after.points, after.possible)


@given(polarity_answers)
def test_a_red_line_answer_is_never_hidden_by_favourable_answers_elsewhere(answers):
    scoring = score(POLARITY, {**answers, "q-emotion": "yes"})
    assert scoring.outcome == Outcome.RED_LINE
