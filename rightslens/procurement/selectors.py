"""Reads for value-chain due diligence."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language, pgettext, pgettext_lazy

from rightslens.accounts.models import Organisation
from rightslens.assessments.models import Impact
from rightslens.core.knowledge.model import Item
from rightslens.core.questionnaire import (
    NO,
    OUTCOME_LABELS,
    YES,
    AnswerKind,
    Scoring,
    score,
    sections_of,
    visible_questions,
)
from rightslens.core.screening import RedLineHit, legal_status_summary

from . import request_services, screening_services
from .models import (
    BusinessModelRecord,
    Counterparty,
    Procurement,
    QuestionnaireRequest,
    RedLineScreening,
)
from .request_services import questions_for
from .screening_services import screening_hits


def counterparties(organisation: Organisation) -> QuerySet[Counterparty]:
    return Counterparty.objects.filter(organisation=organisation).prefetch_related("systems")


def due_reassessments(organisation: Organisation) -> QuerySet[Counterparty]:
    return counterparties(organisation).filter(reassessment_date__lte=timezone.localdate())


def screenings(organisation: Organisation) -> QuerySet[RedLineScreening]:
    return RedLineScreening.objects.filter(organisation=organisation)


def procurements(organisation: Organisation) -> QuerySet[Procurement]:
    return Procurement.objects.filter(organisation=organisation).select_related("vendor")


def business_models(organisation: Organisation) -> QuerySet[BusinessModelRecord]:
    return BusinessModelRecord.objects.filter(organisation=organisation)


def open_impacts(organisation: Organisation) -> QuerySet[Impact]:
    return Impact.objects.filter(organisation=organisation).order_by("-priority", "id")


def questionnaire_choices() -> list[tuple[str, str]]:
    return [
        (i.id, i.title_in(get_language()))
        for i in request_services.knowledge_items()
        if i.type == "questionnaire"
    ]


def clause_choices() -> list[tuple[str, str]]:
    from .services import clause_templates

    return [(c.id, c.title_in(get_language())) for c in clause_templates()]


def clause_lookup() -> dict[str, Item]:
    from .services import clause_templates

    return {c.id: c for c in clause_templates()}


def screening_subject(
    organisation: Organisation, subject_type: str, subject_id: int | None
) -> dict[str, str] | None:
    """What a screening is about: a label, a link and the text to screen by default; None if unknown."""
    from rightslens.assessments.models import Assessment
    from rightslens.inventory.models import AISystem

    if subject_id is None:
        return None
    slug = organisation.slug
    if subject_type == "system":
        system = AISystem.objects.filter(organisation=organisation, pk=subject_id).first()
        if system:
            text = f"{system.purpose}. {system.description}".strip()
            return {"label": system.name, "url": f"/o/{slug}/systems/{system.pk}/", "text": text}
    if subject_type == "customer":
        customer = Counterparty.objects.filter(organisation=organisation, pk=subject_id).first()
        if customer:
            url = f"/o/{slug}/procurement/counterparties/{customer.pk}/"
            return {"label": customer.name, "url": url, "text": customer.notes}
    if subject_type == "procurement":
        procurement = Procurement.objects.filter(organisation=organisation, pk=subject_id).first()
        if procurement:
            url = f"/o/{slug}/procurement/procurements/{procurement.pk}/"
            return {"label": procurement.title, "url": url, "text": procurement.use_case_text}
    if subject_type == "assessment":
        assessment = Assessment.objects.filter(organisation=organisation, pk=subject_id).first()
        if assessment:
            return {"label": str(assessment), "url": "", "text": assessment.context_of_use}
    return None


def screening_view(screening: RedLineScreening) -> list[dict[str, Any]]:
    """Each hit with its legal-status sentence, and its red line's title and exceptions in the
    reader's language where the library translates them (else as stored with the screening)."""
    red_lines = {i.id: i for i in screening_services.red_line_items()}
    return [
        {
            "hit": hit,
            "legal_status": legal_status_summary(hit),
            "title": translated(red_lines.get(hit.red_line_id), "title", hit.title),
            "exceptions": translated(red_lines.get(hit.red_line_id), "exceptions", hit.exceptions),
            "evidence": answered_evidence(hit),
        }
        for hit in screening_hits(screening)
    ]


def translated(item: Item | None, name: str, stored: str) -> str:
    """`name` of `item` in the reader's language where the library gives a translation; else
    `stored` (the English text kept with a screening or answer when it was made)."""
    if item is None:
        return stored
    text = item.text_in(name, get_language())
    return str(text) if text and text != item.text_in(name, None) else stored


def sections_in_language(questions: list[Item]) -> dict[str, str]:
    """Each question's section (as stored) mapped to its name in the reader's language."""
    return {
        str(q.get("section")): translated(q, "section", str(q.get("section"))) for q in questions
    }


REVIEW_LABELS = {"accepted": "Accepted", "needs_clarification": "Needs clarification"}


def request_scoring(request: QuestionnaireRequest) -> Scoring | None:
    """The submitted answers scored with the current rules (None before any submission). Scored
    afresh rather than read from the stored outcome, so a correction to the rules shows at once."""
    if not request.outcome:
        return None
    return score(questions_for(request), request.answers)


YES_NO_LABELS = {
    YES: pgettext_lazy("questionnaire answer", "Yes"),
    NO: pgettext_lazy("questionnaire answer", "No"),
}


def choice_labels(question: Item) -> list[tuple[str, str]]:
    """(stored value, label in the reader's language) for each answer a yes/no or choice question
    offers. The value is what a form posts and a request stores, always the library's English; the
    label is the library's translation of the choice where it gives one (else the choice as written)."""
    if question.get("answer_kind") == AnswerKind.YES_NO:
        return [(value, str(label)) for value, label in YES_NO_LABELS.items()]
    if question.get("answer_kind") != AnswerKind.CHOICE:
        return []
    choices = [str(c) for c in question.get("choices", []) or []]
    translated = question.text_in("choices", get_language())
    labels = (
        [str(t) for t in translated]
        if isinstance(translated, tuple) and len(translated) == len(choices)
        else choices
    )
    return list(zip(choices, labels, strict=True))


def answer_label(question: Item, answer: str) -> str:
    """A stored answer as the reader reads it: 'yes' as 'Yes' ('Oui', 'Sí'), a choice by its label
    in the reader's language; a written answer (or a value the question no longer offers) as given."""
    return dict(choice_labels(question)).get(answer, answer)


#: The evidence core.screening.hit_for_answer writes for a questionnaire's red-line answer.
_ANSWERED = re.compile(r"(?P<question>.+) — answered: (?P<answer>.*)\Z", re.S)


def answered_evidence(hit: RedLineHit) -> str:
    """The evidence of a hit a questionnaire answer put on a screen ("<question> — answered: yes",
    stored in English) with the question and the answer in the reader's language; any other
    evidence as stored."""
    parts = _ANSWERED.match(hit.evidence) if hit.origin == "questionnaire" else None
    if parts is None:
        return hit.evidence
    question = next(
        (
            q
            for q in request_services.knowledge_items()
            if q.type == "question" and str(q.get("text")) == parts["question"]
        ),
        None,
    )
    if question is None:
        return hit.evidence
    return pgettext("questionnaire answer", "%(question)s — answered: %(answer)s") % {
        "question": translated(question, "text", parts["question"]),
        "answer": answer_label(question, parts["answer"]),
    }


def _finding(question: Item, request: QuestionnaireRequest) -> dict[str, Any]:
    return {
        "id": question.id,
        "section": translated(question, "section", str(question.get("section"))),
        "text": translated(question, "text", str(question.get("text"))),
        "answer": answer_label(question, str(request.answers.get(question.id, ""))),
    }


def request_findings(request: QuestionnaireRequest) -> dict[str, Any] | None:
    """Red lines, missing and weak essentials named by their question text and section."""
    scoring = request_scoring(request)
    if scoring is None:
        return None
    by_id = {q.id: q for q in questions_for(request)}
    red_line_titles = {
        r.id: translated(r, "title", r.title) for r in screening_services.red_line_items()
    }
    return {
        "scoring": scoring,
        "red_lines": [
            {
                **_finding(by_id[f.question_id], request),
                "red_line": red_line_titles.get(f.red_line_id, "a red line"),
            }
            for f in scoring.red_lines
        ],
        "missing": [_finding(by_id[qid], request) for qid in scoring.missing_essentials],
        "weak": [_finding(by_id[qid], request) for qid in scoring.weak_essentials],
        "label": OUTCOME_LABELS[scoring.outcome],
    }


def request_sections(request: QuestionnaireRequest) -> list[dict[str, Any]]:
    """The visible questions grouped by section, each with its answer, review and evidence."""
    questions = questions_for(request)
    visible = visible_questions(questions, request.answers)
    evidence = list(request.evidence.all())
    scoring = request_scoring(request)
    flagged = {f.question_id for f in scoring.red_lines} if scoring else set()
    missing = set(scoring.missing_essentials) if scoring else set()
    weak = set(scoring.weak_essentials) if scoring else set()
    rows = [
        {
            "question": q,
            "answer": answer_label(q, str(request.answers.get(q.id, ""))),
            "review": request.reviews.get(q.id, {}),
            "review_label": REVIEW_LABELS.get(request.reviews.get(q.id, {}).get("verdict", ""), ""),
            "evidence": [e for e in evidence if e.question_id == q.id],
            "red_line": q.id in flagged,
            "missing": q.id in missing,
            "weak": q.id in weak,
            "reopened": q.id in request.reopened,
        }
        for q in visible
    ]
    names = sections_in_language(visible)
    return [
        {
            "title": names[section],
            "rows": [r for r in rows if r["question"].get("section") == section],
        }
        for section in sections_of(visible)
    ]


def questionnaire_title(questionnaire_id: str) -> str:
    item = request_services.questionnaire_item(questionnaire_id)
    return item.title_in(get_language()) if item else questionnaire_id


def outcome_label(request: QuestionnaireRequest) -> str:
    return OUTCOME_LABELS.get(request.outcome.get("outcome", ""), "Not yet submitted")
