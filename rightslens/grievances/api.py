"""Grievances API: case metadata for integrations. Never content, never identity.

Mounted at /api/grievances/. Outsiders get 404. The same need-to-know rule as the case page:
per-case details (language, systems, rights, impacts, remedies, the complainant's view) only for
grievance officers or a member granted a disclosure, and every such read is audited; other
members see each case's state and dates (as on the queue's deadlines), and the dashboard.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from rightslens.accounts.access import membership_for, org_object_or_404
from rightslens.api.auth import OrgMemberTokenAuth
from rightslens.api.schemas import Out
from rightslens.core.grievance import GrievanceState, moves_from

from .models import Grievance
from .selectors import dashboard, grievances_for
from .services import can_read_identity, grievance_record_read, is_officer

router = Router(auth=OrgMemberTokenAuth(), tags=["grievances"])


class GrievanceTimingOut(Out):
    """What any member may see of a case."""

    id: int
    state: str
    received_at: str
    acknowledged_at: str | None
    closed_at: str | None
    appealed_at: str | None
    appeal_answered_at: str | None
    lock_version: int


class RemedyOut(Out):
    form: str
    route: str
    provided_on: str


class GrievanceOut(GrievanceTimingOut):
    """A case as a grievance officer (or a member granted a disclosure) sees it."""

    allowed_moves: list[str]
    language: str
    systems: list[int]
    rights: list[str]
    impacts: list[int]
    remedies: list[RemedyOut]
    outcome_helped: bool | None


class TimingOut(Out):
    count: int
    on_time: int
    median_days: float | None
    target_days: int


class AppealTimingOut(TimingOut):
    open: int
    overdue: int


class DashboardOut(Out):
    total: int
    by_state: list[tuple[str, int]]
    acknowledge: TimingOut
    remedy: TimingOut
    closed: int
    appeal: AppealTimingOut
    resolve: TimingOut
    outcomes: list[tuple[str, int]]
    helped_yes: int
    helped_no: int
    themes_by_right: list[tuple[str, int]]
    themes_by_system: list[tuple[str, int]]


def grievance_timing(g: Grievance) -> dict[str, Any]:
    """What any member may see of a case: its state and dates, nothing about its substance."""
    return {
        "id": g.pk,
        "state": g.state,
        "received_at": g.received_at.isoformat(),
        "acknowledged_at": g.acknowledged_at.isoformat() if g.acknowledged_at else None,
        "closed_at": g.closed_at.isoformat() if g.closed_at else None,
        "appealed_at": g.appealed_at.isoformat() if g.appealed_at else None,
        "appeal_answered_at": g.appeal_answered_at.isoformat() if g.appeal_answered_at else None,
        "lock_version": g.lock_version,
    }


def grievance_record(g: Grievance) -> dict[str, Any]:
    return {
        "id": g.pk,
        "state": g.state,
        "allowed_moves": [s.value for s in moves_from(GrievanceState(g.state))],
        "language": g.language,
        "received_at": g.received_at.isoformat(),
        "acknowledged_at": g.acknowledged_at.isoformat() if g.acknowledged_at else None,
        "closed_at": g.closed_at.isoformat() if g.closed_at else None,
        "appealed_at": g.appealed_at.isoformat() if g.appealed_at else None,
        "appeal_answered_at": g.appeal_answered_at.isoformat() if g.appeal_answered_at else None,
        "systems": [s.pk for s in g.systems.all()],
        "rights": g.rights,
        "impacts": [link.impact_id for link in g.impact_links.all()],
        "remedies": [
            {"form": r.form, "route": r.route, "provided_on": r.provided_on.isoformat()}
            for r in g.remedies.all()
        ],
        "outcome_helped": g.outcome_helped,
        "lock_version": g.lock_version,
    }


@router.get(
    "/orgs/{org_slug}/grievances",
    response={200: list[GrievanceOut] | list[GrievanceTimingOut]},
)
def list_grievances(request: HttpRequest, org_slug: str) -> list[dict[str, Any]]:
    """Grievance officers (and members granted a disclosure) get each case's details; other
    members get each case's state and dates only."""
    membership = membership_for(request.user, org_slug)
    cases = grievances_for(organisation=membership.organisation)
    if not is_officer(membership):
        return [grievance_timing(g) for g in cases]
    return [
        grievance_record(g) for g in cases.prefetch_related("systems", "impact_links", "remedies")
    ]


@router.get("/orgs/{org_slug}/grievances/{grievance_id}", response={200: GrievanceOut})
def get_grievance(request: HttpRequest, org_slug: str, grievance_id: int) -> dict[str, Any]:
    membership = membership_for(request.user, org_slug)
    grievance = org_object_or_404(Grievance.objects, membership, pk=grievance_id)
    if not can_read_identity(membership, grievance):
        raise PermissionDenied(
            _(
                "Grievance cases are need-to-know: only designated grievance officers (or a member "
                "granted a disclosure) can read them. The dashboard has aggregate figures."
            )
        )
    grievance_record_read(membership=membership, grievance=grievance)
    return grievance_record(grievance)


@router.get("/orgs/{org_slug}/grievance-dashboard", response={200: DashboardOut})
def get_dashboard(request: HttpRequest, org_slug: str) -> dict[str, Any]:
    membership = membership_for(request.user, org_slug)
    figures = dashboard(organisation=membership.organisation)
    return {k: v for k, v in figures.items() if k not in ("by_state",)} | {
        "by_state": [[str(label), n] for label, n in figures["by_state"]]
    }
