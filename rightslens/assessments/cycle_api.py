"""Cycle API: quality checks, review flags, the register and whole-assessment documents.

Mounted at /api/cycle/. CI jobs read an assessment's checks and flags here (journey 2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import create_model

from rightslens.accounts.access import membership_for, org_object_or_404
from rightslens.api.auth import OrgMemberTokenAuth
from rightslens.api.schemas import Out
from rightslens.assessments.models import Assessment
from rightslens.core.impact_fields import RATED_FIELDS
from rightslens.inventory.models import AISystem

from . import cycle_selectors, documents, exports
from .cycle_services import start_from_trigger

router = Router(auth=OrgMemberTokenAuth(), tags=["cycle"])


class CoverageOut(Out):
    categories_considered: int
    categories_total: int


class QualityFindingOut(Out):
    code: str
    level: str
    message: str
    subject: str


class QualityOut(Out):
    assessment_id: int
    status: str
    flags: list[str]
    coverage: CoverageOut
    findings: list[QualityFindingOut]


class CategoryReviewOut(Out):
    category_ref: str
    outcome: str
    reason: str


class DocumentOut(Out):
    """The assessment's content (the import/export document's format)."""

    format: str
    format_version: int
    assessment: dict[str, Any]
    scoping: dict[str, Any]
    category_reviews: list[CategoryReviewOut]
    impacts: list[dict[str, Any]]


class _RegisterRowFields(Out):
    assessment_id: int
    assessment: str
    version: int
    assessment_status: str
    system: str
    impact_id: int
    impact: str
    risk_category: str
    rights: str
    actual: bool
    likelihood: int | None
    severity_band: str
    priority: int
    risk_to_business: str
    involvement: str
    required_response: str
    actions: int
    impact_status: str


# One rating per severity dimension, as the core declares them.
if TYPE_CHECKING:
    RegisterRowOut = _RegisterRowFields
else:
    RegisterRowOut = create_model(
        "RegisterExportRowOut",
        __base__=_RegisterRowFields,
        **{name: (int | None, ...) for name in RATED_FIELDS},
    )


class RegisterOut(Out):
    columns: list[str]
    rows: list[RegisterRowOut]


class ClearanceOut(Out):
    system_id: int
    status: str
    status_text: str
    cleared: bool
    exit_code: int
    needs_assessment: bool
    reasons: list[str]
    suggested_kind: str
    approved_assessment_id: int | None
    open_assessment_ids: list[int]
    covering_open_ids: list[int]


class StartedOut(Out):
    id: int
    url: str


def _assessment(request: HttpRequest, org_slug: str, assessment_id: int) -> Assessment:
    membership = membership_for(request.auth, org_slug)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return org_object_or_404(
        Assessment.objects.select_related("system", "organisation"), membership, pk=assessment_id
    )


@router.get("/orgs/{org_slug}/assessments/{assessment_id}/quality", response={200: QualityOut})
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


@router.get("/orgs/{org_slug}/assessments/{assessment_id}/document", response={200: DocumentOut})
def assessment_document(request: HttpRequest, org_slug: str, assessment_id: int) -> dict[str, Any]:
    return documents.assessment_document(_assessment(request, org_slug, assessment_id))


@router.get("/orgs/{org_slug}/register", response={200: RegisterOut})
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


@router.get("/orgs/{org_slug}/systems/{system_id}/assessment-status", response={200: ClearanceOut})
def assessment_status(request: HttpRequest, org_slug: str, system_id: int) -> dict[str, Any]:
    """For CI: is this system cleared (a current approved assessment covers it as it is now), in
    progress (an assessment is open, not approved) or in need of an assessment, and why?"""
    system = _system(request, org_slug, system_id)
    return cycle_selectors.system_clearance(system)


@router.post("/orgs/{org_slug}/systems/{system_id}/assessments", response={201: StartedOut})
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
