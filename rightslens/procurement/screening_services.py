"""Red-line screening: run a screen over a use case, and record the senior decision a hit needs.

Used by procurement, customer checks and the due-diligence cycle's scoping step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Membership, Organisation
from rightslens.core.knowledge.model import Item
from rightslens.core.questionnaire import score
from rightslens.core.screening import RedLineHit, hit_for_answer, screen_use_case
from rightslens.errors import FieldErrors

from .models import RedLineScreening, ScreeningDecision, ScreeningSubject


def red_line_items() -> list[Item]:
    """The red lines on offer, with the elements screening reads them by."""
    from rightslens.common.knowledge import knowledge

    kb = knowledge()
    return kb.offered("red_line") + kb.offered("red_line_element")


def answer_hits(request: Any) -> list[RedLineHit]:
    """Hits put on a screen by a questionnaire's red-line answers (a vendor's 'Yes')."""
    from .request_services import questions_for

    if request is None or not request.answers:
        return []
    questions = questions_for(request)
    by_id = {q.id: q for q in questions}
    red_lines = {i.id: i for i in red_line_items() if i.type == "red_line"}
    return [
        hit_for_answer(red_lines[f.red_line_id], str(by_id[f.question_id].get("text")), f.answer)
        for f in score(questions, request.answers).red_lines
        if f.red_line_id in red_lines
    ]


@transaction.atomic
def screening_run(
    *,
    organisation: Organisation,
    user: Any,
    subject_type: str,
    subject_id: int | None,
    text: str,
    red_lines: Sequence[Item] | None = None,
    answered: Sequence[RedLineHit] = (),
) -> RedLineScreening:
    """Screen `text` against the red lines (the knowledge base's unless given) and store the result,
    with any hits that questionnaire answers put on the screen (`answered`)."""
    errors: dict[str, str] = {}
    if subject_type not in ScreeningSubject.values:
        errors["subject_type"] = _("Choose one of: %(choices)s.") % {
            "choices": ", ".join(ScreeningSubject.values)
        }
    if not (text or "").strip():
        errors["use_case_text"] = _(
            "Describe the use case: what the system does, for whom, on whom."
        )
    if errors:
        raise FieldErrors(errors)
    items = red_line_items() if red_lines is None else list(red_lines)
    hits = screen_use_case(text, items)
    hits += [a for a in answered if a.red_line_id not in {h.red_line_id for h in hits}]
    screening = RedLineScreening.objects.create(
        organisation=organisation,
        subject_type=subject_type,
        subject_id=subject_id,
        use_case_text=text.strip(),
        hits=[h.as_dict() for h in hits],
        screened_by=user,
    )
    audit_record(
        organisation=organisation,
        actor=user,
        verb="screened",
        obj=screening,
        summary=f"Red-line screen: {len(hits)} hit(s)",
        after={"hits": [h.red_line_id for h in hits]},
    )
    return screening


@transaction.atomic
def screening_decide(
    *, screening: RedLineScreening, membership: Membership, decision: str, reasons: str
) -> RedLineScreening:
    """Record the senior decision on a screening with hits. Only the senior role may decide."""
    if membership.organisation_id != screening.organisation_id:
        raise PermissionDenied(_("This screening belongs to another organisation."))
    if not membership.is_senior:
        raise PermissionDenied(
            _("A red-line hit must be decided by the organisation's senior (owner) role.")
        )
    errors: dict[str, str] = {}
    if decision not in ScreeningDecision.values:
        errors["decision"] = _("Choose one of: %(choices)s.") % {
            "choices": ", ".join(ScreeningDecision.values)
        }
    if not (reasons or "").strip():
        errors["decision_reasons"] = _(
            "Give the reasons for the decision; they are kept in the record."
        )
    if not screening.hits:
        errors["decision"] = _("This screening found no red line, so there is nothing to decide.")
    if errors:
        raise FieldErrors(errors)
    before = {"decision": screening.decision, "decision_reasons": screening.decision_reasons}
    screening.decision = decision
    screening.decision_reasons = reasons.strip()
    screening.decided_by = membership.user
    screening.decided_at = timezone.now()
    screening.save(update_fields=["decision", "decision_reasons", "decided_by", "decided_at"])
    audit_record(
        organisation=screening.organisation,
        actor=membership.user,
        verb="red_line_decided",
        obj=screening,
        summary=f"Red-line decision: {decision}",
        before=before,
        after={"decision": decision, "decision_reasons": screening.decision_reasons},
    )
    return screening


def screening_hits(screening: RedLineScreening) -> list[RedLineHit]:
    return [RedLineHit.from_dict(raw) for raw in screening.hits]


def latest_screening(
    organisation: Organisation, subject_type: str, subject_id: int | None
) -> RedLineScreening | None:
    return (
        RedLineScreening.objects.filter(
            organisation=organisation, subject_type=subject_type, subject_id=subject_id
        )
        .order_by("-screened_at", "-id")
        .first()
    )
