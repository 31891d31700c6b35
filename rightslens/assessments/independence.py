"""Independent sign-off: whoever wrote an assessment with a severe impact cannot approve it alone.

An organisation setting (on by default, changed by an owner and audited). The approver must be an
owner, or a reviewer of this assessment (an outside reviewer invited to it), and not its author.
"""

from __future__ import annotations

from rightslens.accounts.models import Membership
from rightslens.assessments.models import Assessment
from rightslens.core.severity import SeverityBand

NOT_THE_AUTHOR = (
    "This assessment has a severe impact and independent sign-off is on: it must be approved by "
    "an owner or reviewer who is not its author."
)
NOT_A_REVIEWER = (
    "This assessment has a severe impact and independent sign-off is on: it must be approved by "
    "an owner or a reviewer of this assessment."
)


def is_assessment_reviewer(assessment: Assessment, membership: Membership) -> bool:
    return (
        membership.only_assessment_id == assessment.pk
        or assessment.reviewers.filter(user_id=membership.user_id).exists()
    )


def independent_signoff_problem(assessment: Assessment, membership: Membership) -> str | None:
    """Why this member may not approve under independent sign-off, or None when they may."""
    if not assessment.organisation.independent_signoff:
        return None
    if not assessment.impacts.filter(severity_band=SeverityBand.SEVERE).exists():
        return None
    if assessment.created_by_id is not None and assessment.created_by_id == membership.user_id:
        return NOT_THE_AUTHOR
    if not (membership.is_senior or is_assessment_reviewer(assessment, membership)):
        return NOT_A_REVIEWER
    return None
