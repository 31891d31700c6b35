"""Inventory API: AI systems, their affected groups and third-party components.

Mounted at /api/inventory/. Outsiders get 404, viewers 403 on writes, bad input 422 naming the field.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status

from rightslens.accounts.access import membership_for, org_object_or_404
from rightslens.api.auth import OrgMemberTokenAuth
from rightslens.api.openapi import required_on_create
from rightslens.api.paging import offset_page
from rightslens.api.schemas import Out

from . import services
from .models import AISystem
from .selectors import SystemFilters, system_record, systems_with_details

router = Router(auth=OrgMemberTokenAuth(), tags=["inventory"])


class SystemIn(Schema):
    """All optional at the schema level: the service names every missing or invalid field."""

    name: str | None = None
    purpose: str | None = None
    description: str | None = None
    value_chain_roles: list[str] | None = None
    lifecycle_stage: str | None = None
    kind: str | None = None
    weights: str | None = None
    countries: list[str] | None = None
    sectors: list[str] | None = None
    languages: list[str] | None = None
    intended_users: str | None = None


class GroupIn(Schema):
    name: str | None = None
    vulnerable: bool = False
    vulnerability: str | None = None
    notes: str | None = None


class ComponentIn(Schema):
    name: str | None = None
    vendor: str | None = None
    kind: str | None = None
    notes: str | None = None


class GroupOut(Out):
    id: int
    name: str
    vulnerable: bool
    vulnerability: str


class ComponentOut(Out):
    id: int
    name: str
    vendor: str
    kind: str


class SystemOut(Out):
    id: int
    name: str
    purpose: str
    description: str
    value_chain_roles: list[str]
    lifecycle_stage: str
    kind: str
    weights: str
    countries: list[str]
    sectors: list[str]
    languages: list[str]
    intended_users: str
    archived: bool
    archived_at: str | None
    changed_at: str | None
    affected_groups: list[GroupOut]
    components: list[ComponentOut]


def _system(
    request: HttpRequest, org_slug: str, system_id: int, *, write: bool = False
) -> AISystem:
    membership = membership_for(request.auth, org_slug, write=write)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return org_object_or_404(AISystem.objects, membership, pk=system_id)


@router.get("/orgs/{org_slug}/systems", response={200: list[SystemOut]})
def list_systems(
    request: HttpRequest,
    response: HttpResponse,
    org_slug: str,
    kind: str = "",
    lifecycle_stage: str = "",
    role: str = "",
    archived: str = "active",
    offset: int = 0,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """One page of systems (`limit`, at most 500): `X-Total-Count` gives the number that match,
    `Link` (rel="next") the next page's URL, absent on the last page."""
    membership = membership_for(request.auth, org_slug)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    filters = SystemFilters(
        kind=kind, lifecycle_stage=lifecycle_stage, role=role, archived=archived
    )
    systems = systems_with_details(organisation=membership.organisation, filters=filters)
    page = offset_page(request, response, systems, offset, limit)
    return [system_record(s) for s in page]


@router.post("/orgs/{org_slug}/systems", response={201: SystemOut})
def create_system(request: HttpRequest, org_slug: str, payload: SystemIn) -> Status[dict[str, Any]]:
    membership = membership_for(request.auth, org_slug, write=True)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    system = services.system_create(
        organisation=membership.organisation,
        actor=request.auth,  # type: ignore[attr-defined]  # request.auth is set by the API token auth
        **payload.model_dump(exclude_none=True),
    )
    return Status(201, system_record(system))


@router.get("/orgs/{org_slug}/systems/{system_id}", response={200: SystemOut})
def get_system(request: HttpRequest, org_slug: str, system_id: int) -> dict[str, Any]:
    return system_record(_system(request, org_slug, system_id))


@router.patch("/orgs/{org_slug}/systems/{system_id}", response={200: SystemOut})
def update_system(
    request: HttpRequest, org_slug: str, system_id: int, payload: SystemIn
) -> dict[str, Any]:
    system = _system(request, org_slug, system_id, write=True)
    changes = payload.model_dump(exclude_unset=True)
    services.system_update(system=system, actor=request.auth, **changes)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return system_record(system)


@router.post("/orgs/{org_slug}/systems/{system_id}/archive", response={200: SystemOut})
def archive_system(request: HttpRequest, org_slug: str, system_id: int) -> dict[str, Any]:
    system = _system(request, org_slug, system_id, write=True)
    services.system_archive(system=system, actor=request.auth)  # type: ignore[attr-defined]  # request.auth is set by the API token auth
    return system_record(system)


@router.post("/orgs/{org_slug}/systems/{system_id}/groups", response={201: GroupOut})
def add_group(
    request: HttpRequest, org_slug: str, system_id: int, payload: GroupIn
) -> Status[dict[str, Any]]:
    system = _system(request, org_slug, system_id, write=True)
    group = services.affected_group_create(
        system=system,
        actor=request.auth,  # type: ignore[attr-defined]  # set by the token auth
        **payload.model_dump(exclude_none=True),
    )
    record = {
        "id": group.pk,
        "name": group.name,
        "vulnerable": group.vulnerable,
        "vulnerability": group.vulnerability,
    }
    return Status(201, record)


@router.post("/orgs/{org_slug}/systems/{system_id}/components", response={201: ComponentOut})
def add_component(
    request: HttpRequest, org_slug: str, system_id: int, payload: ComponentIn
) -> Status[dict[str, Any]]:
    system = _system(request, org_slug, system_id, write=True)
    component = services.component_create(
        system=system,
        actor=request.auth,  # type: ignore[attr-defined]  # set by the token auth
        **payload.model_dump(exclude_none=True),
    )
    return Status(
        201,
        {
            "id": component.pk,
            "name": component.name,
            "vendor": component.vendor,
            "kind": component.kind,
        },
    )


# What a create must carry, for the OpenAPI document (the service names each one missing).
required_on_create(SystemIn, "name", "purpose")
required_on_create(GroupIn, "name")
required_on_create(ComponentIn, "name")
