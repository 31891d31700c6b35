"""Tenancy fixtures: one object for every `<int:..._id>` URL kwarg the cycle's URLs use."""

from __future__ import annotations

from typing import Any

from rightslens.accounts.models import Organisation
from rightslens.assessments.models import Assessment
from rightslens.assessments.testing import make_impact
from rightslens.inventory.testing import make_system


def tenancy_objects(organisation: Organisation, user: Any) -> dict[str, int]:
    system = make_system(organisation, "Cycle tenancy system")
    first = Assessment.objects.create(
        organisation=organisation, system=system, title="Cycle tenancy v1"
    )
    second = Assessment.objects.create(
        organisation=organisation,
        system=system,
        title="Cycle tenancy v2",
        version=2,
        previous=first,
    )
    impact = make_impact(first)
    return {"assessment_id": first.pk, "other_id": second.pk, "impact_id": impact.pk}
