"""Procurement API: red-line screening of a use case, and the organisation's counterparties.

Mounted at /api/procurement/. Outsiders get 404, viewers 403 on writes, bad input 422 naming the field.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from rightslens.accounts.access import membership_for, org_object_or_404
from rightslens.api.auth import OrgMemberTokenAuth
from rightslens.errors import FieldErrors

from .models import Counterparty, RedLineScreening
from .screening_services import screening_decide, screening_run
from .selectors import screening_subject, screening_view

router = Router(auth=OrgMemberTokenAuth(), tags=["procurement"])


class ScreeningIn(Schema):
    use_case_text: str | None = None
    subject_type: str = "use_case"
    subject_id: int | None = None


class DecisionIn(Schema):
    decision: str | None = None
    reasons: str | None = None


def _screening_out(screening: RedLineScreening) -> dict[str, Any]:
    return {
        "id": screening.pk,
        "subject_type": screening.subject_type,
        "subject_id": screening.subject_id,
        "use_case_text": screening.use_case_text,
        "blocks": screening.blocks,
        "decision": screening.decision,
        "decision_reasons": screening.decision_reasons,
        "hits": [
            {**row["hit"].as_dict(), "legal_status": row["legal_status"]}
            for row in screening_view(screening)
        ],
    }


@router.post("/orgs/{org_slug}/screenings")
def run_screening(request: HttpRequest, org_slug: str, payload: ScreeningIn) -> dict[str, Any]:
    membership = membership_for(request.auth, org_slug, write=True)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    # Like the form: a subject id must name something of this organisation, never another's.
    if payload.subject_id is not None and not screening_subject(
        membership.organisation, payload.subject_type, payload.subject_id
    ):
        raise FieldErrors({"subject_id": "The thing to screen was not found in your organisation."})
    screening = screening_run(
        organisation=membership.organisation,
        user=request.auth,  # type: ignore[attr-defined]  # request.auth is set by the API token auth
        subject_type=payload.subject_type,
        subject_id=payload.subject_id,
        text=payload.use_case_text or "",
    )
    return _screening_out(screening)


@router.get("/orgs/{org_slug}/screenings/{screening_id}")
def get_screening(request: HttpRequest, org_slug: str, screening_id: int) -> dict[str, Any]:
    membership = membership_for(request.auth, org_slug)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return _screening_out(org_object_or_404(RedLineScreening.objects, membership, pk=screening_id))


@router.post("/orgs/{org_slug}/screenings/{screening_id}/decision")
def decide_screening(
    request: HttpRequest, org_slug: str, screening_id: int, payload: DecisionIn
) -> dict[str, Any]:
    membership = membership_for(request.auth, org_slug, write=True)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    screening = org_object_or_404(RedLineScreening.objects, membership, pk=screening_id)
    screening_decide(
        screening=screening,
        membership=membership,
        decision=payload.decision or "",
        reasons=payload.reasons or "",
    )
    return _screening_out(screening)


@router.get("/orgs/{org_slug}/counterparties")
def list_counterparties(request: HttpRequest, org_slug: str) -> list[dict[str, Any]]:
    membership = membership_for(request.auth, org_slug)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return [
        {
            "id": c.pk,
            "name": c.name,
            "kind": c.kind,
            "country": c.country,
            "sector": c.sector,
            "systems": [s.pk for s in c.systems.all()],
            "reassessment_date": c.reassessment_date.isoformat() if c.reassessment_date else None,
        }
        for c in Counterparty.objects.filter(organisation=membership.organisation).prefetch_related(
            "systems"
        )
    ]
