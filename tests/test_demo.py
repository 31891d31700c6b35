"""The demo organisation: loads cleanly, twice without change, and shows the rules at work."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from rightslens.accounts.models import AuditEvent, Organisation
from rightslens.assessments.models import Assessment, Impact
from rightslens.common.knowledge import knowledge
from rightslens.inventory.models import AISystem

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        "systems": AISystem.objects.count(),
        "assessments": Assessment.objects.count(),
        "impacts": Impact.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


def test_loading_the_demo_twice_changes_nothing():
    call_command("load_demo")
    first = _counts()
    call_command("load_demo")
    assert _counts() == first
    assert first["systems"] >= 3 and first["impacts"] >= 9


def test_the_demo_has_the_three_kinds_of_system_the_issue_asks_for():
    call_command("load_demo")
    kinds = {s.kind for s in AISystem.objects.filter(organisation__slug="demo")}
    assert {"foundation_model", "other_ai"} <= kinds or {
        "generative_application",
        "other_ai",
    } <= kinds
    roles = {
        r for s in AISystem.objects.filter(organisation__slug="demo") for r in s.value_chain_roles
    }
    assert {"developer", "deployer"} <= roles


def test_every_knowledge_reference_in_the_demo_resolves():
    call_command("load_demo")
    kb = knowledge()
    for impact in Impact.objects.all():
        assert kb.get(impact.risk_category) is not None, impact.title
        assert all(kb.get(r) is not None for r in impact.rights), impact.title


def test_the_demo_register_puts_an_actual_severe_harm_first():
    call_command("load_demo")
    org = Organisation.objects.get(slug="demo")
    first = Impact.objects.filter(organisation=org).order_by("-priority", "id").first()
    assert first is not None and first.actual and first.severity_band == 4


def test_seeded_problems_make_quality_checks_fire():
    from rightslens.assessments.cycle_selectors import org_quality

    call_command("load_demo")
    findings = [
        f for _, fs in org_quality(organisation=Organisation.objects.get(slug="demo")) for f in fs
    ]
    assert any(str(getattr(f, "level", "")).lower().endswith("error") for f in findings)
