from rightslens.assessments import cycle_selectors
from rightslens.assessments import demo as assessments_demo
from rightslens.assessments.cycle_models import Indicator
from rightslens.assessments.models import Assessment


def test_the_demo_runs_a_full_cycle_and_seeds_quality_problems(org, owner):
    assessments_demo.load(org, owner)  # the cycle's demo comes with it
    approved = Assessment.objects.get(title="Lumen Chat: annual review", status="approved")
    assert Assessment.objects.get(previous=approved).status == "draft"
    view = cycle_selectors.indicator_view(
        Indicator.objects.get(
            action__impact__assessment__system__name="Lumen Chat",
            action__impact__assessment__kind="rapid",
        )
    )
    assert {r.group for r in view.left_behind} == {"sw", "id"}
    codes = {f.code for _, found in cycle_selectors.org_quality(organisation=org) for f in found}
    assert {
        "severe_without_action",
        "overdue",
        "closed_without_evidence",
        "safety_untested_languages",
    } <= codes


def test_the_demos_annual_review_passed_the_approval_gates(org, owner):
    from rightslens.accounts.models import AuditEvent
    from rightslens.assessments.cycle_catalogue import category_titles

    assessments_demo.load(org, owner)
    review = Assessment.objects.get(title="Lumen Chat: annual review", status="approved")
    # Approval goes through the gates (tests/cycle/test_approval_gates.py), so it was earned:
    assert AuditEvent.objects.filter(verb="assessment.approve", object_id=str(review.pk)).exists()
    assert cycle_selectors.considered_categories(review) >= set(category_titles())
    assert review.suggestion_decisions.filter(accepted=False).exists()


def test_the_demo_systems_are_not_cleared_without_a_current_approval(org, owner):
    from rightslens.assessments.cycle_selectors import system_clearance
    from rightslens.inventory.models import AISystem

    assessments_demo.load(org, owner)
    statuses = {
        s.name: system_clearance(s)["status"] for s in AISystem.objects.filter(organisation=org)
    }
    # Image generation changed the chat assistant after its annual review: its new version is open.
    assert statuses["Lumen Chat"] == "in_progress"
    assert "cleared" not in statuses.values()
