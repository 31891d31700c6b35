"""Tenancy fixtures: one object of this app for every `<int:..._id>` URL kwarg it uses."""

from __future__ import annotations

from typing import Any

from rightslens.accounts.models import Organisation

from .models import AffectedGroup, AISystem, Component


def make_system(organisation: Organisation, name: str = "Tenancy test system") -> AISystem:
    system = AISystem.objects.create(
        organisation=organisation,
        name=name,
        purpose="Testing who may see what",
        value_chain_roles=["developer"],
        lifecycle_stage="deploy",
        kind="other_ai",
        countries=["KE"],
        languages=["en"],
    )
    AffectedGroup.objects.create(organisation=organisation, system=system, name="Users")
    Component.objects.create(
        organisation=organisation, system=system, name="Hosted model", vendor="Vendor"
    )
    return system


def tenancy_objects(organisation: Organisation, user: Any) -> dict[str, int]:
    return {"system_id": make_system(organisation).pk}
