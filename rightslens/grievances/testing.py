"""Tenancy fixtures and helpers for tests of the grievance mechanism."""

from __future__ import annotations

import time
from typing import Any

from rightslens.accounts.models import Organisation
from rightslens.assessments.models import Assessment
from rightslens.assessments.testing import make_impact
from rightslens.inventory.testing import make_system

from .guard import form_token_new
from .models import DisclosureRequest, GrievanceAttachment
from .services import grievance_submit

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def started_long_ago(organisation_slug: str = "acme") -> str:
    """A fresh single-use form token shown a minute ago, as if a person had filled the form
    (for the test suite's organisation, `acme`, unless told otherwise)."""
    return form_token_new(organisation_slug=organisation_slug, now=time.time() - 60)


def tenancy_objects(organisation: Organisation, user: Any) -> dict[str, int]:
    grievance, _code = grievance_submit(
        organisation=organisation,
        content="Tenancy test grievance",
        language="en",
        name="Test Person",
        contact="test@example.org",
    )
    attachment = GrievanceAttachment.objects.create(
        organisation=organisation,
        grievance=grievance,
        content_type="image/png",
        size=len(PNG_BYTES),
        data=b"x",
    )
    disclosure = DisclosureRequest.objects.create(
        organisation=organisation,
        grievance=grievance,
        recipient=user,
        reason="Tenancy test",
        requested_by=None,
    )
    system = make_system(organisation, "Tenancy test grievance system")
    impact = make_impact(
        Assessment.objects.create(
            organisation=organisation, system=system, title="Grievance tenancy"
        )
    )
    return {
        "grievance_id": grievance.pk,
        "attachment_id": attachment.pk,
        "disclosure_id": disclosure.pk,
        "impact_id": impact.pk,
    }
