"""Tenancy fixtures: one object of this app for every `<int:..._id>` URL kwarg it uses."""

from __future__ import annotations

from typing import Any

from rightslens.accounts.models import Organisation

from . import services
from .models import InstrumentVersion

TENANCY_TEXT = (
    "Article 1\nProviders shall carry out a human rights impact assessment before deployment.\n\n"
    "Article 2\nThis Act shall not apply to AI systems used for national security.\n"
)


def make_version(
    organisation: Organisation, user: Any, text: str = TENANCY_TEXT, **overrides: Any
) -> InstrumentVersion:
    """An instrument with one analysed version (the analysis runs in process)."""
    values: dict[str, Any] = {
        "title": "Tenancy test act",
        "jurisdiction": "Testland",
        "kind": "law",
        "binding": True,
        "text": text,
    } | overrides
    version = services.instrument_create(organisation=organisation, actor=user, **values)
    services.analysis_request(version=version)
    return version


def tenancy_objects(organisation: Organisation, user: Any) -> dict[str, int]:
    version = make_version(organisation, user)
    finding = version.latest_analysis().findings.first()  # type: ignore[union-attr]  # the test fixture always has an analysis
    assert finding is not None
    return {
        "instrument_id": version.instrument_id,
        "version_id": version.pk,
        "finding_id": finding.pk,
    }
