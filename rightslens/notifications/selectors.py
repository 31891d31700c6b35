"""Reads: the inbox, its unread count, preferences, and the member's tasks."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from rightslens.accounts.models import Membership

from .models import Kind, Notification, Preference


def unread_count(*, membership: Membership) -> int:
    return Notification.objects.filter(
        recipient=membership, in_inbox=True, read_at__isnull=True
    ).count()


def inbox(*, membership: Membership) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=membership, in_inbox=True)


def preference_rows(*, membership: Membership) -> list[dict[str, Any]]:
    saved = {p.kind: p for p in Preference.objects.filter(membership=membership)}
    rows = []
    for kind in Kind:
        pref = saved.get(kind.value)
        rows.append(
            {
                "kind": kind.value,
                "label": kind.label,
                "in_app": pref.in_app if pref else True,
                "email": pref.email if pref else True,
                "digest": pref.digest if pref else False,
            }
        )
    return rows


def _due_state(due: date | None, today: date) -> str:
    if due is None:
        return ""
    return "overdue" if due < today else "due"


def my_actions(membership: Membership, today: date) -> list[dict[str, Any]]:
    from .scan import current_actions

    return [
        {"action": a, "assessment": a.impact.assessment, "state": _due_state(a.due_date, today)}
        for a in current_actions(membership.organisation)
        if a.assignee_id == membership.pk
    ]


def my_reviews(membership: Membership) -> list[Any]:
    from rightslens.assessments.models import Assessment, AssessmentStatus

    open_states = (AssessmentStatus.DRAFT, AssessmentStatus.IN_REVIEW)
    requested = Assessment.objects.filter(
        organisation=membership.organisation,
        status__in=open_states,
        reviewers__user=membership.user,
        reviewers__decision="pending",
    )
    return list(requested.distinct())


def my_cases(membership: Membership) -> list[Any]:
    """Grievance cases assigned to me: case number, state and next deadline only."""
    from rightslens.grievances.models import Grievance
    from rightslens.grievances.selectors import target_times, with_deadlines

    cases = Grievance.objects.filter(organisation=membership.organisation, assignee=membership)
    return with_deadlines(cases.exclude(state="closed"), target_times(membership.organisation))


def my_assessment_reviews(membership: Membership) -> list[dict[str, Any]]:
    from rightslens.assessments.models import Assessment, AssessmentStatus

    from .scan import review_due_at

    now = timezone.now()
    rows = []
    for a in Assessment.objects.filter(
        organisation=membership.organisation,
        status=AssessmentStatus.APPROVED,
        created_by=membership.user,
    ).select_related("organisation"):
        due = review_due_at(a)
        rows.append({"assessment": a, "due": due, "overdue": bool(due and due < now)})
    return rows


def my_tasks(*, membership: Membership) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "actions": my_actions(membership, today),
        "reviews": my_reviews(membership),
        "cases": my_cases(membership) if membership.is_grievance_officer else [],
        "assessment_reviews": my_assessment_reviews(membership),
    }
