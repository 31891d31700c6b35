"""FRIA sign-off as for assessments: reviewers, independent approval when the system has a severe
impact (the assessments' rule and the organisation's setting), and no approval while a gap is
left unanswered without a recorded reason."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.accounts.models import Membership
from rightslens.assessments.independence import independence_problem
from rightslens.core.disclosure.signoff import fria_approval_problems, open_gaps, unanswered_gaps
from rightslens.core.severity import SeverityBand
from rightslens.errors import FieldErrors

from .models import Fria, FriaStatus
from .register import latest_assessment
from .selectors import document_items, fria_json


def fria_gaps(*, fria: Fria) -> list[str]:
    """Every gap of the FRIA as it reads now, named 'item: gap'."""
    document = fria_json(system=fria.system, fria=fria)
    return open_gaps((key, entry.get("gaps", [])) for key, entry in document_items(document))


def has_severe_impact(fria: Fria) -> bool:
    assessment = latest_assessment(fria.system)
    return (
        assessment is not None
        and assessment.impacts.filter(severity_band=SeverityBand.SEVERE).exists()
    )


def fria_approval_refusals(*, fria: Fria, membership: Membership) -> list[str]:
    independence = independence_problem(
        membership=membership,
        severe=has_severe_impact(fria),
        author_id=fria.created_by_id,
        is_reviewer=lambda: fria.reviewers.filter(user_id=membership.user_id).exists(),
        noun="FRIA",
    )
    return fria_approval_problems(
        in_review=fria.status == FriaStatus.IN_REVIEW,
        approver_is_senior=membership.is_senior,
        unanswered=unanswered_gaps(fria_gaps(fria=fria), fria.gap_reasons),
        independence=independence,
    )


@transaction.atomic
def fria_gap_reasons_record(*, fria: Fria, actor: Any, reasons: dict[str, str]) -> Fria:
    """Record why gaps stay open. Only gaps the FRIA has now; an empty reason removes one."""
    if fria.is_frozen:
        raise FieldErrors({"gap_reasons": _("An approved FRIA is a record: start a new version.")})
    gaps = set(fria_gaps(fria=fria))
    unknown = sorted(set(reasons) - gaps)
    if unknown:
        raise FieldErrors(
            {"gap_reasons": _("Not a gap of this FRIA: %(gaps)s.") % {"gaps": "; ".join(unknown)}}
        )
    before = dict(fria.gap_reasons)
    merged = {k: v for k, v in (before | reasons).items() if k in gaps}
    fria.gap_reasons = {k: v.strip() for k, v in merged.items() if v.strip()}
    fria.save(update_fields=["gap_reasons", "updated_at"])
    audit_record(
        organisation=fria.organisation,
        actor=actor,
        verb="fria.gap_reasons",
        obj=fria,
        summary=f"{len(fria.gap_reasons)} gap(s) with a reason",
        before={"gap_reasons": before},
        after={"gap_reasons": fria.gap_reasons},
    )
    return fria
