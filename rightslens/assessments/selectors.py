"""Reads for the register and dashboards. Every selector takes the organisation explicitly."""

from __future__ import annotations

from typing import Any

from rightslens.accounts.models import Organisation

from rightslens.inventory.models import AISystem

from .models import Assessment, Impact


def impacts_for(*, organisation: Organisation) -> Any:
    return (
        Impact.objects.filter(organisation=organisation)
        .select_related("assessment", "assessment__system")
        .prefetch_related("actions", "affected_groups")
    )


def dashboard_figures(*, organisation: Organisation) -> dict[str, int]:
    impacts = Impact.objects.filter(organisation=organisation)
    return {
        "systems": AISystem.objects.filter(organisation=organisation, archived_at__isnull=True).count(),
        "assessments": Assessment.objects.filter(organisation=organisation).count(),
        "impacts": impacts.count(),
        "severe": impacts.filter(severity_band=4).count(),
    }
