"""Assessments API: assessments, impacts (with severity and priority), actions and the register.

Mounted at /api/assessments/. Outsiders get 404, viewers 403 on writes, bad input 422 naming the
field; an id from another organisation in a body is a 422 naming that field, never a write.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status
from pydantic import Field, create_model

from rightslens.accounts.access import membership_for, org_object_or_404
from rightslens.accounts.models import Membership
from rightslens.api.auth import OrgMemberTokenAuth
from rightslens.api.errors import error_body
from rightslens.api.openapi import required_on_create
from rightslens.api.paging import offset_page
from rightslens.api.schemas import Out
from rightslens.core.severity import SEVERITY_DIMENSIONS

from . import cycle_api, services
from .models import Action, Assessment, Impact
from .register import PAGE_SIZE, BadCursor, RegisterFilters, register_page
from .selectors import action_record, assessment_record, assessments_for, impact_record, impacts_for

router = Router(auth=OrgMemberTokenAuth(), tags=["assessments"])


class AssessmentIn(Schema):
    system_id: int | None = None
    title: str | None = None
    kind: str | None = None
    trigger: str | None = None
    trigger_note: str | None = None


class _ImpactFields(Schema):
    title: str | None = None
    description: str | None = None
    rights: list[str] | None = None
    risk_category: str | None = None
    affected_group_ids: list[int] | None = None
    actual: bool | None = None
    likelihood: int | None = None
    involvement: str | None = None
    involvement_rationale: str | None = None
    business_risk: int | None = None
    business_risk_note: str | None = None
    status: str | None = None


# The severity dimensions come from the core's declaration: one rating and one rationale each.
# (Type checkers see the base schema; at run time the model carries every dimension's fields.)
if TYPE_CHECKING:
    ImpactIn = _ImpactFields
else:
    ImpactIn = create_model(
        "ImpactIn",
        __base__=_ImpactFields,
        __doc__="All optional at the schema level: the service names every missing or invalid field.",
        **{d.name: (int | None, None) for d in SEVERITY_DIMENSIONS},
        **{d.rationale: (str | None, None) for d in SEVERITY_DIMENSIONS},
    )


LOCK_VERSION_HELP = (
    "The impact's `lock_version` as last read. If someone has changed the impact since, the "
    "answer is 409 and nothing is saved: read it again and reapply the change."
)

if TYPE_CHECKING:

    class ImpactPatchIn(ImpactIn):
        lock_version: int

else:
    ImpactPatchIn = create_model(
        "ImpactPatchIn",
        __base__=ImpactIn,
        __doc__="Only the fields sent change; `lock_version` is required (optimistic locking).",
        lock_version=(int, Field(..., ge=0, le=2**31 - 1, description=LOCK_VERSION_HELP)),
    )


class AssessmentOut(Out):
    id: int
    system_id: int
    title: str
    kind: str
    trigger: str
    trigger_note: str
    status: str
    version: int
    lock_version: int
    created_at: str
    approved_at: str | None
    frozen: bool


class ActionOut(Out):
    id: int
    impact_id: int
    action_type: str
    description: str
    owner: str
    due_date: str | None
    status: str


class _ImpactOutFields(Out):
    id: int
    assessment_id: int
    title: str
    description: str
    rights: list[str]
    risk_category: str
    affected_group_ids: list[int]
    actual: bool
    likelihood: int | None
    involvement: str
    involvement_rationale: str
    business_risk: int | None
    business_risk_note: str
    status: str
    severity_band: int
    priority: int
    required_response: list[str]
    lock_version: int


if TYPE_CHECKING:
    ImpactOut = _ImpactOutFields
else:
    ImpactOut = create_model(
        "ImpactOut",
        __base__=_ImpactOutFields,
        **{d.name: (int | None, ...) for d in SEVERITY_DIMENSIONS},
        **{d.rationale: (str, ...) for d in SEVERITY_DIMENSIONS},
    )


class AssessmentDetailOut(AssessmentOut):
    impacts: list[ImpactOut]


class ImpactDetailOut(ImpactOut):
    actions: list[ActionOut]


class RegisterRowOut(ImpactOut):
    rank: int
    system: str
    unmet_requirements: list[str]


class ActionIn(Schema):
    action_type: str | None = None
    description: str | None = None
    owner: str | None = None
    due_date: date | None = None
    status: str | None = None


def _member(request: HttpRequest, org_slug: str, *, write: bool = False) -> Membership:
    return membership_for(request.auth, org_slug, write=write)  # type: ignore[attr-defined]  # request.auth is set by the API token auth


def _actor(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]  # request.auth is set by the API token auth


@router.get("/orgs/{org_slug}/assessments", response={200: list[AssessmentOut]})
def list_assessments(
    request: HttpRequest,
    response: HttpResponse,
    org_slug: str,
    system_id: int | None = None,
    offset: int = 0,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """One page of assessments (`limit`, at most 500): `X-Total-Count` gives the number that
    match, `Link` (rel="next") the next page's URL, absent on the last page."""
    assessments = assessments_for(organisation=_member(request, org_slug).organisation)
    if system_id is not None:
        assessments = assessments.filter(system_id=system_id)
    page = offset_page(request, response, assessments, offset, limit)
    return [assessment_record(a) for a in page]


@router.post("/orgs/{org_slug}/assessments", response={201: AssessmentOut})
def create_assessment(
    request: HttpRequest, org_slug: str, payload: AssessmentIn
) -> Status[dict[str, Any]]:
    membership = _member(request, org_slug, write=True)
    fields = {"system_id": None} | payload.model_dump(exclude_none=True)
    assessment = services.assessment_create(
        organisation=membership.organisation, actor=_actor(request), **fields
    )
    return Status(201, assessment_record(assessment))


@router.get("/orgs/{org_slug}/assessments/{assessment_id}", response={200: AssessmentDetailOut})
def get_assessment(request: HttpRequest, org_slug: str, assessment_id: int) -> dict[str, Any]:
    membership = _member(request, org_slug)
    assessment = org_object_or_404(Assessment.objects, membership, pk=assessment_id)
    impacts = impacts_for(organisation=membership.organisation).filter(assessment=assessment)
    return assessment_record(assessment) | {
        "impacts": [impact_record(i) for i in impacts.order_by("-priority", "id")]
    }


@router.get("/orgs/{org_slug}/assessments/{assessment_id}/impacts", response={200: list[ImpactOut]})
def list_impacts(request: HttpRequest, org_slug: str, assessment_id: int) -> list[dict[str, Any]]:
    membership = _member(request, org_slug)
    assessment = org_object_or_404(Assessment.objects, membership, pk=assessment_id)
    impacts = impacts_for(organisation=membership.organisation).filter(assessment=assessment)
    return [impact_record(i) for i in impacts.order_by("-priority", "id")]


@router.post("/orgs/{org_slug}/assessments/{assessment_id}/impacts", response={201: ImpactOut})
def create_impact(
    request: HttpRequest,
    org_slug: str,
    assessment_id: int,
    payload: ImpactIn,
) -> Status[dict[str, Any]]:
    membership = _member(request, org_slug, write=True)
    assessment = org_object_or_404(
        Assessment.objects.select_related("system"), membership, pk=assessment_id
    )
    impact = services.impact_create(
        assessment=assessment, actor=_actor(request), **payload.model_dump(exclude_none=True)
    )
    return Status(201, impact_record(impact))


@router.get("/orgs/{org_slug}/impacts/{impact_id}", response={200: ImpactDetailOut})
def get_impact(request: HttpRequest, org_slug: str, impact_id: int) -> dict[str, Any]:
    membership = _member(request, org_slug)
    impact = org_object_or_404(
        impacts_for(organisation=membership.organisation), membership, pk=impact_id
    )
    return impact_record(impact) | {"actions": [action_record(a) for a in impact.actions.all()]}


@router.patch("/orgs/{org_slug}/impacts/{impact_id}", response={200: ImpactOut, 409: dict})
def update_impact(
    request: HttpRequest,
    org_slug: str,
    impact_id: int,
    payload: ImpactPatchIn,
) -> dict[str, Any]:
    """Change the fields sent. `lock_version` is required: from a stale one the answer is 409
    (code `conflict`) and nothing is saved."""
    membership = _member(request, org_slug, write=True)
    impact = org_object_or_404(
        Impact.objects.select_related("assessment__system"), membership, pk=impact_id
    )
    services.impact_update(
        impact=impact, actor=_actor(request), **payload.model_dump(exclude_unset=True)
    )
    return impact_record(impact)


@router.get("/orgs/{org_slug}/impacts/{impact_id}/actions", response={200: list[ActionOut]})
def list_actions(request: HttpRequest, org_slug: str, impact_id: int) -> list[dict[str, Any]]:
    membership = _member(request, org_slug)
    impact = org_object_or_404(Impact.objects, membership, pk=impact_id)
    return [action_record(a) for a in impact.actions.all()]


@router.post("/orgs/{org_slug}/impacts/{impact_id}/actions", response={201: ActionOut})
def create_action(
    request: HttpRequest, org_slug: str, impact_id: int, payload: ActionIn
) -> Status[dict[str, Any]]:
    membership = _member(request, org_slug, write=True)
    impact = org_object_or_404(Impact.objects, membership, pk=impact_id)
    action = services.action_create(
        impact=impact, actor=_actor(request), **payload.model_dump(exclude_none=True)
    )
    return Status(201, action_record(action))


@router.patch("/orgs/{org_slug}/actions/{action_id}", response={200: ActionOut})
def update_action(
    request: HttpRequest, org_slug: str, action_id: int, payload: ActionIn
) -> dict[str, Any]:
    membership = _member(request, org_slug, write=True)
    action = org_object_or_404(Action.objects, membership, pk=action_id)
    services.action_update(
        action=action, actor=_actor(request), **payload.model_dump(exclude_unset=True)
    )
    return action_record(action)


@router.get("/orgs/{org_slug}/register", response={200: list[RegisterRowOut], 400: dict})
def get_register(
    request: HttpRequest,
    response: HttpResponse,
    org_slug: str,
    band: int | None = None,
    right: str = "",
    group: int | None = None,
    system: int | None = None,
    involvement: str = "",
    status: str = "",
    cursor: str = "",
    limit: int = PAGE_SIZE,
) -> Any:
    """Impacts of the organisation in priority order (severity first), with required response.

    One page (`limit`, at most 200) per call: the `X-Total-Count` header gives the number of
    matches and the `Link` header (rel="next") the next page's URL, absent on the last page."""
    membership = _member(request, org_slug)
    filters = RegisterFilters(
        band=band, right=right, group=group, system=system, involvement=involvement, status=status
    )
    try:
        page = register_page(
            organisation=membership.organisation, filters=filters, cursor=cursor, size=limit
        )
    except BadCursor as exc:
        return Status(400, error_body("bad_cursor", str(exc), {"cursor": str(exc)}))
    response["X-Total-Count"] = str(page.count)
    if page.next_cursor:
        query = request.GET.copy()
        query["cursor"] = page.next_cursor
        response["Link"] = f'<{request.path}?{query.urlencode()}>; rel="next"'
    return [
        impact_record(row.impact)
        | {
            "rank": row.rank,
            "system": row.impact.assessment.system.name,
            "unmet_requirements": [r.label for r in row.unmet],
        }
        for row in page.rows
    ]


# The due diligence cycle's endpoints keep their /api/cycle/ paths.
routers = {"assessments": router, "cycle": cycle_api.router}

# What a create must carry, for the OpenAPI document (the service names each one missing).
required_on_create(ImpactIn, "title")
required_on_create(AssessmentIn, "system_id")
required_on_create(ActionIn, "action_type", "description")
