from __future__ import annotations

from typing import Any

import pytest

from rightslens.assessments.models import Assessment
from rightslens.inventory.models import AffectedGroup, AISystem


@pytest.fixture
def system(org: Any) -> AISystem:
    chat = AISystem.objects.create(
        organisation=org,
        name="Lumen Chat",
        purpose="Multilingual chat assistant for the public",
        value_chain_roles=["developer"],
        lifecycle_stage="deploy",
        kind="generative_application",
        countries=["KE", "BR", "ID"],
        languages=["en", "sw", "pt", "id"],
        intended_users="Adults and teenagers (13+)",
    )
    AffectedGroup.objects.create(
        organisation=org,
        system=chat,
        name="Teenagers",
        vulnerable=True,
        vulnerability="vg-children",
    )
    AffectedGroup.objects.create(
        organisation=org,
        system=chat,
        name="Swahili speakers",
        vulnerable=True,
        vulnerability="vg-low-resource-languages",
    )
    return chat


@pytest.fixture
def author(org: Any) -> Any:
    """The assessment's author: an assessor, so the owner's approval is independent sign-off."""
    from conftest import make_member

    return make_member(org, "author@acme.test", "assessor")


@pytest.fixture
def assessment(org: Any, system: AISystem, owner: Any, author: Any) -> Assessment:
    return Assessment.objects.create(
        organisation=org,
        system=system,
        title="Market entry",
        kind="rapid",
        trigger="market_entry",
        created_by=author,
        scope_languages=list(system.languages),
        scope_countries=list(system.countries),
    )


IMPACT = {
    "title": "Over-blocking of legitimate speech in Swahili",
    "rights": ["udhr-19"],
    "risk_category": "cat-expression",
    "scale": 3,
    "scale_rationale": "Health and political information blocked.",
    "scope": 4,
    "scope_rationale": "Every Swahili-speaking user.",
    "irremediability": 2,
    "likelihood": 4,
    "involvement": "cause",
    "involvement_rationale": "Our own filters.",
    "business_risk": 2,
}
