"""Event notifications, each called with one line from the service where the event happens.

Subjects name the thing by its number or title and link to it. A grievance is named only by its
case number: never the complainant's identity, never the grievance text.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .models import Kind
from .recipients import officers, person_or_owners
from .services import notify


def grievance_received(grievance: Any) -> None:
    org = grievance.organisation
    notify(
        recipients=officers(org),
        kind=Kind.GRIEVANCE_NEW,
        form="grievance_new",
        parts={"case": grievance.pk},
        link=f"/o/{org.slug}/grievances/{grievance.pk}/",
        key=f"grievance:{grievance.pk}:new",
    )


def _active_member(organisation: Any, user: Any) -> list[Any]:
    """The reviewer's active membership of the organisation, as a recipient list (maybe empty)."""
    from rightslens.accounts.models import Membership

    found = Membership.objects.filter(organisation=organisation, user=user, is_active=True).first()
    return [found] if found else []


def review_requested(reviewer: Any) -> None:
    assessment = reviewer.assessment
    notify(
        recipients=_active_member(assessment.organisation, reviewer.user),
        kind=Kind.REVIEW_REQUESTED,
        form="review_requested",
        parts={"title": assessment.title, "version": assessment.version},
        link=f"/o/{assessment.organisation.slug}/assessments/{assessment.pk}/review/",
        key=f"reviewer:{reviewer.pk}:requested",
    )


def fria_review_requested(reviewer: Any) -> None:
    fria = reviewer.fria
    notify(
        recipients=_active_member(fria.organisation, reviewer.user),
        kind=Kind.REVIEW_REQUESTED,
        form="fria_review_requested",
        parts={"system": fria.system.name, "version": fria.version},
        link=f"/o/{fria.organisation.slug}/disclosure/fria/{fria.pk}/",
        key=f"fria-reviewer:{reviewer.pk}:requested",
    )


def questionnaire_answered(request: Any) -> None:
    org = request.organisation
    submitted = request.submitted_at.isoformat() if request.submitted_at else ""
    notify(
        recipients=person_or_owners(org, request.sent_by),
        kind=Kind.QUESTIONNAIRE_ANSWERED,
        form="questionnaire_answered",
        parts={"counterparty": request.counterparty.name},
        link=f"/o/{org.slug}/procurement/requests/{request.pk}/",
        key=f"questionnaire:{request.pk}:answered:{submitted}",
    )


def system_changed(system: Any, now: datetime | None = None) -> int:
    """Tell the authors of the system's approved assessments that it changed after their sign-off."""
    if system.changed_at is None:
        return 0
    made = 0
    for assessment in system.assessments.filter(
        status="approved", approved_at__lt=system.changed_at
    ).select_related("organisation"):
        org = assessment.organisation
        made += len(
            notify(
                recipients=person_or_owners(org, assessment.created_by),
                kind=Kind.SYSTEM_CHANGED,
                form="system_changed",
                parts={"system": system.name, "title": assessment.title},
                link=f"/o/{org.slug}/assessments/{assessment.pk}/review/",
                key=f"system:{system.pk}:changed:{system.changed_at.isoformat()}:{assessment.pk}",
                now=now,
            )
        )
    return made
