"""Red-line screening: run a screen over a use case, and record the senior decision a hit needs.

Used by procurement, customer checks and the due-diligence cycle's scoping step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Membership, Organisation
from rightslens.core.knowledge.model import Item
from rightslens.core.screening import RedLineHit, screen_use_case
from rightslens.errors import FieldErrors

from .models import RedLineScreening, ScreeningDecision, ScreeningSubject


def red_line_items() -> list[Item]:
    from rightslens.common.knowledge import knowledge

    return knowledge().offered("red_line")


@transaction.atomic
def screening_run(
    *,
    organisation: Organisation,
    user: Any,
    subject_type: str,
    subject_id: int | None,
    text: str,
    red_lines: Sequence[Item] | None = None,
) -> RedLineScreening:
    """Screen `text` against the red lines (the knowledge base's unless given) and store the result."""
    errors: dict[str, str] = {}
    if subject_type not in ScreeningSubject.values:
        errors["subject_type"] = f"Choose one of: {', '.join(ScreeningSubject.values)}."
    if not (text or "").strip():
        errors["use_case_text"] = "Describe the use case: what the system does, for whom, on whom."
    if errors:
        raise FieldErrors(errors)
    items = red_line_items() if red_lines is None else list(red_lines)
    hits = screen_use_case(text, items)
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
        raise PermissionDenied("This screening belongs to another organisation.")
    if not membership.is_senior:
        raise PermissionDenied(
            "A red-line hit must be decided by the organisation's senior (owner) role."
        )
    errors: dict[str, str] = {}
    if decision not in ScreeningDecision.values:
        errors["decision"] = f"Choose one of: {', '.join(ScreeningDecision.values)}."
    if not (reasons or "").strip():
        errors["decision_reasons"] = (
            "Give the reasons for the decision; they are kept in the record."
        )
    if not screening.hits:
        errors["decision"] = "This screening found no red line, so there is nothing to decide."
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
