"""Due-diligence questionnaires: which questions show, which answers are acceptable, and scoring.

Questions are `question` items of the knowledge base, in library order. A question with `show_if`
shows only when the earlier question it names is itself visible and was answered with the given
value. Answers to hidden questions never count, and posting one is an error.

Scoring puts red lines and missing essentials first. `Scoring.outcome` is RED_LINE whenever any
visible answer matches a question's `red_line_if`, whatever every other answer is: no total can
average a red-line answer away. Points are only a secondary guide for reviewers.

Polarity: a yes/no question's favourable answer is not always "yes". On a red-line question
("Does the product include emotion recognition?") the favourable answer is the opposite of the
red-line answer; a yes/no question that carries no points and no red line is a plain disclosure
("Has there been an incident?") with no favourable answer; every other yes/no question favours
"yes". An essential question whose answer earns none of its points ("no" where "yes" is
favourable, or the weakest choice) is a weak essential; a red-line question never is, because its
red-line answer is reported as a red line and its other answer is the favourable one.

Point conventions (stated in the questionnaires library too): a yes/no question earns its weight
for its favourable answer; a choice question lists its choices from strongest to weakest practice
and earns a share of its weight by position; a text or evidence question earns its weight when
answered. Red-line questions carry no points, so no total moves with a red-line answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rightslens.core.knowledge.model import Item

YES, NO = "yes", "no"
AnswerMap = Mapping[str, str]


class AnswerKind(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    TEXT = "text"
    EVIDENCE = "evidence"


class Outcome(StrEnum):
    RED_LINE = "red_line"
    INCOMPLETE = "incomplete"
    SCORED = "scored"


OUTCOME_LABELS: Mapping[str, str] = {
    Outcome.RED_LINE: "Red line: an answer describes a use that must not go ahead without a senior decision",
    Outcome.INCOMPLETE: "Incomplete: essential questions are unanswered",
    Outcome.SCORED: "All essential questions answered; no red-line answer",
}


def as_answer(value: Any) -> str:
    """Booleans in the library (`equals: true`) compare with the stored 'yes' / 'no'."""
    if isinstance(value, bool):
        return YES if value else NO
    return str(value).strip()


def questions_of(items: Sequence[Item], questionnaire_id: str) -> list[Item]:
    return [
        i for i in items if i.type == "question" and i.get("questionnaire_ref") == questionnaire_id
    ]


def sections_of(questions: Sequence[Item]) -> list[str]:
    return list(dict.fromkeys(str(q.get("section")) for q in questions))


def visible_questions(questions: Sequence[Item], answers: AnswerMap) -> list[Item]:
    """The questions a respondent sees, given the answers so far."""
    visible: dict[str, Item] = {}
    for question in questions:
        condition = question.get("show_if")
        if not condition:
            visible[question.id] = question
            continue
        parent = str(condition.get("question_ref"))
        wanted = as_answer(condition.get("equals"))
        if parent in visible and as_answer(answers.get(parent, "")) == wanted:
            visible[question.id] = question
    return list(visible.values())


def favourable_answer(question: Item) -> str | None:
    """The yes/no answer that reflects good practice, or None where neither answer does."""
    if question.get("answer_kind") != AnswerKind.YES_NO:
        return None
    rule = question.get("red_line_if")
    if rule:
        return NO if as_answer(rule.get("equals")) == YES else YES
    if int(question.get("weight", 1)) == 0:
        return None  # a disclosure, e.g. past incidents: either answer can be honest practice
    return YES


def is_weak_answer(question: Item, answer: str) -> bool:
    """A yes/no or choice answer that earns none of the points its question carries: "no" where
    "yes" is favourable, or the weakest choice. A red-line answer is reported as a red line
    instead, and a question without points (a disclosure) has no weak answer."""
    if question.get("red_line_if") or int(question.get("weight", 1)) == 0:
        return False
    if question.get("answer_kind") not in (AnswerKind.YES_NO, AnswerKind.CHOICE) or not answer:
        return False
    return _points(question, answer) == 0.0


def _answer_problem(question: Item, answer: str) -> str:
    kind = question.get("answer_kind")
    if kind == AnswerKind.YES_NO and answer not in (YES, NO):
        return "Answer yes or no."
    choices = [str(c) for c in question.get("choices", []) or []]
    if kind == AnswerKind.CHOICE and answer not in choices:
        return f"Choose one of: {', '.join(choices)}."
    if len(answer) > 5000:
        return "Keep the answer under 5,000 characters."
    return ""


def answer_errors(questions: Sequence[Item], answers: AnswerMap) -> dict[str, str]:
    """Field errors for answers that are unknown, hidden by branching, or not an allowed value."""
    known = {q.id: q for q in questions}
    visible = {q.id for q in visible_questions(questions, answers)}
    errors: dict[str, str] = {}
    for question_id, raw in answers.items():
        answer = as_answer(raw)
        if question_id not in known:
            errors[question_id] = "This question is not part of the questionnaire."
        elif question_id not in visible and answer:
            errors[question_id] = (
                "This question does not apply given your earlier answers; leave it empty."
            )
        elif answer:
            problem = _answer_problem(known[question_id], answer)
            if problem:
                errors[question_id] = problem
    return errors


def counted_answers(questions: Sequence[Item], answers: AnswerMap) -> dict[str, str]:
    """Only non-empty answers to visible questions: hidden answers never count."""
    visible = visible_questions(questions, answers)
    return {q.id: as_answer(answers[q.id]) for q in visible if as_answer(answers.get(q.id, ""))}


@dataclass(frozen=True)
class RedLineFlag:
    question_id: str
    red_line_id: str
    answer: str


@dataclass(frozen=True)
class Scoring:
    red_lines: tuple[RedLineFlag, ...]
    missing_essentials: tuple[str, ...]
    weak_essentials: tuple[str, ...]  # essential answers earning none of their points
    points: float
    possible: int

    @property
    def outcome(self) -> Outcome:
        if self.red_lines:
            return Outcome.RED_LINE
        if self.missing_essentials:
            return Outcome.INCOMPLETE
        return Outcome.SCORED

    @property
    def percent(self) -> int:
        return round(100 * self.points / self.possible) if self.possible else 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "outcome": str(self.outcome),
            "red_lines": [
                {"question_id": f.question_id, "red_line_id": f.red_line_id, "answer": f.answer}
                for f in self.red_lines
            ],
            "missing_essentials": list(self.missing_essentials),
            "weak_essentials": list(self.weak_essentials),
            "points": self.points,
            "possible": self.possible,
            "percent": self.percent,
        }


def _points(question: Item, answer: str) -> float:
    weight = int(question.get("weight", 1))
    kind = question.get("answer_kind")
    if kind == AnswerKind.YES_NO:
        return float(weight) if answer == favourable_answer(question) else 0.0
    if kind == AnswerKind.CHOICE:
        choices = [str(c) for c in question.get("choices", []) or []]
        if answer not in choices or len(choices) < 2:
            return 0.0
        return weight * (len(choices) - 1 - choices.index(answer)) / (len(choices) - 1)
    return float(weight)


def _red_line_flag(question: Item, answer: str) -> RedLineFlag | None:
    rule = question.get("red_line_if")
    if rule and answer == as_answer(rule.get("equals")):
        return RedLineFlag(question.id, str(rule.get("red_line_ref")), answer)
    return None


def score(questions: Sequence[Item], answers: AnswerMap) -> Scoring:
    """Score the visible answers. Red lines and missing essentials are reported before any total."""
    counted = counted_answers(questions, answers)
    visible = visible_questions(questions, answers)
    flags = [f for q in visible if q.id in counted and (f := _red_line_flag(q, counted[q.id]))]
    essential = [q for q in visible if q.get("essential")]
    missing = tuple(q.id for q in essential if q.id not in counted)
    weak = tuple(q.id for q in essential if is_weak_answer(q, counted.get(q.id, "")))
    scored = [q for q in visible if not q.get("red_line_if")]
    return Scoring(
        red_lines=tuple(flags),
        missing_essentials=missing,
        weak_essentials=weak,
        points=round(sum(_points(q, counted[q.id]) for q in scored if q.id in counted), 2),
        possible=sum(int(q.get("weight", 1)) for q in scored),
    )
