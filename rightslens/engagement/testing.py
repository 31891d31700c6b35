"""Tenancy fixtures: one object of this app for every `<int:..._id>` URL kwarg it uses."""

from __future__ import annotations

import datetime
from typing import Any

from rightslens.accounts.models import Organisation

from .models import EngagementEvent, Stakeholder


def tenancy_objects(organisation: Organisation, user: Any) -> dict[str, int]:
    stakeholder = Stakeholder.objects.create(
        organisation=organisation,
        name="Tenancy test stakeholder",
        kind="affected",
        region="africa",
        contact="tenancy@example.org",
    )
    event = EngagementEvent.objects.create(
        organisation=organisation,
        title="Tenancy test engagement",
        held_on=datetime.date(2026, 1, 1),
        phase="assess",
        method="interview",
        heard="Tenancy test",
    )
    event.participants.add(stakeholder)
    return {"stakeholder_id": stakeholder.pk, "event_id": event.pk}
