"""The periodic scan for things falling due or overdue (`manage.py notify_due`, Celery beat).

Idempotent: each thing is notified once per threshold ("due" when it comes within its window,
"overdue" once past), whatever how often the scan runs. Takes `now` so a simulated clock works.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from typing import TypeVar

from rightslens.accounts.models import Organisation
from rightslens.assessments.models import Action, ActionStatus, Assessment, AssessmentStatus
from rightslens.core.grievance import GrievanceState, deadline_for
from rightslens.grievances.models import Grievance
from rightslens.grievances.selectors import target_times

from . import events
from .models import Kind
from .recipients import assignee_or, officers, person_or_owners
from .services import notify

GRIEVANCE_WINDOW = timedelta(days=2)
ACTION_WINDOW = timedelta(days=3)
REVIEW_WINDOW = timedelta(days=14)
OPEN_ACTION = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)

When = TypeVar("When", datetime, date)


def threshold(due: When, now: When, window: timedelta) -> str | None:
    if now > due:
        return "overdue"
    if due - now <= window:
        return "due"
    return None


def _milestone_word(milestone: GrievanceState | None) -> str:
    """The milestone's name in the notification forms (notifications/wording.py)."""
    if milestone is None:
        return "appeal"
    if milestone == GrievanceState.ACKNOWLEDGED:
        return "acknowledgement"
    return "response"


def grievances(organisation: Organisation, now: datetime) -> int:
    targets, made = target_times(organisation), 0
    for case in Grievance.objects.filter(organisation=organisation).exclude(state="closed"):
        found = deadline_for(
            GrievanceState(case.state),
            received_at=case.received_at,
            appealed_at=case.appealed_at,
            targets=targets,
        )
        level = found and threshold(found.due, now, GRIEVANCE_WINDOW)
        if not found or not level:
            continue
        word = _milestone_word(found.milestone)
        made += len(
            notify(
                recipients=assignee_or(case.assignee, officers(organisation)),
                kind=Kind.GRIEVANCE_DEADLINE,
                form=f"grievance_{word}_{level}",
                parts={"case": case.pk, "date": found.due},
                link=f"/o/{organisation.slug}/grievances/{case.pk}/",
                key=f"grievance:{case.pk}:{found.milestone or 'appeal'}:{found.due:%Y%m%d}:{level}",
                now=now,
            )
        )
    return made


def current_actions(organisation: Organisation) -> list[Action]:
    """Open actions with a due date, in the latest version of each assessment only."""
    return list(
        Action.objects.filter(
            organisation=organisation, status__in=OPEN_ACTION, due_date__isnull=False
        )
        .exclude(impact__assessment__status=AssessmentStatus.SUPERSEDED)
        .filter(impact__assessment__successors__isnull=True)
        .select_related("impact__assessment", "assignee")
    )


def actions(organisation: Organisation, now: datetime) -> int:
    made = 0
    for action in current_actions(organisation):
        assert action.due_date is not None
        level = threshold(action.due_date, now.date(), ACTION_WINDOW)
        if not level:
            continue
        assessment = action.impact.assessment
        made += len(
            notify(
                recipients=assignee_or(
                    action.assignee, person_or_owners(organisation, assessment.created_by)
                ),
                kind=Kind.ACTION_DUE,
                form=f"action_{level}",
                parts={"date": action.due_date, "title": assessment.title},
                link=f"/o/{organisation.slug}/assessments/{assessment.pk}/plan/",
                key=f"action:{action.pk}:{action.due_date:%Y%m%d}:{level}",
                now=now,
            )
        )
    return made


def review_due_at(assessment: Assessment) -> datetime | None:
    if assessment.approved_at is None:
        return None
    return assessment.approved_at + timedelta(days=assessment.organisation.review_period_days)


def assessment_reviews(organisation: Organisation, now: datetime) -> int:
    made = 0
    for assessment in Assessment.objects.filter(
        organisation=organisation, status=AssessmentStatus.APPROVED
    ).select_related("organisation"):
        due = review_due_at(assessment)
        level = due and threshold(due, now, REVIEW_WINDOW)
        if not due or not level:
            continue
        made += len(
            notify(
                recipients=person_or_owners(organisation, assessment.created_by),
                kind=Kind.ASSESSMENT_REVIEW_DUE,
                form=f"assessment_review_{level}",
                parts={"date": due, "title": assessment.title},
                link=f"/o/{organisation.slug}/assessments/{assessment.pk}/review/",
                key=f"assessment:{assessment.pk}:review:{due:%Y%m%d}:{level}",
                now=now,
            )
        )
    return made


def systems_changed(organisation: Organisation, now: datetime) -> int:
    from rightslens.inventory.models import AISystem

    changed = AISystem.objects.filter(organisation=organisation, changed_at__isnull=False)
    return sum(events.system_changed(system, now=now) for system in changed)


def scan(*, organisation: Organisation, now: datetime) -> Counter[str]:
    """Notify everything due or overdue in one organisation; returns how many of each kind."""
    return Counter(
        {
            Kind.GRIEVANCE_DEADLINE.value: grievances(organisation, now),
            Kind.ACTION_DUE.value: actions(organisation, now),
            Kind.ASSESSMENT_REVIEW_DUE.value: assessment_reviews(organisation, now),
            Kind.SYSTEM_CHANGED.value: systems_changed(organisation, now),
        }
    )
