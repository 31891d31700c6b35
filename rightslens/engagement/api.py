"""Engagement API: the stakeholder register (never contact details), the log and coverage.

Mounted at /api/engagement/.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from rightslens.accounts.access import membership_for, org_object_or_404
from rightslens.api.auth import OrgMemberTokenAuth
from rightslens.api.schemas import Out

from .models import EngagementEvent, Stakeholder
from .selectors import coverage, events_for, stakeholders_for

router = Router(auth=OrgMemberTokenAuth(), tags=["engagement"])


class StakeholderOut(Out):
    id: int
    name: str
    kind: str
    region: str
    languages: list[str]
    vulnerability: str
    represents: int | None


class EventOut(Out):
    id: int
    title: str
    held_on: str
    phase: str
    method: str
    participants: list[int]
    language_support: str
    heard: str
    changed: str
    impacts: list[int]


class SevereImpactCoverageOut(Out):
    impact: int
    heard: list[int]
    heard_elsewhere: list[int]
    unheard: list[int]


class CoverageOut(Out):
    share_outside_north_america_western_europe: float | None
    participations: int
    severe_impacts: list[SevereImpactCoverageOut]


def stakeholder_record(s: Stakeholder) -> dict[str, Any]:
    return {
        "id": s.pk,
        "name": s.name,
        "kind": s.kind,
        "region": s.region,
        "languages": s.languages,
        "vulnerability": s.vulnerability,
        "represents": s.represents_id,
    }


def event_record(e: EngagementEvent) -> dict[str, Any]:
    return {
        "id": e.pk,
        "title": e.title,
        "held_on": e.held_on.isoformat(),
        "phase": e.phase,
        "method": e.method,
        "participants": [s.pk for s in e.participants.all()],
        "language_support": e.language_support,
        "heard": e.heard,
        "changed": e.changed,
        "impacts": [i.pk for i in e.impacts.all()],
    }


@router.get("/orgs/{org_slug}/stakeholders", response={200: list[StakeholderOut]})
def list_stakeholders(request: HttpRequest, org_slug: str) -> list[dict[str, Any]]:
    membership = membership_for(request.user, org_slug)
    return [stakeholder_record(s) for s in stakeholders_for(organisation=membership.organisation)]


@router.get("/orgs/{org_slug}/stakeholders/{stakeholder_id}", response={200: StakeholderOut})
def get_stakeholder(request: HttpRequest, org_slug: str, stakeholder_id: int) -> dict[str, Any]:
    membership = membership_for(request.user, org_slug)
    return stakeholder_record(org_object_or_404(Stakeholder.objects, membership, pk=stakeholder_id))


@router.get("/orgs/{org_slug}/events", response={200: list[EventOut]})
def list_events(request: HttpRequest, org_slug: str) -> list[dict[str, Any]]:
    membership = membership_for(request.user, org_slug)
    return [event_record(e) for e in events_for(organisation=membership.organisation)]


@router.get("/orgs/{org_slug}/events/{event_id}", response={200: EventOut})
def get_event(request: HttpRequest, org_slug: str, event_id: int) -> dict[str, Any]:
    membership = membership_for(request.user, org_slug)
    return event_record(org_object_or_404(EngagementEvent.objects, membership, pk=event_id))


@router.get("/orgs/{org_slug}/coverage", response={200: CoverageOut})
def get_coverage(request: HttpRequest, org_slug: str) -> dict[str, Any]:
    membership = membership_for(request.user, org_slug)
    found = coverage(organisation=membership.organisation)
    return {
        "share_outside_north_america_western_europe": found["share_outside"],
        "participations": found["participations"],
        "severe_impacts": [
            {
                "impact": r["impact"].pk,
                "heard": [g.pk for g in r["heard"]],
                "heard_elsewhere": [g.pk for g in r["heard_elsewhere"]],
                "unheard": [g.pk for g in r["unheard"]],
            }
            for r in found["rows"]
        ],
    }
