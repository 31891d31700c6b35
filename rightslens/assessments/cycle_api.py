"""Cycle API: quality checks, review flags, the register and whole-assessment documents.

Mounted at /api/cycle/. CI jobs read an assessment's checks and flags here (journey 2).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from rightslens.accounts.access import membership_for, org_object_or_404
from rightslens.api.auth import OrgMemberTokenAuth
from rightslens.assessments.models import Assessment
from rightslens.inventory.models import AISystem

from . import cycle_selectors, documents, exports
from .cycle_services import start_from_trigger

router = Router(auth=OrgMemberTokenAuth(), tags=["cycle"])


def _assessment(request: HttpRequest, org_slug: str, assessment_id: int) -> Assessment:
    membership = membership_for(request.auth, org_slug)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return org_object_or_404(
        Assessment.objects.select_related("system", "organisation"), membership, pk=assessment_id
    )


@router.get("/orgs/{org_slug}/assessments/{assessment_id}/quality")
def assessment_quality(request: HttpRequest, org_slug: str, assessment_id: int) -> dict[str, Any]:
    assessment = _assessment(request, org_slug, assessment_id)
    coverage = cycle_selectors.coverage(assessment)
    return {
        "assessment_id": assessment.pk,
        "status": assessment.status,
        "flags": cycle_selectors.flags_for(assessment),
        "coverage": {
            "categories_considered": coverage.categories_considered,
            "categories_total": coverage.categories_total,
        },
        "findings": [
            {"code": f.code, "level": f.level.value, "message": f.message, "subject": f.subject}
            for f in cycle_selectors.quality_findings(assessment)
        ],
    }


@router.get("/orgs/{org_slug}/assessments/{assessment_id}/document")
def assessment_document(request: HttpRequest, org_slug: str, assessment_id: int) -> dict[str, Any]:
    return documents.assessment_document(_assessment(request, org_slug, assessment_id))


@router.get("/orgs/{org_slug}/register")
def register(request: HttpRequest, org_slug: str) -> dict[str, Any]:
    membership = membership_for(request.auth, org_slug)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return {
        "columns": list(exports.COLUMNS),
        "rows": exports.register_rows(organisation=membership.organisation),
    }


class StartIn(Schema):
    kind: str | None = None
    trigger: str | None = None
    trigger_note: str | None = None
    title: str | None = None


def _system(
    request: HttpRequest, org_slug: str, system_id: int, *, write: bool = False
) -> AISystem:
    membership = membership_for(request.auth, org_slug, write=write)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return org_object_or_404(AISystem.objects, membership, pk=system_id)


@router.get("/orgs/{org_slug}/systems/{system_id}/assessment-status")
def assessment_status(request: HttpRequest, org_slug: str, system_id: int) -> dict[str, Any]:
    """For CI: is this system cleared (a current approved assessment covers it as it is now), in
    progress (an assessment is open, not approved) or in need of an assessment, and why?"""
    system = _system(request, org_slug, system_id)
    return cycle_selectors.system_clearance(system)


@router.post("/orgs/{org_slug}/systems/{system_id}/assessments", response={201: dict})
def start_assessment(
    request: HttpRequest, org_slug: str, system_id: int, payload: StartIn
) -> Status[dict[str, Any]]:
    """Start an assessment from a trigger (a rapid one by default, prefilled from the system)."""
    system = _system(request, org_slug, system_id, write=True)
    assessment = start_from_trigger(
        system=system,
        actor=request.auth,  # type: ignore[attr-defined]  # request.auth is set by the API token auth
        kind=payload.kind or "rapid",
        trigger=payload.trigger or "",
        trigger_note=payload.trigger_note or "",
        title=payload.title or "",
    )
    return Status(
        201, {"id": assessment.pk, "url": f"/o/{org_slug}/assessments/{assessment.pk}/scoping/"}
    )
