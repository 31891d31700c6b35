"""Policy alignment API: instruments, versions with their analysis (the CLI's JSON shape), reviews.

Mounted at /api/policy/. Outsiders get 404, viewers 403 on writes, bad input 422 naming the field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from rightslens.accounts.access import membership_for, org_object_or_404
from rightslens.api.auth import OrgMemberTokenAuth
from rightslens.api.openapi import required_on_create
from rightslens.api.schemas import Out

from . import selectors, services
from .models import CriterionFinding, Instrument, InstrumentVersion

router = Router(auth=OrgMemberTokenAuth(), tags=["policy"])


class InstrumentIn(Schema):
    title: str = ""
    jurisdiction: str = ""
    kind: str = ""
    binding: bool = False
    text: str = ""
    dated: date | None = None
    language: str = ""
    label: str = ""
    level: str = "national"
    issuing_body: str = ""


class ReviewIn(Schema):
    status: str = ""
    note: str = ""


class VersionRefOut(Out):
    id: int
    number: int
    label: str


class InstrumentOut(Out):
    id: int
    title: str
    jurisdiction: str
    type: str
    binding: bool
    versions: list[VersionRefOut]


class VersionInstrumentOut(Out):
    id: int
    title: str
    jurisdiction: str
    type: str
    binding: bool
    level: str
    issuing_body: str
    agency: str
    version: int
    date: str
    language: str
    provisions: int


class EvidenceOut(Out):
    ref: str
    text: str
    start: int
    end: int


class ReviewOut(Out):
    status: str
    note: str


class FindingOut(Out):
    id: str
    finding_id: int
    status: str
    confidence: float | None
    evidence: list[EvidenceOut]
    explanation: str
    recommendation: str
    review: ReviewOut | None
    basis: str
    sources: list[dict[str, Any]]
    second_opinion: dict[str, Any] | None


class VersionOut(Out):
    id: int
    instrument: VersionInstrumentOut
    state: str
    progress: int
    criteria: list[FindingOut]
    method: str
    seconds: float


class FindingReviewOut(Out):
    finding_id: int
    status: str
    note: str


def _instrument_record(instrument: Instrument) -> dict[str, Any]:
    return {
        "id": instrument.pk,
        "title": instrument.title,
        "jurisdiction": instrument.jurisdiction,
        "type": instrument.kind,
        "binding": instrument.binding,
        "versions": [
            {"id": v.pk, "number": v.number, "label": v.label} for v in instrument.versions.all()
        ],
    }


def version_record(version: InstrumentVersion) -> dict[str, Any]:
    """The CLI's JSON shape, plus ids and the reviewer's view of each criterion."""
    analysis = version.latest_analysis()
    instrument = version.instrument
    findings = selectors.findings_for(analysis) if analysis and analysis.state == "done" else []
    return {
        "id": version.pk,
        "instrument": {
            "id": instrument.pk,
            "title": instrument.title,
            "jurisdiction": instrument.jurisdiction,
            "type": instrument.kind,
            "binding": instrument.binding,
            "level": instrument.level,
            "issuing_body": instrument.issuing_body,
            "agency": instrument.agency.name if instrument.agency else "",
            "version": version.number,
            "date": version.dated.isoformat() if version.dated else "",
            "language": analysis.language if analysis else version.language,
            "provisions": len(version.provisions),
        },
        "state": analysis.state if analysis else "none",
        "progress": analysis.progress if analysis else 0,
        "criteria": [_finding_record(f) for f in findings],
        "method": analysis.method if analysis else "",
        "seconds": analysis.seconds if analysis else 0.0,
    }


def _finding_record(finding: CriterionFinding) -> dict[str, Any]:
    review = finding.latest_review()
    return {
        "id": finding.code,
        "finding_id": finding.pk,
        "status": finding.status,
        "confidence": finding.confidence,
        "evidence": [{k: e[k] for k in ("ref", "text", "start", "end")} for e in finding.evidence],
        "explanation": finding.explanation,
        "recommendation": finding.recommendation,
        "review": {"status": review.status, "note": review.note} if review else None,
        "basis": finding.basis,
        "sources": finding.sources,
        "second_opinion": finding.second_opinion or None,
    }


@router.get("/orgs/{org_slug}/instruments", response={200: list[InstrumentOut]})
def list_instruments(request: HttpRequest, org_slug: str) -> list[dict[str, Any]]:
    membership = membership_for(request.auth, org_slug)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return [
        _instrument_record(i)
        for i in selectors.instruments_for(organisation=membership.organisation)
    ]


@router.post("/orgs/{org_slug}/instruments", response={201: VersionOut})
def create_instrument(
    request: HttpRequest, org_slug: str, payload: InstrumentIn
) -> Status[dict[str, Any]]:
    membership = membership_for(request.auth, org_slug, write=True)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    version = services.instrument_create(
        organisation=membership.organisation,
        actor=request.auth,  # type: ignore[attr-defined]  # request.auth is set by the API token auth
        **payload.model_dump(),
    )
    services.analysis_request(version=version)
    return Status(201, version_record(version))


@router.get("/orgs/{org_slug}/versions/{version_id}", response={200: VersionOut})
def get_version(request: HttpRequest, org_slug: str, version_id: int) -> dict[str, Any]:
    membership = membership_for(request.auth, org_slug)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return version_record(
        org_object_or_404(
            InstrumentVersion.objects.select_related("instrument"), membership, pk=version_id
        )
    )


@router.post("/orgs/{org_slug}/findings/{finding_id}/review", response={201: FindingReviewOut})
def review_finding(
    request: HttpRequest, org_slug: str, finding_id: int, payload: ReviewIn
) -> Status[dict[str, Any]]:
    membership = membership_for(request.auth, org_slug, write=True)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    finding = org_object_or_404(CriterionFinding.objects.all(), membership, pk=finding_id)
    actor = request.auth  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    review = services.review_record(
        finding=finding, actor=actor, status=payload.status, note=payload.note
    )
    return Status(201, {"finding_id": finding.pk, "status": review.status, "note": review.note})


# What a create must carry, for the OpenAPI document (the service names each one missing).
required_on_create(InstrumentIn, "title")
required_on_create(ReviewIn, "status", "note")
