"""Tenancy fixtures: one object for every `<int:..._id>` URL kwarg the disclosure URLs use."""

from __future__ import annotations

import datetime
from typing import Any

from rightslens.accounts.models import Organisation
from rightslens.inventory.testing import make_system

from .models import EsrsDraft, Fria, ProviderDocument


def tenancy_objects(organisation: Organisation, user: Any) -> dict[str, int]:
    system = make_system(organisation, "Disclosure tenancy system")
    fria = Fria.objects.create(
        organisation=organisation, system=system, template_id="fria-rightslens-v1"
    )
    document = ProviderDocument.objects.create(
        organisation=organisation, system=system, provider="Vendor", summary="Known limits."
    )
    draft = EsrsDraft.objects.create(
        organisation=organisation,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    )
    return {"fria_id": fria.pk, "document_id": document.pk, "draft_id": draft.pk}
