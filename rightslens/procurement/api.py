"""Procurement API: red-line screening of a use case, and the organisation's counterparties.

Mounted at /api/procurement/. Outsiders get 404, viewers 403 on writes, bad input 422 naming the field.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from rightslens.accounts.access import membership_for, org_object_or_404
from rightslens.api.auth import OrgMemberTokenAuth
from rightslens.api.openapi import required_on_create
from rightslens.api.schemas import Out
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


class LegalStatusOut(Out):
    status: str
    authority: str
    locator: str


class SourceOut(Out):
    label: str
    url: str


class HitOut(Out):
    red_line_id: str
    title: str
    matched_terms: list[str]
    statuses: list[LegalStatusOut]
    sources: list[SourceOut]
    exceptions: str
    evidence: str
    confidence: float
    elements_found: list[str]
    elements_missing: list[str]
    method: str
    origin: str
    #: "confirmed" or "possible" (most elements found; blocks until a person decides it).
    status: str = "confirmed"
    legal_status: str


class ScreeningOut(Out):
    id: int
    subject_type: str
    subject_id: int | None
    use_case_text: str
    blocks: bool
    decision: str
    decision_reasons: str
    hits: list[HitOut]


class CounterpartyOut(Out):
    id: int
    name: str
    kind: str
    country: str
    sector: str
    systems: list[int]
    reassessment_date: str | None


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


@router.post("/orgs/{org_slug}/screenings", response={200: ScreeningOut})
def run_screening(request: HttpRequest, org_slug: str, payload: ScreeningIn) -> dict[str, Any]:
    membership = membership_for(request.auth, org_slug, write=True)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    # Like the form: a subject id must name something of this organisation, never another's.
    if payload.subject_id is not None and not screening_subject(
        membership.organisation, payload.subject_type, payload.subject_id
    ):
        raise FieldErrors(
            {"subject_id": _("The thing to screen was not found in your organisation.")}
        )
    screening = screening_run(
        organisation=membership.organisation,
        user=request.auth,  # type: ignore[attr-defined]  # request.auth is set by the API token auth
        subject_type=payload.subject_type,
        subject_id=payload.subject_id,
        text=payload.use_case_text or "",
    )
    return _screening_out(screening)


@router.get("/orgs/{org_slug}/screenings/{screening_id}", response={200: ScreeningOut})
def get_screening(request: HttpRequest, org_slug: str, screening_id: int) -> dict[str, Any]:
    membership = membership_for(request.auth, org_slug)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return _screening_out(org_object_or_404(RedLineScreening.objects, membership, pk=screening_id))


@router.post("/orgs/{org_slug}/screenings/{screening_id}/decision", response={200: ScreeningOut})
def decide_screening(
    request: HttpRequest, org_slug: str, screening_id: int, payload: DecisionIn
) -> dict[str, Any]:
    membership = membership_for(request.auth, org_slug, write=True)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    screening = org_object_or_404(RedLineScreening.objects, membership, pk=screening_id)
    try:
        screening_decide(
            screening=screening,
            membership=membership,
            decision=payload.decision or "",
            reasons=payload.reasons or "",
        )
    except FieldErrors as exc:
        # The service names the model's field; the API's body calls it `reasons`.
        renamed = {("reasons" if k == "decision_reasons" else k): v for k, v in exc.fields.items()}
        raise FieldErrors(renamed, message=exc.message) from exc
    return _screening_out(screening)


@router.get("/orgs/{org_slug}/counterparties", response={200: list[CounterpartyOut]})
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


# What a create must carry, for the OpenAPI document (the service names each one missing).
required_on_create(ScreeningIn, "use_case_text")
required_on_create(DecisionIn, "decision", "reasons")
