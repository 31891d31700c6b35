"""`manage.py recompute_priorities` refreshes stored priorities after a change to the core rules."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from rightslens.accounts.models import AuditEvent
from rightslens.assessments.models import Assessment, Impact
from rightslens.assessments.rules import impact_rating
from rightslens.assessments.testing import make_impact
from rightslens.core import severity
from rightslens.inventory.testing import make_system


@pytest.fixture
def impacts(org):
    system = make_system(org, "Screener")
    assessment = Assessment.objects.create(organisation=org, system=system, title="Review")
    low = make_impact(assessment, title="Low", scale=1, scope=1, irremediability=1, likelihood=5)
    high = make_impact(
        assessment,
        title="High",
        scale=3,
        scale_rationale="x",
        scope=3,
        scope_rationale="x",
        irremediability=1,
        likelihood=1,
    )
    return low, high


def _run() -> str:
    out = io.StringIO()
    call_command("recompute_priorities", stdout=out)
    return out.getvalue()


def test_after_a_rule_change_the_command_reorders_the_stored_register(impacts, org, monkeypatch):
    low, high = impacts
    assert high.priority > low.priority
    # A rule change: likelihood now dominates the packed number.
    monkeypatch.setattr(
        severity,
        "priority_number",
        lambda rating: int(rating.likelihood or 6) * 100000 + rating.severity.band,
    )
    monkeypatch.setattr("rightslens.assessments.rules.priority_number", severity.priority_number)
    assert "2 impacts changed." in _run()
    low.refresh_from_db()
    high.refresh_from_db()
    assert low.priority > high.priority
    assert AuditEvent.objects.filter(organisation=org, verb="priorities_recomputed").count() == 1


def test_with_unchanged_rules_nothing_is_rewritten(impacts):
    low, high = impacts
    Impact.objects.filter(pk=low.pk).update(priority=0, severity_band=0)  # a stale stored value
    assert "1 impacts changed." in _run()
    low.refresh_from_db()
    assert low.priority == severity.priority_number(impact_rating(low))
    assert "0 impacts changed." in _run()
