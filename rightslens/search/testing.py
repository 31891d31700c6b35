"""Tenancy fixtures for the search app's routes."""

from __future__ import annotations

from typing import Any

from rightslens.accounts.models import Organisation

from .models import SavedFilter


def tenancy_objects(organisation: Organisation, user: Any) -> dict[str, int]:
    saved = SavedFilter.objects.create(
        organisation=organisation,
        member=user,
        page="register",
        name="Tenancy",
        querystring="band=4",
    )
    return {"saved_filter_id": saved.pk}
