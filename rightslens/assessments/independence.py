"""Independent sign-off: whoever wrote an assessment with a severe impact cannot approve it alone.

An organisation setting (on by default, changed by an owner and audited). The approver must be an
owner, or a reviewer of this assessment (an outside reviewer invited to it), and not its author.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext, gettext_noop

from rightslens.accounts.models import Membership
from rightslens.assessments.models import Assessment
from rightslens.core.severity import SeverityBand

#: (noun, reason) -> the refusal, in English; shown with gettext in the reader's language.
_REFUSALS = {
    ("assessment", "author"): gettext_noop(
        "This assessment has a severe impact and independent sign-off is on: it must be approved "
        "by an owner or reviewer who is not its author."
    ),
    ("assessment", "reviewer"): gettext_noop(
        "This assessment has a severe impact and independent sign-off is on: it must be approved "
        "by an owner or a reviewer of this assessment."
    ),
    ("FRIA", "author"): gettext_noop(
        "This FRIA has a severe impact and independent sign-off is on: it must be approved by an "
        "owner or reviewer who is not its author."
    ),
    ("FRIA", "reviewer"): gettext_noop(
        "This FRIA has a severe impact and independent sign-off is on: it must be approved by an "
        "owner or a reviewer of this FRIA."
    ),
}
NOT_THE_AUTHOR = _REFUSALS["assessment", "author"]
NOT_A_REVIEWER = _REFUSALS["assessment", "reviewer"]


def is_assessment_reviewer(assessment: Assessment, membership: Membership) -> bool:
    return (
        membership.only_assessment_id == assessment.pk
        or assessment.reviewers.filter(user_id=membership.user_id).exists()
    )


def independent_signoff_problem(assessment: Assessment, membership: Membership) -> str | None:
    """Why this member may not approve under independent sign-off, or None when they may."""
    return independence_problem(
        membership=membership,
        severe=assessment.impacts.filter(severity_band=SeverityBand.SEVERE).exists(),
        author_id=assessment.created_by_id,
        is_reviewer=lambda: is_assessment_reviewer(assessment, membership),
        noun="assessment",
    )


def independence_problem(
    *,
    membership: Membership,
    severe: bool,
    author_id: int | None,
    is_reviewer: Callable[[], bool],
    noun: str,
) -> str | None:
    """The rule for any signed-off record (assessment, FRIA): with a severe impact and the
    organisation's setting on, the approver is an owner or the record's reviewer, not its author."""
    if not membership.organisation.independent_signoff or not severe:
        return None
    if author_id is not None and author_id == membership.user_id:
        return gettext(_REFUSALS[noun, "author"])
    if not (membership.is_senior or is_reviewer()):
        return gettext(_REFUSALS[noun, "reviewer"])
    return None
