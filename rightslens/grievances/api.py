"""Grievances API: case metadata for integrations. Never content, never identity.

Mounted at /api/grievances/. Outsiders get 404.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from rightslens.accounts.access import membership_for, org_object_or_404
from rightslens.api.auth import OrgMemberTokenAuth
from rightslens.core.grievance import GrievanceState, moves_from

from .models import Grievance
from .selectors import dashboard, grievances_for

router = Router(auth=OrgMemberTokenAuth(), tags=["grievances"])


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
    }


@router.get("/orgs/{org_slug}/grievances")
def list_grievances(request: HttpRequest, org_slug: str) -> list[dict[str, Any]]:
    membership = membership_for(request.user, org_slug)
    return [
        grievance_record(g)
        for g in grievances_for(organisation=membership.organisation).prefetch_related(
            "impact_links", "remedies"
        )
    ]


@router.get("/orgs/{org_slug}/grievances/{grievance_id}")
def get_grievance(request: HttpRequest, org_slug: str, grievance_id: int) -> dict[str, Any]:
    membership = membership_for(request.user, org_slug)
    return grievance_record(org_object_or_404(Grievance.objects, membership, pk=grievance_id))


@router.get("/orgs/{org_slug}/grievance-dashboard")
def get_dashboard(request: HttpRequest, org_slug: str) -> dict[str, Any]:
    membership = membership_for(request.user, org_slug)
    figures = dashboard(organisation=membership.organisation)
    return {k: v for k, v in figures.items() if k not in ("by_state",)} | {
        "by_state": [[str(label), n] for label, n in figures["by_state"]]
    }
