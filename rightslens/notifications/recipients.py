"""Who is told: grievance officers, an assignee, an author, or the owners as the fallback."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from rightslens.accounts.models import Membership, Organisation, Role


def _active(organisation: Organisation) -> QuerySet[Membership]:
    return Membership.objects.filter(
        organisation=organisation, is_active=True, only_assessment__isnull=True
    ).select_related("user", "organisation")


def officers(organisation: Organisation) -> list[Membership]:
    return list(_active(organisation).filter(is_grievance_officer=True))


def owners(organisation: Organisation) -> list[Membership]:
    return list(_active(organisation).filter(role=Role.OWNER))


def member_of(organisation: Organisation, user: Any) -> Membership | None:
    if user is None:
        return None
    return (
        Membership.objects.filter(organisation=organisation, user=user, is_active=True)
        .select_related("user", "organisation")
        .first()
    )


def assignee_or(assignee: Membership | None, fallback: list[Membership]) -> list[Membership]:
    return [assignee] if assignee is not None and assignee.is_active else fallback


def person_or_owners(organisation: Organisation, user: Any) -> list[Membership]:
    found = member_of(organisation, user)
    return [found] if found is not None else owners(organisation)
