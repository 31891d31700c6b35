"""One answer to "which required responses does this plan not yet cover?" everywhere it is shown.

A severe impact we cause, with a live "mitigate" action and a cancelled "prevent" action: the
cancelled action covers nothing, so ceasing or preventing is still owed on every page and route.
"""

from conftest import api_headers
from rightslens.assessments import cycle_services
from rightslens.assessments.cycle_selectors import quality_findings
from rightslens.assessments.models import Action, ActionStatus
from rightslens.assessments.register import register_rows
from rightslens.assessments.rules import impact_plan_gaps

from .conftest import IMPACT

STOP = "Cease the activity or prevent it from happening"


def _impact_with_cancelled_prevent(assessment, owner):
    impact = cycle_services.impact_record(assessment=assessment, actor=owner, **IMPACT)
    cycle_services.action_plan(
        impact=impact, actor=owner, action_type="mitigate", description="Review flagged posts"
    )
    prevent = cycle_services.action_plan(
        impact=impact, actor=owner, action_type="prevent", description="Retune the filter"
    )
    Action.objects.filter(pk=prevent.pk).update(status=ActionStatus.CANCELLED)
    return impact


def test_a_cancelled_prevent_action_leaves_the_same_gap_everywhere(
    owner_client, client, assessment, owner, org
):
    impact = _impact_with_cancelled_prevent(assessment, owner)
    assert [r.label for r in impact_plan_gaps(impact)] == [STOP]

    (row,) = register_rows(organisation=org)
    assert [r.label for r in row.unmet] == [STOP]

    plan = owner_client.get(f"/o/acme/assessments/{assessment.pk}/plan/").content.decode()
    assert f"Still needed: {STOP}" in plan

    report = owner_client.get(f"/o/acme/assessments/{assessment.pk}/report/").content.decode()
    assert f"Gap: {STOP}" in report

    brief = owner_client.get("/o/acme/board-brief/").content.decode()
    assert f"not yet covered: {STOP.lower()}" in brief

    gaps = [f for f in quality_findings(assessment) if f.code == "response_gap"]
    assert len(gaps) == 1 and STOP in gaps[0].message

    rows = client.get("/api/assessments/orgs/acme/register", **api_headers(owner)).json()
    assert rows[0]["unmet_requirements"] == [STOP]


def test_once_the_prevent_action_is_live_again_no_page_shows_the_gap(
    owner_client, client, assessment, owner, org
):
    impact = _impact_with_cancelled_prevent(assessment, owner)
    impact.actions.filter(action_type="prevent").update(status=ActionStatus.PLANNED)
    assert impact_plan_gaps(impact) == []
    assert register_rows(organisation=org)[0].unmet == []
    assert (
        "Still needed"
        not in owner_client.get(f"/o/acme/assessments/{assessment.pk}/plan/").content.decode()
    )
    assert (
        "Gap:"
        not in owner_client.get(f"/o/acme/assessments/{assessment.pk}/report/").content.decode()
    )
    assert "not yet covered" not in owner_client.get("/o/acme/board-brief/").content.decode()
    assert "response_gap" not in {f.code for f in quality_findings(assessment)}
    rows = client.get("/api/assessments/orgs/acme/register", **api_headers(owner)).json()
    assert rows[0]["unmet_requirements"] == []
